// Scripted taps, waits, checks and screenshots (`--replay FILE`), for tests and content previews.
#pragma once

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
struct Expect { std::string text; bool present; };  // `expect` / `expect-not`
struct Screenshot { std::filesystem::path file; };
struct Advance { int seconds; };        // the kiosk's clocks jump ahead (idle testing)
// Every touch target on screen, one a line (tab-separated): label, left, top, right, bottom (window
// pixels, the whole target), width and height in mm, and "control" or "label" (see ui::VisibleText).
struct Targets { std::filesystem::path file; };
struct CheckTargets { float millimetres; };  // fail unless every control on screen is this large both ways
}  // namespace step

using Step = std::variant<step::Wait, step::TapAt, step::TapText, step::Drag, step::Expect, step::Screenshot,
                          step::Advance, step::Targets, step::CheckTargets>;

struct ReplayLine {
    int number;
    Step step;
};

// Parses a script; on error returns nothing and names the line in `error`.
std::optional<std::vector<ReplayLine>> parseReplay(const std::string& text, std::string& error);
std::optional<std::vector<ReplayLine>> loadReplay(const std::filesystem::path& file, std::string& error);

}  // namespace kiosk::app
