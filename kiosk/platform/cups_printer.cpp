// Printing through libcups: IPP requests on a connection of our own for each call.
#include "kiosk/platform/cups_printer.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include <cups/cups.h>
#include <sys/socket.h>

namespace kiosk::platform {

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr auto kPollInterval = 100ms;
constexpr int kPrinterPollEvery = 5;  // job polls between printer polls while following a job
// How long the printer may report out-of-paper or offline while our job waits before we give
// up: "connecting-to-device" is normal for a moment, and a reason left over from an earlier job
// needs a moment to be cleared by the backend.
constexpr auto kHardwareGrace = 10s;
constexpr int kConnectTimeoutMs = 10000;

struct HttpClose {
    void operator()(http_t* http) const noexcept { httpClose(http); }
};
using Connection = std::unique_ptr<http_t, HttpClose>;

struct IppDelete {
    void operator()(ipp_t* ipp) const noexcept { ippDelete(ipp); }
};
using IppMessage = std::unique_ptr<ipp_t, IppDelete>;

std::string lastCupsError() {
    const char* text = cupsLastErrorString();
    return text && *text ? text : ippErrorString(cupsLastError());
}

// A connection of our own: an http_t must not be shared between threads, and libcups keeps
// the server name (CUPS_SERVER) and the last error per thread.
core::Problem failed(PrintProblem code, std::string detail) { return core::Problem(code, {}, std::move(detail)); }

core::Result<Connection> connect() {
    http_t* http = httpConnect2(cupsServer(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1,
                                kConnectTimeoutMs, nullptr);
    if (!http)
        return failed(PrintProblem::Failed,
                      std::string("cannot reach the print service at ") + cupsServer() + ": " + std::strerror(errno));
    return Connection(http);
}

std::string printerUri(const std::string& queue) {
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(),
                     "/printers/%s", queue.c_str());
    return uri;
}

std::vector<std::string> keywords(ipp_t* response, const char* name) {
    std::vector<std::string> values;
    if (ipp_attribute_t* attribute = ippFindAttribute(response, name, IPP_TAG_KEYWORD))
        for (int i = 0; i < ippGetCount(attribute); ++i)
            if (const char* value = ippGetString(attribute, i, nullptr); value && std::strcmp(value, "none") != 0)
                values.emplace_back(value);
    return values;
}

std::string text(ipp_t* response, const char* name) {
    ipp_attribute_t* attribute = ippFindAttribute(response, name, IPP_TAG_TEXT);
    const char* value = attribute ? ippGetString(attribute, 0, nullptr) : nullptr;
    return value ? value : "";
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& value : values) out += (out.empty() ? "" : ",") + value;
    return out.empty() ? "none" : out;
}

bool anyStartsWith(const std::vector<std::string>& reasons, std::initializer_list<std::string_view> prefixes) {
    return std::any_of(reasons.begin(), reasons.end(), [&](const std::string& reason) {
        return std::any_of(prefixes.begin(), prefixes.end(),
                           [&](std::string_view prefix) { return reason.starts_with(prefix); });
    });
}

struct PrinterStatus {
    ipp_pstate_t state = IPP_PSTATE_IDLE;
    bool accepting = true;
    std::vector<std::string> reasons;
    std::string message;

    bool stopped() const { return state == IPP_PSTATE_STOPPED; }
    bool hardwareProblem() const { return problem() == PrintProblem::OutOfPaper || problem() == PrintProblem::Offline; }

    // What the printer reports itself comes first: "out of paper" helps the receptionist more
    // than "stopped" when CUPS stopped the queue because the paper ran out.
    std::optional<PrintProblem> problem() const {
        if (anyStartsWith(reasons, {"media-empty", "media-needed"})) return PrintProblem::OutOfPaper;
        if (anyStartsWith(reasons, {"offline", "connecting-to-device", "timed-out"})) return PrintProblem::Offline;
        if (stopped()) return PrintProblem::Paused;
        if (!accepting) return PrintProblem::Rejecting;
        return std::nullopt;
    }

    std::string describe(const std::string& queue) const {
        std::string out = "queue " + queue + ": " +
                          (state == IPP_PSTATE_IDLE         ? "idle"
                           : state == IPP_PSTATE_PROCESSING ? "processing"
                                                            : "stopped") +
                          (accepting ? ", accepting jobs" : ", not accepting jobs") + ", reasons " + joined(reasons);
        if (!message.empty()) out += ", \"" + message + "\"";
        return out;
    }
};

// The queue's state, or the problem that says why there is none.
core::Result<PrinterStatus> printerStatus(http_t* http, const std::string& queue) {
    ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, printerUri(queue).c_str());
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
    static const char* const kWanted[] = {"printer-state", "printer-state-reasons", "printer-is-accepting-jobs",
                                          "printer-state-message"};
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  static_cast<int>(std::size(kWanted)), nullptr, kWanted);
    IppMessage response(cupsDoRequest(http, request, "/"));
    const ipp_status_t status = cupsLastError();
    if (status == IPP_STATUS_ERROR_NOT_FOUND)
        return failed(PrintProblem::NoPrinter, "queue " + queue + " does not exist: " + lastCupsError());
    if (!response || status > IPP_STATUS_OK_CONFLICTING)
        return failed(PrintProblem::Failed, "queue " + queue + ": CUPS did not report its state: " + lastCupsError());
    PrinterStatus printer;
    if (ipp_attribute_t* state = ippFindAttribute(response.get(), "printer-state", IPP_TAG_ENUM))
        printer.state = static_cast<ipp_pstate_t>(ippGetInteger(state, 0));
    if (ipp_attribute_t* accepting = ippFindAttribute(response.get(), "printer-is-accepting-jobs", IPP_TAG_BOOLEAN))
        printer.accepting = ippGetBoolean(accepting, 0) != 0;
    printer.reasons = keywords(response.get(), "printer-state-reasons");
    printer.message = text(response.get(), "printer-state-message");
    return printer;
}

struct JobStatus {
    ipp_jstate_t state = IPP_JSTATE_PENDING;
    std::vector<std::string> reasons;
    std::string message;

    bool finished() const { return state >= IPP_JSTATE_CANCELED; }
    std::string describe() const {
        static const char* const kNames[] = {"pending", "held", "processing", "stopped", "canceled", "aborted",
                                             "completed"};
        const int index = state - IPP_JSTATE_PENDING;
        std::string out = index >= 0 && index < static_cast<int>(std::size(kNames)) ? kNames[index] : "unknown";
        out += ", reasons " + joined(reasons);
        if (!message.empty()) out += ", \"" + message + "\"";
        return out;
    }
};

// The job's state, or why CUPS did not tell it.
core::Result<JobStatus> jobStatus(http_t* http, int job) {
    ipp_t* request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(), "/jobs/%d", job);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nullptr, uri);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
    static const char* const kWanted[] = {"job-state", "job-state-reasons", "job-printer-state-message"};
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  static_cast<int>(std::size(kWanted)), nullptr, kWanted);
    IppMessage response(cupsDoRequest(http, request, "/"));
    ipp_attribute_t* state = response ? ippFindAttribute(response.get(), "job-state", IPP_TAG_ENUM) : nullptr;
    if (!state || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
        std::string error = "CUPS did not report its state: " + lastCupsError();
        if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND)
            error += " (is PreserveJobHistory off in cupsd.conf? the kiosk needs the job's end state)";
        return failed(PrintProblem::Failed, std::move(error));
    }
    JobStatus status;
    status.state = static_cast<ipp_jstate_t>(ippGetInteger(state, 0));
    status.reasons = keywords(response.get(), "job-state-reasons");
    status.message = text(response.get(), "job-printer-state-message");
    return status;
}

// The queue to use, or the problem that says there is none.
core::Result<std::string> resolveQueue(const std::string& configured, http_t* http) {
    if (!configured.empty()) return configured;
    const char* fallback = cupsGetDefault2(http);
    if (fallback && *fallback) return std::string(fallback);
    return failed(PrintProblem::NoPrinter, "no printer queue is configured and CUPS has no default destination");
}

std::optional<std::string> readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    return bytes;
}

std::string seconds(Clock::duration duration) {
    const auto tenths = std::chrono::duration_cast<std::chrono::milliseconds>(duration).count() / 100;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

}  // namespace

CupsPrinter::CupsPrinter(std::string queue, std::chrono::seconds timeout)
    : m_queue(std::move(queue)), m_timeout(timeout) {}

std::string CupsPrinter::queueName() const {
    if (!m_queue.empty()) return m_queue;
    core::Result<Connection> http = connect();
    if (!http) return "";
    return resolveQueue(m_queue, http->get()).valueOr("");
}

PrintResult CupsPrinter::check() {
    core::Result<Connection> http = connect();
    if (!http) return std::move(http).takeProblem();
    const core::Result<std::string> queue = resolveQueue(m_queue, http->get());
    if (!queue) return queue.problem();
    const core::Result<PrinterStatus> printer = printerStatus(http->get(), *queue);
    if (!printer) return printer.problem();
    if (const std::optional<PrintProblem> problem = printer->problem()) return failed(*problem, printer->describe(*queue));
    return printer->describe(*queue);
}

PrintResult CupsPrinter::printPdf(const std::filesystem::path& pdf, const std::string& title) {
    const std::optional<std::string> bytes = readFile(pdf);
    if (!bytes || bytes->empty()) return failed(PrintProblem::Failed, "cannot read the slip " + pdf.string());

    core::Result<Connection> connection = connect();
    if (!connection) return std::move(connection).takeProblem();
    http_t* http = connection->get();
    const core::Result<std::string> resolved = resolveQueue(m_queue, http);
    if (!resolved) return resolved.problem();
    const std::string& queue = *resolved;

    // A stopped or rejecting queue gets no job: it would print whenever someone resumes the
    // queue, long after the family has left. Out of paper or offline alone do not stop us: the
    // reason may be left over from an earlier job, and following the job tells.
    const core::Result<PrinterStatus> before = printerStatus(http, queue);
    if (!before) return before.problem();
    if (before->stopped() || !before->accepting)
        return failed(before->problem().value_or(PrintProblem::Paused), before->describe(queue));

    const int job = cupsCreateJob(http, queue.c_str(), title.c_str(), 0, nullptr);
    if (job == 0) {
        const ipp_status_t status = cupsLastError();
        const PrintProblem problem = status == IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS ? PrintProblem::Rejecting
                                     : status == IPP_STATUS_ERROR_NOT_FOUND       ? PrintProblem::NoPrinter
                                                                                  : PrintProblem::Failed;
        return failed(problem, "queue " + queue + ": CUPS refused the job: " + lastCupsError());
    }
    const std::string jobName = "queue " + queue + ", job " + std::to_string(job);
    const auto giveUp = [&](PrintProblem problem, const std::string& why) {
        cupsCancelJob2(http, queue.c_str(), job, 0);
        return failed(problem, jobName + ": " + why + "; the job was canceled");
    };
    const auto giveUpFor = [&](const core::Problem& problem) {
        cupsCancelJob2(http, queue.c_str(), job, 0);
        return core::Problem(problem).withDetail(problem.detail() + "; the job was canceled");
    };

    if (cupsStartDocument(http, queue.c_str(), job, title.c_str(), CUPS_FORMAT_PDF, 1) != HTTP_STATUS_CONTINUE ||
        cupsWriteRequestData(http, bytes->data(), bytes->size()) != HTTP_STATUS_CONTINUE) {
        const std::string why = "sending the slip failed: " + lastCupsError();
        cupsFinishDocument(http, queue.c_str());  // reads the answer, so the connection can cancel
        return giveUp(PrintProblem::Failed, why);
    }
    if (cupsFinishDocument(http, queue.c_str()) > IPP_STATUS_OK_CONFLICTING)
        return giveUp(PrintProblem::Failed, "CUPS refused the slip: " + lastCupsError());

    const auto start = Clock::now();
    const auto deadline = start + m_timeout;
    std::optional<Clock::time_point> hardwareSince;
    std::optional<PrinterStatus> hardware;  // the printer's last report of a hardware problem
    for (int poll = 0;; ++poll) {
        const core::Result<JobStatus> status = jobStatus(http, job);
        if (!status) return core::Problem(status.problem()).withDetail(jobName + ": " + status.problem().detail());
        if (status->state == IPP_JSTATE_COMPLETED) return jobName + ": completed after " + seconds(Clock::now() - start);
        if (status->finished()) return failed(PrintProblem::Failed, jobName + ": " + status->describe());
        // CUPS stops a job (not the queue) when a filter fails, whatever the ErrorPolicy; it
        // stays stopped until someone restarts it, so it is failed, and canceled.
        if (status->state == IPP_JSTATE_STOPPED) return giveUp(PrintProblem::Failed, status->describe());

        const auto now = Clock::now();
        if (poll % kPrinterPollEvery == 0) {
            const core::Result<PrinterStatus> printer = printerStatus(http, queue);
            if (!printer) return giveUpFor(printer.problem());
            if (printer->stopped())
                return giveUp(printer->problem().value_or(PrintProblem::Paused), printer->describe(queue));
            if (!printer->hardwareProblem()) {
                hardwareSince.reset();
                hardware.reset();
            } else {
                if (!hardwareSince) hardwareSince = now;
                hardware = *printer;
                if (now - *hardwareSince >= kHardwareGrace)
                    return giveUp(*printer->problem(),
                                  printer->describe(queue) + " for " + seconds(now - *hardwareSince));
            }
        }
        if (now >= deadline) {
            // "Out of paper" tells the family and the receptionist more than "timed out".
            if (hardware) return giveUp(*hardware->problem(), hardware->describe(queue) + " at the timeout");
            return giveUp(PrintProblem::TimedOut, "not printed after " + seconds(now - start) + " (" +
                                                      status->describe() + ")");
        }
        std::this_thread::sleep_for(kPollInterval);
    }
}

}  // namespace kiosk::platform
