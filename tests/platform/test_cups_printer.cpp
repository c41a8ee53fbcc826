// Unit tests for printing through CUPS against a real, private cupsd (tests/support/cupsd.sh) whose
// queue kiosk-test writes to a file: what the kiosk sends arrives as the same PDF, and a missing,
// paused or rejecting queue is named as such and prints nothing.
#include "kiosk/platform/cups_printer.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include <cups/cups.h>
#include <sys/socket.h>
#include <unistd.h>

using kiosk::platform::CupsPrinter;
using kiosk::platform::PrintProblem;
using kiosk::platform::PrintResult;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// What a print or check said for the log, whether it went well or not.
std::string detailOf(const PrintResult& result) { return result ? *result : result.problem().logLine(); }

bool isProblem(const PrintResult& result, PrintProblem code) { return !result && result.problem().is(code); }

using kiosk::test::TempFolder;

const std::string kQueue = "kiosk-test";
const std::string kSlipText = "Kinderzuschlag Familienkasse 0711 3902 1234";

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

bool commandExists(const std::string& program) {
    return std::system(("PATH=\"$PATH:/usr/sbin:/sbin\" command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

std::string output(const std::string& command) {
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
        ::pclose(pipe);
    }
    return out;
}

std::string fileBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A one-page PDF with one line of Helvetica, written by hand so the test needs no PDF library.
void writePdf(const fs::path& file, const std::string& line) {
    const std::string content = "BT /F1 18 Tf 72 760 Td (" + line + ") Tj ET";
    const std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t offset : offsets) {
        char entry[32];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    std::ofstream(file, std::ios::binary) << pdf;
}

// A cupsd of this test case's own, with the queue kiosk-test printing into printed.pdf in its
// folder. CUPS_SERVER points this process (and the admin commands it runs) at it.
class PrivateCupsd {
public:
    PrivateCupsd() : m_folder("kiosk-cupsd") {
        if (!commandExists("cupsd"))
            FAIL("cupsd is not installed: install the Debian package cups (scripts/install-deps test)");
        if (!commandExists("lpadmin"))
            FAIL("lpadmin is not installed: install the Debian package cups-client (scripts/install-deps test)");
        // The script stops cupsd when its shell exits; here cupsd must outlive it, so the trap
        // goes, and cupsd's watchdog follows this process instead.
        const std::string command = "CUPSD_OWNER_PID=" + std::to_string(::getpid()) +
                                    " bash -c 'source \"$0\" && cupsd_start \"$1\" && trap - EXIT' " +
                                    quoted(KIOSK_CUPSD_SCRIPT) + " " + quoted(m_folder.path());
        const int status = std::system(command.c_str());
        m_pid = static_cast<pid_t>(std::atoi(fileBytes(m_folder.path() / "cupsd.pid").c_str()));
        if (status != 0) {
            stop();
            FAIL("could not start a private cupsd with tests/support/cupsd.sh (its reasons are above)");
        }
        ::setenv("CUPS_SERVER", (m_folder.path() / "cups.sock").c_str(), 1);
        ::unsetenv("LPDEST");  // so "the default destination" is the server's
        ::unsetenv("PRINTER");
        cupsSetServer(nullptr);  // libcups reads CUPS_SERVER again (it keeps the server per thread)
    }
    ~PrivateCupsd() { stop(); }
    PrivateCupsd(const PrivateCupsd&) = delete;
    PrivateCupsd& operator=(const PrivateCupsd&) = delete;

    fs::path folder() const { return m_folder.path(); }
    fs::path printed() const { return m_folder.path() / "printed.pdf"; }

    void admin(const std::string& command) const {
        INFO(command);
        REQUIRE(std::system(("PATH=\"$PATH:/usr/sbin:/sbin\" " + command + " >/dev/null").c_str()) == 0);
    }

    // Adds a queue whose printer reports `reason` once a job reaches it, and never prints.
    void addTroubledQueue(const std::string& queue, const std::string& reason) const {
        admin("bash -c 'source \"$0\" && CUPSD_DIR=\"$1\" cupsd_add_troubled_queue \"$2\" \"$3\"' " +
              quoted(KIOSK_CUPSD_SCRIPT) + " " + quoted(folder()) + " " + queue + " " + reason);
    }

    // Every job the server knows (or the pending and processing ones), on every queue.
    int jobCount(int which = CUPS_WHICHJOBS_ALL) const {
        http_t* http = httpConnect2(cupsServer(), ippPort(), nullptr, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1,
                                    5000, nullptr);
        REQUIRE(http != nullptr);
        cups_job_t* jobs = nullptr;
        const int count = cupsGetJobs2(http, &jobs, nullptr, 0, which);
        cupsFreeJobs(count, jobs);
        httpClose(http);
        return count;
    }

    bool printedNothing() const { return !fs::exists(printed()) || fs::file_size(printed()) == 0; }

private:
    void stop() noexcept {
        if (m_pid <= 0) return;
        ::kill(m_pid, SIGTERM);
        // cupsd is not our child (its shell has exited), so wait until it is gone or a zombie.
        for (int i = 0; i < 100 && ::kill(m_pid, 0) == 0; ++i) {
            if (fileBytes("/proc/" + std::to_string(m_pid) + "/stat").find(") Z ") != std::string::npos) break;
            std::this_thread::sleep_for(50ms);
        }
        m_pid = 0;
    }

    TempFolder m_folder;
    pid_t m_pid = 0;
};

fs::path testSlip(const PrivateCupsd& cupsd) {
    const fs::path pdf = cupsd.folder() / "slip.pdf";
    writePdf(pdf, kSlipText);
    return pdf;
}

}  // namespace

TEST_CASE("A PDF sent to the queue arrives in its device as the same PDF") {
    PrivateCupsd cupsd;
    CupsPrinter printer(kQueue, 30s);
    const PrintResult result = printer.printPdf(testSlip(cupsd), "Familienkiosk test slip");
    INFO(detailOf(result));
    REQUIRE(result.ok());
    CHECK(detailOf(result).find("queue kiosk-test, job ") != std::string::npos);

    REQUIRE(fs::exists(cupsd.printed()));
    CHECK(fileBytes(cupsd.printed()).starts_with("%PDF"));  // no PJL around it
    if (commandExists("pdftotext"))
        CHECK(output("pdftotext " + quoted(cupsd.printed()) + " -").find(kSlipText) != std::string::npos);
    else
        WARN("pdftotext (poppler-utils) is missing: the printed text was not compared");
}

TEST_CASE("The CUPS default destination is used when no queue is named") {
    PrivateCupsd cupsd;
    cupsd.admin("lpadmin -d " + kQueue);
    CupsPrinter printer("", 30s);
    CHECK(printer.queueName() == kQueue);
    const PrintResult result = printer.printPdf(testSlip(cupsd), "Familienkiosk test slip");
    INFO(detailOf(result));
    REQUIRE(result.ok());
    CHECK(fileBytes(cupsd.printed()).starts_with("%PDF"));
}

TEST_CASE("A healthy queue checks out fine") {
    PrivateCupsd cupsd;
    const PrintResult result = CupsPrinter(kQueue).check();
    INFO(detailOf(result));
    CHECK(result.ok());
    CHECK(detailOf(result).find(kQueue) != std::string::npos);
    CHECK(cupsd.jobCount() == 0);
}

TEST_CASE("A queue that does not exist is no printer, and nothing prints") {
    PrivateCupsd cupsd;
    CupsPrinter printer("no-such-queue");
    CHECK(isProblem(printer.check(), PrintProblem::NoPrinter));
    const PrintResult result = printer.printPdf(testSlip(cupsd), "Familienkiosk test slip");
    INFO(detailOf(result));
    CHECK(isProblem(result, PrintProblem::NoPrinter));
    CHECK(detailOf(result).find("no-such-queue") != std::string::npos);
    CHECK(cupsd.jobCount() == 0);
    CHECK(cupsd.printedNothing());
}

TEST_CASE("A paused queue is paused, and nothing prints") {
    PrivateCupsd cupsd;
    cupsd.admin("cupsdisable " + kQueue);
    CupsPrinter printer(kQueue);
    CHECK(isProblem(printer.check(), PrintProblem::Paused));
    const PrintResult result = printer.printPdf(testSlip(cupsd), "Familienkiosk test slip");
    INFO(detailOf(result));
    CHECK(isProblem(result, PrintProblem::Paused));
    CHECK(cupsd.jobCount() == 0);  // no job that would print when someone resumes the queue
    CHECK(cupsd.printedNothing());
}

TEST_CASE("A queue that rejects jobs is rejecting, and nothing prints") {
    PrivateCupsd cupsd;
    cupsd.admin("cupsreject " + kQueue);
    CupsPrinter printer(kQueue);
    CHECK(isProblem(printer.check(), PrintProblem::Rejecting));
    const PrintResult result = printer.printPdf(testSlip(cupsd), "Familienkiosk test slip");
    INFO(detailOf(result));
    CHECK(isProblem(result, PrintProblem::Rejecting));
    CHECK(cupsd.jobCount() == 0);
    CHECK(cupsd.printedNothing());
}

TEST_CASE("A slip CUPS cannot print is a failed job, and nothing prints") {
    PrivateCupsd cupsd;
    const fs::path broken = cupsd.folder() / "broken.pdf";
    std::ofstream(broken) << "this is not a PDF\n";
    const PrintResult result = CupsPrinter(kQueue, 30s).printPdf(broken, "Familienkiosk broken slip");
    INFO(detailOf(result));
    CHECK(isProblem(result, PrintProblem::Failed));
    CHECK(detailOf(result).find("job 1") != std::string::npos);
    CHECK(cupsd.jobCount() == 1);  // canceled, so it cannot print when someone restarts it
    CHECK(cupsd.printedNothing());
}

TEST_CASE("A printer out of paper is out of paper, and the job is canceled") {
    PrivateCupsd cupsd;
    cupsd.addTroubledQueue("kiosk-nopaper", "media-empty-error");
    const PrintResult result = CupsPrinter("kiosk-nopaper", 3s).printPdf(testSlip(cupsd), "Familienkiosk test slip");
    INFO(detailOf(result));
    CHECK(isProblem(result, PrintProblem::OutOfPaper));
    CHECK(detailOf(result).find("media-empty-error") != std::string::npos);
    CHECK(cupsd.jobCount(CUPS_WHICHJOBS_ACTIVE) == 0);  // it will not print once paper is back
}

TEST_CASE("A printer that is offline is offline, and the job is canceled") {
    PrivateCupsd cupsd;
    cupsd.addTroubledQueue("kiosk-offline", "offline-report");
    const PrintResult result = CupsPrinter("kiosk-offline", 3s).printPdf(testSlip(cupsd), "Familienkiosk test slip");
    INFO(detailOf(result));
    CHECK(isProblem(result, PrintProblem::Offline));
    CHECK(cupsd.jobCount(CUPS_WHICHJOBS_ACTIVE) == 0);
}

TEST_CASE("A print service that cannot be reached is a failure, not a hang") {
    TempFolder folder("kiosk-no-cupsd");
    ::setenv("CUPS_SERVER", (folder.path() / "cups.sock").c_str(), 1);
    cupsSetServer(nullptr);
    const PrintResult result = CupsPrinter(kQueue, 5s).check();
    INFO(detailOf(result));
    CHECK(isProblem(result, PrintProblem::Failed));
    CHECK(detailOf(result).find("cups.sock") != std::string::npos);
}
