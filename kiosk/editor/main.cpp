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
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

#include <CLI/CLI.hpp>
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>

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

// One frame of the editor: the lists and form in one window, the preview beside it.
void drawFrame(EditorState& state, ImVec2 size) {
    followCheck(state);
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
    drawEntryList(state, std::round((size.x - previewWidth) * 0.36f));
    ImGui::SameLine();
    drawEntryForm(state);
    ImGui::PopStyleColor(3);
    ImGui::End();
    drawPreview(state, ImVec2(size.x - previewWidth, 0), ImVec2(previewWidth, size.y));
    drawStickPanel(state);
    drawSitePanel(state);
}

// Frame times (from ImGui's new frame to the GPU done) once the first check is in and the fonts have
// the content's letters: the frames of someone working, not of the window waiting for its content.
void printFrameTimes(std::vector<double> frameMs) {
    if (frameMs.size() < 2) return;
    frameMs.erase(frameMs.begin());  // the first with the content's fonts uploads their texture
    std::sort(frameMs.begin(), frameMs.end());
    std::printf("frames %zu (after the first check) median %.2f ms p95 %.2f ms max %.2f ms\n", frameMs.size(),
                frameMs[frameMs.size() / 2], frameMs[frameMs.size() * 95 / 100], frameMs.back());
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
    std::vector<double> frameMs;
    std::shared_ptr<const core::Catalog> fontsFor;
    for (int frame = 0; !(*window)->shouldClose(); ++frame) {
        if (scripted) (*window)->pollEvents();
        else (*window)->waitEvents(state.check->busy() || state.document.revision() != state.submitted ? 0.05 : 0.5);
        if (state.catalog && !fontsFor) {
            const auto before = std::chrono::steady_clock::now();  // between frames: the first check came: the fonts get the content's letters
            presentation.takeContent(state.catalog.get());
            fontsFor = state.catalog;
            spdlog::info("editor: fonts for the content in {:.0f} ms",
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count());
        }
        int width = 0, height = 0;
        (*window)->beginFrame(width, height);
        if (replay) replay->beforeFrame(clock, width, height);
        const auto begun = std::chrono::steady_clock::now();
        ImGui::NewFrame();
        ui::clearVisibleTexts();
        state.now = clock.local();
        drawFrame(state, ImVec2(static_cast<float>(width), static_cast<float>(height)));
        ImGui::Render();
        (*window)->render(ImGui::ColorConvertU32ToFloat4(ui::palette().background), scripted);
        if (fontsFor) frameMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begun).count());
        if (frame == 0) {
            (*window)->finish();
            spdlog::info("editor: first frame {:.0f} ms after start",
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
        if (options.screenshot && !replay && frame >= 5 && !state.check->busy()) {
            if (!app::writeScreenshot(*options.screenshot, width, height)) return 1;
            return 0;
        }
        (*window)->present();
        const bool done = (replay && replay->finished()) ||
                          (!replay && options.benchmarkFrames > 0 && frame + 1 >= options.benchmarkFrames);
        if (done && options.benchmarkFrames > 0) printFrameTimes(frameMs);
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
