// The family's visit in the running kiosk: the session, changed only through core::apply (and
// core::startOver), and the one place where the effects apply returns are carried out: sound,
// the slip, the statistics, and forgetting what the app kept of the last family.
#pragma once

#include "kiosk/app/config.hpp"
#include "kiosk/app/explanations.hpp"
#include "kiosk/app/kiosk_clock.hpp"
#include "kiosk/app/printing.hpp"
#include "kiosk/content/search.hpp"
#include "kiosk/content/statistics.hpp"
#include "kiosk/core/navigation.hpp"
#include "kiosk/ui/view.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

// Counts what the family asked for (the Count effects) in the anonymous statistics.
void countUsage(content::Statistics& statistics, const core::Effects& effects, core::LocalDateTime now);

class Visit {
public:
    using Clock = std::chrono::steady_clock;

    // Starts on `start`; the statistics are opened in the configuration's data folder (without
    // them, logged, the kiosk counts nothing).
    Visit(const Config& config, core::ScreenRef start, const KioskClock& clock, Explanations& explanations,
          PrintJobs& printJobs, ui::QrTextures& qr);

    const core::Session& session() const { return m_session; }

    // What the family asked for: applied to the session, its effects carried out. `tapped`: when
    // the frame that saw the tap began.
    void apply(const core::Intent& intent, const core::Catalog* catalog, Clock::time_point tapped);
    // A fresh visit on the attract screen: silence, no print outcome or QR code, nothing of the search.
    void startOver();
    // Once a frame: the explanation that came to its end falls quiet; a family's slip printed is
    // counted (staff's test slips are not: `staffOpen`).
    void follow(bool staffOpen);
    // The offers found for the session's search, found again only when the text or language changed.
    const std::vector<std::string>& searchResults(content::Search* search);

private:
    void carryOut(const core::Effects& effects, const core::Catalog* catalog, Clock::time_point tapped);
    void count(std::string_view metric, std::string_view key = {});

    const Config& m_config;
    const KioskClock& m_clock;
    Explanations& m_explanations;
    PrintJobs& m_printJobs;
    ui::QrTextures& m_qr;
    std::optional<content::Statistics> m_statistics;
    core::Session m_session;
    bool m_familyPrinting = false;  // a family's slip, counted when it is done
    std::string m_searchedText, m_searchedLanguage;
    std::vector<std::string> m_searchResults;
};

}  // namespace kiosk::app
