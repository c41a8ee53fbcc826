// Sound through SDL2_mixer: one explanation at a time, with progress and volume. Without a sound
// device (or with a broken file) the kiosk carries on silently; the messages say why.
#pragma once

#include "kiosk/core/problem.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace kiosk::platform {

enum class AudioProblem {
    NoDevice,    // no sound device could be opened (detail: SDL's words)
    CannotPlay,  // the file could not be loaded or started (values: the file; detail: SDL_mixer's words)
};
std::string_view problemDomain(AudioProblem);
std::string_view problemName(AudioProblem code);
std::string_view problemEnglish(AudioProblem code);

class Audio {
public:
    // Opens the default sound device (SDL's choice, or SDL_AUDIODRIVER). Never fails: without a
    // device, available() is false and problem() says why.
    Audio();
    ~Audio();
    Audio(const Audio&) = delete;
    Audio& operator=(const Audio&) = delete;

    bool available() const;
    const std::string& problem() const;  // why there is no sound, empty when there is

    // Starts `file` (Ogg Vorbis, Opus or WAV) from its beginning, ending what played before.
    core::Result<void> play(const std::filesystem::path& file);
    void stop();
    bool playing() const;
    double progress() const;  // 0..1 of the file played; 0 when unknown
    double seconds() const;   // the file's length in seconds; 0 when unknown
    void setVolume(double volume);  // 0..1

    // Milliseconds from the last play() to the first sample above silence that left the mixer,
    // once it has (for the latency benchmark).
    std::optional<double> startLatencyMs() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace kiosk::platform
