// A content source folder open for editing: every file's entries in their order, edits as
// commands that can be undone and redone, and saving in the canonical form (canonical_yaml.hpp).
// A file that does not parse is listed with its line and message and left as it is on disk; the
// other files stay editable. No GUI: the editor program draws it.
#pragma once

#include "kiosk/core/problem.hpp"

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::editing {

enum class EditProblem {
    NoFolder,     // values: the folder
    IdInvalid,    // the id
    IdTaken,      // the id, the file
    IdInUse,      // the id, the entries that use it ("offer 'a', offer 'b'")
    FileBroken,   // the file: it did not parse, so it cannot be changed here
};
std::string_view problemDomain(EditProblem);
std::string_view problemName(EditProblem code);
std::string_view problemEnglish(EditProblem code);

enum class FileKind { Entries, Map };  // a list of entries with ids, or one map (network.yaml)

// A file the editor could not read: where and why, for the list of file errors.
struct FileError {
    int line = 0;  // 0: the file as a whole
    std::string message;
};

struct SourceFile {
    std::string name;                 // "offers.yaml"
    FileKind kind = FileKind::Entries;
    bool present = false;             // the file exists (synonyms.yaml may not)
    std::optional<FileError> error;   // set: not parsed, not editable, never written
    // Entries: one node per entry; Map: one node, the whole map. Never assign to an element: a
    // YAML::Node's assignment writes into the node it refers to.
    std::vector<YAML::Node> entries;
    bool hadComments = false;         // the file on disk has comments the canonical form drops
    bool changed = false;             // differs from the file on disk
    bool editable() const { return present && !error; }
};

// Where an edit or a problem is: a file and an entry in it.
struct EntryRef {
    std::size_t file = 0;
    std::size_t entry = 0;
    bool operator==(const EntryRef&) const = default;
};

// A piece of a file's text that never changes once made (an entry's lines). The live check's
// snapshot shares the pieces with the document, so handing it over copies pointers, not text.
using TextPiece = std::shared_ptr<const std::string>;

// One change: a field of an entry set or removed, or an entry added or removed. `before` and
// `after` are the field's (or the whole entry's) values; nothing means "absent".
struct Edit {
    enum class Kind { SetField, InsertEntry, RemoveEntry } kind = Kind::SetField;
    EntryRef where;
    std::string field;
    std::optional<YAML::Node> before;
    std::optional<YAML::Node> after;
    bool typing = false;  // consecutive typing in one field becomes one undo step
};

class ContentDocument {
public:
    // Reads the folder's source files (content::sourceFiles() and the optional ones).
    static core::Result<ContentDocument> open(const std::filesystem::path& folder);

    const std::filesystem::path& folder() const { return m_folder; }
    const std::vector<SourceFile>& files() const { return m_files; }
    std::optional<std::size_t> fileIndex(std::string_view name) const;
    const YAML::Node& entry(EntryRef where) const { return m_files.at(where.file).entries.at(where.entry); }
    std::string entryId(EntryRef where) const;
    std::optional<EntryRef> findEntry(std::string_view file, std::string_view id) const;

    // Sets (or with nothing removes) a top-level field of an entry. `typing`: merge with
    // the previous edit when it was typing in the same field.
    core::Result<void> setField(EntryRef where, const std::string& field, std::optional<YAML::Node> value,
                                bool typing = false);
    // A translatable text in one language: a plain value while only German is given, a map of
    // languages once there is a translation; an empty text removes that language.
    core::Result<void> setText(EntryRef where, const std::string& field, const std::string& language,
                               const std::string& text, bool typing = false);
    // A field of a nested map (address.street): `key` inside `field`.
    core::Result<void> setNested(EntryRef where, const std::string& field, const std::string& key,
                                 const std::string& text, bool typing = false);
    core::Result<void> insertEntry(std::size_t file, std::size_t at, YAML::Node entry);
    core::Result<void> removeEntry(EntryRef where);
    // Changes an entry's id; refused when the id is invalid, taken, or used by other entries.
    core::Result<void> renameId(EntryRef where, const std::string& id);
    // The entries that refer to `where`'s id ("offer 'kindergeld'"), e.g. the offers of a provider.
    std::vector<std::string> usesOf(EntryRef where) const;

    bool canUndo() const { return m_done > 0; }
    bool canRedo() const { return m_done < m_history.size(); }
    bool undo();
    bool redo();
    // Grows with every change (and undo/redo): the live check knows when it is behind.
    std::uint64_t revision() const { return m_revision; }
    bool hasChanges() const;
    // Files with comments the canonical form drops that have not been saved by the editor yet.
    std::vector<std::string> commentsLost() const;

    // The canonical text of a file as it would be saved (entries' texts are kept between calls).
    std::string fileText(std::size_t file) const;
    // The text the live check reads: entries not edited since opening as they are in the file (no
    // need to write 2,000 offers anew for each keystroke), edited ones in the canonical form.
    std::string checkText(std::size_t file) const;
    // The same in pieces, one per entry (joined they are checkText): only an edited entry is made anew.
    std::vector<TextPiece> checkPieces(std::size_t file) const;
    // Writes every changed file (`all`: every editable file) durably, the version on disk first
    // copied to .previous/<name> in the folder (which packs leave out, as every hidden folder).
    // Stops at the first problem; files written before it stay written.
    core::Result<void> save(bool all = false);

private:
    void apply(const Edit& edit, bool forward);
    core::Result<void> record(Edit edit);
    core::Result<void> editable(EntryRef where) const;

    std::filesystem::path m_folder;
    std::vector<SourceFile> m_files;
    mutable std::vector<std::vector<TextPiece>> m_entryTexts;  // canonical text per entry; null: to be made
    std::vector<std::vector<TextPiece>> m_sourceTexts;         // each entry's lines in the file; null: edited
    std::vector<Edit> m_history;
    std::size_t m_done = 0;  // edits in m_history that are applied
    std::uint64_t m_revision = 0;
};

}  // namespace kiosk::editing
