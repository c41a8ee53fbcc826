// SDL2_mixer streams the file as "music" (decoded while playing, so a long explanation costs no
// memory); a post-mix hook notes when the first audible sample leaves, for the latency figure. The
// device is closed after two seconds without sound (an idle kiosk then uses no CPU at all) and
// opened again by the next play().
#include "kiosk/platform/audio.hpp"

#include <SDL.h>
#include <SDL_mixer.h>

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
        if (Mix_OpenAudio(kFrequency, AUDIO_S16SYS, 2, kChunkFrames) != 0) return false;
        deviceOpen = true;
        Mix_SetPostMix(&State::postMix, this);
        Mix_VolumeMusic(volume);
        quietSince = Clock::now();
        return true;
    }
    void stopMusic() {
        if (!music) return;
        Mix_HaltMusic();
        Mix_FreeMusic(music);
        music = nullptr;
    }
    void closeDevice() {
        stopMusic();
        Mix_SetPostMix(nullptr, nullptr);
        Mix_CloseAudio();
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
            const bool sounding = music && Mix_PlayingMusic();
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
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        m_state->problem = std::string("no sound system: ") + SDL_GetError();
        return;
    }
    Mix_Init(MIX_INIT_OGG | MIX_INIT_OPUS);
    if (!m_state->openDevice()) {
        m_state->problem = std::string("no sound device: ") + Mix_GetError();
        Mix_Quit();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
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
    Mix_Quit();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
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
        return core::Problem(AudioProblem::NoDevice, {}, std::string("no sound device: ") + Mix_GetError());
    m_state->wake.notify_all();
    m_state->music = Mix_LoadMUS(file.c_str());
    if (!m_state->music) return core::Problem(AudioProblem::CannotPlay, {file.string()}, Mix_GetError());
    if (Mix_PlayMusic(m_state->music, 1) != 0) {
        core::Problem problem(AudioProblem::CannotPlay, {file.string()}, Mix_GetError());
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
    return m_state->music && Mix_PlayingMusic();
}

double Audio::seconds() const {
    std::lock_guard lock(m_state->mutex);
    return m_state->music ? std::max(0.0, Mix_MusicDuration(m_state->music)) : 0.0;
}

double Audio::progress() const {
    std::lock_guard lock(m_state->mutex);
    if (!m_state->music) return 0;
    const double length = Mix_MusicDuration(m_state->music);
    if (length <= 0) return 0;
    return std::clamp(Mix_GetMusicPosition(m_state->music) / length, 0.0, 1.0);
}

void Audio::setVolume(double volume) {
    std::lock_guard lock(m_state->mutex);
    m_state->volume = static_cast<int>(std::lround(std::clamp(volume, 0.0, 1.0) * MIX_MAX_VOLUME));
    if (m_state->deviceOpen) Mix_VolumeMusic(m_state->volume);
}

std::optional<double> Audio::startLatencyMs() const {
    const auto start = m_state->playStarted.load(), sound = m_state->firstSound.load();
    if (start == 0 || sound == 0) return std::nullopt;
    return std::chrono::duration<double, std::milli>(Clock::duration(sound - start)).count();
}

}  // namespace kiosk::platform
