// The text helpers behind the linter and the keys: words, stress, folding, look-alikes, slugs,
// the stress dictionary's reading of capital vowels, and hunspell lemmas.
#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "text/fast_normalize.h"
#include "text/lemmas.h"
#include "text/normalize.h"
#include "text/russian_word.h"
#include "text/slug.h"
#include "text/stress_dictionary.h"

namespace letopis {
namespace {

TEST(RussianWord, SplitsOnSpacesPunctuationAndHyphens)
{
    EXPECT_EQ(split_words("Вре́менное прави́тельство, из-за РКП(б)!"),
              (std::vector<std::string_view>{"Вре́менное", "прави́тельство", "из", "за", "РКП", "б"}));
    EXPECT_EQ(split_words("war; warfare"), (std::vector<std::string_view>{"war", "warfare"}));
    EXPECT_TRUE(split_words("1917 — «»").empty());
}

TEST(RussianWord, StressAndSyllables)
{
    const WordStress voina = word_stress("война́");
    EXPECT_EQ(voina.vowels, 2);
    EXPECT_EQ(voina.marked, (std::vector<int32_t>{1}));
    EXPECT_FALSE(voina.yo.has_value());

    const WordStress yolka = word_stress("ёлка");
    EXPECT_TRUE(yolka.stressed());
    EXPECT_EQ(yolka.yo, 0);

    EXPECT_EQ(word_stress("продразве\u0308рстка").yo, 2); // decomposed ё
    EXPECT_FALSE(word_stress("революция").stressed());
    EXPECT_EQ(count_letters("Юрий").vowels, 2); // й is not a vowel
    EXPECT_EQ(misplaced_stress_marks("сов\u0301ет и\u0301 \u0301"), (std::vector<size_t>{6, 18}));
}

TEST(RussianWord, FoldIsFoldKeyForRussian)
{
    EXPECT_EQ(fold_word("Продразвёрстка"), "продразверстка");
    EXPECT_EQ(fold_word("ВОЙНА́"), "война");
    EXPECT_EQ(fold_word("Юрий"), "юрий");
    EXPECT_EQ(fold_word("Е\u0308лка"), "елка");
    EXPECT_EQ(strip_stress_marks("Вре́менное"), "Временное");
    EXPECT_EQ(with_stress_mark("война", 1), "война́");
    EXPECT_EQ(with_stress_mark("ёлка", 0), "ёлка"); // ё takes no mark
}

TEST(RussianWord, MalformedBytesAreNoLetters)
{
    // Each byte that is not well-formed UTF-8 is dropped from the fold; a written U+FFFD stays.
    EXPECT_EQ(fold_word("Во\xD0йна\xFF"), "война");
    EXPECT_EQ(fold_word("\xC0\x80да"), "да"); // an overlong NUL
    EXPECT_EQ(fold_word("да\uFFFD"), "да\uFFFD");
    EXPECT_EQ(split_words("мир\xFFтруд"), (std::vector<std::string_view>{"мир", "труд"}));
    EXPECT_EQ(count_letters("д\xE0\x8C\x81а").cyrillic, 2);
    EXPECT_EQ(misplaced_stress_marks("а\x80\u0301"), (std::vector<size_t>{3}));
    EXPECT_EQ(ascii_slug("\xD1\xEB\xEE\xE2\xE0"), ""); // «Слова» in windows-1251
}

TEST(RussianWord, LookAlikes)
{
    EXPECT_EQ(cyrillic_look_alike(U'c'), U'с');
    EXPECT_EQ(cyrillic_look_alike(U'P'), U'Р');
    EXPECT_FALSE(cyrillic_look_alike(U'w').has_value());
    const auto letters = latin_letters("cоветx");
    ASSERT_EQ(letters.size(), 2u);
    EXPECT_EQ(letters[0].letter, U'c');
    EXPECT_EQ(letters[1].letter, U'x');
}

TEST(Slug, RomanisesLikeTheShippedKeys)
{
    EXPECT_EQ(ascii_slug("Вре́менное прави́тельство"), "vremennoe-pravitelstvo");
    EXPECT_EQ(ascii_slug("рабо́чий"), "rabochii");
    EXPECT_EQ(ascii_slug("крестья́нин"), "krestyanin");
    EXPECT_EQ(ascii_slug("револю́ция"), "revolyutsiya");
    EXPECT_EQ(ascii_slug("продразвёрстка"), "prodrazverstka");
    EXPECT_EQ(ascii_slug("щи да ка́ша"), "shchi-da-kasha");
    EXPECT_EQ(ascii_slug("съезд"), "sezd");
    EXPECT_EQ(ascii_slug("  «Правда» (газета) "), "pravda-gazeta");
    EXPECT_EQ(ascii_slug("NEP 1921"), "nep-1921");
    EXPECT_EQ(ascii_slug("—"), "");
    EXPECT_EQ(ascii_slug(std::string(40, 'a') + " " + std::string(40, 'b')), std::string(40, 'a'));
}

TEST(FastNormalize, SameAsIcuOnTrickyText)
{
    for (const char* text : {"", "  ", "Вре́менное ПРАВИ́ТЕЛЬСТВО ", "Ёлка ёж", "е\u0308", "и\u0306", "Юрий",
                             "к\u0301", "ѐ", "Ѐ", "ӓ", "café", "CAFÉ", "İstanbul", "straße", "\u0301а", "a\u0301",
                             "\tвласть\n", "ΣΟΦΊΑ", "власть\xFF", "\xD0", "1917–1921", "\u00A0власть\u00A0"}) {
        EXPECT_EQ(fold_key_fast(text), fold_key(text)) << text;
        EXPECT_EQ(to_nfc_fast(text), to_nfc(text)) << text;
    }
}

TEST(FastNormalize, SameAsIcuOnEveryHunspellWord)
{
    std::ifstream dic("/usr/share/hunspell/ru_RU.dic");
    if (!dic)
        GTEST_SKIP() << "hunspell-ru is not installed";
    std::mt19937 rng(1);
    std::string line;
    size_t words = 0;
    while (std::getline(dic, line)) {
        std::string word = line.substr(0, line.find('/'));
        // Also upper case and a stress mark after a random letter, as decks write them.
        std::string marked = word;
        if (word.size() >= 2) {
            const size_t at = (rng() % (word.size() / 2)) * 2 + 2;
            if (at <= word.size())
                marked.insert(at, "\u0301");
        }
        for (const std::string& text : {word, marked, " " + word + " "}) {
            ASSERT_EQ(fold_key_fast(text), fold_key(text)) << text;
            ASSERT_EQ(to_nfc_fast(text), to_nfc(text)) << text;
        }
        ++words;
    }
    EXPECT_GT(words, 140'000u);
}

TEST(StressDictionary, ReadsCapitalVowelsAsStress)
{
    auto dictionary = StressDictionary::from_text(
        "[dɪk↗tɛɪtɜ] _n. диктАтор; ЛенингрАд; Имя; ИрлАндия; зАмок, замОк; ЭВМ; бронзИровАть; дом; неопределЁнная");
    EXPECT_EQ(dictionary->stressed_vowels("диктатор"), 1u << 1);
    EXPECT_EQ(dictionary->stressed_vowels("ленинград"), 1u << 2);
    EXPECT_EQ(dictionary->stressed_vowels("имя"), 1u << 0);
    EXPECT_EQ(dictionary->stressed_vowels("ирландия"), 1u << 1);
    EXPECT_EQ(dictionary->stressed_vowels("замок"), (1u << 0) | (1u << 1));
    EXPECT_EQ(dictionary->stressed_vowels("бронзировать"), (1u << 1) | (1u << 3));
    EXPECT_EQ(dictionary->stressed_vowels("неопределенная"), 1u << 4);
    EXPECT_EQ(dictionary->stressed_vowels("эвм"), 0u);
    EXPECT_EQ(dictionary->stressed_vowels("дом"), 0u); // one syllable: nothing to check
    EXPECT_EQ(dictionary->stressed_vowels("неизвестное"), 0u);
}

TEST(StressDictionary, MissingFileIsNotFound)
{
    auto dictionary = StressDictionary::load("/nonexistent/mueller7accent.dict.dz");
    ASSERT_FALSE(dictionary.ok());
    EXPECT_EQ(dictionary.error().kind, ErrorKind::NotFound);
    EXPECT_NE(dictionary.error().message.find("mueller7accent-dict"), std::string::npos);
}

TEST(StressDictionary, InstalledMueller7Loads)
{
    auto dictionary = StressDictionary::load(StressDictionary::kDefaultPath);
    if (!dictionary.ok() && dictionary.error().kind == ErrorKind::NotFound)
        GTEST_SKIP() << "mueller7accent-dict is not installed";
    ASSERT_TRUE(dictionary.ok()) << dictionary.error().message;
    EXPECT_GT((*dictionary)->size(), 50'000u);
    EXPECT_EQ((*dictionary)->stressed_vowels("диктатор"), 1u << 1);
    EXPECT_EQ((*dictionary)->stressed_vowels("революция"), 1u << 2);
}

TEST(Lemmas, InflectedFormsGiveTheirLemmas)
{
    auto lemmas = Lemmatizer::open_default();
    if (!lemmas.ok() && lemmas.error().kind == ErrorKind::NotFound)
        GTEST_SKIP() << "hunspell-ru is not installed";
    ASSERT_TRUE(lemmas.ok()) << lemmas.error().message;
    Lemmatizer& l = **lemmas;
    EXPECT_EQ(l.lemmas("крестья́нами"), (std::vector<std::string>{"крестьянин"}));
    EXPECT_EQ(l.lemmas("Хрущёва"), (std::vector<std::string>{"хрущев"}));
    EXPECT_EQ(l.lemmas("Войну"), (std::vector<std::string>{"война"}));
    EXPECT_EQ(l.lemmas("стали"), (std::vector<std::string>{"сталь", "стать"}));
    EXPECT_TRUE(l.lemmas("абырвалг").empty());
    EXPECT_TRUE(Lemmatizer::open("/nonexistent.aff", "/nonexistent.dic").error().kind == ErrorKind::NotFound);
}

} // namespace
} // namespace letopis
