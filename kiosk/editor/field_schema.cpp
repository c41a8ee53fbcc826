// The content format's fields per file, as content/README.md describes them.
#include "kiosk/editor/field_schema.hpp"

#include <map>

namespace kiosk::editor {

const std::vector<Field>& fieldsOf(const std::string& file) {
    using K = FieldKind;
    static const std::map<std::string, std::vector<Field>> fields{
        {"offers.yaml",
         {{"id", K::Id, true}, {"title", K::Translated, true}, {"summary", K::Translated, true},
          {"description", K::Translated}, {"provider", K::Provider, true}, {"life_stages", K::LifeStages, true},
          {"topics", K::Topics, true}, {"cost", K::Translated}, {"eligibility", K::Translated},
          {"url", K::Text, true}, {"languages", K::Codes}, {"keywords", K::Keywords}, {"audio", K::Audio},
          {"sample", K::Flag}}},
        {"providers.yaml",
         {{"id", K::Id, true}, {"name", K::Translated, true}, {"description", K::Translated},
          {"national", K::Flag}, {"address", K::Address}, {"location", K::Location}, {"phone", K::Text},
          {"email", K::Text}, {"website", K::Text}, {"opening_hours", K::Hours}, {"languages", K::Codes},
          {"accessibility", K::Translated}, {"sample", K::Flag}}},
        {"topics.yaml",
         {{"id", K::Id, true}, {"title", K::Translated, true}, {"icon", K::Text}, {"emergency", K::Flag}}},
        {"life_stages.yaml",
         {{"id", K::Id, true}, {"title", K::Translated, true}, {"ages", K::Translated}, {"icon", K::Text}}},
        {"network.yaml",
         {{"name", K::Translated, true}, {"description", K::Translated}, {"organisation", K::Translated},
          {"address", K::Address}, {"phone", K::Text, true}, {"fax", K::Text}, {"website", K::Text},
          {"opening_hours", K::Hours}, {"audio", K::Audio}, {"site_base_url", K::Text},
          {"school_holidays", K::Holidays}}},
        // For professionals.
        {"practices.yaml",
         {{"id", K::Id, true}, {"title", K::Translated, true}, {"summary", K::Translated, true},
          {"description", K::Translated}, {"fields", K::FieldsOfWork, true}, {"municipality", K::Text},
          {"providers", K::Providers}, {"contact", K::Contact, true}, {"since", K::Date}, {"status", K::Translated},
          {"image", K::Text}, {"image_alt", K::Translated}, {"audio", K::Audio}, {"sample", K::Flag}}},
        {"events.yaml",
         {{"id", K::Id, true}, {"title", K::Translated, true}, {"description", K::Translated},
          {"start", K::DateTime, true}, {"end", K::DateTime, true}, {"place", K::Place, true},
          {"audience", K::Translated}, {"cost", K::Translated}, {"register", K::Register},
          {"capacity", K::Translated}, {"sample", K::Flag}}},
        {"working_groups.yaml",
         {{"id", K::Id, true}, {"title", K::Translated, true}, {"purpose", K::Translated, true},
          {"fields", K::FieldsOfWork}, {"meets", K::Translated}, {"contact", K::Contact, true},
          {"join", K::Translated}, {"sample", K::Flag}}},
    };
    static const std::vector<Field> none;
    const auto it = fields.find(file);
    return it == fields.end() ? none : it->second;
}

std::string titleFieldOf(const std::string& file) {
    return file == "providers.yaml" || file == "network.yaml" ? "name" : "title";
}

}  // namespace kiosk::editor
