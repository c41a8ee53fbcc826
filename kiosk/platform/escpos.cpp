// Builds ESC/POS raster commands and writes them to the printer's device file without blocking
// for ever: a printer out of paper stops taking bytes, so every wait has a timeout.
#include "kiosk/platform/escpos.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace kiosk::platform {
namespace {

constexpr std::uint8_t kEsc = 0x1b;
constexpr std::uint8_t kGs = 0x1d;
constexpr int kBandRows = 255;  // rows per GS v 0 command; small bands suit printers with little memory
constexpr std::uint8_t kFeedLines = 4;  // carries the end of the slip past the cutter

// The problem an errno from opening or writing the device stands for.
core::Problem describe(const std::filesystem::path& device, int error, std::string detail = {}) {
    ReceiptProblem code = ReceiptProblem::Failed;
    switch (error) {
    case ENOENT:
    case ENODEV:
    case ENXIO: code = ReceiptProblem::NotConnected; break;
    case EACCES:
    case EPERM:
    case EROFS: code = ReceiptProblem::NoPermission; break;
    case EBUSY: code = ReceiptProblem::Busy; break;
    case ENOSPC: code = ReceiptProblem::OutOfPaper; break;
    case EIO: code = ReceiptProblem::Fault; break;
    default: break;
    }
    return core::Problem(code, {device.string()}, std::strerror(error) + detail);
}

// Closes the descriptor at every exit of write().
class Descriptor {
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    ~Descriptor() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return m_fd; }
    int release() {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

}  // namespace

std::vector<std::uint8_t> escposRaster(const Raster& raster) {
    std::vector<std::uint8_t> bytes{kEsc, '@'};
    const int bytesPerRow = raster.bytesPerRow();
    for (int first = 0; first < raster.height && bytesPerRow > 0; first += kBandRows) {
        const int rows = std::min(kBandRows, raster.height - first);
        const std::uint8_t header[] = {kGs, 'v', '0', 0,  // m = 0: normal density
                                       static_cast<std::uint8_t>(bytesPerRow & 0xff),
                                       static_cast<std::uint8_t>(bytesPerRow >> 8),
                                       static_cast<std::uint8_t>(rows & 0xff), static_cast<std::uint8_t>(rows >> 8)};
        bytes.insert(bytes.end(), std::begin(header), std::end(header));
        const auto begin = raster.bits.begin() + static_cast<std::ptrdiff_t>(first) * bytesPerRow;
        bytes.insert(bytes.end(), begin, begin + static_cast<std::ptrdiff_t>(rows) * bytesPerRow);
    }
    const std::uint8_t end[] = {kEsc, 'd', kFeedLines, kGs, 'V', 1};  // feed, then partial cut
    bytes.insert(bytes.end(), std::begin(end), std::end(end));
    return bytes;
}

EscPosPrinter::EscPosPrinter(std::filesystem::path device, int widthDots, std::chrono::milliseconds timeout)
    : m_device(std::move(device)), m_widthDots(widthDots), m_timeout(timeout) {}

bool EscPosPrinter::ready() const {
    return ::access(m_device.c_str(), W_OK) == 0;
}

core::Result<void> EscPosPrinter::print(const core::Slip& slip) const {
    const std::optional<Raster> raster = renderSlipRaster(slip, m_widthDots);
    if (!raster)
        return core::Problem(ReceiptProblem::CannotDraw, {m_device.string()}, std::to_string(m_widthDots) + " dots wide");
    return write(escposRaster(*raster));
}

core::Result<void> EscPosPrinter::write(const std::vector<std::uint8_t>& bytes) const {
    // No O_CREAT: a printer that is not there must not become a file in /dev.
    Descriptor fd(::open(m_device.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (fd.get() < 0) return describe(m_device, errno);
    size_t written = 0;
    const auto stopped = [&] {
        return " (it stopped after " + std::to_string(written) + " of " + std::to_string(bytes.size()) + " bytes)";
    };
    while (written < bytes.size()) {
        const ssize_t done = ::write(fd.get(), bytes.data() + written, bytes.size() - written);
        if (done > 0) {
            written += static_cast<size_t>(done);
            continue;
        }
        const int error = done < 0 ? errno : EAGAIN;
        if (error == EINTR) continue;
        if (error == EAGAIN) {
            pollfd waiting{fd.get(), POLLOUT, 0};
            const int ready = ::poll(&waiting, 1, static_cast<int>(m_timeout.count()));
            if (ready > 0 && !(waiting.revents & (POLLERR | POLLHUP | POLLNVAL))) continue;
            if (ready < 0 && errno == EINTR) continue;
            if (ready == 0)
                return core::Problem(ReceiptProblem::Stalled, {m_device.string()},
                                     "no room for more bytes for " + std::to_string(m_timeout.count()) + " ms" + stopped());
            if (waiting.revents & POLLHUP) return describe(m_device, ENODEV, stopped());
            return describe(m_device, EIO, stopped());
        }
        return describe(m_device, error, written > 0 ? stopped() : std::string());
    }
    if (::close(fd.release()) != 0) return describe(m_device, errno);
    return {};
}

std::string_view problemDomain(ReceiptProblem) { return "receipt-printer"; }

std::string_view problemName(ReceiptProblem code) {
    switch (code) {
    case ReceiptProblem::NotConnected: return "not-connected";
    case ReceiptProblem::NoPermission: return "no-permission";
    case ReceiptProblem::Busy: return "busy";
    case ReceiptProblem::OutOfPaper: return "out-of-paper";
    case ReceiptProblem::Fault: return "fault";
    case ReceiptProblem::Stalled: return "stalled";
    case ReceiptProblem::CannotDraw: return "cannot-draw";
    case ReceiptProblem::Failed: break;
    }
    return "failed";
}

std::string_view problemEnglish(ReceiptProblem code) {
    switch (code) {
    case ReceiptProblem::NotConnected: return "the receipt printer {} is not connected";
    case ReceiptProblem::NoPermission: return "the receipt printer {} cannot be written: permission denied";
    case ReceiptProblem::Busy: return "the receipt printer {} is busy with another program";
    case ReceiptProblem::OutOfPaper: return "the receipt printer {} is out of paper";
    case ReceiptProblem::Fault: return "the receipt printer {} reports a fault (switched off, out of paper or its cover open?)";
    case ReceiptProblem::Stalled: return "the receipt printer {} does not take the slip (out of paper, or its cover open?)";
    case ReceiptProblem::CannotDraw: return "the slip could not be drawn for the receipt printer {}";
    case ReceiptProblem::Failed: break;
    }
    return "the receipt printer {} cannot be written";
}

}  // namespace kiosk::platform
