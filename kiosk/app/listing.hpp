// `--list`: the content as tab-separated lines, for administrators and scripts.
#pragma once

#include "kiosk/core/catalog.hpp"

#include <cstdio>
#include <string>

namespace kiosk::app {

void printListing(const core::Catalog& catalog, const std::string& what, const std::string& language, std::FILE* out);

}  // namespace kiosk::app
