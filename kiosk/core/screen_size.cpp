#include "kiosk/core/screen_size.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::core {

PixelDensity pixelDensity(double configuredDiagonalInches, int monitorWidthMm, int monitorHeightMm, int widthPx,
                          int heightPx) {
    const double diagonalPx = std::hypot(widthPx, heightPx);
    if (configuredDiagonalInches > 0) return {diagonalPx / (configuredDiagonalInches * 25.4), "configuration"};
    if (monitorWidthMm > 0 && monitorHeightMm > 0 && widthPx > 0 && heightPx > 0) {
        // A monitor turned upright may report its size the other way round.
        const double pictureShape = static_cast<double>(std::max(widthPx, heightPx)) / std::min(widthPx, heightPx);
        const double reportedShape = static_cast<double>(std::max(monitorWidthMm, monitorHeightMm)) /
                                     std::min(monitorWidthMm, monitorHeightMm);
        const double inches = std::hypot(monitorWidthMm, monitorHeightMm) / 25.4;
        if (std::abs(reportedShape / pictureShape - 1) < 0.1 && inches >= 7 && inches <= 110)
            return {diagonalPx / std::hypot(monitorWidthMm, monitorHeightMm), "monitor"};
    }
    return {diagonalPx / (kDefaultDiagonalInches * 25.4), "assumed"};
}

}  // namespace kiosk::core
