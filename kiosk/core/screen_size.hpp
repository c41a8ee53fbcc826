// How large a pixel is on the kiosk's screen, so touch targets can be checked in millimetres.
#pragma once

#include <string>

namespace kiosk::core {

// WCAG 2.2 (2.5.8, enhanced for closed kiosks as EN 301 549 asks): a touch target at least this
// large in both directions.
inline constexpr double kMinTargetMm = 12.0;
// Assumed when neither the configuration nor the monitor says how large the screen is.
inline constexpr double kDefaultDiagonalInches = 24.0;

struct PixelDensity {
    double pixelsPerMm = 0;
    std::string source;  // how it was found, for the log: "configuration", "monitor", "assumed"
};

// Pixels per millimetre of a screen of `widthPx` x `heightPx` (square pixels): from the configured
// diagonal when it is set (> 0), else from the size the monitor reports (its EDID; refused when
// implausible: zero, a shape other than the picture's, or a diagonal outside 7 to 110 inches), else
// for a 24" screen.
PixelDensity pixelDensity(double configuredDiagonalInches, int monitorWidthMm, int monitorHeightMm, int widthPx,
                          int heightPx);

inline double toMillimetres(double pixels, const PixelDensity& density) { return pixels / density.pixelsPerMm; }

}  // namespace kiosk::core
