// `letopis say` end to end, through the real binary: phonemes, WAV files, and what happens
// without an audio device or without the Russian voice.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace letopis {
namespace {

struct CommandResult {
    int status = -1;
    std::string out; // stdout and stderr together
};

CommandResult run(const std::string& environment, const std::string& arguments)
{
    const std::string command = environment + " '" LETOPIS_BINARY "' " + arguments + " 2>&1";
    CommandResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return result;
    char buffer[4096];
    size_t count;
    while ((count = fread(buffer, 1, sizeof buffer, pipe)) > 0)
        result.out.append(buffer, count);
    const int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::filesystem::path temp_path(const std::string& name)
{
    return std::filesystem::temp_directory_path() / ("letopis-say-" + std::to_string(getpid()) + "-" + name);
}

TEST(SayCommand, PrintsThePhonemesSpoken)
{
    CommandResult marked = run("", "say --phonemes за\u0301мок");
    EXPECT_EQ(marked.status, 0) << marked.out;
    EXPECT_EQ(marked.out, "z'AmVk\n");

    CommandResult words = run("", "say --phonemes Это замо\u0301к");
    EXPECT_EQ(words.status, 0) << words.out;
    EXPECT_NE(words.out.find("zam'ok"), std::string::npos) << words.out;
}

TEST(SayCommand, WritesAWavFile)
{
    const auto wav = temp_path("word.wav");
    CommandResult result = run("", "say мука\u0301 --wav '" + wav.string() + "'");
    EXPECT_EQ(result.status, 0) << result.out;
    std::ifstream file(wav, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    std::filesystem::remove(wav);
    ASSERT_GT(bytes.size(), 44u);
    EXPECT_EQ(bytes.substr(0, 4), "RIFF");
    EXPECT_EQ(bytes.substr(8, 4), "WAVE");
    const double seconds = static_cast<double>(bytes.size() - 44) / 2 / 22050;
    EXPECT_GT(seconds, 0.2);
    EXPECT_LT(seconds, 2.0);
}

TEST(SayCommand, WithoutTheRussianVoiceItSaysSoAndFails)
{
    const auto empty = temp_path("no-espeak-data");
    std::filesystem::create_directories(empty);
    CommandResult result = run("ESPEAK_DATA_PATH='" + empty.string() + "'", "say --phonemes замок");
    std::filesystem::remove_all(empty);
    EXPECT_EQ(result.status, 1) << result.out;
    EXPECT_NE(result.out.find("espeak-ng-data"), std::string::npos) << result.out;
}

TEST(SayCommand, WithoutAnAudioDeviceItSaysSoAndFails)
{
    CommandResult result = run("SDL_AUDIODRIVER=letopis-no-such-driver", "say замок");
    EXPECT_EQ(result.status, 1) << result.out;
    EXPECT_NE(result.out.find("no audio device"), std::string::npos) << result.out;
}

TEST(SayCommand, PlaysThroughSdlAndExits)
{
    CommandResult result = run("SDL_AUDIODRIVER=dummy", "say за\u0301мок");
    EXPECT_EQ(result.status, 0) << result.out;
}

TEST(SayCommand, NothingToSay)
{
    CommandResult result = run("", "say ''");
    EXPECT_EQ(result.status, 2) << result.out;
}

} // namespace
} // namespace letopis
