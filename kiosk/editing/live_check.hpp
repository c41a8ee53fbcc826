// The content check of `kiosk-pack build` (content::loadSource) run on the editor's unsaved text,
// on a thread of its own so typing never waits for it; each result says which entry and field a
// problem is in, so the editor can badge the entry and jump to the field.
#pragma once

#include "kiosk/content/content_error.hpp"
#include "kiosk/core/catalog.hpp"
#include "kiosk/editing/content_document.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace kiosk::editing {

// A problem of the check, placed in the document.
struct PlacedProblem {
    content::ContentError error;
    std::optional<EntryRef> where;  // nothing: the file as a whole (or a file that did not parse)
    std::string field;              // the entry's top-level field ("address" for "address.street")
};

struct CheckReport {
    std::uint64_t revision = 0;          // the document's revision the check saw
    std::vector<content::ContentError> errors;
    std::shared_ptr<const core::Catalog> catalog;  // what the kiosk would show (for the preview)
    std::chrono::milliseconds took{0};
};

// The files of the document as the check reads them (ContentDocument::checkText; files that did not parse are
// left out, and so are read from the folder as they are).
// Each file's text in pieces shared with the document (ContentDocument::checkPieces): taking a
// snapshot copies a pointer per entry, never the text, so typing does not wait for it.
struct SnapshotFile {
    std::string name;
    std::vector<TextPiece> pieces;
};
using Snapshot = std::vector<SnapshotFile>;
Snapshot snapshotOf(const ContentDocument& document);

// Runs the check on a snapshot synchronously (the worker's step; tests call it directly).
CheckReport checkSnapshot(const std::filesystem::path& folder, const Snapshot& snapshot, std::uint64_t revision);

// Where each error of a report is in `document` (by the entry's id or number, as the check names it).
std::vector<PlacedProblem> placeProblems(const ContentDocument& document, const std::vector<content::ContentError>& errors);

class LiveCheck {
public:
    explicit LiveCheck(std::filesystem::path folder);
    ~LiveCheck();
    LiveCheck(const LiveCheck&) = delete;
    LiveCheck& operator=(const LiveCheck&) = delete;

    // Checks this snapshot next (an older one still waiting is dropped).
    void submit(std::uint64_t revision, Snapshot snapshot);
    // The newest finished report not taken yet.
    std::optional<CheckReport> take();
    bool busy() const;
    // Lets go of a catalog the editor is done with on the check's thread: the last owner of 2,000
    // offers' texts frees them there (a hundred milliseconds and more), not in a frame.
    void release(std::shared_ptr<const core::Catalog> catalog);

private:
    void run();

    std::filesystem::path m_folder;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<std::pair<std::uint64_t, Snapshot>> m_pending;
    std::optional<CheckReport> m_done;
    std::vector<std::shared_ptr<const core::Catalog>> m_released;
    bool m_running = false;
    bool m_stop = false;
    std::thread m_thread;  // last: started when the rest is ready
};

}  // namespace kiosk::editing
