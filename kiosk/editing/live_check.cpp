// The content check on the editor's text, off the UI thread (see live_check.hpp).
#include "kiosk/editing/live_check.hpp"

#include "kiosk/content/source_loader.hpp"
#include "kiosk/editing/scratch_folder.hpp"

#include <cstdlib>
#include <fstream>

namespace kiosk::editing {

namespace fs = std::filesystem;

Snapshot snapshotOf(const ContentDocument& document) {
    Snapshot snapshot;
    for (std::size_t i = 0; i < document.files().size(); ++i)
        if (document.files()[i].editable()) snapshot.push_back({document.files()[i].name, document.checkPieces(i)});
    return snapshot;
}


CheckReport checkSnapshot(const fs::path& folder, const Snapshot& snapshot, std::uint64_t revision) {
    const auto start = std::chrono::steady_clock::now();
    CheckReport report;
    report.revision = revision;
    ScratchFolder scratch("familienkiosk-editor");
    if (scratch.path.empty()) {
        report.errors.push_back({"", "", "", "the check could not make a scratch folder in " +
                                                 fs::temp_directory_path().string()});
        return report;
    }
    // The files the editor has as text, the others (broken ones) as they are in the folder.
    for (const auto& name : content::sourceFiles()) {
        std::error_code ignored;
        fs::copy_file(folder / name, scratch.path / name, ignored);
    }
    for (const auto& name : content::optionalSourceFiles()) {
        std::error_code ignored;
        fs::copy_file(folder / name, scratch.path / name, ignored);
    }
    for (const auto& [name, pieces] : snapshot) {
        std::ofstream out(scratch.path / name, std::ios::binary | std::ios::trunc);
        for (const auto& piece : pieces) out << *piece;  // a scratch copy: read once, then removed, so no sync
    }
    content::SourceResult result = content::loadSource(scratch.path);
    report.errors = std::move(result.errors);
    if (report.errors.empty()) {
        auto warnings = content::schoolHolidayWarnings(result.catalog, content::localToday());
        report.errors.insert(report.errors.end(), warnings.begin(), warnings.end());
    }
    report.catalog = std::make_shared<const core::Catalog>(std::move(result.catalog));
    report.took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    return report;
}

std::vector<PlacedProblem> placeProblems(const ContentDocument& document,
                                         const std::vector<content::ContentError>& errors) {
    std::vector<PlacedProblem> placed;
    for (const auto& error : errors) {
        PlacedProblem problem{error, std::nullopt, error.field.substr(0, error.field.find_first_of(".["))};
        const auto file = document.fileIndex(error.file);
        const auto quote = error.entry.find('\'');
        if (file && document.files()[*file].kind == FileKind::Map && !error.entry.starts_with("line "))
            problem.where = EntryRef{*file, 0};
        else if (file && quote != std::string::npos && error.entry.ends_with('\''))
            problem.where = document.findEntry(error.file, error.entry.substr(quote + 1, error.entry.size() - quote - 2));
        else if (file && error.entry.starts_with("entry ")) {
            const auto number = std::strtoul(error.entry.c_str() + 6, nullptr, 10);
            if (number >= 1 && number <= document.files()[*file].entries.size()) problem.where = EntryRef{*file, number - 1};
        }
        placed.push_back(std::move(problem));
    }
    return placed;
}

LiveCheck::LiveCheck(fs::path folder) : m_folder(std::move(folder)), m_thread([this] { run(); }) {}

LiveCheck::~LiveCheck() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void LiveCheck::submit(std::uint64_t revision, Snapshot snapshot) {
    {
        std::lock_guard lock(m_mutex);
        m_pending.emplace(revision, std::move(snapshot));
    }
    m_wake.notify_all();
}

std::optional<CheckReport> LiveCheck::take() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_done, std::nullopt);
}

bool LiveCheck::busy() const {
    std::lock_guard lock(m_mutex);
    return m_running || m_pending.has_value();
}

void LiveCheck::release(std::shared_ptr<const core::Catalog> catalog) {
    if (!catalog) return;
    {
        std::lock_guard lock(m_mutex);
        m_released.push_back(std::move(catalog));
    }
    m_wake.notify_all();
}

void LiveCheck::run() {
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] { return m_stop || m_pending.has_value() || !m_released.empty(); });
        if (!m_released.empty()) {
            auto released = std::move(m_released);
            m_released.clear();
            lock.unlock();
            released.clear();  // freed here, outside the lock
            lock.lock();
            continue;
        }
        if (m_stop) return;
        auto [revision, snapshot] = std::move(*m_pending);
        m_pending.reset();
        m_running = true;
        lock.unlock();
        CheckReport report = checkSnapshot(m_folder, snapshot, revision);
        lock.lock();
        m_running = false;
        m_done = std::move(report);
    }
}

}  // namespace kiosk::editing
