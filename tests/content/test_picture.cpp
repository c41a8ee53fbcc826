// Content pictures: the sample's PNG and JPEG decode to their colours; anything else (too many bytes,
// another type, damaged data, too many pixels) is refused with its problem and never crashes.
#include "kiosk/picture/picture.hpp"

#include <catch2/catch.hpp>

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

using namespace kiosk::picture;
namespace fs = std::filesystem;

namespace {

const fs::path kImages = fs::path(KIOSK_SAMPLE_CONTENT) / "images";

std::vector<std::uint8_t> bytesOf(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The pixel at x, y as 0xRRGGBB.
unsigned colourAt(const Picture& picture, int x, int y) {
    const auto* p = &picture.rgba[(static_cast<size_t>(y) * static_cast<size_t>(picture.width) + static_cast<size_t>(x)) * 4];
    return static_cast<unsigned>(p[0] << 16 | p[1] << 8 | p[2]);
}

bool near(unsigned a, unsigned b) {  // JPEG moves colours a little
    for (int shift : {0, 8, 16}) {
        const int d = static_cast<int>((a >> shift) & 0xFF) - static_cast<int>((b >> shift) & 0xFF);
        if (d > 6 || d < -6) return false;
    }
    return true;
}

// A PNG's signature and header chunk claiming `width` x `height` (its pixel data left out).
std::vector<std::uint8_t> pngHeader(std::uint32_t width, std::uint32_t height) {
    std::vector<std::uint8_t> bytes{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (std::uint32_t value : {width, height})
        for (int shift : {24, 16, 8, 0}) bytes.push_back(static_cast<std::uint8_t>(value >> shift));
    bytes.insert(bytes.end(), {8, 6, 0, 0, 0, 0, 0, 0, 0});  // 8-bit RGBA, CRC not checked
    return bytes;
}

}  // namespace

TEST_CASE("the sample's pictures decode to their size and colours, PNG and JPEG", "[picture]") {
    auto house = readPicture(kImages / "willkommensbesuche.png", "images/willkommensbesuche.png");
    REQUIRE(house);
    CHECK(house->width == 480);
    CHECK(house->height == 360);
    CHECK(house->rgba.size() == 480u * 360u * 4u);
    CHECK(colourAt(*house, 10, 10) == 0x8ecae6);    // sky
    CHECK(colourAt(*house, 10, 350) == 0x52b788);   // meadow
    CHECK(colourAt(*house, 240, 250) == 0x6d4c41);  // door
    auto book = readPicture(kImages / "lesepaten.jpg", "images/lesepaten.jpg");
    REQUIRE(book);
    CHECK(book->width == 480);
    CHECK(near(colourAt(*book, 10, 10), 0xffe8d6));  // background
    CHECK(near(colourAt(*book, 150, 260), 0xffffff));  // a page
}

TEST_CASE("a picture of more than kMaxBytes is refused before it is decoded", "[picture]") {
    std::vector<std::uint8_t> bytes = bytesOf(kImages / "willkommensbesuche.png");
    bytes.resize(kMaxBytes + 1, 0);
    auto decoded = decodePicture(bytes, "images/huge.png");
    REQUIRE_FALSE(decoded);
    CHECK(decoded.problem().is(PictureProblem::TooLarge));
    CHECK(decoded.problem().english().find("images/huge.png") != std::string::npos);
}

TEST_CASE("a picture of another type, or of another type than its name says, is refused", "[picture]") {
    const std::vector<std::uint8_t> gif{'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0};
    auto decoded = decodePicture(gif, "images/animation.png");
    REQUIRE_FALSE(decoded);
    CHECK(decoded.problem().is(PictureProblem::WrongType));
    CHECK(decoded.problem().english() == "'images/animation.png' is not a PNG picture");
    auto jpegAsPng = decodePicture(bytesOf(kImages / "lesepaten.jpg"), "images/lesepaten.png");
    REQUIRE_FALSE(jpegAsPng);
    CHECK(jpegAsPng.problem().is(PictureProblem::WrongType));
    CHECK_FALSE(decodePicture({}, "images/empty.jpg"));
}

TEST_CASE("a damaged or cut-short picture is refused, never a crash", "[picture]") {
    for (const char* name : {"willkommensbesuche.png", "lesepaten.jpg"}) {
        INFO(name);
        std::vector<std::uint8_t> bytes = bytesOf(kImages / name);
        for (size_t keep : {size_t(20), size_t(60), bytes.size() / 2}) {
            auto decoded = decodePicture(std::span(bytes.data(), keep), name);
            REQUIRE_FALSE(decoded);
            CHECK(decoded.problem().is(PictureProblem::Broken));
        }
        for (size_t at = 40; at < bytes.size(); at += 97) bytes[at] ^= 0x5A;  // bytes flipped all through
        auto flipped = decodePicture(bytes, name);
        if (!flipped) CHECK(flipped.problem().is(PictureProblem::Broken));  // stb may still make pixels of a JPEG
    }
}

TEST_CASE("a JPEG whose Huffman table names more than 256 codes is refused before stb_image reads it", "[picture]") {
    // stb_image 2.27 writes past its tables for it (fuzz_picture found it; the seed
    // tests/fuzz/corpus/fuzz_picture/jpeg-dht-over-256-codes is that input).
    std::vector<std::uint8_t> jpeg{0xFF, 0xD8, 0xFF, 0xC4, 0x00, 0x13, 0x00};
    jpeg.insert(jpeg.end(), 16, 0x20);  // 16 x 32 = 512 codes
    jpeg.insert(jpeg.end(), 512, 0x01);
    auto decoded = decodePicture(jpeg, "images/tables.jpg");
    REQUIRE_FALSE(decoded);
    CHECK(decoded.problem().is(PictureProblem::Broken));
}

TEST_CASE("a PNG whose chunk claims more bytes than the file holds is refused before stb_image reads it", "[picture]") {
    // stb_image grew its buffer to the length an IDAT chunk claims before reading it: a 3.7 KB file
    // claiming 2 GB made it reserve a gigabyte and take seconds (fuzz_picture found it; the seed
    // tests/fuzz/corpus/fuzz_picture/png-idat-longer-than-the-file is that input).
    for (const std::uint32_t claimed : {0x7B19E3C6u, 0x00100000u, 40u}) {
        INFO("IDAT claims " << claimed << " bytes");
        std::vector<std::uint8_t> png = pngHeader(16, 16);
        for (int shift : {24, 16, 8, 0}) png.push_back(static_cast<std::uint8_t>(claimed >> shift));
        png.insert(png.end(), {'I', 'D', 'A', 'T'});
        png.insert(png.end(), 36, 0x78);  // 36 bytes of data, and no CRC
        auto decoded = decodePicture(png, "images/claims.png");
        REQUIRE_FALSE(decoded);
        CHECK(decoded.problem().is(PictureProblem::Broken));
    }
    // The fuzzer's input as it was found (its first byte named it .png), refused the same way.
    const auto found = bytesOf(std::filesystem::path(KIOSK_FUZZ_PICTURE_CORPUS) / "png-idat-longer-than-the-file");
    REQUIRE(found.size() > 1000);
    auto decoded = decodePicture(std::span(found).subspan(1), "images/found.png");
    REQUIRE_FALSE(decoded);
    CHECK(decoded.problem().is(PictureProblem::Broken));
}

namespace {

// The most memory this process has held since peakResetNow(), in KB (VmHWM).
long peakKb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}
bool peakReset() { return static_cast<bool>(std::ofstream("/proc/self/clear_refs") << "5"); }

void appendChunk(std::vector<std::uint8_t>& png, const char* type, const std::vector<std::uint8_t>& data) {
    for (int shift : {24, 16, 8, 0}) png.push_back(static_cast<std::uint8_t>(data.size() >> shift));
    png.insert(png.end(), type, type + 4);
    png.insert(png.end(), data.begin(), data.end());
    png.insert(png.end(), 4, 0);  // CRC, not checked
}

}  // namespace

TEST_CASE("a PNG whose data inflates far beyond its pixels is refused without unpacking it all", "[picture]") {
    // A 16 x 16 picture whose image data unpacks to 256 MB of zeros (256 KB compressed): stb_image
    // inflated all of it before finding that it is not the picture's 1,040 bytes.
    std::vector<std::uint8_t> packed(1u << 20);
    z_stream z{};
    REQUIRE(deflateInit(&z, 9) == Z_OK);
    const std::vector<std::uint8_t> zeros(1u << 20, 0);
    std::size_t used = 0;
    for (int megabyte = 0; megabyte < 256; ++megabyte) {
        z.next_in = const_cast<Bytef*>(zeros.data());
        z.avail_in = static_cast<uInt>(zeros.size());
        do {
            z.next_out = packed.data() + used;
            z.avail_out = static_cast<uInt>(packed.size() - used);
            REQUIRE(deflate(&z, megabyte == 255 ? Z_FINISH : Z_NO_FLUSH) != Z_STREAM_ERROR);
            used = packed.size() - z.avail_out;
        } while (z.avail_in > 0);
    }
    deflateEnd(&z);
    packed.resize(used);
    REQUIRE(packed.size() < 512u * 1024);
    std::vector<std::uint8_t> png = pngHeader(16, 16);
    appendChunk(png, "IDAT", packed);
    appendChunk(png, "IEND", {});

    REQUIRE(peakReset());
    const long before = peakKb();
    auto decoded = decodePicture(png, "images/bomb.png");
    const long grown = peakKb() - before;
    REQUIRE_FALSE(decoded);
    CHECK(decoded.problem().is(PictureProblem::Broken));
    INFO("the memory held grew by " << grown / 1024 << " MB");
    CHECK(grown < 160 * 1024);  // at most a 64 MB buffer and the next one asked for, never 256 MB
}

TEST_CASE("a picture wider or higher than kMaxSide is refused from its header", "[picture]") {
    for (auto [width, height] : {std::pair{3000u, 10u}, {10u, 2049u}, {0u, 10u}, {0x7fffffffu, 0x7fffffffu}}) {
        INFO(width << " x " << height);
        auto decoded = decodePicture(pngHeader(width, height), "images/wide.png");
        REQUIRE_FALSE(decoded);
        CHECK((decoded.problem().is(PictureProblem::TooBig) || decoded.problem().is(PictureProblem::Broken)));
    }
    auto wide = decodePicture(pngHeader(3000, 10), "images/wide.png");
    REQUIRE_FALSE(wide);
    CHECK(wide.problem().english() == "the picture 'images/wide.png' is 3000 x 10 pixels; at most 2048 x 2048 are taken");
}

TEST_CASE("a picture that is not a file cannot be read", "[picture]") {
    CHECK(readPicture(kImages / "not-there.png", "images/not-there.png").problem().is(PictureProblem::Unreadable));
    CHECK(readPicture(kImages, "images").problem().is(PictureProblem::Unreadable));
}
