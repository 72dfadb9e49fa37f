// The phonemes espeak-ng actually speaks: the stress mark decides where the stress is, ё keeps its
// vowel, and a word without a mark sounds as espeak reads it. Phonemes, not samples, because the
// samples differ slightly between runs.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "phoneme_test_util.h"
#include "speech/synthesizer.h"

namespace letopis {
namespace {

std::string spoken(std::string_view text)
{
    auto phonemes = phonemes_for(text);
    EXPECT_TRUE(phonemes.ok()) << text << ": " << (phonemes.ok() ? "" : phonemes.error().describe());
    return phonemes.ok() ? *phonemes : std::string();
}

struct StressPair {
    const char* first;  // stress on the first vowel
    const char* second; // stress on the second vowel
    const char* first_vowel;
    const char* second_vowel;
};

class StressPairs : public testing::TestWithParam<StressPair> {};

TEST_P(StressPairs, TheMarkedVowelCarriesTheStress)
{
    const StressPair& pair = GetParam();
    const std::string first = spoken(pair.first);
    const std::string second = spoken(pair.second);
    EXPECT_EQ(test::stressed_vowel(first), 0) << first;
    EXPECT_EQ(test::stressed_vowel(second), 1) << second;
    EXPECT_EQ(test::stressed_phoneme(first), pair.first_vowel) << first;
    EXPECT_EQ(test::stressed_phoneme(second), pair.second_vowel) << second;
    EXPECT_NE(first, second);
}

INSTANTIATE_TEST_SUITE_P(Phonemes, StressPairs,
                         testing::Values(StressPair{"за\u0301мок", "замо\u0301к", "A", "o"},
                                         StressPair{"му\u0301ка", "мука\u0301", "u", "A"},
                                         StressPair{"ру\u0301ки", "руки\u0301", "u", "I"},
                                         StressPair{"до\u0301ма", "дома\u0301", "o", "A"}));

TEST(Phonemes, UnstressedVowelsAreReduced)
{
    // за́мок: the о after the stress is no longer a full [o].
    const std::string zamok = spoken("за\u0301мок");
    EXPECT_EQ(zamok.find('o'), std::string::npos) << zamok;
    EXPECT_EQ(zamok, "z'AmVk");
}

TEST(Phonemes, YoKeepsItsVowel)
{
    const std::string yo = spoken("Хрущёв");
    const std::string ye = spoken("Хрущев");
    EXPECT_EQ(test::stressed_vowel(yo), 1) << yo;
    EXPECT_EQ(test::stressed_phoneme(yo), "8") << yo; // espeak's ё after a soft consonant
    EXPECT_EQ(ye.find('8'), std::string::npos) << ye;
    EXPECT_NE(yo, ye);

    EXPECT_EQ(test::stressed_phoneme(spoken("ёлка")), "8");
    EXPECT_EQ(test::stressed_vowel(spoken("ещё")), 1);
    // A mark elsewhere takes the main stress, and ё still sounds as ё.
    const std::string compound = spoken("трёхэта\u0301жный");
    EXPECT_EQ(test::stressed_vowel(compound), 2) << compound;
    EXPECT_NE(compound.find('8'), std::string::npos) << compound;
}

TEST(Phonemes, WithoutAMarkEspeakDecides)
{
    for (const char* text : {"замок", "молоко", "руки", "Я пошёл домой"}) {
        auto own = espeak_phonemes(text);
        ASSERT_TRUE(own.ok());
        EXPECT_EQ(spoken(text), *own) << text;
    }
    EXPECT_EQ(spoken("молоко"), "mVlVk'o");
    // A mark where espeak puts the stress anyway changes nothing.
    EXPECT_EQ(spoken("замо\u0301к"), spoken("замок"));
}

TEST(Phonemes, EveryMarkedWordOfASentence)
{
    const std::string sentence = spoken("Это за\u0301мок, а не замо\u0301к.");
    EXPECT_NE(sentence.find("z'AmVk"), std::string::npos) << sentence;
    EXPECT_NE(sentence.find("zam'ok"), std::string::npos) << sentence;

    // Unmarked words around a marked one keep espeak's reading.
    const std::string mixed = spoken("Я вошёл в за\u0301мок.");
    EXPECT_EQ(mixed, "'ja vVS'ol v z'AmVk");
}

TEST(Phonemes, CapitalsAndHyphens)
{
    EXPECT_EQ(spoken("ЗА\u0301МОК"), spoken("за\u0301мок"));
    EXPECT_EQ(test::stressed_vowel(spoken("по-ру\u0301сски")), 1);
}

TEST(Phonemes, EmptyAndInvalidText)
{
    EXPECT_EQ(spoken(""), "");
    EXPECT_EQ(spoken("  "), "");
    auto invalid = phonemes_for("\xff\xfe");
    ASSERT_FALSE(invalid.ok());
    EXPECT_EQ(invalid.error().kind, ErrorKind::InvalidInput);
}

TEST(Phonemes, CallsFromSeveralThreadsAgree)
{
    // espeak-ng is not thread-safe; our calls queue for its one thread.
    std::vector<std::thread> threads;
    std::vector<std::string> results(4);
    for (size_t i = 0; i < results.size(); ++i)
        threads.emplace_back([&results, i] { results[i] = phonemes_for(i % 2 ? "замо\u0301к" : "за\u0301мок").value(); });
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(results[0], "z'AmVk");
    EXPECT_EQ(results[1], "zam'ok");
    EXPECT_EQ(results[2], results[0]);
    EXPECT_EQ(results[3], results[1]);
}

} // namespace
} // namespace letopis
