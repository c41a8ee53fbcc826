// The audio explanation's tools in the form (see audio_field.hpp).
#include "kiosk/editor/audio_field.hpp"

#include "kiosk/app/listing.hpp"
#include "kiosk/editing/spoken_audio.hpp"
#include "kiosk/editor/editor_state.hpp"
#include "kiosk/platform/audio.hpp"
#include "kiosk/ui/strings.hpp"

#include <imgui.h>

#include <cstdio>
#include <sstream>
#include <utility>

namespace kiosk::editor {

namespace fs = std::filesystem;

AudioJob::AudioJob() = default;
AudioJob::~AudioJob() = default;

namespace {

const ImVec4 kProblemColour(0.72f, 0.08f, 0.08f, 1);

// `familienkiosk --list speech` of `catalog` in `language`: the kiosk's own listing (on the worker).
AudioJob::Spoken spokenListing(const core::Catalog& catalog, const std::string& language) {
    AudioJob::Spoken spoken;
    char* buffer = nullptr;
    std::size_t size = 0;
    if (FILE* out = ::open_memstream(&buffer, &size)) {
        app::printListing(catalog, "speech", language, out);
        std::fclose(out);
        std::istringstream lines(std::string(buffer, size));
        for (std::string line; std::getline(lines, line);)
            if (const auto tab = line.find('\t'); tab != std::string::npos) spoken[line.substr(0, tab)] = line.substr(tab + 1);
    }
    std::free(buffer);
    return spoken;
}

// The text the kiosk's --list speech gives for `path` in the form's language, from the last check's
// content (the one before while that is still being listed); nothing when the content does not name
// it, or before the first listing in this language.
const std::string* spokenText(EditorState& state, const std::string& path) {
    AudioJob& job = *state.audio;
    if (!state.catalog) return nullptr;
    if (job.spokenComing.valid() && job.spokenComing.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        job.spoken = job.spokenComing.get();
        state.check->release(std::exchange(job.spokenFor, std::move(job.comingFor)));
        job.spokenLanguage = job.comingLanguage;
    }
    const bool current = job.spokenFor == state.catalog && job.spokenLanguage == state.textLanguage;
    if (!current && !job.spokenComing.valid()) {
        job.comingFor = state.catalog;
        job.comingLanguage = state.textLanguage;
        job.spokenComing = std::async(std::launch::async, [catalog = job.comingFor, language = job.comingLanguage] {
            return spokenListing(*catalog, language);
        });
    }
    // While a new check's listing is made, the last one's stands (the line under the field stays, and
    // the form does not jump); a new language waits for its own.
    if (!job.spokenFor || job.spokenLanguage != state.textLanguage) return nullptr;
    const auto found = job.spoken.find(path);
    return found == job.spoken.end() ? nullptr : &found->second;
}

void play(EditorState& state, const fs::path& file) {
    AudioJob& job = *state.audio;
    if (!job.player) job.player = std::make_unique<platform::Audio>();
    if (!job.player->available())
        return job.job.tell({words(state, "editor.audio.no_sound") + " (" + job.player->problem() + ")", true});
    auto played = job.player->play(file);
    job.job.tell({played ? words(state, "editor.audio.playing") : ui::problemText(played.problem(), state.words), !played});
}

void remake(EditorState& state, const std::string& path) {
    AudioJob& audio = *state.audio;
    audio.job.start(
        [&audio, folder = state.document.folder(), path, language = state.words]() -> BackgroundJob::Outcome {
            auto made = editing::makeSpokenFile(audio.makeAudio, folder, audio.kiosk, path);
            if (!made) return {ui::problemText(made.problem(), language) + " " + made.problem().detail(), true};
            return {ui::tr("editor.audio.made", language)};
        },
        words(state, "editor.audio.making"));
}

void takeRecording(EditorState& state, editing::EntryRef where, const std::string* text) {
    AudioJob& job = *state.audio;
    auto taken = editing::takeRecording(state.document.folder(), job.recording, state.textLanguage,
                                        state.document.entryId(where).empty() ? "home" : state.document.entryId(where));
    if (!taken) return job.job.tell({ui::problemText(taken.problem(), state.words), true});
    if (text) (void)editing::noteSpokenText(state.document.folder() / *taken, *text);  // recorded for the text as it is
    auto set = state.document.setText(where, "audio", state.textLanguage, *taken);
    job.job.tell({set ? words(state, "editor.audio.taken") : ui::problemText(set.problem(), state.words), !set});
    job.recording.clear();
}

}  // namespace

void drawAudioTools(EditorState& state, const std::string& path) {
    AudioJob& job = *state.audio;
    const auto where = state.selected();
    if (!where) return;
    const fs::path file = state.document.folder() / path;
    const bool there = !path.empty() && fs::exists(file);
    const std::string* text = path.empty() ? nullptr : spokenText(state, path);
    if (there && text) {
        const auto age = editing::audioAge(file, *text);
        if (age == editing::AudioAge::Stale) {
            ImGui::TextColored(kProblemColour, "%s", words(state, "editor.audio.stale").c_str());
            noteItem(words(state, "editor.audio.stale"), false);
        } else if (age == editing::AudioAge::Current) {
            ImGui::TextDisabled("%s", words(state, "editor.audio.current").c_str());
            noteItem(words(state, "editor.audio.current"), false);
        }
    }
    const bool busy = job.job.running;
    ImGui::BeginDisabled(!there || busy);
    if (ImGui::Button(words(state, "editor.audio.play").c_str())) play(state, file);
    noteItem(words(state, "editor.audio.play"));
    ImGui::EndDisabled();
    if (job.espeak) {
        ImGui::SameLine();
        const bool unsaved = state.document.hasChanges();
        ImGui::BeginDisabled(path.empty() || unsaved || busy);
        if (ImGui::Button(words(state, "editor.audio.remake").c_str())) remake(state, path);
        noteItem(words(state, "editor.audio.remake"));
        ImGui::EndDisabled();
        if (unsaved) ImGui::TextDisabled("%s", words(state, "editor.audio.save_first").c_str());
    }
    pathField("##recording", words(state, "editor.audio.recording"), job.recording, 8);
    ImGui::SameLine();
    ImGui::BeginDisabled(job.recording.empty() || busy);
    if (ImGui::Button(words(state, "editor.audio.take").c_str())) takeRecording(state, *where, text);
    noteItem(words(state, "editor.audio.take"));
    ImGui::EndDisabled();
    job.job.drawOutcome();
}

}  // namespace kiosk::editor
