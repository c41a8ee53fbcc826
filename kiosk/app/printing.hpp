// The family's list on paper: the slip is made from the content, rendered and sent to the
// configured printer on a worker thread, so the screen never waits for a printer.
#pragma once

#include "kiosk/app/config.hpp"
#include "kiosk/core/catalog.hpp"
#include "kiosk/core/opening_hours.hpp"
#include "kiosk/core/slip.hpp"
#include "kiosk/ui/view.hpp"

#include <functional>
#include <future>
#include <string>
#include <vector>

namespace kiosk::app {

// The slip for `offerIds` in `language` (unknown ids are left out).
core::Slip makeSlip(const core::Catalog& catalog, const std::vector<std::string>& offerIds, const std::string& language,
                    const std::string& kioskName, core::LocalDateTime now);

struct PrintOutcome {
    bool ok = false;
    std::string problemKey;  // the plain-words message for families (a UI string key)
    std::string detail;      // for the log: printer, job, the printer's own words
};

// Renders and prints `slip` on the configured printer; blocks until the job is done or failed.
PrintOutcome printSlip(const Config& config, const core::Slip& slip);

// One print at a time, in the background; `wake` (thread-safe) is called when it ends.
class PrintJobs {
public:
    PrintJobs(const Config& config, std::function<void()> wake);
    ~PrintJobs();

    void start(core::Slip slip);
    // Takes in a finished job; the view the screens show.
    const ui::PrintView& poll();
    void reset();  // a new family sees no old "done"

private:
    const Config& m_config;
    std::function<void()> m_wake;
    std::future<PrintOutcome> m_job;
    ui::PrintView m_view;
};

}  // namespace kiosk::app
