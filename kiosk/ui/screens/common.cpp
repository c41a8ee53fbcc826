// Pieces several screens share: the navigation bar, opening hours, QR codes, the idle dialog.
#include "kiosk/core/contact_card.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kiosk::ui {

std::string formatTime(int minuteOfDay) {
    minuteOfDay %= 24 * 60;
    return fmt::format("{:02}:{:02}", minuteOfDay / 60, minuteOfDay % 60);
}

std::string openingStatusText(const core::OpeningHours& hours, core::LocalDateTime now, const std::string& language,
                              bool* isOpen) {
    core::OpeningStatus status = core::evaluate(hours, now);
    if (isOpen) *isOpen = status.state == core::OpenState::OpenNow;
    switch (status.state) {
    case core::OpenState::OpenNow:
        if (status.until >= 2 * 24 * 60) return tr("hours.always", language);
        return fmt::format(fmt::runtime(tr("hours.open_until", language)), formatTime(status.until));
    case core::OpenState::OpensLaterToday:
        return fmt::format(fmt::runtime(tr("hours.opens_today", language)), formatTime(status.opensAt));
    case core::OpenState::ClosedToday:
        if (status.daysUntilNext == 1)
            return fmt::format(fmt::runtime(tr("hours.opens_tomorrow", language)), formatTime(status.opensAt));
        return fmt::format(fmt::runtime(tr("hours.opens_on", language)),
                           tr("day." + std::to_string(static_cast<int>(core::weekdayOf(status.nextDate))), language),
                           formatTime(status.opensAt));
    case core::OpenState::Unknown: break;
    }
    return tr("hours.unknown", language);
}

void openingStatusLine(const core::OpeningHours& hours, core::LocalDateTime now, const std::string& language) {
    bool open = false;
    std::string text = openingStatusText(hours, now, language, &open);
    // Icon and words say it, the colour only repeats it.
    strongText(icon(open ? "check" : "clock") + " " + text, open ? palette().open : palette().closed);
}

namespace {

// "08:00–12:00, 13:00–18:00", or "geschlossen", for one weekday.
std::string dayTimes(const core::OpeningHours& hours, int day, const std::string& language) {
    auto intervals = hours.regularIntervals(static_cast<core::Weekday>(day));
    // A night range spilling into the next morning belongs to the day it starts.
    std::erase_if(intervals, [](const core::TimeRange& r) { return r.from == 0 && r.to < 12 * 60; });
    std::string times;
    for (const auto& range : intervals)
        times += (times.empty() ? "" : ", ") + formatTime(range.from) + "–" + formatTime(range.to);
    return times.empty() ? tr("hours.closed", language) : times;
}

}  // namespace

void weeklyHours(const core::OpeningHours& hours, const std::string& language) {
    if (hours.source() == "24/7") {
        paragraph(tr("hours.always", language));
        return;
    }
    const float column = 9.0f * em();
    for (int day = 0; day < 7; ++day) tableRow(tr("day." + std::to_string(day), language), dayTimes(hours, day, language), column);
    if (hours.closedOnPublicHolidays()) mutedText(tr("hours.holidays_closed", language));
    for (const auto& comment : hours.comments()) mutedText(comment);
}

std::string weeklyHoursText(const core::OpeningHours& hours, const std::string& language) {
    if (hours.source() == "24/7") return tr("hours.always", language);
    std::string text;
    for (int day = 0; day < 7; ++day)
        text += tr("day." + std::to_string(day), language) + ": " + dayTimes(hours, day, language) + "\n";
    if (hours.closedOnPublicHolidays()) text += tr("hours.holidays_closed", language) + "\n";
    for (const auto& comment : hours.comments()) text += comment + "\n";
    if (!text.empty()) text.pop_back();
    return text;
}

std::string languageList(const std::vector<std::string>& codes, const std::string& language) {
    std::string text;
    for (const auto& code : codes) text += (text.empty() ? "" : ", ") + languageName(code, language);
    return text;
}

void linkQr(const View& view, const std::string& url, float side) {
    if (const Texture* texture = view.qr.get(url)) qrImage(*texture, side);
}

void contactQr(const View& view, const core::Provider& provider, float side) {
    if (const Texture* texture = view.qr.get(core::contactCard(provider, view.language()))) qrImage(*texture, side);
}

namespace {

struct NavigationButtons {
    std::string back, home, language, about, urgent, list;
    std::string nextLanguage;
    bool showBackHome = false, showLanguage = false, showAbout = false, showList = false;
};

NavigationButtons navigationButtons(const View& view) {
    const std::string& lang = view.language();
    const core::ScreenId screen = view.session.current().id;
    NavigationButtons b;
    b.showBackHome = screen != core::ScreenId::Home;
    b.showAbout = screen != core::ScreenId::About;
    // The family's list, with its count, wherever it has something (except on the list itself).
    b.showList = !view.session.chosen.empty() && screen != core::ScreenId::List;
    b.list = fmt::format("{} {} ({})", icon("star"), tr("list.button", lang), view.session.chosen.size());
    b.back = icon("arrow-left") + " " + tr("nav.back", lang);
    b.home = icon("home") + " " + tr("nav.home", lang);
    b.about = icon("information") + " " + tr("nav.about", lang);
    b.urgent = icon("phone-in-talk") + " " + tr("nav.emergency", lang);
    // The language button names the next language in its own words; it cycles through them.
    auto languages = view.catalog.languages();
    auto current = std::find(languages.begin(), languages.end(), lang);
    b.nextLanguage = current == languages.end() || std::next(current) == languages.end() ? languages.front()
                                                                                         : *std::next(current);
    b.showLanguage = languages.size() > 1;
    b.language = icon("translate") + " " + languageEndonym(b.nextLanguage);
    return b;
}

float buttonWidth(const std::string& label, float minimum = 0) {
    return std::max(minimum, ImGui::CalcTextSize(label.c_str()).x + 1.6f * em()) + ImGui::GetStyle().ItemSpacing.x;
}

float leftWidth(const NavigationButtons& b) {
    return b.showBackHome ? buttonWidth(b.back, 8 * em()) + buttonWidth(b.home, 8 * em()) : 0;
}

float rightWidth(const NavigationButtons& b) {
    return buttonWidth(b.urgent) + (b.showLanguage ? buttonWidth(b.language) : 0) +
           (b.showAbout ? buttonWidth(b.about) : 0) + (b.showList ? buttonWidth(b.list) : 0);
}

bool twoRows(const NavigationButtons& b) {
    return leftWidth(b) + rightWidth(b) > ImGui::GetContentRegionAvail().x + ImGui::GetStyle().ItemSpacing.x;
}

}  // namespace

float navigationBarHeight(const View& view) {
    const float row = 2.8f * em() + ImGui::GetStyle().ItemSpacing.y;
    return (twoRows(navigationButtons(view)) ? 2 * row : row) + 0.6f * em();
}

void drawNavigationBar(const View& view, Intents& out) {
    const NavigationButtons b = navigationButtons(view);
    const ImVec2 size = ems(0, 2.8f);
    const bool wrap = twoRows(b);
    const float rightStart = ImGui::GetWindowContentRegionMax().x - rightWidth(b) + ImGui::GetStyle().ItemSpacing.x;
    ImGui::Separator();
    if (b.showBackHome) {
        if (bigButton(b.back, ems(8, 2.8f))) out.push_back(core::intent::Back{});
        ImGui::SameLine();
        if (bigButton(b.home, ems(8, 2.8f))) out.push_back(core::intent::Home{});
        if (!wrap) ImGui::SameLine(rightStart);
    }
    if (wrap || !b.showBackHome) ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), rightStart));
    if (b.showList) {
        if (bigButton(b.list, size, Look::Selected)) out.push_back(core::intent::OpenList{});
        ImGui::SameLine();
    }
    if (b.showLanguage) {
        if (bigButton(b.language, size, Look::Secondary)) out.push_back(core::intent::ChooseLanguage{b.nextLanguage});
        ImGui::SameLine();
    }
    if (b.showAbout) {
        if (bigButton(b.about, size, Look::Secondary)) out.push_back(core::intent::OpenAbout{});
        ImGui::SameLine();
    }
    if (bigButton(b.urgent, size, Look::Emergency)) out.push_back(core::intent::OpenEmergencies{});
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
    paragraph(fmt::format(fmt::runtime(tr("idle.body", lang)), view.idleSecondsLeft));
    bigButton(icon("check") + " " + tr("idle.continue", lang), ems(box.x / em() - 2, 3));
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();
    ImGui::End();
}

bool listenButton(const View& view, const std::string& explanation, const core::LocalizedText& audio, Intents& out) {
    const std::string& lang = view.language();
    if (!view.audio.device || audio.empty()) return false;
    if (view.audio.broken.count(explanation)) {
        mutedText(icon("volume-off") + " " + tr("audio.unavailable", lang));
        return false;
    }
    if (core::playableFile(audio, view.audio.mediaDir, lang).empty()) return false;
    if (view.session.listeningTo == explanation) {
        if (bigButton(icon("stop") + " " + tr("audio.stop", lang), ems(8, 0), Look::Selected))
            out.push_back(core::intent::StopListening{});
    } else if (bigButton(icon("volume-high") + " " + tr("audio.listen", lang), ems(8, 0))) {
        out.push_back(core::intent::Listen{explanation});
    }
    return true;
}

void listenControls(const View& view, const std::string& explanation, Intents& out) {
    const std::string& lang = view.language();
    if (view.session.listeningTo != explanation) return;
    if (bigButton(icon("volume-low") + " " + tr("audio.quieter", lang), ems(0, 0), Look::Secondary))
        out.push_back(core::intent::VolumeDown{});
    ImGui::SameLine();
    if (bigButton(icon("volume-high") + " " + tr("audio.louder", lang), ems(0, 0), Look::Secondary))
        out.push_back(core::intent::VolumeUp{});
    ImGui::SameLine();
    // The progress bar fills the rest of the row, centred on the buttons' height.
    const float barHeight = 0.6f * em();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (2.4f * em() - barHeight) * 0.5f);
    progressBar(view.audio.progress, ImVec2(ImGui::GetContentRegionAvail().x, barHeight));
}

}  // namespace kiosk::ui
