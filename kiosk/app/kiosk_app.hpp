// The running kiosk: window, frame loop, idle handling and what the command line asked for.
#pragma once

#include <functional>

#include "kiosk/app/config.hpp"
#include "kiosk/app/replay.hpp"
#include "kiosk/content/content_store.hpp"
#include "kiosk/core/navigation.hpp"

#include <filesystem>
#include <optional>
#include <vector>

namespace kiosk::app {

struct RunOptions {
    core::ScreenRef start{core::ScreenId::Attract, {}, {}};
    std::optional<std::filesystem::path> screenshot;  // write the first settled frame, then exit
    std::vector<ReplayLine> replay;                   // run this script, then exit
    bool hasReplay = false;
    std::optional<core::LocalDateTime> fixedTime;     // --now
    int benchmarkFrames = 0;                          // draw this many frames flat out, print timings, exit
    bool benchmarkDrag = false;                       // and a finger drags all the while (timed frames move)
    std::optional<std::filesystem::path> usbRoot;     // watch this folder instead of the mount table
    std::vector<std::filesystem::path> stickFolders;  // mounts under these count as sticks too (tests)
    std::function<content::LoadedContent()> reloadContent;  // after an import: the content now active
};

// Returns the process exit code.
int runKiosk(const Config& config, content::LoadedContent initialContent, const RunOptions& options);

}  // namespace kiosk::app
