// A problem in the content source, named so an author can find and fix it.
#pragma once

#include <string>
#include <vector>

namespace kiosk::content {

struct ContentError {
    std::string file;     // "offers.yaml"
    std::string entry;    // "offer 'kindergeld'" (or "entry 3" when it has no id)
    std::string field;    // "opening_hours"
    std::string message;  // what is wrong, in plain words

    // "offers.yaml: offer 'kindergeld': field 'provider': unknown provider 'xyz'"
    std::string toString() const;
};

std::string describe(const std::vector<ContentError>& errors);

}  // namespace kiosk::content
