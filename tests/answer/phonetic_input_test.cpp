// Phonetic typing as the answer box uses it: keystrokes are the truth, Backspace removes the last
// key, and the chart of keys agrees with the transliteration rules.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/answer/phonetic_input.h"
#include "text/transliterate.h"

namespace letopis {
namespace {

TEST(PhoneticBuffer, ReRendersTheWholeBufferOnEachKey)
{
    PhoneticBuffer buffer;
    const std::pair<const char*, const char*> steps[] = {
        {"s", "с"}, {"h", "ш"}, {"c", "шц"}, {"h", "щ"}, {"i", "щи"},
    };
    for (const auto& [key, text] : steps) {
        buffer.type(key);
        EXPECT_EQ(buffer.text(), text) << buffer.keys();
    }
    EXPECT_EQ(buffer.keys(), "shchi");
}

TEST(PhoneticBuffer, BackspaceRemovesTheLastKey)
{
    PhoneticBuffer buffer("shch");
    EXPECT_EQ(buffer.text(), "щ");
    EXPECT_TRUE(buffer.backspace());
    EXPECT_EQ(buffer.keys(), "shc");
    EXPECT_EQ(buffer.text(), "шц");
    EXPECT_TRUE(buffer.backspace());
    EXPECT_EQ(buffer.text(), "ш");
    EXPECT_TRUE(buffer.backspace());
    EXPECT_EQ(buffer.text(), "с");
    EXPECT_TRUE(buffer.backspace());
    EXPECT_TRUE(buffer.empty());
    EXPECT_EQ(buffer.text(), "");
    EXPECT_FALSE(buffer.backspace());
}

TEST(PhoneticBuffer, VowelContextChangesAsYouType)
{
    PhoneticBuffer buffer("n");
    buffer.type("y");
    EXPECT_EQ(buffer.text(), "ны");
    buffer.type("a");
    EXPECT_EQ(buffer.text(), "ня");
    buffer.backspace();
    buffer.backspace();
    buffer.type("o");
    buffer.type("y");
    EXPECT_EQ(buffer.text(), "ной");
}

TEST(PhoneticBuffer, ApostropheSoftSignAndHardSign)
{
    PhoneticBuffer buffer("vlast");
    buffer.type("'");
    EXPECT_EQ(buffer.text(), "власть");
    buffer.clear();
    buffer.type("s'");
    EXPECT_EQ(buffer.text(), "сь");
    buffer.type("'");
    EXPECT_EQ(buffer.text(), "съ");
    buffer.type("ezd");
    EXPECT_EQ(buffer.text(), "съезд");
}

TEST(PhoneticBuffer, CyrillicKeysPassAndBackspaceRemovesAWholeCharacter)
{
    PhoneticBuffer buffer;
    buffer.type("мир");
    buffer.type(" i ");
    buffer.type("Trud");
    EXPECT_EQ(buffer.text(), "мир и Труд");
    buffer.clear();
    buffer.type("ёж");
    EXPECT_TRUE(buffer.backspace());
    EXPECT_EQ(buffer.keys(), "ё");
    EXPECT_EQ(buffer.text(), "ё");
}

std::string upper(std::string_view cyrillic)
{
    static const std::map<std::string_view, std::string_view> kUpper{
        {"а", "А"}, {"б", "Б"}, {"в", "В"}, {"г", "Г"}, {"д", "Д"}, {"е", "Е"}, {"ё", "Ё"}, {"ж", "Ж"},
        {"з", "З"}, {"и", "И"}, {"й", "Й"}, {"к", "К"}, {"л", "Л"}, {"м", "М"}, {"н", "Н"}, {"о", "О"},
        {"п", "П"}, {"р", "Р"}, {"с", "С"}, {"т", "Т"}, {"у", "У"}, {"ф", "Ф"}, {"х", "Х"}, {"ц", "Ц"},
        {"ч", "Ч"}, {"ш", "Ш"}, {"щ", "Щ"}, {"ы", "Ы"}, {"э", "Э"}, {"ю", "Ю"}, {"я", "Я"},
    };
    const auto it = kUpper.find(cyrillic);
    return it == kUpper.end() ? std::string() : std::string(it->second);
}

TEST(PhoneticChart, EveryLetterOnceAndEveryKeyTypesIt)
{
    const auto chart = phonetic_chart();
    ASSERT_EQ(chart.size(), 33u);
    for (const auto& key : chart) {
        EXPECT_EQ(phonetic_to_cyrillic(key.keys), key.cyrillic) << key.keys;
        // Other ways, except those that name a context ("y after a vowel").
        std::string also(key.also);
        size_t start = 0;
        while (start < also.size()) {
            size_t end = also.find(", ", start);
            if (end == std::string::npos)
                end = also.size();
            const std::string other = also.substr(start, end - start);
            if (other.find(' ') == std::string::npos) {
                EXPECT_EQ(phonetic_to_cyrillic(other), key.cyrillic) << other;
            }
            start = end + 2;
        }
        // The Title-case key gives the capital letter.
        const std::string capital = upper(key.cyrillic);
        if (!capital.empty()) {
            std::string title(key.keys);
            title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
            EXPECT_EQ(phonetic_to_cyrillic(title), capital) << title;
        }
    }
    EXPECT_EQ(phonetic_to_cyrillic("ay"), "ай"); // й's "y after a vowel"
}

TEST(PhoneticChart, SchemeListsTheChartAndTheContextRules)
{
    const auto lines = phonetic_scheme();
    ASSERT_GT(lines.size(), 33u);
    EXPECT_EQ(lines[0], "а  a");
    EXPECT_EQ(lines[26], "щ  shch; also w");
    EXPECT_EQ(lines[28], "ы  y (not after a vowel)");
    // The examples the help text gives are what the scheme does.
    EXPECT_EQ(phonetic_to_cyrillic("moy my novye yesli sovetskiy Trockiy rajon"),
              "мой мы новые если советский Троцкий район");
}

} // namespace
} // namespace letopis
