// The phonetic typing scheme (Latin keys → Russian) on real words, and the romanization shown on
// request.
#include <gtest/gtest.h>

#include <string>

#include "text/transliterate.h"

namespace letopis {
namespace {

struct Word {
    const char* latin;
    const char* russian;
};

std::ostream& operator<<(std::ostream& out, const Word& w) { return out << w.latin << " → " << w.russian; }

const Word kWords[] = {
    // щ
    {"shchi", "щи"},
    {"borshch", "борщ"},
    {"tovarishch", "товарищ"},
    {"pomeshchik", "помещик"},
    {"wi", "щи"},
    // ъ
    {"s''ezd", "съезд"},
    {"s#ezd", "съезд"},
    {"ob''yavlenie", "объявление"},
    {"pod''ezd", "подъезд"},
    {"ob''yekt", "объект"},
    // ь
    {"vlast'", "власть"},
    {"den'gi", "деньги"},
    {"bol'shevik", "большевик"},
    {"men'shevik", "меньшевик"},
    {"krest'yanin", "крестьянин"},
    {"grab'", "грабь"},
    // ё
    {"yolka", "ёлка"},
    {"prodrazvyorstka", "продразвёрстка"},
    {"Khrushchyov", "Хрущёв"},
    {"Ob''yom", "Объём"},
    // й (and jo is not ё)
    {"rajon", "район"},
    {"major", "майор"},
    {"vojna", "война"},
    {"voyna", "война"},
    {"moy", "мой"},
    {"sovetskiy", "советский"},
    {"Yuriy", "Юрий"},
    {"Yurii", "Юрии"},
    {"Gor'kiy", "Горький"},
    // ы
    {"yazyk", "язык"},
    {"my", "мы"},
    {"novyy", "новый"},
    {"novye", "новые"},
    {"krasnye", "красные"},
    {"belye", "белые"},
    // е, э, я, ю, х, ж, ч, ш, ц
    {"yesli", "если"},
    {"poezd", "поезд"},
    {"e'to", "это"},
    {"ne'p", "нэп"},
    {"moya", "моя"},
    {"revolyuciya", "революция"},
    {"yubka", "юбка"},
    {"jubka", "юбка"},
    {"khleb", "хлеб"},
    {"hleb", "хлеб"},
    {"xleb", "хлеб"},
    {"zhizn'", "жизнь"},
    {"myatezh", "мятеж"},
    {"chelovek", "человек"},
    {"shturm", "штурм"},
    {"ulica", "улица"},
    {"Trockiy", "Троцкий"},
    {"tsar'", "тсарь"}, // ts is т + с by design; ц is c
    {"car'", "царь"},
    // Capitals: Title and UPPER
    {"Moskva", "Москва"},
    {"Shchukin", "Щукин"},
    {"SHCHI", "ЩИ"},
    {"Zhukov", "Жуков"},
    {"Chapaev", "Чапаев"},
    {"E'rmitazh", "Эрмитаж"},
    {"Yaroslavl'", "Ярославль"},
    {"SSSR", "СССР"},
    {"VChK", "ВЧК"},
    {"CHK", "ЧК"},
    {"REVOLYUCIYA", "РЕВОЛЮЦИЯ"},
    {"NOVYE", "НОВЫЕ"},
    {"Sovnarkom", "Совнарком"},
    // What is not in the scheme passes unchanged.
    {"vlast' 1917!", "власть 1917!"},
    {"власть", "власть"},
    {"", ""},
};

class PhoneticWords : public testing::TestWithParam<Word> {};

TEST_P(PhoneticWords, TypesTheRussianWord)
{
    EXPECT_EQ(phonetic_to_cyrillic(GetParam().latin), GetParam().russian);
}

INSTANTIATE_TEST_SUITE_P(Words, PhoneticWords, testing::ValuesIn(kWords));

TEST(Phonetic, TableHasAtLeastFortyWords) { EXPECT_GE(std::size(kWords), 40u); }

TEST(Phonetic, MixedScriptsWhileTyping)
{
    // Already-Cyrillic text counts as context: y after а is й.
    EXPECT_EQ(phonetic_to_cyrillic("аy"), "ай");
    EXPECT_EQ(phonetic_to_cyrillic("q"), "q");
}

TEST(Romanize, BgnKeepsYoHardSignAndStress)
{
    EXPECT_EQ(romanize("Хрущёв"), "Khrushchëv");
    EXPECT_EQ(romanize("объём"), "obʺyëm");
    EXPECT_EQ(romanize("револю́ция"), "revolyútsiya");
    EXPECT_EQ(romanize("щи"), "shchi");
    EXPECT_EQ(romanize("Вре́менное прави́тельство"), "Vrémennoye pravítelʹstvo");
}

TEST(Romanize, AsciiFoldsTheMarks)
{
    EXPECT_EQ(romanize("Хрущёв", Romanization::Ascii), "Khrushchev");
    EXPECT_EQ(romanize("объём", Romanization::Ascii), "ob\"yem");
    EXPECT_EQ(romanize("Вре́менное прави́тельство", Romanization::Ascii), "Vremennoye pravitel'stvo");
    EXPECT_EQ(romanize("ЧК 1917", Romanization::Ascii), "CHK 1917");
}

} // namespace
} // namespace letopis
