// `--list`: the content as tab-separated lines, for administrators and scripts.
#pragma once

#include "kiosk/core/catalog.hpp"

#include <cstdio>
#include <string>

namespace kiosk::app {

// `what`: offers, providers, stages, topics, practices, groups, events (with their start, in order), or speech (sound file path<TAB>text to speak, for each
// explanation the content names in `language`).
void printListing(const core::Catalog& catalog, const std::string& what, const std::string& language, std::FILE* out);

}  // namespace kiosk::app
