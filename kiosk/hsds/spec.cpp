// The specification's table list, read once from its compiled-in datapackage.json; UUIDs v5 via libuuid.
#include "kiosk/hsds/spec.hpp"

#include <uuid/uuid.h>

#include <algorithm>

namespace kiosk::hsds {

std::string_view specDatapackage();  // generated from hsds-3.0/datapackage.json

const nlohmann::ordered_json& specDatapackageJson() {
    static const nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(specDatapackage());
    return parsed;
}

const SpecField* SpecTable::field(std::string_view wanted) const {
    for (const auto& f : fields)
        if (f.name == wanted) return &f;
    return nullptr;
}

const std::vector<SpecTable>& specTables() {
    static const std::vector<SpecTable> tables = [] {
        std::vector<SpecTable> result;
        for (const auto& resource : specDatapackageJson().at("resources")) {
            SpecTable table{resource.at("name").get<std::string>(), resource.at("path").get<std::string>(), {}};
            for (const auto& field : resource.at("schema").at("fields")) {
                SpecField f{field.at("name").get<std::string>(), field.value("type", "string"), false, {}};
                if (const auto c = field.find("constraints"); c != field.end()) {
                    f.required = c->value("required", false);
                    if (const auto e = c->find("enum"); e != c->end()) f.allowed = e->get<std::vector<std::string>>();
                }
                table.fields.push_back(std::move(f));
            }
            result.push_back(std::move(table));
        }
        return result;
    }();
    return tables;
}

const SpecTable* specTable(std::string_view name) {
    for (const auto& t : specTables())
        if (t.name == name) return &t;
    return nullptr;
}

const SpecTable* specTableByFile(std::string_view file) {
    for (const auto& t : specTables())
        if (t.file == file) return &t;
    return nullptr;
}

std::string kioskUuid(std::string_view name) {
    uuid_t ns, out;
    const std::string nsText(kUuidNamespace);
    uuid_parse(nsText.c_str(), ns);
    uuid_generate_sha1(out, ns, name.data(), name.size());
    char text[37];
    uuid_unparse_lower(out, text);
    return text;
}

}  // namespace kiosk::hsds
