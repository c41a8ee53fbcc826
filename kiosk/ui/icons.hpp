// Pictograms from the Material Design Icons font, by the names content authors write.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

// UTF-8 of the pictogram called `name` ("human-pregnant"); a neutral one for unknown names.
std::string icon(std::string_view name);
bool isKnownIcon(std::string_view name);

// The code points to put into the font atlas, ascending.
std::vector<unsigned> iconCodepoints();

}  // namespace kiosk::ui
