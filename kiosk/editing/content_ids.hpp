// Ids of content entries: what makes one valid, one proposed from a title, and which entries use one.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace kiosk::editing {

inline constexpr std::size_t kMaxIdLength = 80;  // as the content check allows

// a-z, 0-9 and '-', at most kMaxIdLength: what the content check accepts.
bool isValidId(std::string_view id);

// An id from a title: German letters spelt out (ä → ae, ß → ss), lower case, words joined by '-',
// cut at a word end before 60 letters; "-2", "-3" … appended while it is in `taken`. A title of
// no Latin letters gives `fallback` ("angebot").
std::string proposeId(std::string_view title, const std::set<std::string>& taken,
                      std::string_view fallback = "eintrag");

// "offer 'kindergeld'": how the content check names an entry of a file.
std::string entryLabel(std::string_view file, std::string_view id);

}  // namespace kiosk::editing
