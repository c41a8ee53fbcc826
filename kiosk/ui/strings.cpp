// The UI string table. (Issue "six languages" moves it to gettext .po files under assets/.)
#include "kiosk/ui/strings.hpp"

#include <map>
#include <utility>

namespace kiosk::ui {
namespace {

using Table = std::map<std::string, std::map<std::string, std::string>, std::less<>>;

const Table& table() {
    static const Table strings = {
        {"audio.listen", {{"de", "Anhören"}, {"en", "Listen"}}},
        {"audio.stop", {{"de", "Stopp"}, {"en", "Stop"}}},
        {"audio.quieter", {{"de", "Leiser"}, {"en", "Quieter"}}},
        {"audio.louder", {{"de", "Lauter"}, {"en", "Louder"}}},
        {"audio.unavailable", {{"de", "Ton ist gerade nicht verfügbar"}, {"en", "Sound is not available right now"}}},
        {"list.button", {{"de", "Meine Liste"}, {"en", "My list"}}},
        {"list.title", {{"de", "Meine Liste"}, {"en", "My list"}}},
        {"list.add", {{"de", "Auf meine Liste"}, {"en", "Add to my list"}}},
        {"list.remove_this", {{"de", "Von meiner Liste nehmen"}, {"en", "Take off my list"}}},
        {"list.remove", {{"de", "Entfernen"}, {"en", "Remove"}}},
        {"list.empty",
         {{"de", "Ihre Liste ist leer. Tippen Sie bei einem Angebot auf „Auf meine Liste“."},
          {"en", "Your list is empty. Tap “Add to my list” on an offer."}}},
        {"list.intro",
         {{"de", "Nehmen Sie diese Angebote mit: als Zettel zum Mitnehmen oder als QR-Code für Ihr Handy."},
          {"en", "Take these offers with you: as a printed slip or as QR codes for your phone."}}},
        {"list.print", {{"de", "Zettel drucken"}, {"en", "Print a slip"}}},
        {"list.show_qr", {{"de", "QR-Codes zeigen"}, {"en", "Show QR codes"}}},
        {"list.qr_title", {{"de", "Fotografieren Sie die Codes mit Ihrem Handy"}, {"en", "Take a photo of each code with your phone"}}},
        {"print.printing", {{"de", "Wird gedruckt …"}, {"en", "Printing …"}}},
        {"print.done", {{"de", "Fertig – bitte nehmen Sie Ihren Zettel."}, {"en", "Done – please take your slip."}}},
        {"print.no_printer",
         {{"de", "Der Drucker ist nicht erreichbar. Bitte fragen Sie am Empfang."},
          {"en", "The printer cannot be reached. Please ask at the reception desk."}}},
        {"print.paused",
         {{"de", "Der Drucker ist gerade angehalten. Bitte fragen Sie am Empfang."},
          {"en", "The printer is paused. Please ask at the reception desk."}}},
        {"print.out_of_paper",
         {{"de", "Der Drucker hat kein Papier mehr. Bitte fragen Sie am Empfang."},
          {"en", "The printer is out of paper. Please ask at the reception desk."}}},
        {"print.failed",
         {{"de", "Das Drucken hat nicht geklappt. Bitte fragen Sie am Empfang – Ihre Liste bleibt erhalten."},
          {"en", "Printing did not work. Please ask at the reception desk – your list is kept."}}},
        {"slip.heading", {{"de", "Ihre Hilfe-Liste"}, {"en", "Your list of help"}}},
        {"slip.phone", {{"de", "Telefon"}, {"en", "Phone"}}},
        {"slip.hours", {{"de", "Öffnungszeiten"}, {"en", "Opening hours"}}},
        {"slip.scan", {{"de", "Mit dem Handy scannen: mehr Infos"}, {"en", "Scan with your phone: more information"}}},
        {"slip.footer",
         {{"de", "Präventionsnetzwerk gegen Kinderarmut im Landkreis Esslingen"},
          {"en", "Prevention network against child poverty in the district of Esslingen"}}},
        {"update.title", {{"de", "Einen Moment bitte"}, {"en", "One moment, please"}}},
        {"update.body",
         {{"de", "Die Inhalte des Kiosks werden gerade aktualisiert. Gleich geht es weiter."},
          {"en", "The kiosk's content is being updated. It will be back in a moment."}}},
        {"update.done", {{"de", "Neue Inhalte übernommen"}, {"en", "New content is in use"}}},
        {"update.done_body",
         {{"de", "Version {} vom {}, mit {} Angeboten."}, {"en", "Version {} of {}, with {} offers."}}},
        {"update.failed", {{"de", "Inhalte nicht übernommen"}, {"en", "Content not taken"}}},
        {"update.kept",
         {{"de", "Der Kiosk zeigt weiter die bisherigen Inhalte."},
          {"en", "The kiosk goes on showing the content it had."}}},
        {"update.remove_stick",
         {{"de", "Sie können den USB-Stick jetzt abziehen."}, {"en", "You can remove the USB stick now."}}},
        {"update.what_to_do",
         {{"de", "Bitte geben Sie den Stick der Person, die die Inhalte des Netzwerks pflegt, mit dem Grund unten."},
          {"en", "Please give the stick to whoever looks after the network's content, with the reason below."}}},
        {"update.reason", {{"de", "Grund:"}, {"en", "Reason:"}}},
        {"update.tap", {{"de", "Zum Weitermachen bitte tippen."}, {"en", "Tap to go on."}}},
        {"app.title", {{"de", "Familienkiosk"}, {"en", "Family kiosk"}}},
        {"attract.title", {{"de", "Hilfe für Familien"}, {"en", "Help for families"}}},
        {"attract.touch", {{"de", "Bitte berühren Sie den Bildschirm"}, {"en", "Please touch the screen"}}},
        {"attract.subtitle",
         {{"de", "Beratung, Geld, Gesundheit und mehr – kostenlos und in Ihrer Nähe"},
          {"en", "Counselling, money, health and more – free and close to you"}}},
        {"home.question", {{"de", "Wie alt ist Ihr Kind?"}, {"en", "How old is your child?"}}},
        {"home.intro",
         {{"de", "Tippen Sie auf ein Bild. Sie finden Hilfe und Angebote im Landkreis Esslingen."},
          {"en", "Tap a picture. You will find help and offers in the district of Esslingen."}}},
        {"nav.back", {{"de", "Zurück"}, {"en", "Back"}}},
        {"nav.home", {{"de", "Start"}, {"en", "Home"}}},
        {"nav.about", {{"de", "Über uns"}, {"en", "About"}}},
        {"nav.emergency", {{"de", "Hilfe sofort"}, {"en", "Urgent help"}}},
        {"emergency.short", {{"de", "Telefone, die sofort helfen"}, {"en", "Phone lines that help right away"}}},
        {"emergency.title", {{"de", "Hilfe sofort"}, {"en", "Urgent help"}}},
        {"emergency.intro",
         {{"de", "Bei Lebensgefahr rufen Sie 112. Diese Telefone helfen kostenlos und anonym."},
          {"en", "If a life is in danger, call 112. These phone lines help free of charge and anonymously."}}},
        {"stage.all_topics", {{"de", "Alle Themen"}, {"en", "All topics"}}},
        {"stage.count", {{"de", "{} Angebote"}, {"en", "{} offers"}}},
        {"stage.count_one", {{"de", "1 Angebot"}, {"en", "1 offer"}}},
        {"stage.empty",
         {{"de", "Zu diesem Thema gibt es hier noch kein Angebot."},
          {"en", "There is no offer on this topic here yet."}}},
        {"hours.open_until", {{"de", "Jetzt geöffnet – bis {}"}, {"en", "Open now – until {}"}}},
        {"hours.opens_today", {{"de", "Jetzt geschlossen – öffnet heute um {}"}, {"en", "Closed now – opens today at {}"}}},
        {"hours.opens_tomorrow",
         {{"de", "Heute geschlossen – öffnet morgen um {}"}, {"en", "Closed today – opens tomorrow at {}"}}},
        {"hours.opens_on", {{"de", "Heute geschlossen – öffnet {} um {}"}, {"en", "Closed today – opens {} at {}"}}},
        {"hours.unknown", {{"de", "Zeiten nach Vereinbarung"}, {"en", "Times by appointment"}}},
        {"hours.always", {{"de", "Rund um die Uhr erreichbar"}, {"en", "Available day and night"}}},
        {"hours.closed", {{"de", "geschlossen"}, {"en", "closed"}}},
        {"hours.holidays_closed", {{"de", "An Feiertagen geschlossen"}, {"en", "Closed on public holidays"}}},
        {"day.0", {{"de", "Montag"}, {"en", "Monday"}}},
        {"day.1", {{"de", "Dienstag"}, {"en", "Tuesday"}}},
        {"day.2", {{"de", "Mittwoch"}, {"en", "Wednesday"}}},
        {"day.3", {{"de", "Donnerstag"}, {"en", "Thursday"}}},
        {"day.4", {{"de", "Freitag"}, {"en", "Friday"}}},
        {"day.5", {{"de", "Samstag"}, {"en", "Saturday"}}},
        {"day.6", {{"de", "Sonntag"}, {"en", "Sunday"}}},
        {"offer.cost", {{"de", "Kosten"}, {"en", "Cost"}}},
        {"offer.eligibility", {{"de", "Für wen?"}, {"en", "Who can use it?"}}},
        {"offer.languages", {{"de", "Sprachen"}, {"en", "Languages"}}},
        {"offer.provider", {{"de", "Wer hilft?"}, {"en", "Who helps?"}}},
        {"offer.qr_link", {{"de", "Mehr Infos auf Ihr Handy"}, {"en", "More on your phone"}}},
        {"offer.qr_contact", {{"de", "Kontakt speichern"}, {"en", "Save the contact"}}},
        {"offer.qr_hint",
         {{"de", "Mit der Handy-Kamera scannen – ohne Anmeldung."},
          {"en", "Scan with your phone camera – no sign-up."}}},
        {"offer.show_provider", {{"de", "Mehr über diese Stelle"}, {"en", "More about this place"}}},
        {"provider.phone", {{"de", "Telefon"}, {"en", "Phone"}}},
        {"provider.email", {{"de", "E-Mail"}, {"en", "Email"}}},
        {"provider.website", {{"de", "Internet"}, {"en", "Website"}}},
        {"provider.address", {{"de", "Adresse"}, {"en", "Address"}}},
        {"provider.hours", {{"de", "Öffnungszeiten"}, {"en", "Opening hours"}}},
        {"provider.accessibility", {{"de", "Barrierefreiheit"}, {"en", "Accessibility"}}},
        {"provider.national", {{"de", "Bundesweit erreichbar"}, {"en", "Available nationwide"}}},
        {"provider.offers", {{"de", "Angebote dieser Stelle"}, {"en", "Offers from this place"}}},
        {"sample.tag", {{"de", "Beispieldaten"}, {"en", "Sample data"}}},
        {"about.title", {{"de", "Über diesen Kiosk"}, {"en", "About this kiosk"}}},
        {"about.sample",
         {{"de",
           "Dieser Kiosk zeigt Beispieldaten. Namen, Adressen und Telefonnummern vor Ort sind zum Teil erfunden "
           "und als Beispiel markiert. Die bundesweiten Hilfetelefone sind echt."},
          {"en",
           "This kiosk shows sample data. Some local names, addresses and phone numbers are made up and marked as "
           "sample. The nationwide helplines are real."}}},
        {"about.service_hours", {{"de", "Servicezeiten"}, {"en", "Service hours"}}},
        {"about.kiosk", {{"de", "Kiosk"}, {"en", "Kiosk"}}},
        {"about.content", {{"de", "Inhalte vom {}"}, {"en", "Content of {}"}}},
        {"about.privacy",
         {{"de", "Dieser Kiosk speichert nichts über Sie. Wenn niemand tippt, beginnt er von vorn."},
          {"en", "This kiosk stores nothing about you. When nobody taps, it starts again from the beginning."}}},
        {"idle.title", {{"de", "Sind Sie noch da?"}, {"en", "Are you still there?"}}},
        {"idle.body",
         {{"de", "In {} Sekunden beginnt der Kiosk von vorn. Ihre Auswahl wird gelöscht."},
          {"en", "In {} seconds the kiosk starts again. Your choices will be cleared."}}},
        {"idle.continue", {{"de", "Ja, weiter"}, {"en", "Yes, continue"}}},
        {"notready.title",
         {{"de", "Dieser Kiosk wird gerade eingerichtet."}, {"en", "This kiosk is being set up."}}},
        {"notready.body", {{"de", "Bitte fragen Sie am Empfang."}, {"en", "Please ask at the reception desk."}}},
        // Staff mode (receptionists; German first, the kiosk's configured language)
        {"staff.title", {{"de", "Personal-Bereich"}, {"en", "Staff mode"}}},
        {"staff.pin_prompt", {{"de", "Bitte PIN eingeben"}, {"en", "Please enter the PIN"}}},
        {"staff.pin_wrong",
         {{"de", "Falsche PIN. Noch {} Versuche, dann wird gesperrt."},
          {"en", "Wrong PIN. {} more tries, then the pad locks."}}},
        {"staff.pin_locked", {{"de", "Zu viele falsche PINs: gesperrt"}, {"en", "Too many wrong PINs: locked"}}},
        {"staff.pin_locked_minutes",
         {{"de", "Bitte in {} Minuten wieder versuchen."}, {"en", "Please try again in {} minutes."}}},
        {"staff.no_pin", {{"de", "Für diesen Kiosk ist keine PIN eingerichtet."}, {"en", "This kiosk has no staff PIN yet."}}},
        {"staff.no_pin_how",
         {{"de", "Die Administration richtet sie mit „familienkiosk --set-pin“ ein."},
          {"en", "An administrator sets it with “familienkiosk --set-pin”."}}},
        {"staff.erase", {{"de", "Löschen"}, {"en", "Erase"}}},
        {"staff.ok", {{"de", "OK"}, {"en", "OK"}}},
        {"staff.cancel", {{"de", "Abbrechen"}, {"en", "Cancel"}}},
        {"staff.closes_itself",
         {{"de", "Schließt sich nach zwei Minuten ohne Berührung von selbst."},
          {"en", "Closes itself after two minutes without a touch."}}},
        {"staff.status", {{"de", "Zustand"}, {"en", "Status"}}},
        {"staff.kiosk", {{"de", "Kiosk und Software"}, {"en", "Kiosk and software"}}},
        {"staff.content", {{"de", "Inhalte"}, {"en", "Content"}}},
        {"staff.content_version", {{"de", "Version {} vom {}"}, {"en", "Version {} of {}"}}},
        {"staff.content_builtin", {{"de", "Mitgelieferte Inhalte vom {}"}, {"en", "Built-in content of {}"}}},
        {"staff.history", {{"de", "Bisherige Inhalte"}, {"en", "Content history"}}},
        {"staff.keys", {{"de", "Vertrauenswürdige Schlüssel"}, {"en", "Trusted keys"}}},
        {"staff.no_keys", {{"de", "Keine – Inhalte vom USB-Stick werden abgelehnt"}, {"en", "None – content from USB sticks is refused"}}},
        {"staff.printer", {{"de", "Drucker"}, {"en", "Printer"}}},
        {"staff.printer_none", {{"de", "Kein Drucker eingerichtet"}, {"en", "No printer set up"}}},
        {"staff.printer_ready", {{"de", "Bereit"}, {"en", "Ready"}}},
        {"staff.printer.no-printer", {{"de", "Drucker nicht gefunden"}, {"en", "Printer not found"}}},
        {"staff.printer.paused", {{"de", "Drucker angehalten"}, {"en", "Printer paused"}}},
        {"staff.printer.rejecting", {{"de", "Drucker nimmt keine Aufträge an"}, {"en", "Printer refuses jobs"}}},
        {"staff.printer.out-of-paper", {{"de", "Kein Papier"}, {"en", "Out of paper"}}},
        {"staff.printer.offline", {{"de", "Drucker aus oder nicht verbunden"}, {"en", "Printer off or not connected"}}},
        {"staff.printer.failed", {{"de", "Druckdienst nicht erreichbar"}, {"en", "Print service not reachable"}}},
        {"staff.printer.timed-out", {{"de", "Drucker antwortet nicht"}, {"en", "Printer does not answer"}}},
        {"staff.sound", {{"de", "Ton"}, {"en", "Sound"}}},
        {"staff.sound_ok", {{"de", "Bereit"}, {"en", "Ready"}}},
        {"staff.sound_none", {{"de", "Kein Tongerät – der Kiosk bleibt stumm"}, {"en", "No sound device – the kiosk stays silent"}}},
        {"staff.disk", {{"de", "Freier Speicher"}, {"en", "Free disk space"}}},
        {"staff.uptime", {{"de", "Läuft seit"}, {"en", "Running for"}}},
        {"staff.errors", {{"de", "Letzte Fehler"}, {"en", "Last errors"}}},
        {"staff.no_errors", {{"de", "Keine"}, {"en", "None"}}},
        {"staff.none", {{"de", "Keine"}, {"en", "None"}}},
        {"staff.close", {{"de", "Schließen"}, {"en", "Close"}}},
        {"staff.restart", {{"de", "Kiosk neu starten"}, {"en", "Restart the kiosk"}}},
        {"staff.reload", {{"de", "Inhalte neu laden"}, {"en", "Reload the content"}}},
        {"staff.import", {{"de", "Inhalte vom USB-Stick holen"}, {"en", "Import from the USB stick"}}},
        {"staff.rollback", {{"de", "Vorherige Inhalte zurückholen"}, {"en", "Back to the previous content"}}},
        {"staff.test_sound", {{"de", "Ton testen"}, {"en", "Test the sound"}}},
        {"staff.test_print", {{"de", "Testzettel drucken"}, {"en", "Print a test slip"}}},
        {"staff.export", {{"de", "Statistik auf USB-Stick speichern"}, {"en", "Save statistics to the USB stick"}}},
        {"staff.insert_stick",
         {{"de", "Für Import und Statistik bitte einen USB-Stick einstecken."},
          {"en", "Insert a USB stick to import content or save statistics."}}},
        {"staff.display_off", {{"de", "Bildschirm aus (bis zur Berührung)"}, {"en", "Display off (until touched)"}}},
        {"staff.reloaded", {{"de", "Inhalte neu geladen."}, {"en", "Content reloaded."}}},
        {"staff.rolled_back", {{"de", "Vorherige Inhalte sind wieder in Gebrauch:"}, {"en", "The previous content is in use again:"}}},
        {"staff.rollback_failed", {{"de", "Zurückholen nicht möglich:"}, {"en", "Could not go back:"}}},
        {"staff.sound_playing", {{"de", "Der Testton läuft."}, {"en", "The test sound is playing."}}},
        {"staff.sound_failed", {{"de", "Kein Ton möglich:"}, {"en", "No sound possible:"}}},
        {"staff.printing", {{"de", "Testzettel wird gedruckt …"}, {"en", "Printing a test slip …"}}},
        {"staff.printed", {{"de", "Testzettel gedruckt."}, {"en", "Test slip printed."}}},
        {"staff.exported", {{"de", "Statistik gespeichert:"}, {"en", "Statistics saved:"}}},
        {"staff.export_failed", {{"de", "Statistik nicht gespeichert:"}, {"en", "Statistics not saved:"}}},
        {"staff.importing", {{"de", "Inhalte werden vom USB-Stick geholt …"}, {"en", "Importing from the USB stick …"}}},
    };
    return strings;
}

const std::map<std::string, std::pair<std::string, std::string>, std::less<>>& languageNames() {
    // code -> (German name, English name)
    static const std::map<std::string, std::pair<std::string, std::string>, std::less<>> names = {
        {"de", {"Deutsch", "German"}},       {"en", {"Englisch", "English"}},     {"tr", {"Türkisch", "Turkish"}},
        {"ar", {"Arabisch", "Arabic"}},      {"uk", {"Ukrainisch", "Ukrainian"}}, {"ru", {"Russisch", "Russian"}},
        {"fr", {"Französisch", "French"}},   {"it", {"Italienisch", "Italian"}},  {"es", {"Spanisch", "Spanish"}},
        {"pl", {"Polnisch", "Polish"}},      {"ro", {"Rumänisch", "Romanian"}},   {"hr", {"Kroatisch", "Croatian"}},
        {"sr", {"Serbisch", "Serbian"}},     {"bs", {"Bosnisch", "Bosnian"}},     {"el", {"Griechisch", "Greek"}},
        {"fa", {"Persisch", "Persian"}},     {"ku", {"Kurdisch", "Kurdish"}},     {"sq", {"Albanisch", "Albanian"}},
        {"bg", {"Bulgarisch", "Bulgarian"}}, {"ti", {"Tigrinya", "Tigrinya"}},    {"so", {"Somali", "Somali"}},
        {"vi", {"Vietnamesisch", "Vietnamese"}}, {"ps", {"Paschtu", "Pashto"}},
    };
    return names;
}

const std::map<std::string, std::string, std::less<>>& endonyms() {
    static const std::map<std::string, std::string, std::less<>> names = {
        {"de", "Deutsch"}, {"en", "English"}, {"tr", "Türkçe"}, {"uk", "Українська"}, {"ru", "Русский"},
    };
    return names;
}

}  // namespace

const std::string& tr(std::string_view key, std::string_view language) {
    static std::string missing;
    auto entry = table().find(key);
    if (entry == table().end()) {
        missing = std::string(key);
        return missing;
    }
    if (auto it = entry->second.find(std::string(language)); it != entry->second.end()) return it->second;
    return entry->second.at("de");
}

std::string languageName(std::string_view code, std::string_view language) {
    auto it = languageNames().find(code);
    if (it == languageNames().end()) return std::string(code);
    return language == "de" ? it->second.first : it->second.second;
}

std::string languageEndonym(std::string_view code) {
    auto it = endonyms().find(code);
    return it == endonyms().end() ? languageName(code, "en") : it->second;
}

void forEachUiString(const std::function<void(const std::string&)>& visit) {
    for (const auto& [key, translations] : table())
        for (const auto& [language, text] : translations) visit(text);
    for (const auto& [code, names] : languageNames()) {
        visit(names.first);
        visit(names.second);
    }
    for (const auto& [code, name] : endonyms()) visit(name);
}

}  // namespace kiosk::ui
