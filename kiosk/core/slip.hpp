// The referral slip a family takes home: what is printed, already in the family's language
// (with the provider's name and address also in German, to show at the counter). Pure data:
// the platform renders it (PDF for office printers, a 1-bit raster for receipt printers).
#pragma once

#include <string>
#include <vector>

namespace kiosk::core {

struct SlipEntry {  // one chosen offer
    std::string title;           // in the family's language
    std::string summary;         // in the family's language
    std::string provider;        // the provider's name in the family's language
    std::string providerGerman;  // the same in German (empty when equal)
    std::string address;         // street, postal code and municipality, as on the door
    std::string phone;
    std::string hours;           // opening hours as lines of text ("Mo, Di, Fr 08:00–12:00\n...")
    std::string url;             // details URL, also printed as a QR code
};

struct SlipLabels {  // the slip's own words, in the family's language
    std::string heading;   // "Ihre Hilfe-Liste"
    std::string phone;     // "Telefon"
    std::string hours;     // "Öffnungszeiten"
    std::string scanHint;  // "Mit dem Handy scannen: mehr Infos"
    std::string footer;    // "Präventionsnetzwerk gegen Kinderarmut im Landkreis Esslingen"
    std::string askNetwork;  // "Fragen? Die Geschäftsstelle … hilft weiter: 0711 …" (the office, nothing personal); may be empty
};

struct Slip {
    std::string kioskName;  // "Landratsamt Esslingen, Foyer"
    std::string date;       // "26.11.2026"
    std::string language;   // BCP 47 code of the family's language ("ar" is right to left)
    SlipLabels labels;
    std::vector<SlipEntry> entries;
};

}  // namespace kiosk::core
