// Opening, editing (with undo) and saving a content source folder (see content_document.hpp).
#include "kiosk/editing/content_document.hpp"

#include "kiosk/content/source_loader.hpp"
#include "kiosk/content/yaml_file.hpp"
#include "kiosk/editing/canonical_yaml.hpp"
#include "kiosk/editing/content_ids.hpp"
#include "kiosk/files/durable_file.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace kiosk::editing {

namespace fs = std::filesystem;

std::string_view problemDomain(EditProblem) { return "editing"; }

std::string_view problemName(EditProblem code) {
    switch (code) {
    case EditProblem::NoFolder: return "no-folder";
    case EditProblem::IdInvalid: return "id-invalid";
    case EditProblem::IdTaken: return "id-taken";
    case EditProblem::IdInUse: return "id-in-use";
    case EditProblem::FileBroken: return "file-broken";
    }
    return "file-broken";
}

std::string_view problemEnglish(EditProblem code) {
    switch (code) {
    case EditProblem::NoFolder: return "{}: there is no content folder here";
    case EditProblem::IdInvalid: return "'{}' cannot be an id: only a-z, 0-9 and '-', at most 80 of them";
    case EditProblem::IdTaken: return "'{}' is already the id of another entry in {}";
    case EditProblem::IdInUse:
        return "'{}' cannot be renamed: {} use it (and QR codes and web addresses may name it already)";
    case EditProblem::FileBroken: return "{} could not be read, so it cannot be changed here: fix it first";
    }
    return "{}";
}

namespace {

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Each entry's lines as the file has them, when every entry starts a line with "- " (a block
// list); else nothing (the check then reads the canonical form).
std::vector<std::string> entrySlices(const std::string& text, const std::vector<YAML::Node>& entries) {
    std::vector<std::size_t> lineStarts{0};
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') lineStarts.push_back(i + 1);
    std::vector<std::size_t> starts;
    for (const auto& entry : entries) {
        const auto line = static_cast<std::size_t>(entry.Mark().line);
        if (entry.Mark().line < 0 || line >= lineStarts.size() || text.compare(lineStarts[line], 2, "- ") != 0)
            return {};
        starts.push_back(lineStarts[line]);
    }
    std::vector<std::string> slices;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : text.size();
        if (end <= starts[i]) return {};  // two entries on one line ("- \n- id: x": the empty one's mark is the next's)
        slices.push_back(text.substr(starts[i], end - starts[i]));
        if (slices.back().back() != '\n') slices.back() += '\n';
    }
    return slices;
}

SourceFile readFile(const fs::path& folder, const std::string& name, bool optional) {
    SourceFile file;
    file.name = name;
    file.kind = name == "network.yaml" || name == "synonyms.yaml" ? FileKind::Map : FileKind::Entries;
    if (optional && !fs::exists(folder / name)) return file;
    file.present = true;
    auto loaded = content::loadYamlFile(folder / name);
    if (!loaded) {
        const auto& values = loaded.problem().values();
        const bool hasLine = loaded.problem().is(content::YamlProblem::NotYaml) ||
                             loaded.problem().is(content::YamlProblem::NotUtf8);
        file.error = FileError{hasLine ? std::stoi(values.at(1)) : 0, loaded.problem().english()};
        if (loaded.problem().is(content::YamlProblem::Missing)) file.present = false;
        return file;
    }
    const YAML::Node root = *loaded;
    file.hadComments = hasComments(readText(folder / name));
    if (file.kind == FileKind::Map) {
        if (!root.IsMap() && !root.IsNull()) {
            file.error = FileError{0, name + ": must be a list of fields (key: value)"};
            return file;
        }
        file.entries.push_back(root.IsNull() ? YAML::Node(YAML::NodeType::Map) : root);
    } else {
        if (!root.IsSequence() && !root.IsNull()) {
            file.error = FileError{0, name + ": must be a list of entries, each starting with '- id: ...'"};
            return file;
        }
        for (const auto& entry : root) file.entries.push_back(entry);
    }
    return file;
}

bool listHas(const YAML::Node& list, const std::string& id) {
    if (!list.IsSequence()) return false;
    return std::any_of(list.begin(), list.end(),
                       [&](const YAML::Node& item) { return item.IsScalar() && item.Scalar() == id; });
}

}  // namespace

core::Result<ContentDocument> ContentDocument::open(const fs::path& folder) {
    std::error_code error;
    if (!fs::is_directory(folder, error)) return core::Problem(EditProblem::NoFolder, {folder.string()});
    ContentDocument document;
    document.m_folder = folder;
    for (const auto& name : content::sourceFiles()) document.m_files.push_back(readFile(folder, name, false));
    for (const auto& name : content::optionalSourceFiles()) document.m_files.push_back(readFile(folder, name, true));
    for (const auto& file : document.m_files) {
        document.m_entryTexts.emplace_back(file.entries.size());
        document.m_sourceTexts.emplace_back();
        if (file.editable() && file.kind == FileKind::Entries)
            for (auto& slice : entrySlices(readText(folder / file.name), file.entries))
                document.m_sourceTexts.back().push_back(std::make_shared<const std::string>(std::move(slice)));
        document.m_sourceTexts.back().resize(file.entries.size());
    }
    return document;
}

std::optional<std::size_t> ContentDocument::fileIndex(std::string_view name) const {
    for (std::size_t i = 0; i < m_files.size(); ++i)
        if (m_files[i].name == name) return i;
    return std::nullopt;
}

std::string ContentDocument::entryId(EntryRef where) const {
    const YAML::Node& node = entry(where);
    if (!node.IsMap()) return {};
    const YAML::Node id = node["id"];
    return id && id.IsScalar() ? id.Scalar() : std::string();
}

std::optional<EntryRef> ContentDocument::findEntry(std::string_view file, std::string_view id) const {
    const auto index = fileIndex(file);
    if (!index) return std::nullopt;
    for (std::size_t i = 0; i < m_files[*index].entries.size(); ++i)
        if (entryId({*index, i}) == id) return EntryRef{*index, i};
    return std::nullopt;
}

core::Result<void> ContentDocument::editable(EntryRef where) const {
    if (where.file >= m_files.size()) return core::Problem(EditProblem::FileBroken, {"?"});
    if (!m_files[where.file].editable()) return core::Problem(EditProblem::FileBroken, {m_files[where.file].name});
    return {};
}

void ContentDocument::apply(const Edit& edit, bool forward) {
    SourceFile& file = m_files.at(edit.where.file);
    auto& texts = m_entryTexts.at(edit.where.file);
    const auto& value = forward ? edit.after : edit.before;
    const auto at = static_cast<std::ptrdiff_t>(edit.where.entry);
    const bool inserting = (edit.kind == Edit::Kind::InsertEntry) == forward;
    if (edit.kind == Edit::Kind::SetField) {
        YAML::Node node = file.entries.at(edit.where.entry);
        if (value) node[edit.field] = YAML::Clone(*value);
        else node.remove(edit.field);
        texts.at(edit.where.entry).reset();
        m_sourceTexts.at(edit.where.file).at(edit.where.entry).reset();
    } else {
        // A new list of handles: assigning a YAML::Node (as vector::insert and erase do when they
        // shift elements) would overwrite the node it refers to, not point it elsewhere.
        std::vector<YAML::Node> entries;
        entries.reserve(file.entries.size() + 1);
        for (std::size_t i = 0; i < file.entries.size(); ++i) {
            if (i == edit.where.entry && inserting) entries.push_back(YAML::Clone(forward ? *edit.after : *edit.before));
            if (i != edit.where.entry || inserting) entries.push_back(file.entries[i]);
        }
        if (inserting && edit.where.entry >= file.entries.size())
            entries.push_back(YAML::Clone(forward ? *edit.after : *edit.before));
        file.entries.swap(entries);
        auto& sources = m_sourceTexts.at(edit.where.file);
        if (inserting) {
            texts.insert(texts.begin() + at, TextPiece());
            sources.insert(sources.begin() + at, TextPiece());
        } else {
            texts.erase(texts.begin() + at);
            sources.erase(sources.begin() + at);
        }
    }
    file.changed = true;
    ++m_revision;
}

core::Result<void> ContentDocument::record(Edit edit) {
    if (auto ok = editable(edit.where); !ok) return ok;
    m_history.resize(m_done);  // a new change ends what could be redone
    if (edit.typing && m_done > 0) {
        Edit& last = m_history[m_done - 1];
        if (last.typing && last.kind == Edit::Kind::SetField && last.where == edit.where && last.field == edit.field) {
            last.after.reset();  // re-pointed, not assigned through (see apply)
            if (edit.after) last.after.emplace(*edit.after);
            apply(last, true);
            return {};
        }
    }
    m_history.push_back(std::move(edit));
    apply(m_history.back(), true);
    ++m_done;
    return {};
}

core::Result<void> ContentDocument::setField(EntryRef where, const std::string& field,
                                             std::optional<YAML::Node> value, bool typing) {
    if (auto ok = editable(where); !ok) return ok;
    const YAML::Node current = entry(where)[field];
    Edit edit{Edit::Kind::SetField, where, field, {}, {}, typing};
    if (current) edit.before = YAML::Clone(current);
    if (value) edit.after = YAML::Clone(*value);
    return record(std::move(edit));
}

core::Result<void> ContentDocument::setText(EntryRef where, const std::string& field, const std::string& language,
                                            const std::string& text, bool typing) {
    if (auto ok = editable(where); !ok) return ok;
    const YAML::Node current = entry(where)[field];
    std::optional<YAML::Node> value;
    if (language == "de" && (!current || current.IsScalar() || current.IsNull())) {
        if (!text.empty()) value = textNode(text);
    } else {
        YAML::Node map(YAML::NodeType::Map);
        if (current && current.IsMap()) map = YAML::Clone(current);
        else if (current && current.IsScalar()) map["de"] = YAML::Clone(current);
        if (text.empty()) map.remove(language);
        else map[language] = textNode(text);
        if (map.size() > 0) value = map;
    }
    return setField(where, field, value, typing);
}

core::Result<void> ContentDocument::setNested(EntryRef where, const std::string& field, const std::string& key,
                                              const std::string& text, bool typing) {
    if (auto ok = editable(where); !ok) return ok;
    const YAML::Node current = entry(where)[field];
    YAML::Node map(YAML::NodeType::Map);
    if (current && current.IsMap()) map = YAML::Clone(current);
    if (text.empty()) map.remove(key);
    else map[key] = textNode(text);
    return setField(where, field, map.size() > 0 ? std::optional<YAML::Node>(map) : std::nullopt, typing);
}

core::Result<void> ContentDocument::insertEntry(std::size_t file, std::size_t at, YAML::Node node) {
    if (auto ok = editable({file, 0}); !ok) return ok;
    if (m_files[file].kind != FileKind::Entries) return core::Problem(EditProblem::FileBroken, {m_files[file].name});
    at = std::min(at, m_files[file].entries.size());
    return record(Edit{Edit::Kind::InsertEntry, {file, at}, {}, std::nullopt, YAML::Clone(node), false});
}

core::Result<void> ContentDocument::removeEntry(EntryRef where) {
    if (auto ok = editable(where); !ok) return ok;
    if (m_files[where.file].kind != FileKind::Entries)
        return core::Problem(EditProblem::FileBroken, {m_files[where.file].name});
    const auto uses = usesOf(where);
    if (!uses.empty()) {
        std::string list;
        for (const auto& use : uses) list += (list.empty() ? "" : ", ") + use;
        return core::Problem(EditProblem::IdInUse, {entryId(where), list});
    }
    return record(Edit{Edit::Kind::RemoveEntry, where, {}, YAML::Clone(entry(where)), std::nullopt, false});
}

std::vector<std::string> ContentDocument::usesOf(EntryRef where) const {
    const std::string id = entryId(where);
    const std::string& name = m_files.at(where.file).name;
    // The fields that name an entry of this file: an offer's provider, a practice's providers, an
    // event's place (a provider's id, else "online" or an address); an offer's topics and life stages.
    static const std::vector<std::string> kProviderFields{"provider", "providers", "place"};
    static const std::vector<std::string> kTopicFields{"topics"}, kStageFields{"life_stages"}, kNone;
    const std::vector<std::string>& fields = name == "providers.yaml" ? kProviderFields
                                             : name == "topics.yaml"  ? kTopicFields
                                             : name == "life_stages.yaml" ? kStageFields
                                                                          : kNone;
    std::vector<std::string> uses;
    if (id.empty() || fields.empty()) return uses;
    for (const auto& file : m_files) {
        if (file.kind != FileKind::Entries || &file == &m_files[where.file]) continue;
        for (const auto& node : file.entries) {
            if (!node.IsMap()) continue;
            const bool used = std::any_of(fields.begin(), fields.end(), [&](const std::string& field) {
                const YAML::Node value = node[field];
                return value && ((value.IsScalar() && value.Scalar() == id) || listHas(value, id));
            });
            if (used && node["id"] && node["id"].IsScalar()) uses.push_back(entryLabel(file.name, node["id"].Scalar()));
        }
    }
    return uses;
}

core::Result<void> ContentDocument::renameId(EntryRef where, const std::string& id) {
    if (auto ok = editable(where); !ok) return ok;
    if (id == entryId(where)) return {};
    if (!isValidId(id)) return core::Problem(EditProblem::IdInvalid, {id});
    if (findEntry(m_files[where.file].name, id)) return core::Problem(EditProblem::IdTaken, {id, m_files[where.file].name});
    const auto uses = usesOf(where);
    if (!uses.empty()) {
        std::string list;
        for (const auto& use : uses) list += (list.empty() ? "" : ", ") + use;
        return core::Problem(EditProblem::IdInUse, {entryId(where), list});
    }
    return setField(where, "id", YAML::Node(id));
}

bool ContentDocument::undo() {
    if (!canUndo()) return false;
    apply(m_history[--m_done], false);
    return true;
}

bool ContentDocument::redo() {
    if (!canRedo()) return false;
    apply(m_history[m_done++], true);
    return true;
}

bool ContentDocument::hasChanges() const {
    return std::any_of(m_files.begin(), m_files.end(), [](const SourceFile& file) { return file.changed; });
}

std::vector<std::string> ContentDocument::commentsLost() const {
    std::vector<std::string> names;
    for (const auto& file : m_files)
        if (file.editable() && file.hadComments) names.push_back(file.name);
    return names;
}

std::string ContentDocument::fileText(std::size_t index) const {
    const SourceFile& file = m_files.at(index);
    if (file.kind == FileKind::Map) return file.entries.empty() ? "{}\n" : canonicalMap(file.entries.front());
    if (file.entries.empty()) return "[]\n";
    auto& texts = m_entryTexts.at(index);  // a cache: only edited entries are written again
    std::string text;
    for (std::size_t i = 0; i < file.entries.size(); ++i) {
        if (!texts[i]) texts[i] = std::make_shared<const std::string>(canonicalEntry(file.entries[i]));
        if (i > 0) text += '\n';
        text += *texts[i];
    }
    return text;
}

std::vector<TextPiece> ContentDocument::checkPieces(std::size_t index) const {
    const SourceFile& file = m_files.at(index);
    if (file.kind == FileKind::Map || file.entries.empty()) return {std::make_shared<const std::string>(fileText(index))};
    const auto& sources = m_sourceTexts.at(index);
    auto& texts = m_entryTexts.at(index);
    std::vector<TextPiece> pieces;
    pieces.reserve(file.entries.size());
    for (std::size_t i = 0; i < file.entries.size(); ++i) {
        if (!sources[i] && !texts[i]) texts[i] = std::make_shared<const std::string>(canonicalEntry(file.entries[i]));
        pieces.push_back(sources[i] ? sources[i] : texts[i]);
    }
    return pieces;
}

std::string ContentDocument::checkText(std::size_t index) const {
    std::string text;
    for (const auto& piece : checkPieces(index)) text += *piece;
    return text;
}

core::Result<void> ContentDocument::save(bool all) {
    const fs::path previous = m_folder / ".previous";
    for (std::size_t i = 0; i < m_files.size(); ++i) {
        SourceFile& file = m_files[i];
        if (!file.editable() || (!file.changed && !all)) continue;
        const fs::path target = m_folder / file.name;
        const std::string text = fileText(i);
        const std::string old = readText(target);
        if (old == text) {
            file.changed = false;
            file.hadComments = false;
            continue;
        }
        std::error_code error;
        fs::create_directory(previous, error);
        if (error) return files::fileProblem(error.value(), previous, "create");
        if (auto copied = files::writeFileDurably(previous / file.name, old); !copied) return copied;
        if (auto written = files::writeFileDurably(target, text); !written) return written;
        file.changed = false;
        file.hadComments = false;
    }
    return {};
}

}  // namespace kiosk::editing
