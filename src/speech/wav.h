// WAV files of speech: RIFF, 16-bit PCM, mono, for `letopis say --wav` and for tests.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "util/result.h"

namespace letopis {

// The bytes of a WAV file holding `samples` (mono, `sample_rate` Hz, 16-bit little-endian).
std::string wav_bytes(std::span<const int16_t> samples, int sample_rate);

// Writes wav_bytes() to `path`, replacing the file.
Status write_wav(const std::filesystem::path& path, std::span<const int16_t> samples, int sample_rate);

} // namespace letopis
