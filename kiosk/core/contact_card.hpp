// A provider's contact as a vCard, so a phone can save it from a QR code without internet.
#pragma once

#include "kiosk/core/catalog.hpp"

#include <string>

namespace kiosk::core {

// vCard 3.0 with the provider's name (in `language`), phone, email, address and website.
std::string contactCard(const Provider& provider, std::string_view language);
// The same with the name from `catalog` (which may keep its texts in a TextSource).
std::string contactCard(const Catalog& catalog, const Provider& provider, std::string_view language);

}  // namespace kiosk::core
