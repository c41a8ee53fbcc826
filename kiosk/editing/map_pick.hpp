// A provider's place picked by a tap on the district map: the tap's pixel turned back into latitude
// and longitude through the map's own viewport and projection (core::DistrictMap), no second maths.
#pragma once

#include "kiosk/core/district_map.hpp"

#include <optional>

namespace kiosk::editing {

// The place under the pixel (x, y) of a map drawn with `viewport`, to five decimals (about a metre,
// as the content's files write it); nothing when the pixel is outside the district.
std::optional<core::GeoPoint> locationAt(const core::DistrictMap& map, const core::MapViewport& viewport, float x,
                                         float y);

}  // namespace kiosk::editing
