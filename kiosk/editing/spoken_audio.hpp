// The spoken explanations as the editor handles them: whether a sound file was made for the text
// as it is now, a recording taken into the content folder, and scripts/make-audio run for one file.
// Beside each file it makes, make-audio notes the hash of the text it spoke in a hidden file
// (audio/de/.kindergeld.ogg.spoken: BLAKE2b-256 in hex, as `b2sum -l 256` prints it); packs leave
// hidden files out.
#pragma once

#include "kiosk/core/problem.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::editing {

// audio/de/kindergeld.ogg -> audio/de/.kindergeld.ogg.spoken
std::filesystem::path spokenNote(const std::filesystem::path& audioFile);
// The hash make-audio notes for a text (the line `familienkiosk --list speech` gives for the file).
std::string spokenHash(std::string_view text);

enum class AudioAge {
    Unknown,  // no note beside the file (a recording, or made before notes were kept)
    Current,  // made for the text as it is
    Stale,    // the text changed since the file was made
};
AudioAge audioAge(const std::filesystem::path& audioFile, std::string_view spokenText);
// Notes that `audioFile` speaks `text` (after a recording was taken for it).
core::Result<void> noteSpokenText(const std::filesystem::path& audioFile, std::string_view text);

// Copies a recording (.ogg, .opus or .wav) into the content folder as audio/<language>/<id>.<ext>,
// durably, replacing a file of that name; returns that path relative to the content folder.
core::Result<std::string> takeRecording(const std::filesystem::path& content, const std::filesystem::path& recording,
                                        const std::string& language, const std::string& id);

enum class AudioProblem {
    NotASoundFile,  // values: the file: not .ogg, .opus or .wav
    NotMade,        // values: the file; detail: what make-audio said
};
std::string_view problemDomain(AudioProblem);
std::string_view problemName(AudioProblem code);
std::string_view problemEnglish(AudioProblem code);

// Runs `makeAudio` (scripts/make-audio) for the one file `path` (relative to `content`), made anew
// with espeak-ng from the saved content read by `kiosk` (the familienkiosk program). Blocks.
core::Result<void> makeSpokenFile(const std::filesystem::path& makeAudio, const std::filesystem::path& content,
                                  const std::filesystem::path& kiosk, const std::string& path);
// Whether espeak-ng is on the PATH (the editor offers "Neu sprechen" only then).
bool espeakInstalled();

}  // namespace kiosk::editing
