// The request the kiosk sends its print helper and the helper's answer: every slip comes through
// whole, and whatever else arrives on the helper's standard input is refused, not printed.
#include "kiosk/platform/print_request.hpp"

#include "tests/platform/sample_slip.hpp"

#include <catch2/catch.hpp>

#include <string>

using kiosk::platform::PrintAnswer;
using kiosk::platform::PrintProblem;
using kiosk::platform::PrintRequest;

namespace {

bool sameSlip(const kiosk::core::Slip& a, const kiosk::core::Slip& b) {
    const auto sameEntry = [](const kiosk::core::SlipEntry& x, const kiosk::core::SlipEntry& y) {
        return x.title == y.title && x.summary == y.summary && x.provider == y.provider &&
               x.providerGerman == y.providerGerman && x.address == y.address && x.phone == y.phone &&
               x.hours == y.hours && x.url == y.url;
    };
    const auto& la = a.labels;
    const auto& lb = b.labels;
    if (a.kioskName != b.kioskName || a.date != b.date || a.language != b.language || la.heading != lb.heading ||
        la.phone != lb.phone || la.hours != lb.hours || la.scanHint != lb.scanHint || la.footer != lb.footer ||
        la.askNetwork != lb.askNetwork || a.entries.size() != b.entries.size())
        return false;
    for (size_t i = 0; i < a.entries.size(); ++i)
        if (!sameEntry(a.entries[i], b.entries[i])) return false;
    return true;
}

std::string refusal(const std::string& bytes) {
    const auto decoded = kiosk::platform::decodePrintRequest(bytes);
    return decoded ? std::string("accepted") : decoded.problem().english();
}

std::string withField(const std::string& key, const std::string& value) {
    std::string bytes = kiosk::platform::encodePrintRequest(PrintRequest{});
    const auto end = bytes.rfind("end 0\n\n");
    return bytes.insert(end, key + " " + std::to_string(value.size()) + "\n" + value + "\n");
}

}  // namespace

TEST_CASE("a slip reaches the print helper whole: German and Arabic, every field and line break", "[print-request]") {
    for (const auto& slip : {kiosk::test::germanSlip(6), kiosk::test::arabicSlip(), kiosk::test::germanSlip(0)}) {
        PrintRequest request;
        request.printer = PrintRequest::Printer::Receipt;
        request.receiptDevice = "/dev/usb/lp0";
        request.receiptDots = kiosk::platform::kReceiptDots80mm;
        request.slip = slip;
        const auto decoded = kiosk::platform::decodePrintRequest(kiosk::platform::encodePrintRequest(request));
        REQUIRE(decoded);
        CHECK(decoded->job == PrintRequest::Job::Print);
        CHECK(decoded->printer == PrintRequest::Printer::Receipt);
        CHECK(decoded->receiptDevice == "/dev/usb/lp0");
        CHECK(decoded->receiptDots == 576);
        CHECK(sameSlip(decoded->slip, slip));
    }
    PrintRequest check;
    check.job = PrintRequest::Job::Check;
    check.queue = "Empfang";
    check.timeoutSeconds = 5;
    const auto decoded = kiosk::platform::decodePrintRequest(kiosk::platform::encodePrintRequest(check));
    REQUIRE(decoded);
    CHECK(decoded->job == PrintRequest::Job::Check);
    CHECK(decoded->queue == "Empfang");
    CHECK(decoded->timeoutSeconds == 5);
}

TEST_CASE("the print helper refuses a request that is not one the kiosk makes", "[print-request]") {
    const std::string good = kiosk::platform::encodePrintRequest(PrintRequest{});
    CHECK(refusal(good) == "accepted");
    CHECK(refusal("") == "The print request is malformed: not a print request.");
    CHECK(refusal(good.substr(0, good.size() - 3)) == "The print request is malformed: no field.");
    CHECK(refusal("familienkiosk-print 1\nqueue 10\nEmpf") == "The print request is malformed: field cut short.");
    CHECK(refusal(good + "x") == "The print request is malformed: bytes after the end.");
    CHECK(refusal(withField("colour", "red")) == "The print request is malformed: unknown key.");
    CHECK(refusal(withField("queue", "Empfang")) == "accepted");
    CHECK(refusal(withField("job", "print")) == "The print request is malformed: 'job' twice.");
    CHECK(refusal(withField("title", "x")) == "The print request is malformed: 'title' before an entry.");
    CHECK(refusal(withField("queue", "a\x1b[2J")) == "The print request is malformed: 'queue' is no text.");
    CHECK(refusal(withField("queue", "\xff\xfe")) == "The print request is malformed: 'queue' is no text.");
    CHECK(refusal(withField("pdf_file", std::string(kiosk::platform::kMaxPrintField + 1, 'a'))) ==
          "The print request is malformed: bad length.");
    // A length that claims more than there is.
    CHECK(refusal(std::string("familienkiosk-print 1\njob 999999\nprint\n")) ==
          "The print request is malformed: bad length.");
    std::string many = good.substr(0, good.rfind("end 0\n\n"));
    for (size_t i = 0; i <= kiosk::platform::kMaxPrintEntries; ++i) many += "entry 0\n\n";
    CHECK(refusal(many + "end 0\n\n") == "The print request is malformed: too many entries.");
    PrintRequest pdf;
    pdf.job = PrintRequest::Job::Pdf;  // but no file to write
    CHECK(refusal(kiosk::platform::encodePrintRequest(pdf)) == "The print request is malformed: no pdf_file.");
    PrintRequest slow;
    slow.timeoutSeconds = 601;
    CHECK(refusal(kiosk::platform::encodePrintRequest(slow)) == "The print request is malformed: 'timeout' out of range.");
}

TEST_CASE("the helper's answer comes back as the printer's problem or as done, on one line", "[print-request]") {
    const std::string line = kiosk::platform::encodePrintAnswer(PrintAnswer{PrintProblem::OutOfPaper, "queue x:\nmedia-empty"});
    CHECK(line == "problem out-of-paper queue x: media-empty\n");
    const auto answer = kiosk::platform::decodePrintAnswer(line);
    REQUIRE(answer);
    CHECK(answer->problem == PrintProblem::OutOfPaper);
    CHECK(answer->detail == "queue x: media-empty");
    const auto done = kiosk::platform::decodePrintAnswer(kiosk::platform::encodePrintAnswer(PrintAnswer{{}, "job 3"}));
    REQUIRE(done);
    CHECK_FALSE(done->problem);
    CHECK(done->detail == "job 3");
    for (const char* nonsense : {"", "ok", "ok done", "problem\n", "problem melted x\n", "ok a\nok b\n", "Segmentation fault\n"})
        CHECK_FALSE(kiosk::platform::decodePrintAnswer(nonsense));
}
