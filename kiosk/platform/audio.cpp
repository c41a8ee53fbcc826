// SDL2_mixer streams the file as "music" (decoded while playing, so a long explanation costs no
// memory); a post-mix hook notes when the first audible sample leaves, for the latency figure.
#include "kiosk/platform/audio.hpp"

#include <SDL.h>
#include <SDL_mixer.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace kiosk::platform {
namespace {

using Clock = std::chrono::steady_clock;

// 512 frames at 44.1 kHz: about 12 ms a buffer, well inside the 50 ms from tap to sound.
constexpr int kFrequency = 44100;
constexpr int kChunkFrames = 512;
constexpr int kSilence = 64;  // |sample| below this counts as silence (-54 dBFS)

}  // namespace

struct Audio::State {
    bool open = false;
    std::string problem;
    Mix_Music* music = nullptr;
    std::atomic<std::int64_t> playStarted{0};  // Clock ticks of play(); 0: nothing to time
    std::atomic<std::int64_t> firstSound{0};   // Clock ticks of the first audible sample after it

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
    if (Mix_OpenAudio(kFrequency, AUDIO_S16SYS, 2, kChunkFrames) != 0) {
        m_state->problem = std::string("no sound device: ") + Mix_GetError();
        Mix_Quit();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return;
    }
    m_state->open = true;
    Mix_SetPostMix(&State::postMix, m_state.get());
}

Audio::~Audio() {
    if (!m_state->open) return;
    stop();
    Mix_SetPostMix(nullptr, nullptr);
    Mix_CloseAudio();
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
    stop();
    if (!m_state->open) return core::Problem(AudioProblem::NoDevice, {}, m_state->problem);
    m_state->music = Mix_LoadMUS(file.c_str());
    if (!m_state->music) return core::Problem(AudioProblem::CannotPlay, {file.string()}, Mix_GetError());
    m_state->firstSound = 0;
    m_state->playStarted = Clock::now().time_since_epoch().count();
    if (Mix_PlayMusic(m_state->music, 1) != 0) {
        core::Problem problem(AudioProblem::CannotPlay, {file.string()}, Mix_GetError());
        stop();
        return problem;
    }
    return {};
}

void Audio::stop() {
    if (!m_state->music) return;
    Mix_HaltMusic();
    Mix_FreeMusic(m_state->music);
    m_state->music = nullptr;
}

bool Audio::playing() const { return m_state->music && Mix_PlayingMusic(); }

double Audio::seconds() const {
    if (!m_state->music) return 0;
    return std::max(0.0, Mix_MusicDuration(m_state->music));
}

double Audio::progress() const {
    const double length = seconds();
    if (length <= 0) return 0;
    return std::clamp(Mix_GetMusicPosition(m_state->music) / length, 0.0, 1.0);
}

void Audio::setVolume(double volume) {
    if (m_state->open) Mix_VolumeMusic(static_cast<int>(std::lround(std::clamp(volume, 0.0, 1.0) * MIX_MAX_VOLUME)));
}

std::optional<double> Audio::startLatencyMs() const {
    const auto start = m_state->playStarted.load(), sound = m_state->firstSound.load();
    if (start == 0 || sound == 0) return std::nullopt;
    return std::chrono::duration<double, std::milli>(Clock::duration(sound - start)).count();
}

}  // namespace kiosk::platform
