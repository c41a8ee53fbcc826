// Unit tests for the referral slip as a PDF and as a receipt raster, read back the way a family and
// a receptionist would: its text by pdftotext, its QR codes by zbarimg from the printed image.
#include "kiosk/platform/slip_render.hpp"

#include "tests/platform/sample_slip.hpp"
#include "tests/support/external_tool.hpp"
#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <stb_image_write.h>

using kiosk::platform::Raster;
using kiosk::platform::renderSlipPdf;
using kiosk::platform::renderSlipRaster;
using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

// Runs of spaces and line ends as one space, so a title wrapped onto two lines still matches.
std::string squeezed(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
        if (!space) out += c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    return out;
}

std::string pdfText(const fs::path& pdf, int page = 0) {
    requireTool("pdftotext", "poppler-utils");
    const std::string pages = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    const CommandResult result = runCommand("pdftotext -enc UTF-8" + pages + " " + quoted(pdf) + " -");
    INFO("pdftotext said: " << result.errors);
    REQUIRE(result.status == 0);
    return squeezed(result.output);
}

// The pages as PNG files at 150 dpi, as an office printer would put them on paper, in order.
std::vector<fs::path> pdfPages(const fs::path& pdf, const fs::path& folder) {
    requireTool("pdftoppm", "poppler-utils");
    const CommandResult result = runCommand("pdftoppm -r 150 -png " + quoted(pdf) + " " + quoted(folder / "page"));
    INFO("pdftoppm said: " << result.errors);
    REQUIRE(result.status == 0);
    std::vector<fs::path> pages;
    for (const auto& item : fs::directory_iterator(folder))
        if (item.path().filename().string().starts_with("page-")) pages.push_back(item.path());
    std::sort(pages.begin(), pages.end());
    return pages;
}

// Every QR code zbarimg finds in the images, sorted. Without -Sbinary so that several codes on one
// page come one a line; the links are plain ASCII, so no character set is guessed.
std::vector<std::string> qrCodesIn(const std::vector<fs::path>& images) {
    requireTool("zbarimg", "zbar-tools");
    std::string command = "zbarimg --quiet --raw";
    for (const fs::path& image : images) command += " " + quoted(image);
    const CommandResult result = runCommand(command);
    INFO("zbarimg exit status " << result.status << ", said: " << result.errors);
    REQUIRE((result.status == 0 || result.status == 4));  // 4: an image without any code
    std::vector<std::string> codes;
    std::istringstream lines(result.output);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) codes.push_back(line);
    std::sort(codes.begin(), codes.end());
    return codes;
}

std::vector<std::string> sortedUrls(const kiosk::core::Slip& slip) {
    std::vector<std::string> urls;
    for (const auto& entry : slip.entries) urls.push_back(entry.url);
    std::sort(urls.begin(), urls.end());
    return urls;
}

// The raster as a greyscale PNG, black dots on white paper.
void writePng(const Raster& raster, const fs::path& file) {
    std::vector<unsigned char> pixels(static_cast<size_t>(raster.width) * raster.height, 255);
    for (int y = 0; y < raster.height; ++y)
        for (int x = 0; x < raster.width; ++x)
            if (raster.black(x, y)) pixels[static_cast<size_t>(y) * raster.width + x] = 0;
    REQUIRE(stbi_write_png(file.c_str(), raster.width, raster.height, 1, pixels.data(), raster.width) != 0);
}

Raster rendered(const kiosk::core::Slip& slip, int width) {
    auto raster = renderSlipRaster(slip, width);
    REQUIRE(raster.has_value());
    return std::move(*raster);
}

// Leftmost and rightmost black column and the number of separate pieces of ink (8-connected),
// leaving out the rules under the heading and above the footer (black almost across).
struct Ink {
    int left = -1;
    int right = -1;
    int pieces = 0;
};

Ink inkOf(const Raster& raster) {
    Ink ink;
    std::vector<char> seen(static_cast<size_t>(raster.width) * raster.height, 0);
    auto index = [&](int x, int y) { return static_cast<size_t>(y) * raster.width + x; };
    for (int y = 0; y < raster.height; ++y)
        for (int x = 0; x < raster.width; ++x) {
            if (!raster.black(x, y) || seen[index(x, y)]) continue;
            int left = x, right = x;
            std::vector<std::pair<int, int>> todo{{x, y}};
            seen[index(x, y)] = 1;
            while (!todo.empty()) {
                const auto [px, py] = todo.back();
                todo.pop_back();
                left = std::min(left, px);
                right = std::max(right, px);
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int nx = px + dx, ny = py + dy;
                        if (nx < 0 || ny < 0 || nx >= raster.width || ny >= raster.height) continue;
                        if (!raster.black(nx, ny) || seen[index(nx, ny)]) continue;
                        seen[index(nx, ny)] = 1;
                        todo.push_back({nx, ny});
                    }
            }
            if (right - left + 1 > raster.width * 9 / 10) continue;  // a rule
            ++ink.pieces;
            ink.left = ink.left < 0 ? left : std::min(ink.left, left);
            ink.right = std::max(ink.right, right);
        }
    return ink;
}

// A receipt slip holding nothing but `title` in an Arabic slip: no header text, link or labels.
Ink arabicTitleInk(const std::string& title) {
    kiosk::core::Slip slip;
    slip.language = "ar";
    kiosk::core::SlipEntry entry;
    entry.title = title;
    slip.entries.push_back(entry);
    return inkOf(rendered(slip, kiosk::platform::kReceiptDots80mm));
}

// pdftotext marks right-to-left runs with bidi controls (U+202A…U+202E, U+2066…U+2069); without
// them the text is in reading order.
std::string withoutBidiControls(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
        if (i + 2 < text.size() && byte(i) == 0xe2 && byte(i + 1) == 0x80 && byte(i + 2) >= 0xaa && byte(i + 2) <= 0xae) {
            i += 2;
            continue;
        }
        if (i + 2 < text.size() && byte(i) == 0xe2 && byte(i + 1) == 0x81 && byte(i + 2) >= 0xa6 && byte(i + 2) <= 0xa9) {
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

}  // namespace

TEST_CASE("the slip PDF holds the kiosk, the date and each offer's title and phone", "[slip_render]") {
    TempFolder folder;
    const auto slip = germanSlip(3);
    const fs::path pdf = folder.path() / "slip.pdf";
    REQUIRE(renderSlipPdf(slip, pdf).ok());

    const std::string text = pdfText(pdf);
    INFO("pdftotext: " << text);
    CHECK(text.find(slip.kioskName) != std::string::npos);
    CHECK(text.find(slip.date) != std::string::npos);
    CHECK(text.find(slip.labels.heading) != std::string::npos);
    for (const auto& entry : slip.entries) {
        CHECK(text.find(entry.title) != std::string::npos);
        CHECK(text.find(entry.phone) != std::string::npos);
        CHECK(text.find(entry.address) != std::string::npos);
    }
    CHECK(text.find(slip.entries[1].providerGerman) != std::string::npos);
    CHECK(text.find("Mi 14:00–18:00") != std::string::npos);
    CHECK(text.find(slip.labels.footer) != std::string::npos);
}

TEST_CASE("the slip PDF's QR codes, printed at 150 dpi, decode to exactly the offers' links", "[slip_render]") {
    TempFolder folder;
    const auto slip = germanSlip(3);
    const fs::path pdf = folder.path() / "slip.pdf";
    REQUIRE(renderSlipPdf(slip, pdf).ok());
    const auto pages = pdfPages(pdf, folder.path());
    CHECK(pages.size() == 1);
    CHECK(qrCodesIn(pages) == sortedUrls(slip));
}

TEST_CASE("six offers flow onto further pages, none split, every link decodable", "[slip_render]") {
    TempFolder folder;
    const auto slip = germanSlip(6);
    const fs::path pdf = folder.path() / "slip.pdf";
    REQUIRE(renderSlipPdf(slip, pdf).ok());
    const auto pages = pdfPages(pdf, folder.path());
    CHECK(pages.size() > 1);
    CHECK(qrCodesIn(pages) == sortedUrls(slip));
    // An offer kept together: its title and its phone number on the same page.
    for (const auto& entry : slip.entries) {
        int titlePage = 0, phonePage = 0;
        for (int page = 1; page <= static_cast<int>(pages.size()); ++page) {
            const std::string text = pdfText(pdf, page);
            if (text.find(entry.title) != std::string::npos) titlePage = page;
            if (text.find(entry.phone) != std::string::npos) phonePage = page;
        }
        INFO(entry.title);
        CHECK(titlePage > 0);
        CHECK(titlePage == phonePage);
    }
    // The page number ("2 / 2"; pdftotext drops the thin spaces) in the footer.
    if (pages.size() > 1) CHECK(pdfText(pdf, 2).find("2/" + std::to_string(pages.size())) != std::string::npos);
}

TEST_CASE("an offer longer than a page flows on over the next, line by line", "[slip_render]") {
    TempFolder folder;
    auto slip = germanSlip(2);
    std::string summary;
    for (int i = 1; i <= 120; ++i) summary += "Zeile " + std::to_string(i) + " der Beschreibung.\n";
    slip.entries[1].summary = summary;
    const fs::path pdf = folder.path() / "slip.pdf";
    REQUIRE(renderSlipPdf(slip, pdf).ok());
    const auto pages = pdfPages(pdf, folder.path());
    CHECK(pages.size() >= 3);
    const std::string text = pdfText(pdf);
    CHECK(text.find("Zeile 1 der Beschreibung.") != std::string::npos);
    CHECK(text.find("Zeile 120 der Beschreibung.") != std::string::npos);
    CHECK(text.find(slip.entries[1].phone) != std::string::npos);
    CHECK(qrCodesIn(pages) == sortedUrls(slip));
}

TEST_CASE("a slip without offers is still a page with the kiosk and the heading", "[slip_render]") {
    TempFolder folder;
    auto slip = germanSlip(0);
    const fs::path pdf = folder.path() / "slip.pdf";
    REQUIRE(renderSlipPdf(slip, pdf).ok());
    CHECK(pdfText(pdf).find(slip.labels.heading) != std::string::npos);
}

TEST_CASE("a PDF that cannot be written gives a message naming the file", "[slip_render]") {
    TempFolder folder;
    const fs::path pdf = folder.path() / "no-such-folder" / "slip.pdf";
    const auto written = renderSlipPdf(germanSlip(1), pdf);
    REQUIRE_FALSE(written);
    CHECK(written.problem().is(kiosk::platform::SlipProblem::CannotWrite));
    CHECK_THAT(written.problem().logLine(), Catch::Contains(pdf.string()));
}

TEST_CASE("an Arabic slip renders, its text reads back and its link decodes", "[slip_render][arabic]") {
    TempFolder folder;
    const auto slip = arabicSlip();
    const fs::path pdf = folder.path() / "slip.pdf";
    REQUIRE(renderSlipPdf(slip, pdf).ok());
    // cairo maps each shaped glyph cluster back to the letters it came from, so pdftotext reads the
    // words back in reading order; a missing font or a broken run would lose them. (Words with the
    // lam-alef ligature come back split by poppler, "للعائلات" as "للعائ الت", so the check takes
    // words without it.)
    const std::string text = withoutBidiControls(pdfText(pdf));
    INFO("pdftotext: " << text);
    CHECK(text.find("مساعدة") != std::string::npos);             // the title's first word
    CHECK(text.find("استشارة مجانية وسرية") != std::string::npos);  // the summary
    CHECK(text.find(slip.entries[0].providerGerman) != std::string::npos);
    CHECK(text.find("0711 3902-0") != std::string::npos);  // the phone number's groups not swapped
    CHECK(qrCodesIn(pdfPages(pdf, folder.path())) == sortedUrls(slip));
}

TEST_CASE("Arabic letters are joined by shaping, and the line starts on the right", "[slip_render][arabic]") {
    // "مسلسل" is five letters that all join on both sides and carry no dots. Shaped, they take
    // their initial, medial and final forms and make one unbroken stroke: one piece of ink. Drawn
    // without shaping, each letter keeps its isolated form, side by side and apart: five pieces.
    // The control shows the count tells the two apart: the same letters kept apart by zero-width
    // non-joiners (which forbid joining, so they look exactly like unshaped text) make five.
    const std::vector<std::string> letters{"م", "س", "ل", "س", "ل"};
    std::string word, apart;
    for (const std::string& letter : letters) {
        CHECK(arabicTitleInk(letter).pieces == 1);
        word += letter;
        apart += (apart.empty() ? "" : "\u200c") + letter;
    }
    const Ink joined = arabicTitleInk(word);
    CHECK(joined.pieces == 1);
    CHECK(arabicTitleInk(apart).pieces == 5);
    // Right to left: the title ends at the right margin, the left half of the slip stays empty.
    INFO("the title's ink from dot " << joined.left << " to " << joined.right);
    CHECK(joined.right > kiosk::platform::kReceiptDots80mm * 9 / 10);
    CHECK(joined.left > kiosk::platform::kReceiptDots80mm / 2);
}

TEST_CASE("the receipt raster is as wide as the paper and its QR codes decode", "[slip_render][raster]") {
    const int width = GENERATE(kiosk::platform::kReceiptDots58mm, kiosk::platform::kReceiptDots80mm);
    TempFolder folder;
    const auto slip = germanSlip(2);
    const Raster raster = rendered(slip, width);
    CHECK(raster.width == width);
    CHECK(raster.height > 200);
    CHECK(raster.bits.size() == static_cast<size_t>(raster.bytesPerRow()) * raster.height);
    const fs::path png = folder.path() / "receipt.png";
    writePng(raster, png);
    CHECK(qrCodesIn({png}) == sortedUrls(slip));
}

TEST_CASE("an Arabic receipt's QR code decodes", "[slip_render][raster][arabic]") {
    TempFolder folder;
    const auto slip = arabicSlip();
    const fs::path png = folder.path() / "receipt.png";
    writePng(rendered(slip, kiosk::platform::kReceiptDots58mm), png);
    CHECK(qrCodesIn({png}) == sortedUrls(slip));
}

TEST_CASE("a receipt narrower than any printer is refused", "[slip_render][raster]") {
    CHECK_FALSE(renderSlipRaster(germanSlip(1), 100).has_value());
}
