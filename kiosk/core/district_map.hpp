// The district map's geometry: projection to a flat plane, hit tests, the camera, pin grouping.
#pragma once

#include "kiosk/core/catalog.hpp"

#include <string>
#include <vector>

namespace kiosk::core {

// The geodata's licence (dl-de/by-2-0, see assets/geo/README.md): shown wherever the map is, on the
// kiosk and on the website.
inline constexpr const char* kMapAttribution = "© GeoBasis-DE / BKG 2021 (Daten verändert)";

// A point on the map plane, in kilometres east (x) and south (y) of the projection's origin, so
// that y grows down the screen as it does in ImGui.
struct PlanePoint {
    double x = 0;
    double y = 0;
    friend bool operator==(const PlanePoint&, const PlanePoint&) = default;
};

struct PlaneBounds {
    PlanePoint min{1e300, 1e300};
    PlanePoint max{-1e300, -1e300};
    void include(PlanePoint p);
    bool empty() const { return min.x > max.x; }
    PlanePoint centre() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
};

// Equirectangular around `origin`: exact enough for a district 50 km across (under 0.1 % off).
class Projection {
public:
    explicit Projection(GeoPoint origin = {});
    PlanePoint project(GeoPoint point) const;
    GeoPoint unproject(PlanePoint point) const;

private:
    GeoPoint m_origin;
    double m_kmPerDegreeLongitude;
};

using Ring = std::vector<PlanePoint>;
struct Area {  // one polygon: its outer ring, then its holes
    std::vector<Ring> rings;
};

struct Municipality {
    std::string name;
    std::string kind;  // "Stadt", "Gemeinde", "Große Kreisstadt" …
    std::vector<Area> areas;
    PlaneBounds bounds;
    PlanePoint label;  // where its name goes: the centre of its largest area's bounds
};

struct DistrictMap {
    Projection projection;
    std::vector<Ring> outline;  // the district's border
    std::vector<Municipality> municipalities;
    PlaneBounds bounds;
};

// Even-odd rule over all rings: inside the outer ring and not in a hole.
bool contains(const Area& area, PlanePoint point);
const Municipality* municipalityAt(const DistrictMap& map, PlanePoint point);
// The municipality a provider's location lies in; null for national services and places outside.
const Municipality* municipalityOf(const DistrictMap& map, const Provider& provider);

// What the family sees of the map: which plane point is in the middle and how far zoomed in
// (1 = the whole district fills the view). Independent of the screen's size.
struct MapCamera {
    PlanePoint centre;
    double zoom = 1;
    friend bool operator==(const MapCamera&, const MapCamera&) = default;
};
inline constexpr double kMaxZoom = 16;

// The camera mapped onto a screen rectangle of `width` x `height` pixels at `origin`.
class MapViewport {
public:
    MapViewport(const PlaneBounds& district, const MapCamera& camera, float originX, float originY, float width,
                float height);
    double pixelsPerKm() const { return m_scale; }
    void toScreen(PlanePoint p, float& x, float& y) const;
    PlanePoint toPlane(float x, float y) const;

private:
    double m_scale;
    PlanePoint m_centre;
    float m_midX, m_midY;
};

// The camera after a drag of (dx, dy) pixels at `pixelsPerKm`, kept so the district stays in view.
MapCamera panned(const MapCamera& camera, const PlaneBounds& district, double dxPixels, double dyPixels,
                 double pixelsPerKm);
// The camera zoomed by `factor` about the plane point `anchor` (which stays where it is on screen).
MapCamera zoomed(const MapCamera& camera, const PlaneBounds& district, double factor, PlanePoint anchor);

// Pins closer than `radius` pixels on screen become one group, drawn as one pin with a count.
struct PinGroup {
    float x = 0, y = 0;           // where the group's pin is drawn: the mean of its members
    std::vector<size_t> members;  // indices into the points given
};
struct ScreenPoint {
    float x = 0, y = 0;
};
std::vector<PinGroup> groupPins(const std::vector<ScreenPoint>& points, float radius);

}  // namespace kiosk::core
