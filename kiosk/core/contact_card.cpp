// vCard 3.0 (RFC 2426) text for a provider, escaped so names with commas or semicolons survive.
#include "kiosk/core/contact_card.hpp"

namespace kiosk::core {
namespace {

std::string escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == ',' || c == ';') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string namedCard(const Provider& provider, const std::string& localizedName) {
    const std::string name = escape(localizedName);
    std::string card = "BEGIN:VCARD\r\nVERSION:3.0\r\n";
    card += "FN:" + name + "\r\n";
    card += "ORG:" + name + "\r\n";
    if (!provider.phone.empty()) card += "TEL;TYPE=WORK,VOICE:" + escape(provider.phone) + "\r\n";
    if (!provider.email.empty()) card += "EMAIL;TYPE=INTERNET:" + escape(provider.email) + "\r\n";
    if (!provider.address.empty()) {
        card += "ADR;TYPE=WORK:;;" + escape(provider.address.street) + ";" + escape(provider.address.municipality) +
                ";;" + escape(provider.address.postalCode) + ";Deutschland\r\n";
    }
    if (!provider.website.empty()) card += "URL:" + escape(provider.website) + "\r\n";
    card += "END:VCARD\r\n";
    return card;
}

}  // namespace

std::string contactCard(const Provider& provider, std::string_view language) {
    return namedCard(provider, provider.name.get(language));
}

std::string contactCard(const Catalog& catalog, const Provider& provider, std::string_view language) {
    return namedCard(provider, catalog.text(provider, ProviderText::Name, language));
}

}  // namespace kiosk::core
