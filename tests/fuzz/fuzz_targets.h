// Fuzz targets, one per parser: each takes arbitrary bytes and must neither crash nor hang.
// fuzz_replay.cpp runs them over a corpus plus mutations (in `make test`); with clang and
// -DLETOPIS_FUZZ=ON each also builds as a libFuzzer binary (fuzz_libfuzzer.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace letopis::fuzz {

int deck_reader(const uint8_t* data, size_t size);   // read_deck_text + parse_deck_text
int word_list(const uint8_t* data, size_t size);     // delimiter detection, CSV splitting, layout
int import_bytes(const uint8_t* data, size_t size);  // encodings, mojibake, format, readers, lint
int encoding(const uint8_t* data, size_t size);      // detect, decode, encode, mojibake repair

struct Target {
    const char* name;
    int (*run)(const uint8_t*, size_t);
};
inline constexpr Target kTargets[] = {
    {"deck_reader", deck_reader},
    {"word_list", word_list},
    {"import_bytes", import_bytes},
    {"encoding", encoding},
};

} // namespace letopis::fuzz
