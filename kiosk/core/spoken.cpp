#include "kiosk/core/spoken.hpp"

#include <array>

namespace kiosk::core {
namespace {

constexpr std::array<std::string_view, 12> kScreens{"emergencies", "about",     "map",    "search",
                                                    "list",        "qr",        "languages", "professionals",
                                                    "actors",      "practices", "events",    "groups"};

}  // namespace

std::string conventionalAudioName(std::string_view key) {
    for (std::string_view screen : kScreens)
        if (key == screen) return std::string(screen);
    for (std::string_view kind : {"provider", "stage"}) {
        const std::string prefix = std::string(kind) + ":";
        if (key.starts_with(prefix) && key.size() > prefix.size())
            return std::string(kind) + "-" + std::string(key.substr(prefix.size()));
    }
    return {};
}

std::optional<LocalizedText> explanationAudio(const Catalog& catalog, std::string_view key) {
    if (auto named = catalog.explanation(key)) return named;
    if (key.starts_with("provider:") && !catalog.provider(key.substr(9))) return std::nullopt;
    if (key.starts_with("stage:") && !catalog.lifeStage(key.substr(6))) return std::nullopt;
    const std::string name = conventionalAudioName(key);
    if (name.empty()) return std::nullopt;
    LocalizedText files;
    for (const std::string& language : catalog.languages()) files.set(language, "audio/" + language + "/" + name + ".ogg");
    return files;
}

std::vector<std::string> conventionalExplanations(const Catalog& catalog) {
    std::vector<std::string> keys;
    for (const auto& stage : catalog.lifeStages) keys.push_back("stage:" + stage.id);
    for (std::string_view screen : kScreens) keys.emplace_back(screen);
    for (const auto& provider : catalog.providers) keys.push_back("provider:" + provider.id);
    return keys;
}

}  // namespace kiosk::core
