#include "kiosk/app/printing.hpp"

#include "kiosk/core/public_url.hpp"
#include "kiosk/core/text_format.hpp"
#include "kiosk/platform/helper_process.hpp"
#include "kiosk/platform/print_request.hpp"
#include "kiosk/ui/strings.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>

namespace kiosk::app {
namespace {

// What the family is told about a CUPS job's outcome: fewer kinds than the receptionist's (printer.<name>).
PrintingProblem printingProblem(const core::Problem& problem) {
    using P = platform::PrintProblem;
    if (problem.is(P::Paused) || problem.is(P::Rejecting)) return PrintingProblem::Paused;
    if (problem.is(P::OutOfPaper)) return PrintingProblem::OutOfPaper;
    if (problem.is(P::NoPrinter) || problem.is(P::Offline) || problem.is(P::TimedOut)) return PrintingProblem::NoPrinter;
    // A helper that had to be stopped waited for a printer as a job that timed out does.
    if (problem.is(platform::HelperProblem::TimedOut)) return PrintingProblem::NoPrinter;
    return PrintingProblem::Failed;
}

// Sends the request to the print helper and hears its answer; a helper that cannot be started,
// crashes, hangs past `bound` or answers nonsense is a problem of its own (HelperProblem).
platform::PrintResult askHelper(const PrintHelper& helper, const platform::PrintRequest& request,
                                std::chrono::milliseconds bound) {
    auto ran = platform::runHelper(helper.program, platform::encodePrintRequest(request), bound,
                                   platform::kMaxPrintAnswer);
    if (!ran) return std::move(ran).takeProblem();
    const auto answer = platform::decodePrintAnswer(ran->output);
    if (!answer)
        return core::Problem(platform::HelperProblem::Failed, {helper.program.filename().string()},
                             "no answer (exit code " + std::to_string(ran->exitCode) + ")");
    if (answer->problem) return core::Problem(*answer->problem, {}, answer->detail);
    return answer->detail;
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
                   tr("slip.scan", language), tr("slip.footer", language), {}};
    // Where a family or a professional may ask on: the network's office, by its public phone number.
    if (!catalog.network.phone.empty())
        slip.labels.askNetwork = fmt::format(fmt::runtime(tr("slip.ask_network", language)), catalog.network.phone);
    for (const std::string& id : offerIds) {
        const core::Offer* offer = catalog.offer(id);
        if (!offer) continue;
        core::SlipEntry entry;
        entry.title = catalog.text(*offer, core::OfferText::Title, language);
        entry.summary = catalog.text(*offer, core::OfferText::Summary, language);
        entry.url = core::offerLink(catalog, *offer, language);
        if (const core::Provider* provider = catalog.provider(offer->providerId)) {
            const core::LocalizedText name = catalog.text(*provider, core::ProviderText::Name);
            entry.provider = name.get(language);
            // German too, to show at the counter.
            if (const std::string& german = name.get(core::kReferenceLanguage); german != entry.provider)
                entry.providerGerman = german;
            entry.address = core::oneLineAddress(provider->address);
            entry.phone = provider->phone;
            if (provider->hours) entry.hours = core::weeklyHoursText(*provider->hours, ui::hoursWords(language));
        }
        slip.entries.push_back(std::move(entry));
    }
    return slip;
}

PrintHelper::PrintHelper() : program(platform::besideThisProgram("familienkiosk-print")) {}

core::Result<std::string> printSlip(const Config& config, const core::Slip& slip, const PrintHelper& helper) {
    platform::PrintRequest request;
    request.slip = slip;
    switch (config.printer) {
    case Config::Printer::None:
        return core::Problem(PrintingProblem::NoPrinter, {}, "no printer is configured (printer: none)");
    case Config::Printer::Receipt:
        request.printer = platform::PrintRequest::Printer::Receipt;
        request.receiptDevice = config.receiptDevice.string();
        request.receiptDots = config.receiptWidthMm == 58 ? platform::kReceiptDots58mm : platform::kReceiptDots80mm;
        break;
    case Config::Printer::Office: request.queue = config.printerQueue; break;
    }
    auto printed = askHelper(helper, request, helper.printBound);
    if (!printed) return core::Problem(printingProblem(printed.problem()), {}, printed.problem().logLine());
    return *printed;
}

core::Result<std::string> writeSlipPdf(const core::Slip& slip, const std::filesystem::path& file,
                                       const PrintHelper& helper) {
    platform::PrintRequest request;
    request.job = platform::PrintRequest::Job::Pdf;
    request.pdfFile = std::filesystem::absolute(file).string();
    request.slip = slip;
    auto written = askHelper(helper, request, helper.printBound);
    if (!written) return core::Problem(PrintingProblem::Failed, {}, written.problem().logLine());
    return *written;
}

platform::PrintResult checkPrinter(const Config& config, const PrintHelper& helper) {
    platform::PrintRequest request;
    request.job = platform::PrintRequest::Job::Check;
    request.queue = config.printerQueue;
    request.timeoutSeconds = 5;
    auto checked = askHelper(helper, request, helper.checkBound);
    if (!checked && checked.problem().domain() != problemDomain(platform::PrintProblem::Failed))
        return core::Problem(platform::PrintProblem::Failed, {}, checked.problem().logLine());
    return checked;
}

PrintJobs::PrintJobs(const Config& config, std::function<void()> wake, PrintHelper helper)
    : m_config(config), m_wake(std::move(wake)), m_helper(std::move(helper)) {
    m_view.available = config.printer != Config::Printer::None;
}

PrintJobs::~PrintJobs() {
    if (m_job.valid()) m_job.wait();
}

void PrintJobs::start(core::Slip slip) {
    if (m_job.valid()) return;  // one at a time
    m_view.state = ui::PrintView::State::Printing;
    m_view.problemKey.clear();
    // Neither which offers nor how many: the log is no trail of a family's visit.
    spdlog::debug("print: a slip");
    m_job = std::async(std::launch::async, [this, slip = std::move(slip)] {
        auto outcome = printSlip(m_config, slip, m_helper);
        m_wake();
        return outcome;
    });
}

const ui::PrintView& PrintJobs::poll() {
    if (m_job.valid() && m_job.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        const auto outcome = m_job.get();
        m_view.state = outcome ? ui::PrintView::State::Done : ui::PrintView::State::Failed;
        m_view.problemKey = outcome ? std::string() : outcome.problem().key();
        if (outcome) spdlog::debug("print: done ({})", *outcome);
        else spdlog::error("print: {}", outcome.problem().detail());
    }
    return m_view;
}

void PrintJobs::reset() {
    if (m_view.state != ui::PrintView::State::Printing) m_view.state = ui::PrintView::State::Idle;
}

}  // namespace kiosk::app
