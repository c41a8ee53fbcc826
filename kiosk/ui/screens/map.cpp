// The district map: municipalities, provider pins (grouped where they overlap), "you are here",
// drag to pan, + / − and a double tap to zoom; a tapped place lists its offers beside the map.
#include "kiosk/core/opening_hours.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/map_cache.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/text_direction.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

#include <GL/glu.h>

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <unordered_set>

namespace kiosk::ui {
namespace {

using Triangles = std::vector<core::PlanePoint>;  // three points each

// GLU's tessellator turns the (concave) municipalities into triangles ImGui can fill; once per map.
class Tessellation {
public:
    const std::vector<Triangles>& of(const core::DistrictMap& map) {
        if (m_map != &map) {
            m_map = &map;
            m_shapes.clear();
            for (const auto& municipality : map.municipalities) m_shapes.push_back(tessellate(municipality));
        }
        return m_shapes;
    }

private:
    struct Collector {
        Triangles triangles;
        std::vector<std::unique_ptr<GLdouble[]>> extra;  // vertices GLU makes where edges cross
    };

    static Triangles tessellate(const core::Municipality& municipality) {
        Collector collector;
        GLUtesselator* tess = gluNewTess();
        if (!tess) return {};
        using Callback = _GLUfuncptr;
        gluTessCallback(tess, GLU_TESS_VERTEX_DATA,
                        reinterpret_cast<Callback>(+[](void* vertex, void* data) {
                            const auto* v = static_cast<const GLdouble*>(vertex);
                            static_cast<Collector*>(data)->triangles.push_back({v[0], v[1]});
                        }));
        // An edge flag callback makes GLU hand out plain triangles only (no fans or strips).
        gluTessCallback(tess, GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<Callback>(+[](GLboolean, void*) {}));
        gluTessCallback(tess, GLU_TESS_COMBINE_DATA,
                        reinterpret_cast<Callback>(+[](GLdouble coords[3], void*[4], GLfloat[4], void** out,
                                                       void* data) {
                            auto& extra = static_cast<Collector*>(data)->extra;
                            extra.push_back(std::make_unique<GLdouble[]>(3));
                            std::copy(coords, coords + 3, extra.back().get());
                            *out = extra.back().get();
                        }));
        gluTessProperty(tess, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
        std::vector<std::vector<GLdouble>> coordinates;
        for (const auto& area : municipality.areas) {
            gluTessBeginPolygon(tess, &collector);
            for (const auto& ring : area.rings) {
                gluTessBeginContour(tess);
                coordinates.emplace_back();
                auto& c = coordinates.back();
                c.reserve(ring.size() * 3);
                for (const auto& p : ring) c.insert(c.end(), {p.x, p.y, 0.0});
                for (size_t i = 0; i < ring.size(); ++i) gluTessVertex(tess, &c[i * 3], &c[i * 3]);
                gluTessEndContour(tess);
            }
            gluTessEndPolygon(tess);
        }
        gluDeleteTess(tess);
        collector.triangles.resize(collector.triangles.size() / 3 * 3);
        return collector.triangles;
    }

    const core::DistrictMap* m_map = nullptr;
    std::vector<Triangles> m_shapes;
};

Tessellation g_tessellation;

// The professionals' map of actors: the network's members instead of the families' offers.
bool actorsMap(const View& view) { return view.session.current().id == core::ScreenId::Actors; }

// A provider shows on the map when it has a place and an offer that passes the map's filters.
bool showsOffer(const View& view, const core::Offer& offer) {
    const core::ScreenRef& screen = view.session.current();
    if (!screen.target.empty() &&
        std::find(offer.lifeStages.begin(), offer.lifeStages.end(), screen.target) == offer.lifeStages.end())
        return false;
    if (!screen.topic.empty() && std::find(offer.topics.begin(), offer.topics.end(), screen.topic) == offer.topics.end())
        return false;
    return true;
}

}  // namespace

bool knownOpenNow(const core::Provider& provider, core::LocalDateTime now, const core::HolidayCalendar& holidays) {
    return provider.hours && core::evaluate(*provider.hours, now, holidays).state == core::OpenState::OpenNow;
}

namespace {

// The providers with an offer that passes the filters, found in one pass over the offers.
using ProviderSet = std::unordered_set<std::string_view>;
ProviderSet providersWithOffers(const View& view) {
    ProviderSet providers;
    if (actorsMap(view)) {
        for (const core::Provider* actor : view.catalog.actors(view.session.current().topic)) providers.insert(actor->id);
        return providers;
    }
    for (const auto& offer : view.catalog.offers)
        if (showsOffer(view, offer)) providers.insert(offer.providerId);
    return providers;
}

bool shows(const View& view, const ProviderSet& withOffers, const core::Provider& provider) {
    if (!provider.location || !withOffers.count(provider.id)) return false;
    return actorsMap(view) || !view.session.mapOpenNow || knownOpenNow(provider, view.now, view.kiosk.holidays);
}

void drawPin(ImDrawList* draw, ImVec2 at, float radius, ImU32 fill, const std::string& label) {
    draw->AddCircleFilled(ImVec2(at.x, at.y + 0.12f * radius), radius * 1.05f, IM_COL32(0, 0, 0, 0x40));  // shadow
    // The ring lies over the disc's edge: the disc needs no smoothing of its own (a third fewer
    // triangles, which a software GL pays for; 2,000 pins are drawn whenever the map's picture is).
    const ImDrawListFlags smoothing = draw->Flags;
    draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    draw->AddCircleFilled(at, radius, fill);
    draw->Flags = smoothing;
    draw->AddCircle(at, radius, palette().surface, 0, std::max(2.0f, 0.08f * em()));
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    draw->AddText(ImVec2(at.x - size.x * 0.5f, at.y - size.y * 0.5f), palette().onPrimary, label.c_str());
}

void fillLand(ImDrawList& draw, const core::DistrictMap& map, const core::MapViewport& viewport,
              const std::string& place) {
    auto screen = [&](core::PlanePoint p) {
        ImVec2 s;
        viewport.toScreen(p, s.x, s.y);
        return s;
    };
    const auto& shapes = g_tessellation.of(map);
    const ImDrawListFlags flags = draw.Flags;
    draw.Flags &= ~ImDrawListFlags_AntiAliasedFill;  // no seams between a shape's triangles
    for (size_t m = 0; m < map.municipalities.size(); ++m) {
        const ImU32 fill = map.municipalities[m].name == place ? palette().mapPlace : palette().mapLand;
        const Triangles& t = shapes[m];
        for (size_t i = 0; i + 2 < t.size(); i += 3) draw.AddTriangleFilled(screen(t[i]), screen(t[i + 1]), screen(t[i + 2]), fill);
    }
    draw.Flags = flags;
}

void drawOutline(ImDrawList& draw, const core::DistrictMap& map, const core::MapViewport& viewport, float thickness) {
    std::vector<ImVec2> points;
    for (const auto& ring : map.outline) {
        points.clear();
        for (const auto& p : ring) {
            ImVec2& s = points.emplace_back();
            viewport.toScreen(p, s.x, s.y);
        }
        draw.AddPolyline(points.data(), static_cast<int>(points.size()), palette().text, ImDrawFlags_Closed, thickness);
    }
}

// The map's land, borders, place names (where they fit), pins (grouped where they would overlap)
// and "you are here", drawn with `viewport` onto `draw`; returns where the names and pins went.
MapCache::Layout drawMapContent(ImDrawList& draw, const View& view, const core::DistrictMap& map,
                                   const core::MapViewport& viewport) {
    auto screen = [&](core::PlanePoint p) {
        ImVec2 s;
        viewport.toScreen(p, s.x, s.y);
        return s;
    };
    MapCache::Layout layout;
    fillLand(draw, map, viewport, actorsMap(view) ? std::string() : view.session.mapPlace);
    std::vector<ImVec2> points;
    for (const auto& municipality : map.municipalities)
        for (const auto& area : municipality.areas)
            for (const auto& ring : area.rings) {
                points.clear();
                for (const auto& p : ring) points.push_back(screen(p));
                draw.AddPolyline(points.data(), static_cast<int>(points.size()), palette().border, ImDrawFlags_Closed,
                                 std::max(1.0f, 0.05f * em()));
            }
    drawOutline(draw, map, viewport, std::max(2.0f, 0.12f * em()));

    // Place names where they fit (all of them once zoomed in a little).
    ImFont* font = fonts().body;
    const float nameSize = 0.7f * em();
    for (const auto& municipality : map.municipalities) {
        const ImVec2 at = screen(municipality.label);
        const ImVec2 extent = font->CalcTextSizeA(nameSize, FLT_MAX, 0, municipality.name.c_str());
        const float width = static_cast<float>((municipality.bounds.max.x - municipality.bounds.min.x) * viewport.pixelsPerKm());
        if (extent.x > width * 1.1f) continue;
        const ImVec2 from(at.x - extent.x * 0.5f, at.y - extent.y * 0.5f);
        draw.AddText(font, nameSize, from, palette().textMuted, municipality.name.c_str());
        layout.names.push_back({&municipality, from, ImVec2(from.x + extent.x, from.y + extent.y)});
    }

    // Pins, grouped where they would overlap; a touch target of 1.6 em (about 14 mm) each.
    const float radius = 0.8f * em();
    std::vector<core::ScreenPoint> at;
    const ProviderSet withOffers = providersWithOffers(view);
    for (const auto& provider : view.catalog.providers)
        if (shows(view, withOffers, provider)) {
            const ImVec2 s = screen(map.projection.project(*provider.location));
            layout.shown.push_back(&provider);
            at.push_back({s.x, s.y});
        }
    layout.groups = core::groupPins(at, 2 * radius);
    for (const auto& group : layout.groups)
        drawPin(&draw, ImVec2(group.x, group.y), radius, palette().primary,
                group.members.size() == 1 ? icon("map-marker") : std::to_string(group.members.size()));
    if (view.here) {
        const ImVec2 here = screen(map.projection.project(*view.here));
        drawPin(&draw, here, radius, palette().emergency, icon("account"));
        layout.hereLabel = tr("map.here", view.language());
        const std::string& shown = displayLine(layout.hereLabel);  // Arabic joined and in visual order
        const ImVec2 extent = ImGui::CalcTextSize(shown.c_str());
        // Beside the pin, where the reader goes on: right of it, or left of it right to left.
        layout.hereMin = ImVec2(rightToLeft() ? here.x - radius * 1.3f - extent.x : here.x + radius * 1.3f,
                                here.y - extent.y * 0.5f);
        layout.hereMax = ImVec2(layout.hereMin.x + extent.x, layout.hereMin.y + extent.y);
        draw.AddRectFilled(ImVec2(layout.hereMin.x - 0.2f * em(), layout.hereMin.y),
                           ImVec2(layout.hereMax.x + 0.2f * em(), layout.hereMax.y), palette().surface, 0.2f * em());
        draw.AddText(layout.hereMin, palette().emergency, shown.c_str());
    }
    return layout;
}

// What decides, this minute, which providers and offers the map shows.
MapCache::Shown shownNow(const View& view, const core::DistrictMap& map) {
    const core::ScreenRef& screen = view.session.current();
    const bool actors = actorsMap(view);
    MapCache::Shown shown{.catalog = &view.catalog,
                             .map = &map,
                             .place = actors ? std::string() : view.session.mapPlace,
                             .lifeStage = screen.target,
                             .topic = screen.topic,
                             .openNow = !actors && view.session.mapOpenNow,
                             .actors = actors,
                             .date = {},
                             .minuteOfDay = -1};
    if (shown.openNow) {
        shown.date = view.now.date;
        shown.minuteOfDay = view.now.minuteOfDay;
    }
    return shown;
}

// An ImDrawList of its own, set up as ImGui sets up a window's, for drawing into a picture.
ImDrawList pictureList(ImVec2 size) {
    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    list.PushClipRect(ImVec2(0, 0), size);
    return list;
}

// How far around the map's rectangle its picture reaches when zoomed in, as a share of the
// rectangle on each side: a drag within it only shows another part of the same picture.
constexpr float kPictureMargin = 0.25f;

// The big map's picture for `camera`, drawn again only when something on it changed or the
// rectangle (`size` on screen) left the picture. Null when the GL cannot draw one.
MapCache::Big* bigPicture(const View& view, const core::DistrictMap& map, const core::MapCamera& camera, ImVec2 size,
                             float margin) {
    if (!view.mapCache) return nullptr;
    const float scale = ImGui::GetIO().DisplayFramebufferScale.x;
    MapCache::BigKey key{.shown = shownNow(view, map),
                            .palette = &palette(),
                            .font = fonts().body,
                            .em = em(),
                            .scale = scale,
                            .width = static_cast<int>(std::lround(size.x)),
                            .height = static_cast<int>(std::lround(size.y)),
                            .zoom = camera.zoom,
                            .language = view.language(),
                            .here = false,
                            .hereLatitude = 0,
                            .hereLongitude = 0};
    if (view.here) {
        key.here = true;
        key.hereLatitude = view.here->latitude;
        key.hereLongitude = view.here->longitude;
    }
    std::optional<MapCache::Big>& big = view.mapCache->big;
    if (big && big->key == key) {
        // The same picture, moved by the pans since it was drawn: usable while the rectangle is in it.
        const ImVec2 inner(size.x - 2 * margin, size.y - 2 * margin);
        const core::MapViewport drawn(map.bounds, big->camera, 0, 0, inner.x, inner.y);
        float x = 0, y = 0;
        drawn.toScreen(camera.centre, x, y);  // where the centre now is, in the picture as drawn
        const ImVec2 origin(std::round(big->drawnOrigin.x + x - inner.x * 0.5f),
                            std::round(big->drawnOrigin.y + y - inner.y * 0.5f));
        if (origin.x >= 0 && origin.y >= 0 && origin.x + size.x <= big->picture.width() / scale &&
            origin.y + size.y <= big->picture.height() / scale) {
            big->origin = origin;
            return &*big;
        }
    }
    // Drawn afresh: with a margin on each side when zoomed in (at zoom 1 the map cannot pan).
    const float share = camera.zoom > 1 ? kPictureMargin : 0.0f;
    const ImVec2 around(std::ceil(size.x * share), std::ceil(size.y * share));
    const ImVec2 pictureSize(std::ceil(size.x) + 2 * around.x, std::ceil(size.y) + 2 * around.y);
    const int width = static_cast<int>(pictureSize.x * scale), height = static_cast<int>(pictureSize.y * scale);
    std::optional<DrawnTexture> picture;
    if (big && big->picture.width() == width && big->picture.height() == height) picture = std::move(big->picture);
    else picture = DrawnTexture::make(width, height);
    big.reset();
    if (!picture) return nullptr;
    ImDrawList list = pictureList(pictureSize);
    const core::MapViewport viewport(map.bounds, camera, around.x + margin, around.y + margin, size.x - 2 * margin,
                                     size.y - 2 * margin);
    MapCache::Layout layout = drawMapContent(list, view, map, viewport);
    if (!picture->draw(list, ImVec2(0, 0), ImVec2(scale, scale), palette().surface)) return nullptr;
    big = MapCache::Big{key, camera, around, around, std::move(*picture), std::move(layout)};
    return &*big;
}

// The map itself in the rectangle at the cursor.
void drawCanvas(const View& view, const core::DistrictMap& map, ImVec2 area, Intents& out) {
    // On whole pixels, so that the picture is copied to the screen row for row.
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(std::round(cursor.x), std::round(cursor.y)));
    const ImVec2 size(std::floor(area.x), std::floor(area.y));
    const std::string& lang = view.language();
    const core::MapCamera camera = view.session.mapCamera.zoom <= 1.0
                                       ? core::MapCamera{map.bounds.centre(), 1}
                                       : view.session.mapCamera;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    const float margin = 0.5f * em();
    const core::MapViewport viewport(map.bounds, camera, min.x + margin, min.y + margin, size.x - 2 * margin,
                                     size.y - 2 * margin);

    ImGui::InvisibleButton("##map", size);
    const bool held = ImGui::IsItemActive();
    const bool released = ImGui::IsItemDeactivated();
    const ImGuiIO& io = ImGui::GetIO();
    const float threshold = io.MouseDragThreshold;
    const bool dragged = io.MouseDragMaxDistanceSqr[0] > threshold * threshold;

    // The picture of the map, drawn again only when it changed; else drawn here, frame by frame.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(min, max, true);
    MapCache::Layout direct;
    const MapCache::Layout* layout = &direct;
    ImVec2 offset(0, 0);  // from the layout's pixels to the screen's
    if (const MapCache::Big* big = bigPicture(view, map, camera, size, margin)) {
        const float scale = io.DisplayFramebufferScale.x;
        big->picture.show(*draw, min, max, ImVec2(big->origin.x * scale, big->origin.y * scale),
                          ImVec2((big->origin.x + size.x) * scale, (big->origin.y + size.y) * scale), 0.4f * em(),
                          palette().background);
        layout = &big->layout;
        offset = ImVec2(min.x - big->origin.x, min.y - big->origin.y);
    } else {
        draw->AddRectFilled(min, max, palette().surface, 0.4f * em());
        direct = drawMapContent(*draw, view, map, viewport);
    }
    auto moved = [&](ImVec2 p) { return ImVec2(p.x + offset.x, p.y + offset.y); };

    // What a replay script may tap or look for: the names, the single pins by their provider's name.
    const float radius = 0.8f * em();
    // The target of a place is its area, not its name; a pin's is the pin.
    for (const auto& name : layout->names) noteTappableText(name.place->name, moved(name.min), moved(name.max), false);
    for (const auto& group : layout->groups)
        if (group.members.size() == 1)
            noteTappableText(view.catalog.text(*layout->shown[group.members.front()], core::ProviderText::Name, lang),
                             moved(ImVec2(group.x - radius, group.y - radius)), moved(ImVec2(group.x + radius, group.y + radius)), true);
    if (!layout->hereLabel.empty()) noteVisibleText(layout->hereLabel, moved(layout->hereMin), moved(layout->hereMax));
    draw->PopClipRect();

    // Touch: a drag pans, a double tap zooms in there, a tap picks a pin or else a place.
    if (held && dragged && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0))
        out.push_back(core::intent::MoveMap{
            core::panned(camera, map.bounds, io.MouseDelta.x, io.MouseDelta.y, viewport.pixelsPerKm())});
    // Two quick swipes from one spot are no double tap: the first press must have been a tap.
    ImGuiStorage& gestures = *ImGui::GetStateStorage();
    const ImGuiID lastWasDrag = ImGui::GetID("##map-last-was-drag");
    const bool afterDrag = gestures.GetBool(lastWasDrag);
    if (released) gestures.SetBool(lastWasDrag, dragged);
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !afterDrag) {
        out.push_back(core::intent::MoveMap{
            core::zoomed(camera, map.bounds, 2, viewport.toPlane(io.MousePos.x, io.MousePos.y))});
        return;
    }
    if (!released || dragged) return;
    // What is on top wins: a pin, else a place name, else the place under the finger.
    const ImVec2 tap(io.MousePos.x - offset.x, io.MousePos.y - offset.y);  // in the layout's pixels
    const core::PinGroup* nearest = nullptr;
    float best = radius * radius;
    for (const auto& group : layout->groups) {
        const float d = (group.x - tap.x) * (group.x - tap.x) + (group.y - tap.y) * (group.y - tap.y);
        if (d <= best) {
            best = d;
            nearest = &group;
        }
    }
    const core::Municipality* place = nullptr;
    for (const auto& name : layout->names)
        if (tap.x >= name.min.x && tap.x <= name.max.x && tap.y >= name.min.y && tap.y <= name.max.y)
            place = name.place;
    if (!place) place = core::municipalityAt(map, viewport.toPlane(io.MousePos.x, io.MousePos.y));
    // A pin opens its provider, or on the map of actors shows its card beside the map.
    auto pick = [&](const core::Provider* provider) {
        if (actorsMap(view)) out.push_back(core::intent::SelectActor{provider->id});
        else out.push_back(core::intent::OpenProvider{provider->id});
    };
    if (nearest && nearest->members.size() == 1) {
        pick(layout->shown[nearest->members.front()]);
    } else if (nearest && camera.zoom < core::kMaxZoom) {  // several: closer, so they come apart
        const ImVec2 at = moved(ImVec2(nearest->x, nearest->y));
        out.push_back(core::intent::MoveMap{core::zoomed(camera, map.bounds, 2, viewport.toPlane(at.x, at.y))});
    } else if (nearest) {
        pick(layout->shown[nearest->members.front()]);
    } else if (place && !actorsMap(view)) {
        out.push_back(core::intent::SelectPlace{place->name});
    }
}

// The offers of the providers in the tapped place that pass the filters.
std::vector<const core::Offer*> findPlaceOffers(const View& view, const core::DistrictMap& map) {
    std::vector<const core::Offer*> offers;
    const ProviderSet withOffers = providersWithOffers(view);
    for (const auto& provider : view.catalog.providers) {
        if (!shows(view, withOffers, provider)) continue;
        const core::Municipality* place = core::municipalityOf(map, provider);
        if (!place || place->name != view.session.mapPlace) continue;
        for (const core::Offer* offer : view.catalog.offersOf(provider.id))
            if (showsOffer(view, *offer)) offers.push_back(offer);
    }
    return offers;
}

// The same, found again only when the place, the filters or the content changed.
const std::vector<const core::Offer*>& placeOffers(const View& view, const core::DistrictMap& map) {
    MapCache::Shown key = shownNow(view, map);
    std::optional<MapCache::PlaceOffers>& kept = view.mapCache->placeOffers;
    if (!kept || kept->key != key) kept = MapCache::PlaceOffers{std::move(key), findPlaceOffers(view, map)};
    return kept->offers;
}

// Beside the map: filters, zoom and the offers of the tapped place.
void drawPanel(const View& view, const core::DistrictMap& map, Intents& out) {
    const std::string& lang = view.language();
    const core::ScreenRef& screen = view.session.current();
    const core::MapCamera camera = view.session.mapCamera.zoom <= 1.0 ? core::MapCamera{map.bounds.centre(), 1}
                                                                       : view.session.mapCamera;
    screenListen(view, "map", out);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    {
        Row row;  // "+" first: on the left, or on the right for a right-to-left reader
        if (row.button(icon("plus") + " " + tr("map.zoom_in", lang), ImVec2(half, 2.6f * em())))
            out.push_back(core::intent::MoveMap{core::zoomed(camera, map.bounds, 2, camera.centre)});
        if (row.button(icon("minus") + " " + tr("map.zoom_out", lang), ImVec2(half, 2.6f * em())))
            out.push_back(core::intent::MoveMap{core::zoomed(camera, map.bounds, 0.5, camera.centre)});
    }
    const bool openNow = view.session.mapOpenNow;
    if (bigButton(icon(openNow ? "check" : "clock") + " " + tr("map.open_now", lang),
                  ImVec2(ImGui::GetContentRegionAvail().x, 0), openNow ? Look::Selected : Look::Secondary))
        out.push_back(core::intent::ToggleOpenNow{});
    if (const core::LifeStage* stage = view.catalog.lifeStage(screen.target)) {
        std::string filter = stage->title.get(lang);
        if (const core::Topic* topic = view.catalog.topic(screen.topic)) filter += " · " + topic->title.get(lang);
        mutedText(tr("map.filter", lang) + " " + filter);
    }
    ImGui::Spacing();

    beginScrollArea("##place", ImVec2(0, 0));
    if (view.session.mapPlace.empty()) {
        paragraph(tr("map.hint", lang));
    } else {
        headingText(icon("map-marker") + " " + view.session.mapPlace);
        std::vector<const core::Offer*> found;  // when nothing is kept across frames
        const std::vector<const core::Offer*>& offers =
            view.mapCache ? placeOffers(view, map) : (found = findPlaceOffers(view, map));
        if (offers.empty()) paragraph(tr("map.place_empty", lang));
        else
            mutedText(countText("stage.count", lang, offers.size()));
        const int tapped = cardList("place/" + view.session.mapPlace + "/" + lang, offers.size(), [&](size_t i) {
            const core::Offer* offer = offers[i];
            CardText text{offer->id, view.catalog.text(*offer, core::OfferText::Title, lang),
                          {view.catalog.text(*offer, core::OfferText::Summary, lang)}};
            // Whether it is open now, in words (unknown hours are said as such, never as open).
            const core::Provider* provider = view.catalog.provider(offer->providerId);
            if (provider && provider->hours) {
                bool open = false;
                const std::string status = openingStatusText(*provider->hours, view.now, view.kiosk.holidays, lang, &open);
                text.lines.push_back(icon(open ? "check" : "clock") + " " + status);
            }
            return text;
        });
        if (tapped >= 0) out.push_back(core::intent::OpenOffer{offers[static_cast<size_t>(tapped)]->id});
    }
    endScrollArea();
}

}  // namespace

void miniMap(const View& view, const core::Provider& provider, float width) {
    if (view.map && provider.location) districtPicture(*view.map, view.mapCache, provider.location, width);
}

core::MapViewport districtPicture(const core::DistrictMap& map, MapCache* pictures, std::optional<core::GeoPoint> pin,
                                  float width) {
    const double aspect = (map.bounds.max.y - map.bounds.min.y) / (map.bounds.max.x - map.bounds.min.x);
    // On whole pixels, so that the picture is copied to the screen row for row.
    const ImVec2 size(std::floor(width), std::floor(std::min(static_cast<float>(width * aspect) + em(), 11.0f * em())));
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    const ImVec2 min(std::round(cursor.x), std::round(cursor.y));
    ImGui::SetCursorScreenPos(min);
    const ImVec2 max(min.x + size.x, min.y + size.y);
    // The land and the outline, the same in every mini map of this size: one picture for all of them.
    auto viewportAt = [&](ImVec2 at) {
        return core::MapViewport(map.bounds, {map.bounds.centre(), 1}, at.x + 0.3f * em(), at.y + 0.3f * em(),
                                 size.x - 0.6f * em(), size.y - 0.6f * em());
    };
    auto drawLand = [&](ImDrawList& draw, const core::MapViewport& viewport) {
        fillLand(draw, map, viewport, {});
        drawOutline(draw, map, viewport, std::max(1.5f, 0.08f * em()));
    };
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float scale = ImGui::GetIO().DisplayFramebufferScale.x;
    const MapCache::MiniKey key{&map, &palette(), em(), scale, static_cast<int>(std::ceil(size.x)),
                                static_cast<int>(std::ceil(size.y))};
    if (pictures && (!pictures->mini || pictures->mini->key != key)) {
        pictures->mini.reset();
        const ImVec2 pictureSize(static_cast<float>(key.width), static_cast<float>(key.height));
        if (auto picture = DrawnTexture::make(static_cast<int>(pictureSize.x * scale), static_cast<int>(pictureSize.y * scale))) {
            ImDrawList list = pictureList(pictureSize);
            drawLand(list, viewportAt(ImVec2(0, 0)));
            if (picture->draw(list, ImVec2(0, 0), ImVec2(scale, scale), palette().surface))
                pictures->mini = MapCache::Mini{key, std::move(*picture)};
        }
    }
    if (pictures && pictures->mini) {
        pictures->mini->picture.show(*draw, min, max, ImVec2(0, 0), ImVec2(size.x * scale, size.y * scale), 0.4f * em(),
                                     palette().background);
    } else {
        draw->AddRectFilled(min, max, palette().surface, 0.4f * em());
        drawLand(*draw, viewportAt(min));
    }
    if (pin) {
        ImVec2 at;
        viewportAt(min).toScreen(map.projection.project(*pin), at.x, at.y);
        drawPin(draw, at, 0.6f * em(), palette().primary, icon("map-marker"));
    }
    ImGui::Dummy(size);
    mutedText(kMapAttribution);
    return viewportAt(min);
}

void drawMap(const View& view, Intents& out) { drawMapScreen(view, out, drawPanel); }

void drawMapScreen(const View& view, Intents& out, MapPanel panelOf) {
    const std::string& lang = view.language();
    if (!view.map) {
        titleText(icon("map") + " " + tr("map.title", lang));
        paragraph(tr("map.unavailable", lang));
        return;
    }
    const ImVec2 area = ImGui::GetContentRegionAvail();
    const float attribution = ImGui::GetTextLineHeightWithSpacing();
    const bool portrait = view.portrait();
    const float panel = portrait ? 0 : std::min(18.0f * em(), area.x * 0.32f);
    const ImVec2 mapSize(portrait ? area.x : area.x - panel - em(),
                         (portrait ? area.y * 0.62f : area.y) - attribution);
    auto canvas = [&] {
        ImGui::BeginGroup();
        drawCanvas(view, *view.map, mapSize, out);
        mutedText(kMapAttribution);
        ImGui::EndGroup();
    };
    auto beside = [&](float width) {
        ImGui::BeginChild("##mappanel", ImVec2(width, 0));
        panelOf(view, *view.map, out);
        ImGui::EndChild();
    };
    if (portrait) {
        canvas();
        beside(0);
    } else if (rightToLeft()) {  // mirrored: the map on the right, its panel on the left
        beside(panel);
        ImGui::SameLine(0, em());
        canvas();
    } else {
        canvas();
        ImGui::SameLine(0, em());
        beside(0);
    }
}

}  // namespace kiosk::ui
