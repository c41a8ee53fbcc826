// Pieces several screens share: the navigation bar, opening hours, QR codes, the idle dialog.
#include "kiosk/core/contact_card.hpp"
#include "kiosk/core/spoken.hpp"
#include "kiosk/core/text_format.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/text_direction.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kiosk::ui {

std::string openingStatusText(const core::OpeningHours& hours, core::LocalDateTime now,
                              const core::HolidayCalendar& holidays, const std::string& language, bool* isOpen) {
    core::OpeningStatus status = core::evaluate(hours, now, holidays);
    if (isOpen) *isOpen = status.state == core::OpenState::OpenNow;
    switch (status.state) {
    case core::OpenState::OpenNow:
        if (status.until >= 2 * 24 * 60) return tr("hours.always", language);
        return fmt::format(fmt::runtime(tr("hours.open_until", language)), core::clockTime(status.until));
    case core::OpenState::OpensLaterToday:
        return fmt::format(fmt::runtime(tr("hours.opens_today", language)), core::clockTime(status.opensAt));
    case core::OpenState::ClosedToday:
        if (status.daysUntilNext == 1)
            return fmt::format(fmt::runtime(tr("hours.opens_tomorrow", language)), core::clockTime(status.opensAt));
        return fmt::format(fmt::runtime(tr("hours.opens_on", language)),
                           tr("day." + std::to_string(static_cast<int>(core::weekdayOf(status.nextDate))), language),
                           core::clockTime(status.opensAt));
    case core::OpenState::Unknown: break;
    }
    if (status.closedNow) return tr("hours.closed_now", language);  // e.g. closed for the school holidays
    // Nobody can say whether it is open: said in words, never as open.
    if (status.comment.empty()) return tr("hours.ask", language);
    return fmt::format(fmt::runtime(tr("hours.ask_comment", language)), status.comment);
}

void openingStatusLine(const core::OpeningHours& hours, core::LocalDateTime now, const core::HolidayCalendar& holidays,
                       const std::string& language) {
    bool open = false;
    std::string text = openingStatusText(hours, now, holidays, language, &open);
    // Icon and words say it, the colour only repeats it.
    strongText(icon(open ? "check" : "clock") + " " + text, open ? palette().open : palette().closed);
}

void weeklyHours(const core::OpeningHours& hours, const std::string& language) {
    if (hours.source() == "24/7") {
        paragraph(tr("hours.always", language));
        return;
    }
    const float column = 9.0f * em();
    for (const core::HoursRow& row : core::weeklyHoursRows(hours, hoursWords(language)))
        tableRow(row.day, row.times, column);
    for (const std::string& line : core::linesBelowWeek(hours, hoursWords(language))) mutedText(line);
}

std::string languageList(const std::vector<std::string>& codes, const std::string& language) {
    std::string text;
    for (const auto& code : codes) text += (text.empty() ? "" : tr("offer.separator", language)) + languageName(code, language);
    return text;
}

void linkQr(const View& view, const std::string& url, float side) {
    if (const Texture* texture = view.qr.get(url)) qrImage(*texture, side);
}

void contactQr(const View& view, const core::Provider& provider, float side) {
    if (const Texture* texture = view.qr.get(core::contactCard(view.catalog, provider, view.language()))) qrImage(*texture, side);
}

namespace {

struct NavButton {
    std::string label;
    Look look;
    core::Intent intent;
    float minWidth = 0;
};

// The bar's buttons: those that move (back, home) at the reader's start, the rest at the other end;
// on a narrow screen the settings (language, large text, contrast, about) get a row of their own.
struct NavigationButtons {
    std::vector<NavButton> start, end, settings;
};

NavigationButtons navigationButtons(const View& view) {
    const std::string& lang = view.language();
    const core::ScreenId screen = view.session.current().id;
    const bool rtl = isRightToLeft(lang);
    NavigationButtons b;
    if (screen != core::ScreenId::Home) {
        // The arrow points the way back for this reader: left, or right in a right-to-left language.
        b.start.push_back({icon(rtl ? "arrow-right" : "arrow-left") + " " + tr("nav.back", lang), Look::Primary,
                           core::intent::Back{}, 8 * em()});
        b.start.push_back({icon("home") + " " + tr("nav.home", lang), Look::Primary, core::intent::Home{}, 8 * em()});
    }
    // The family's list, with its count, wherever it has something (except on the list itself).
    if (!view.session.chosen.empty() && screen != core::ScreenId::List)
        b.end.push_back({fmt::format("{} {} ({})", icon("star"), tr("list.button", lang), view.session.chosen.size()),
                         Look::Selected, core::intent::OpenList{}});
    // Every language in its own words is one tap away (the languages screen); a switch is marked by a
    // tick as well as its colour.
    if (uiLanguages().size() > 1 && screen != core::ScreenId::Languages)
        b.settings.push_back({icon("earth") + " " + tr("nav.language", lang), Look::Secondary,
                              core::intent::OpenLanguages{}});
    auto toggle = [&](bool on, const char* pictogram, const char* key, core::Intent intent) {
        b.settings.push_back({(on ? icon("check") + " " : std::string()) + icon(pictogram) + " " + tr(key, lang),
                              on ? Look::Selected : Look::Secondary, std::move(intent)});
    };
    toggle(view.session.largeText, "format-size", "nav.large_text", core::intent::ToggleLargeText{});
    toggle(view.session.highContrast, "contrast-circle", "nav.contrast", core::intent::ToggleHighContrast{});
    if (screen != core::ScreenId::About)
        b.settings.push_back({icon("information") + " " + tr("nav.about", lang), Look::Secondary,
                              core::intent::OpenAbout{}});
    // For professionals: small, among the settings of the start screen's bar, never among the life stages.
    if (screen == core::ScreenId::Home)
        b.settings.push_back({icon("account-multiple") + " " + tr("pro.button", lang), Look::Secondary,
                              core::intent::OpenProfessional{}});
    b.end.push_back({icon("phone-in-talk") + " " + tr("nav.emergency", lang), Look::Emergency,
                     core::intent::OpenEmergencies{}});
    return b;
}

float buttonWidth(const NavButton& button) {
    const std::string& shown = displayLine(button.label);
    return std::max(button.minWidth, ImGui::CalcTextSize(shown.c_str()).x + 1.6f * em());
}

float groupWidth(const std::vector<NavButton>& group) {
    float width = 0;
    for (const auto& button : group) width += buttonWidth(button) + ImGui::GetStyle().ItemSpacing.x;
    return width;
}

// One row of the bar: buttons from the reader's start edge, and buttons against the other edge.
struct NavigationRow {
    std::vector<NavButton> start, end;
};

// The bar's rows: one when everything fits; else the moves with the list and the emergency button,
// then the settings on their own. A group wider than the screen (very large text on an upright
// screen) wraps into as many rows as it needs, in its order, so that no button is pushed off the
// screen or drawn over another.
std::vector<NavigationRow> navigationRows(NavigationButtons b) {
    const float room = ImGui::GetContentRegionAvail().x + ImGui::GetStyle().ItemSpacing.x;
    if (groupWidth(b.start) + groupWidth(b.end) + groupWidth(b.settings) <= room) {
        b.settings.insert(b.settings.end(), b.end.begin(), b.end.end());
        return {{std::move(b.start), std::move(b.settings)}};
    }
    // The professionals' entry (also on "Über uns") gives way before the families' settings wrap.
    if (groupWidth(b.settings) > room && !b.settings.empty() &&
        std::holds_alternative<core::intent::OpenProfessional>(b.settings.back().intent))
        b.settings.pop_back();
    std::vector<NavigationRow> rows;
    const auto wrap = [&](const std::vector<NavButton>& group, bool atStart) {
        float width = room;  // full: the first button begins a row
        for (const NavButton& button : group) {
            const float w = buttonWidth(button) + ImGui::GetStyle().ItemSpacing.x;
            if (width + w > room) {
                rows.emplace_back();
                width = 0;
            }
            (atStart ? rows.back().start : rows.back().end).push_back(button);
            width += w;
        }
    };
    if (groupWidth(b.start) + groupWidth(b.end) <= room) {
        rows.push_back({std::move(b.start), std::move(b.end)});  // the moves first: in reach of a seated reader
    } else {
        wrap(b.start, true);
        wrap(b.end, false);
    }
    wrap(b.settings, false);
    return rows;
}

// One row: `start` from the reader's start edge, `end` against the other edge (mirrored right to left).
void navigationRow(const std::vector<NavButton>& start, const std::vector<NavButton>& end, Intents& out) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float left = ImGui::GetCursorPosX();
    const float width = ImGui::GetContentRegionAvail().x;
    const float y = ImGui::GetCursorPosY();
    const bool rtl = rightToLeft();
    float rowBottom = y;
    auto place = [&](const NavButton& button, float offset) {  // offset from the reader's start edge
        const float w = buttonWidth(button);
        ImGui::SetCursorPos(ImVec2(rtl ? left + width - offset - w : left + offset, y));
        if (bigButton(button.label, ImVec2(w, 2.8f * em()), button.look)) out.push_back(button.intent);
        rowBottom = std::max(rowBottom, ImGui::GetCursorPosY());
    };
    float offset = 0;
    for (const auto& button : start) {
        place(button, offset);
        offset += buttonWidth(button) + spacing;
    }
    offset = width - groupWidth(end) + spacing;
    for (const auto& button : end) {
        place(button, offset);
        offset += buttonWidth(button) + spacing;
    }
    ImGui::SetCursorPos(ImVec2(left, rowBottom));
}

}  // namespace

float navigationBarHeight(const View& view) {
    const float row = 2.8f * em() + ImGui::GetStyle().ItemSpacing.y;
    return static_cast<float>(navigationRows(navigationButtons(view)).size()) * row + 0.6f * em();
}

void drawNavigationBar(const View& view, Intents& out) {
    const std::vector<NavigationRow> rows = navigationRows(navigationButtons(view));
    ImGui::Separator();
    for (const NavigationRow& row : rows) navigationRow(row.start, row.end, out);
}

void drawStillThere(const View& view) {
    const std::string& lang = view.language();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().dim);
    ImGui::Begin("##stillthere", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    // Any touch answers "yes"; the full-screen button also keeps the tap from reaching the screen below.
    ImGui::SetCursorPos(ImVec2(0, 0));
    ImGui::InvisibleButton("##anywhere", viewport->Size);
    const ImVec2 box = ems(std::min(30.0f, viewport->Size.x / em() - 2), 14);
    const ImVec2 min(viewport->Pos.x + (viewport->Size.x - box.x) * 0.5f,
                     viewport->Pos.y + viewport->Size.y * 0.55f - box.y * 0.5f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, ImVec2(min.x + box.x, min.y + box.y), palette().surface, 0.6f * em());
    ImGui::SetCursorScreenPos(ImVec2(min.x + em(), min.y + em()));
    ImGui::PushTextWrapPos(min.x + box.x - em() - viewport->Pos.x);
    ImGui::BeginGroup();
    titleText(tr("idle.title", lang));
    paragraph(countText("idle.body", lang, static_cast<std::uint64_t>(view.idleSecondsLeft)));
    bigButton(icon("check") + " " + tr("idle.continue", lang), ems(box.x / em() - 2, 3));
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();
    ImGui::End();
}

bool listenButton(const View& view, const std::string& explanation, const core::LocalizedText& audio, Intents& out,
                  Row* row) {
    const std::string& lang = view.language();
    if (!view.audio.device || audio.empty()) return false;
    if (view.audio.broken.count(explanation)) {
        const std::string text = icon("volume-off") + " " + tr("audio.unavailable", lang);
        if (row) row->place(ImGui::CalcTextSize(displayLine(text).c_str()).x);
        mutedText(text);
        return false;
    }
    if (core::playableFile(audio, view.audio.mediaDir, lang).empty()) return false;
    const bool playing = view.session.listeningTo == explanation;
    const std::string label = playing ? icon("stop") + " " + tr("audio.stop", lang)
                                      : icon("volume-high") + " " + tr("audio.listen", lang);
    if (row) row->place(bigButtonWidth(label, 8 * em()));
    if (bigButton(label, ems(8, 0), playing ? Look::Selected : Look::Primary))
        out.push_back(playing ? core::Intent{core::intent::StopListening{}} : core::Intent{core::intent::Listen{explanation}});
    return true;
}

void screenListen(const View& view, const std::string& explanation, Intents& out) {
    const auto audio = core::explanationAudio(view.catalog, explanation);
    if (!audio) return;
    {
        Row row;  // on the right for a right-to-left reader
        listenButton(view, explanation, *audio, out, &row);
    }
    listenControls(view, explanation, out);
}

void listenControls(const View& view, const std::string& explanation, Intents& out) {
    const std::string& lang = view.language();
    if (view.session.listeningTo != explanation) return;
    Row row;  // quieter before louder in the reader's direction, the progress filling the rest
    if (row.button(icon("volume-low") + " " + tr("audio.quieter", lang), ems(0, 0), Look::Secondary))
        out.push_back(core::intent::VolumeDown{});
    if (row.button(icon("volume-high") + " " + tr("audio.louder", lang), ems(0, 0), Look::Secondary))
        out.push_back(core::intent::VolumeUp{});
    const float barHeight = 0.6f * em();
    const float width = std::max(row.remaining(), 4 * em());
    row.place(width);
    // Centred on the buttons' height.
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (2.4f * em() - barHeight) * 0.5f);
    progressBar(view.audio.progress, ImVec2(width, barHeight));
    row.finish();
}

}  // namespace kiosk::ui
