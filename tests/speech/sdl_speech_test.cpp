// The window's speech through SDL audio: silent with a notice, once, when there is no device;
// quiet (no notice) when a device plays. SDL's dummy driver stands in for a sound card.
#include <gtest/gtest.h>

#include <cstdlib>

#include "app/sdl_speech.h"

namespace letopis {
namespace {

TEST(SdlSpeech, NoAudioDeviceGivesOneNoticeAndSilence)
{
    setenv("SDL_AUDIODRIVER", "letopis-no-such-driver", 1);
    SdlSpeech speech;
    EXPECT_FALSE(speech.take_notice().has_value());
    speech.say("за\u0301мок");
    speech.wait_until_idle();
    auto notice = speech.take_notice();
    ASSERT_TRUE(notice.has_value());
    EXPECT_NE(notice->find("no audio device"), std::string::npos) << *notice;
    EXPECT_FALSE(speech.available());
    speech.say("замо\u0301к");
    speech.wait_until_idle();
    EXPECT_FALSE(speech.take_notice().has_value());
}

TEST(SdlSpeech, APlayingDeviceGivesNoNotice)
{
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    SdlSpeech speech;
    speech.say("за\u0301мок");
    speech.prefetch("Хрущёв");
    speech.wait_until_idle();
    EXPECT_FALSE(speech.take_notice().has_value());
    EXPECT_TRUE(speech.available());
    speech.stop();
    speech.wait_until_idle();
}

TEST(SdlSpeech, NoticesAreSentences)
{
    EXPECT_NE(speech_notice(make_error(ErrorKind::Unsupported, "espeak-ng has no Russian voice")).find("espeak-ng-data"),
              std::string::npos);
    EXPECT_NE(speech_notice(make_error(ErrorKind::NotFound, "no audio device: ALSA")).find("no audio device"),
              std::string::npos);
}

} // namespace
} // namespace letopis
