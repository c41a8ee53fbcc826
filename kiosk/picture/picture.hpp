// Pictures from the content (a practice's image): PNG or JPEG, read and decoded within fixed bounds.
// The bytes come from signed packs, yet are treated as outside input: anything else is a problem.
#pragma once

#include "kiosk/core/problem.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::picture {

// What the kiosk takes: a file of at most kMaxBytes, at most kMaxSide pixels wide and high.
inline constexpr std::size_t kMaxBytes = 1024 * 1024;
inline constexpr int kMaxSide = 2048;

enum class PictureProblem {
    Unreadable,  // the file cannot be read (missing, a folder, no permission)
    TooLarge,    // more than kMaxBytes
    WrongType,   // neither PNG nor JPEG, or not the type its name says
    TooBig,      // wider or higher than kMaxSide (or no pixels at all)
    Broken,      // the decoder gave up: truncated or damaged data
};
std::string_view problemDomain(PictureProblem);
std::string_view problemName(PictureProblem code);
std::string_view problemEnglish(PictureProblem code);

enum class PictureType { Png, Jpeg };

// Eight bits per channel, red-green-blue-alpha, rows top to bottom.
struct Picture {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;
};

// The type the bytes start with (the PNG signature, a JPEG's start-of-image marker); none else.
std::optional<PictureType> pictureType(std::span<const std::uint8_t> bytes);
// The type a name's extension says (.png; .jpg, .jpeg), in any letter case.
std::optional<PictureType> typeOfName(std::string_view name);

// The pixels of a PNG or JPEG; `name` (for the problem's words) also says which type is expected.
// Its size is checked from the header before any pixel is decoded. Never throws.
core::Result<Picture> decodePicture(std::span<const std::uint8_t> bytes, std::string_view name);

// Reads `file` (no more than kMaxBytes + 1 bytes) and decodes it; `name` as above, e.g. the content's path.
core::Result<Picture> readPicture(const std::filesystem::path& file, std::string_view name);

}  // namespace kiosk::picture
