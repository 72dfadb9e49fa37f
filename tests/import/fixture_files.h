// Reading the import fixtures and golden files; LETOPIS_UPDATE_GOLDEN=1 rewrites the goldens.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace letopis::testing {

inline std::filesystem::path fixture(const std::string& name)
{
    return std::filesystem::path(LETOPIS_IMPORT_FIXTURES) / name;
}

inline std::string read_all(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << "cannot read " << path;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Compares `actual` with golden/<name>; with LETOPIS_UPDATE_GOLDEN=1 writes it instead.
inline void expect_golden(const std::string& name, const std::string& actual)
{
    const auto path = std::filesystem::path(LETOPIS_IMPORT_GOLDEN) / name;
    if (const char* update = std::getenv("LETOPIS_UPDATE_GOLDEN"); update && std::string(update) == "1") {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << actual;
        return;
    }
    ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing; run with LETOPIS_UPDATE_GOLDEN=1";
    EXPECT_EQ(actual, read_all(path)) << "differs from " << path;
}

} // namespace letopis::testing
