// Window set-up and the frame loop. The loop sleeps in SDL_WaitEventTimeout until something
// happens and then draws a few frames, so an idle Letopis uses no CPU.
#include "app/window_app.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <unistd.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include "app/clock.h"
#include "app/fonts.h"
#include "app/paths.h"
#include "app/preferences_file.h"
#include "app/screenshot.h"
#include "app/script_player.h"
#include "app/sdl_speech.h"
#include "app/sdl_text_renderer.h"
#include "service/backup.h"
#include "service/deck_import.h"
#include "service/import_preview.h"
#include "service/optimizer_job.h"
#include "service/study_service.h"
#include "storage/collection.h"
#include "ui/app_ui.h"
#include "ui/theme.h"

namespace letopis {
namespace {

// Frames drawn after the last event: ImGui needs a frame or two to settle hover and layout.
constexpr int kFramesAfterEvent = 3;
// Even when idle, wake up now and then so counts follow the clock (learning steps come due).
constexpr int kIdleWakeMs = 30'000;
constexpr int kScreenshotSettleFrames = 4;

int64_t monotonic_ms()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void report(const std::string& message, SDL_Window* window = nullptr)
{
    std::fprintf(stderr, "letopis: %s\n", message.c_str());
    // Someone who started Letopis from a desktop menu sees no terminal.
    if (window || std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY"))
        SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_ERROR, "Letopis", message.c_str(), window);
}

// Owns SDL, SDL_ttf, the window, the renderer and the ImGui context, in that order.
struct SdlSession {
    SDL_Window* window = nullptr;
    SDL_Renderer* renderer = nullptr;
    bool ttf = false;
    bool imgui = false;
    bool platform_backend = false;
    bool renderer_backend = false;

    ~SdlSession()
    {
        if (renderer_backend)
            ImGui_ImplSDLRenderer_Shutdown();
        if (platform_backend)
            ImGui_ImplSDL2_Shutdown();
        if (imgui)
            ImGui::DestroyContext();
        if (renderer)
            SDL_DestroyRenderer(renderer);
        if (window)
            SDL_DestroyWindow(window);
        if (ttf)
            TTF_Quit();
        SDL_Quit();
    }
};

KeyCodes sdl_key_codes()
{
    KeyCodes keys;
    const SDL_Scancode digits[] = {SDL_SCANCODE_1, SDL_SCANCODE_2, SDL_SCANCODE_3, SDL_SCANCODE_4};
    const SDL_Scancode keypad[] = {SDL_SCANCODE_KP_1, SDL_SCANCODE_KP_2, SDL_SCANCODE_KP_3, SDL_SCANCODE_KP_4};
    for (int i = 0; i < 4; ++i) {
        keys.digit[i] = digits[i];
        keys.keypad_digit[i] = keypad[i];
    }
    keys.plus = SDL_SCANCODE_EQUALS;
    keys.minus = SDL_SCANCODE_MINUS;
    keys.keypad_plus = SDL_SCANCODE_KP_PLUS;
    keys.keypad_minus = SDL_SCANCODE_KP_MINUS;
    keys.f2 = SDL_SCANCODE_F2;
    keys.f3 = SDL_SCANCODE_F3;
    keys.f4 = SDL_SCANCODE_F4;
    keys.f5 = SDL_SCANCODE_F5;
    keys.r = SDL_SCANCODE_R;
    keys.o = SDL_SCANCODE_O;
    return keys;
}

void clear_background(SDL_Renderer* renderer, Theme theme)
{
    const ImVec4 c = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    (void)theme;
    SDL_SetRenderDrawColor(renderer, Uint8(c.x * 255), Uint8(c.y * 255), Uint8(c.z * 255), 255);
    SDL_RenderClear(renderer);
}

// Blocks until an event arrives or `timeout_ms` passes. X11 and Wayland block in the kernel;
// SDL's fallback for other drivers (dummy, offscreen) wakes every millisecond, which would cost
// a few percent of a core, so there we sleep in longer slices.
bool wait_for_event(SDL_Event& event, int timeout_ms, bool driver_blocks)
{
    if (driver_blocks)
        return SDL_WaitEventTimeout(&event, timeout_ms) != 0;
    constexpr int kSliceMs = 25;
    for (int waited = 0; waited < timeout_ms; waited += kSliceMs) {
        if (SDL_PollEvent(&event))
            return true;
        SDL_Delay(kSliceMs);
    }
    return SDL_PollEvent(&event) != 0;
}

long resident_kib()
{
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

} // namespace

int run_window(const WindowOptions& options)
{
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0"); // else SDL quietly loads OpenGL (+100 MiB)
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    SdlSession sdl;
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr,
                     "letopis: no display found, so the window cannot open (%s); "
                     "the subcommands work without a display: see `letopis --help`.\n",
                     SDL_GetError());
        return 1;
    }
    if (TTF_Init() != 0) {
        report(std::string("SDL_ttf could not start: ") + TTF_GetError());
        return 1;
    }
    sdl.ttf = true;

    // The collection first: if it cannot be opened there is nothing to show.
    auto collection = Collection::open(options.collection);
    if (!collection) {
        report(collection.error().describe());
        return 1;
    }
    const auto data = data_dir();
    std::string startup_error;
    if (auto imported = import_missing_decks(**collection, data / "decks"); !imported)
        startup_error = "A shipped deck could not be imported: " + imported.error().describe();

    const auto preferences_file = config_dir() / "window.ini";
    WindowPreferences preferences = load_window_preferences(preferences_file);

    sdl.window = SDL_CreateWindow("Letopis", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, preferences.width,
                                  preferences.height, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!sdl.window) {
        report(std::string("cannot create the window: ") + SDL_GetError());
        return 1;
    }
    sdl.renderer = SDL_CreateRenderer(sdl.window, -1, SDL_RENDERER_SOFTWARE);
    if (!sdl.renderer) {
        report(std::string("cannot create a renderer: ") + SDL_GetError(), sdl.window);
        return 1;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    sdl.imgui = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // layout is ours; nothing to remember between runs
    sdl.platform_backend = ImGui_ImplSDL2_InitForSDLRenderer(sdl.window);
    sdl.renderer_backend = ImGui_ImplSDLRenderer_Init(sdl.renderer);

    auto fonts = load_fonts(data / "fonts", preferences.ui.scale);
    if (!fonts) {
        report(fonts.error().describe(), sdl.window);
        return 1;
    }
    apply_theme(preferences.ui.theme, preferences.ui.scale);

    SdlTextRenderer text_renderer(sdl.renderer, data / "fonts");
    // After SdlSession, so it is gone before SDL_Quit; espeak and the audio device start on the
    // first word spoken, not here.
    SdlSpeech speech;
    const int64_t start_ms = now_utc_ms();
    StudySettings settings;
    settings.clock = local_day_clock(start_ms);
    if (auto weights = load_fsrs_params(**collection))
        settings.scheduler.params = *weights;
    StudyService study(**collection, settings);
    // Declared after the collection and the study service: its destructor stops a running fit.
    OptimizerJob optimizer(**collection, settings.clock);
    ImportService imports(**collection);
    AppUi ui(study, UiContext{*fonts, &text_renderer, sdl_key_codes(), preferences.ui, &speech}, &optimizer,
             &imports);

    if (options.screen) {
        auto screen = screen_from_name(*options.screen);
        if (!screen) {
            std::fprintf(stderr, "letopis: unknown screen `%s` (expected decks, review or done)\n", options.screen->c_str());
            return 2;
        }
        if (auto status = ui.open(*screen, start_ms); !status) {
            std::fprintf(stderr, "letopis: cannot show the %s screen: %s\n", options.screen->c_str(),
                         status.error().describe().c_str());
            return 1;
        }
    }

    std::unique_ptr<ScriptPlayer> script;
    if (options.script) {
        auto steps = read_ui_script(*options.script);
        if (!steps) {
            std::fprintf(stderr, "letopis: %s\n", steps.error().describe().c_str());
            return 2;
        }
        script = std::make_unique<ScriptPlayer>(std::move(*steps), options.script->string());
    }
    if (!startup_error.empty())
        std::fprintf(stderr, "letopis: %s\n", startup_error.c_str());

    const std::string driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
    const bool driver_blocks = driver == "x11" || driver == "wayland";
    const bool report_first_frame = std::getenv("LETOPIS_REPORT_FIRST_FRAME") != nullptr;
    int frames_to_draw = kFramesAfterEvent;
    int frames_drawn = 0;
    bool running = true;
    std::vector<SDL_Event> deferred; // releases held back so a press lasts at least one frame
    while (running) {
        // Wait for something to happen, unless frames are still owed or a script is playing.
        SDL_Event event;
        bool have_event = false;
        if (frames_to_draw > 0 || script || options.screenshot)
            have_event = SDL_PollEvent(&event) != 0;
        else
            have_event = wait_for_event(event, kIdleWakeMs, driver_blocks);
        if (!have_event && frames_to_draw == 0)
            frames_to_draw = 1; // the idle wake-up: one frame to refresh time-based counts

        std::vector<SDL_Event> batch = std::move(deferred);
        deferred.clear();
        if (have_event) {
            batch.push_back(event);
            while (SDL_PollEvent(&event))
                batch.push_back(event);
        }
        std::vector<SDL_Scancode> pressed;
        for (size_t i = 0; i < batch.size(); ++i) {
            const SDL_Event& e = batch[i];
            if (e.type == SDL_KEYUP && std::find(pressed.begin(), pressed.end(), e.key.keysym.scancode) != pressed.end()) {
                deferred.assign(batch.begin() + static_cast<long>(i), batch.end());
                break;
            }
            if (e.type == SDL_KEYDOWN)
                pressed.push_back(e.key.keysym.scancode);
            ImGui_ImplSDL2_ProcessEvent(&e);
            if (e.type == SDL_QUIT)
                running = false;
            if (e.type == SDL_DROPFILE && e.drop.file) {
                ui.open_import(e.drop.file); // a word list or deck file dropped on the window
                SDL_free(e.drop.file);
            }
            if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE &&
                e.window.windowID == SDL_GetWindowID(sdl.window))
                running = false;
        }
        if (!batch.empty())
            frames_to_draw = kFramesAfterEvent;
        if (ui.take_weights_applied()) {
            // Weights applied on the options screen: the next session schedules with them.
            if (auto weights = load_fsrs_params(**collection))
                study.set_fsrs_params(*weights);
        }
        if (ui.wants_frames()) {
            // A progress bar is moving: about 30 frames a second is plenty.
            frames_to_draw = std::max(frames_to_draw, 1);
            SDL_Delay(33);
        }
        if (!deferred.empty())
            frames_to_draw = std::max(frames_to_draw, 1);

        if (auto wanted = ui.take_preferences_request()) {
            UiFonts fonts_now = ui.context().fonts;
            if (wanted->scale != preferences.ui.scale) {
                ImGui_ImplSDLRenderer_DestroyFontsTexture();
                auto rebuilt = load_fonts(data / "fonts", wanted->scale);
                if (rebuilt)
                    fonts_now = *rebuilt;
                else
                    wanted->scale = preferences.ui.scale;
                ImGui_ImplSDLRenderer_CreateFontsTexture();
            }
            apply_theme(wanted->theme, wanted->scale);
            preferences.ui = *wanted;
            ui.set_context(UiContext{fonts_now, &text_renderer, sdl_key_codes(), preferences.ui, &speech});
        }

        text_renderer.trim();
        ImGui_ImplSDLRenderer_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        if (script && script->mouse_position()) {
            io.MousePos = ImVec2(float(script->mouse_position()->first), float(script->mouse_position()->second));
            io.MouseDown[0] = script->mouse_down();
        }
        ImGui::NewFrame();
        ui.frame(now_utc_ms());
        ImGui::Render();
        clear_background(sdl.renderer, preferences.ui.theme);
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
        ++frames_drawn;

        if (options.screenshot && !script && frames_drawn >= kScreenshotSettleFrames) {
            auto written = write_screenshot(sdl.renderer, *options.screenshot);
            if (!written) {
                std::fprintf(stderr, "letopis: %s\n", written.error().describe().c_str());
                return 1;
            }
            running = false;
        }
        if (script) {
            script->after_frame(sdl.window, sdl.renderer, ui, monotonic_ms());
            if (script->finished())
                running = false;
        }
        SDL_RenderPresent(sdl.renderer);
        if (frames_drawn == 1 && report_first_frame) {
            std::printf("first-frame rss-kib=%ld\n", resident_kib());
            std::fflush(stdout);
        }
        if (frames_to_draw > 0)
            --frames_to_draw;
    }

    if (!options.screenshot) {
        SDL_GetWindowSize(sdl.window, &preferences.width, &preferences.height);
        save_window_preferences(preferences_file, preferences);
        // A rotating backup beside the collection, at most every few hours.
        if (auto backup = maybe_backup_on_close(**collection, now_utc_ms()); !backup)
            std::fprintf(stderr, "letopis: the automatic backup failed: %s\n", backup.error().describe().c_str());
    }
    if (script && script->failed()) {
        std::fprintf(stderr, "letopis: script failed: %s\n", script->failure().c_str());
        return 1;
    }
    return 0;
}

} // namespace letopis
