// A move-only OpenGL texture, made from pixels the kiosk computed (QR codes, later map tiles).
#pragma once

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

    void* id() const;  // for ImGui::Image
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    Texture(unsigned name, int width, int height) : m_name(name), m_width(width), m_height(height) {}
    unsigned m_name = 0;
    int m_width = 0;
    int m_height = 0;
};

// Stores the texture `id` (made by ImGui's renderer from RGBA pixels that are white with a
// coverage alpha, as the font atlas is) again as one byte a pixel, read back as white with
// that alpha: a quarter of the memory. Does nothing (and returns false) on GL older than 3.3,
// which lacks texture swizzles.
bool storeAsCoverage(void* id, int width, int height, const std::uint8_t* coverage);

}  // namespace kiosk::ui
