// A tap on the district map as a place (see map_pick.hpp).
#include "kiosk/editing/map_pick.hpp"

#include <cmath>

namespace kiosk::editing {

std::optional<core::GeoPoint> locationAt(const core::DistrictMap& map, const core::MapViewport& viewport, float x,
                                         float y) {
    const core::PlanePoint plane = viewport.toPlane(x, y);
    if (!core::municipalityAt(map, plane)) return std::nullopt;
    const core::GeoPoint exact = map.projection.unproject(plane);
    auto fiveDecimals = [](double degrees) { return std::round(degrees * 1e5) / 1e5; };
    return core::GeoPoint{fiveDecimals(exact.latitude), fiveDecimals(exact.longitude)};
}

}  // namespace kiosk::editing
