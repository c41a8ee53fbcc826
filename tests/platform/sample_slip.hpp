// Slips for the printing tests: German offers of the kind the sample content has, each with its
// own phone number and details link, and an Arabic one.
#pragma once

#include "kiosk/core/slip.hpp"

#include <string>

namespace kiosk::test {

inline core::SlipLabels germanLabels() {
    return {"Ihre Hilfe-Liste", "Telefon", "Öffnungszeiten", "Mit dem Handy scannen: mehr Infos",
            "Präventionsnetzwerk gegen Kinderarmut im Landkreis Esslingen",
            "Fragen? Die Geschäftsstelle des Präventionsnetzwerks hilft weiter: 0711 3902-42650"};
}

// Entry `i` (from 0): title "Angebot <i+1> …", phone "0711 3902-<i+1>0", link ".../angebot-<i+1>…".
inline core::SlipEntry germanEntry(int i) {
    static const char* const kTitles[] = {"Schwangerschaftsberatung", "Frühe Hilfen: Willkommensbesuch",
                                          "Kinderzuschlag beantragen", "Bildung und Teilhabe",
                                          "Sprachförderung in der Kita", "Eltern-Kind-Gruppe"};
    const std::string n = std::to_string(i + 1);
    core::SlipEntry entry;
    entry.title = "Angebot " + n + ": " + kTitles[i % 6];
    entry.summary = "Vertrauliche und kostenlose Beratung für Familien, auch in Ihrer Sprache. Wir helfen beim "
                    "Ausfüllen der Anträge und begleiten Sie zu Terminen.";
    entry.provider = "Beratungsstelle " + n + " der Diakonie";
    entry.providerGerman = i % 2 == 0 ? "" : "Psychologische Beratungsstelle " + n;
    entry.address = "Berliner Straße " + n + ", 73728 Esslingen am Neckar";
    entry.phone = "0711 3902-" + n + "0";
    entry.hours = "Mo, Di, Do 08:00–12:00\nMi 14:00–18:00\nFr nach Vereinbarung";
    entry.url = "https://familienkiosk.example/angebote/angebot-" + n + "?lang=de&src=kiosk";
    return entry;
}

inline core::Slip germanSlip(int entries) {
    core::Slip slip;
    slip.kioskName = "Landratsamt Esslingen, Foyer";
    slip.date = "26.11.2026";
    slip.language = "de";
    slip.labels = germanLabels();
    for (int i = 0; i < entries; ++i) slip.entries.push_back(germanEntry(i));
    return slip;
}

inline const std::string kArabicTitle = "مساعدة للعائلات";  // "help for families"

inline core::Slip arabicSlip() {
    core::Slip slip;
    slip.kioskName = "Landratsamt Esslingen, Foyer";
    slip.date = "26.11.2026";
    slip.language = "ar";
    slip.labels = {"قائمة المساعدة الخاصة بك", "الهاتف", "أوقات العمل", "امسح بالهاتف: مزيد من المعلومات",
                   "شبكة الوقاية من فقر الأطفال في مقاطعة إسلينغن", "هل لديك أسئلة؟ مكتب شبكة الوقاية يساعدك: 0711 3902-42650"};
    core::SlipEntry entry;
    entry.title = kArabicTitle;
    entry.summary = "استشارة مجانية وسرية للعائلات.";
    entry.provider = "مركز الاستشارة";
    entry.providerGerman = "Beratungsstelle der Diakonie";
    entry.address = "Berliner Straße 27, 73728 Esslingen am Neckar";
    entry.phone = "0711 3902-0";
    entry.hours = "الاثنين – الجمعة 08:00–12:00";
    entry.url = "https://familienkiosk.example/angebote/familienhilfe?lang=ar";
    slip.entries.push_back(entry);
    return slip;
}

}  // namespace kiosk::test
