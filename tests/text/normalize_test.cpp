// Normalisation and folding of Russian text: stress, ё, й, case, NFC/NFD.
#include <gtest/gtest.h>

#include "text/normalize.h"

namespace letopis {
namespace {

TEST(Normalize, NfcComposesYoAndShortI)
{
    EXPECT_EQ(to_nfc("е\u0308лка"), "ёлка");
    EXPECT_EQ(to_nfc("и\u0306"), "й");
    // A stressed vowel has no precomposed form: it stays vowel + U+0301.
    EXPECT_EQ(to_nfc("вла\u0301сть"), "вла\u0301сть");
}

TEST(Normalize, FoldKeyIgnoresStressCaseAndYo)
{
    EXPECT_EQ(fold_key("Хрущёв"), fold_key("хрущев"));
    EXPECT_EQ(fold_key("  револю\u0301ция "), "революция");
    EXPECT_EQ(fold_key("ЗА\u0301МОК"), fold_key("замо\u0301к"));
    EXPECT_EQ(fold_key("Ё"), "е");
}

TEST(Normalize, FoldKeyKeepsShortIApart)
{
    EXPECT_NE(fold_key("Юрий"), fold_key("Юрии"));
    EXPECT_EQ(fold_key("ЙОД"), "йод");
}

TEST(Normalize, StripStressKeepsYo)
{
    EXPECT_EQ(strip_stress("большеви\u0301к"), "большевик");
    EXPECT_EQ(strip_stress("Хрущёв"), "Хрущёв");
    EXPECT_EQ(strip_stress(""), "");
}

TEST(Normalize, ValidatesUtf8)
{
    EXPECT_TRUE(is_valid_utf8("власть"));
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_FALSE(is_valid_utf8("\xc2"));
    EXPECT_FALSE(is_valid_utf8("\xe2\xcf\xe9\xed\xe0")); // CP1251 bytes
}

} // namespace
} // namespace letopis
