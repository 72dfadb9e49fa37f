// libFuzzer entry point for one target, chosen at compile time with LETOPIS_FUZZ_TARGET
// (see CMakeLists.txt: built only with clang and -DLETOPIS_FUZZ=ON).
#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return letopis::fuzz::LETOPIS_FUZZ_TARGET(data, size);
}
