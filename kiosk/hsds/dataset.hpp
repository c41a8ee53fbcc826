// An HSDS dataset as tables of flat rows: written as tabular.json or a CSV datapackage, read from
// either or from the specification's nested JSON files (service_full.json, *_list.json …).
#pragma once

#include "kiosk/core/problem.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kiosk::hsds {

// What is written: per table (by its name, "service"), rows with typed values in the column order.
struct Dataset {
    std::map<std::string, std::vector<nlohmann::ordered_json>> tables;
    void add(const std::string& table, nlohmann::ordered_json row) { tables[table].push_back(std::move(row)); }
};

// {"organizations.csv": [...], ...}: every table in the specification's order, as its tabular.json.
std::string tabularJson(const Dataset& dataset);
// One table as CSV (RFC 4180, CRLF): the specification's columns, a row each.
std::string csvTable(const Dataset& dataset, const std::string& table);
// The datapackage.json of a CSV export: the specification's resources (all tables), with this dataset's name.
std::string datapackageJson(const std::string& language);

// What is read: values as text, with where each row came from for the messages.
struct Record {
    std::string file;   // "services.csv"
    std::string place;  // "row 3" or "contents[0].phones[1]"
    std::map<std::string, std::string> values;
    bool nested = false;  // from the API's nested JSON, where links to the enclosing object are left out
    const std::string& get(const std::string& field) const;
    bool has(const std::string& field) const { return !get(field).empty(); }
};

struct RawDataset {
    std::map<std::string, std::vector<Record>> tables;
    std::vector<std::string> notes;  // report lines: what was read but is no HSDS 3.0
    std::string format;              // "CSV datapackage", "tabular.json", "HSDS JSON files"
    const std::vector<Record>& rows(const std::string& table) const;
};

// Reads the dataset in `folder` (a datapackage.json with CSV files, a tabular.json, or HSDS JSON
// files), checks every row against the specification's columns (required fields, numbers, allowed
// values) and that ids are unique per table.
core::Result<RawDataset> readDataset(const std::filesystem::path& folder);

}  // namespace kiosk::hsds
