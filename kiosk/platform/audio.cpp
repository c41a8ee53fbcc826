// SDL2_mixer streams the file as "music" (decoded while playing, so a long explanation costs no
// memory); a post-mix hook notes when the first audible sample leaves, for the latency figure. The
// device is closed after two seconds without sound (an idle kiosk then uses no CPU at all) and
// opened again by the next play().
// SDL2 and SDL2_mixer are loaded with dlopen when the first Audio is made, not linked: SDL2_mixer
// brings some 40 libraries (fluidsynth, glib, PulseAudio, JACK, the codecs) whose loading and
// relocation would otherwise come before the kiosk's first frame (see README, "Start").
#include "kiosk/platform/audio.hpp"

#include <SDL.h>
#include <SDL_mixer.h>
#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace kiosk::platform {
namespace {

using Clock = std::chrono::steady_clock;

// 512 frames at 44.1 kHz: about 12 ms a buffer, well inside the 50 ms from tap to sound.
constexpr int kFrequency = 44100;
constexpr int kChunkFrames = 512;
constexpr int kSilence = 64;  // |sample| below this counts as silence (-54 dBFS)
// How long the device stays open without sound, and how often a playing device is looked at.
constexpr auto kQuietBeforeClosing = std::chrono::seconds(2);
constexpr auto kWhilePlaying = std::chrono::milliseconds(250);

// The functions of SDL2 and SDL2_mixer the kiosk uses, from the libraries loaded at run time. The
// libraries stay loaded for the process's life (SDL keeps threads and handlers of its own).
struct Sdl {
    decltype(&::SDL_SetHint) SDL_SetHint = nullptr;
    decltype(&::SDL_InitSubSystem) SDL_InitSubSystem = nullptr;
    decltype(&::SDL_QuitSubSystem) SDL_QuitSubSystem = nullptr;
    decltype(&::SDL_GetError) SDL_GetError = nullptr;
    decltype(&::Mix_Init) Mix_Init = nullptr;
    decltype(&::Mix_Quit) Mix_Quit = nullptr;
    decltype(&::Mix_OpenAudio) Mix_OpenAudio = nullptr;
    decltype(&::Mix_CloseAudio) Mix_CloseAudio = nullptr;
    decltype(&::Mix_SetPostMix) Mix_SetPostMix = nullptr;
    decltype(&::Mix_VolumeMusic) Mix_VolumeMusic = nullptr;
    decltype(&::Mix_LoadMUS) Mix_LoadMUS = nullptr;
    decltype(&::Mix_FreeMusic) Mix_FreeMusic = nullptr;
    decltype(&::Mix_PlayMusic) Mix_PlayMusic = nullptr;
    decltype(&::Mix_HaltMusic) Mix_HaltMusic = nullptr;
    decltype(&::Mix_PlayingMusic) Mix_PlayingMusic = nullptr;
    decltype(&::Mix_MusicDuration) Mix_MusicDuration = nullptr;
    decltype(&::Mix_GetMusicPosition) Mix_GetMusicPosition = nullptr;
    std::string problem;  // why the libraries could not be loaded; empty when they were
};

template <typename Function>
bool resolve(void* library, const char* name, Function& function, std::string& problem) {
    function = reinterpret_cast<Function>(dlsym(library, name));
    if (!function && problem.empty()) problem = std::string("no ") + name + " in SDL2/SDL2_mixer";
    return function != nullptr;
}

const Sdl& sdl() {
    static const Sdl loaded = [] {
        Sdl s;
        void* base = dlopen("libSDL2-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
        void* mixer = base ? dlopen("libSDL2_mixer-2.0.so.0", RTLD_NOW | RTLD_LOCAL) : nullptr;
        if (!mixer) {
            const char* error = dlerror();
            s.problem = std::string("cannot load SDL2_mixer (install libsdl2-mixer-2.0-0): ") + (error ? error : "");
            return s;
        }
        std::string& p = s.problem;
        resolve(base, "SDL_SetHint", s.SDL_SetHint, p);
        resolve(base, "SDL_InitSubSystem", s.SDL_InitSubSystem, p);
        resolve(base, "SDL_QuitSubSystem", s.SDL_QuitSubSystem, p);
        resolve(base, "SDL_GetError", s.SDL_GetError, p);
        resolve(mixer, "Mix_Init", s.Mix_Init, p);
        resolve(mixer, "Mix_Quit", s.Mix_Quit, p);
        resolve(mixer, "Mix_OpenAudio", s.Mix_OpenAudio, p);
        resolve(mixer, "Mix_CloseAudio", s.Mix_CloseAudio, p);
        resolve(mixer, "Mix_SetPostMix", s.Mix_SetPostMix, p);
        resolve(mixer, "Mix_VolumeMusic", s.Mix_VolumeMusic, p);
        resolve(mixer, "Mix_LoadMUS", s.Mix_LoadMUS, p);
        resolve(mixer, "Mix_FreeMusic", s.Mix_FreeMusic, p);
        resolve(mixer, "Mix_PlayMusic", s.Mix_PlayMusic, p);
        resolve(mixer, "Mix_HaltMusic", s.Mix_HaltMusic, p);
        resolve(mixer, "Mix_PlayingMusic", s.Mix_PlayingMusic, p);
        resolve(mixer, "Mix_MusicDuration", s.Mix_MusicDuration, p);
        resolve(mixer, "Mix_GetMusicPosition", s.Mix_GetMusicPosition, p);
        return s;
    }();
    return loaded;
}

}  // namespace

struct Audio::State {
    bool open = false;  // a device could be opened: the kiosk has sound
    std::string problem;
    std::atomic<std::int64_t> playStarted{0};  // Clock ticks of play(); 0: nothing to time
    std::atomic<std::int64_t> firstSound{0};   // Clock ticks of the first audible sample after it

    // Under `mutex`: the device, the music, and the thread that closes the device when it is quiet.
    mutable std::mutex mutex;
    std::condition_variable wake;
    bool deviceOpen = false;
    bool quit = false;
    Mix_Music* music = nullptr;
    int volume = MIX_MAX_VOLUME;
    Clock::time_point quietSince = Clock::now();
    std::thread closer;

    static void postMix(void* self, Uint8* stream, int length) {
        auto* state = static_cast<State*>(self);
        if (state->playStarted.load() == 0 || state->firstSound.load() != 0) return;
        const auto* samples = reinterpret_cast<const Sint16*>(stream);
        const int count = length / static_cast<int>(sizeof(Sint16));
        for (int i = 0; i < count; ++i)
            if (std::abs(static_cast<int>(samples[i])) >= kSilence) {
                state->firstSound = Clock::now().time_since_epoch().count();
                return;
            }
    }

    bool openDevice() {
        if (sdl().Mix_OpenAudio(kFrequency, AUDIO_S16SYS, 2, kChunkFrames) != 0) return false;
        deviceOpen = true;
        sdl().Mix_SetPostMix(&State::postMix, this);
        sdl().Mix_VolumeMusic(volume);
        quietSince = Clock::now();
        return true;
    }
    void stopMusic() {
        if (!music) return;
        sdl().Mix_HaltMusic();
        sdl().Mix_FreeMusic(music);
        music = nullptr;
    }
    void closeDevice() {
        stopMusic();
        sdl().Mix_SetPostMix(nullptr, nullptr);
        sdl().Mix_CloseAudio();
        deviceOpen = false;
    }
    // SDL's audio thread feeds an open device in real time, silence included (0.2-0.5 % of a core
    // for nothing): the device closes after a moment without sound and opens again on play().
    void closeWhenQuiet() {
        std::unique_lock lock(mutex);
        while (!quit) {
            if (!deviceOpen) {
                wake.wait(lock);
                continue;
            }
            const auto now = Clock::now();
            const bool sounding = music && sdl().Mix_PlayingMusic();
            if (sounding) quietSince = now;
            else if (now - quietSince >= kQuietBeforeClosing) {
                closeDevice();
                continue;
            }
            wake.wait_for(lock, sounding ? kWhilePlaying : quietSince + kQuietBeforeClosing - now);
        }
    }
};

Audio::Audio() : m_state(std::make_unique<State>()) {
    // SDL would catch SIGTERM and SIGINT for an event queue the kiosk does not read: the kiosk
    // would then ignore `systemctl stop` and Ctrl+C.
    if (!sdl().problem.empty()) {
        m_state->problem = "no sound system: " + sdl().problem;
        return;
    }
    sdl().SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (sdl().SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        m_state->problem = std::string("no sound system: ") + sdl().SDL_GetError();
        return;
    }
    sdl().Mix_Init(MIX_INIT_OGG | MIX_INIT_OPUS);
    if (!m_state->openDevice()) {
        m_state->problem = std::string("no sound device: ") + sdl().SDL_GetError();
        sdl().Mix_Quit();
        sdl().SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return;
    }
    m_state->open = true;
    m_state->closer = std::thread(&State::closeWhenQuiet, m_state.get());
}

Audio::~Audio() {
    if (!m_state->open) return;
    {
        std::lock_guard lock(m_state->mutex);
        m_state->quit = true;
    }
    m_state->wake.notify_all();
    m_state->closer.join();
    if (m_state->deviceOpen) m_state->closeDevice();
    sdl().Mix_Quit();
    sdl().SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

bool Audio::available() const { return m_state->open; }
const std::string& Audio::problem() const { return m_state->problem; }

std::string_view problemDomain(AudioProblem) { return "audio"; }

std::string_view problemName(AudioProblem code) {
    return code == AudioProblem::NoDevice ? "no-device" : "cannot-play";
}

std::string_view problemEnglish(AudioProblem code) {
    return code == AudioProblem::NoDevice ? "there is no sound device" : "{} cannot be played";
}

core::Result<void> Audio::play(const std::filesystem::path& file) {
    std::lock_guard lock(m_state->mutex);
    m_state->stopMusic();
    if (!m_state->open) return core::Problem(AudioProblem::NoDevice, {}, m_state->problem);
    // Timed from here: opening a device closed in the quiet is part of the wait for the sound.
    m_state->firstSound = 0;
    m_state->playStarted = Clock::now().time_since_epoch().count();
    if (!m_state->deviceOpen && !m_state->openDevice())
        return core::Problem(AudioProblem::NoDevice, {}, std::string("no sound device: ") + sdl().SDL_GetError());
    m_state->wake.notify_all();
    m_state->music = sdl().Mix_LoadMUS(file.c_str());
    if (!m_state->music) return core::Problem(AudioProblem::CannotPlay, {file.string()}, sdl().SDL_GetError());
    if (sdl().Mix_PlayMusic(m_state->music, 1) != 0) {
        core::Problem problem(AudioProblem::CannotPlay, {file.string()}, sdl().SDL_GetError());
        m_state->stopMusic();
        return problem;
    }
    m_state->quietSince = Clock::now();
    return {};
}

void Audio::stop() {
    std::lock_guard lock(m_state->mutex);
    m_state->stopMusic();
    m_state->quietSince = Clock::now();
}

bool Audio::playing() const {
    std::lock_guard lock(m_state->mutex);
    return m_state->music && sdl().Mix_PlayingMusic();
}

double Audio::seconds() const {
    std::lock_guard lock(m_state->mutex);
    return m_state->music ? std::max(0.0, sdl().Mix_MusicDuration(m_state->music)) : 0.0;
}

double Audio::progress() const {
    std::lock_guard lock(m_state->mutex);
    if (!m_state->music) return 0;
    const double length = sdl().Mix_MusicDuration(m_state->music);
    if (length <= 0) return 0;
    return std::clamp(sdl().Mix_GetMusicPosition(m_state->music) / length, 0.0, 1.0);
}

void Audio::setVolume(double volume) {
    std::lock_guard lock(m_state->mutex);
    m_state->volume = static_cast<int>(std::lround(std::clamp(volume, 0.0, 1.0) * MIX_MAX_VOLUME));
    if (m_state->deviceOpen) sdl().Mix_VolumeMusic(m_state->volume);
}

std::optional<double> Audio::startLatencyMs() const {
    const auto start = m_state->playStarted.load(), sound = m_state->firstSound.load();
    if (start == 0 || sound == 0) return std::nullopt;
    return std::chrono::duration<double, std::milli>(Clock::duration(sound - start)).count();
}

}  // namespace kiosk::platform
