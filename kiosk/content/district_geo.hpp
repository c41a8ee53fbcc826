// The district map from its GeoJSON files (BKG VG5000: the outline and the municipalities).
#pragma once

#include "kiosk/core/district_map.hpp"
#include "kiosk/core/problem.hpp"

#include <filesystem>
#include <string_view>

namespace kiosk::content {

enum class MapProblem {
    Unreadable,  // a file is missing or broken (the detail says which and why)
};
std::string_view problemDomain(MapProblem);
std::string_view problemName(MapProblem code);
std::string_view problemEnglish(MapProblem code);

// Reads `folder`/landkreis-esslingen.geojson and landkreis-esslingen-gemeinden.geojson; on a
// missing or broken file the problem says why (the kiosk then shows no map).
core::Result<core::DistrictMap> loadDistrictMap(const std::filesystem::path& folder);

}  // namespace kiosk::content
