// Encodes with libqrencode and copies the matrix out at once, so no QRcode* outlives this file.
#include "kiosk/platform/qr_code.hpp"

#include <memory>
#include <qrencode.h>

namespace kiosk::platform {

std::optional<QrCode> QrCode::encode(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                          QR_ECLEVEL_M),
        &QRcode_free);
    if (!code) return std::nullopt;
    const int size = code->width;
    std::vector<std::uint8_t> modules(static_cast<size_t>(size) * size);
    for (size_t i = 0; i < modules.size(); ++i) modules[i] = code->data[i] & 1;  // bit 0: dark module
    return QrCode(size, std::move(modules));
}

}  // namespace kiosk::platform
