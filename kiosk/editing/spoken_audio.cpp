// Spoken explanations: notes of the spoken text, recordings, make-audio for one file (see spoken_audio.hpp).
#include "kiosk/editing/spoken_audio.hpp"

#include "kiosk/content/pack_hashing.hpp"
#include "kiosk/files/durable_file.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace kiosk::editing {

namespace fs = std::filesystem;

std::string_view problemDomain(AudioProblem) { return "audio-file"; }
std::string_view problemName(AudioProblem code) {
    switch (code) {
    case AudioProblem::NotASoundFile: return "not-a-sound-file";
    case AudioProblem::NotMade: return "not-made";
    }
    return "unknown";
}
std::string_view problemEnglish(AudioProblem code) {
    switch (code) {
    case AudioProblem::NotASoundFile: return "{} is not a sound file the kiosk plays (.ogg, .opus or .wav).";
    case AudioProblem::NotMade: return "{} could not be made.";
    }
    return "the sound file has a problem";
}

fs::path spokenNote(const fs::path& audioFile) {
    return audioFile.parent_path() / ("." + audioFile.filename().string() + ".spoken");
}

std::string spokenHash(std::string_view text) { return content::blake2bHex(text); }

AudioAge audioAge(const fs::path& audioFile, std::string_view spokenText) {
    std::ifstream in(spokenNote(audioFile));
    std::string noted;
    if (!(in >> noted)) return AudioAge::Unknown;
    return noted == spokenHash(spokenText) ? AudioAge::Current : AudioAge::Stale;
}

core::Result<void> noteSpokenText(const fs::path& audioFile, std::string_view text) {
    return files::writeFileDurably(spokenNote(audioFile), spokenHash(text) + "\n");
}

core::Result<std::string> takeRecording(const fs::path& content, const fs::path& recording, const std::string& language,
                                        const std::string& id) {
    const std::string extension = recording.extension().string();
    if (extension != ".ogg" && extension != ".opus" && extension != ".wav")
        return core::Problem(AudioProblem::NotASoundFile, {recording.string()});
    std::ifstream in(recording, std::ios::binary);
    if (!in) return files::fileProblem(errno ? errno : ENOENT, recording, "read");
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const std::string path = "audio/" + language + "/" + id + extension;
    std::error_code error;
    fs::create_directories(content / "audio" / language, error);
    if (error) return files::fileProblem(error.value(), content / "audio" / language, "create folder");
    if (auto written = files::writeFileDurably(content / path, bytes); !written) return written.problem();
    return path;
}

core::Result<void> makeSpokenFile(const fs::path& makeAudio, const fs::path& content, const fs::path& kiosk,
                                  const std::string& path) {
    const std::array<std::string, 5> args{makeAudio.string(), "--force", "--only=" + path, content.string(), kiosk.string()};
    std::string command;
    for (const auto& arg : args) {  // each quoted for the shell: ' as '\''
        std::string quoted = "'";
        for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        command += quoted + "' ";
    }
    command += "2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return core::Problem(AudioProblem::NotMade, {path}, "popen");
    std::string said;
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe)) said += buffer.data();
    const int status = ::pclose(pipe);
    if (status != 0 || !fs::exists(content / path)) return core::Problem(AudioProblem::NotMade, {path}, said);
    return {};
}

bool espeakInstalled() {
    const char* path = std::getenv("PATH");
    std::istringstream folders(path ? path : "/usr/bin:/bin");
    for (std::string folder; std::getline(folders, folder, ':');)
        if (!folder.empty() && ::access((fs::path(folder) / "espeak-ng").c_str(), X_OK) == 0) return true;
    return false;
}

}  // namespace kiosk::editing
