// The editor's state in one struct, and its panels as free functions of it (one file each).
#pragma once

#include "kiosk/core/catalog.hpp"
#include "kiosk/core/district_map.hpp"
#include "kiosk/editing/content_document.hpp"
#include "kiosk/editing/live_check.hpp"
#include "kiosk/editor/audio_field.hpp"
#include "kiosk/editor/site_panel.hpp"
#include "kiosk/editor/stick_panel.hpp"
#include "kiosk/ui/picture_textures.hpp"
#include "kiosk/ui/view.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::editor {

// How the preview shows the kiosk.
struct PreviewChoice {
    std::string language = "de";
    bool portrait = false;
    bool highContrast = false;
    bool largeText = false;
};

// The rows of the list on the left: the entries its filter lets through (a pass over every entry's
// title: done again only when the filter, the file or the document changed, not each frame).
struct ListRows {
    std::string filter;
    std::size_t file = 0;
    std::uint64_t revision = ~std::uint64_t{0};
    std::vector<std::size_t> shown;
};

struct EditorState {
    explicit EditorState(editing::ContentDocument opened) : document(std::move(opened)) {}

    editing::ContentDocument document;
    std::unique_ptr<editing::LiveCheck> check;
    std::vector<editing::PlacedProblem> problems;  // of the last check
    std::shared_ptr<const core::Catalog> catalog;  // the last check's: what the preview shows
    std::uint64_t submitted = 0;                   // the revision handed to the check
    std::chrono::steady_clock::time_point changedAt{};

    std::string words = "de";  // the editor's own language
    std::size_t file = 0;      // the list shown on the left
    std::optional<std::size_t> tabShown;  // the file whose tab was shown last frame
    std::optional<std::size_t> entry;
    std::optional<std::size_t> listScrolledTo;  // the entry the list last scrolled to
    std::string filter;
    ListRows rows;
    std::string textLanguage = "de";  // the form's language tab
    std::string jumpTo;               // a field to scroll to and focus (a problem was clicked)
    std::string renameTo;
    std::string message;  // the last save's or refusal's words
    bool messageIsProblem = false;
    bool commentsSaid = false;  // the "comments are dropped" notice was shown before the first save
    bool confirmingSave = false;

    std::optional<core::DistrictMap> map;  // to tap a provider's place on; none: the map could not be read
    PreviewChoice preview;
    std::unique_ptr<StickJob> stick = std::make_unique<StickJob>();
    std::unique_ptr<SiteJob> site = std::make_unique<SiteJob>();
    std::unique_ptr<AudioJob> audio = std::make_unique<AudioJob>();
    ui::QrTextures qr;
    ui::PictureTextures pictures;  // the preview's content pictures (endFrame after each frame's render)
    core::LocalDateTime now{};

    std::optional<editing::EntryRef> selected() const {
        if (!entry || *entry >= document.files().at(file).entries.size()) return std::nullopt;
        return editing::EntryRef{file, *entry};
    }
};

// Each frame: take a finished check, start the next one a moment after typing stopped.
void followCheck(EditorState& state);
// A problem's count and missing translations of an entry, for the list's badges.
int problemsOf(const EditorState& state, editing::EntryRef where);
std::vector<std::string> missingTranslations(const EditorState& state, editing::EntryRef where);

void drawToolbar(EditorState& state);
void drawEntryList(EditorState& state, float width);
void drawEntryForm(EditorState& state);
void drawProblems(EditorState& state);
void drawPreview(EditorState& state, ImVec2 pos, ImVec2 size);
void save(EditorState& state);
void shortcuts(EditorState& state);

// The last item, named for scripts (`--replay`: tap "TEXT", expect "TEXT"): tappable or only shown.
void noteItem(const std::string& text, bool tappable = true);

// The editor's own words (assets/i18n/editor) in its language.
const std::string& words(const EditorState& state, std::string_view key);

}  // namespace kiosk::editor
