// Move-only OpenGL textures: made from pixels the kiosk computed (QR codes), or drawn by the GL
// from ImGui draw commands once and then shown for many frames (the map).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace kiosk::platform {
class QrCode;
}

namespace kiosk::ui {

class Texture {
public:
    Texture(const Texture&) = delete;
    Texture& operator=(const Texture&) = delete;
    Texture(Texture&& other) noexcept;
    Texture& operator=(Texture&& other) noexcept;
    ~Texture();

    // Grey-scale pixels, one byte each, drawn with nearest filtering so edges stay sharp.
    static std::optional<Texture> fromLuminance(int width, int height, const std::vector<std::uint8_t>& pixels);
    // One pixel per module, dark on white, with the quiet zone.
    static std::optional<Texture> fromQr(const platform::QrCode& qr);
    // Colour pixels (red, green, blue, alpha; rows top to bottom), smoothly scaled (mipmaps): a picture.
    // Nothing for a size the pixels do not fill.
    static std::optional<Texture> fromRgba(int width, int height, const std::vector<std::uint8_t>& pixels);

    void* id() const;  // for ImGui::Image
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    Texture(unsigned name, int width, int height) : m_name(name), m_width(width), m_height(height) {}
    unsigned m_name = 0;
    int m_width = 0;
    int m_height = 0;
};

// A picture the GL draws once from an ImGui draw list into a texture (through a framebuffer
// object), shown afterwards as one quad for as long as it stays the same: for what is costly to
// draw and changes seldom. One texel a pixel, so it is as sharp as drawing directly.
class DrawnTexture {
public:
    DrawnTexture(const DrawnTexture&) = delete;
    DrawnTexture& operator=(const DrawnTexture&) = delete;
    DrawnTexture(DrawnTexture&& other) noexcept;
    DrawnTexture& operator=(DrawnTexture&& other) noexcept;
    ~DrawnTexture();

    // An empty picture of `width` x `height` pixels; nothing when the GL cannot make one.
    static std::optional<DrawnTexture> make(int width, int height);

    // Fills the picture with the opaque `background`, then draws `list` on it as ImGui's renderer
    // would draw it on the screen, `list`'s point `origin` at the picture's top left corner and
    // `scale` pixels a unit (ImGuiIO::DisplayFramebufferScale). Call it between ImGui's NewFrame
    // and the frame's rendering (the renderer's objects exist then). False when the GL failed.
    bool draw(const ImDrawList& list, ImVec2 origin, ImVec2 scale, ImU32 background);
    // As draw, but only the part from `min` to `max` (units of `list`, as `origin`) is filled with
    // `background` and drawn on; the rest of the picture keeps what it shows. Every command of
    // `list` must be clipped to that part (the renderer's scissor keeps it there).
    bool drawPart(const ImDrawList& list, ImVec2 origin, ImVec2 scale, ImU32 background, ImVec2 min, ImVec2 max);

    // The picture, or the part from `from` to `to` (in pixels of the picture), on `draw` between
    // `min` and `max` (whole pixels, `max - min` equal to `to - from`), copied as it is: no
    // blending, no tint, one texel a pixel. Its corners are rounded by `rounding` over `behind`,
    // the opaque colour under the picture.
    //
    // Why a copy: the picture is stored blue-green-red-alpha, and Mesa's llvmpipe then copies a
    // screen-aligned rectangle of it row by row ("linear" path) instead of shading every pixel:
    // a map-sized picture costs ~1 ms instead of ~4. Only that one rectangle may sample the
    // picture over large areas: Mesa 22.3's linear path misplaces the texture in 64-pixel tiles
    // that a plain triangle covers whole (a rounded image drawn as ImGui draws one showed its
    // land shifted in squares), so the rounded rim is drawn in strips narrower than a tile.
    void show(ImDrawList& draw, ImVec2 min, ImVec2 max, ImVec2 from, ImVec2 to, float rounding, ImU32 behind) const;

    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    DrawnTexture(unsigned framebuffer, unsigned texture, int width, int height)
        : m_framebuffer(framebuffer), m_texture(texture), m_width(width), m_height(height) {}
    void release() noexcept;
    bool render(const ImDrawList& list, ImVec2 origin, ImVec2 scale, ImU32 background, const int* part);
    // As ImGui draws an image (blended, tinted, rounded): for the rim only, see show().
    void addImage(ImDrawList& draw, ImVec2 min, ImVec2 max, ImVec2 from, ImVec2 to, float rounding) const;
    unsigned m_framebuffer = 0;
    unsigned m_texture = 0;
    int m_width = 0;
    int m_height = 0;
};

// From here on in this frame, on `draw` and the lists drawn after it, each pixel takes the one
// texel nearest it instead of a blend of four. Text and pictograms are drawn at their own size,
// so they look the same (crisper, if anything), and a software GL (Mesa's llvmpipe) shades them in
// two thirds of the time. Pictures drawn into a DrawnTexture keep the blend: their place names are
// scaled. Needs OpenGL 3.3 (sampler objects); does nothing on older GLs.
void sampleNearest(ImDrawList& draw);
// The draw data the GL is drawing: a DrawnTexture's while it draws its picture, else the frame's
// (for a draw command's callback that needs the target's size and origin).
const ImDrawData* drawDataBeingRendered();
// Whether `texture` is a DrawnTexture's (a picture whose pixels change while its name stays).
bool isDrawnTexture(ImTextureID texture);
// From here on in this frame, on `draw`, textures are sampled as their own settings say again
// (blended, mipmapped): for pictures drawn smaller than they are; call sampleNearest after them.
void sampleSmooth(ImDrawList& draw);

// Frees the GL objects DrawnTexture::show and sampleNearest use; call while the GL context still exists.
void releaseGlObjects();

// Stores the texture `id` (made by ImGui's renderer from RGBA pixels that are white with a
// coverage alpha, as the font atlas is) again as one byte a pixel, read back as white with
// that alpha: a quarter of the memory. Does nothing (and returns false) on GL older than 3.3,
// which lacks texture swizzles.
bool storeAsCoverage(void* id, int width, int height, const std::uint8_t* coverage);

}  // namespace kiosk::ui
