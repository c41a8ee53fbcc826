// Which sound files speak a screen's main information. The content names them for the start screen
// and each offer; every other screen's follow a convention, audio/<language>/<name>.ogg in the
// content folder, so an author names nothing (scripts/make-audio makes them from the content and
// the kiosk's own words).
#pragma once

#include "kiosk/core/catalog.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

// The files per language of explanation `key`: "home" and "offer:<id>" as the content names them;
// "provider:<id>", "stage:<id>", "emergencies", "about", "map", "search", "list", "qr" (the list's
// large codes), "languages" and the professionals' "professionals", "actors", "practices", "events",
// "groups" by
// convention, in every language of the content. Nothing for an unknown key or id.
std::optional<LocalizedText> explanationAudio(const Catalog& catalog, std::string_view key);

// The file name (without folder and .ogg) of a conventional explanation: "provider-<id>",
// "stage-<id>", "emergencies" …; empty for the start screen, offers and unknown keys.
std::string conventionalAudioName(std::string_view key);

// The keys of every conventional explanation of this content, in a stable order.
std::vector<std::string> conventionalExplanations(const Catalog& catalog);

}  // namespace kiosk::core
