// GeoJSON (RFC 7946) polygons and multipolygons into the map plane, once at start (about 520 points).
#include "kiosk/content/district_geo.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>
#include <fstream>

namespace kiosk::content {
namespace {

using nlohmann::json;

json readJson(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(fmt::format("{} is missing or cannot be read", file.string()));
    return json::parse(in);
}

// The polygons of a Polygon or MultiPolygon geometry, as lists of [lon, lat] rings.
std::vector<json> polygonsOf(const json& geometry) {
    const std::string type = geometry.at("type").get<std::string>();
    if (type == "Polygon") return {geometry.at("coordinates")};
    if (type == "MultiPolygon") return geometry.at("coordinates").get<std::vector<json>>();
    throw std::runtime_error("a geometry of type " + type + " is not an area");
}

core::Area areaOf(const json& polygon, const core::Projection& projection) {
    core::Area area;
    for (const auto& ring : polygon) {
        core::Ring points;
        for (const auto& position : ring)
            points.push_back(projection.project({position.at(1).get<double>(), position.at(0).get<double>()}));
        if (points.size() > 1 && points.front().x == points.back().x && points.front().y == points.back().y)
            points.pop_back();  // GeoJSON closes each ring by repeating its first point
        if (points.size() >= 3) area.rings.push_back(std::move(points));
    }
    return area;
}

}  // namespace

std::string_view problemDomain(MapProblem) { return "map"; }
std::string_view problemName(MapProblem) { return "unreadable"; }
std::string_view problemEnglish(MapProblem) { return "The district map in {} cannot be read."; }

core::Result<core::DistrictMap> loadDistrictMap(const std::filesystem::path& folder) {
    try {
        const json outline = readJson(folder / "landkreis-esslingen.geojson");
        const json municipalities = readJson(folder / "landkreis-esslingen-gemeinden.geojson");
        // The origin: the middle of the district's outline in degrees.
        double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
        for (const auto& feature : outline.at("features"))
            for (const auto& polygon : polygonsOf(feature.at("geometry")))
                for (const auto& ring : polygon)
                    for (const auto& position : ring) {
                        minLon = std::min(minLon, position.at(0).get<double>());
                        maxLon = std::max(maxLon, position.at(0).get<double>());
                        minLat = std::min(minLat, position.at(1).get<double>());
                        maxLat = std::max(maxLat, position.at(1).get<double>());
                    }
        if (minLat > maxLat) throw std::runtime_error("the district's outline is empty");
        core::DistrictMap map;
        map.projection = core::Projection({(minLat + maxLat) / 2, (minLon + maxLon) / 2});
        for (const auto& feature : outline.at("features"))
            for (const auto& polygon : polygonsOf(feature.at("geometry")))
                for (auto& ring : areaOf(polygon, map.projection).rings) {
                    for (const auto& p : ring) map.bounds.include(p);
                    map.outline.push_back(std::move(ring));
                }
        for (const auto& feature : municipalities.at("features")) {
            core::Municipality m;
            m.name = feature.at("properties").at("name").get<std::string>();
            m.kind = feature.at("properties").value("kind", "");
            double largest = -1;
            for (const auto& polygon : polygonsOf(feature.at("geometry"))) {
                core::Area area = areaOf(polygon, map.projection);
                if (area.rings.empty()) continue;
                core::PlaneBounds bounds;
                for (const auto& p : area.rings.front()) bounds.include(p);
                const double size = (bounds.max.x - bounds.min.x) * (bounds.max.y - bounds.min.y);
                if (size > largest) {
                    largest = size;
                    m.label = bounds.centre();
                }
                for (const auto& p : area.rings.front()) m.bounds.include(p);
                m.areas.push_back(std::move(area));
            }
            map.municipalities.push_back(std::move(m));
        }
        return map;
    } catch (const std::exception& e) {
        return core::Problem(MapProblem::Unreadable, {folder.string()}, e.what());
    }
}

}  // namespace kiosk::content
