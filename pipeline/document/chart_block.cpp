// The ```chart block (templates/README.md, "Charts"): its text -> doc::Chart,
// with the value axis and the alternative text computed from the data.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

#include "document/fenced_blocks.hpp"
#include "document/format_sv.hpp"
#include "document/markdown_escape.hpp"

namespace doc {

using fence::split_unescaped_bars;
using fence::trim;

// A value as a template writes it: "3836", "3 836" (with a space or a
// no-break space between the groups), "37,5" or "37.5", "-12" or "−12".
// Returns false for anything else; `decimals` is the count after the comma.
bool parse_chart_number(const std::string& text, double& value, int& decimals) {
    std::string plain;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ') continue;
        if (text.compare(i, 2, "\u00A0") == 0) {
            ++i;
            continue;
        }
        if (text.compare(i, 3, "\u2212") == 0) {
            plain += '-';
            i += 2;
            continue;
        }
        plain += c == ',' ? '.' : static_cast<char>(c);
    }
    if (plain.empty() || plain.find_first_not_of("-.0123456789") != std::string::npos) return false;
    std::size_t used = 0;
    try {
        value = std::stod(plain, &used);
    } catch (const std::exception&) {
        return false;
    }
    if (used != plain.size() || !std::isfinite(value)) return false;
    const auto dot = plain.find('.');
    decimals = dot == std::string::npos ? 0 : static_cast<int>(plain.size() - dot - 1);
    return true;
}

namespace {

// "Nice numbers for graph labels" (Paul S. Heckbert, Graphics Gems, 1990):
// a nice number is 1, 2 or 5 times a power of ten. The range is first made
// nice rounding up, then the step is the nice number nearest a fifth of it,
// and the axis ends on whole steps around the data.
double nice_number(double x, bool round) {
    const double power = std::pow(10.0, std::floor(std::log10(x)));
    const double f = x / power;
    double nice;
    if (round)
        nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    else
        nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nice * power;
}

double nice_step(double range, int wanted) { return nice_number(nice_number(range, false) / wanted, true); }

std::vector<ChartTick> axis(double low, double high) {
    low = std::min(low, 0.0);  // bars and trends are read against zero
    high = std::max(high, 0.0);
    if (high - low <= 0) high = low + 1;
    const double step = nice_step(high - low, 5);
    const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
    std::vector<ChartTick> ticks;
    // The small tolerance keeps 3000 / 1000 from becoming 3.0000000001
    // and a whole step more; the loops then make sure every value is inside.
    auto first = static_cast<long long>(std::floor(low / step + 1e-9));
    auto last = static_cast<long long>(std::ceil(high / step - 1e-9));
    while (static_cast<double>(first) * step > low) --first;
    while (static_cast<double>(last) * step < high) ++last;
    for (long long k = first; k <= last; ++k) {
        const double value = static_cast<double>(k) * step;
        ticks.push_back({value, sv::decimal(value, std::min(decimals, 15))});
    }
    return ticks;
}

// Series whose largest values differ by more than a factor of ten cannot
// share an axis: the smaller would be a sliver (two funds of very different
// size). Each then gets an axis of its own; empty when one axis serves.
std::vector<std::vector<ChartTick>> panel_axes(const Chart& chart) {
    constexpr double kOrderOfMagnitude = 10;
    if (chart.series.size() < 2) return {};
    double smallest = 0, largest = 0;
    std::vector<std::pair<double, double>> ranges;
    for (const auto& s : chart.series) {
        double low = 0, high = 0;
        for (const double v : s.values) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
        const double extent = std::max(high, -low);
        smallest = ranges.empty() ? extent : std::min(smallest, extent);
        largest = std::max(largest, extent);
        ranges.emplace_back(low, high);
    }
    if (smallest <= 0 || largest <= kOrderOfMagnitude * smallest) return {};
    std::vector<std::vector<ChartTick>> axes;
    for (const auto& [low, high] : ranges) axes.push_back(axis(low, high));
    return axes;
}

// "3 836 tkr", "57,8 procent": the unit glued to its number.
std::string with_unit(const std::string& label, const std::string& unit) {
    return unit.empty() ? label : label + "\u00A0" + unit;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " och " : ", ";
        out += names[i];
    }
    return out;
}

// What a reader of the picture sees first: the largest and the smallest
// value, and for a line where it starts and ends.
std::string describe_series(const Chart& chart, const ChartSeries& s) {
    if (s.values.empty()) return "inga värden";
    const auto hi = static_cast<std::size_t>(std::max_element(s.values.begin(), s.values.end()) - s.values.begin());
    const auto lo = static_cast<std::size_t>(std::min_element(s.values.begin(), s.values.end()) - s.values.begin());
    auto at = [&](std::size_t i) { return chart.categories[i] + " " + with_unit(s.labels[i], chart.unit); };
    std::string out;
    if (chart.kind == ChartKind::Line && s.values.size() > 1) {
        out = "från " + with_unit(s.labels.front(), chart.unit) + " " + chart.categories.front() + " till " +
              with_unit(s.labels.back(), chart.unit) + " " + chart.categories.back() + ", ";
    }
    out += "högst " + at(hi);
    if (s.values.size() > 1) out += ", lägst " + at(lo);
    return out;
}

}  // namespace

namespace {

// "Diagram 1.3 Beviljade medel" -> "Beviljade medel": the figure's number
// is for finding it on the page, not part of what it shows.
std::string without_figure_number(const std::string& title) {
    const std::string prefix = "Diagram ";
    if (title.rfind(prefix, 0) != 0) return title;
    std::size_t i = prefix.size();
    const std::size_t digits = i;
    while (i < title.size() && (std::isdigit(static_cast<unsigned char>(title[i])) || title[i] == '.')) ++i;
    if (i == digits || i >= title.size() || title[i] != ' ') return title;
    return title.substr(i + 1);
}

}  // namespace

// Alternative text for a chart (WCAG 2.1 SC 1.1.1): what kind of chart, its
// title, and per series the values a sighted reader takes in at a glance.
// The numbers themselves are in the document's tables.
std::string chart_alt_text(const Chart& chart) {
    std::string out = chart.kind == ChartKind::Line ? "Linjediagram: " : "Stapeldiagram: ";
    out += chart.title.empty() ? "diagram" : without_figure_number(chart.title);
    if (chart.series.size() == 1) return out + "; " + describe_series(chart, chart.series.front()) + ".";
    std::vector<std::string> names;
    for (const auto& s : chart.series) names.push_back(s.name);
    out += "; " + joined(names) + ".";
    for (const auto& s : chart.series) out += " " + s.name + ": " + describe_series(chart, s) + ".";
    return out;
}

Chart parse_chart(const std::string& body, std::vector<std::string>& errors) {
    Chart chart;
    std::vector<std::string> series_names;
    std::string sort;
    int decimals = -1;  // -1: as many as the data has
    int data_decimals = 0;
    bool in_data = false;
    std::istringstream in(body);
    int row = 0;
    for (std::string line; std::getline(in, line);) {
        if (trim(line).empty()) continue;
        if (in_data) {
            ++row;
            auto parts = split_unescaped_bars(line);
            if (parts.size() < 2) {
                errors.push_back("data row " + std::to_string(row) + ": \"" + trim(line) +
                                 "\" has no value; write \"category | value\"");
                continue;
            }
            chart.categories.push_back(parts[0]);
            if (chart.series.empty()) chart.series.resize(parts.size() - 1);
            if (parts.size() - 1 != chart.series.size()) {
                errors.push_back("data row " + std::to_string(row) + " has " + std::to_string(parts.size() - 1) +
                                 " values; the first row has " + std::to_string(chart.series.size()));
                chart.categories.pop_back();
                continue;
            }
            for (std::size_t k = 1; k < parts.size(); ++k) {
                double value = 0;
                int d = 0;
                if (!parse_chart_number(parts[k], value, d)) {
                    errors.push_back("data row " + std::to_string(row) + ": \"" + parts[k] + "\" is not a number");
                    value = 0;
                }
                data_decimals = std::max(data_decimals, d);
                chart.series[k - 1].values.push_back(value);
            }
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string::npos) {
            errors.push_back("\"" + trim(line) + "\" is neither \"key: value\" nor after \"data:\"");
            continue;
        }
        const std::string key = trim(line.substr(0, colon));
        const std::string value = unescape_markdown(trim(line.substr(colon + 1)));
        if (key == "kind") {
            if (value == "columns")
                chart.kind = ChartKind::Columns;
            else if (value == "bars")
                chart.kind = ChartKind::Bars;
            else if (value == "line")
                chart.kind = ChartKind::Line;
            else
                errors.push_back("kind: \"" + value + "\" is not columns, bars or line");
        } else if (key == "title")
            chart.title = value;
        else if (key == "unit")
            chart.unit = value;
        else if (key == "alt")
            chart.alt = value;
        else if (key == "series") {
            // "series: LUM | MUL", or one "series:" line per name (a
            // Mustache section: the data's own bars are escaped).
            for (auto& name : split_unescaped_bars(line.substr(colon + 1))) series_names.push_back(std::move(name));
        } else if (key == "sort") {
            if (value != "descending" && value != "ascending" && value != "none")
                errors.push_back("sort: \"" + value + "\" is not descending, ascending or none");
            sort = value;
        } else if (key == "decimals") {
            if (value.size() != 1 || value[0] < '0' || value[0] > '3')
                errors.push_back("decimals: \"" + value + "\" is not 0-3");
            else
                decimals = value[0] - '0';
        } else if (key == "data")
            in_data = true;
        else
            errors.push_back("unknown key \"" + key + "\"");
    }
    if (chart.categories.empty()) errors.push_back("the chart has no data rows");
    for (std::size_t k = 0; k < chart.series.size(); ++k)
        chart.series[k].name = k < series_names.size() ? series_names[k] : "";
    if (chart.series.size() > 1 && series_names.size() != chart.series.size())
        errors.push_back("series: name each of the " + std::to_string(chart.series.size()) + " series");

    // Sorted bars rank the categories by the first series.
    if ((sort == "descending" || sort == "ascending") && !chart.series.empty()) {
        std::vector<std::size_t> order(chart.categories.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        const auto& key = chart.series.front().values;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return sort == "descending" ? key[a] > key[b] : key[a] < key[b];
        });
        auto permute = [&](auto& v) {
            auto copy = v;
            for (std::size_t i = 0; i < order.size(); ++i) v[i] = copy[order[i]];
        };
        permute(chart.categories);
        for (auto& s : chart.series) permute(s.values);
    }

    const int shown = decimals >= 0 ? decimals : std::min(data_decimals, 3);
    double low = 0, high = 0;
    for (auto& s : chart.series) {
        for (double v : s.values) {
            s.labels.push_back(sv::decimal(v, shown));
            low = std::min(low, v);
            high = std::max(high, v);
        }
    }
    chart.ticks = axis(low, high);
    chart.panel_ticks = panel_axes(chart);
    if (chart.alt.empty() && !chart.categories.empty()) chart.alt = chart_alt_text(chart);
    return chart;
}

}  // namespace doc
