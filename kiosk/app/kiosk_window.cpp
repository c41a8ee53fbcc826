// GLFW, OpenGL 3.2 and ImGui's backends: opened in one order, closed in the reverse.
#include "kiosk/app/kiosk_window.hpp"

#include "kiosk/app/start_steps.hpp"
#include "kiosk/ui/font_texture.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/texture.hpp"
#include "kiosk/ui/view.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <spdlog/spdlog.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <future>
#include <vector>

namespace kiosk::app {
namespace {

float fontSizeFor(const Config& config, int width, int height) {
    if (config.fontSize > 0) return config.fontSize;
    // About 9 mm text on a 24" 1080p screen, and never smaller than a comfortable 18 px.
    return std::max(18.0f, std::round(std::min(width, height) / 34.0f));
}

void logGlfwError(int code, const char* description) { spdlog::error("GLFW error {}: {}", code, description); }

}  // namespace

std::string_view problemDomain(WindowProblem) { return "window"; }

std::string_view problemName(WindowProblem code) {
    switch (code) {
    case WindowProblem::NoDisplay: return "no_display";
    case WindowProblem::NoWindow: return "no_window";
    case WindowProblem::NoFonts: return "no_fonts";
    }
    return "no_window";
}

std::string_view problemEnglish(WindowProblem code) {
    switch (code) {
    case WindowProblem::NoDisplay: return "cannot open the display (is DISPLAY set, or the kiosk running under cage?)";
    case WindowProblem::NoWindow: return "cannot create an OpenGL 3.2 window of {}x{}";
    case WindowProblem::NoFonts: return "fonts: {}";
    }
    return "cannot create the window";
}

KioskWindow::Glfw::~Glfw() {
    if (initialised) glfwTerminate();
}
KioskWindow::Window::~Window() {
    if (handle) glfwDestroyWindow(handle);
}
KioskWindow::ImGuiState::~ImGuiState() {
    if (created) ImGui::DestroyContext();
}
KioskWindow::Backends::~Backends() {
    if (openGl) ImGui_ImplOpenGL3_Shutdown();
    if (glfw) ImGui_ImplGlfw_Shutdown();
}
KioskWindow::GlObjects::~GlObjects() {
    if (used) ui::releaseGlObjects();  // while the GL context is still there
}

core::Result<std::unique_ptr<KioskWindow>> KioskWindow::open(const Config& config, const core::Catalog* catalog,
                                                             bool vsync) {
    std::unique_ptr<KioskWindow> w(new KioskWindow);
    glfwSetErrorCallback(logGlfwError);
    const double glfwFrom = startMilliseconds();
    if (!glfwInit()) return core::Problem(WindowProblem::NoDisplay);
    w->m_glfw.initialised = true;
    startStep("GLFW", glfwFrom);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    // ImGui needs neither depth nor stencil: a software renderer then neither allocates nor clears them.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    GLFWmonitor* monitor = config.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
    int width = config.windowWidth, height = config.windowHeight;
    if (monitor) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        width = mode->width;
        height = mode->height;
    }
    // The fonts are rasterised on the second core while the GL driver loads (a software renderer
    // takes a good part of the start-up there); ImGui is not touched by this thread until then.
    w->m_em = fontSizeFor(config, width, height);
    w->m_fontSizeSetting = config.fontSize;
    w->m_width = width;
    w->m_height = height;
    auto fontsLoaded = std::async(std::launch::async, [&, em = w->m_em] {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        double from = startMilliseconds();
        const std::string texts = ui::allTexts(catalog);
        startStep("fonts' characters", from);
        from = startMilliseconds();
        std::string error = ui::loadFonts(em, config.assets, texts);
        startStep("fonts' atlas", from);
        return error;
    });
    const double windowFrom = startMilliseconds();
    w->m_window.handle = glfwCreateWindow(width, height, "Familienkiosk", monitor, nullptr);
    startStep("GL window", windowFrom);
    const std::string fontError = fontsLoaded.get();
    w->m_imgui.created = true;
    if (!w->m_window.handle) return core::Problem(WindowProblem::NoWindow, {std::to_string(width), std::to_string(height)});
    if (!fontError.empty()) return core::Problem(WindowProblem::NoFonts, {fontError});
    GLFWwindow* window = w->m_window.handle;
    glfwMakeContextCurrent(window);
    glfwSwapInterval(vsync ? 1 : 0);
    // A family must not leave the kiosk, also not one shown in a window (a portrait screen set up
    // with --window): close requests are ignored; the kiosk ends by a signal or from staff mode.
    glfwSetWindowCloseCallback(window, [](GLFWwindow* closing) {
        spdlog::info("window: a close request ignored (a kiosk ends by a signal, e.g. Ctrl+C, or from staff mode)");
        glfwSetWindowShouldClose(closing, GLFW_FALSE);
    });
    if (monitor) glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);  // touch: no pointer
    const double backendsFrom = startMilliseconds();
    w->m_backends.glfw = ImGui_ImplGlfw_InitForOpenGL(window, true);
    w->m_backends.openGl = ImGui_ImplOpenGL3_Init("#version 150");
    startStep("ImGui's backends", backendsFrom);
    const double textureFrom = startMilliseconds();
    ui::uploadFontTexture([] { ImGui_ImplOpenGL3_CreateDeviceObjects(); });  // with the shaders
    startStep("GL objects and font texture", textureFrom);
    w->m_glObjects.used = true;

    // How large a pixel is, for touch targets in millimetres. In a window (tests, previews) the window
    // stands for the whole screen, as it does for the font size.
    int monitorWidthMm = 0, monitorHeightMm = 0;
    if (monitor) glfwGetMonitorPhysicalSize(monitor, &monitorWidthMm, &monitorHeightMm);
    w->m_density = core::pixelDensity(config.screenDiagonalInches, monitorWidthMm, monitorHeightMm, width, height);
    const float em = w->m_em;
    spdlog::info("screen: {}x{} px, {:.2f} px/mm ({}); text {:.0f} px = {:.1f} mm, buttons at least {:.1f} mm high", width,
                 height, w->m_density.pixelsPerMm, w->m_density.source, em, core::toMillimetres(em, w->m_density),
                 core::toMillimetres(2.4 * em, w->m_density));
    if (core::toMillimetres(1.6 * em, w->m_density) < core::kMinTargetMm)  // the smallest control: a map pin
        spdlog::warn("screen: touch targets are smaller than {} mm on this screen; set a larger font_size",
                     core::kMinTargetMm);
    return w;
}

std::optional<float> KioskWindow::takeResize() {
    int width = 0, height = 0;
    glfwGetWindowSize(m_window.handle, &width, &height);
    if (width <= 0 || height <= 0 || (width == m_width && height == m_height)) return std::nullopt;
    m_width = width;
    m_height = height;
    Config sizes;
    sizes.fontSize = m_fontSizeSetting;
    const float em = fontSizeFor(sizes, width, height);
    spdlog::info("screen: now {}x{} px; text {:.0f} px", width, height, em);
    if (em == m_em) return std::nullopt;
    m_em = em;
    return em;
}

bool KioskWindow::shouldClose() const { return glfwWindowShouldClose(m_window.handle); }
void KioskWindow::close() { glfwSetWindowShouldClose(m_window.handle, GLFW_TRUE); }
void KioskWindow::waitEvents(double seconds) { glfwWaitEventsTimeout(seconds); }
void KioskWindow::pollEvents() { glfwPollEvents(); }
void KioskWindow::wake() { glfwPostEmptyEvent(); }

void KioskWindow::beginFrame(int& width, int& height) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    glfwGetFramebufferSize(m_window.handle, &width, &height);
}

void KioskWindow::render(ImVec4 background, bool waitForGl) {
    int width = 0, height = 0;
    glfwGetFramebufferSize(m_window.handle, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (waitForGl) glFinish();
}

void KioskWindow::clearBlack() {
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
}

void KioskWindow::present() { glfwSwapBuffers(m_window.handle); }
void KioskWindow::finish() { glFinish(); }

bool writeScreenshot(const std::filesystem::path& file, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    for (size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 0xFF;  // the window is opaque
    // GL rows run bottom-up; PNG rows top-down.
    const int stride = width * 4;
    if (!file.parent_path().empty()) std::filesystem::create_directories(file.parent_path());
    return stbi_write_png(file.c_str(), width, height, 4, pixels.data() + static_cast<size_t>(height - 1) * stride,
                          -stride) != 0;
}

}  // namespace kiosk::app
