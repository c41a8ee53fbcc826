// Opaque fills that the GL clears instead of shading: every one of a frame keeps its own rectangle,
// however many the frame has (a ring of 4,096 once let the 4,097th overwrite the first: a busy
// screen would have been cleared in the wrong places), and a draw command of an earlier frame
// clears nothing.
#include "kiosk/ui/widgets.hpp"

#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include <vector>

namespace {

struct ImGuiFrame {
    ImGuiFrame() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1920, 1080);
        io.DeltaTime = 1.0f / 60;
        io.IniFilename = nullptr;  // no imgui.ini left behind
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~ImGuiFrame() { ImGui::DestroyContext(); }
    ImGuiFrame(const ImGuiFrame&) = delete;
    ImGuiFrame& operator=(const ImGuiFrame&) = delete;
};

// The fills the draw data's commands clear, in order.
std::vector<kiosk::ui::ClearedRect> clearedRects(const ImDrawData& data) {
    std::vector<kiosk::ui::ClearedRect> rects;
    for (int list = 0; list < data.CmdListsCount; ++list)
        for (const ImDrawCmd& command : data.CmdLists[list]->CmdBuffer)
            if (const auto rect = kiosk::ui::clearedRect(command)) rects.push_back(*rect);
    return rects;
}

constexpr ImU32 kOpaque = IM_COL32(200, 30, 40, 255);
constexpr ImU32 kNoBorder = IM_COL32(0, 0, 0, 0);

}  // namespace

TEST_CASE("a frame with 10,000 opaque fills clears each where it was drawn", "[widgets]") {
    ImGuiFrame context;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1920, 1080));  // (a new window without a size is hidden in its first frame)
    ImGui::Begin("fills");
    constexpr int kFills = 10000;
    for (int i = 0; i < kFills; ++i) {
        const float x = static_cast<float>(i % 100) * 10, y = static_cast<float>(i / 100) * 10;
        kiosk::ui::framedRect(*ImGui::GetWindowDrawList(), ImVec2(x, y), ImVec2(x + 8 + i % 2, y + 8), kOpaque,
                              kNoBorder, 0, 1);
    }
    ImGui::End();
    ImGui::Render();
    const auto rects = clearedRects(*ImGui::GetDrawData());
    REQUIRE(rects.size() == kFills);
    for (int i = 0; i < kFills; ++i) {
        INFO("fill " << i);
        REQUIRE(rects[i].min.x == static_cast<float>(i % 100) * 10);
        REQUIRE(rects[i].min.y == static_cast<float>(i / 100) * 10);
        REQUIRE(rects[i].max.x == rects[i].min.x + 8 + i % 2);
        REQUIRE(rects[i].colour == kOpaque);
    }

    // The next frame's fills start afresh; the last frame's commands clear nothing any more.
    ImDrawCmd old;
    for (const ImDrawCmd& command : ImGui::GetDrawData()->CmdLists[0]->CmdBuffer)
        if (kiosk::ui::clearedRect(command)) old = command;
    REQUIRE(kiosk::ui::clearedRect(old));
    ImGui::NewFrame();
    ImGui::Begin("fills");
    kiosk::ui::framedRect(*ImGui::GetWindowDrawList(), ImVec2(500, 500), ImVec2(600, 600), kOpaque, kNoBorder, 0, 1);
    ImGui::End();
    ImGui::Render();
    CHECK_FALSE(kiosk::ui::clearedRect(old));
    const auto next = clearedRects(*ImGui::GetDrawData());
    REQUIRE(next.size() == 1);
    CHECK(next[0].min.x == 500);
}

namespace {

// One frame: the window "busy" with `fills` translucent fills (none: not drawn), the start screen's window always.
void frameWith(int fills) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(200, 200));
    ImGui::Begin("start");
    ImGui::End();
    if (fills > 0) {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1920, 1080));
        ImGui::Begin("busy");
        for (int i = 0; i < fills; ++i) {
            const float x = static_cast<float>(i % 100) * 10, y = static_cast<float>(i / 100) * 10;
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, y), ImVec2(x + 8, y + 8), IM_COL32(200, 30, 40, 128));
        }
        ImGui::End();
    }
    ImGui::Render();
}

int busyVertexCapacity() { return ImGui::FindWindowByName("busy")->DrawList->VtxBuffer.Capacity; }

}  // namespace

// The soak's memory between families crept up: ImGui keeps a window's draw list at the largest it
// has been, and gives that back to a window it compacted when the window is drawn again.
TEST_CASE("after an idle reset a screen's draw list is as large as its own frame needs, not the busiest ever",
          "[widgets]") {
    ImGuiFrame context;
    ImGui::GetIO().ConfigMemoryCompactTimer = 1.0f;  // ImGui's own clean-up of windows unused for a second
    frameWith(10000);  // the busiest screen a family opened
    const int busiest = busyVertexCapacity();
    REQUIRE(busiest >= 40000);

    // The busy screen drawn until the reset, or left for the start screen long enough for ImGui to compact it.
    const bool compacted = GENERATE(false, true);
    INFO((compacted ? "compacted by ImGui while unused" : "drawn until the reset"));
    if (compacted) {
        for (int frame = 0; frame < 120; ++frame) frameWith(0);  // two seconds on the start screen
        REQUIRE(ImGui::FindWindowByName("busy")->MemoryCompacted);
    }
    SECTION("ImGui alone keeps the busiest size (and gives it back when the window is drawn again)") {
        frameWith(1);
        CHECK(busyVertexCapacity() >= busiest);
    }
    SECTION("forgotten at the reset") {
        kiosk::ui::forgetDrawListMemory();
        frameWith(1);
        CHECK(busyVertexCapacity() < 1000);
    }
}
