#include "kiosk/app/printing.hpp"

#include "kiosk/files/private_folder.hpp"

#include "kiosk/core/public_url.hpp"
#include "kiosk/core/text_format.hpp"
#include "kiosk/platform/cups_printer.hpp"
#include "kiosk/platform/escpos.hpp"
#include "kiosk/platform/slip_render.hpp"
#include "kiosk/ui/strings.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <unistd.h>

namespace kiosk::app {
namespace {

// What the family is told about a CUPS job's outcome: fewer kinds than the receptionist's (printer.<name>).
PrintingProblem printingProblem(const core::Problem& problem) {
    using P = platform::PrintProblem;
    if (problem.is(P::Paused) || problem.is(P::Rejecting)) return PrintingProblem::Paused;
    if (problem.is(P::OutOfPaper)) return PrintingProblem::OutOfPaper;
    if (problem.is(P::NoPrinter) || problem.is(P::Offline) || problem.is(P::TimedOut)) return PrintingProblem::NoPrinter;
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

core::Result<std::string> printSlip(const Config& config, const core::Slip& slip) {
    switch (config.printer) {
    case Config::Printer::None:
        return core::Problem(PrintingProblem::NoPrinter, {}, "no printer is configured (printer: none)");
    case Config::Printer::Receipt: {
        const int dots = config.receiptWidthMm == 58 ? platform::kReceiptDots58mm : platform::kReceiptDots80mm;
        platform::EscPosPrinter printer(config.receiptDevice, dots);
        if (auto printed = printer.print(slip); !printed)
            return core::Problem(printer.ready() ? PrintingProblem::Failed : PrintingProblem::NoPrinter, {},
                                 printed.problem().logLine());
        return "receipt printer " + config.receiptDevice.string();
    }
    case Config::Printer::Office: break;
    }
    // A PDF in a folder of its own (0700, an unpredictable name; the service's /tmp is private too),
    // removed again with the folder; CUPS takes a copy.
    auto folder = files::PrivateFolder::make("familienkiosk-slip");
    if (!folder)
        return core::Problem(PrintingProblem::Failed, {}, "the slip could not be made: " + folder.problem().logLine());
    const auto pdf = folder->path() / "slip.pdf";
    if (auto written = platform::renderSlipPdf(slip, pdf); !written)
        return core::Problem(PrintingProblem::Failed, {}, "the slip could not be made: " + written.problem().logLine());
    platform::CupsPrinter printer(config.printerQueue);
    const platform::PrintResult result = printer.printPdf(pdf, "Familienkiosk");
    if (!result) return core::Problem(printingProblem(result.problem()), {}, result.problem().logLine());
    return *result;
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
    // Neither which offers nor how many: the log is no trail of a family's visit.
    spdlog::debug("print: a slip");
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
        if (outcome) spdlog::debug("print: done ({})", *outcome);
        else spdlog::error("print: {}", outcome.problem().detail());
    }
    return m_view;
}

void PrintJobs::reset() {
    if (m_view.state != ui::PrintView::State::Printing) m_view.state = ui::PrintView::State::Idle;
}

}  // namespace kiosk::app
