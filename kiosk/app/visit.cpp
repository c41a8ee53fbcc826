// Effects carried out: the devices, the statistics and the visit's caches follow the session.
#include "kiosk/app/visit.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::app {
namespace {

std::string_view metricName(core::Usage usage) {
    namespace m = content::metric;
    switch (usage) {
    case core::Usage::Session: return m::kSession;
    case core::Usage::Language: return m::kLanguage;
    case core::Usage::LifeStage: return m::kLifeStage;
    case core::Usage::Topic: return m::kTopic;
    case core::Usage::Offer: return m::kOffer;
    case core::Usage::Emergencies: return m::kEmergencies;
    case core::Usage::Audio: return m::kAudio;
    case core::Usage::Qr: return m::kQr;
    }
    return "?";
}

}  // namespace

void countUsage(content::Statistics& statistics, const core::Effects& effects, core::LocalDateTime now) {
    for (const auto& effect : effects)
        if (auto* count = std::get_if<core::effect::Count>(&effect)) statistics.count(now, metricName(count->usage), count->key);
}

Visit::Visit(const Config& config, core::ScreenRef start, const KioskClock& clock, Explanations& explanations,
             PrintJobs& printJobs, ui::QrTextures& qr)
    : m_config(config),
      m_clock(clock),
      m_explanations(explanations),
      m_printJobs(printJobs),
      m_qr(qr),
      m_session(core::freshSession(config.language, std::move(start), config.volume)) {
    try {
        std::filesystem::create_directories(config.dataDir);
        m_statistics.emplace(content::statisticsFile(config.dataDir));
    } catch (const std::exception& e) {
        spdlog::error("statistics: {}; the kiosk counts nothing until restarted", e.what());
    }
    m_explanations.setVolume(m_session.volume);
}

void Visit::apply(const core::Intent& intent, const core::Catalog* catalog, Clock::time_point tapped) {
    carryOut(core::apply(m_session, intent), catalog, tapped);
}

void Visit::startOver() {
    carryOut(core::startOver(m_session, core::freshSession(m_config.language, {core::ScreenId::Attract, {}, {}},
                                                           m_config.volume)),
             nullptr, Clock::now());
}

void Visit::carryOut(const core::Effects& effects, const core::Catalog* catalog, Clock::time_point tapped) {
    namespace e = core::effect;
    for (const auto& effect : effects) {
        if (auto* play = std::get_if<e::Play>(&effect)) {
            // A file that cannot be played: the session falls quiet (the screens mark it broken).
            if (!m_explanations.play(catalog, play->explanation, play->language, tapped))
                carryOut(core::apply(m_session, core::intent::SoundEnded{}), catalog, tapped);
        } else if (std::holds_alternative<e::StopSound>(effect)) {
            m_explanations.stop();
        } else if (auto* volume = std::get_if<e::SetVolume>(&effect)) {
            m_explanations.setVolume(volume->volume);
        } else if (auto* print = std::get_if<e::PrintSlip>(&effect)) {
            if (!catalog) continue;
            m_printJobs.start(makeSlip(*catalog, print->offers, print->language, m_config.kioskName, m_clock.local()));
            m_familyPrinting = true;
        } else if (std::holds_alternative<e::ForgetPrintOutcome>(effect)) {
            m_printJobs.reset();
        } else if (std::holds_alternative<e::ForgetVisit>(effect)) {
            m_printJobs.reset();
            m_qr.clear();
            m_searchedText.clear();
            m_searchResults.clear();
        }
    }
    if (!m_statistics) return;
    try {
        countUsage(*m_statistics, effects, m_clock.local());
    } catch (const std::exception& ex) {
        spdlog::error("statistics: {}", ex.what());  // a full disk must not stop the kiosk
    }
}

void Visit::follow(bool staffOpen) {
    if (m_explanations.poll()) apply(core::intent::SoundEnded{}, nullptr, Clock::now());
    if (m_familyPrinting && !staffOpen) {
        const auto state = m_printJobs.poll().state;
        if (state == ui::PrintView::State::Done) count(content::metric::kSlip);
        if (state != ui::PrintView::State::Printing) m_familyPrinting = false;
    }
}

void Visit::count(std::string_view metric, std::string_view key) {
    if (!m_statistics) return;
    try {
        m_statistics->count(m_clock.local(), metric, key);
    } catch (const std::exception& e) {
        spdlog::error("statistics: {}", e.what());
    }
}

const std::vector<std::string>& Visit::searchResults(content::Search* search) {
    if (m_session.current().id == core::ScreenId::Search &&
        (m_session.searchText != m_searchedText || m_session.language != m_searchedLanguage)) {
        m_searchedText = m_session.searchText;
        m_searchedLanguage = m_session.language;
        m_searchResults = search ? search->find(m_searchedText, m_searchedLanguage) : std::vector<std::string>{};
    }
    return m_searchResults;
}

}  // namespace kiosk::app
