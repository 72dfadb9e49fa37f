// The canonical 44-byte RIFF/WAVE header followed by the samples, written byte by byte so the file
// is little-endian whatever the machine.
#include "speech/wav.h"

#include <fstream>

namespace letopis {
namespace {

void put_u16(std::string& out, uint32_t value)
{
    out += static_cast<char>(value & 0xFF);
    out += static_cast<char>((value >> 8) & 0xFF);
}

void put_u32(std::string& out, uint32_t value)
{
    put_u16(out, value & 0xFFFF);
    put_u16(out, value >> 16);
}

} // namespace

std::string wav_bytes(std::span<const int16_t> samples, int sample_rate)
{
    constexpr uint32_t kChannels = 1;
    constexpr uint32_t kBytesPerSample = 2;
    const auto data_size = static_cast<uint32_t>(samples.size() * kBytesPerSample);
    std::string out;
    out.reserve(44 + data_size);
    out += "RIFF";
    put_u32(out, 36 + data_size);
    out += "WAVE";
    out += "fmt ";
    put_u32(out, 16);       // size of the fmt chunk
    put_u16(out, 1);        // PCM
    put_u16(out, kChannels);
    put_u32(out, static_cast<uint32_t>(sample_rate));
    put_u32(out, static_cast<uint32_t>(sample_rate) * kChannels * kBytesPerSample); // bytes a second
    put_u16(out, kChannels * kBytesPerSample);                                       // bytes a frame
    put_u16(out, 8 * kBytesPerSample);
    out += "data";
    put_u32(out, data_size);
    for (const int16_t sample : samples)
        put_u16(out, static_cast<uint16_t>(sample));
    return out;
}

Status write_wav(const std::filesystem::path& path, std::span<const int16_t> samples, int sample_rate)
{
    const std::string bytes = wav_bytes(samples, sample_rate);
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file)
        return make_error(ErrorKind::Io, "cannot write " + path.string());
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.close();
    if (!file)
        return make_error(ErrorKind::Io, "cannot write " + path.string());
    return {};
}

} // namespace letopis
