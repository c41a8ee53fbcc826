// The family's list on paper: the slip is made from the content here, and rendered and sent to the
// configured printer by the print helper (familienkiosk-print, kiosk/print) in a process of its own,
// followed on a worker thread, so the screen never waits for a printer, the kiosk loads no printing
// library, and a helper that crashes or hangs is a message, not the kiosk's end.
#pragma once

#include "kiosk/app/config.hpp"
#include "kiosk/core/catalog.hpp"
#include "kiosk/core/opening_hours.hpp"
#include "kiosk/core/problem.hpp"
#include "kiosk/core/slip.hpp"
#include "kiosk/platform/print_problem.hpp"
#include "kiosk/ui/view.hpp"

#include <chrono>
#include <filesystem>
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

// The print helper and how long it may take before it is stopped (SIGKILL): CUPS gives a job 60 s
// and a printer check 5 s, a receipt printer may stall for 20 s.
struct PrintHelper {
    std::filesystem::path program;  // default: familienkiosk-print beside the running program
    std::chrono::milliseconds printBound = std::chrono::seconds(120);
    std::chrono::milliseconds checkBound = std::chrono::seconds(20);
    PrintHelper();
};

// Prints `slip` on the configured printer through the helper; blocks until the job is done or
// failed. Done: where it was printed, for the log.
core::Result<std::string> printSlip(const Config& config, const core::Slip& slip, const PrintHelper& helper = {});

// Writes `slip` as a PDF file through the helper (--slip-pdf).
core::Result<std::string> writeSlipPdf(const core::Slip& slip, const std::filesystem::path& file,
                                       const PrintHelper& helper = {});

// The state of the configured CUPS queue now, as the receptionist is told (printer.<name>).
platform::PrintResult checkPrinter(const Config& config, const PrintHelper& helper = {});

// One print at a time, in the background; `wake` (thread-safe) is called when it ends.
class PrintJobs {
public:
    PrintJobs(const Config& config, std::function<void()> wake, PrintHelper helper = {});
    ~PrintJobs();

    void start(core::Slip slip);
    // Takes in a finished job; the view the screens show.
    const ui::PrintView& poll();
    void reset();  // a new family sees no old "done"

private:
    const Config& m_config;
    std::function<void()> m_wake;
    PrintHelper m_helper;
    std::future<core::Result<std::string>> m_job;
    ui::PrintView m_view;
};

}  // namespace kiosk::app
