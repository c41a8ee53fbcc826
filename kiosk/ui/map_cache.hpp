// What the map screen keeps across frames while it stays the same (screens/map.cpp fills and uses
// it): the district map drawn into textures, and the offers of the tapped place. It is what makes a
// map frame cheap on a software GL.
#pragma once

#include "kiosk/core/district_map.hpp"
#include "kiosk/ui/texture.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::ui {

struct Palette;

class MapCache {
public:
    // What decides which providers show (as pins) and which offers (in the tapped place's list):
    // the content, the map, the tapped place and the filters.
    struct Shown {
        const core::Catalog* catalog = nullptr;
        const core::DistrictMap* map = nullptr;
        std::string place, lifeStage, topic;
        bool openNow = false;
        bool actors = false;  // the map of actors: the network's members of the field `topic`
        core::Date date;  // with openNow: the minute that the providers are open at
        int minuteOfDay = -1;
        friend bool operator==(const Shown&, const Shown&) = default;
    };
    // Everything a picture of the big map depends on, besides where its camera is: a pan within
    // the picture's margin only shows another part of it.
    struct BigKey {
        Shown shown;
        const Palette* palette = nullptr;
        const ImFont* font = nullptr;
        float em = 0, scale = 0;
        int width = 0, height = 0;  // the map's rectangle on screen, in pixels
        double zoom = 0;
        std::string language;
        bool here = false;
        double hereLatitude = 0, hereLongitude = 0;
        friend bool operator==(const BigKey&, const BigKey&) = default;
    };
    // Where a drawing of the big map put what can be tapped, in pixels of its picture.
    struct PlaceName {
        const core::Municipality* place;
        ImVec2 min, max;
    };
    struct Layout {
        std::vector<PlaceName> names;
        std::vector<const core::Provider*> shown;  // the pins' providers
        std::vector<core::PinGroup> groups;        // the pins as drawn, members index `shown`
        std::string hereLabel;
        ImVec2 hereMin, hereMax;
    };
    struct Big {
        BigKey key;
        core::MapCamera camera;  // drawn for this camera, with a margin around the screen's rectangle
        ImVec2 drawnOrigin;      // where the rectangle's top left corner was in the picture then
        ImVec2 origin;           // and where it is now, after the pans since (whole pixels)
        DrawnTexture picture;
        Layout layout;
    };
    struct MiniKey {
        const core::DistrictMap* map = nullptr;
        const Palette* palette = nullptr;
        float em = 0, scale = 0;
        int width = 0, height = 0;
        friend bool operator==(const MiniKey&, const MiniKey&) = default;
    };
    struct Mini {  // the mini maps' land and outline; each draws its pin on top
        MiniKey key;
        DrawnTexture picture;
    };

    // The offers the panel lists for the tapped place. Finding them tests every provider's
    // position against the place's outline, which with 2,000 providers took 2 ms of each frame
    // while a finger panned.
    struct PlaceOffers {
        Shown key;
        std::vector<const core::Offer*> offers;
    };

    std::optional<Big> big;
    std::optional<Mini> mini;
    std::optional<PlaceOffers> placeOffers;

    // Drops the pictures and the place's offers: before the GL context goes, and when the
    // content changes.
    void clear() {
        big.reset();
        mini.reset();
        placeOffers.reset();
    }
};

}  // namespace kiosk::ui
