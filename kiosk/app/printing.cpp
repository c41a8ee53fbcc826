#include "kiosk/app/printing.hpp"

#include "kiosk/core/public_url.hpp"
#include "kiosk/platform/cups_printer.hpp"
#include "kiosk/platform/escpos.hpp"
#include "kiosk/platform/slip_render.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <unistd.h>

namespace kiosk::app {
namespace {

std::string address(const core::Address& a) {
    if (a.empty()) return {};
    return a.street + ", " + a.postalCode + " " + a.municipality;
}

// What the family is told about a CUPS job's outcome.
PrintingProblem printingProblem(platform::PrintProblem problem) {
    using P = platform::PrintProblem;
    switch (problem) {
    case P::Paused:
    case P::Rejecting: return PrintingProblem::Paused;
    case P::OutOfPaper: return PrintingProblem::OutOfPaper;
    case P::NoPrinter:
    case P::Offline:
    case P::TimedOut: return PrintingProblem::NoPrinter;
    case P::None:
    case P::Failed: break;
    }
    return PrintingProblem::Failed;
}

}  // namespace

std::string_view problemDomain(PrintingProblem) { return "print"; }

std::string_view problemName(PrintingProblem code) {
    switch (code) {
    case PrintingProblem::NoPrinter: return "no_printer";
    case PrintingProblem::Paused: return "paused";
    case PrintingProblem::OutOfPaper: return "out_of_paper";
    case PrintingProblem::Failed: return "failed";
    }
    return "failed";
}

std::string_view problemEnglish(PrintingProblem code) {
    switch (code) {
    case PrintingProblem::NoPrinter: return "The printer cannot be reached.";
    case PrintingProblem::Paused: return "The printer is paused.";
    case PrintingProblem::OutOfPaper: return "The printer is out of paper.";
    case PrintingProblem::Failed: return "Printing did not work.";
    }
    return "Printing did not work.";
}

core::Slip makeSlip(const core::Catalog& catalog, const std::vector<std::string>& offerIds, const std::string& language,
                    const std::string& kioskName, core::LocalDateTime now) {
    using ui::tr;
    core::Slip slip;
    slip.kioskName = kioskName;
    slip.date = fmt::format("{:02}.{:02}.{}", now.date.day, now.date.month, now.date.year);
    slip.language = language;
    slip.labels = {tr("slip.heading", language), tr("slip.phone", language), tr("slip.hours", language),
                   tr("slip.scan", language), tr("slip.footer", language)};
    for (const std::string& id : offerIds) {
        const core::Offer* offer = catalog.offer(id);
        if (!offer) continue;
        core::SlipEntry entry;
        entry.title = offer->title.get(language);
        entry.summary = offer->summary.get(language);
        entry.url = core::offerLink(catalog, *offer, language);
        if (const core::Provider* provider = catalog.provider(offer->providerId)) {
            entry.provider = provider->name.get(language);
            // German too, to show at the counter.
            if (const std::string& german = provider->name.get(core::kReferenceLanguage); german != entry.provider)
                entry.providerGerman = german;
            entry.address = address(provider->address);
            entry.phone = provider->phone;
            if (provider->hours) entry.hours = ui::weeklyHoursText(*provider->hours, language);
        }
        slip.entries.push_back(std::move(entry));
    }
    return slip;
}

core::Result<std::string> printSlip(const Config& config, const core::Slip& slip) {
    switch (config.printer) {
    case Config::Printer::None:
        return core::Problem(PrintingProblem::NoPrinter, {}, "no printer is configured (printer: none)");
    case Config::Printer::Receipt: {
        const int dots = config.receiptWidthMm == 58 ? platform::kReceiptDots58mm : platform::kReceiptDots80mm;
        platform::EscPosPrinter printer(config.receiptDevice, dots);
        if (std::string error = printer.print(slip); !error.empty())
            return core::Problem(printer.ready() ? PrintingProblem::Failed : PrintingProblem::NoPrinter, {}, error);
        return "receipt printer " + config.receiptDevice.string();
    }
    case Config::Printer::Office: break;
    }
    // A PDF in the data folder's temp area, removed again; CUPS takes a copy.
    const auto pdf = std::filesystem::temp_directory_path() / fmt::format("familienkiosk-slip-{}.pdf", ::getpid());
    if (std::string error = platform::renderSlipPdf(slip, pdf); !error.empty())
        return core::Problem(PrintingProblem::Failed, {}, "the slip could not be made: " + error);
    platform::CupsPrinter printer(config.printerQueue);
    const platform::PrintResult result = printer.printPdf(pdf, "Familienkiosk");
    std::error_code ignored;
    std::filesystem::remove(pdf, ignored);
    if (result.problem != platform::PrintProblem::None)
        return core::Problem(printingProblem(result.problem), {}, result.detail);
    return result.detail;
}

PrintJobs::PrintJobs(const Config& config, std::function<void()> wake) : m_config(config), m_wake(std::move(wake)) {
    m_view.available = config.printer != Config::Printer::None;
}

PrintJobs::~PrintJobs() {
    if (m_job.valid()) m_job.wait();
}

void PrintJobs::start(core::Slip slip) {
    if (m_job.valid()) return;  // one at a time
    m_view.state = ui::PrintView::State::Printing;
    m_view.problemKey.clear();
    spdlog::info("print: a slip with {} offer(s)", slip.entries.size());
    m_job = std::async(std::launch::async, [this, slip = std::move(slip)] {
        auto outcome = printSlip(m_config, slip);
        m_wake();
        return outcome;
    });
}

const ui::PrintView& PrintJobs::poll() {
    if (m_job.valid() && m_job.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        const auto outcome = m_job.get();
        m_view.state = outcome ? ui::PrintView::State::Done : ui::PrintView::State::Failed;
        m_view.problemKey = outcome ? std::string() : outcome.problem().key();
        if (outcome) spdlog::info("print: done ({})", *outcome);
        else spdlog::error("print: {}", outcome.problem().detail());
    }
    return m_view;
}

void PrintJobs::reset() {
    if (m_view.state != ui::PrintView::State::Printing) m_view.state = ui::PrintView::State::Idle;
}

}  // namespace kiosk::app
