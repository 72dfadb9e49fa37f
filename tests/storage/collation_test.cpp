// Tests for Russian order (text/collation.h) and for searching notes by fold key in that order.
#include <gtest/gtest.h>

#include <algorithm>

#include "db/database.h"
#include "db/statement.h"
#include "storage/collection_fixture.h"
#include "storage/embedded_sql.h"
#include "text/collation.h"

namespace letopis {
namespace {

using testing::TempDir;

std::vector<std::string> sorted(std::vector<std::string> words)
{
    std::sort(words.begin(), words.end(),
              [](const std::string& a, const std::string& b) { return compare_russian(a, b) < 0; });
    return words;
}

TEST(Collation, SortsLikeARussianDictionary)
{
    // Bytewise order would put Ё before А and every capital before every small letter. As in
    // Russian dictionaries, ё sorts as е (Ёж before елка) and only breaks ties (елка, ёлка).
    EXPECT_EQ(sorted({"ёлка", "яблоко", "Жуков", "елка", "ель", "ангел", "Ёж", "жук", "Ангара"}),
              (std::vector<std::string>{"Ангара", "ангел", "Ёж", "елка", "ёлка", "ель", "жук", "Жуков", "яблоко"}));
    // й is a letter of its own, after и; for a Russian reader, Cyrillic comes before Latin.
    EXPECT_EQ(sorted({"йод", "иод", "ия", "Moskva", "мир"}),
              (std::vector<std::string>{"иод", "ия", "йод", "мир", "Moskva"}));
}

TEST(Collation, StressMarksOnlyBreakTies)
{
    EXPECT_LT(compare_russian("сове́т", "совок"), 0);
    EXPECT_GT(compare_russian("сове́т", "совенок"), 0);
    // Equal to the collator, but not the same text: still ordered, never 0.
    EXPECT_NE(compare_russian("сове́т", "совет"), 0);
    EXPECT_EQ(compare_russian("сове́т", "сове́т"), 0);
    EXPECT_EQ(compare_russian("", ""), 0);
    EXPECT_LT(compare_russian("", "а"), 0);
    // A total order: antisymmetric.
    EXPECT_EQ(compare_russian("сове́т", "совет"), -compare_russian("совет", "сове́т"));
}

TEST(Collation, SortKeysOrderLikeTheComparison)
{
    const std::vector<std::string> words{"яблоко", "ёлка", "Ангара", "ель", "жук", "ангел", "йод", "иод"};
    std::vector<std::string> by_key = words;
    std::sort(by_key.begin(), by_key.end(),
              [](const std::string& a, const std::string& b) { return russian_sort_key(a) < russian_sort_key(b); });
    EXPECT_EQ(by_key, sorted(words));
}

TEST(Collation, InvalidUtf8DoesNotBreakTheOrder)
{
    const std::string bad = "\xFF\xFE";
    EXPECT_NE(compare_russian(bad, "а"), 0);
    EXPECT_EQ(compare_russian(bad, bad), 0);
}

class FindNotesTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_collection = testing::open_collection(m_dir / "c.db");
        ASSERT_TRUE(m_collection);
        DeckId deck = testing::add_deck(*m_collection, "words");
        int n = 0;
        for (const char* russian : {"Ёлка", "е́ль", "ЕЛЕЦ", "есаул", "ёж", "жук", "Ельцин", "яблоко"})
            testing::add_note(*m_collection, deck, "k" + std::to_string(n++), russian, "x");
    }

    std::vector<std::string> find(const std::string& prefix, int32_t limit = 100)
    {
        Result<std::vector<Note>> notes = m_collection->find_notes(prefix, limit);
        EXPECT_TRUE(notes.ok()) << (notes.ok() ? "" : notes.error().message);
        std::vector<std::string> words;
        if (notes.ok())
            for (const Note& note : *notes)
                words.push_back(note.russian);
        return words;
    }

    TempDir m_dir;
    std::unique_ptr<Collection> m_collection;
};

TEST_F(FindNotesTest, PrefixIgnoresStressCaseAndYo)
{
    // "ел" finds ёлка (ё≈е), е́ль (stress), ЕЛЕЦ and Ельцин (case) — in Russian order.
    EXPECT_EQ(find("ел"), (std::vector<std::string>{"ЕЛЕЦ", "Ёлка", "е́ль", "Ельцин"}));
    EXPECT_EQ(find("Ё"), (std::vector<std::string>{"ёж", "ЕЛЕЦ", "Ёлка", "е́ль", "Ельцин", "есаул"}));
    EXPECT_EQ(find("е́ль"), (std::vector<std::string>{"е́ль", "Ельцин"}));
    EXPECT_EQ(find("ж"), std::vector<std::string>{"жук"});
    EXPECT_TRUE(find("щ").empty());
}

TEST_F(FindNotesTest, EmptyPrefixListsEverythingInOrderUpToTheLimit)
{
    EXPECT_EQ(find(""), (std::vector<std::string>{"ёж", "ЕЛЕЦ", "Ёлка", "е́ль", "Ельцин", "есаул", "жук", "яблоко"}));
    EXPECT_EQ(find("", 3), (std::vector<std::string>{"ёж", "ЕЛЕЦ", "Ёлка"}));
}

TEST_F(FindNotesTest, TheSearchUsesTheFoldKeyIndex)
{
    Result<Statement> explain =
        m_collection->database().prepare("EXPLAIN QUERY PLAN " + std::string(sql::k_notes_find));
    ASSERT_TRUE(explain.ok());
    std::string details;
    while (*explain->step())
        details += explain->column_text(3) + "; ";
    EXPECT_NE(details.find("SEARCH notes USING INDEX notes_fold_key (fold_key>? AND fold_key<?)"), std::string::npos)
        << details;
}

} // namespace
} // namespace letopis
