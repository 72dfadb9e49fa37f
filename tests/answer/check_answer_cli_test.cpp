// `letopis check-answer` through the built binary: the verdict alone on the first line, then the
// diff and notes; exit 0 whatever the verdict.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace letopis {
namespace {

struct Run {
    int status = -1;
    std::string output;
};

// Arguments are passed in single quotes; none of the test strings contains one.
Run run_check(const std::string& arguments)
{
    const std::string command = std::string(LETOPIS_BINARY) + " check-answer " + arguments + " 2>&1";
    Run run;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return run;
    std::array<char, 4096> chunk{};
    size_t read = 0;
    while ((read = fread(chunk.data(), 1, chunk.size(), pipe)) > 0)
        run.output.append(chunk.data(), read);
    const int raw = pclose(pipe);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return run;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

TEST(CheckAnswerCommand, PrintsTheVerdictFirst)
{
    auto run = run_check("'револю́ция' 'революция'");
    EXPECT_EQ(run.status, 0);
    EXPECT_EQ(first_line(run.output), "correct");

    run = run_check("'револю́ция' 'револуция'");
    EXPECT_EQ(run.status, 0);
    EXPECT_EQ(first_line(run.output), "almost");
    EXPECT_NE(run.output.find("diff:   револ[у→ю́]ция\n"), std::string::npos) << run.output;

    run = run_check("'все' 'всё'");
    EXPECT_EQ(run.status, 0);
    EXPECT_EQ(first_line(run.output), "wrong");
    EXPECT_NE(run.output.find("note:   ё is not е: the word is все, you typed всё.\n"), std::string::npos)
        << run.output;
}

TEST(CheckAnswerCommand, NamesLatinLettersAndYo)
{
    auto run = run_check("'поли́тика' 'пoлитика'");
    EXPECT_EQ(first_line(run.output), "almost");
    EXPECT_NE(run.output.find("You typed Latin o in пoлитика."), std::string::npos) << run.output;

    run = run_check("'Хрущёв' 'хрущев'");
    EXPECT_EQ(first_line(run.output), "correct");
    EXPECT_NE(run.output.find("е accepted for ё: the word is spelt Хрущёв."), std::string::npos) << run.output;
}

TEST(CheckAnswerCommand, AlternativesEnglishAndPhonetic)
{
    auto run = run_check("'бежа́ть | побежа́ть' 'побежать'");
    EXPECT_EQ(first_line(run.output), "correct");
    EXPECT_NE(run.output.find("answer: побежа́ть\n"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("also accepted: бежа́ть\n"), std::string::npos) << run.output;

    run = run_check("--english 'soviet, council; advice' 'council'");
    EXPECT_EQ(first_line(run.output), "correct");

    run = run_check("--phonetic 'това́рищ' 'tovarishch'");
    EXPECT_EQ(first_line(run.output), "correct");
    EXPECT_NE(run.output.find("typed:  товарищ\n"), std::string::npos) << run.output;

    run = run_check("'власть' ''");
    EXPECT_EQ(run.status, 0);
    EXPECT_EQ(first_line(run.output), "wrong");
}

TEST(CheckAnswerCommand, RejectsBytesThatAreNotUtf8)
{
    const auto run = run_check("\"$(printf '\\377')\" 'мир'");
    EXPECT_EQ(run.status, 2);
}

} // namespace
} // namespace letopis
