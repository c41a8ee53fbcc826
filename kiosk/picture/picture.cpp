// Decoding with stb_image from Debian's libstb-dev, compiled here with only its PNG and JPEG
// decoders, no file access and a dimension cap of its own (see CMakeLists.txt on why not libstb.a).
#include "kiosk/picture/picture.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <memory>

namespace {
// No single allocation of stb's over this: the largest picture taken (kMaxSide x kMaxSide RGBA at
// 16 bits a channel, 32 MB, and a PNG's filter bytes) fits, but not the inflating of a PNG whose
// compressed data would unpack to far more than its pixels (deflate packs 1 MB of zeros into 1 KB,
// and stb keeps inflating what comes, however much): such a picture is refused, not unpacked.
constexpr std::size_t kMaxAllocation = 64u << 20;
void* boundedRealloc(void* memory, std::size_t size) {
    return size > kMaxAllocation ? nullptr : std::realloc(memory, size);
}
}  // namespace
#define STBI_MALLOC(size) boundedRealloc(nullptr, size)
#define STBI_REALLOC(memory, size) boundedRealloc(memory, size)
#define STBI_FREE(memory) std::free(memory)
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC  // internal linkage: nothing clashes with libstb.a's copy in the app
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_NO_FAILURE_STRINGS
// stb refuses more than this by itself; up to it, its header reader tells the size, and a picture
// over kMaxSide is refused here with its size in the words, before any pixel is decoded.
#define STBI_MAX_DIMENSIONS 65536
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma GCC diagnostic ignored "-Wunknown-warning-option"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wdouble-promotion"
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wuseless-cast"
#pragma GCC diagnostic ignored "-Wcast-qual"
#include <stb_image.h>
#pragma GCC diagnostic pop

static_assert(STBI_MAX_DIMENSIONS >= kiosk::picture::kMaxSide);
static_assert(std::size_t{kiosk::picture::kMaxSide} * (std::size_t{kiosk::picture::kMaxSide} * 8 + 1) <= kMaxAllocation);

namespace kiosk::picture {

std::string_view problemDomain(PictureProblem) { return "picture"; }

std::string_view problemName(PictureProblem code) {
    switch (code) {
    case PictureProblem::Unreadable: return "unreadable";
    case PictureProblem::TooLarge: return "too-large";
    case PictureProblem::WrongType: return "wrong-type";
    case PictureProblem::TooBig: return "too-big";
    case PictureProblem::Broken: return "broken";
    }
    return "unknown";
}

std::string_view problemEnglish(PictureProblem code) {
    switch (code) {
    case PictureProblem::Unreadable: return "the picture '{}' cannot be read";
    case PictureProblem::TooLarge: return "the picture '{}' has {} bytes; at most {} are taken";
    case PictureProblem::WrongType: return "'{}' is not a {} picture";
    case PictureProblem::TooBig: return "the picture '{}' is {} x {} pixels; at most {} x {} are taken";
    case PictureProblem::Broken: return "the picture '{}' is damaged or cut short";
    }
    return "the picture '{}' has a problem";
}

std::optional<PictureType> pictureType(std::span<const std::uint8_t> bytes) {
    static constexpr std::uint8_t kPng[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (bytes.size() >= sizeof kPng && std::equal(std::begin(kPng), std::end(kPng), bytes.begin())) return PictureType::Png;
    if (bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return PictureType::Jpeg;
    return std::nullopt;
}

std::optional<PictureType> typeOfName(std::string_view name) {
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::string extension(name.substr(dot + 1));
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == "png") return PictureType::Png;
    if (extension == "jpg" || extension == "jpeg") return PictureType::Jpeg;
    return std::nullopt;
}

namespace {

// Whether every Huffman table of a JPEG (each DHT segment, before and between the scans) names at
// most 256 codes. stb_image 2.27 (Debian 12) trusts the counts and writes past its tables when they
// sum to more (fixed upstream in 2.28; fuzz_picture found it): such a file is refused before stb
// sees it. Bytes past the end read as 0, as stb reads them.
bool jpegTablesFit(std::span<const std::uint8_t> b) {
    const std::size_t n = b.size();
    auto at = [&](std::size_t i) -> unsigned { return i < n ? b[i] : 0u; };
    for (std::size_t i = 2; i + 1 < n;) {
        const unsigned marker = at(i + 1);
        if (b[i] != 0xFF || marker == 0xFF) {  // entropy-coded data or fill bytes: on to the next marker
            ++i;
            continue;
        }
        if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length follows
            i += 2;
            continue;
        }
        if (marker == 0xD9) break;  // end of image
        const std::size_t length = at(i + 2) << 8 | at(i + 3);
        if (marker == 0xC4)  // DHT: tables of a class/id byte, 16 counts and the symbols
            for (std::size_t table = i + 4, end = i + 2 + length; table < end && table < n;) {
                std::size_t codes = 0;
                for (std::size_t k = 1; k <= 16; ++k) codes += at(table + k);
                if (codes > 256) return false;
                table += 17 + codes;
            }
        i += 2 + std::max<std::size_t>(length, 2);
    }
    return true;
}

// Whether every chunk of a PNG lies within the file. stb_image grows its buffer for the image data
// to the length an IDAT chunk claims before it reads the chunk: a 4 KB file claiming 2 GB had it
// reserve a gigabyte and take seconds (fuzz_picture found it): such a file is refused before stb
// sees it. A chunk: 4 bytes length, 4 bytes type, the data, 4 bytes CRC.
bool pngChunksFit(std::span<const std::uint8_t> b) {
    const std::size_t n = b.size();
    for (std::size_t i = 8; i < n;) {
        if (n - i < 12) return false;
        const std::size_t length = std::size_t{b[i]} << 24 | std::size_t{b[i + 1]} << 16 | std::size_t{b[i + 2]} << 8 | b[i + 3];
        if (length > n - i - 12) return false;
        if (b[i + 4] == 'I' && b[i + 5] == 'E' && b[i + 6] == 'N' && b[i + 7] == 'D') break;
        i += 12 + length;
    }
    return true;
}

}  // namespace

core::Result<Picture> decodePicture(std::span<const std::uint8_t> bytes, std::string_view name) {
    const std::string file(name);
    if (bytes.size() > kMaxBytes)
        return core::Problem(PictureProblem::TooLarge, {file, std::to_string(bytes.size()), std::to_string(kMaxBytes)});
    const auto expected = typeOfName(name);
    const auto type = pictureType(bytes);
    if (!type || (expected && *expected != *type))
        return core::Problem(PictureProblem::WrongType, {file, expected == PictureType::Jpeg ? "JPEG" : "PNG"});
    if (*type == PictureType::Jpeg && !jpegTablesFit(bytes)) return core::Problem(PictureProblem::Broken, {file});
    if (*type == PictureType::Png && !pngChunksFit(bytes)) return core::Problem(PictureProblem::Broken, {file});
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int length = static_cast<int>(bytes.size());
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_memory(data, length, &width, &height, &channels))  // reads the header only
        return core::Problem(PictureProblem::Broken, {file});
    if (width < 1 || height < 1 || width > kMaxSide || height > kMaxSide)
        return core::Problem(PictureProblem::TooBig, {file, std::to_string(width), std::to_string(height),
                                                      std::to_string(kMaxSide), std::to_string(kMaxSide)});
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(stbi_load_from_memory(data, length, &width, &height, &channels, 4),
                                                     &stbi_image_free);
    if (!pixels || width < 1 || height < 1 || width > kMaxSide || height > kMaxSide)
        return core::Problem(PictureProblem::Broken, {file});
    Picture picture;
    picture.width = width;
    picture.height = height;
    picture.rgba.assign(pixels.get(), pixels.get() + static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    return picture;
}

core::Result<Picture> readPicture(const std::filesystem::path& file, std::string_view name) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return core::Problem(PictureProblem::Unreadable, {std::string(name)});
    const auto size = std::filesystem::file_size(file, error);
    if (error) return core::Problem(PictureProblem::Unreadable, {std::string(name)});
    if (size > kMaxBytes)
        return core::Problem(PictureProblem::TooLarge, {std::string(name), std::to_string(size), std::to_string(kMaxBytes)});
    // One byte more than the size said: a file that grew meanwhile is noticed, never read past the bound.
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size) + 1);
    std::ifstream in(file, std::ios::binary);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (in.bad() || (!in && !in.eof())) return core::Problem(PictureProblem::Unreadable, {std::string(name)});
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return decodePicture(bytes, name);
}

}  // namespace kiosk::picture
