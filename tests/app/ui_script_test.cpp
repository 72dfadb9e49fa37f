// The UI script parser: every command, one step per key, and precise errors.
#include <gtest/gtest.h>

#include "app/ui_script.h"

namespace letopis {
namespace {

TEST(UiScript, ParsesEveryCommand)
{
    auto steps = parse_ui_script("# study one card\n"
                                 "key Return\n"
                                 "text привет\n"
                                 "click 10 20\n"
                                 "wait 250\n"
                                 "expect-screen review\n"
                                 "screenshot out.png\n"
                                 "quit\n",
                                 "s.txt");
    ASSERT_TRUE(steps.ok()) << steps.error().message;
    ASSERT_EQ(steps->size(), 7u);
    EXPECT_EQ((*steps)[0].kind, ScriptStep::Kind::Key);
    EXPECT_EQ((*steps)[0].keys.at(0), "Return");
    EXPECT_EQ((*steps)[0].line, 2);
    EXPECT_EQ((*steps)[1].text, "привет");
    EXPECT_EQ((*steps)[2].x, 10);
    EXPECT_EQ((*steps)[2].y, 20);
    EXPECT_EQ((*steps)[3].milliseconds, 250);
    EXPECT_EQ((*steps)[4].text, "review");
    EXPECT_EQ((*steps)[5].text, "out.png");
    EXPECT_EQ((*steps)[6].kind, ScriptStep::Kind::Quit);
}

TEST(UiScript, SeveralKeysBecomeSeparatePresses)
{
    auto steps = parse_ui_script("key Space 3\n", "s.txt");
    ASSERT_TRUE(steps.ok());
    ASSERT_EQ(steps->size(), 2u);
    EXPECT_EQ((*steps)[0].keys.at(0), "Space");
    EXPECT_EQ((*steps)[1].keys.at(0), "3");
}

TEST(UiScript, ErrorsNameFileAndLine)
{
    struct Case {
        const char* script;
        const char* expected;
    };
    const Case cases[] = {
        {"key Space\njump\n", "s.txt:2: unknown command `jump`"},
        {"click 10\n", "s.txt:1: `click` needs two whole numbers"},
        {"\n\nwait soon\n", "s.txt:3: `wait` needs a number"},
        {"key\n", "s.txt:1: `key` needs at least one key name"},
        {"expect-screen\n", "s.txt:1: `expect-screen` needs a screen name"},
    };
    for (const auto& c : cases) {
        auto steps = parse_ui_script(c.script, "s.txt");
        ASSERT_FALSE(steps.ok()) << c.script;
        EXPECT_EQ(steps.error().message.rfind(c.expected, 0), 0u) << steps.error().message;
    }
}

} // namespace
} // namespace letopis
