// The family's list on paper: the slip is made from the content, rendered and sent to the
// configured printer on a worker thread, so the screen never waits for a printer.
#pragma once

#include "kiosk/app/config.hpp"
#include "kiosk/core/catalog.hpp"
#include "kiosk/core/opening_hours.hpp"
#include "kiosk/core/problem.hpp"
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

// Why a slip did not come out, as the family is told (the words: "print.<name>" in the .po
// files); the problem's detail names the printer, the job and the printer's own words for the log.
enum class PrintingProblem { NoPrinter, Paused, OutOfPaper, Failed };
std::string_view problemDomain(PrintingProblem);
std::string_view problemName(PrintingProblem code);
std::string_view problemEnglish(PrintingProblem code);

// Renders and prints `slip` on the configured printer; blocks until the job is done or failed.
// Done: where it was printed, for the log.
core::Result<std::string> printSlip(const Config& config, const core::Slip& slip);

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
    std::future<core::Result<std::string>> m_job;
    ui::PrintView m_view;
};

}  // namespace kiosk::app
