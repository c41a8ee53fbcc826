// The kiosk's window with its OpenGL context and Dear ImGui on it. Set up in a fixed order (GLFW,
// the window, ImGui's context with the fonts, its GLFW and OpenGL backends, the GL objects of the
// screens) and torn down by the destructor in exactly the reverse, on every way out of the loop.
#pragma once

#include "kiosk/app/config.hpp"
#include "kiosk/core/catalog.hpp"
#include "kiosk/core/problem.hpp"
#include "kiosk/core/screen_size.hpp"

#include <imgui.h>

#include <filesystem>
#include <memory>
#include <optional>

struct GLFWwindow;

namespace kiosk::app {

// Why there is no window: the kiosk cannot start (the log says so to the administrator).
enum class WindowProblem {
    NoDisplay,  // GLFW cannot reach a display
    NoWindow,   // values: width, height
    NoFonts,    // values: what the font loader said
};
std::string_view problemDomain(WindowProblem);
std::string_view problemName(WindowProblem code);
std::string_view problemEnglish(WindowProblem code);

class KioskWindow {
public:
    // Opens the window (full screen on the primary monitor, or as configured), rasterising the
    // fonts for `catalog`'s texts on another core meanwhile. `vsync`: off for benchmarks.
    static core::Result<std::unique_ptr<KioskWindow>> open(const Config& config, const core::Catalog* catalog, bool vsync);

    KioskWindow(const KioskWindow&) = delete;
    KioskWindow& operator=(const KioskWindow&) = delete;
    ~KioskWindow() = default;  // the members, in reverse

    float em() const { return m_em; }  // the screen's font size in pixels
    // When the window's size changed since the last call (a new mode or a rotated screen in full
    // screen, a window resized): the font size for the new size, which em() then returns too.
    std::optional<float> takeResize();
    const core::PixelDensity& density() const { return m_density; }

    bool shouldClose() const;
    void close();
    // Sleeps until input, a wake() or `seconds` passed; or only takes the input there is.
    void waitEvents(double seconds);
    void pollEvents();
    // Thread-safe: a worker (sound opened, print done, stick found) wakes the loop.
    static void wake();

    // Starts ImGui's frame in the backends (before the replay may set the mouse); the window's size.
    void beginFrame(int& width, int& height);
    // Renders ImGui's frame over `background`; `waitForGl`: until it is drawn (timing).
    void render(ImVec4 background, bool waitForGl);
    // Black, and nothing else: a dark screen.
    void clearBlack();
    void present();
    void finish();  // waits until the GL drew everything (timing, the first frame)

private:
    KioskWindow() = default;

    // Each part undoes its own set-up; members go in reverse order of declaration.
    struct Glfw {
        bool initialised = false;
        ~Glfw();
    };
    struct Window {
        GLFWwindow* handle = nullptr;
        ~Window();
    };
    struct ImGuiState {
        bool created = false;
        ~ImGuiState();
    };
    struct Backends {
        bool glfw = false, openGl = false;
        ~Backends();
    };
    struct GlObjects {  // the samplers and programs the screens' textures are shown with
        bool used = false;
        ~GlObjects();
    };

    Glfw m_glfw;
    Window m_window;
    ImGuiState m_imgui;
    Backends m_backends;
    GlObjects m_glObjects;
    float m_em = 0;
    core::PixelDensity m_density;
    float m_fontSizeSetting = 0;  // font_size of the configuration (0: from the screen's size)
    int m_width = 0, m_height = 0;
};

// Writes the frame in the back buffer as a PNG (for --screenshot and replays).
bool writeScreenshot(const std::filesystem::path& file, int width, int height);

}  // namespace kiosk::app
