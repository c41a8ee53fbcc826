// Unit tests for QR codes: what the kiosk encodes reads back exactly with an independent decoder
// (zbarimg), drawn the way a screen shows it: dark on white, with the quiet zone around it.
#include "kiosk/platform/qr_code.hpp"

#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <stb_image_write.h>
#include <unistd.h>

using kiosk::platform::QrCode;
namespace fs = std::filesystem;

namespace {

using kiosk::test::TempFolder;

constexpr int kPixelsPerModule = 8;

// Whether `program` is an executable in one of the folders of PATH.
bool onPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::string folders = path ? path : "";
    size_t start = 0;
    while (start <= folders.size()) {
        size_t end = folders.find(':', start);
        if (end == std::string::npos) end = folders.size();
        const fs::path candidate = fs::path(folders.substr(start, end - start)) / program;
        if (::access(candidate.c_str(), X_OK) == 0) return true;
        start = end + 1;
    }
    return false;
}

// Draws the code as a greyscale PNG, dark modules black on white, with the quiet zone.
void writePng(const QrCode& code, const fs::path& file) {
    const int modules = code.size() + 2 * QrCode::kQuietZone;
    const int side = modules * kPixelsPerModule;
    std::vector<unsigned char> pixels(static_cast<size_t>(side) * side, 255);
    for (int y = 0; y < code.size(); ++y)
        for (int x = 0; x < code.size(); ++x) {
            if (!code.dark(x, y)) continue;
            for (int py = 0; py < kPixelsPerModule; ++py)
                for (int px = 0; px < kPixelsPerModule; ++px) {
                    const int row = (y + QrCode::kQuietZone) * kPixelsPerModule + py;
                    const int column = (x + QrCode::kQuietZone) * kPixelsPerModule + px;
                    pixels[static_cast<size_t>(row) * side + column] = 0;
                }
        }
    REQUIRE(stbi_write_png(file.c_str(), side, side, 1, pixels.data(), side) != 0);
}

// What zbarimg reads from the code drawn on screen: the raw bytes, no character set guessing.
std::string decode(const QrCode& code) {
    if (!onPath("zbarimg"))
        FAIL("zbarimg is not installed, so QR codes cannot be read back; install zbar-tools (scripts/install-deps)");
    TempFolder folder;
    const fs::path png = folder.path() / "code.png";
    const fs::path messages = folder.path() / "zbarimg.log";
    writePng(code, png);
    const std::string command = "zbarimg --quiet --raw -Sbinary '" + png.string() + "' 2>'" + messages.string() + "'";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string output;
    char buffer[4096];
    size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, got);
    const int status = ::pclose(pipe);
    std::ifstream log(messages);
    const std::string said((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    INFO("zbarimg exit status " << status << ", said: " << said);
    REQUIRE(status == 0);
    return output;  // in binary mode exactly the code's bytes, without a newline after them
}

QrCode encoded(const std::string& text) {
    auto code = QrCode::encode(text);
    REQUIRE(code.has_value());
    return std::move(*code);
}

// The error correction level, read from the format information the standard puts in row 8 left of
// the top-left finder pattern (ISO/IEC 18004): its bits 14 and 13 are the level, masked with 1 and 0.
char errorCorrection(const QrCode& code) {
    // The copy beside the bottom-left finder pattern must agree, or this is not format information.
    CHECK(code.dark(8, code.size() - 1) == code.dark(0, 8));
    CHECK(code.dark(8, code.size() - 2) == code.dark(1, 8));
    const int level = (code.dark(0, 8) ? 0 : 2) + (code.dark(1, 8) ? 1 : 0);
    return "MLHQ"[level];  // 00 M, 01 L, 10 H, 11 Q
}

}  // namespace

TEST_CASE("an offer's details link reads back exactly from the QR code", "[qr_code]") {
    const std::string url =
        "https://familienkiosk.example/angebote/schwangerschaftsberatung-pro-familia-esslingen?lang=de&src=kiosk";
    const QrCode code = encoded(url);
    CHECK(decode(code) == url);
}

TEST_CASE("a contact card with umlauts reads back byte for byte", "[qr_code]") {
    const std::string card =
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        "FN:Familienkasse der Bundesagentur für Arbeit\r\n"
        "ORG:Beratungsstelle Östliche Vorstadt\r\n"
        "TEL;TYPE=WORK,VOICE:0800 4 5555 30\r\n"
        "ADR;TYPE=WORK:;;Berliner Straße 27;Esslingen am Neckar;;73728;Deutschland\r\n"
        "NOTE:Übersetzung in Türkisch und Ukrainisch möglich; Ärztin vor Ort\r\n"
        "END:VCARD\r\n";
    const QrCode code = encoded(card);
    CHECK(decode(code) == card);
}

TEST_CASE("QR codes use error correction M, so a phone at an angle still reads them", "[qr_code]") {
    CHECK(errorCorrection(encoded("https://familienkiosk.example/angebote/kindergeld")) == 'M');
}

TEST_CASE("an empty text gives no QR code", "[qr_code]") {
    CHECK_FALSE(QrCode::encode("").has_value());
}

TEST_CASE("a text too long for any QR code gives none", "[qr_code]") {
    // The largest code (version 40) holds 2331 bytes at error correction M.
    CHECK(QrCode::encode(std::string(2331, 'x')).has_value());
    CHECK_FALSE(QrCode::encode(std::string(2332, 'x')).has_value());
}
