// GL texture ownership; the only place the UI calls OpenGL directly.
#include "kiosk/ui/texture.hpp"

#include "kiosk/platform/qr_code.hpp"

#include <GL/gl.h>
#include <GL/glext.h>
#include <cstdint>
#include <utility>

namespace kiosk::ui {

Texture::Texture(Texture&& other) noexcept
    : m_name(std::exchange(other.m_name, 0)), m_width(other.m_width), m_height(other.m_height) {}

Texture& Texture::operator=(Texture&& other) noexcept {
    if (this != &other) {
        if (m_name) glDeleteTextures(1, &m_name);
        m_name = std::exchange(other.m_name, 0);
        m_width = other.m_width;
        m_height = other.m_height;
    }
    return *this;
}

Texture::~Texture() {
    if (m_name) glDeleteTextures(1, &m_name);
}

void* Texture::id() const { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(m_name)); }

std::optional<Texture> Texture::fromLuminance(int width, int height, const std::vector<std::uint8_t>& pixels) {
    // Expand to RGBA: core-profile GL has no luminance format.
    std::vector<std::uint8_t> rgba(pixels.size() * 4);
    for (size_t i = 0; i < pixels.size(); ++i) {
        rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = pixels[i];
        rgba[4 * i + 3] = 0xFF;
    }
    GLuint name = 0;
    glGenTextures(1, &name);
    if (!name) return std::nullopt;
    glBindTexture(GL_TEXTURE_2D, name);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    return Texture(name, width, height);
}

std::optional<Texture> Texture::fromQr(const platform::QrCode& qr) {
    const int border = platform::QrCode::kQuietZone;
    const int side = qr.size() + 2 * border;
    std::vector<std::uint8_t> pixels(static_cast<size_t>(side) * side, 0xFF);
    for (int y = 0; y < qr.size(); ++y)
        for (int x = 0; x < qr.size(); ++x)
            if (qr.dark(x, y)) pixels[static_cast<size_t>(y + border) * side + (x + border)] = 0x00;
    return fromLuminance(side, side, pixels);
}

bool storeAsCoverage(void* id, int width, int height, const std::uint8_t* coverage) {
    GLint major = 0, minor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    if (!coverage || major < 3 || (major == 3 && minor < 3)) return false;
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(id)));
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, coverage);
    const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    return glGetError() == GL_NO_ERROR;
}

}  // namespace kiosk::ui
