// The font atlas's texture made with one byte a pixel from the start.
#pragma once

#include <functional>

namespace kiosk::ui {

// Before the first frame (and after each loadFonts): has `createTexture` (the renderer's
// ImGui_ImplOpenGL3_CreateDeviceObjects or _CreateFontsTexture) make the font texture from a single
// white pixel, then stores the atlas in it as coverage, one byte a pixel, and frees the atlas's
// pixels and font files, as releaseFontPixels does after the renderer's own upload but without
// that upload (the whole atlas converted to four bytes a pixel and copied, some megabytes, before
// the first frame). Without OpenGL 3.3 (no texture swizzles): the renderer's upload, then
// releaseFontPixels.
void uploadFontTexture(const std::function<void()>& createTexture);

}  // namespace kiosk::ui
