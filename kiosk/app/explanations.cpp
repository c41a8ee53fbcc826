#include "kiosk/app/explanations.hpp"

#include "kiosk/core/spoken.hpp"

#include <spdlog/spdlog.h>

#include <thread>

namespace kiosk::app {

std::filesystem::path explanationFile(const core::Catalog& catalog, const std::filesystem::path& mediaDir,
                                      const std::string& key, const std::string& language) {
    const auto files = core::explanationAudio(catalog, key);
    return files ? core::playableFile(*files, mediaDir, language) : std::filesystem::path();
}

Explanations::Explanations(std::filesystem::path mediaDir, std::function<void()> opened) : m_opened(std::move(opened)) {
    m_view.mediaDir = std::move(mediaDir);
}

Explanations::~Explanations() {
    if (m_opening.valid()) takeOpened(true);
}

void Explanations::open(bool wait) {
    if (!m_opening.valid() && !m_audio)
        m_opening = std::async(std::launch::async, [opened = m_opened] {
            auto audio = std::make_unique<platform::Audio>();
            opened();
            return audio;
        });
    if (wait) takeOpened(true);
}

bool Explanations::takeOpened(bool wait) {
    if (!m_opening.valid() && !m_audio && wait) open(false);
    if (!m_opening.valid()) return m_audio != nullptr;
    if (!wait && m_opening.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    m_audio = m_opening.get();
    m_view.device = m_audio->available();
    m_audio->setVolume(static_cast<double>(m_volume) / core::kMaxVolume);
    if (!m_audio->available()) spdlog::warn("sound: {}; the kiosk carries on without sound", m_audio->problem());
    return true;
}

bool Explanations::play(const core::Catalog* catalog, const std::string& key, const std::string& language,
                        std::chrono::steady_clock::time_point tapped) {
    stop();
    // The device opens in the background; only a family waiting to hear something waits for it.
    takeOpened(true);
    platform::Audio& audio = *m_audio;
    const auto file = catalog ? explanationFile(*catalog, m_view.mediaDir, key, language) : std::filesystem::path();
    const auto started = std::chrono::steady_clock::now();
    std::string error = "no sound file for " + key;
    if (!file.empty()) {
        const core::Result<void> played = audio.play(file);
        error = played ? std::string() : played.problem().logLine();
    }
    if (!error.empty()) {
        spdlog::error("sound: {}", error);
        m_view.broken.insert(key);
        return false;
    }
    m_playing = key;
    m_tapToPlayMs = std::chrono::duration<double, std::milli>(started - tapped).count();
    m_latencyLogged = false;
    audio.setVolume(static_cast<double>(m_volume) / core::kMaxVolume);
    // Not which one: the log keeps what a receptionist needs, not what a family listened to.
    spdlog::debug("sound: playing an explanation ({:.1f} s)", audio.seconds());
    return true;
}

void Explanations::stop() {
    if (m_playing.empty() || !m_audio) return;
    m_audio->stop();
    m_playing.clear();
    m_view.progress = 0;
}

void Explanations::setVolume(int volume) {
    m_volume = volume;
    if (m_audio) m_audio->setVolume(static_cast<double>(volume) / core::kMaxVolume);
}

bool Explanations::poll() {
    if (!takeOpened(false)) return false;
    platform::Audio& audio = *m_audio;
    const bool ended = !m_playing.empty() && !audio.playing();
    if (ended) m_playing.clear();
    m_view.progress = m_playing.empty() ? 0.0f : static_cast<float>(audio.progress());
    if (!m_latencyLogged && !m_playing.empty()) {
        if (auto mixer = audio.startLatencyMs()) {
            // The tap's frame, then the mixer up to the first audible sample it hands to the device.
            spdlog::info("sound: first audible sample {:.1f} ms after the tap", m_tapToPlayMs + *mixer);
            m_latencyLogged = true;
        }
    }
    return ended;
}

int say(const core::Catalog& catalog, const std::filesystem::path& mediaDir, const std::string& key,
        const std::string& language, int volume) {
    if (!core::explanationAudio(catalog, key)) {
        spdlog::error("--say: no explanation '{}' (use home, offer:<id>, provider:<id>, stage:<id>, emergencies, "
                      "about, map, search, list or languages)", key);
        return 1;
    }
    const auto file = explanationFile(catalog, mediaDir, key, language);
    if (file.empty()) {
        spdlog::error("--say: no sound file for {} (the content names none, or it is missing)", key);
        return 1;
    }
    platform::Audio audio;
    if (!audio.available()) {
        spdlog::error("--say: {}", audio.problem());
        return 1;
    }
    audio.setVolume(static_cast<double>(volume) / core::kMaxVolume);
    if (auto played = audio.play(file); !played) {
        spdlog::error("--say: {}", played.problem().logLine());
        return 1;
    }
    spdlog::info("--say: playing {} ({:.1f} s)", file.string(), audio.seconds());
    while (audio.playing()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (auto latency = audio.startLatencyMs()) spdlog::info("--say: first audible sample after {:.1f} ms", *latency);
    return 0;
}

}  // namespace kiosk::app
