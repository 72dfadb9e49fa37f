// `letopis check-answer EXPECTED TYPED`: checks a typed answer as the review screen does. Prints
// the verdict word alone on the first line, then the closest accepted form, the diff and notes.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <string>

#include "app/cli_context.h"
#include "core/answer/answer_check.h"
#include "text/normalize.h"
#include "text/transliterate.h"

namespace letopis {
namespace {

struct CheckAnswerArguments {
    std::string expected;
    std::string typed;
    bool english = false;
    bool phonetic = false;
};

// Exit 0 whenever the check ran, whatever the verdict (scripts read the first line); 2 for
// input that is not UTF-8.
int run_check_answer(const CheckAnswerArguments& args)
{
    if (!is_valid_utf8(args.expected) || !is_valid_utf8(args.typed)) {
        std::fprintf(stderr, "letopis: check-answer: the arguments must be UTF-8 text\n");
        return 2;
    }
    const std::string typed = args.phonetic ? phonetic_to_cyrillic(args.typed) : args.typed;
    const auto check =
        check_answer(args.expected, typed, args.english ? AnswerField::English : AnswerField::Russian);

    std::printf("%s\n", std::string(verdict_name(check.verdict)).c_str());
    std::printf("answer: %s\n", check.closest.c_str());
    std::printf("typed:  %s\n", to_nfc(typed).c_str());
    std::printf("diff:   %s\n", diff_text(check.tokens).c_str());
    for (size_t i = 0; i < check.expected.alternatives.size(); ++i) {
        if (static_cast<int>(i) != check.alternative)
            std::printf("also accepted: %s\n", check.expected.alternatives[i].written.c_str());
    }
    for (const auto& note : check.notes)
        std::printf("note:   %s\n", note_text(note).c_str());
    return 0;
}

} // namespace

void add_check_answer_command(CLI::App& app, CliContext& context)
{
    auto* command = app.add_subcommand(
        "check-answer",
        "Check a typed answer: prints correct, almost or wrong on the first line, then the diff "
        "([typed→expected], [+missing], [-extra]) and notes; exits 0 whenever the check ran");
    auto args = std::make_shared<CheckAnswerArguments>();
    command->add_option("EXPECTED", args->expected,
                        "Expected answer in deck syntax: alternatives split by ; or |, optional parts in ( )")
        ->required();
    command->add_option("TYPED", args->typed, "The answer as typed (may be empty)")->required();
    command->add_flag("--english", args->english,
                      "EXPECTED is an english field (commas also split; a leading the/a/an/to is optional)");
    command->add_flag("--phonetic", args->phonetic, "TYPED is Latin keys of the phonetic scheme (shch → щ)");
    command->callback([&context, args] { context.command = [args] { return run_check_answer(*args); }; });
}

} // namespace letopis
