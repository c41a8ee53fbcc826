// Scripted taps, waits, checks and screenshots (`--replay FILE`), for tests and content previews.
#pragma once

#include "kiosk/core/problem.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kiosk::app {

namespace step {
struct Wait { int milliseconds; };
struct TapAt { float x, y; };
struct TapText { std::string text; };    // the first tappable text on screen containing it
struct Drag { float x1, y1, x2, y2; };
// `expect "TEXT"` / `expect-not "TEXT"`; `expect "TEXT" SECONDS` waits up to SECONDS (not 10 s) for
// it: for a condition that takes long on a busy machine (a stick noticed and its pack imported).
struct Expect { std::string text; bool present; int seconds = 0; };
// `window W H`: waits (up to a minute) until the kiosk's window is W x H pixels and drawn at that
// size: after another program resized it (e2e:large_screens).
struct WindowSize { int width, height; };
struct Screenshot { std::filesystem::path file; };
struct Advance { int seconds; };        // the kiosk's clocks jump ahead (idle testing)
// Every touch target on screen, one a line (tab-separated): label, left, top, right, bottom (window
// pixels, the whole target), width and height in mm, and "control" or "label" (see ui::VisibleText).
struct Targets { std::filesystem::path file; };
struct CheckTargets { float millimetres; };  // fail unless every control on screen is this large both ways
// `check-texts`: fail when the screen shows a text without words (an empty title, label or card:
// a text the catalog did not deliver), naming where and what is beside it.
struct CheckTexts {};
// `fail-frame`: the next frame fails while the screen is drawn (an exception thrown inside an open
// window), as a bug in a screen would: the kiosk must log it and start afresh on its start screen.
struct FailFrame {};
struct Type { std::string text; };  // `type "TEXT"`: typed into the field that has the focus (the editor's e2e)
struct Key { bool ctrl; int code; };  // `key ctrl+s`, `key enter`: one key pressed and released (GLFW's code)
// `soak TAPS SEED [PRESENT_EVERY]`: TAPS random taps and drags (on what is tappable on screen, and
// anywhere), an idle reset every thousand, from a seeded generator so that a failure can be
// replayed; every tenth of TAPS (at least 100, at most 10,000 taps) and at the end a log line
// "soak: taps=N rss_kb=… anon_kb=… file_kb=… fds=… …" (scripts/soak). During the soak only every
// PRESENT_EVERY-th frame (default 1: each) is rendered by OpenGL and shown; ImGui lays out and
// every screen draws each frame all the same, textures included.
struct Soak { long taps; std::uint32_t seed; int presentEvery = 1; };
}  // namespace step

using Step = std::variant<step::Wait, step::TapAt, step::TapText, step::Drag, step::Expect, step::Screenshot,
                          step::Advance, step::Targets, step::CheckTargets, step::FailFrame, step::Type, step::Key,
                          step::Soak, step::WindowSize, step::CheckTexts>;

struct ReplayLine {
    int number;
    Step step;
};

// Why a script is refused before anything runs (for whoever wrote it: English words).
enum class ReplayProblem {
    Unreadable,      // values: file
    NotAFile,        // file: a folder, a pipe, a device
    TooLarge,        // file, the limit in KB
    Empty,           // file: a script with no command would pass without testing anything
    UnclosedQuote,   // line number
    UnknownCommand,  // line number, the line
};
std::string_view problemDomain(ReplayProblem);
std::string_view problemName(ReplayProblem code);
std::string_view problemEnglish(ReplayProblem code);

inline constexpr std::uintmax_t kMaxReplayBytes = 1u << 20;  // the longest script in tests/ has 6 KB

// Parses a script; a refusal names the line.
core::Result<std::vector<ReplayLine>> parseReplay(const std::string& text);
// Reads and parses a script file; a refusal's detail is the file.
core::Result<std::vector<ReplayLine>> loadReplay(const std::filesystem::path& file);

}  // namespace kiosk::app
