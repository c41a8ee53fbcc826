// Map geometry in plain arithmetic: nothing here knows about pixels beyond the numbers it is given.
#include "kiosk/core/district_map.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

namespace kiosk::core {
namespace {

constexpr double kKmPerDegreeLatitude = 111.32;

}  // namespace

void PlaneBounds::include(PlanePoint p) {
    min.x = std::min(min.x, p.x);
    min.y = std::min(min.y, p.y);
    max.x = std::max(max.x, p.x);
    max.y = std::max(max.y, p.y);
}

Projection::Projection(GeoPoint origin)
    : m_origin(origin),
      m_kmPerDegreeLongitude(kKmPerDegreeLatitude * std::cos(origin.latitude * std::numbers::pi / 180.0)) {}

PlanePoint Projection::project(GeoPoint point) const {
    return {(point.longitude - m_origin.longitude) * m_kmPerDegreeLongitude,
            (m_origin.latitude - point.latitude) * kKmPerDegreeLatitude};
}

GeoPoint Projection::unproject(PlanePoint point) const {
    return {m_origin.latitude - point.y / kKmPerDegreeLatitude, m_origin.longitude + point.x / m_kmPerDegreeLongitude};
}

bool contains(const Area& area, PlanePoint point) {
    bool inside = false;
    for (const Ring& ring : area.rings) {
        for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const PlanePoint& a = ring[i];
            const PlanePoint& b = ring[j];
            if ((a.y > point.y) != (b.y > point.y) && point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x)
                inside = !inside;
        }
    }
    return inside;
}

const Municipality* municipalityAt(const DistrictMap& map, PlanePoint point) {
    for (const Municipality& m : map.municipalities) {
        if (point.x < m.bounds.min.x || point.x > m.bounds.max.x || point.y < m.bounds.min.y || point.y > m.bounds.max.y)
            continue;
        for (const Area& area : m.areas)
            if (contains(area, point)) return &m;
    }
    return nullptr;
}

const Municipality* municipalityOf(const DistrictMap& map, const Provider& provider) {
    if (!provider.location) return nullptr;
    return municipalityAt(map, map.projection.project(*provider.location));
}

MapViewport::MapViewport(const PlaneBounds& district, const MapCamera& camera, float originX, float originY,
                         float width, float height)
    : m_centre(camera.centre), m_midX(originX + width / 2), m_midY(originY + height / 2) {
    const double w = std::max(1e-6, district.max.x - district.min.x);
    const double h = std::max(1e-6, district.max.y - district.min.y);
    m_scale = std::min(width / w, height / h) * camera.zoom;
}

void MapViewport::toScreen(PlanePoint p, float& x, float& y) const {
    x = m_midX + static_cast<float>((p.x - m_centre.x) * m_scale);
    y = m_midY + static_cast<float>((p.y - m_centre.y) * m_scale);
}

PlanePoint MapViewport::toPlane(float x, float y) const {
    return {m_centre.x + (x - m_midX) / m_scale, m_centre.y + (y - m_midY) / m_scale};
}

namespace {

// The centre may not leave the district's bounds: some of the district always stays in view.
MapCamera kept(MapCamera camera, const PlaneBounds& district) {
    camera.zoom = std::clamp(camera.zoom, 1.0, kMaxZoom);
    camera.centre.x = std::clamp(camera.centre.x, district.min.x, district.max.x);
    camera.centre.y = std::clamp(camera.centre.y, district.min.y, district.max.y);
    if (camera.zoom == 1.0) camera.centre = district.centre();  // all of it: centred, as at the start
    return camera;
}

}  // namespace

MapCamera panned(const MapCamera& camera, const PlaneBounds& district, double dxPixels, double dyPixels,
                 double pixelsPerKm) {
    MapCamera moved = camera;
    moved.centre.x -= dxPixels / pixelsPerKm;
    moved.centre.y -= dyPixels / pixelsPerKm;
    return kept(moved, district);
}

MapCamera zoomed(const MapCamera& camera, const PlaneBounds& district, double factor, PlanePoint anchor) {
    MapCamera result = camera;
    result.zoom = std::clamp(camera.zoom * factor, 1.0, kMaxZoom);
    const double applied = result.zoom / camera.zoom;
    // The anchor keeps its place on screen: the centre moves towards it by 1 - 1/applied.
    result.centre.x = anchor.x + (camera.centre.x - anchor.x) / applied;
    result.centre.y = anchor.y + (camera.centre.y - anchor.y) / applied;
    return kept(result, district);
}

std::vector<PinGroup> groupPins(const std::vector<ScreenPoint>& points, float radius) {
    // Each group has a seed, its first pin; a pin joins the nearest seed within `radius`, else it
    // seeds a group of its own. A grid of radius-sized cells finds the seeds nearby.
    std::vector<PinGroup> groups;
    std::vector<ScreenPoint> seeds;
    std::unordered_map<long long, std::vector<size_t>> grid;  // cell -> groups seeded there
    const float cell = std::max(radius, 1.0f);
    auto key = [](long long cx, long long cy) { return cx * 1000003LL + cy; };
    for (size_t i = 0; i < points.size(); ++i) {
        const ScreenPoint p = points[i];
        const auto cx = static_cast<long long>(std::floor(p.x / cell));
        const auto cy = static_cast<long long>(std::floor(p.y / cell));
        size_t best = groups.size();
        float bestDistance = radius * radius;
        for (long long dx = -1; dx <= 1; ++dx)
            for (long long dy = -1; dy <= 1; ++dy) {
                auto it = grid.find(key(cx + dx, cy + dy));
                if (it == grid.end()) continue;
                for (size_t g : it->second) {
                    const float ex = seeds[g].x - p.x, ey = seeds[g].y - p.y;
                    const float distance = ex * ex + ey * ey;
                    if (distance < bestDistance || (distance == bestDistance && g < best)) {
                        bestDistance = distance;
                        best = g;
                    }
                }
            }
        if (best == groups.size()) {
            groups.push_back({p.x, p.y, {i}});
            seeds.push_back(p);
            grid[key(cx, cy)].push_back(best);
        } else {
            PinGroup& group = groups[best];
            const auto n = static_cast<float>(group.members.size());
            group.x = (group.x * n + p.x) / (n + 1);
            group.y = (group.y * n + p.y) / (n + 1);
            group.members.push_back(i);
        }
    }
    return groups;
}

}  // namespace kiosk::core
