#include "kiosk/platform/print_request.hpp"

#include "kiosk/core/utf8.hpp"

#include <array>
#include <charconv>
#include <functional>
#include <set>
#include <utility>

namespace kiosk::platform {
namespace {

constexpr std::string_view kHeader = "familienkiosk-print 1\n";

// The slip's own words and the offers' fields, by key.
struct SlipField {
    std::string_view key;
    std::string core::Slip::*slip = nullptr;
    std::string core::SlipLabels::*label = nullptr;
    std::string core::SlipEntry::*entry = nullptr;
};
constexpr std::array kSlipFields{
    SlipField{"kiosk_name", &core::Slip::kioskName},
    SlipField{"date", &core::Slip::date},
    SlipField{"language", &core::Slip::language},
    SlipField{"heading", nullptr, &core::SlipLabels::heading},
    SlipField{"phone_label", nullptr, &core::SlipLabels::phone},
    SlipField{"hours_label", nullptr, &core::SlipLabels::hours},
    SlipField{"scan_hint", nullptr, &core::SlipLabels::scanHint},
    SlipField{"footer", nullptr, &core::SlipLabels::footer},
    SlipField{"ask_network", nullptr, &core::SlipLabels::askNetwork},
    SlipField{"title", nullptr, nullptr, &core::SlipEntry::title},
    SlipField{"summary", nullptr, nullptr, &core::SlipEntry::summary},
    SlipField{"provider", nullptr, nullptr, &core::SlipEntry::provider},
    SlipField{"provider_german", nullptr, nullptr, &core::SlipEntry::providerGerman},
    SlipField{"address", nullptr, nullptr, &core::SlipEntry::address},
    SlipField{"phone", nullptr, nullptr, &core::SlipEntry::phone},
    SlipField{"hours", nullptr, nullptr, &core::SlipEntry::hours},
    SlipField{"url", nullptr, nullptr, &core::SlipEntry::url},
};

void field(std::string& out, std::string_view key, std::string_view value) {
    out.append(key).append(" ").append(std::to_string(value.size())).append("\n").append(value).append("\n");
}

core::Problem malformed(std::string what) { return core::Problem(PrintRequestProblem::Malformed, {std::move(what)}); }

constexpr std::array<std::string_view, 3> kJobs{"print", "pdf", "check"};
constexpr std::array<std::string_view, 2> kPrinters{"office", "receipt"};

template <size_t N>
std::optional<int> indexOf(const std::array<std::string_view, N>& names, std::string_view value) {
    for (size_t i = 0; i < N; ++i)
        if (names[i] == value) return static_cast<int>(i);
    return std::nullopt;
}

std::optional<int> number(std::string_view value, int low, int high) {
    int n = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (error != std::errc() || end != value.data() + value.size() || n < low || n > high) return std::nullopt;
    return n;
}

// The request's own fields (not the slip's); false for a key it does not know or a bad value.
core::Result<bool> setRequestField(PrintRequest& request, std::string_view key, std::string_view value) {
    if (key == "job") {
        const auto job = indexOf(kJobs, value);
        if (!job) return malformed("unknown job");
        request.job = static_cast<PrintRequest::Job>(*job);
    } else if (key == "printer") {
        const auto printer = indexOf(kPrinters, value);
        if (!printer) return malformed("unknown printer");
        request.printer = static_cast<PrintRequest::Printer>(*printer);
    } else if (key == "receipt_dots" || key == "timeout") {
        const auto n = key == "timeout" ? number(value, 1, 600) : number(value, 200, 2000);
        if (!n) return malformed("'" + std::string(key) + "' out of range");
        (key == "timeout" ? request.timeoutSeconds : request.receiptDots) = *n;
    } else if (key == "queue" || key == "device" || key == "pdf_file") {
        (key == "queue" ? request.queue : key == "device" ? request.receiptDevice : request.pdfFile) = value;
    } else {
        return false;
    }
    return true;
}

core::Result<void> setField(PrintRequest& request, std::string_view key, std::string_view value) {
    if (key == "entry") {
        if (!value.empty() || request.slip.entries.size() >= kMaxPrintEntries) return malformed("too many entries");
        request.slip.entries.emplace_back();
        return {};
    }
    auto known = setRequestField(request, key, value);
    if (!known) return std::move(known).takeProblem();
    if (*known) return {};
    for (const SlipField& each : kSlipFields) {
        if (each.key != key) continue;
        if (each.slip) request.slip.*each.slip = value;
        else if (each.label) request.slip.labels.*each.label = value;
        else if (request.slip.entries.empty()) return malformed("'" + std::string(key) + "' before an entry");
        else request.slip.entries.back().*each.entry = value;
        return {};
    }
    return malformed("unknown key");
}

// One "<key> <length>\n<bytes>\n" at `at`; moves `at` past it.
core::Result<std::pair<std::string_view, std::string_view>> nextField(std::string_view bytes, size_t& at) {
    const size_t space = bytes.find(' ', at);
    const size_t newline = space == std::string_view::npos ? space : bytes.find('\n', space);
    if (newline == std::string_view::npos || space - at == 0 || space - at > 32) return malformed("no field");
    const std::string_view key = bytes.substr(at, space - at);
    const auto length = number(bytes.substr(space + 1, newline - space - 1), 0, static_cast<int>(kMaxPrintField));
    if (!length) return malformed("bad length");
    const size_t start = newline + 1, end = start + static_cast<size_t>(*length);
    if (end >= bytes.size() || bytes[end] != '\n') return malformed("field cut short");
    at = end + 1;
    return std::pair{key, bytes.substr(start, *length)};
}

}  // namespace

std::string_view problemDomain(PrintRequestProblem) { return "print-request"; }
std::string_view problemName(PrintRequestProblem) { return "malformed"; }
std::string_view problemEnglish(PrintRequestProblem) { return "The print request is malformed: {}."; }

std::string encodePrintRequest(const PrintRequest& request) {
    std::string out(kHeader);
    field(out, "job", kJobs[static_cast<size_t>(request.job)]);
    field(out, "printer", kPrinters[static_cast<size_t>(request.printer)]);
    if (!request.queue.empty()) field(out, "queue", request.queue);
    if (!request.receiptDevice.empty()) field(out, "device", request.receiptDevice);
    field(out, "receipt_dots", std::to_string(request.receiptDots));
    if (!request.pdfFile.empty()) field(out, "pdf_file", request.pdfFile);
    field(out, "timeout", std::to_string(request.timeoutSeconds));
    for (const SlipField& each : kSlipFields)
        if (each.slip) field(out, each.key, request.slip.*each.slip);
        else if (each.label) field(out, each.key, request.slip.labels.*each.label);
    for (const core::SlipEntry& entry : request.slip.entries) {
        field(out, "entry", "");
        for (const SlipField& each : kSlipFields)
            if (each.entry) field(out, each.key, entry.*each.entry);
    }
    out += "end 0\n\n";
    return out;
}

core::Result<PrintRequest> decodePrintRequest(std::string_view bytes) {
    if (bytes.size() > kMaxPrintRequest) return malformed("too long");
    if (bytes.substr(0, kHeader.size()) != kHeader) return malformed("not a print request");
    PrintRequest request;
    std::set<std::string, std::less<>> seen;  // keys outside entries, each at most once
    size_t at = kHeader.size();
    for (;;) {
        auto next = nextField(bytes, at);
        if (!next) return std::move(next).takeProblem();
        const auto [key, value] = *next;
        if (key == "end") break;
        if (!core::isValidUtf8(value) || core::findControlCharacter(value, core::LineBreaks::Allowed))
            return malformed("'" + std::string(key) + "' is no text");
        if (key == "entry") seen.clear();  // each entry has the offer's fields once
        else if (!seen.insert(std::string(key)).second) return malformed("'" + std::string(key) + "' twice");
        if (auto set = setField(request, key, value); !set) return std::move(set).takeProblem();
    }
    if (at != bytes.size()) return malformed("bytes after the end");
    if (request.job == PrintRequest::Job::Pdf && request.pdfFile.empty()) return malformed("no pdf_file");
    if (request.printer == PrintRequest::Printer::Receipt && request.job == PrintRequest::Job::Print &&
        request.receiptDevice.empty())
        return malformed("no device");
    return request;
}

std::string encodePrintAnswer(const PrintAnswer& answer) {
    std::string detail = answer.detail.substr(0, kMaxPrintAnswer / 2);
    for (char& c : detail)
        if (c == '\n' || c == '\r') c = ' ';
    std::string out = answer.problem ? "problem " + std::string(problemName(*answer.problem)) + " " : "ok ";
    return out + detail + "\n";
}

std::optional<PrintAnswer> decodePrintAnswer(std::string_view line) {
    if (line.size() > kMaxPrintAnswer || line.empty() || line.back() != '\n') return std::nullopt;
    line.remove_suffix(1);
    if (line.find('\n') != std::string_view::npos) return std::nullopt;
    PrintAnswer answer;
    if (line.substr(0, 3) == "ok ") {
        answer.detail = line.substr(3);
        return answer;
    }
    if (line.substr(0, 8) != "problem ") return std::nullopt;
    line.remove_prefix(8);
    const size_t space = line.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    answer.problem = printProblemNamed(line.substr(0, space));
    if (!answer.problem) return std::nullopt;
    answer.detail = line.substr(space + 1);
    return answer;
}

}  // namespace kiosk::platform
