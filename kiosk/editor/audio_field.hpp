// The audio explanation in the form: play it, make it again with espeak-ng (scripts/make-audio for
// that one file, on a thread of its own), take a recording, and a flag when the text changed since.
#pragma once

#include "kiosk/core/catalog.hpp"
#include "kiosk/editor/background_job.hpp"

#include <filesystem>
#include <future>
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

    // What `familienkiosk --list speech` says for each file, from the last check's content. The
    // listing goes over every entry (hundreds of milliseconds at 2,000 offers): it is made on a
    // thread of its own when a check brings new content, and the form waits for it, never the frame.
    using Spoken = std::map<std::string, std::string>;  // path -> text
    std::shared_ptr<const core::Catalog> spokenFor;
    std::string spokenLanguage;
    Spoken spoken;
    // For comingFor, comingLanguage. Taken only once ready (the frame never waits); the listing
    // holds its own copy of the catalog and reads nothing else of the editor's. Its destructor waits
    // for a listing still running: the EditorState outlives the window (main.cpp), so that happens
    // after the window has closed, and the catalog is never freed under it.
    std::future<Spoken> spokenComing;
    std::shared_ptr<const core::Catalog> comingFor;
    std::string comingLanguage;

    BackgroundJob job;  // make-audio for one file

    AudioJob();
    ~AudioJob();
};

// Below the audio field's path, for the form's language.
void drawAudioTools(EditorState& state, const std::string& path);

}  // namespace kiosk::editor
