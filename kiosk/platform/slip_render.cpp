// Lays the slip out as blocks of rows (a line of text, a QR code, a rule) once, then flows them onto
// A4 pages or down a receipt; pango shapes and orders the text, cairo draws it.
#include "kiosk/platform/slip_render.hpp"

#include "kiosk/core/localized_text.hpp"
#include "kiosk/platform/qr_code.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <memory>
#include <string_view>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

namespace kiosk::platform {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double kReceiptDpi = 203.0;
constexpr double kA4Width = 210 * kPointsPerMm;
constexpr double kA4Height = 297 * kPointsPerMm;

// Noto first (it covers Latin, Cyrillic, Greek; its Arabic sibling follows), DejaVu as the last
// resort; fontconfig falls back further for any other script.
constexpr const char* kFamilies = "Noto Sans,Noto Sans Arabic,DejaVu Sans";

// Languages written right to left (primary subtag of a BCP 47 code).
bool rightToLeft(std::string_view language) {
    const std::string_view primary = language.substr(0, language.find_first_of("-_"));
    constexpr std::array<std::string_view, 11> kRtl{"ar", "fa", "he", "iw", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"};
    return std::find(kRtl.begin(), kRtl.end(), primary) != kRtl.end();
}

enum class Font { Meta, Heading, Title, Body, Strong, Hint };

// How text runs: in the family's language (the slip's direction), or German data such as an
// address, always left to right but aligned to the slip's start side.
enum class Flow { Family, German };

// Where and how large: points scaled to device units (1 for PDF, 203/72 for a receipt).
struct Target {
    double unit = 1;         // device units per point
    double left = 0;         // the content column, device units
    double width = 0;
    bool qrBeside = true;    // A4: the QR code beside an entry's text; receipt: below it
    double qrWidth = 0;      // A4: the code with its quiet zone; receipt: the width aimed at
    std::array<double, 6> points{};  // font sizes by Font
    bool rtl = false;
    std::string language;
};

// One piece of a column, drawn with its top-left corner at (x, top) in device units.
struct Row {
    double height = 0;
    std::function<void(cairo_t*, double x, double top)> draw;  // empty for a gap
};

double heightOf(const std::vector<Row>& rows) {
    double sum = 0;
    for (const Row& row : rows) sum += row.height;
    return sum;
}

// Rows kept together on one page when they fit; `side` (the QR code on A4) beside them at the top.
struct Block {
    double spaceBefore = 0;  // dropped at the top of a page
    double x = 0;            // of the rows
    std::vector<Row> rows;
    std::optional<Row> side;
    double sideX = 0;

    double height() const { return side ? std::max(heightOf(rows), side->height) : heightOf(rows); }
};

using LayoutPtr = std::shared_ptr<PangoLayout>;

std::unique_ptr<PangoFontDescription, decltype(&pango_font_description_free)> fontFor(const Target& target, Font font) {
    std::unique_ptr<PangoFontDescription, decltype(&pango_font_description_free)> description(
        pango_font_description_new(), &pango_font_description_free);
    pango_font_description_set_family(description.get(), kFamilies);
    const double points = target.points[static_cast<size_t>(font)];
    pango_font_description_set_absolute_size(description.get(), points * target.unit * PANGO_SCALE);
    if (font == Font::Heading || font == Font::Title || font == Font::Strong)
        pango_font_description_set_weight(description.get(), PANGO_WEIGHT_BOLD);
    return description;
}

enum class Align { Start, Centre, End };

// Shapes `text` (paragraphs split at '\n') in a column `width` wide and adds one row per line.
void addText(std::vector<Row>& rows, cairo_t* cr, const Target& target, const std::string& text, Font font,
             Flow flow = Flow::Family, Align align = Align::Start, double width = 0) {
    if (text.empty()) return;
    if (width <= 0) width = target.width;
    LayoutPtr layout(pango_cairo_create_layout(cr), &g_object_unref);
    PangoContext* context = pango_layout_get_context(layout.get());
    const bool rtlRun = target.rtl && flow == Flow::Family;
    pango_context_set_base_dir(context, rtlRun ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    const std::string language = flow == Flow::Family ? target.language : std::string(core::kReferenceLanguage);
    pango_context_set_language(context, pango_language_from_string(language.c_str()));
    pango_layout_context_changed(layout.get());
    // Every paragraph in the direction of its flow, not guessed from its first letter, so a phone
    // number line in an Arabic slip still starts on the right.
    pango_layout_set_auto_dir(layout.get(), FALSE);
    PangoAlignment alignment = PANGO_ALIGN_CENTER;
    if (align != Align::Centre) alignment = ((align == Align::Start) != target.rtl) ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
    pango_layout_set_alignment(layout.get(), alignment);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_font_description(layout.get(), fontFor(target, font).get());
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));

    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    do {
        PangoRectangle inLayout;
        pango_layout_iter_get_line_extents(iter, nullptr, &inLayout);
        PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
        PangoRectangle inLine;
        pango_layout_line_get_extents(line, nullptr, &inLine);
        const double originX = static_cast<double>(inLayout.x - inLine.x) / PANGO_SCALE;
        const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter) - inLayout.y) / PANGO_SCALE;
        rows.push_back({static_cast<double>(inLayout.height) / PANGO_SCALE,
                        [layout, line, originX, baseline](cairo_t* to, double x, double top) {
                            cairo_move_to(to, x + originX, top + baseline);
                            pango_cairo_show_layout_line(to, line);
                        }});
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
}

void addGap(std::vector<Row>& rows, double height) {
    rows.push_back({height, {}});
}

void addRule(std::vector<Row>& rows, double width, double thickness, double spaceAround) {
    rows.push_back({thickness + 2 * spaceAround, [=](cairo_t* cr, double x, double top) {
                        cairo_rectangle(cr, x, top + spaceAround, width, thickness);
                        cairo_fill(cr);
                    }});
}

// The dark modules of `code` as one path, runs of a row merged, so no seam shows between modules.
// The quiet zone is left unpainted: paper is white, and on a receipt's alpha-only surface any
// paint would be black.
void fillModules(cairo_t* cr, const QrCode& code, double x, double y, double module) {
    const double originX = x + QrCode::kQuietZone * module;
    const double originY = y + QrCode::kQuietZone * module;
    for (int row = 0; row < code.size(); ++row) {
        int column = 0;
        while (column < code.size()) {
            if (!code.dark(column, row)) {
                ++column;
                continue;
            }
            const int start = column;
            while (column < code.size() && code.dark(column, row)) ++column;
            cairo_rectangle(cr, originX + start * module, originY + row * module, (column - start) * module, module);
        }
    }
    cairo_fill(cr);
}

// The QR code and the scan hint under it, centred in a box `width` wide, `gap` below its top.
Row qrRow(cairo_t* cr, const Target& target, const std::string& url, const std::string& hint, double width, double gap) {
    std::vector<Row> parts;
    addGap(parts, gap);
    if (auto code = QrCode::encode(url)) {
        const int modules = code->size() + 2 * QrCode::kQuietZone;
        double module = target.qrWidth / modules;
        if (!target.qrBeside) {
            // Whole dots per module, 4 at least where the paper allows, so the printer's dots line
            // up; a code too large for the paper even at one dot becomes the link as text.
            const int fits = static_cast<int>(width / modules);
            module = std::min(std::max(4, static_cast<int>(std::lround(module))), fits);
        }
        if (module > 0) {
            const double side = modules * module;
            const bool wholeDots = !target.qrBeside;
            parts.push_back({side, [code = std::move(*code), module, side, width, wholeDots](cairo_t* to, double x, double top) {
                                 double left = x + (width - side) / 2;
                                 if (wholeDots) {
                                     left = std::round(left);
                                     top = std::round(top);
                                 }
                                 fillModules(to, code, left, top, module);
                             }});
        }
    }
    if (parts.size() == 1) addText(parts, cr, target, url, Font::Hint, Flow::German, Align::Centre, width);
    else addText(parts, cr, target, hint, Font::Hint, Flow::Family, Align::Centre, width);
    const double height = heightOf(parts);
    return {height, [parts = std::move(parts)](cairo_t* to, double x, double top) {
                for (const Row& part : parts) {
                    if (part.draw) part.draw(to, x, top);
                    top += part.height;
                }
            }};
}

// Left-to-right data (a phone number) inside a right-to-left line keeps its own order: without
// the isolate, the groups of "0711 3902-0" would be swapped.
std::string isolated(const Target& target, const std::string& text) {
    return target.rtl ? "\u2066" + text + "\u2069" : text;
}

Block headerBlock(cairo_t* cr, const Target& target, const core::Slip& slip) {
    Block block;
    block.x = target.left;
    std::string meta = slip.kioskName;
    if (!meta.empty() && !slip.date.empty()) meta += target.qrBeside ? "  \u00b7  " : "\n";  // A4: one line
    meta += slip.date;
    addText(block.rows, cr, target, meta, Font::Meta, Flow::German);
    if (!meta.empty()) addGap(block.rows, 4 * target.unit);
    addText(block.rows, cr, target, slip.labels.heading, Font::Heading);
    addRule(block.rows, target.width, 1.5 * target.unit, 3 * target.unit);
    return block;
}

Block entryBlock(cairo_t* cr, const Target& target, const core::Slip& slip, const core::SlipEntry& entry, bool first) {
    constexpr double kGutterMm = 6;
    Block block;
    block.spaceBefore = (first ? 4 : 8) * target.unit;
    const double qrColumn = target.qrBeside ? target.qrWidth : 0;
    const double textWidth = target.qrBeside ? target.width - qrColumn - kGutterMm * kPointsPerMm * target.unit : target.width;
    block.x = (target.qrBeside && target.rtl) ? target.left + target.width - textWidth : target.left;
    block.sideX = target.rtl ? target.left : target.left + target.width - qrColumn;

    auto& rows = block.rows;
    if (!first) addRule(rows, textWidth, 0.5 * target.unit, 0);
    addGap(rows, 4 * target.unit);
    addText(rows, cr, target, entry.title, Font::Title, Flow::Family, Align::Start, textWidth);
    if (!entry.summary.empty()) {
        addGap(rows, 2 * target.unit);
        addText(rows, cr, target, entry.summary, Font::Body, Flow::Family, Align::Start, textWidth);
    }
    addGap(rows, 5 * target.unit);
    addText(rows, cr, target, entry.provider, Font::Strong, Flow::Family, Align::Start, textWidth);
    if (entry.providerGerman != entry.provider)
        addText(rows, cr, target, entry.providerGerman, Font::Body, Flow::German, Align::Start, textWidth);
    addText(rows, cr, target, entry.address, Font::Body, Flow::German, Align::Start, textWidth);
    if (!entry.phone.empty()) {
        const std::string label = slip.labels.phone.empty() ? "" : slip.labels.phone + ": ";
        addText(rows, cr, target, label + isolated(target, entry.phone), Font::Strong, Flow::Family, Align::Start, textWidth);
    }
    if (!entry.hours.empty()) {
        addGap(rows, 3 * target.unit);
        addText(rows, cr, target, slip.labels.hours, Font::Strong, Flow::Family, Align::Start, textWidth);
        addText(rows, cr, target, entry.hours, Font::Body, Flow::Family, Align::Start, textWidth);
    }
    if (!entry.url.empty()) {
        if (target.qrBeside) block.side = qrRow(cr, target, entry.url, slip.labels.scanHint, qrColumn, 4 * target.unit);
        else rows.push_back(qrRow(cr, target, entry.url, slip.labels.scanHint, target.width, 6 * target.unit));
    }
    return block;
}

std::vector<Row> footerRows(cairo_t* cr, const Target& target, const core::Slip& slip, const std::string& page) {
    std::vector<Row> rows;
    addRule(rows, target.width, 0.5 * target.unit, 3 * target.unit);
    if (!slip.labels.askNetwork.empty()) addText(rows, cr, target, slip.labels.askNetwork, Font::Hint);
    addText(rows, cr, target, slip.labels.footer, Font::Hint);
    addText(rows, cr, target, page, Font::Hint, Flow::German, Align::End);
    return rows;
}

void drawRows(cairo_t* cr, const std::vector<Row>& rows, double x, double top) {
    for (const Row& row : rows) {
        if (row.draw) row.draw(cr, x, top);
        top += row.height;
    }
}

std::vector<Block> slipBlocks(cairo_t* cr, const Target& target, const core::Slip& slip) {
    std::vector<Block> blocks;
    blocks.push_back(headerBlock(cr, target, slip));
    for (size_t i = 0; i < slip.entries.size(); ++i)
        blocks.push_back(entryBlock(cr, target, slip, slip.entries[i], i == 0));
    return blocks;
}

Target targetFor(const core::Slip& slip) {
    Target target;
    target.rtl = rightToLeft(slip.language);
    target.language = slip.language.empty() ? std::string(core::kReferenceLanguage) : slip.language;
    return target;
}

// Flows the blocks onto pages between `top` and `bottom`; draws them when `pages` (the total,
// from a first pass that only counts) is given. Returns the number of pages.
int flowPages(cairo_t* cr, const std::vector<Block>& blocks, const core::Slip& slip, const Target& target, double top,
              double bottom, int pages) {
    const bool draw = pages > 0;
    int page = 1;
    double y = top;
    auto finishPage = [&] {
        if (!draw) return;
        const std::string number = pages > 1 ? std::to_string(page) + " / " + std::to_string(pages) : "";
        const std::vector<Row> footer = footerRows(cr, target, slip, number);
        drawRows(cr, footer, target.left, kA4Height - 12 * kPointsPerMm - heightOf(footer));
        cairo_show_page(cr);
    };
    auto newPage = [&] {
        finishPage();
        ++page;
        y = top;
    };
    for (const Block& block : blocks) {
        const double height = block.height();
        if (y > top) y += block.spaceBefore;
        if (y + height > bottom && y > top && height <= bottom - top) newPage();
        if (draw && block.side) block.side->draw(cr, block.sideX, y);
        if (y + height <= bottom) {
            if (draw) drawRows(cr, block.rows, block.x, y);
            y += height;
            continue;
        }
        // Taller than a page: its rows flow on, breaking between lines.
        const int sidePage = page;
        const double sideBottom = block.side ? y + block.side->height : y;
        for (const Row& row : block.rows) {
            if (y + row.height > bottom && y > top) newPage();
            if (draw && row.draw) row.draw(cr, block.x, y);
            y += row.height;
        }
        if (page == sidePage) y = std::max(y, sideBottom);
    }
    finishPage();
    return page;
}

// A receipt dot is black where the drawing covers at least half of it.
void appendThresholded(Raster& raster, cairo_surface_t* surface, int rows) {
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const size_t bytesPerRow = static_cast<size_t>(raster.bytesPerRow());
    for (int y = 0; y < rows; ++y) {
        const size_t offset = raster.bits.size();
        raster.bits.resize(offset + bytesPerRow, 0);
        for (int x = 0; x < raster.width; ++x)
            if (data[static_cast<size_t>(y) * stride + x] >= 128)
                raster.bits[offset + x / 8] |= static_cast<std::uint8_t>(0x80 >> (x % 8));
    }
    raster.height += rows;
}

}  // namespace

std::string_view problemDomain(SlipProblem) { return "slip"; }
std::string_view problemName(SlipProblem) { return "cannot-write"; }
std::string_view problemEnglish(SlipProblem) { return "could not write the slip to {}"; }

core::Result<void> renderSlipPdf(const core::Slip& slip, const std::filesystem::path& file) {
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_pdf_surface_create(file.c_str(), kA4Width, kA4Height), &cairo_surface_destroy);
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return core::Problem(SlipProblem::CannotWrite, {file.string()},
                             cairo_status_to_string(cairo_surface_status(surface.get())));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, slip.labels.heading.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Familienkiosk");
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), &cairo_destroy);

    Target target = targetFor(slip);
    target.unit = 1;
    target.left = 18 * kPointsPerMm;
    target.width = kA4Width - 2 * target.left;
    target.qrBeside = true;
    target.qrWidth = 34 * kPointsPerMm;  // the code itself about 28 mm, plus its quiet zone
    target.points = {9, 20, 14, 10.5, 10.5, 8};

    const std::vector<Block> blocks = slipBlocks(cr.get(), target, slip);
    // The footer's own height, with a page number, keeps the entries off it.
    const double footerTop = kA4Height - 12 * kPointsPerMm - heightOf(footerRows(cr.get(), target, slip, "1 / 2"));
    const double top = 15 * kPointsPerMm;
    const double bottom = footerTop - 4 * kPointsPerMm;
    const int pages = flowPages(cr.get(), blocks, slip, target, top, bottom, 0);
    flowPages(cr.get(), blocks, slip, target, top, bottom, pages);

    const cairo_status_t drawn = cairo_status(cr.get());
    cr.reset();
    cairo_surface_finish(surface.get());
    const cairo_status_t status = drawn != CAIRO_STATUS_SUCCESS ? drawn : cairo_surface_status(surface.get());
    if (status != CAIRO_STATUS_SUCCESS)
        return core::Problem(SlipProblem::CannotWrite, {file.string()}, cairo_status_to_string(status));
    return {};
}

std::optional<Raster> renderSlipRaster(const core::Slip& slip, int widthDots) {
    if (widthDots < 200 || widthDots > 4096) return std::nullopt;
    // A scratch surface to shape the text on; the rows are then drawn in strips of the receipt.
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> scratch(
        cairo_image_surface_create(CAIRO_FORMAT_A8, widthDots, 1), &cairo_surface_destroy);
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(scratch.get()), &cairo_destroy);
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) return std::nullopt;

    Target target = targetFor(slip);
    target.unit = kReceiptDpi / 72;
    const double margin = std::round(widthDots / 64.0);
    target.left = margin;
    target.width = widthDots - 2 * margin;
    target.qrBeside = false;
    target.qrWidth = 28 / 25.4 * kReceiptDpi;
    target.points = {8, 13, 11, 9, 9, 7.5};

    // One column: the header, the entries, the footer, then nothing but what the printer feeds.
    std::vector<Row> rows;
    for (Block& block : slipBlocks(cr.get(), target, slip)) {
        addGap(rows, block.spaceBefore);
        for (Row& row : block.rows) rows.push_back(std::move(row));
    }
    addGap(rows, 6 * target.unit);
    for (Row& row : footerRows(cr.get(), target, slip, "")) rows.push_back(std::move(row));

    Raster raster;
    raster.width = widthDots;
    // Strips well under cairo's limit of 32767 rows per image; a slip is usually one strip.
    constexpr double kStrip = 16000;
    size_t next = 0;
    double top = 0;  // of the strip, in receipt dots
    while (next < rows.size()) {
        size_t end = next;
        double height = 0;
        while (end < rows.size() && (end == next || height + rows[end].height <= kStrip)) height += rows[end++].height;
        const double bottom = top + height;
        const int firstRow = raster.height;
        const int stripRows = static_cast<int>(std::ceil(bottom)) - firstRow;
        if (stripRows <= 0) {
            next = end;
            top = bottom;
            continue;
        }
        std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> strip(
            cairo_image_surface_create(CAIRO_FORMAT_A8, widthDots, stripRows), &cairo_surface_destroy);
        std::unique_ptr<cairo_t, decltype(&cairo_destroy)> stripCr(cairo_create(strip.get()), &cairo_destroy);
        if (cairo_status(stripCr.get()) != CAIRO_STATUS_SUCCESS) return std::nullopt;
        cairo_set_source_rgba(stripCr.get(), 0, 0, 0, 1);
        double y = top - firstRow;
        for (size_t i = next; i < end; ++i) {
            if (rows[i].draw) rows[i].draw(stripCr.get(), target.left, y);
            y += rows[i].height;
        }
        appendThresholded(raster, strip.get(), stripRows);
        next = end;
        top = bottom;
    }
    return raster;
}

}  // namespace kiosk::platform
