// Writing and reading HSDS tables: tabular.json, CSV (libcsv) and the nested JSON of the API examples.
#include "kiosk/hsds/dataset.hpp"

#include "kiosk/hsds/hsds_problem.hpp"
#include "kiosk/hsds/spec.hpp"

#include <csv.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace kiosk::hsds {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

std::string cellText(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_null()) return {};
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (d == static_cast<double>(static_cast<long long>(d))) return std::to_string(static_cast<long long>(d));
    }
    return value.dump();
}

void appendCsvField(std::string& line, const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos && (text.empty() || (text.front() != ' ' && text.back() != ' '))) {
        line += text;
        return;
    }
    std::string quoted(text.size() * 2 + 2, '\0');
    quoted.resize(csv_write(quoted.data(), quoted.size(), text.data(), text.size()));
    line += quoted;
}

}  // namespace

std::string tabularJson(const Dataset& dataset) {
    json out = json::object();
    for (const auto& table : specTables()) {
        json rows = json::array();
        if (const auto it = dataset.tables.find(table.name); it != dataset.tables.end())
            for (const auto& row : it->second) rows.push_back(row);
        out[table.file] = std::move(rows);
    }
    return out.dump(2) + "\n";
}

std::string csvTable(const Dataset& dataset, const std::string& tableName) {
    const SpecTable* table = specTable(tableName);
    std::string text;
    for (std::size_t i = 0; i < table->fields.size(); ++i) {
        if (i) text += ',';
        appendCsvField(text, table->fields[i].name);
    }
    text += "\r\n";
    const auto it = dataset.tables.find(tableName);
    if (it == dataset.tables.end()) return text;
    for (const auto& row : it->second) {
        for (std::size_t i = 0; i < table->fields.size(); ++i) {
            if (i) text += ',';
            const auto value = row.find(table->fields[i].name);
            if (value != row.end()) appendCsvField(text, cellText(*value));
        }
        text += "\r\n";
    }
    return text;
}

std::string datapackageJson(const std::string& language) {
    json package = specDatapackageJson();
    package["name"] = "familienkiosk-" + language;
    package["title"] = "Familienkiosk (HSDS 3.0, " + language + ")";
    package["description"] = fmt::format(
        "The offers of the Familienkiosk as an Open Referral HSDS 3.0 dataset. Texts in language '{}'; the same "
        "content in other languages is a dataset of its own with the same ids (kiosk-pack hsds-export --lang).",
        language);
    return package.dump(2) + "\n";
}

const std::string& Record::get(const std::string& field) const {
    static const std::string none;
    const auto it = values.find(field);
    return it == values.end() ? none : it->second;
}

const std::vector<Record>& RawDataset::rows(const std::string& table) const {
    static const std::vector<Record> none;
    const auto it = tables.find(table);
    return it == tables.end() ? none : it->second;
}

namespace {

core::Result<std::string> readText(const fs::path& file) {
    std::error_code error;
    if (!fs::is_regular_file(file, error))
        return hsdsProblem(HsdsProblem::Unreadable, file.filename().string(), "-", "-",
                           fs::exists(file, error) ? "not a file" : "missing");
    std::ifstream in(file, std::ios::binary);
    if (!in) return hsdsProblem(HsdsProblem::Unreadable, file.filename().string(), "-", "-", std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return hsdsProblem(HsdsProblem::Unreadable, file.filename().string(), "-", "-", "read error");
    std::string bytes = std::move(text).str();
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);  // a byte order mark from a spreadsheet
    return bytes;
}

core::Result<json> readJson(const fs::path& file) {
    auto text = readText(file);
    if (!text) return std::move(text).takeProblem();
    try {
        return json::parse(*text);
    } catch (const json::parse_error& e) {
        return hsdsProblem(HsdsProblem::BrokenJson, file.filename().string(), fmt::format("byte {}", e.byte), "-",
                           e.what());
    } catch (const json::exception& e) {  // e.g. a number beyond a double's range (74e4892): out_of_range
        return hsdsProblem(HsdsProblem::BrokenJson, file.filename().string(), "-", "-", e.what());
    }
}

struct CsvCollector {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> current;
};

core::Result<std::vector<std::vector<std::string>>> parseCsv(const std::string& text, const std::string& file) {
    csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
    CsvCollector collect;
    auto onField = [](void* s, std::size_t n, void* data) {
        static_cast<CsvCollector*>(data)->current.emplace_back(static_cast<const char*>(s), n);
    };
    auto onRow = [](int, void* data) {
        auto* c = static_cast<CsvCollector*>(data);
        c->rows.push_back(std::move(c->current));
        c->current.clear();
    };
    const bool parsed = csv_parse(&parser, text.data(), text.size(), onField, onRow, &collect) == text.size() &&
                        csv_fini(&parser, onField, onRow, &collect) == 0;
    const std::string error = parsed ? "" : csv_strerror(csv_error(&parser));
    csv_free(&parser);
    if (!parsed)
        return hsdsProblem(HsdsProblem::BrokenCsv, file, fmt::format("row {}", collect.rows.size() + 1), "-",
                           error + " (a quote not closed or a stray quote inside a field)");
    return collect.rows;
}

core::Result<std::vector<Record>> readCsvTable(const fs::path& file, const std::string& name) {
    auto text = readText(file);
    if (!text) return std::move(text).takeProblem();
    auto rows = parseCsv(*text, name);
    if (!rows) return std::move(rows).takeProblem();
    std::vector<Record> records;
    if (rows->empty()) return hsdsProblem(HsdsProblem::BrokenCsv, name, "row 1", "-", "no header row");
    const auto& header = rows->front();
    for (std::size_t r = 1; r < rows->size(); ++r) {
        const auto& cells = (*rows)[r];
        if (cells.size() != header.size())
            return hsdsProblem(HsdsProblem::BrokenCsv, name, fmt::format("row {}", r + 1), "-",
                               fmt::format("{} columns, the header has {}", cells.size(), header.size()));
        Record record{name, fmt::format("row {}", r + 1), {}};
        for (std::size_t c = 0; c < cells.size(); ++c)
            if (!cells[c].empty()) record.values[header[c]] = cells[c];
        records.push_back(std::move(record));
    }
    return records;
}

// Nested objects of the API examples, by the key they appear under: the table they belong to.
const std::map<std::string, std::string>& nestedTables() {
    static const std::map<std::string, std::string> keys{
        {"phones", "phone"}, {"schedules", "schedule"}, {"service_areas", "service_area"},
        {"service_at_locations", "service_at_location"}, {"languages", "language"}, {"organization", "organization"},
        {"funding", "funding"}, {"cost_options", "cost_option"}, {"program", "program"},
        {"required_documents", "required_document"}, {"contacts", "contact"}, {"attributes", "attribute"},
        {"metadata", "metadata"}, {"locations", "location"}, {"programs", "program"},
        {"organization_identifiers", "organization_identifier"}, {"services", "service"}, {"addresses", "address"},
        {"accessibility", "accessibility"}, {"location", "location"}, {"taxonomy_term", "taxonomy_term"},
        {"taxonomy_detail", "taxonomy"}, {"service", "service"}};
    return keys;
}

struct Flattener {
    RawDataset& out;
    std::string file;
    std::map<std::string, std::map<std::string, std::size_t>> seen;  // table -> id -> row, to merge repeats

    // Adds `object` as a row of `table` (merging a row seen before under the same id) and its nested objects.
    std::string add(const json& object, const std::string& table, const std::string& parentTable,
                    const std::string& parentId, const std::string& place) {
        Record row{file, place, {}, true};
        const SpecTable* spec = specTable(table);
        for (const auto& [key, value] : object.items()) {
            if (value.is_array()) {
                const auto child = nestedTables().find(key);
                if (child == nestedTables().end() || !specTable(child->second)) continue;
                for (std::size_t i = 0; i < value.size(); ++i)
                    if (value[i].is_object())
                        add(value[i], child->second, table, object.value("id", ""), fmt::format("{}.{}[{}]", place, key, i));
            } else if (value.is_object()) {
                const auto child = nestedTables().find(key);
                if (child == nestedTables().end()) continue;
                const std::string id = add(value, child->second, {}, {}, place + "." + key);
                if (!id.empty()) row.values[child->second + "_id"] = id;
            } else if (!value.is_null()) {
                row.values[key] = cellText(value);
            }
        }
        if (!parentTable.empty() && spec && spec->field(parentTable + "_id") && !row.has(parentTable + "_id"))
            row.values[parentTable + "_id"] = parentId;
        if (table == "metadata" && !parentTable.empty()) {
            if (!row.has("resource_id")) row.values["resource_id"] = parentId;
            if (!row.has("resource_type")) row.values["resource_type"] = parentTable;
        }
        if (table == "attribute" && !parentTable.empty()) {
            if (!row.has("link_id")) row.values["link_id"] = parentId;
            if (!row.has("link_entity")) row.values["link_entity"] = parentTable;
        }
        const std::string id = row.get("id");
        auto& rows = out.tables[table];
        if (const auto before = seen[table].find(id); !id.empty() && before != seen[table].end()) {
            for (auto& [k, v] : row.values) rows[before->second].values.emplace(k, v);  // the same object met again
            return id;
        }
        seen[table][id] = rows.size();
        rows.push_back(std::move(row));
        return id;
    }
};

std::string tableOfJsonFile(const fs::path& file, bool& isList) {
    std::string stem = file.stem().string();
    isList = stem.size() > 5 && stem.ends_with("_list");
    if (isList) stem.resize(stem.size() - 5);
    if (stem.size() > 5 && stem.ends_with("_full")) stem.resize(stem.size() - 5);
    return specTable(stem) ? stem : std::string{};
}

core::Result<void> readCsvPackage(const fs::path& folder, RawDataset& out) {
    auto package = readJson(folder / "datapackage.json");
    if (!package) return std::move(package).takeProblem();
    if (!package->is_object() || !package->contains("resources") || !(*package)["resources"].is_array())
        return hsdsProblem(HsdsProblem::NotHsds, "datapackage.json", "-", "resources", "no list of resources");
    out.format = "CSV datapackage";
    for (const auto& resource : (*package)["resources"]) {
        const std::string name = resource.value("name", ""), path = resource.value("path", "");
        if (!specTable(name)) {
            out.notes.push_back(fmt::format("datapackage.json\tresource '{}'\tnot an HSDS 3.0 table: not read", name));
            continue;
        }
        if (path.empty() || path.find("..") != std::string::npos || path.front() == '/')
            return hsdsProblem(HsdsProblem::NotHsds, "datapackage.json", "resource '" + name + "'", "path",
                               "must name a CSV file in the dataset's folder");
        auto rows = readCsvTable(folder / path, path);
        if (!rows) return std::move(rows).takeProblem();
        out.tables[name] = std::move(*rows);
    }
    return {};
}

core::Result<void> readTabularJson(const fs::path& folder, RawDataset& out) {
    auto tabular = readJson(folder / "tabular.json");
    if (!tabular) return std::move(tabular).takeProblem();
    if (!tabular->is_object())
        return hsdsProblem(HsdsProblem::NotHsds, "tabular.json", "-", "-", "must be an object of tables (\"services.csv\": [...])");
    out.format = "tabular.json";
    for (const auto& [key, rows] : tabular->items()) {
        const SpecTable* table = specTableByFile(key);
        if (!table) {
            out.notes.push_back(fmt::format("tabular.json\t'{}'\tnot an HSDS 3.0 table: not read", key));
            continue;
        }
        if (!rows.is_array())
            return hsdsProblem(HsdsProblem::SchemaViolation, "tabular.json", "'" + key + "'", "-", "must be a list of rows");
        auto& records = out.tables[table->name];
        for (std::size_t i = 0; i < rows.size(); ++i) {
            Record record{"tabular.json", fmt::format("{}[{}]", key, i), {}};
            if (!rows[i].is_object())
                return hsdsProblem(HsdsProblem::SchemaViolation, "tabular.json", record.place, "-", "a row must be an object");
            for (const auto& [field, value] : rows[i].items())
                if (!value.is_null()) record.values[field] = cellText(value);
            records.push_back(std::move(record));
        }
    }
    return {};
}

core::Result<void> readNestedJson(const fs::path& folder, RawDataset& out) {
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    if (error) return hsdsProblem(HsdsProblem::Unreadable, folder.string(), "-", "-", error.message());
    std::sort(files.begin(), files.end());
    out.format = "HSDS JSON files";
    bool any = false;
    Flattener flatten{out, {}, {}};
    for (const auto& file : files) {
        bool isList = false;
        const std::string table = tableOfJsonFile(file, isList);
        if (table.empty()) {
            if (file.filename() != "base.json")
                out.notes.push_back(fmt::format("{}\t-\tnot named after an HSDS 3.0 object (service.json, service_list.json …): not read",
                                                file.filename().string()));
            continue;
        }
        auto document = readJson(file);
        if (!document) return std::move(document).takeProblem();
        const json* items = &*document;
        if (isList) {
            if (!document->is_object() || !document->contains("contents") || !(*document)["contents"].is_array())
                return hsdsProblem(HsdsProblem::SchemaViolation, file.filename().string(), "-", "contents",
                                   "a *_list.json file must have a list 'contents'");
            items = &(*document)["contents"];
        }
        flatten.file = file.filename().string();
        if (items->is_array()) {
            for (std::size_t i = 0; i < items->size(); ++i)
                if ((*items)[i].is_object()) flatten.add((*items)[i], table, {}, {}, fmt::format("contents[{}]", i));
        } else if (items->is_object()) {
            flatten.add(*items, table, {}, {}, "$");
        } else {
            return hsdsProblem(HsdsProblem::SchemaViolation, file.filename().string(), "-", "-", "must be an object");
        }
        any = true;
    }
    if (!any)
        return hsdsProblem(HsdsProblem::NotHsds, folder.string(), "-", "-",
                           "no datapackage.json, no tabular.json and no HSDS JSON file (service_list.json …)");
    return {};
}

bool isNumber(const std::string& text) {
    if (text.empty()) return false;
    char* end = nullptr;
    errno = 0;
    std::strtod(text.c_str(), &end);
    return end && *end == '\0' && errno == 0;
}

std::string entityOf(const std::string& table, const Record& record) {
    return record.has("id") ? fmt::format("{} '{}' ({})", table, record.get("id"), record.place)
                            : fmt::format("{} ({})", table, record.place);
}

core::Result<void> checkRows(RawDataset& data) {
    for (auto& [name, records] : data.tables) {
        const SpecTable* table = specTable(name);
        std::set<std::string> ids, unknown;
        for (const auto& record : records) {
            for (const auto& field : table->fields) {
                const std::string& value = record.get(field.name);
                const bool implied = record.nested && field.name.ends_with("_id");  // the enclosing object
                if (value.empty() && field.required && !implied)
                    return hsdsProblem(HsdsProblem::SchemaViolation, record.file, entityOf(name, record), field.name,
                                       "is required");
                if (!value.empty() && (field.type == "number" || field.type == "integer") && !isNumber(value))
                    return hsdsProblem(HsdsProblem::SchemaViolation, record.file, entityOf(name, record), field.name,
                                       fmt::format("'{}' is not a number", value));
                if (!value.empty() && !field.allowed.empty() &&
                    std::find(field.allowed.begin(), field.allowed.end(), value) == field.allowed.end())
                    return hsdsProblem(HsdsProblem::SchemaViolation, record.file, entityOf(name, record), field.name,
                                       fmt::format("'{}' is not one of: {}", value, fmt::join(field.allowed, ", ")));
            }
            if (!ids.insert(record.get("id")).second)
                return hsdsProblem(HsdsProblem::DuplicateId, record.file, entityOf(name, record), "id",
                                   "another row of the table has the same id");
            for (const auto& [field, value] : record.values)
                if (!table->field(field) && !nestedTables().count(field) && unknown.insert(field).second)
                    data.notes.push_back(fmt::format("{}\t{}\tfield '{}': not an HSDS 3.0 field: not read", record.file,
                                                     name, field));
        }
    }
    return {};
}

}  // namespace

core::Result<RawDataset> readDataset(const fs::path& folder) {
    RawDataset data;
    std::error_code error;
    if (!fs::is_directory(folder, error))
        return hsdsProblem(HsdsProblem::Unreadable, folder.string(), "-", "-", "not a folder");
    core::Result<void> read = fs::exists(folder / "datapackage.json") ? readCsvPackage(folder, data)
                              : fs::exists(folder / "tabular.json")   ? readTabularJson(folder, data)
                                                                      : readNestedJson(folder, data);
    if (!read) return std::move(read).takeProblem();
    if (auto checked = checkRows(data); !checked) return std::move(checked).takeProblem();
    return data;
}

}  // namespace kiosk::hsds
