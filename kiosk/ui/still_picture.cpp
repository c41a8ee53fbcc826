// Still pictures: record a part of the window's drawing, compare it with the frame before, and
// show it from a picture the GL drew once while it stays the same (see still_picture.hpp).
#include "kiosk/ui/still_picture.hpp"

#include "kiosk/ui/texture.hpp"
#include "kiosk/ui/widgets.hpp"

#include <imgui_internal.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

namespace kiosk::ui {
namespace {

// A draw command as the comparison sees it: a cleared fill by what it clears (its callback's
// data names it by frame, which differs every frame), any other callback by its data.
struct Command {
    ImVec4 clip;
    ImTextureID texture = nullptr;
    unsigned vtxOffset = 0, idxOffset = 0, elements = 0;
    ImDrawCallback callback = nullptr;
    void* callbackData = nullptr;
    std::optional<ClearedRect> cleared;

    bool operator==(const Command& o) const {
        const auto sameRect = [](const std::optional<ClearedRect>& a, const std::optional<ClearedRect>& b) {
            if (a.has_value() != b.has_value()) return false;
            return !a || (a->min.x == b->min.x && a->min.y == b->min.y && a->max.x == b->max.x &&
                          a->max.y == b->max.y && a->colour == b->colour);
        };
        return std::memcmp(&clip, &o.clip, sizeof clip) == 0 && texture == o.texture && vtxOffset == o.vtxOffset &&
               idxOffset == o.idxOffset && elements == o.elements && callback == o.callback &&
               (cleared ? sameRect(cleared, o.cleared) : callbackData == o.callbackData);
    }
    static Command of(const ImDrawCmd& c) {
        return {c.ClipRect, c.TextureId, c.VtxOffset, c.IdxOffset, c.ElemCount, c.UserCallback, c.UserCallbackData,
                clearedRect(c)};
    }
};

// What a frame drew into one picture's list, kept to compare the next frame's with.
struct Recording {
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;
    std::vector<Command> commands;

    void take(const ImDrawList& list) {  // into the vectors it has: no new memory while a list scrolls
        vertices.assign(list.VtxBuffer.begin(), list.VtxBuffer.end());
        indices.assign(list.IdxBuffer.begin(), list.IdxBuffer.end());
        commands.clear();
        for (const ImDrawCmd& c : list.CmdBuffer) commands.push_back(Command::of(c));
    }
    bool same(const ImDrawList& list) const {
        if (static_cast<size_t>(list.VtxBuffer.Size) != vertices.size() ||
            static_cast<size_t>(list.IdxBuffer.Size) != indices.size() ||
            static_cast<size_t>(list.CmdBuffer.Size) != commands.size())
            return false;
        if (!vertices.empty() && std::memcmp(list.VtxBuffer.Data, vertices.data(), vertices.size() * sizeof(ImDrawVert)))
            return false;
        if (!indices.empty() && std::memcmp(list.IdxBuffer.Data, indices.data(), indices.size() * sizeof(ImDrawIdx)))
            return false;
        for (size_t i = 0; i < commands.size(); ++i)
            if (!(Command::of(list.CmdBuffer[static_cast<int>(i)]) == commands[i])) return false;
        return true;
    }
};

struct Picture {
    ImGuiID id = 0;
    int lastFrame = -1;
    ImDrawList list{nullptr};   // this frame's own drawing (ImGui's shared data set on first use)
    ImDrawList under{nullptr};  // what the window had drawn before it, this frame
    ImDrawList full{nullptr};   // what the picture shows: what lies under it, then its own drawing
    Recording last;             // the frame before's `full`
    bool drawn = false;         // the canvas shows `last`, at min..max
    ImVec2 min, max;            // where, on screen
};

struct Scope {
    ImGuiWindow* window = nullptr;
    ImDrawList* own = nullptr;  // the window's list, split: the picture in channel 0, live drawing in 1
    Picture* picture = nullptr;
    ImU32 background = 0;
    int depth = 0;  // begins inside a picture (drawn into it, without one of their own)
};

std::vector<std::unique_ptr<Picture>> g_pictures;
Scope g_scope;

// Every picture is drawn into one texture the size of the screen, each where it is on screen (no
// two pictures overlap on screen). It is made once, and made again only when the screen's size
// changes: Mesa's llvmpipe holds memory for a while after a texture and its framebuffer are
// deleted (heaptrack: 12 MB still held at a soak's report), and a soak whose pictures each had a
// texture of their own, made and deleted as screens changed, grew.
std::optional<DrawnTexture> g_canvas;

bool g_glRefused = false;  // a picture could not be made or drawn: everything drawn directly from then on

bool picturesTurnedOff() {
    static const bool off = [] {
        const char* direct = std::getenv("KIOSK_DRAW_DIRECT");
        return direct && *direct && std::strcmp(direct, "0") != 0;
    }();
    return off;
}

// The picture named `id`, made on first use; pictures not drawn in the frame before are let go
// (their screen is gone: what was recorded would only hold memory).
Picture& pictureFor(ImGuiID id) {
    const int frame = ImGui::GetFrameCount();
    std::erase_if(g_pictures, [&](const auto& p) { return p->lastFrame < frame - 1; });
    for (auto& p : g_pictures)
        if (p->id == id) return *p;
    auto& p = g_pictures.emplace_back(std::make_unique<Picture>());
    p->id = id;
    return *p;
}

// Marks where a picture's own drawing begins in its list, after a copy of what the window drew
// before it (see beginStillPicture). Draws nothing.
void sceneStarts(const ImDrawList*, const ImDrawCmd*) {}

int sceneStart(const ImDrawList& list) {  // the first command of the picture's own drawing
    for (int i = 0; i < list.CmdBuffer.Size; ++i)
        if (list.CmdBuffer[i].UserCallback == sceneStarts) return i + 1;
    return 0;
}

// `from`'s commands from the `first` on (to `end`) appended to `to`, as if they had been drawn
// there; with `within`, clipped to that rectangle (x, y, x1, y1) too.
void append(ImDrawList& to, const ImDrawList& from, int first, int end = -1, const ImVec4* within = nullptr) {
    for (int n = first; n < (end < 0 ? from.CmdBuffer.Size : end); ++n) {
        const ImDrawCmd& c = from.CmdBuffer[n];
        if (c.UserCallback == sceneStarts) continue;
        ImVec4 clip = c.ClipRect;
        if (within) {
            clip = ImVec4(std::max(clip.x, within->x), std::max(clip.y, within->y), std::min(clip.z, within->z),
                          std::min(clip.w, within->w));
            clip.z = std::max(clip.z, clip.x);
            clip.w = std::max(clip.w, clip.y);
        }
        if (c.UserCallback) {  // a state change (kept), or a cleared fill (it clears within the clip)
            to.PushClipRect(ImVec2(clip.x, clip.y), ImVec2(clip.z, clip.w));
            to.AddCallback(c.UserCallback, c.UserCallbackData);
            to.PopClipRect();
            continue;
        }
        if (c.ElemCount == 0 || clip.z <= clip.x || clip.w <= clip.y) continue;
        unsigned lowest = ~0u, highest = 0;
        for (unsigned i = 0; i < c.ElemCount; ++i) {
            const unsigned v = from.IdxBuffer[static_cast<int>(c.IdxOffset + i)];
            lowest = std::min(lowest, v);
            highest = std::max(highest, v);
        }
        to.PushClipRect(ImVec2(clip.x, clip.y), ImVec2(clip.z, clip.w));
        to.PushTextureID(c.TextureId);
        to.PrimReserve(static_cast<int>(c.ElemCount), static_cast<int>(highest - lowest + 1));
        const unsigned base = to._VtxCurrentIdx;
        for (unsigned v = lowest; v <= highest; ++v) {
            const ImDrawVert& vertex = from.VtxBuffer[static_cast<int>(c.VtxOffset + v)];
            to.PrimWriteVtx(vertex.pos, vertex.uv, vertex.col);
        }
        for (unsigned i = 0; i < c.ElemCount; ++i)
            to.PrimWriteIdx(static_cast<ImDrawIdx>(base + from.IdxBuffer[static_cast<int>(c.IdxOffset + i)] - lowest));
        to.PopTextureID();
        to.PopClipRect();
    }
}

// The rectangle a draw command covers: its cleared fill's, or its vertices'.
ImVec4 coverage(const ImDrawList& list, const ImDrawCmd& c) {
    if (const auto cleared = clearedRect(c)) return ImVec4(cleared->min.x, cleared->min.y, cleared->max.x, cleared->max.y);
    ImVec4 box(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
    for (unsigned i = 0; i < c.ElemCount; ++i) {
        const ImVec2 p = list.VtxBuffer[static_cast<int>(c.VtxOffset + list.IdxBuffer[static_cast<int>(c.IdxOffset + i)])].pos;
        box = ImVec4(std::min(box.x, p.x), std::min(box.y, p.y), std::max(box.z, p.x), std::max(box.w, p.y));
    }
    return box;
}

// What of `from` lies under min..max, appended to `to` (clipped to min..max): the commands that
// draw there, and every state change (a callback without pixels of its own). False when something
// there is another picture (its texture may change while its commands stay the same, which the
// comparison would miss).
bool appendUnder(ImDrawList& to, const ImDrawList& from, ImVec2 min, ImVec2 max) {
    const ImVec4 within(min.x, min.y, max.x, max.y);
    for (int n = 0; n < from.CmdBuffer.Size; ++n) {
        const ImDrawCmd& c = from.CmdBuffer[n];
        const bool pixels = c.ElemCount > 0 || clearedRect(c);
        if (pixels) {
            const ImVec4 box = coverage(from, c);
            if (box.z < min.x || box.x > max.x || box.w < min.y || box.y > max.y) continue;
            if (!c.UserCallback && isDrawnTexture(c.TextureId)) return false;
        }
        append(to, from, n, n + 1, &within);
    }
    return true;
}

// Where the picture's own drawing lies, in whole pixels, within `clip`: its vertices and cleared fills.
bool bounds(const ImDrawList& list, ImVec4 clip, ImVec2& min, ImVec2& max) {
    min = ImVec2(FLT_MAX, FLT_MAX);
    max = ImVec2(-FLT_MAX, -FLT_MAX);
    const auto add = [&](ImVec2 p) {
        min = ImVec2(std::min(min.x, p.x), std::min(min.y, p.y));
        max = ImVec2(std::max(max.x, p.x), std::max(max.y, p.y));
    };
    for (int n = sceneStart(list); n < list.CmdBuffer.Size; ++n) {
        const ImDrawCmd& c = list.CmdBuffer[n];
        if (const auto cleared = clearedRect(c)) {
            add(cleared->min);
            add(cleared->max);
        }
        for (unsigned i = 0; i < c.ElemCount; ++i)
            add(list.VtxBuffer[static_cast<int>(c.VtxOffset + list.IdxBuffer[static_cast<int>(c.IdxOffset + i)])].pos);
    }
    // Every pixel whose centre a triangle can cover (smoothed edges have vertices of their own, half
    // a pixel out), and no further than the window lets anything show: its clip rectangle as ImGui's
    // OpenGL renderer makes a scissor box of it.
    const float clipX = std::trunc(clip.x), clipY = std::trunc(clip.y);
    const float clipX1 = clipX + std::trunc(clip.z - clip.x), clipY1 = clipY + std::trunc(clip.w - clip.y);
    min = ImVec2(std::max(std::floor(min.x), clipX), std::max(std::floor(min.y), clipY));
    max = ImVec2(std::min(std::ceil(max.x), clipX1), std::min(std::ceil(max.y), clipY1));
    return max.x > min.x && max.y > min.y;
}

bool overlap(const Picture& a, const Picture& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

// Draws `full` into the canvas, at min..max (what another picture showed there is gone); false
// when the GL cannot.
bool drawPicture(Picture& p, ImU32 background) {
    const ImGuiViewport& screen = *ImGui::GetMainViewport();
    const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
    const int width = static_cast<int>(std::lround(screen.Size.x * scale.x));
    const int height = static_cast<int>(std::lround(screen.Size.y * scale.y));
    if (!g_canvas || g_canvas->width() != width || g_canvas->height() != height) {
        g_canvas.reset();
        for (auto& other : g_pictures) other->drawn = false;
        g_canvas = DrawnTexture::make(width, height);
        if (!g_canvas) return false;
    }
    for (auto& other : g_pictures)
        if (other.get() != &p && other->drawn && overlap(*other, p)) other->drawn = false;
    return g_canvas->drawPart(p.full, screen.Pos, scale, background, p.min, p.max);
}

// A new frame's list for `p`, drawing as `like` does.
void restart(ImDrawList& list, const ImDrawList& like) {
    if (!list._Data) list._Data = ImGui::GetDrawListSharedData();
    list._ResetForNewFrame();
    list.Flags = like.Flags;
    list.PushTextureID(like._TextureIdStack.back());
    list.PushClipRect(like.GetClipRectMin(), like.GetClipRectMax());
}

// `full`: what lies under the picture (its window's parent's drawing, for a child window, whose
// scroll bar ImGui draws there; its window's own before it), then its own drawing. False when
// something under it is another picture.
bool collectFull(Picture& p, const ImGuiWindow& window, const ImDrawList& own) {
    restart(p.full, own);
    // Texels as the screen takes them (the app asks for the nearest each frame, kiosk_app.cpp): a
    // picture is drawn by itself, before the screen's first command has set that.
    sampleNearest(p.full);
    if ((window.Flags & ImGuiWindowFlags_ChildWindow) && window.ParentWindow &&
        !appendUnder(p.full, *window.ParentWindow->DrawList, p.min, p.max))
        return false;
    if (!appendUnder(p.full, p.under, p.min, p.max)) return false;
    p.full.AddCallback(sceneStarts, nullptr);
    const ImVec4 within(p.min.x, p.min.y, p.max.x, p.max.y);
    append(p.full, p.list, 0, -1, &within);
    return true;
}

}  // namespace

void beginStillPicture(const char* id, ImU32 background) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (g_scope.picture || g_scope.depth > 0 || g_glRefused || picturesTurnedOff() ||
        window->DrawList->_Splitter._Count > 1) {
        ++g_scope.depth;  // drawn where it is drawn: into the picture around it, or directly
        return;
    }
    Picture& p = pictureFor(window->GetID(id));
    p.lastFrame = ImGui::GetFrameCount();
    ImDrawList& own = *window->DrawList;
    // What the window drew before, kept to put under the picture (it is split off below).
    restart(p.under, own);
    append(p.under, own, 0);
    restart(p.list, own);
    own.ChannelsSplit(2);
    own.ChannelsSetCurrent(1);
    window->DrawList = &p.list;
    g_scope = {window, &own, &p, background, 0};
}

void endStillPicture() {
    if (g_scope.depth > 0 || !g_scope.picture) {  // the end of a begin that made no picture
        g_scope.depth = std::max(0, g_scope.depth - 1);
        return;
    }
    Picture& p = *g_scope.picture;
    ImDrawList& own = *g_scope.own;
    ImGuiWindow* window = g_scope.window;
    window->DrawList = &own;
    const ImU32 background = g_scope.background;
    g_scope = {};
    p.list._PopUnusedDrawCmd();
    // The picture replaces every pixel of its rectangle: so it holds what lies under it too (a
    // scroll bar's smoothed edge shares a column of pixels with the cards' border).
    const ImVec4 clip = p.list._ClipRectStack.front();
    const bool plain = bounds(p.list, clip, p.min, p.max) && collectFull(p, *window, own);
    const bool still = plain && p.last.same(p.full);
    if (!still) {
        p.last.take(p.full);
        p.drawn = false;
    } else if (!p.drawn) {
        p.drawn = drawPicture(p, background);  // the second frame alike: worth a picture
        if (!p.drawn && !g_glRefused) {
            g_glRefused = true;
            spdlog::warn("screen: the GL could not draw a still picture ({:.0f} x {:.0f}); drawing everything directly",
                         p.max.x - p.min.x, p.max.y - p.min.y);
        }
    }
    own.ChannelsSetCurrent(0);
    if (still && p.drawn) {
        const ImVec2 origin = ImGui::GetMainViewport()->Pos, scale = ImGui::GetIO().DisplayFramebufferScale;
        g_canvas->show(own, p.min, p.max, ImVec2((p.min.x - origin.x) * scale.x, (p.min.y - origin.y) * scale.y),
                       ImVec2((p.max.x - origin.x) * scale.x, (p.max.y - origin.y) * scale.y), 0, background);
    } else {
        append(own, p.list, 0);
    }
    own.ChannelsMerge();
}

bool inStillPicture() { return g_scope.picture && ImGui::GetCurrentWindow() == g_scope.window; }

ImDrawList& liveDrawList() { return inStillPicture() ? *g_scope.own : *ImGui::GetWindowDrawList(); }

void forgetStillPictures() {
    g_pictures.clear();
    g_scope = {};
}

void releaseStillPictures() {
    forgetStillPictures();
    g_canvas.reset();
}

}  // namespace kiosk::ui
