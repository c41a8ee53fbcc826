// The replay script format: one command a line, '#' starts a comment, texts in double quotes.
#include "kiosk/app/replay.hpp"

#include <cmath>

#include <fstream>
#include <sstream>

namespace kiosk::app {
namespace {

// Splits a line into words; "quoted text" is one word.
std::optional<std::vector<std::string>> words(const std::string& line) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < line.size()) {
        if (line[i] == ' ' || line[i] == '\t') {
            ++i;
        } else if (line[i] == '#') {
            break;
        } else if (line[i] == '"') {
            size_t end = line.find('"', i + 1);
            if (end == std::string::npos) return std::nullopt;
            out.push_back(line.substr(i + 1, end - i - 1));
            i = end + 1;
        } else {
            size_t end = line.find_first_of(" \t", i);
            if (end == std::string::npos) end = line.size();
            out.push_back(line.substr(i, end - i));
            i = end;
        }
    }
    return out;
}

// A finite number (coordinates, milliseconds, seconds).
bool number(const std::string& text, float& value) {
    try {
        size_t used = 0;
        value = std::stof(text, &used);
        return used == text.size() && std::isfinite(value);
    } catch (const std::exception&) {
        return false;
    }
}

std::optional<Step> parseStep(const std::vector<std::string>& w) {
    const std::string& command = w[0];
    const size_t args = w.size() - 1;
    float a = 0, b = 0, c = 0, d = 0;
    // Waits up to an hour, clocks advanced up to a year: enough for any test, and no overflow.
    if (command == "wait" && args == 1 && number(w[1], a) && a >= 0 && a <= 3'600'000)
        return step::Wait{static_cast<int>(a)};
    if (command == "tap" && args == 2 && number(w[1], a) && number(w[2], b)) return step::TapAt{a, b};
    if (command == "tap" && args == 1) return step::TapText{w[1]};
    if (command == "drag" && args == 4 && number(w[1], a) && number(w[2], b) && number(w[3], c) && number(w[4], d))
        return step::Drag{a, b, c, d};
    if (command == "expect" && args == 1) return step::Expect{w[1], true};
    if (command == "expect" && args == 2 && number(w[2], a) && a >= 1 && a <= 3600 && a == std::floor(a))
        return step::Expect{w[1], true, static_cast<int>(a)};
    if (command == "window" && args == 2 && number(w[1], a) && number(w[2], b) && a >= 1 && a <= 16384 && b >= 1 &&
        b <= 16384 && a == std::floor(a) && b == std::floor(b))
        return step::WindowSize{static_cast<int>(a), static_cast<int>(b)};
    if (command == "expect-not" && args == 1) return step::Expect{w[1], false};
    if (command == "screenshot" && args == 1) return step::Screenshot{w[1]};
    if (command == "targets" && args == 1) return step::Targets{w[1]};
    if (command == "check-targets" && args == 1 && number(w[1], a) && a > 0 && a <= 100) return step::CheckTargets{a};
    if (command == "fail-frame" && args == 0) return step::FailFrame{};
    if (command == "check-texts" && args == 0) return step::CheckTexts{};
    if (command == "type" && args == 1) return step::Type{w[1]};
    if (command == "key" && args == 1) {
        // GLFW's key codes: a letter is its capital's ASCII code; Enter 257, Tab 258, Escape 256.
        const bool ctrl = w[1].starts_with("ctrl+");
        const std::string name = ctrl ? w[1].substr(5) : w[1];
        if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'z') return step::Key{ctrl, name[0] - 'a' + 'A'};
        if (name == "enter") return step::Key{ctrl, 257};
        if (name == "tab") return step::Key{ctrl, 258};
        if (name == "escape") return step::Key{ctrl, 256};
    }
    if (command == "soak" && (args == 2 || args == 3) && number(w[1], a) && a >= 1 && a <= 1e9 &&
        a == std::floor(a) && number(w[2], b) && b >= 0 && b <= 4e9 && b == std::floor(b)) {
        c = 1;
        if (args == 3 && !(number(w[3], c) && c >= 1 && c <= 1000 && c == std::floor(c))) return std::nullopt;
        return step::Soak{static_cast<long>(a), static_cast<std::uint32_t>(b), static_cast<int>(c)};
    }
    if (command == "advance" && args == 1 && number(w[1], a) && a >= 0 && a <= 366 * 86'400)
        return step::Advance{static_cast<int>(a)};
    return std::nullopt;
}

}  // namespace

std::string_view problemDomain(ReplayProblem) { return "replay"; }

std::string_view problemName(ReplayProblem code) {
    switch (code) {
    case ReplayProblem::Unreadable: return "unreadable";
    case ReplayProblem::NotAFile: return "not_a_file";
    case ReplayProblem::TooLarge: return "too_large";
    case ReplayProblem::Empty: return "empty";
    case ReplayProblem::UnclosedQuote: return "unclosed_quote";
    case ReplayProblem::UnknownCommand: return "unknown_command";
    }
    return "unknown_command";
}

std::string_view problemEnglish(ReplayProblem code) {
    switch (code) {
    case ReplayProblem::Unreadable: return "{}: cannot be read";
    case ReplayProblem::NotAFile: return "{}: is not a plain file (a folder, a pipe or a device)";
    case ReplayProblem::TooLarge: return "{}: is larger than {} KB";
    case ReplayProblem::Empty: return "{}: has no command";
    case ReplayProblem::UnclosedQuote: return "line {}: a quote is not closed";
    case ReplayProblem::UnknownCommand:
        return "line {}: cannot understand '{}' (commands: wait MS, tap X Y, tap \"TEXT\", drag X1 Y1 X2 Y2, "
               "expect \"TEXT\" [SECONDS], expect-not \"TEXT\", window W H, screenshot FILE, advance SECONDS, targets FILE, "
               "check-targets MM, check-texts, type \"TEXT\", key ctrl+s)";
    }
    return "line {}: cannot understand '{}'";
}

core::Result<std::vector<ReplayLine>> parseReplay(const std::string& text) {
    std::vector<ReplayLine> lines;
    std::istringstream input(text);
    std::string line;
    int lineNumber = 0;
    while (std::getline(input, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        auto w = words(line);
        if (!w) return core::Problem(ReplayProblem::UnclosedQuote, {std::to_string(lineNumber)});
        if (w->empty()) continue;
        std::optional<Step> parsed = parseStep(*w);
        if (!parsed) return core::Problem(ReplayProblem::UnknownCommand, {std::to_string(lineNumber), line});
        lines.push_back(ReplayLine{lineNumber, std::move(*parsed)});
    }
    return lines;
}

core::Result<std::vector<ReplayLine>> loadReplay(const std::filesystem::path& file) {
    // Checked before it is opened: /dev/zero grew without end, a folder ran nothing and passed.
    std::error_code error;
    const auto status = std::filesystem::status(file, error);
    if (!std::filesystem::exists(status)) return core::Problem(ReplayProblem::Unreadable, {file.string()});
    if (!std::filesystem::is_regular_file(status)) return core::Problem(ReplayProblem::NotAFile, {file.string()});
    if (std::filesystem::file_size(file, error) > kMaxReplayBytes)
        return core::Problem(ReplayProblem::TooLarge, {file.string(), std::to_string(kMaxReplayBytes >> 10)});
    std::ifstream in(file);
    if (!in) return core::Problem(ReplayProblem::Unreadable, {file.string()});
    std::string text;
    text.resize(kMaxReplayBytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxReplayBytes)
        return core::Problem(ReplayProblem::TooLarge, {file.string(), std::to_string(kMaxReplayBytes >> 10)});
    auto lines = parseReplay(text);
    if (!lines) return std::move(lines).takeProblem().withDetail(file.string());
    if (lines->empty()) return core::Problem(ReplayProblem::Empty, {file.string()});
    return lines;
}

}  // namespace kiosk::app
