// The two kiosk-pack commands: read, map, write beside and rename; print what was done or why not.
#include "kiosk/hsds/hsds_command.hpp"

#include "kiosk/content/source_loader.hpp"
#include "kiosk/hsds/dataset.hpp"
#include "kiosk/hsds/export.hpp"
#include "kiosk/hsds/hsds_problem.hpp"
#include "kiosk/hsds/import.hpp"
#include "kiosk/hsds/output_folder.hpp"
#include "kiosk/hsds/spec.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <chrono>
#include <cstdio>

namespace kiosk::hsds {

namespace fs = std::filesystem;

namespace {

constexpr const char* kExportMarker = ".kiosk-hsds";

int refuse(const char* command, const core::Problem& problem) {
    std::fprintf(stderr, "kiosk-pack %s: %s\nNothing was written.\n", command, problem.logLine().c_str());
    return 1;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::size_t rows(const Dataset& d, const char* table) {
    const auto it = d.tables.find(table);
    return it == d.tables.end() ? 0 : it->second.size();
}

}  // namespace

CLI::App* addExportCommand(CLI::App& cli, ExportCommand& options) {
    auto* command = cli.add_subcommand("hsds-export", "check a content folder and write it as an Open Referral HSDS 3.0 dataset");
    command->add_option("source", options.source, "content folder")->required()->check(CLI::ExistingDirectory);
    command->add_option("-o,--output", options.output, "the dataset's folder (replaced as a whole)")->required();
    command->add_option("--format", options.format, "json (tabular.json, default) or csv (a datapackage)")
        ->check(CLI::IsMember({"json", "csv"}));
    command->add_option("--lang", options.language, "language of the texts (default de; the same ids in every language)")
        ->check(CLI::IsMember({"de", "en", "tr", "ar", "uk", "ru"}));
    return command;
}

CLI::App* addImportCommand(CLI::App& cli, ImportCommand& options) {
    auto* command = cli.add_subcommand("hsds-import", "read an HSDS 3.0 dataset and write a content folder that passes the check");
    command->add_option("input", options.input, "the dataset's folder (datapackage.json + CSV, tabular.json or HSDS JSON files)")
        ->required();
    command->add_option("-o,--output", options.output, "the content folder to write (replaced as a whole)")->required();
    command->add_option("--mapping", options.mapping, "mapping file: taxonomy terms and ages -> life stages and topics");
    command->add_option("--translation", options.translations,
                        "LANG=DIR: the same dataset in another language (en, tr, ar, uk, ru), joined by id; repeatable");
    return command;
}

int runExport(const ExportCommand& options) {
    const auto started = std::chrono::steady_clock::now();
    const content::SourceResult content = content::loadSource(options.source);
    for (const auto& e : content.errors) std::fprintf(stderr, "%s\n", e.toString().c_str());
    if (!content.ok()) {
        std::fprintf(stderr, "%zu error(s): nothing was written.\n", content.errors.size());
        return 1;
    }
    const Dataset dataset = exportCatalog(content.catalog, options.language);
    std::map<std::string, std::string> files{{kExportMarker, "written by kiosk-pack hsds-export\n"}};
    if (options.format == "csv") {
        for (const auto& table : specTables()) files[table.file] = csvTable(dataset, table.name);
        files["datapackage.json"] = datapackageJson(options.language);
    } else {
        files["tabular.json"] = tabularJson(dataset);
    }
    if (auto written = writeFolder(options.output, files, kExportMarker); !written) return refuse("hsds-export", written.problem());
    std::printf("wrote %s: HSDS 3.0 (%s, %s): %zu organizations, %zu locations, %zu services, %zu schedules (%.1f s)\n",
                options.output.c_str(), options.format.c_str(), options.language.c_str(), rows(dataset, "organization"),
                rows(dataset, "location"), rows(dataset, "service"), rows(dataset, "schedule"), secondsSince(started));
    return 0;
}

int runImport(const ImportCommand& options) {
    const auto started = std::chrono::steady_clock::now();
    auto data = readDataset(options.input);
    if (!data) return refuse("hsds-import", data.problem());
    auto mapping = loadMapping(options.mapping);
    if (!mapping) return refuse("hsds-import", mapping.problem());
    std::vector<Translation> translations;
    for (const auto& each : options.translations) {
        const auto equals = each.find('=');
        const std::string language = each.substr(0, equals);
        if (equals == std::string::npos || language.size() != 2 || language == "de") {
            std::fprintf(stderr, "kiosk-pack hsds-import: --translation '%s' must be LANG=DIR, e.g. en=hsds-en\n", each.c_str());
            return 2;
        }
        auto translated = readDataset(each.substr(equals + 1));
        if (!translated) return refuse("hsds-import", translated.problem());
        translations.push_back({language, std::move(*translated)});
    }
    auto imported = importDataset(*data, *mapping, options.input.string(), translations);
    if (!imported) return refuse("hsds-import", imported.problem());
    double checkSeconds = 0;
    auto check = [&checkSeconds](const fs::path& folder) -> core::Result<void> {
        const auto checkStarted = std::chrono::steady_clock::now();
        const content::SourceResult loaded = content::loadSource(folder);
        checkSeconds = secondsSince(checkStarted);
        if (loaded.ok()) return {};
        const auto& first = loaded.errors.front();
        return hsdsProblem(HsdsProblem::ContentRefused, first.file, first.entry.empty() ? "-" : first.entry,
                           first.field.empty() ? "-" : first.field, first.message)
            .withDetail(content::describe(loaded.errors));
    };
    if (auto written = writeFolder(options.output, imported->files, "import-report.txt", check); !written)
        return refuse("hsds-import", written.problem());
    std::printf("wrote %s: %zu offers, %zu providers from %s; %zu services left out, %zu lines in import-report.txt "
                "(%.1f s, of which the content check %.1f s)\n",
                options.output.c_str(), imported->offers, imported->providers, data->format.c_str(),
                imported->servicesLeftOut, imported->report.size() + data->notes.size(), secondsSince(started), checkSeconds);
    return 0;
}

}  // namespace kiosk::hsds
