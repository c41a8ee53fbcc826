// "Auf USB-Stick schreiben": the choices (key, version, stick) and the writing on a thread of its own.
#pragma once

#include "kiosk/editor/background_job.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::editor {

struct EditorState;

struct StickJob {
    bool open = false;
    std::string key;     // the signing key's file, outside the content folder
    std::int64_t version = 0;
    std::string stick;   // the stick's folder: detected or typed
    std::vector<std::string> detected;

    BackgroundJob job;  // the writing
};

// Mount points under /media and /run/media (where the desktop mounts sticks).
std::vector<std::string> detectSticks();
void drawStickPanel(EditorState& state);

}  // namespace kiosk::editor
