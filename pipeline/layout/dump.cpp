// layout::dump: the pages as stable text for golden tests, one item per line.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "layout/paged_document.hpp"

namespace layout {

namespace {

// Rounded to 0.01 with trailing zeros dropped ("11.5", "100"), never "-0".
std::string number(double value) {
    double rounded = std::round(value * 100.0) / 100.0;
    if (rounded == 0) rounded = 0;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.2f", rounded);
    std::string text = buffer;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(c));
            out += buffer;
            continue;
        }
        out += c;
    }
    return out + '"';
}

// Kerning as "kern=index:amount,...", amounts in 1/1000 em.
std::string kerns(const TextRun& run) {
    if (run.kerns.empty()) return {};
    std::string out = " kern=";
    for (std::size_t i = 0; i < run.kerns.size(); ++i)
        out += (i > 0 ? "," : "") + std::to_string(run.kerns[i].index) + ":" + number(run.kerns[i].amount);
    return out;
}

std::string line(const TextRun& run) {
    return "text x=" + number(run.x) + " y=" + number(run.baseline) + " font=" + to_string(run.font) +
           " size=" + number(run.size) + " " + quoted(run.text) + kerns(run);
}

std::string line(const Rule& rule) {
    return "rule x1=" + number(rule.x1) + " y1=" + number(rule.y1) + " x2=" + number(rule.x2) +
           " y2=" + number(rule.y2) + " thickness=" + number(rule.thickness);
}

std::string line(const Fill& fill) {
    return "fill x=" + number(fill.x) + " y=" + number(fill.y) + " w=" + number(fill.width) +
           " h=" + number(fill.height) + " gray=" + number(fill.gray);
}

std::string line(const Polyline& path) {
    std::string out = "polyline thickness=" + number(path.thickness) + " gray=" + number(path.gray);
    for (const Point& p : path.points) out += " " + number(p.x) + "," + number(p.y);
    return out;
}

std::string line(const Link& link) {
    return "link x=" + number(link.x) + " y=" + number(link.y) + " w=" + number(link.width) +
           " h=" + number(link.height) + " " + quoted(link.target);
}

std::string tag(const PagedDocument& document, std::int32_t element) {
    if (element < 0 || static_cast<std::size_t>(element) >= document.structure.size()) return " tag=?";
    return " tag=" + std::string(to_string(document.structure[static_cast<std::size_t>(element)].role)) + "#" +
           std::to_string(element);
}

// The elements as an indented tree, in reading order (parents come first).
std::string structure(const PagedDocument& document) {
    std::string out;
    std::vector<int> depth(document.structure.size(), 0);
    for (std::size_t i = 0; i < document.structure.size(); ++i) {
        const StructElement& element = document.structure[i];
        if (element.parent >= 0) depth[i] = depth[static_cast<std::size_t>(element.parent)] + 1;
        out += std::string(2 * static_cast<std::size_t>(depth[i] + 1), ' ') + "#" + std::to_string(i) + " " +
               std::string(to_string(element.role));
        if (element.scope != HeaderScope::None) out += " scope=" + std::string(to_string(element.scope));
        if (!element.alt.empty()) out += " alt=" + quoted(element.alt);
        out += '\n';
    }
    return out;
}

}  // namespace

// Pages and anchor pages are shown 1-based, as a reader counts them.
std::string dump(const PagedDocument& document) {
    std::string out;
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        const Page& page = document.pages[p];
        out += "page " + std::to_string(p + 1) + " (" + number(page.width) + " x " + number(page.height) + ")\n";
        for (const Item& item : page.items) {
            out += "  ";
            out += std::visit([](const auto& content) { return line(content); }, item.content);
            if (item.artifact) out += " artifact";
            if (item.structure != kNoElement) out += tag(document, item.structure);
            out += '\n';
        }
    }
    for (const Anchor& anchor : document.anchors) {
        out += "anchor " + quoted(anchor.id) + " level=" + std::to_string(anchor.level) +
               " page=" + std::to_string(anchor.page + 1) + " y=" + number(anchor.y) + " " + quoted(anchor.title) +
               '\n';
    }
    if (!document.structure.empty()) out += "structure\n" + structure(document);
    return out;
}

}  // namespace layout
