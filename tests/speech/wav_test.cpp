// WAV files: a header any player accepts, and a word that lasts as long as a word.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

#include "speech/synthesizer.h"
#include "speech/wav.h"

namespace letopis {
namespace {

uint32_t u32_at(const std::string& bytes, size_t at)
{
    uint32_t value = 0;
    for (int i = 3; i >= 0; --i)
        value = (value << 8) | static_cast<uint8_t>(bytes[at + static_cast<size_t>(i)]);
    return value;
}

uint16_t u16_at(const std::string& bytes, size_t at)
{
    return static_cast<uint16_t>(static_cast<uint8_t>(bytes[at]) | (static_cast<uint8_t>(bytes[at + 1]) << 8));
}

// Checks the canonical PCM header and returns the number of samples.
size_t check_header(const std::string& bytes)
{
    EXPECT_GE(bytes.size(), 44u);
    if (bytes.size() < 44)
        return 0;
    EXPECT_EQ(bytes.substr(0, 4), "RIFF");
    EXPECT_EQ(u32_at(bytes, 4), bytes.size() - 8);
    EXPECT_EQ(bytes.substr(8, 4), "WAVE");
    EXPECT_EQ(bytes.substr(12, 4), "fmt ");
    EXPECT_EQ(u32_at(bytes, 16), 16u);
    EXPECT_EQ(u16_at(bytes, 20), 1u); // PCM
    EXPECT_EQ(u16_at(bytes, 22), 1u); // mono
    EXPECT_EQ(u32_at(bytes, 24), 22050u);
    EXPECT_EQ(u32_at(bytes, 28), 44100u);
    EXPECT_EQ(u16_at(bytes, 32), 2u);
    EXPECT_EQ(u16_at(bytes, 34), 16u);
    EXPECT_EQ(bytes.substr(36, 4), "data");
    EXPECT_EQ(u32_at(bytes, 40), bytes.size() - 44);
    return (bytes.size() - 44) / 2;
}

TEST(Wav, HeaderAndLittleEndianSamples)
{
    const int16_t samples[] = {0, 1, -1, 32767, -32768};
    const std::string bytes = wav_bytes(samples, kSampleRate);
    EXPECT_EQ(check_header(bytes), 5u);
    EXPECT_EQ(u16_at(bytes, 44 + 2), 1u);
    EXPECT_EQ(u16_at(bytes, 44 + 4), 0xFFFFu);
    EXPECT_EQ(u16_at(bytes, 44 + 6), 0x7FFFu);
    EXPECT_EQ(u16_at(bytes, 44 + 8), 0x8000u);
    EXPECT_EQ(check_header(wav_bytes({}, kSampleRate)), 0u);
}

TEST(Wav, AWordWrittenToAFileIsValidAndPlausiblyLong)
{
    auto samples = synthesize("за\u0301мок");
    ASSERT_TRUE(samples.ok()) << samples.error().describe();
    const auto path = std::filesystem::temp_directory_path() / ("letopis-wav-test-" + std::to_string(getpid()) + ".wav");
    ASSERT_TRUE(write_wav(path, *samples, kSampleRate).ok());
    std::ifstream file(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    std::filesystem::remove(path);

    const size_t count = check_header(bytes);
    EXPECT_EQ(count, samples->size());
    const double seconds = static_cast<double>(count) / kSampleRate;
    EXPECT_GT(seconds, 0.2);
    EXPECT_LT(seconds, 2.0);
    // Not silence: speech reaches a fair part of the 16-bit range.
    int peak = 0;
    for (int16_t sample : *samples)
        peak = std::max(peak, std::abs(static_cast<int>(sample)));
    EXPECT_GT(peak, 1000);
}

TEST(Wav, SentenceLastsLongerThanItsWord)
{
    auto word = synthesize("за\u0301мок");
    auto sentence = synthesize("Я вошёл в за\u0301мок, и дверь закрылась.");
    ASSERT_TRUE(word.ok());
    ASSERT_TRUE(sentence.ok());
    EXPECT_GT(sentence->size(), 2 * word->size());
}

TEST(Wav, UnwritablePathIsAnError)
{
    const int16_t samples[] = {0};
    auto written = write_wav("/nonexistent-dir/letopis.wav", samples, kSampleRate);
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().kind, ErrorKind::Io);
}

} // namespace
} // namespace letopis
