// Plays the spoken explanations: the core decides (core::apply's Play, StopSound and SetVolume
// effects), this carries it out on the sound device. Also `--say`, for installers and tests.
#pragma once

#include "kiosk/core/catalog.hpp"
#include "kiosk/core/navigation.hpp"
#include "kiosk/platform/audio.hpp"
#include "kiosk/ui/view.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <string>

namespace kiosk::app {

class Explanations {
public:
    // The sound device opens when open() is called (the kiosk does after its first frame) or with
    // the first play(); `opened` (thread-safe) is called when that is done, so the screens can
    // show the buttons.
    Explanations(std::filesystem::path mediaDir, std::function<void()> opened);
    ~Explanations();

    // Loads the sound libraries and opens the device in the background (ALSA may take a while,
    // more so without a card); with `wait`, returns once that is done. Once only.
    void open(bool wait);

    // Starts explanation `key` ("home", "offer:<id>" …) in `language`, after stopping any other;
    // waits for the device if it is still opening. False when it cannot be played: logged by
    // name and marked broken for the screens. `tapped`: when the frame that asked for it began
    // (for the latency log).
    bool play(const core::Catalog* catalog, const std::string& key, const std::string& language,
              std::chrono::steady_clock::time_point tapped);
    void stop();
    void setVolume(int volume);  // 0..core::kMaxVolume
    // Once a frame: takes in the device once it opened and moves the progress bar. True when the
    // explanation playing came to its end just now.
    bool poll();

    bool playing() const { return !m_playing.empty(); }
    void setMediaDir(std::filesystem::path mediaDir) { m_view.mediaDir = std::move(mediaDir); }
    const ui::AudioView& view() const { return m_view; }

private:
    bool takeOpened(bool wait);

    std::function<void()> m_opened;
    std::future<std::unique_ptr<platform::Audio>> m_opening;
    std::unique_ptr<platform::Audio> m_audio;
    ui::AudioView m_view;
    std::string m_playing;  // what the device plays, as the session named it
    int m_volume = core::kDefaultVolume;
    double m_tapToPlayMs = 0;
    bool m_latencyLogged = true;
};

// The file of explanation `key` ("home", "offer:<id>", "provider:<id>" …, see core::explanationAudio) in `language`, else German; empty when
// there is none (see core::playableFile).
std::filesystem::path explanationFile(const core::Catalog& catalog, const std::filesystem::path& mediaDir,
                                      const std::string& key, const std::string& language);

// `familienkiosk --say KEY`: plays the explanation to its end on the sound device. Returns the exit code.
int say(const core::Catalog& catalog, const std::filesystem::path& mediaDir, const std::string& key,
        const std::string& language, int volume);

}  // namespace kiosk::app
