// kiosk-pack hsds-export and hsds-import: the content as Open Referral HSDS 3.0 and back.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kiosk::hsds {

struct ExportCommand {
    std::filesystem::path source, output;
    std::string format = "json";  // json (tabular.json) or csv (a Frictionless datapackage)
    std::string language = "de";
};

struct ImportCommand {
    std::filesystem::path input, output, mapping;
    std::vector<std::string> translations;  // "en=DIR": the same dataset in English (hsds-export --lang en)
};

CLI::App* addExportCommand(CLI::App& cli, ExportCommand& options);
CLI::App* addImportCommand(CLI::App& cli, ImportCommand& options);
// 0 written, 1 refused (content mistakes, bad HSDS: the reason names file, entity and field; nothing written).
int runExport(const ExportCommand& options);
int runImport(const ImportCommand& options);

}  // namespace kiosk::hsds
