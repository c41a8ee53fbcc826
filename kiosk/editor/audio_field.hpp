// The audio explanation in the form: play it, make it again with espeak-ng (scripts/make-audio for
// that one file, on a thread of its own), take a recording, and a flag when the text changed since.
#pragma once

#include "kiosk/core/catalog.hpp"
#include "kiosk/editor/background_job.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace kiosk::platform {
class Audio;
}

namespace kiosk::editor {

struct EditorState;

struct AudioJob {
    std::filesystem::path makeAudio;  // scripts/make-audio
    std::filesystem::path kiosk;      // the familienkiosk program make-audio reads the content with
    bool espeak = false;              // espeak-ng is installed: "Neu sprechen" is offered
    std::string recording;            // the recording's file, typed
    std::unique_ptr<platform::Audio> player;  // opened at the first "Abspielen"

    // What `familienkiosk --list speech` says for each file, from the last check's content.
    const core::Catalog* spokenFor = nullptr;
    std::string spokenLanguage;
    std::map<std::string, std::string> spoken;  // path -> text

    BackgroundJob job;  // make-audio for one file

    AudioJob();
    ~AudioJob();
};

// Below the audio field's path, for the form's language.
void drawAudioTools(EditorState& state, const std::string& path);

}  // namespace kiosk::editor
