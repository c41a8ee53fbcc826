// The HSDS 3.0 tables as the specification's datapackage.json describes them (compiled in): names,
// CSV files, columns in order, their types, which are required and which values are allowed.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::hsds {

struct SpecField {
    std::string name;
    std::string type;  // string, number, date, time, datetime …
    bool required = false;
    std::vector<std::string> allowed;  // empty: any value
};

struct SpecTable {
    std::string name;  // "service"
    std::string file;  // "services.csv"
    std::vector<SpecField> fields;
    const SpecField* field(std::string_view name) const;
};

// The 21 tables, in the specification's order.
const std::vector<SpecTable>& specTables();
const SpecTable* specTable(std::string_view name);
const SpecTable* specTableByFile(std::string_view file);
// The specification's datapackage.json, parsed (its resources describe every table).
const nlohmann::ordered_json& specDatapackageJson();

// The UUID (version 5, RFC 4122) for `name` in the Familienkiosk namespace
// b993e8d1-149c-5e4f-b5b0-5d29277b16bb (itself uuid5(DNS, "familienkiosk.landkreis-esslingen.de")).
std::string kioskUuid(std::string_view name);
inline constexpr std::string_view kUuidNamespace = "b993e8d1-149c-5e4f-b5b0-5d29277b16bb";

}  // namespace kiosk::hsds
