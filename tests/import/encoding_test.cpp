// Encoding detection and decoding on the iconv-made fixtures, and mojibake repair.
#include "text/encoding.h"

#include <gtest/gtest.h>

#include "import/fixture_files.h"

namespace letopis {
namespace {

using testing::fixture;
using testing::read_all;

struct EncodedFixture {
    const char* file;
    TextEncoding expected;
    bool bom;
};

void PrintTo(const EncodedFixture& f, std::ostream* out) { *out << f.file; }

class EncodingFixtures : public ::testing::TestWithParam<EncodedFixture> {};

TEST_P(EncodingFixtures, DetectedAndDecodedToTheSameText)
{
    const EncodedFixture& f = GetParam();
    const std::string bytes = read_all(fixture(f.file));
    const std::string utf8 = read_all(fixture("words-utf8.tsv"));
    EXPECT_EQ(detect_encoding(bytes), f.expected) << f.file;
    const DecodedText decoded = decode_text(bytes, f.expected);
    EXPECT_EQ(decoded.utf8, utf8) << f.file;
    EXPECT_EQ(decoded.had_bom, f.bom);
    EXPECT_TRUE(decoded.invalid_lines.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, EncodingFixtures,
    ::testing::Values(EncodedFixture{"words-utf8.tsv", TextEncoding::Utf8, false},
                      EncodedFixture{"words-utf8-bom.tsv", TextEncoding::Utf8, true},
                      EncodedFixture{"words-utf16.tsv", TextEncoding::Utf16Le, true},
                      EncodedFixture{"words-utf16be.tsv", TextEncoding::Utf16Be, true},
                      EncodedFixture{"words-utf16le-nobom.tsv", TextEncoding::Utf16Le, false},
                      EncodedFixture{"words-cp1251.tsv", TextEncoding::Windows1251, false},
                      EncodedFixture{"words-koi8r.tsv", TextEncoding::Koi8R, false},
                      EncodedFixture{"words-cp866.tsv", TextEncoding::Cp866, false},
                      EncodedFixture{"words-iso8859-5.tsv", TextEncoding::Iso8859_5, false}),
    [](const ::testing::TestParamInfo<EncodedFixture>& param) {
        std::string name = param.param.file;
        for (char& c : name) {
            if (!std::isalnum(static_cast<unsigned char>(c)))
                c = '_';
        }
        return name;
    });

TEST(Encoding, EncodeThenDetectRoundTripsEveryEncoding)
{
    const std::string text = "съезд\tcongress\nпродразвёрстка\tfood requisitioning\nЁлка\tNew Year tree\n";
    for (TextEncoding encoding : kAllTextEncodings) {
        auto bytes = encode_text(text, encoding);
        ASSERT_TRUE(bytes.ok()) << encoding_name(encoding);
        EXPECT_EQ(detect_encoding(*bytes), encoding) << encoding_name(encoding);
        EXPECT_EQ(decode_text(*bytes, encoding).utf8, text) << encoding_name(encoding);
    }
}

TEST(Encoding, StressMarksCannotBeWrittenInEightBitCodePages)
{
    auto bytes = encode_text("война\u0301", TextEncoding::Windows1251);
    ASSERT_FALSE(bytes.ok());
    EXPECT_EQ(bytes.error().kind, ErrorKind::InvalidInput);
}

TEST(Encoding, AsciiIsUtf8)
{
    EXPECT_EQ(detect_encoding("key\trussian\tenglish\n"), TextEncoding::Utf8);
    EXPECT_EQ(detect_encoding(""), TextEncoding::Utf8);
}

TEST(Encoding, MostlyUtf8WithOneBrokenByteStaysUtf8AndNamesTheLine)
{
    const std::string bytes = "власть\tpower\nвойна\twar\nсъезд\tcon\xFFgress\nЧК\tCheka\n";
    EXPECT_EQ(detect_encoding(bytes), TextEncoding::Utf8);
    const DecodedText decoded = decode_text(bytes, TextEncoding::Utf8);
    ASSERT_EQ(decoded.invalid_lines.size(), 1u);
    EXPECT_EQ(decoded.invalid_lines[0], 3);
    EXPECT_NE(decoded.utf8.find("con\uFFFDgress"), std::string::npos);
}

TEST(Encoding, ShortCp1251WordListIsNotLatin1)
{
    // ICU's detector calls this ISO-8859-1 (notes-russian-text.md); ours must not.
    auto bytes = encode_text("русское\tenglish\n", TextEncoding::Windows1251);
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(detect_encoding(*bytes), TextEncoding::Windows1251);
}

TEST(Encoding, NamesAndAliases)
{
    EXPECT_EQ(encoding_from_name("cp1251"), TextEncoding::Windows1251);
    EXPECT_EQ(encoding_from_name("Windows-1251"), TextEncoding::Windows1251);
    EXPECT_EQ(encoding_from_name("koi8-r"), TextEncoding::Koi8R);
    EXPECT_EQ(encoding_from_name("IBM866"), TextEncoding::Cp866);
    EXPECT_EQ(encoding_from_name("utf8"), TextEncoding::Utf8);
    EXPECT_EQ(encoding_from_name("UTF-16BE"), TextEncoding::Utf16Be);
    EXPECT_FALSE(encoding_from_name("latin-9").has_value());
    for (TextEncoding encoding : kAllTextEncodings)
        EXPECT_EQ(encoding_from_name(encoding_name(encoding)), encoding);
}

TEST(Encoding, CyrillicScoreFavoursRussian)
{
    EXPECT_GT(cyrillic_score("Русская версия"), 0);
    EXPECT_LT(cyrillic_score("Đóńńęŕ˙ âĺđńč˙"), 0);
    EXPECT_LT(cyrillic_score("рУССКАЯ"), 0); // capitals inside a word: KOI8-R read as windows-1251
    EXPECT_EQ(cyrillic_score("plain ASCII"), 0);
}

struct MojibakeCase {
    const char* garbled;
    const char* repaired;
    const char* read_as;
    const char* written_in;
};

TEST(Mojibake, RepairsTheUsualConfusions)
{
    const MojibakeCase cases[] = {
        {"Đóńńęŕ˙ âĺđńč˙", "Русская версия", "windows-1250", "windows-1251"},
        {"Ðóññêàÿ âåðñèÿ", "Русская версия", "windows-1252", "windows-1251"},
        {"РІР»Р°СЃС‚СЊ", "власть", "windows-1251", "UTF-8"},
        {"ÒÕÓÓËÁÑ ×ÅÒÓÉÑ", "русская версия", "windows-1252", "KOI8-R"},
    };
    for (const auto& c : cases) {
        auto repair = find_mojibake_repair(c.garbled);
        ASSERT_TRUE(repair.has_value()) << c.garbled;
        EXPECT_EQ(repair->repaired, c.repaired) << c.garbled;
        EXPECT_EQ(repair->read_as, c.read_as) << c.garbled;
        EXPECT_EQ(repair->written_in, c.written_in) << c.garbled;
    }
}

TEST(Mojibake, LeavesGoodTextAlone)
{
    for (const char* text : {"Русская версия", "власть\tpower", "plain ASCII", "café au lait", "", "ёлка — «ель»"})
        EXPECT_FALSE(find_mojibake_repair(text).has_value()) << text;
}

TEST(Mojibake, FixtureFilesAreRecognised)
{
    const std::string utf8 = read_all(fixture("words-utf8.tsv"));
    for (const char* name : {"words-mojibake-1250.tsv", "words-mojibake-utf8.tsv"}) {
        const std::string bytes = read_all(fixture(name));
        ASSERT_EQ(detect_encoding(bytes), TextEncoding::Utf8) << name;
        auto repair = find_mojibake_repair(decode_text(bytes, TextEncoding::Utf8).utf8);
        ASSERT_TRUE(repair.has_value()) << name;
        EXPECT_EQ(repair->repaired, utf8) << name;
    }
}

} // namespace
} // namespace letopis
