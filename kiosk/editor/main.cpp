// familienkiosk-editor [CONTENT_DIR]: the content editor for the network's staff (issue 19).
// Set-up in the kiosk's order (window, ImGui, backends: app::KioskWindow), then one frame loop.
#include "kiosk/app/config.hpp"
#include "kiosk/app/kiosk_clock.hpp"
#include "kiosk/app/kiosk_window.hpp"
#include "kiosk/app/presentation.hpp"
#include "kiosk/app/replay.hpp"
#include "kiosk/app/replay_player.hpp"
#include "kiosk/content/district_geo.hpp"
#include "kiosk/editing/spoken_audio.hpp"
#include "kiosk/editor/editor_state.hpp"
#include "kiosk/editor/field_schema.hpp"
#include "kiosk/editor/stick_panel.hpp"
#include "kiosk/editor/typed_letters.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

#include <CLI/CLI.hpp>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8 (ImGui 1.86)
#include <spdlog/spdlog.h>

#include <chrono>
#include <future>
#include <fmt/format.h>
#include <cstdio>
#include <ctime>

namespace kiosk::editor {

namespace {

struct Options {
    std::filesystem::path content = KIOSK_DEFAULT_CONTENT_DIR;
    std::filesystem::path assets = KIOSK_DEFAULT_ASSETS_DIR;
    std::filesystem::path makeAudio = KIOSK_MAKE_AUDIO;
    std::filesystem::path kiosk = KIOSK_PROGRAM;
    std::string window = "1600x900";
    std::string words = "de";
    std::optional<std::filesystem::path> screenshot;
    std::optional<std::filesystem::path> replay;
    std::optional<std::string> open;  // "offers.yaml:kindergeld"
    int benchmarkFrames = 0;
};

// Installed from the package (PREFIX/bin beside PREFIX/share/familienkiosk, as the kiosk finds it):
// the sample, the assets and make-audio from there, the kiosk beside this program; else the build tree's.
Options defaults() {
    Options options;
    const app::Config config = app::defaultConfig();
    if (config.assets == KIOSK_DEFAULT_ASSETS_DIR) return options;
    options.content = config.content;
    options.assets = config.assets;
    options.makeAudio = config.assets.parent_path() / "make-audio";
    std::error_code error;
    options.kiosk = std::filesystem::read_symlink("/proc/self/exe", error).parent_path() / "familienkiosk";
    return options;
}

// Where a frame's time went (--benchmark-frames): the UI thread's CPU time of each part (what the
// editor's code costs, apart from waiting on the GL and other programs on a loaded machine).
double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}
struct FrameParts {
    std::vector<std::pair<const char*, double>> parts;
    double begun = 0, mark = 0;
    void start() {
        parts.clear();
        begun = mark = threadCpuMs();
    }
    void lap(const char* name) {
        const double now = threadCpuMs();
        parts.emplace_back(name, now - mark);
        mark = now;
    }
    double total() const { return mark - begun; }
    std::string text() const {
        std::string out;
        for (const auto& [name, ms] : parts) out += fmt::format("{}{} {:.2f}", out.empty() ? "" : ", ", name, ms);
        return out;
    }
};
FrameParts g_parts;

// One frame of the editor: the lists and form in one window, the preview beside it.
void drawFrame(EditorState& state, ImVec2 size) {
    followCheck(state);
    g_parts.lap("check");
    shortcuts(state);
    const float previewWidth = std::round(size.x * 0.42f);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(size.x - previewWidth, size.y));
    ImGui::Begin("##editor", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    // The kiosk's theme is for touch: the editor's own controls are light, with dark words.
    const ui::Palette& colours = ui::palette();
    ImGui::PushStyleColor(ImGuiCol_Button, colours.surface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colours.pressed);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colours.border);
    drawToolbar(state);
    g_parts.lap("toolbar");
    drawEntryList(state, std::round((size.x - previewWidth) * 0.36f));
    g_parts.lap("list");
    ImGui::SameLine();
    drawEntryForm(state);
    ImGui::PopStyleColor(3);
    ImGui::End();
    g_parts.lap("form");
    drawPreview(state, ImVec2(size.x - previewWidth, 0), ImVec2(previewWidth, size.y));
    g_parts.lap("preview");
    drawStickPanel(state);
    drawSitePanel(state);
}

// Frame times (from ImGui's new frame to the GPU done) once the first check is in and the fonts have
// the content's letters: the frames of someone working, not of the window waiting for its content.
void printFrameTimes(std::vector<double> frameMs, const char* what) {
    if (frameMs.size() < 2) return;
    frameMs.erase(frameMs.begin());  // the first with the content's fonts uploads their texture
    std::sort(frameMs.begin(), frameMs.end());
    std::printf("%s %zu (after the first check) median %.2f ms p95 %.2f ms max %.2f ms\n", what, frameMs.size(),
                frameMs[frameMs.size() / 2], frameMs[frameMs.size() * 95 / 100], frameMs.back());
}

// The fonts hold the content's letters and those of the six languages' scripts (scriptLetters); a
// letter typed beyond them (in the form, the filter or the rename box) is added, each letter asked
// for once (a letter no font has is not asked for again), at most once a second (typing a new script
// builds once a word). The atlas is built on a thread of its own (190 ms for 2,000 offers in six
// languages) while the window draws with the fonts it has, and swapped in between two frames.
struct FontLetters {
    std::shared_ptr<const core::Catalog> catalog;  // the content the fonts were built for
    std::string asked;                              // letters typed beyond it and the scripts
    std::uint64_t revision = 0;                     // the document's revision looked at last
    std::string boxes;                              // the filter's and the rename box's text looked at last
    bool again = false;                             // letters asked while a build ran: one more after it
    std::chrono::steady_clock::time_point built{};  // when the last build was started
    // The next atlas. Last: a build still running when the window closes is waited for here, before
    // the window (and ImGui's context, whose allocator it uses) goes.
    std::future<ui::FontAtlasBuild> building;
};

// The letters of `texts` the fonts lack and were not asked for yet, added to `asked`; true when any.
bool askLetters(FontLetters& fonts, const std::string& texts) {
    bool asked = false;
    const std::string missing = missingLetters(*ui::fonts().body, texts);
    for (const char* at = missing.data(); at < missing.data() + missing.size();) {
        unsigned codepoint = 0;
        const int length = std::max(1, ImTextCharFromUtf8(&codepoint, at, missing.data() + missing.size()));
        const std::string letter(at, static_cast<std::size_t>(length));
        at += length;
        if (fonts.asked.find(letter) != std::string::npos) continue;
        fonts.asked += letter;
        asked = true;
    }
    return asked;
}

// Between frames: a finished atlas swapped in; a new one started for the first content, or for
// letters typed that the fonts lack.
void followFonts(EditorState& state, app::Presentation& presentation, FontLetters& fonts, float em,
                 const std::filesystem::path& assets) {
    const auto now = std::chrono::steady_clock::now();
    if (fonts.building.valid() && fonts.building.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        const double cpu = threadCpuMs();
        presentation.takeFonts(fonts.building.get());
        spdlog::info("editor: fonts for the content swapped in {:.0f} ms after their build began ({:.1f} ms CPU in the frame)",
                     std::chrono::duration<double, std::milli>(now - fonts.built).count(), threadCpuMs() - cpu);
    }
    bool build = false;
    if (state.catalog && !fonts.catalog) {  // the first check came: the fonts get the content's letters
        fonts.catalog = state.catalog;
        build = true;
    } else if (fonts.catalog && now - fonts.built >= std::chrono::seconds(1)) {
        std::string texts;
        if (state.document.revision() != fonts.revision) {
            fonts.revision = state.document.revision();
            if (const auto where = state.selected()) appendTexts(state.document.entry(*where), texts);
        }
        if (std::string boxes = state.filter + state.renameTo; boxes != fonts.boxes) {
            texts += boxes;
            fonts.boxes = std::move(boxes);
        }
        build = (!texts.empty() && askLetters(fonts, texts)) || fonts.again;
    }
    if (!build) return;
    if (fonts.building.valid()) {  // one build at a time: this one's letters follow it
        fonts.again = true;
        return;
    }
    fonts.again = false;
    fonts.built = now;
    fonts.building = std::async(std::launch::async, [catalog = fonts.catalog, letters = scriptLetters() + fonts.asked, em, assets] {
        return ui::buildFontAtlas(em, assets, ui::allTexts(catalog.get()) + letters);
    });
}

// Opens the content folder at the entry `open` names ("offers.yaml:kindergeld", with ":audio" at
// that field), else the offers.
void select(EditorState& state, const std::optional<std::string>& open) {
    state.file = state.document.fileIndex("offers.yaml").value_or(0);
    if (!open) return;
    const auto colon = open->find(':');
    std::string id = open->substr(colon + 1);
    const auto field = id.find(':');
    if (field != std::string::npos) {
        state.jumpTo = id.substr(field + 1);
        id.resize(field);
    }
    if (auto where = state.document.findEntry(open->substr(0, colon), id)) {
        state.file = where->file;
        state.entry = where->entry;
    }
}

int run(const Options& options) {
    const auto start = std::chrono::steady_clock::now();
    auto document = editing::ContentDocument::open(options.content);
    if (!document) {
        std::fprintf(stderr, "familienkiosk-editor: %s\n", document.problem().english().c_str());
        return 1;
    }
    for (const auto& problem : ui::addUiStrings(options.assets / "i18n" / "editor"))
        spdlog::error("translations: {}", problem.logLine());
    EditorState state(std::move(*document));
    state.words = options.words;
    state.site->assets = options.assets;
    state.audio->makeAudio = options.makeAudio;
    state.audio->kiosk = options.kiosk;
    state.audio->espeak = editing::espeakInstalled() && std::filesystem::exists(options.makeAudio);
    if (auto map = content::loadDistrictMap(options.assets / "geo")) state.map = std::move(*map);
    else spdlog::error("editor: {}", map.problem().logLine());
    state.check = std::make_unique<editing::LiveCheck>(options.content);
    // The first check of the files as they are on disk (no text of the editor's yet) runs beside
    // the first frames: the window is there at once, the preview and badges follow.
    state.check->submit(0, {});
    select(state, options.open);

    app::Config config;
    config.fullscreen = false;
    config.assets = options.assets;
    config.fontSize = 17;  // an office screen read from arm's length
    if (std::sscanf(options.window.c_str(), "%dx%d", &config.windowWidth, &config.windowHeight) != 2) return 2;
    auto window = app::KioskWindow::open(config, nullptr, options.benchmarkFrames == 0);
    if (!window) {
        std::fprintf(stderr, "familienkiosk-editor: %s\n", window.problem().english().c_str());
        return 1;
    }
    app::Presentation presentation((*window)->em(), options.assets);  // the theme; fonts again for new content
    std::optional<app::ReplayPlayer> replay;
    if (options.replay) {
        auto lines = app::loadReplay(*options.replay);
        if (!lines) {
            std::fprintf(stderr, "familienkiosk-editor: %s\n", lines.problem().english().c_str());
            return 2;
        }
        replay.emplace(std::move(*lines), (*window)->density());
    }
    app::KioskClock clock(std::nullopt);
    const bool scripted = replay || options.screenshot || options.benchmarkFrames > 0;
    std::vector<double> frameMs, cpuMs;  // each frame's time on the clock, and the UI thread's CPU time in it
    std::pair<double, std::string> worst;  // the frame with the most CPU time counted: its time and where it went
    std::pair<double, std::string> firstCheck;  // the frame the first check's result came in (the fonts follow it)
    FontLetters fontLetters;
    for (int frame = 0; !(*window)->shouldClose(); ++frame) {
        if (scripted) (*window)->pollEvents();
        else (*window)->waitEvents(state.check->busy() || state.document.revision() != state.submitted ? 0.05 : 0.5);
        // The frame's time: from here (the fonts between frames included) to the GL done.
        const auto begun = std::chrono::steady_clock::now();
        g_parts.start();
        followFonts(state, presentation, fontLetters, (*window)->em(), options.assets);
        g_parts.lap("fonts");
        int width = 0, height = 0;
        (*window)->beginFrame(width, height);
        if (replay) replay->beforeFrame(clock, width, height);
        g_parts.lap("begin");
        ImGui::NewFrame();
        ui::clearVisibleTexts();
        state.now = clock.local();
        drawFrame(state, ImVec2(static_cast<float>(width), static_cast<float>(height)));
        g_parts.lap("panels");
        ImGui::Render();
        g_parts.lap("layout");
        (*window)->render(ImGui::ColorConvertU32ToFloat4(ui::palette().background), scripted);
        state.pictures.endFrame();  // rendered: the pictures this frame did not draw go
        g_parts.lap("gl");
        if (fontLetters.catalog) {
            frameMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begun).count());
            cpuMs.push_back(g_parts.total());
            if (cpuMs.size() == 1) firstCheck = {cpuMs.back(), g_parts.text()};
            if (cpuMs.size() > 1 && cpuMs.back() > worst.first) worst = {cpuMs.back(), g_parts.text()};
            if (options.benchmarkFrames > 0 && cpuMs.back() > 16) spdlog::info("editor: slow frame {:.1f} ms CPU: {}", cpuMs.back(), g_parts.text());
        }
        if (frame == 0) {
            (*window)->finish();
            spdlog::info("editor: first frame {:.0f} ms after start",
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
        const bool fontsSettled = fontLetters.catalog && !fontLetters.building.valid();
        if (options.screenshot && !replay && frame >= 5 && !state.check->busy() && fontsSettled) {
            if (!app::writeScreenshot(*options.screenshot, width, height)) return 1;
            return 0;
        }
        (*window)->present();
        const bool done = (replay && replay->finished()) ||
                          (!replay && options.benchmarkFrames > 0 && frame + 1 >= options.benchmarkFrames);
        if (done && options.benchmarkFrames > 0) {
            printFrameTimes(frameMs, "frames");
            printFrameTimes(cpuMs, "frames cpu");
            std::printf("worst frame %.2f ms CPU: %s\n", worst.first, worst.second.c_str());
            std::printf("first check frame %.2f ms CPU: %s\n", firstCheck.first, firstCheck.second.c_str());
        }
        if (done) return replay && replay->failed() ? 1 : 0;
    }
    return 0;
}

}  // namespace

}  // namespace kiosk::editor

int main(int argc, char** argv) {
    kiosk::editor::Options options = kiosk::editor::defaults();
    CLI::App cli("familienkiosk-editor: edit the kiosk's content without YAML");
    cli.add_option("CONTENT_DIR", options.content, "the content source folder (default: the sample)");
    cli.add_option("--assets", options.assets, "the kiosk's assets folder (fonts, words)");
    cli.add_option("--window", options.window, "window size WxH");
    cli.add_option("--make-audio", options.makeAudio, "scripts/make-audio, for \"Neu sprechen\" (espeak-ng)")->capture_default_str();
    cli.add_option("--kiosk", options.kiosk, "the familienkiosk program make-audio reads the content with")->capture_default_str();
    cli.add_option("--lang", options.words, "the editor's language (de, en)");
    cli.add_option("--open", options.open, "start at FILE:ID[:FIELD], e.g. offers.yaml:kindergeld:audio");
    cli.add_option("--screenshot", options.screenshot, "write a PNG of the window once settled, then exit");
    cli.add_option("--replay", options.replay, "run a script of taps, typing and screenshots (the kiosk's --replay)");
    cli.add_option("--benchmark-frames", options.benchmarkFrames,
                   "draw N frames (with --replay: until it ends), print frame times, exit");
    CLI11_PARSE(cli, argc, argv);
    return kiosk::editor::run(options);
}
