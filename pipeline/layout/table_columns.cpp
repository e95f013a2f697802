#include "layout/table_columns.hpp"

#include <algorithm>

namespace layout {

namespace {

// Shares `available` in proportion to `weights`; equally when they are all 0.
std::vector<double> share(const std::vector<double>& weights, double available) {
    double total = 0;
    for (const double w : weights) total += w;
    std::vector<double> out(weights.size(), available / static_cast<double>(weights.size()));
    if (total <= 0) return out;
    for (std::size_t i = 0; i < weights.size(); ++i) out[i] = available * weights[i] / total;
    return out;
}

}  // namespace

std::vector<double> column_widths(const std::vector<ContentWidths>& columns, double available) {
    if (columns.empty()) return {};
    double sum_min = 0;
    double sum_max = 0;
    std::vector<double> mins;
    std::vector<double> maxes;
    std::vector<double> spans;
    for (const ContentWidths& c : columns) {
        mins.push_back(c.min);
        maxes.push_back(std::max(c.min, c.max));
        spans.push_back(maxes.back() - c.min);
        sum_min += c.min;
        sum_max += maxes.back();
    }
    if (sum_max <= available) {
        std::vector<double> widths = share(maxes, available - sum_max);
        for (std::size_t i = 0; i < widths.size(); ++i) widths[i] += maxes[i];
        return widths;
    }
    if (sum_min <= available) {
        std::vector<double> widths = share(spans, available - sum_min);
        for (std::size_t i = 0; i < widths.size(); ++i) widths[i] += mins[i];
        return widths;
    }
    return share(mins, available);
}

}  // namespace layout
