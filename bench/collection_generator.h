// The collection generator now lives in the service module (`letopis dev generate` uses it too);
// this header keeps the benchmarks' include working.
#pragma once

#include "service/collection_generator.h"
