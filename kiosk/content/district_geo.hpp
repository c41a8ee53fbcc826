// The district map from its GeoJSON files (BKG VG5000: the outline and the municipalities).
#pragma once

#include "kiosk/core/district_map.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::content {

// Reads `folder`/landkreis-esslingen.geojson and landkreis-esslingen-gemeinden.geojson; on a
// missing or broken file returns nothing and says why in `error` (the kiosk then shows no map).
std::optional<core::DistrictMap> loadDistrictMap(const std::filesystem::path& folder, std::string& error);

}  // namespace kiosk::content
