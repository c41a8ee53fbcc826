// The frame: a full-screen window with the current screen above the navigation bar.
#include "kiosk/platform/qr_code.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/still_picture.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/text_direction.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/view.hpp"
#include "kiosk/ui/widgets.hpp"
#include "kiosk/ui/icons.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kiosk::ui {
namespace {

constexpr ImGuiWindowFlags kScreenFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

}  // namespace

const Texture* QrTextures::get(const std::string& text) {
    const int frame = ImGui::GetFrameCount();
    auto it = m_textures.find(text);
    if (it == m_textures.end()) {
        if (m_textures.size() >= kCapacity) {
            auto oldest = std::min_element(m_textures.begin(), m_textures.end(), [](const auto& a, const auto& b) {
                return a.second.lastFrame < b.second.lastFrame;
            });
            if (oldest->second.lastFrame < frame) m_textures.erase(oldest);  // this frame's stay: drawn after
        }
        std::optional<Texture> texture;
        if (auto code = platform::QrCode::encode(text)) texture = Texture::fromQr(*code);
        it = m_textures.emplace(text, Entry{std::move(texture), frame}).first;
    }
    it->second.lastFrame = frame;
    return it->second.texture ? &*it->second.texture : nullptr;
}

std::string allTexts(const core::Catalog* catalog) {
    std::string texts;
    auto add = [&](std::string_view text) {
        texts.append(text);
        // Arabic is drawn in its joined presentation forms: the atlas needs those glyphs.
        if (hasRightToLeftText(text)) texts.append(shapeLine(text, true));
    };
    auto addLocalized = [&](const core::LocalizedText& text) {
        for (const auto& [language, value] : text.values()) add(value);
    };
    auto addAddress = [&](const core::Address& address) {
        add(address.street);
        add(address.postalCode);
        add(address.municipality);
    };
    forEachUiString(add);
    add(keyboardLetters());
    add(kMapAttribution);
    if (!catalog) return texts;
    for (const auto& stage : catalog->lifeStages) {
        addLocalized(stage.title);
        addLocalized(stage.ages);
    }
    for (const auto& topic : catalog->topics) addLocalized(topic.title);
    // A catalog that reads its offers' and providers' texts on demand knows their characters (a
    // list the database keeps): no pass over every text at the start.
    if (catalog->textSource) {
        const std::string characters = catalog->textSource->characters();
        texts.append(characters);
        if (hasRightToLeftText(characters)) texts.append(arabicForms(characters));
    }
    for (const auto& provider : catalog->providers) {
        if (!catalog->textSource)
            for (const auto* text : {&provider.name, &provider.description, &provider.accessibility}) addLocalized(*text);
        addAddress(provider.address);
        for (const auto* text : {&provider.phone, &provider.email, &provider.website}) add(*text);
        if (provider.hours) add(provider.hours->source());
    }
    if (!catalog->textSource)
        for (const auto& offer : catalog->offers)
            for (const auto* text : {&offer.title, &offer.summary, &offer.description, &offer.cost, &offer.eligibility})
                addLocalized(*text);
    for (const auto& practice : catalog->practices) {
        for (const auto* text : {&practice.title, &practice.summary, &practice.description, &practice.status})
            addLocalized(*text);
        for (const auto* text : {&practice.municipality, &practice.contact.name, &practice.contact.phone,
                                 &practice.contact.email})
            add(*text);
    }
    for (const auto& event : catalog->events) {
        for (const auto* text : {&event.title, &event.description, &event.audience, &event.cost, &event.capacity})
            addLocalized(*text);
        addAddress({event.place.street, event.place.postalCode, event.place.municipality});
        for (const auto* text : {&event.registration.phone, &event.registration.email, &event.registration.url}) add(*text);
    }
    for (const auto& group : catalog->workingGroups) {
        for (const auto* text : {&group.title, &group.purpose, &group.meets, &group.join}) addLocalized(*text);
        for (const auto* text : {&group.contact.name, &group.contact.phone, &group.contact.email}) add(*text);
    }
    const core::NetworkInfo& network = catalog->network;
    for (const auto* text : {&network.name, &network.description, &network.organisation}) addLocalized(*text);
    addAddress(network.address);
    return texts;
}

ScreenArea View::screenArea() const {
    if (area) return *area;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    return {viewport->Pos, viewport->Size};
}

bool View::portrait() const {
    ImVec2 size = screenArea().size;
    return size.y > size.x;
}

void drawKiosk(const View& view, Intents& out) {
    setRightToLeft(isRightToLeft(view.language()));
    const ScreenArea area = view.screenArea();
    ImGui::SetNextWindowPos(area.pos);
    ImGui::SetNextWindowSize(area.size);
    ImGui::Begin("##kiosk", nullptr, kScreenFlags);
    const core::ScreenId screen = view.session.current().id;
    const bool withBar = screen != core::ScreenId::Attract;
    ImVec2 bodySize(0, withBar ? ImGui::GetContentRegionAvail().y - navigationBarHeight(view) : 0);
    ImGui::BeginChild("##body", bodySize, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    switch (screen) {
    case core::ScreenId::Attract: drawAttract(view, out); break;
    case core::ScreenId::Home: drawHome(view, out); break;
    case core::ScreenId::LifeStage: drawLifeStage(view, out); break;
    case core::ScreenId::Offer: drawOffer(view, out); break;
    case core::ScreenId::Provider: drawProvider(view, out); break;
    case core::ScreenId::Emergencies: drawEmergencies(view, out); break;
    case core::ScreenId::About: drawAbout(view, out); break;
    case core::ScreenId::List: drawList(view, out); break;
    case core::ScreenId::ListQr: drawListQr(view, out); break;
    case core::ScreenId::Languages: drawLanguages(view, out); break;
    case core::ScreenId::Map: drawMap(view, out); break;
    case core::ScreenId::Search: drawSearch(view, out); break;
    case core::ScreenId::Professionals: drawProfessionals(view, out); break;
    case core::ScreenId::Actors: drawActors(view, out); break;
    case core::ScreenId::Practices: drawPractices(view, out); break;
    case core::ScreenId::Practice: drawPractice(view, out); break;
    case core::ScreenId::Events: drawEvents(view, out); break;
    case core::ScreenId::Event: drawEvent(view, out); break;
    case core::ScreenId::Groups: drawGroups(view, out); break;
    }
    ImGui::EndChild();
    if (withBar) {
        beginStillPicture("##bar", palette().background);  // the same on most screens, frame after frame
        drawNavigationBar(view, out);
        endStillPicture();
    }
    ImGui::End();
    if (view.idleSecondsLeft >= 0) drawStillThere(view);
}

bool drawUpdate(const UpdateView& update, const std::string& language) {
    if (update.state == UpdateView::State::Idle) return false;
    setRightToLeft(isRightToLeft(language));
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::SetNextWindowFocus();  // above the kiosk: a tap here must not reach the screen below
    ImGui::Begin("##update", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    // A calm full screen: nothing else can be tapped meanwhile.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(viewport->Pos, ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y),
                        palette().background);
    ImGui::SetCursorPos(ImVec2(0, 0));
    const bool tapped = ImGui::InvisibleButton("##anywhere", viewport->Size);
    const float margin = std::max(2 * em(), (viewport->Size.x - 40 * em()) * 0.5f);
    ImGui::SetCursorPos(ImVec2(margin, viewport->Size.y * 0.3f));
    ImGui::PushTextWrapPos(viewport->Size.x - margin);
    ImGui::BeginGroup();
    switch (update.state) {
    case UpdateView::State::Idle: break;
    case UpdateView::State::Importing:
        titleText(tr("update.title", language));
        paragraph(tr("update.body", language));
        ImGui::Spacing();
        progressBar(update.progress, ImVec2(viewport->Size.x - 2 * margin, 1.2f * em()));
        break;
    case UpdateView::State::Done:
        titleText(icon("check") + " " + tr("update.done", language));
        paragraph(fmt::format(fmt::runtime(trn("update.done_body", language, static_cast<std::uint64_t>(update.offers))), update.version, update.created,
                              update.offers));
        headingText(tr("update.remove_stick", language));
        mutedText(tr("update.tap", language));
        break;
    case UpdateView::State::Failed:
        titleText(icon("alert") + " " + tr("update.failed", language));
        paragraph(tr("update.kept", language));
        headingText(tr("update.remove_stick", language));
        paragraph(tr("update.what_to_do", language));
        mutedText(tr("update.reason", language) + " " + (update.problem ? problemText(*update.problem, language) : std::string()));
        mutedText(tr("update.tap", language));
        break;
    }
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();
    ImGui::End();
    return tapped && update.state != UpdateView::State::Importing;
}

void drawNotReady(const std::string& language) {
    setRightToLeft(isRightToLeft(language));
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("##notready", nullptr, kScreenFlags);
    ImGui::SetCursorPosY(viewport->Size.y * 0.35f);
    titleText(tr("notready.title", language));
    headingText(tr("notready.body", language));
    ImGui::End();
}

}  // namespace kiosk::ui
