// "Website erzeugen": the network's website (kiosk-pack site's kiosk/site) made from the saved,
// checked content into a chosen folder, on a thread of its own, with a progress bar.
#pragma once

#include "kiosk/editor/background_job.hpp"

#include <filesystem>
#include <string>

namespace kiosk::editor {

struct EditorState;

struct SiteJob {
    bool open = false;
    std::string folder;             // the site's folder: replaced as a whole
    std::filesystem::path assets;   // the kiosk's assets (the district map)

    BackgroundJob job;  // the building
};

// Why the site cannot be made now (unsaved changes, the check busy or with problems); empty: it can.
std::string siteRefusal(const EditorState& state);
void drawSitePanel(EditorState& state);

}  // namespace kiosk::editor
