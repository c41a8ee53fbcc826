// GL texture ownership; the only place the UI calls OpenGL directly.
#include "kiosk/ui/texture.hpp"

#include "kiosk/ui/font_texture.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/still_picture.hpp"

#include "kiosk/platform/qr_code.hpp"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#include <backends/imgui_impl_opengl3.h>
#include <spdlog/spdlog.h>
#include <algorithm>
#include <cmath>
#include <functional>
#include <cstdint>
#include <utility>

namespace kiosk::ui {

namespace {
const ImDrawData* g_pictureData = nullptr;  // while DrawnTexture::draw renders
std::vector<unsigned> g_drawnTextures;      // the names of the DrawnTextures there are
}  // namespace


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

namespace {

// A new texture of `pixels` (RGBA): sharp (nearest texel, for QR codes) or smooth (mipmapped, for
// pictures drawn smaller than they are); 0 when the GL failed. The bound texture stays as it was.
GLuint uploadRgba(int width, int height, const std::uint8_t* pixels, bool smooth) {
    for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; ++i) {
    }  // earlier errors are not this texture's (bounded: a lost context may keep reporting)
    GLuint name = 0;
    glGenTextures(1, &name);
    if (!name) return 0;
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glBindTexture(GL_TEXTURE_2D, name);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, smooth ? GL_LINEAR_MIPMAP_LINEAR : GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, smooth ? GL_LINEAR : GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    if (smooth) glGenerateMipmap(GL_TEXTURE_2D);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    if (glGetError() != GL_NO_ERROR) {
        glDeleteTextures(1, &name);
        return 0;
    }
    return name;
}

}  // namespace

void* Texture::id() const { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(m_name)); }

std::optional<Texture> Texture::fromLuminance(int width, int height, const std::vector<std::uint8_t>& pixels) {
    // Expand to RGBA: core-profile GL has no luminance format.
    std::vector<std::uint8_t> rgba(pixels.size() * 4);
    for (size_t i = 0; i < pixels.size(); ++i) {
        rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = pixels[i];
        rgba[4 * i + 3] = 0xFF;
    }
    const GLuint name = uploadRgba(width, height, rgba.data(), false);
    if (!name) return std::nullopt;
    return Texture(name, width, height);
}

std::optional<Texture> Texture::fromRgba(int width, int height, const std::vector<std::uint8_t>& pixels) {
    if (width < 1 || height < 1 || pixels.size() != static_cast<size_t>(width) * static_cast<size_t>(height) * 4)
        return std::nullopt;
    const GLuint name = uploadRgba(width, height, pixels.data(), true);
    if (!name) return std::nullopt;
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

DrawnTexture::DrawnTexture(DrawnTexture&& other) noexcept
    : m_framebuffer(std::exchange(other.m_framebuffer, 0)),
      m_texture(std::exchange(other.m_texture, 0)),
      m_width(other.m_width),
      m_height(other.m_height) {}

DrawnTexture& DrawnTexture::operator=(DrawnTexture&& other) noexcept {
    if (this != &other) {
        release();
        m_framebuffer = std::exchange(other.m_framebuffer, 0);
        m_texture = std::exchange(other.m_texture, 0);
        m_width = other.m_width;
        m_height = other.m_height;
    }
    return *this;
}

DrawnTexture::~DrawnTexture() { release(); }

void DrawnTexture::release() noexcept {
    std::erase(g_drawnTextures, m_texture);
    if (m_framebuffer) glDeleteFramebuffers(1, &m_framebuffer);
    if (m_texture) glDeleteTextures(1, &m_texture);
    m_framebuffer = m_texture = 0;
}

std::optional<DrawnTexture> DrawnTexture::make(int width, int height) {
    if (width <= 0 || height <= 0) return std::nullopt;
    GLint previousTexture = 0, previousFramebuffer = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previousTexture);
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFramebuffer);
    GLuint texture = 0, framebuffer = 0;
    glGenTextures(1, &texture);
    glGenFramebuffers(1, &framebuffer);
    DrawnTexture picture(framebuffer, texture, width, height);  // frees both on every way out
    if (!texture || !framebuffer) return std::nullopt;
    glBindTexture(GL_TEXTURE_2D, texture);
    // Shown one texel a pixel: nearest keeps every edge as the GL drew it.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    // Blue-green-red-alpha, as a software GL stores a window's pixels: copied without conversion.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_BGRA, GL_UNSIGNED_BYTE, nullptr);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previousFramebuffer));
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previousTexture));
    if (!complete || glGetError() != GL_NO_ERROR) return std::nullopt;
    g_drawnTextures.push_back(texture);
    return picture;
}

bool isDrawnTexture(ImTextureID texture) {
    const auto name = static_cast<unsigned>(reinterpret_cast<std::uintptr_t>(texture));
    return std::find(g_drawnTextures.begin(), g_drawnTextures.end(), name) != g_drawnTextures.end();
}

const ImDrawData* drawDataBeingRendered() { return g_pictureData ? g_pictureData : ImGui::GetDrawData(); }

bool DrawnTexture::draw(const ImDrawList& list, ImVec2 origin, ImVec2 scale, ImU32 background) {
    return render(list, origin, scale, background, nullptr);
}

bool DrawnTexture::drawPart(const ImDrawList& list, ImVec2 origin, ImVec2 scale, ImU32 background, ImVec2 min,
                            ImVec2 max) {
    // In whole pixels, rows counted from the bottom as the GL counts them.
    const int x0 = std::clamp(static_cast<int>(std::floor((min.x - origin.x) * scale.x)), 0, m_width);
    const int x1 = std::clamp(static_cast<int>(std::ceil((max.x - origin.x) * scale.x)), 0, m_width);
    const int y0 = std::clamp(static_cast<int>(std::floor((min.y - origin.y) * scale.y)), 0, m_height);
    const int y1 = std::clamp(static_cast<int>(std::ceil((max.y - origin.y) * scale.y)), 0, m_height);
    if (x1 <= x0 || y1 <= y0) return false;
    const int part[4] = {x0, m_height - y1, x1 - x0, y1 - y0};
    return render(list, origin, scale, background, part);
}

bool DrawnTexture::render(const ImDrawList& list, ImVec2 origin, ImVec2 scale, ImU32 background, const int* part) {
    if (!m_framebuffer) return false;
    GLint previousFramebuffer = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFramebuffer);
    const GLboolean scissor = glIsEnabled(GL_SCISSOR_TEST);
    GLint scissorBox[4] = {};
    glGetIntegerv(GL_SCISSOR_BOX, scissorBox);
    glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
    if (part) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(part[0], part[1], part[2], part[3]);
    } else {
        glDisable(GL_SCISSOR_TEST);
    }
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
    glClearColor(c.x, c.y, c.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);

    // The renderer draws what it is given into the framebuffer bound, with its viewport and
    // scissor rectangles counted from the framebuffer's size: this one's.
    ImDrawList* lists[] = {const_cast<ImDrawList*>(&list)};  // the renderer only reads it
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    data.TotalVtxCount = list.VtxBuffer.Size;
    data.TotalIdxCount = list.IdxBuffer.Size;
    data.DisplayPos = origin;
    data.DisplaySize = ImVec2(static_cast<float>(m_width) / scale.x, static_cast<float>(m_height) / scale.y);
    data.FramebufferScale = scale;
    g_pictureData = &data;
    ImGui_ImplOpenGL3_RenderDrawData(&data);
    g_pictureData = nullptr;

    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previousFramebuffer));
    if (scissor) glEnable(GL_SCISSOR_TEST);
    else glDisable(GL_SCISSOR_TEST);
    glScissor(scissorBox[0], scissorBox[1], scissorBox[2], scissorBox[3]);
    return glGetError() == GL_NO_ERROR;
}

void DrawnTexture::addImage(ImDrawList& draw, ImVec2 min, ImVec2 max, ImVec2 from, ImVec2 to, float rounding) const {
    // The GL's rows run bottom-up in a texture it drew: the picture's top is at v = 1.
    const auto w = static_cast<float>(m_width), h = static_cast<float>(m_height);
    const ImVec2 uvMin(from.x / w, 1.0f - from.y / h), uvMax(to.x / w, 1.0f - to.y / h);
    const auto id = reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(m_texture));
    if (rounding > 0) draw.AddImageRounded(id, min, max, uvMin, uvMax, IM_COL32_WHITE, rounding);
    else draw.AddImage(id, min, max, uvMin, uvMax);
}

namespace {

// The program show() copies with: the texel under each pixel, nothing else. It reads the
// vertices ImGui's renderer has set up, so it binds its inputs to the renderer's locations.
struct CopyProgram {
    GLuint program = 0;
    GLint projection = -1;
    GLint rendererProgram = -1;  // whose attribute locations it was linked with
};
CopyProgram g_copy;

// The sampler sampleNearest binds; 0 before the first use, and on GLs older than 3.3.
GLuint g_nearest = 0;
bool g_nearestTried = false;
bool g_nearestUsed = false;  // sampleNearest has bound it: show() binds it again after its copy

// Sampler objects and texture swizzles came with OpenGL 3.3.
bool hasGl33() {
    GLint major = 0, minor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    return major > 3 || (major == 3 && minor >= 3);
}

void bindNearestSampler() {
    if (!g_nearestTried) {
        g_nearestTried = true;
        if (hasGl33()) {
            glGenSamplers(1, &g_nearest);
            glSamplerParameteri(g_nearest, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
            glSamplerParameteri(g_nearest, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
            glSamplerParameteri(g_nearest, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
            glSamplerParameteri(g_nearest, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        }
    }
    if (g_nearest) glBindSampler(0, g_nearest);
    g_nearestUsed = g_nearest != 0;
}

GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) return shader;
    glDeleteShader(shader);
    return 0;
}

// The renderer's program is current: link ours with its attribute locations (once).
bool useCopyProgram() {
    GLint renderer = 0;
    glGetIntegerv(GL_CURRENT_PROGRAM, &renderer);
    if (g_copy.program && g_copy.rendererProgram != renderer) {  // the renderer was made anew
        glDeleteProgram(g_copy.program);
        g_copy = {};
    }
    if (!g_copy.program && g_copy.rendererProgram != renderer) {
        g_copy.rendererProgram = renderer;  // also marks a failed link, so it is not tried every frame
        const GLuint vertex = compile(GL_VERTEX_SHADER,
                                      "#version 150\n"
                                      "uniform mat4 ProjMtx;\n"
                                      "in vec2 Position;\n"
                                      "in vec2 UV;\n"
                                      "out vec2 Frag_UV;\n"
                                      "void main() { Frag_UV = UV; gl_Position = ProjMtx * vec4(Position, 0, 1); }\n");
        const GLuint fragment = compile(GL_FRAGMENT_SHADER,
                                        "#version 150\n"
                                        "uniform sampler2D Texture;\n"
                                        "in vec2 Frag_UV;\n"
                                        "out vec4 Out_Color;\n"
                                        "void main() { Out_Color = texture(Texture, Frag_UV.st); }\n");
        const GLuint program = vertex && fragment ? glCreateProgram() : 0;
        if (program) {
            glAttachShader(program, vertex);
            glAttachShader(program, fragment);
            glBindAttribLocation(program, static_cast<GLuint>(glGetAttribLocation(renderer, "Position")), "Position");
            glBindAttribLocation(program, static_cast<GLuint>(glGetAttribLocation(renderer, "UV")), "UV");
            glLinkProgram(program);
            GLint ok = GL_FALSE;
            glGetProgramiv(program, GL_LINK_STATUS, &ok);
            if (ok == GL_TRUE) {
                g_copy.program = program;
                g_copy.projection = glGetUniformLocation(program, "ProjMtx");
            } else {
                glDeleteProgram(program);
            }
        }
        if (vertex) glDeleteShader(vertex);
        if (fragment) glDeleteShader(fragment);
    }
    if (!g_copy.program) return false;
    GLfloat projection[16];
    glGetUniformfv(static_cast<GLuint>(renderer), glGetUniformLocation(static_cast<GLuint>(renderer), "ProjMtx"),
                   projection);
    glUseProgram(g_copy.program);
    glUniformMatrix4fv(g_copy.projection, 1, GL_FALSE, projection);
    glDisable(GL_BLEND);
    return true;
}

}  // namespace

void DrawnTexture::show(ImDrawList& draw, ImVec2 min, ImVec2 max, ImVec2 from, ImVec2 to, float rounding,
                        ImU32 behind) const {
    draw.AddCallback([](const ImDrawList*, const ImDrawCmd*) { useCopyProgram(); }, nullptr);
    addImage(draw, min, max, from, to, 0);
    // The renderer's own state again (which also unbinds any sampler), and nearest texels if they were.
    draw.AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    draw.AddCallback([](const ImDrawList*, const ImDrawCmd*) {
        if (g_nearestUsed) glBindSampler(0, g_nearest);
    }, nullptr);
    if (rounding <= 0) return;
    // The rim again, only there: what is behind, then the picture with its corners rounded and
    // its edges smoothed as ImGui draws a rounded image. Each corner's square, and a thin strip
    // along each side (the smoothing reaches half a pixel past the edge); none as large as a tile.
    const float side = std::ceil(rounding) + 1, rim = 2;
    const ImVec2 patches[][2] = {
        {ImVec2(min.x - 1, min.y - 1), ImVec2(min.x + side, min.y + side)},
        {ImVec2(max.x - side, min.y - 1), ImVec2(max.x + 1, min.y + side)},
        {ImVec2(min.x - 1, max.y - side), ImVec2(min.x + side, max.y + 1)},
        {ImVec2(max.x - side, max.y - side), ImVec2(max.x + 1, max.y + 1)},
        {ImVec2(min.x + side, min.y - 1), ImVec2(max.x - side, min.y + rim)},
        {ImVec2(min.x + side, max.y - rim), ImVec2(max.x - side, max.y + 1)},
        {ImVec2(min.x - 1, min.y + side), ImVec2(min.x + rim, max.y - side)},
        {ImVec2(max.x - rim, min.y + side), ImVec2(max.x + 1, max.y - side)},
    };
    for (const auto& patch : patches) {
        draw.PushClipRect(patch[0], patch[1], true);
        draw.AddRectFilled(patch[0], patch[1], behind);
        addImage(draw, min, max, from, to, rounding);
        draw.PopClipRect();
    }
}

void sampleNearest(ImDrawList& draw) {
    draw.AddCallback([](const ImDrawList*, const ImDrawCmd*) { bindNearestSampler(); }, nullptr);
}

void sampleSmooth(ImDrawList& draw) {
    draw.AddCallback(
        [](const ImDrawList*, const ImDrawCmd*) {
            if (hasGl33()) glBindSampler(0, 0);
        },
        nullptr);
}

void releaseGlObjects() {
    releaseStillPictures();
    if (g_copy.program) glDeleteProgram(g_copy.program);
    g_copy = {};
    if (g_nearest) glDeleteSamplers(1, &g_nearest);
    g_nearest = 0;
    g_nearestTried = g_nearestUsed = false;
}

bool canStoreCoverage() { return hasGl33(); }

bool storeAsCoverage(void* id, int width, int height, const std::uint8_t* coverage) {
    if (!coverage || !hasGl33()) return false;
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

void uploadFontTexture(const std::function<void()>& createTexture) {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    unsigned char* coverage = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&coverage, &width, &height);
    if (!coverage || !hasGl33()) {
        createTexture();
        return releaseFontPixels();
    }
    static unsigned int onePixel = 0xFFFFFFFFu;
    atlas.TexPixelsRGBA32 = &onePixel;
    atlas.TexWidth = atlas.TexHeight = 1;
    createTexture();
    atlas.TexPixelsRGBA32 = nullptr;  // not the atlas's to free
    atlas.TexWidth = width;
    atlas.TexHeight = height;
    if (!storeAsCoverage(atlas.TexID, width, height, coverage)) {
        spdlog::error("fonts: the font texture could not be stored with one byte a pixel; made with four");
        createTexture();
    }
    atlas.ClearTexData();    // the pixels: the renderer holds them as a texture now
    atlas.ClearInputData();  // the font files: loadFonts reads them again when the size changes
}

}  // namespace kiosk::ui
