// The floor under every kiosk frame: what an ImGui frame costs on this GL driver when it draws
// nothing (clear, present, glFinish), and with one opaque picture the size of the map on it,
// shown in the ways a picture can be shown.
// Usage: bench_frame WIDTHxHEIGHT FRAMES. Prints figures, asserts nothing.
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "kiosk/ui/texture.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <cstdio>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// For the copy case: the picture's framebuffer, where it goes, the window's height.
struct Copy {
    GLuint framebuffer = 0;
    int x = 0, y = 0, width = 0, height = 0, windowHeight = 0;
} g_copy;

double processCpuMilliseconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    int width = 1920, height = 1080, frames = 300;
    if (argc > 1 && std::sscanf(argv[1], "%dx%d", &width, &height) != 2) return 2;
    if (argc > 2) frames = std::max(1, std::atoi(argv[2]));
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);  // as the kiosk's window
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    GLFWwindow* window = glfwCreateWindow(width, height, "bench_frame", nullptr, nullptr);
    if (!window) return 1;
    glfwMakeContextCurrent(window);
    glfwSwapInterval(0);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, false);
    ImGui_ImplOpenGL3_Init("#version 150");

    // A picture as large as the landscape map (about 70 % of the screen), opaque, stored as the
    // kiosk stores its pictures (blue-green-red-alpha, which Mesa's llvmpipe copies fastest).
    const int pictureWidth = width * 7 / 10, pictureHeight = height * 9 / 10;
    std::vector<unsigned char> pixels(static_cast<size_t>(pictureWidth) * pictureHeight * 4);
    for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = (i % 4 == 3) ? 0xFF : static_cast<unsigned char>(i * 7);
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, pictureWidth, pictureHeight, 0, GL_BGRA, GL_UNSIGNED_BYTE, pixels.data());

    GLuint framebuffer = 0;
    glGenFramebuffers(1, &framebuffer);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    g_copy = {framebuffer, 20, 40, pictureWidth, pictureHeight, height};

    // The picture drawn as ImGui draws an image (a blended textured quad), the same unblended, and
    // copied with glBlitFramebuffer.
    // And as the kiosk shows its map: a picture the GL drew, copied (DrawnTexture::show).
    enum class Way { None, Quad, Unblended, Blitted, DrawnCopied };
    std::optional<kiosk::ui::DrawnTexture> drawn = kiosk::ui::DrawnTexture::make(pictureWidth, pictureHeight);
    if (!drawn) return 1;
    bool drawnFilled = false;
    struct Case {
        const char* name;
        Way way;
    };
    for (const Case c : {Case{"empty", Way::None}, Case{"picture", Way::Quad}, Case{"picture_unblended", Way::Unblended},
                         Case{"picture_blitted", Way::Blitted},
                         Case{"drawn_picture_copied", Way::DrawnCopied}}) {
        std::vector<double> total, present, threads;
        for (int frame = 0; frame < frames + 3; ++frame) {
            const auto start = Clock::now();
            const double cpuStart = processCpuMilliseconds();
            glfwPollEvents();
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            ImDrawList* draw = ImGui::GetBackgroundDrawList();
            if (c.way == Way::Unblended)
                draw->AddCallback([](const ImDrawList*, const ImDrawCmd*) { glDisable(GL_BLEND); }, nullptr);
            if (c.way == Way::Quad || c.way == Way::Unblended)
                draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<uintptr_t>(texture)), ImVec2(20, 40),
                               ImVec2(20.0f + pictureWidth, 40.0f + pictureHeight));
            if (c.way == Way::Blitted)
                draw->AddCallback(
                    [](const ImDrawList*, const ImDrawCmd*) {
                        const Copy& k = g_copy;
                        glDisable(GL_SCISSOR_TEST);
                        glBindFramebuffer(GL_READ_FRAMEBUFFER, k.framebuffer);
                        glBlitFramebuffer(0, 0, k.width, k.height, k.x, k.windowHeight - k.y - k.height, k.x + k.width,
                                          k.windowHeight - k.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
                        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
                    },
                    nullptr);
            if (c.way == Way::DrawnCopied && !drawnFilled) {
                ImDrawList list(ImGui::GetDrawListSharedData());
                list._ResetForNewFrame();
                list.PushClipRect(ImVec2(0, 0), ImVec2(static_cast<float>(pictureWidth), static_cast<float>(pictureHeight)));
                list.PushTextureID(ImGui::GetIO().Fonts->TexID);
                list.AddCircleFilled(ImVec2(pictureWidth * 0.5f, pictureHeight * 0.5f), pictureHeight * 0.4f,
                                     IM_COL32(40, 120, 200, 255));
                drawnFilled = drawn->draw(list, ImVec2(0, 0), ImVec2(1, 1), IM_COL32(250, 250, 245, 255));
            }
            const ImVec2 at(20, 40), corner(20.0f + pictureWidth, 40.0f + pictureHeight);
            const ImVec2 whole(static_cast<float>(pictureWidth), static_cast<float>(pictureHeight));
            if (c.way == Way::DrawnCopied) drawn->show(*draw, at, corner, ImVec2(0, 0), whole, 0, 0);
            if (c.way != Way::None) draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
            ImGui::Render();
            glViewport(0, 0, width, height);
            glClearColor(0.95f, 0.95f, 0.93f, 1);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            glFinish();
            const auto rendered = Clock::now();
            glfwSwapBuffers(window);
            glFinish();
            const auto end = Clock::now();
            if (frame >= 3) {
                total.push_back(std::chrono::duration<double, std::milli>(end - start).count());
                present.push_back(std::chrono::duration<double, std::milli>(end - rendered).count());
                threads.push_back(processCpuMilliseconds() - cpuStart);
            }
        }
        std::printf("%s_frame_ms_median %.2f\n%s_present_ms_median %.2f\n%s_process_cpu_ms_median %.2f\n", c.name,
                    median(total), c.name, median(present), c.name, median(threads));
    }
    drawn.reset();
    kiosk::ui::releaseGlObjects();
    glDeleteFramebuffers(1, &framebuffer);
    glDeleteTextures(1, &texture);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
