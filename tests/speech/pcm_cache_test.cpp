// The cache of recent samples: least recently used out first, by bytes.
#include <gtest/gtest.h>

#include <memory>

#include "speech/pcm_cache.h"

namespace letopis {
namespace {

Samples samples_of(size_t count, int16_t value)
{
    return std::make_shared<const std::vector<int16_t>>(count, value);
}

TEST(PcmCache, FindsWhatWasInserted)
{
    PcmCache cache(1000);
    EXPECT_EQ(cache.find("за\u0301мок"), nullptr);
    cache.insert("за\u0301мок", samples_of(10, 1));
    ASSERT_NE(cache.find("за\u0301мок"), nullptr);
    EXPECT_EQ(cache.find("за\u0301мок")->front(), 1);
    EXPECT_EQ(cache.find("замо\u0301к"), nullptr); // another stress, another sound
    EXPECT_EQ(cache.bytes(), 20u);
}

TEST(PcmCache, DropsTheLeastRecentlyUsed)
{
    PcmCache cache(40); // room for two entries of 10 samples
    cache.insert("a", samples_of(10, 1));
    cache.insert("b", samples_of(10, 2));
    ASSERT_NE(cache.find("a"), nullptr); // a is now more recent than b
    cache.insert("c", samples_of(10, 3));
    EXPECT_NE(cache.find("a"), nullptr);
    EXPECT_EQ(cache.find("b"), nullptr);
    EXPECT_NE(cache.find("c"), nullptr);
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_EQ(cache.bytes(), 40u);
}

TEST(PcmCache, ReplacingAnEntryCountsItsBytesOnce)
{
    PcmCache cache(100);
    cache.insert("a", samples_of(10, 1));
    cache.insert("a", samples_of(20, 2));
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_EQ(cache.bytes(), 40u);
    EXPECT_EQ(cache.find("a")->front(), 2);
}

TEST(PcmCache, TooLargeIsNotKept)
{
    PcmCache cache(10);
    cache.insert("long", samples_of(100, 1));
    EXPECT_EQ(cache.find("long"), nullptr);
    EXPECT_EQ(cache.bytes(), 0u);
}

} // namespace
} // namespace letopis
