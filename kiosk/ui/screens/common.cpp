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
    ImGui::PushFont(fonts().bold);
    ImGui::PushStyleColor(ImGuiCol_Text, open ? palette().open : palette().closed);
    ImGui::PushTextWrapPos(0.0f);
    std::string line = icon(open ? "check" : "clock") + " " + text;
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void weeklyHours(const core::OpeningHours& hours, const std::string& language) {
    if (hours.source() == "24/7") {
        paragraph(tr("hours.always", language));
        return;
    }
    const float column = 9.0f * em();
    for (int day = 0; day < 7; ++day) {
        auto intervals = hours.regularIntervals(static_cast<core::Weekday>(day));
        // A night range spilling into the next morning belongs to the day it starts.
        std::erase_if(intervals, [](const core::TimeRange& r) { return r.from == 0 && r.to < 12 * 60; });
        std::string times;
        for (const auto& range : intervals)
            times += (times.empty() ? "" : ", ") + formatTime(range.from) + "–" + formatTime(range.to);
        if (times.empty()) times = tr("hours.closed", language);
        float x = ImGui::GetCursorPosX();
        ImGui::TextUnformatted(tr("day." + std::to_string(day), language).c_str());
        ImGui::SameLine(x + column);
        ImGui::TextUnformatted(times.c_str());
    }
    if (hours.closedOnPublicHolidays()) mutedText(tr("hours.holidays_closed", language));
    for (const auto& comment : hours.comments()) mutedText(comment);
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

void drawNavigationBar(const View& view, Intents& out) {
    const std::string& lang = view.language();
    const core::ScreenId screen = view.session.current().id;
    const ImVec2 size = ems(0, 2.8f);
    ImGui::Separator();
    if (screen != core::ScreenId::Home) {
        if (bigButton(icon("arrow-left") + " " + tr("nav.back", lang), ems(8, 0))) out.push_back(core::intent::Back{});
        ImGui::SameLine();
        if (bigButton(icon("home") + " " + tr("nav.home", lang), ems(8, 0))) out.push_back(core::intent::Home{});
    }
    // Right-aligned: language, about and urgent help.
    auto languages = view.catalog.languages();
    auto current = std::find(languages.begin(), languages.end(), lang);
    std::string next = current == languages.end() || std::next(current) == languages.end() ? languages.front()
                                                                                             : *std::next(current);
    const std::string languageLabel = icon("translate") + " " + languageEndonym(next);
    const std::string aboutLabel = icon("information") + " " + tr("nav.about", lang);
    const std::string urgentLabel = icon("phone-in-talk") + " " + tr("nav.emergency", lang);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    auto width = [&](const std::string& label) { return ImGui::CalcTextSize(label.c_str()).x + 1.6f * em() + spacing; };
    float right = width(urgentLabel) + (languages.size() > 1 ? width(languageLabel) : 0) +
                  (screen != core::ScreenId::About ? width(aboutLabel) : 0);
    float start = std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - right + spacing);
    if (screen != core::ScreenId::Home)
        ImGui::SameLine(start);
    else
        ImGui::SetCursorPosX(start);
    if (languages.size() > 1) {
        if (bigButton(languageLabel, size, Look::Secondary)) out.push_back(core::intent::ChooseLanguage{next});
        ImGui::SameLine();
    }
    if (screen != core::ScreenId::About) {
        if (bigButton(aboutLabel, size, Look::Secondary)) out.push_back(core::intent::OpenAbout{});
        ImGui::SameLine();
    }
    if (bigButton(urgentLabel, size, Look::Emergency)) out.push_back(core::intent::OpenEmergencies{});
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

}  // namespace kiosk::ui
