// kiosk-pack: makes signing keys, builds signed content packs, verifies and describes them; writes the
// website and the HSDS 3.0 dataset of a content folder, and reads an HSDS dataset into one.
// Exit codes: 0 done, 1 refused (the pack or the content is not right), 2 wrong use of the command.
#include "kiosk/content/hours_command.hpp"
#include "kiosk/content/pack_keys.hpp"
#include "kiosk/content/pack_reader.hpp"
#include "kiosk/content/pack_writer.hpp"
#include "kiosk/content/source_loader.hpp"
#include "kiosk/hsds/hsds_command.hpp"
#include "kiosk/i18n/strings.hpp"
#include "kiosk/site/site.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/cfg/env.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>

namespace {

namespace fs = std::filesystem;
using namespace kiosk::content;

std::string megabytes(std::uint64_t bytes) { return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6); }

void refused(const kiosk::core::Problem& problem) {
    std::fprintf(stderr, "REFUSED: %s\n", problem.english().c_str());
    std::fprintf(stderr, "detail: %s\n", problem.detail().c_str());
}

int keygen(const fs::path& name) {
    if (auto made = generateKeyPair(name); !made) {
        std::fprintf(stderr, "kiosk-pack keygen: %s\n", made.problem().logLine().c_str());
        return 1;
    }
    const auto pub = readPublicKey(fs::path(name.string() + ".pub"));
    std::printf("secret key: %s (keep it private; it signs packs)\n", name.c_str());
    std::printf("public key: %s.pub (key %s; copy it into each kiosk's /etc/familienkiosk/keys/)\n", name.c_str(),
                pub ? pub->keyId().c_str() : "?");
    return 0;
}

int build(const fs::path& source, fs::path output, const fs::path& keyFile, std::int64_t version, std::string name,
          const std::string& compression, bool withoutDatabase) {
    const auto key = readSecretKey(keyFile);
    if (!key) {
        std::fprintf(stderr, "kiosk-pack build: %s\n", key.problem().logLine().c_str());
        return 1;
    }
    if (name.empty()) name = "familienkiosk";
    if (!isSafeRelativePath(name) || name.find('/') != std::string::npos) {
        std::fprintf(stderr, "kiosk-pack build: --name '%s' must be a plain name, e.g. esslingen\n", name.c_str());
        return 2;
    }
    if (output.empty()) output = fmt::format("{}-{}.kpack", name, version);
    const Compression kind = compression == "none" ? Compression::None
                             : compression == "gzip" ? Compression::Gzip
                                                     : Compression::Zstd;
    const auto started = std::chrono::steady_clock::now();
    const auto built = buildPack(source, output, *key, version, name, kind,
                                 withoutDatabase ? PackDatabase::SourceOnly : PackDatabase::Ready);
    if (!built && built.problem().is(PackBuildProblem::ContentMistakes)) {
        // The content's mistakes, one a line as the kiosk names them, then how many.
        std::fprintf(stderr, "%s%s\n", built.problem().detail().c_str(), built.problem().english().c_str());
        return 1;
    }
    if (!built) {
        std::fprintf(stderr, "kiosk-pack build: %s\nNo pack was written.\n", built.problem().logLine().c_str());
        return 1;
    }
    const Manifest& manifest = *built;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("wrote %s: %s version %lld, %zu files, %s, signed with key %s (%.1f s)\n", output.c_str(),
                manifest.name.c_str(), static_cast<long long>(version), manifest.files.size(),
                megabytes(manifest.totalBytes()).c_str(), manifest.keyId.c_str(), seconds);
    return 0;
}

int verify(const fs::path& pack, const fs::path& pubFile) {
    const auto key = readPublicKey(pubFile);
    if (!key) {
        std::fprintf(stderr, "kiosk-pack verify: %s\n", key.problem().logLine().c_str());
        return 1;
    }
    const std::vector<PublicKey> keys{*key};
    PackReadOptions options;
    options.keys = &keys;
    options.limits = {~0ull, ~0ull, ~size_t{0}};  // an administrator's own check: the kiosk's limits apply on import
    const auto check = verifyPack(pack, options);
    if (!check) {
        refused(check.problem());
        return 1;
    }
    std::printf("OK: %s version %lld, created %s, signed with key %s; %zu files (%s) match their size and hash\n",
                check->manifest.name.c_str(), static_cast<long long>(check->manifest.version),
                check->manifest.created.c_str(), check->manifest.keyId.c_str(), check->manifest.files.size(),
                megabytes(check->manifest.totalBytes()).c_str());
    return 0;
}

int inspect(const fs::path& pack) {
    std::string folder = (fs::temp_directory_path() / "kiosk-pack-XXXXXX").string();
    if (!::mkdtemp(folder.data())) {
        std::fprintf(stderr, "kiosk-pack inspect: cannot make a temporary folder\n");
        return 1;
    }
    struct Remove {
        fs::path path;
        ~Remove() {
            std::error_code ignored;
            fs::remove_all(path, ignored);
        }
    } remove{folder};
    PackReadOptions options;
    options.limits = {~0ull, ~0ull, ~size_t{0}};
    options.syncToDisk = false;
    const auto check = verifyAndUnpack(pack, folder, options);
    if (!check) {
        refused(check.problem());
        return 1;
    }
    const Manifest& m = check->manifest;
    const SourceResult content = loadSource(fs::path(folder) / "content");
    std::size_t media = 0;
    for (const auto& file : m.files)
        if (fs::path(file.path).parent_path() != "content") ++media;
    std::printf("name:        %s\n", m.name.c_str());
    std::printf("version:     %lld\n", static_cast<long long>(m.version));
    std::printf("created:     %s\n", m.created.c_str());
    std::printf("needs kiosk: %s or later\n", m.minKioskVersion.c_str());
    std::printf("signed by:   key %s (not checked here: kiosk-pack verify --pubkey)\n", m.keyId.c_str());
    if (content.ok()) {
        const auto languages = content.catalog.languages();
        std::printf("offers:      %zu\n", content.catalog.offers.size());
        std::printf("providers:   %zu\n", content.catalog.providers.size());
        std::printf("languages:   %zu (%s)\n", languages.size(), fmt::format("{}", fmt::join(languages, ", ")).c_str());
    } else {
        std::printf("content:     %zu error(s); a kiosk would refuse this pack:\n", content.errors.size());
        for (const auto& e : content.errors) std::printf("  %s\n", e.toString().c_str());
    }
    std::printf("media files: %zu\n", media);
    std::printf("files:       %zu, %s\n", m.files.size(), megabytes(m.totalBytes()).c_str());
    return content.ok() ? 0 : 1;
}

// Prints as --build-db does: each content error, then the count; exit 1 when refused.
int site(const kiosk::site::SiteOptions& options) {
    for (const auto& problem : kiosk::i18n::loadUiStrings(options.assets / "i18n"))  // German words stand in
        std::fprintf(stderr, "warning: translations: %s\n", problem.logLine().c_str());
    std::vector<ContentError> errors;
    const auto built = kiosk::site::buildSite(options, errors);
    for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.toString().c_str());
    if (!errors.empty()) {
        std::fprintf(stderr, "%zu error(s): no site was written.\n", errors.size());
        return 1;
    }
    if (!built) {
        std::fprintf(stderr, "kiosk-pack site: %s\n", built.problem().logLine().c_str());
        const auto& problem = built.problem();  // a missing or wrong address is wrong use; the rest refused
        return problem.is(kiosk::site::SiteProblem::NoBaseUrl) || problem.is(kiosk::site::SiteProblem::BadBaseUrl) ? 2 : 1;
    }
    if (!built->mapProblem.empty()) std::fprintf(stderr, "warning: %s\n", built->mapProblem.c_str());
    std::printf("wrote %s: %zu pages, %zu files, %s, for %s (%.1f s: check %.1f, pages %.1f, to disk %.1f)\n",
                options.output.c_str(), built->pages, built->files, megabytes(built->bytes).c_str(),
                built->baseUrl.c_str(), built->checkSeconds + built->renderSeconds + built->writeSeconds,
                built->checkSeconds, built->renderSeconds, built->writeSeconds);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    spdlog::cfg::load_env_levels();  // SPDLOG_LEVEL=debug: e.g. the database build's steps and their times
    CLI::App cli{"kiosk-pack: signed content packs for Familienkiosk.\n"
                 "Exit codes: 0 done, 1 refused (the reason is printed), 2 wrong use."};
    cli.require_subcommand(1);

    fs::path keyName;
    auto* keygenCommand = cli.add_subcommand("keygen", "make a signing key pair: NAME (secret, mode 0600) and NAME.pub");
    keygenCommand->add_option("-o,--output", keyName, "file name of the secret key")->required();

    fs::path source, output, secretKey;
    std::int64_t version = 0;
    std::string name, compression = "zstd";
    auto* buildCommand = cli.add_subcommand("build", "check a content folder and write a signed pack of it");
    buildCommand->add_option("source", source, "content folder (the five YAML files and audio/ ...)")
        ->required()
        ->check(CLI::ExistingDirectory);
    buildCommand->add_option("-o,--output", output, "pack file to write (default: NAME-VERSION.kpack)");
    buildCommand->add_option("--key", secretKey, "secret key file (from keygen)")->required();
    buildCommand->add_option("--version", version, "version number, greater than the one on the kiosks")
        ->required()
        ->check(CLI::PositiveNumber);
    buildCommand->add_option("--name", name, "pack name (default: familienkiosk)");
    buildCommand->add_option("--compress", compression, "zstd (default), gzip or none")
        ->check(CLI::IsMember({"zstd", "gzip", "none"}));
    bool withoutDatabase = false;
    buildCommand->add_flag("--without-database", withoutDatabase,
                           "leave out the ready database: kiosks build it from the YAML (slower import)");

    fs::path pack, pubkey;
    auto* verifyCommand = cli.add_subcommand("verify", "check a pack's signature and every file's size and hash");
    verifyCommand->add_option("pack", pack, "the .kpack file")->required();
    verifyCommand->add_option("--pubkey", pubkey, "public key file (NAME.pub)")->required();

    auto* inspectCommand = cli.add_subcommand("inspect", "describe a pack: version, date, offers, languages, media, size");
    inspectCommand->add_option("pack", pack, "the .kpack file")->required();

    kiosk::content::HoursCommand hours;
    auto* hoursCommand = kiosk::content::addHoursCommand(cli, hours);
    kiosk::site::SiteOptions siteOptions{{}, {}, KIOSK_PACK_ASSETS_DIR, {}};
    auto* siteCommand = cli.add_subcommand("site", "check a content folder and write the network's website from it");
    siteCommand->add_option("source", siteOptions.source, "content folder")->required()->check(CLI::ExistingDirectory);
    siteCommand->add_option("-o,--output", siteOptions.output, "the site's folder (replaced as a whole)")->required();
    siteCommand->add_option("--base-url", siteOptions.baseUrl, "where the site is published (default: site_base_url)");
    siteCommand->add_option("--assets", siteOptions.assets, "the kiosk's assets folder (i18n, geo)")->capture_default_str();

    kiosk::hsds::ExportCommand hsdsExport;
    auto* hsdsExportCommand = kiosk::hsds::addExportCommand(cli, hsdsExport);
    kiosk::hsds::ImportCommand hsdsImport;
    auto* hsdsImportCommand = kiosk::hsds::addImportCommand(cli, hsdsImport);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (*keygenCommand) return keygen(keyName);
    if (*buildCommand) return build(source, output, secretKey, version, name, compression, withoutDatabase);
    if (*verifyCommand) return verify(pack, pubkey);
    if (*hoursCommand) return kiosk::content::runHoursCommand(hours);
    if (*siteCommand) return site(siteOptions);
    if (*hsdsExportCommand) return kiosk::hsds::runExport(hsdsExport);
    if (*hsdsImportCommand) return kiosk::hsds::runImport(hsdsImport);
    return inspect(pack);
}
