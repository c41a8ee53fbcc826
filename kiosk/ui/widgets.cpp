// Custom-drawn controls on top of ImGui's item logic, so touch targets and text wrap are ours.
#include "kiosk/ui/widgets.hpp"

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/still_picture.hpp"
#include "kiosk/ui/text_direction.hpp"
#include "kiosk/ui/texture.hpp"
#include "kiosk/ui/theme.hpp"

#include <GL/gl.h>

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <imgui_internal.h>
#include <unordered_map>
#include <vector>

namespace kiosk::ui {
namespace {

std::vector<VisibleText> g_visible;
std::vector<ImVec2> g_wordless;

// Letters, digits or signs: anything but spaces and pictograms (the icon font's private use area).
// Byte by byte, without allocating: it runs for every text on screen in every frame.
bool hasWords(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        char32_t code = length == 1 ? lead : lead & (0x7F >> length);
        for (size_t k = 1; k < length && i + k < text.size(); ++k)
            code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        i += length;
        const bool space = code == U' ' || code == U'\n' || code == U'\t' || code == 0xA0 || code == 0x202F;
        const bool pictogram = (code >= 0xE000 && code <= 0xF8FF) || code >= 0xF0000;
        if (!space && !pictogram) return true;
    }
    return false;
}

void remember(std::string_view text, ImVec2 min, ImVec2 max, bool tappable, bool control = false) {
    // A pictogram alone is a pictogram's button (a key's "⌫"); a pictogram and a space is a label
    // whose words are missing. Where it starts counts: ImGui gives an empty text no rectangle.
    if (!hasWords(text) && (text.empty() || text.find(' ') != std::string_view::npos)) {
        if (ImGui::IsRectVisible(min, ImVec2(min.x + 1, min.y + 1))) g_wordless.push_back(min);
        if (text.empty()) return;
    }
    // Only what is really on screen: scrolled-away cards do not count.
    if (!ImGui::IsRectVisible(min, max)) return;
    ImVec4 clip = ImGui::GetCurrentWindow()->ClipRect.ToVec4();
    const ImVec2 clippedMin(std::max(min.x, clip.x), std::max(min.y, clip.y));
    const ImVec2 clippedMax(std::min(max.x, clip.z), std::min(max.y, clip.w));
    g_visible.push_back({std::string(text), clippedMin, clippedMax, tappable, control, min, max});
}

// A release that ends a scroll drag is not a tap.
bool wasTap(bool pressed) {
    const float threshold = ImGui::GetIO().MouseDragThreshold;
    return pressed && ImGui::GetIO().MouseDragMaxDistanceSqr[0] <= threshold * threshold;
}

struct Colours {
    ImU32 fill, text, border;
};

Colours coloursFor(Look look) {
    const Palette& p = palette();
    switch (look) {
    case Look::Primary: return {p.primary, p.onPrimary, p.primary};
    case Look::Secondary: return {p.surface, p.primary, p.primary};
    case Look::Selected: return {p.accent, p.onPrimary, p.accent};
    case Look::Emergency: return {p.emergency, p.onEmergency, p.emergency};
    }
    return {p.primary, p.onPrimary, p.primary};
}

float frameThickness() { return std::max(2.0f, 0.08f * em()); }

void drawFrame(ImVec2 min, ImVec2 max, Look look, bool held) {
    Colours c = coloursFor(look);
    framedRect(*ImGui::GetWindowDrawList(), min, max, held ? palette().accent : c.fill, c.border, 0.5f * em(),
               frameThickness());
}

void wrappedText(ImFont* font, ImU32 colour, std::string_view text) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    // Wrap at the window's edge unless the caller set a narrower wrap position.
    const float wrap = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    ImVec2 start = ImGui::GetCursorScreenPos();
    if (!rightToLeft() && !hasRightToLeftText(text)) {
        ImGui::PushTextWrapPos(wrap < 0 ? 0.0f : wrap);
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
        remember(text, start, ImGui::GetItemRectMax(), false);
        ImGui::PopTextWrapPos();
    } else {
        // Shaped lines of our own, each starting at the right edge in a right-to-left language.
        const float width = ImGui::CalcWrapWidthForPos(start, wrap < 0 ? 0.0f : wrap);
        ImGui::PushTextWrapPos(-1.0f);
        ImGui::BeginGroup();
        // The lines of one paragraph sit as close as ImGui's own wrapped lines.
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
        for (const std::string& line : displayLines(text, font, font->FontSize, width)) {
            const float lineWidth = ImGui::CalcTextSize(line.c_str(), line.c_str() + line.size()).x;
            ImGui::SetCursorScreenPos(
                ImVec2(rightToLeft() ? start.x + width - lineWidth : start.x, ImGui::GetCursorScreenPos().y));
            ImGui::TextUnformatted(line.c_str(), line.c_str() + line.size());
        }
        ImGui::PopStyleVar();
        ImGui::EndGroup();
        ImGui::PopTextWrapPos();
        remember(text, start, ImVec2(start.x + width, ImGui::GetItemRectMax().y), false);
    }
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// A paragraph of `text` drawn from `at` within `width`, centred or (in a right-to-left language)
// right-aligned; returns its height. Pass no draw list to measure only.
float drawLines(ImDrawList* draw, ImFont* font, ImVec2 at, float width, ImU32 colour, std::string_view text,
                bool centre) {
    float y = at.y;
    for (const std::string& line : displayLines(text, font, font->FontSize, width)) {
        if (draw) {
            const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line.c_str(), line.c_str() + line.size()).x;
            const float x = centre ? at.x + (width - w) * 0.5f : rightToLeft() ? at.x + width - w : at.x;
            draw->AddText(font, font->FontSize, ImVec2(x, y), colour, line.c_str(), line.c_str() + line.size());
        }
        y += font->FontSize;
    }
    return y - at.y;
}

}  // namespace

ImVec2 ems(float width, float height) { return ImVec2(width * em(), height * em()); }

float bigButtonWidth(std::string_view label, float minWidth) {
    const std::string& shown = displayLine(label);
    return std::max(minWidth, ImGui::CalcTextSize(shown.c_str(), shown.c_str() + shown.size()).x + 1.6f * em());
}

Row::Row(float gap)
    : m_gap(gap < 0 ? ImGui::GetStyle().ItemSpacing.x : gap), m_left(ImGui::GetCursorPosX()), m_width(ImGui::GetContentRegionAvail().x), m_top(ImGui::GetCursorPosY()),
      m_bottom(m_top) {}

void Row::place(float width) {
    if (m_used > 0) m_bottom = std::max(m_bottom, ImGui::GetCursorPosY());  // below the item just drawn
    if (m_used > 0 && m_used + width > m_width) {  // a new line
        m_top = m_bottom;
        m_used = 0;
    }
    const float x = rightToLeft() ? m_left + m_width - m_used - width : m_left + m_used;
    ImGui::SetCursorPos(ImVec2(x, m_top));
    m_used += width + m_gap;
}

bool Row::button(std::string_view label, ImVec2 size, Look look) {
    place(bigButtonWidth(label, size.x));
    return bigButton(label, ImVec2(bigButtonWidth(label, size.x), size.y), look);
}

float Row::remaining() const { return std::max(0.0f, m_width - m_used); }

void Row::finish() {
    if (m_finished) return;
    m_finished = true;
    if (m_used == 0) return;  // nothing placed: the cursor is where it was
    m_bottom = std::max(m_bottom, ImGui::GetCursorPosY());
    ImGui::SetCursorPos(ImVec2(m_left, m_bottom));
}

bool bigButton(std::string_view label, ImVec2 size, Look look) {
    const std::string& shown = displayLine(label);
    const ImVec2 textSize = ImGui::CalcTextSize(shown.c_str(), shown.c_str() + shown.size());
    return keyButton(label, ImVec2(std::max(size.x, textSize.x + 1.6f * em()), size.y), look);
}

bool keyButton(std::string_view label, ImVec2 size, Look look) {
    ImGui::PushID(label.data(), label.data() + label.size());
    const std::string& shown = displayLine(label);
    ImVec2 textSize = ImGui::CalcTextSize(shown.c_str(), shown.c_str() + shown.size());
    size.y = std::max(size.y, 2.4f * em());
    bool pressed = ImGui::InvisibleButton("##button", size);
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ImVec2 at(min.x + (size.x - textSize.x) * 0.5f, min.y + (size.y - textSize.y) * 0.5f);
    // In a still picture the key keeps its usual look there, and a finger's key is drawn held over
    // it: the picture stays the same while a family types.
    const bool held = ImGui::IsItemActive();
    const Colours c = coloursFor(look);
    const auto drawKey = [&](ImDrawList& draw, bool asHeld) {
        framedRect(draw, min, max, asHeld ? palette().accent : c.fill, c.border, 0.5f * em(), frameThickness());
        draw.AddText(at, c.text, shown.c_str(), shown.c_str() + shown.size());
    };
    if (held && inStillPicture()) {
        drawKey(*ImGui::GetWindowDrawList(), false);
        drawKey(liveDrawList(), true);
    } else {
        drawKey(*ImGui::GetWindowDrawList(), held);
    }
    remember(label, min, max, true, true);
    ImGui::PopID();
    return wasTap(pressed);
}

bool tile(std::string_view pictogram, std::string_view title, std::string_view subtitle, ImVec2 size, Look look) {
    ImGui::PushID(title.data(), title.data() + title.size());
    bool pressed = ImGui::InvisibleButton("##tile", size);
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    drawFrame(min, max, look, ImGui::IsItemActive());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 text = coloursFor(look).text;
    const Fonts& f = fonts();
    const float wrap = size.x - 1.0f * em();

    ImVec2 iconSize = f.pictogram->CalcTextSizeA(f.pictogram->FontSize, FLT_MAX, 0, pictogram.data(),
                                                 pictogram.data() + pictogram.size());
    const float titleHeight = drawLines(nullptr, f.heading, {}, wrap, text, title, true);
    const float subHeight = drawLines(nullptr, f.body, {}, wrap, text, subtitle, true);
    float total = iconSize.y + titleHeight + subHeight + 0.3f * em();
    float y = min.y + std::max(0.3f * em(), (size.y - total) * 0.5f);
    draw->AddText(f.pictogram, f.pictogram->FontSize, ImVec2(min.x + (size.x - iconSize.x) * 0.5f, y), text,
                  pictogram.data(), pictogram.data() + pictogram.size());
    y += iconSize.y;
    y += drawLines(draw, f.heading, ImVec2(min.x + 0.5f * em(), y), wrap, text, title, true) + 0.3f * em();
    drawLines(draw, f.body, ImVec2(min.x + 0.5f * em(), y), wrap, text, subtitle, true);
    remember(title, min, max, true, true);
    ImGui::PopID();
    return wasTap(pressed);
}

bool card(std::string_view id, std::string_view title, const std::vector<std::string>& lines,
          const std::function<const Texture*()>& picture) {
    const Fonts& f = fonts();
    const float padding = 0.8f * em();
    const float width = ImGui::GetContentRegionAvail().x;
    // The picture only where at least 16 em of text width remain beside it.
    const ImVec2 thumb = picture && width - 2 * padding - 1.5f * em() - 6.5f * em() >= 16 * em()
                             ? ImVec2(5.5f * em(), 4.125f * em())
                             : ImVec2(0, 0);
    const float wrap = width - 2 * padding - 1.5f * em() - (thumb.x > 0 ? thumb.x + em() : 0);  // room for the chevron
    const Palette& p = palette();
    const float titleHeight = drawLines(nullptr, f.heading, {}, wrap, p.primary, title, false);
    float height = 2 * padding + titleHeight;
    std::vector<float> lineHeights;
    for (const auto& line : lines) {
        lineHeights.push_back(drawLines(nullptr, f.body, {}, wrap, p.text, line, false));
        height += lineHeights.back() + 0.25f * em();
    }
    height = std::max(height, thumb.y + 2 * padding);

    ImGui::PushID(id.data(), id.data() + id.size());
    bool pressed = ImGui::InvisibleButton("##card", ImVec2(width, height));
    if (!ImGui::IsItemVisible()) {  // scrolled out of view: its place is kept, nothing drawn
        ImGui::PopID();
        return false;
    }
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    framedRect(*draw, min, max, ImGui::IsItemActive() ? p.pressed : p.surface, p.border, 0.5f * em(),
               std::max(1.0f, 0.05f * em()));
    // The chevron points the way the reader goes on: right, or left in a right-to-left language.
    const bool rtl = rightToLeft();
    const float pictureRoom = thumb.x > 0 ? thumb.x + em() : 0;
    const float textX = rtl ? max.x - padding - pictureRoom - wrap : min.x + padding + pictureRoom;
    if (thumb.x > 0)
        if (const Texture* texture = picture()) {
            const ImVec2 at(rtl ? max.x - padding - thumb.x : min.x + padding, min.y + padding);
            drawPicture(*draw, *texture, at, ImVec2(at.x + thumb.x, at.y + thumb.y), 0.3f * em());
        }
    float y = min.y + padding;
    y += drawLines(draw, f.heading, ImVec2(textX, y), wrap, p.primary, title, false) + 0.25f * em();
    for (size_t i = 0; i < lines.size(); ++i)
        y += drawLines(draw, f.body, ImVec2(textX, y), wrap, p.text, lines[i], false) + 0.25f * em();
    const char* chevron = rtl ? "\xEF\x85\x81" : "\xEF\x85\x82";  // chevron-left, chevron-right
    const float chevronX = rtl ? min.x + padding : max.x - padding - f.heading->FontSize;
    draw->AddText(f.heading, f.heading->FontSize, ImVec2(chevronX, min.y + (height - f.heading->FontSize) * 0.5f),
                  p.primary, chevron);
    remember(title, min, max, true, true);
    ImGui::PopID();
    return wasTap(pressed);
}

namespace {

// Where the cards of one list lie: heights measured where a card was drawn, estimated elsewhere.
struct CardListLayout {
    float width = 0, em = 0;     // the heights hold for this width and text size
    std::vector<float> heights;  // measured, or negative: not drawn yet
    std::vector<float> tops;     // of each card, from the list's top, spacing included; one more: the end
    int lastFrame = 0;

    void reset(size_t count, float newWidth, float newEm, float spacing) {
        width = newWidth;
        em = newEm;
        heights.assign(count, -1.0f);
        place(spacing);
    }
    // Each card's top from the heights; an unmeasured card is as high as the measured ones on average.
    void place(float spacing) {
        float measured = 0;
        size_t known = 0;
        for (float h : heights)
            if (h >= 0) measured += h, ++known;
        const float estimate = known ? measured / static_cast<float>(known) : 5 * em;
        tops.resize(heights.size() + 1);
        float y = 0;
        for (size_t i = 0; i < heights.size(); ++i) {
            tops[i] = y;
            y += (heights[i] >= 0 ? heights[i] : estimate) + spacing;
        }
        tops.back() = y;
    }
};

// The lists drawn lately (a screen left a while ago measures anew when it comes back).
std::unordered_map<ImGuiID, CardListLayout> g_cardLists;

CardListLayout& cardListLayout(ImGuiID id) {
    const int frame = ImGui::GetFrameCount();
    if (g_cardLists.size() > 8)
        for (auto it = g_cardLists.begin(); it != g_cardLists.end();)
            it = frame - it->second.lastFrame > 60 ? g_cardLists.erase(it) : std::next(it);
    CardListLayout& layout = g_cardLists[id];
    layout.lastFrame = frame;
    return layout;
}

}  // namespace

int cardList(std::string_view key, size_t count, const std::function<CardText(size_t)>& cardAt) {
    CardListLayout& layout = cardListLayout(ImGui::GetID(key.data(), key.data() + key.size()));
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    if (layout.heights.size() != count || layout.width != width || layout.em != em()) {
        layout.reset(count, width, em(), spacing);
    }
    if (count == 0) return -1;
    // In the list's own coordinates: what the scroll area shows of it.
    const float start = ImGui::GetCursorPosY();
    const float viewTop = ImGui::GetScrollY() - start;
    const float viewBottom = viewTop + ImGui::GetWindowHeight();
    // The first card whose bottom is in view or below it.
    size_t i = static_cast<size_t>(std::upper_bound(layout.tops.begin() + 1, layout.tops.end(), viewTop) -
                                   (layout.tops.begin() + 1));
    int tapped = -1;
    for (; i < count && layout.tops[i] < viewBottom; ++i) {
        ImGui::SetCursorPosY(start + layout.tops[i]);
        const CardText text = cardAt(i);
        if (card(text.id, text.title, text.lines)) tapped = static_cast<int>(i);
        const float height = ImGui::GetItemRectSize().y;
        if (height != layout.heights[i]) {
            layout.heights[i] = height;
            layout.place(spacing);  // the cards below move with it
        }
    }
    // The end of the last card ends the content (the scroll range), and what follows goes below it.
    ImGui::SetCursorPosY(start + layout.tops.back() - spacing);
    ImGui::GetCurrentWindow()->DC.CursorPos.y += spacing;
    return tapped;
}

void titleText(std::string_view text) { wrappedText(fonts().title, palette().text, text); }
void headingText(std::string_view text) { wrappedText(fonts().heading, palette().text, text); }
void strongText(std::string_view text) { wrappedText(fonts().bold, palette().text, text); }
void strongText(std::string_view text, ImU32 colour) { wrappedText(fonts().bold, colour, text); }

void tableRow(std::string_view label, std::string_view value, float column) {
    if (rightToLeft()) {  // the label on the right, its value to the left of it
        const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
        const float y = ImGui::GetCursorPosY();
        ImGui::PushTextWrapPos(right);
        paragraph(label);
        ImGui::PopTextWrapPos();
        const float below = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(y);
        ImGui::PushTextWrapPos(right - column);
        paragraph(value);
        ImGui::PopTextWrapPos();
        ImGui::SetCursorPosY(std::max(below, ImGui::GetCursorPosY()));
        return;
    }
    const float x = ImGui::GetCursorPosX();
    ImGui::BeginGroup();
    paragraph(label);
    ImGui::EndGroup();
    ImGui::SameLine(x + column);
    paragraph(value);
}
void paragraph(std::string_view text) { wrappedText(fonts().body, palette().text, text); }
void mutedText(std::string_view text) { wrappedText(fonts().body, palette().textMuted, text); }

void tag(std::string_view label) {
    const std::string& text = displayLine(label);
    ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    ImVec2 min = ImGui::GetCursorScreenPos();
    const float width = size.x + 0.6f * em();
    ImGui::Dummy(ImVec2(width, size.y + 0.3f * em()));
    if (rightToLeft()) min.x += ImGui::GetContentRegionAvail().x - width;  // at the reader's side, as the text
    ImVec2 max(min.x + width, min.y + size.y + 0.3f * em());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRect(min, max, palette().textMuted, 0.3f * em(), 0, std::max(1.0f, 0.06f * em()));
    draw->AddText(ImVec2(min.x + 0.3f * em(), min.y + 0.15f * em()), palette().textMuted, text.data(),
                  text.data() + text.size());
    remember(label, min, max, false);
}

namespace {

// An opaque fill the GL clears instead of shading: a software GL (llvmpipe) runs ImGui's shader,
// a texture lookup and the blending for every pixel of a triangle, but clears a scissored
// rectangle at the speed of memory. Its rectangle and clip rectangle in ImGui's coordinates.
struct ClearedFill {
    ImVec2 min, max, clipMin, clipMax;
    ImU32 colour = 0;
};

// The fills of the ImGui frame being drawn, as many as it has: emptied when the first fill of the
// next frame (or of another ImGui context) is added, which is after this frame's draw lists were
// rendered. A draw command's user data names its fill by frame and index, so a command of an
// older frame finds none rather than another's.
struct FrameFills {
    const ImGuiContext* context = nullptr;
    int frame = -1;
    std::vector<ClearedFill> fills;

    static std::uintptr_t key(int frame, size_t index) {
        return (static_cast<std::uintptr_t>(static_cast<std::uint32_t>(frame)) << 32) | static_cast<std::uint32_t>(index);
    }
    std::uintptr_t add(const ClearedFill& fill) {
        const ImGuiContext* now = ImGui::GetCurrentContext();
        if (now != context || ImGui::GetFrameCount() != frame) {
            context = now;
            frame = ImGui::GetFrameCount();
            fills.clear();
        }
        fills.push_back(fill);
        return key(frame, fills.size() - 1);
    }
    const ClearedFill* find(std::uintptr_t at) const {
        const size_t index = at & 0xFFFFFFFFu;
        if (ImGui::GetCurrentContext() != context || key(frame, index) != at || index >= fills.size()) return nullptr;
        return &fills[index];
    }
};
static_assert(sizeof(std::uintptr_t) >= 8, "a fill's key holds its frame and its index");
FrameFills g_frameFills;

// The pixels [first, last) whose centres a triangle edge at `from` and `to` covers (GL's rule).
int firstPixel(float at) { return static_cast<int>(std::ceil(at - 0.5f)); }

void clearFill(const ImDrawList*, const ImDrawCmd* cmd) {
    const ClearedFill* found = g_frameFills.find(reinterpret_cast<std::uintptr_t>(cmd->UserCallbackData));
    if (!found) return;
    const ClearedFill& f = *found;
    const ImDrawData* data = drawDataBeingRendered();  // the screen's, or a still picture's
    const ImVec2 pos = data->DisplayPos, scale = data->FramebufferScale;
    const int height = static_cast<int>(data->DisplaySize.y * scale.y);
    // The clip rectangle as ImGui's OpenGL renderer turns it into a scissor box: the list's when the
    // fill was added, and the command's (the same, or narrower where a still picture clipped it).
    const ImVec2 fillMin(std::max(f.clipMin.x, cmd->ClipRect.x), std::max(f.clipMin.y, cmd->ClipRect.y));
    const ImVec2 fillMax(std::min(f.clipMax.x, cmd->ClipRect.z), std::min(f.clipMax.y, cmd->ClipRect.w));
    const ImVec2 clipMin((fillMin.x - pos.x) * scale.x, (fillMin.y - pos.y) * scale.y);
    const ImVec2 clipMax((fillMax.x - pos.x) * scale.x, (fillMax.y - pos.y) * scale.y);
    if (clipMax.x <= clipMin.x || clipMax.y <= clipMin.y) return;
    const int clipX = static_cast<int>(clipMin.x), clipY = static_cast<int>(clipMin.y);
    const int clipX1 = clipX + static_cast<int>(clipMax.x - clipMin.x);
    const int clipY1 = clipY + static_cast<int>(clipMax.y - clipMin.y);
    const int x0 = std::max(clipX, firstPixel((f.min.x - pos.x) * scale.x));
    const int x1 = std::min(clipX1, firstPixel((f.max.x - pos.x) * scale.x));
    const int y0 = std::max(clipY, firstPixel((f.min.y - pos.y) * scale.y));
    const int y1 = std::min(clipY1, firstPixel((f.max.y - pos.y) * scale.y));
    if (x1 <= x0 || y1 <= y0) return;
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(f.colour);
    glScissor(x0, height - y1, x1 - x0, y1 - y0);  // GL counts rows from the bottom
    glClearColor(c.x, c.y, c.z, c.w);
    glClear(GL_COLOR_BUFFER_BIT);
}

// Clears min..max to `fill` where the draw list's clip rectangle lets it.
void addClear(ImDrawList& draw, ImVec2 min, ImVec2 max, ImU32 fill) {
    if (max.x <= min.x || max.y <= min.y) return;
    const std::uintptr_t at = g_frameFills.add({min, max, draw.GetClipRectMin(), draw.GetClipRectMax(), fill});
    draw.AddCallback(clearFill, reinterpret_cast<void*>(at));
}

// An opaque rectangle with rounded corners, without smoothing, as AddRectFilled draws it (the same
// corners: ImGui's rounding limit and arcs), the inside cleared and only the corners shaded.
void opaqueRoundedRect(ImDrawList& draw, ImVec2 min, ImVec2 max, ImU32 fill, float rounding) {
    rounding = std::min({rounding, std::fabs(max.x - min.x) * 0.5f - 1.0f, std::fabs(max.y - min.y) * 0.5f - 1.0f});
    if (rounding <= 0.0f) {
        addClear(draw, min, max, fill);
        return;
    }
    addClear(draw, ImVec2(min.x, min.y + rounding), ImVec2(max.x, max.y - rounding), fill);  // across
    addClear(draw, ImVec2(min.x + rounding, min.y), ImVec2(max.x - rounding, min.y + rounding), fill);  // top
    addClear(draw, ImVec2(min.x + rounding, max.y - rounding), ImVec2(max.x - rounding, max.y), fill);  // bottom
    const ImVec2 centres[] = {{min.x + rounding, min.y + rounding}, {max.x - rounding, min.y + rounding},
                              {max.x - rounding, max.y - rounding}, {min.x + rounding, max.y - rounding}};
    const int arcs[][2] = {{6, 9}, {9, 12}, {0, 3}, {3, 6}};  // in twelfths of a circle, as PathRect
    for (int corner = 0; corner < 4; ++corner) {
        draw.PathArcToFast(centres[corner], rounding, arcs[corner][0], arcs[corner][1]);
        draw.PathLineTo(centres[corner]);
        draw.PathFillConvex(fill);
    }
}

// A rounded rectangle with smoothed edges, as AddRectFilled draws it: where it is sure to be
// opaque (a band a pixel inside its straight edges, between its corners) cleared, and the same
// triangles drawn only in four strips along its edges (clip rectangles, which the GL tests before
// shading), so every pixel is as before and the big tiles are shaded on a tenth of their area.
void smoothedOpaqueRect(ImDrawList& draw, ImVec2 min, ImVec2 max, ImU32 fill, float rounding) {
    const float r = std::max(0.0f, std::min({rounding, (max.x - min.x) * 0.5f - 1.0f, (max.y - min.y) * 0.5f - 1.0f}));
    const bool opaque = ((fill >> IM_COL32_A_SHIFT) & 0xFF) == 0xFF;
    if (!opaque || max.y - min.y < 2 * r + 8 || max.x - min.x < 12) {
        draw.AddRectFilled(min, max, fill, rounding);
        return;
    }
    addClear(draw, ImVec2(min.x + 1, min.y + r + 1), ImVec2(max.x - 1, max.y - r - 1), fill);
    // Whole pixels, so that the strips' scissor boxes meet without overlapping: a smoothed edge
    // pixel drawn twice would be darker.
    const float left = std::floor(min.x), right = std::floor(max.x), top = std::floor(min.y) - 2;
    const float bottom = std::ceil(max.y) + 2;
    const float topEnd = std::floor(min.y + r) + 2, bottomStart = std::floor(max.y - r) - 1;
    const ImVec2 strips[][2] = {
        {{left - 2, top}, {std::ceil(max.x) + 2, topEnd}},              // top, with its corners
        {{left - 2, bottomStart}, {std::ceil(max.x) + 2, bottom}},      // bottom, with its corners
        {{left - 2, topEnd}, {left + 3, bottomStart}},                  // left edge
        {{right - 3, topEnd}, {right + 3, bottomStart}},                // right edge
    };
    for (const auto& strip : strips) {
        draw.PushClipRect(strip[0], strip[1], true);
        draw.AddRectFilled(min, max, fill, rounding);
        draw.PopClipRect();
    }
}

}  // namespace

void drawPicture(ImDrawList& draw, const Texture& texture, ImVec2 min, ImVec2 max, float rounding) {
    const float boxWidth = max.x - min.x, boxHeight = max.y - min.y;
    if (boxWidth <= 0 || boxHeight <= 0 || texture.width() < 1 || texture.height() < 1) return;
    // Cut the picture to the box's proportions: the middle part of the longer side.
    const float picture = static_cast<float>(texture.width()) / static_cast<float>(texture.height());
    const float box = boxWidth / boxHeight;
    ImVec2 uvMin(0, 0), uvMax(1, 1);
    if (picture > box) {
        const float keep = box / picture;
        uvMin.x = (1 - keep) / 2, uvMax.x = 1 - uvMin.x;
    } else {
        const float keep = picture / box;
        uvMin.y = (1 - keep) / 2, uvMax.y = 1 - uvMin.y;
    }
    sampleSmooth(draw);  // a picture drawn smaller than it is: blended, not the nearest texel
    draw.AddImageRounded(texture.id(), min, max, uvMin, uvMax, IM_COL32_WHITE, rounding);
    sampleNearest(draw);
}

std::optional<ClearedRect> clearedRect(const ImDrawCmd& command) {
    if (command.UserCallback != clearFill) return std::nullopt;
    const ClearedFill* found = g_frameFills.find(reinterpret_cast<std::uintptr_t>(command.UserCallbackData));
    if (!found) return std::nullopt;
    return ClearedRect{found->min, found->max, found->colour};
}

void framedRect(ImDrawList& draw, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border, float rounding, float thickness) {
    if (fill == border) {  // where the outline would have reached, half its width outside
        const float half = 0.5f * thickness;
        smoothedOpaqueRect(draw, ImVec2(min.x - half, min.y - half), ImVec2(max.x + half, max.y + half), fill,
                           rounding + half);
        return;
    }
    const ImDrawListFlags smoothing = draw.Flags;
    draw.Flags &= ~ImDrawListFlags_AntiAliasedFill;  // the outline lies over the fill's edge
    // An opaque fill without smoothing replaces what is behind it: cleared, not shaded (above).
    if (((fill >> IM_COL32_A_SHIFT) & 0xFF) == 0xFF) opaqueRoundedRect(draw, min, max, fill, rounding);
    else draw.AddRectFilled(min, max, fill, rounding);
    draw.Flags = smoothing;
    draw.AddRect(min, max, border, rounding, 0, thickness);
}

void progressBar(float fraction, ImVec2 size) {
    ImGui::Dummy(size);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const Palette& p = palette();
    const float rounding = 0.5f * size.y;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, p.surface, rounding);
    const float filled = std::clamp(fraction, 0.0f, 1.0f) * (max.x - min.x);
    if (filled >= 1.0f) {  // filling the way the reader reads
        const float w = std::max(filled, 2 * rounding);
        if (rightToLeft()) draw->AddRectFilled(ImVec2(max.x - w, min.y), max, p.primary, rounding);
        else draw->AddRectFilled(min, ImVec2(min.x + w, max.y), p.primary, rounding);
    }
    draw->AddRect(min, max, p.border, rounding, 0, std::max(1.0f, 0.05f * em()));
}

float bottomBlockHeight(const char* id) { return ImGui::GetStateStorage()->GetFloat(ImGui::GetID(id), 0.0f); }

void beginBottomBlock() { ImGui::BeginGroup(); }

void endBottomBlock(const char* id) {
    ImGui::EndGroup();
    ImGui::GetStateStorage()->SetFloat(ImGui::GetID(id), ImGui::GetItemRectSize().y + ImGui::GetStyle().ItemSpacing.y);
}

void beginScrollArea(const char* id, ImVec2 size) {
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_None);
    // Drag anywhere in the area to scroll, as a finger expects; a tap still reaches the card below.
    // Not while the scroll bar itself is held, which scrolls on its own.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const bool onScrollbar = ImGui::GetActiveID() == ImGui::GetWindowScrollbarID(window, ImGuiAxis_Y);
    if (!onScrollbar &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_ChildWindows) &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    // Not a still picture (yet): a list's picture is made anew at nearly every change of screen,
    // and a 300,000-tap soak with them grew (see Still pictures in README.md).
}

void endScrollArea() { ImGui::EndChild(); }

void qrImage(const Texture& texture, float maxSide) {
    const int modules = texture.width();
    const float scale = std::max(1.0f, std::floor(maxSide / static_cast<float>(modules)));
    const float side = scale * static_cast<float>(modules);
    // Whole-pixel position too, or nearest filtering makes uneven modules.
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(std::floor(at.x), std::floor(at.y)));
    ImGui::Image(texture.id(), ImVec2(side, side));
}

void noteVisibleText(std::string_view text, ImVec2 min, ImVec2 max) { remember(text, min, max, false); }
void noteTappableText(std::string_view text, ImVec2 min, ImVec2 max, bool control) {
    remember(text, min, max, true, control);
}
void clearVisibleTexts() {
    g_visible.clear();
    g_wordless.clear();
}
const std::vector<VisibleText>& visibleTexts() { return g_visible; }
const std::vector<ImVec2>& wordlessTexts() { return g_wordless; }

void forgetDrawListMemory() {
    forgetStillPictures();
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context) return;
    for (ImGuiWindow* window : context->Windows) {
        if (!window->MemoryCompacted) ImGui::GcCompactTransientWindowBuffers(window);
        window->MemoryDrawListIdxCapacity = window->MemoryDrawListVtxCapacity = 0;  // not given back on waking
    }
}

}  // namespace kiosk::ui
