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

double sum(const std::vector<double>& values) {
    double total = 0;
    for (const double v : values) total += v;
    return total;
}

// `base` plus `available - sum(base)` shared in proportion to (top - base).
std::vector<double> widen(const std::vector<double>& base, const std::vector<double>& top, double available) {
    std::vector<double> weights(base.size());
    for (std::size_t i = 0; i < base.size(); ++i) weights[i] = std::max(0.0, top[i] - base[i]);
    std::vector<double> widths = share(weights, available - sum(base));
    for (std::size_t i = 0; i < widths.size(); ++i) widths[i] += base[i];
    return widths;
}

}  // namespace

std::vector<double> column_widths(const std::vector<ColumnNeeds>& columns, double available) {
    if (columns.empty()) return {};
    const std::size_t n = columns.size();
    std::vector<double> mins(n), maxes(n), body_mins(n);
    for (std::size_t i = 0; i < n; ++i) {
        mins[i] = columns[i].min;
        maxes[i] = std::max(columns[i].min, columns[i].max);
        body_mins[i] = columns[i].body_min < 0 ? columns[i].min : std::min(columns[i].min, columns[i].body_min);
    }
    if (sum(maxes) <= available) {
        std::vector<double> widths = share(maxes, available - sum(maxes));
        for (std::size_t i = 0; i < n; ++i) widths[i] += maxes[i];
        return widths;
    }
    if (sum(mins) > available) {
        if (sum(body_mins) > available) return share(body_mins, available);
        return widen(body_mins, mins, available);
    }
    // Every header on one line; then, narrowest first, each column whose
    // cells can all be set on one line while the others keep what they have.
    std::vector<double> wanted(n);
    for (std::size_t i = 0; i < n; ++i) wanted[i] = std::max(mins[i], std::min(maxes[i], columns[i].head));
    if (sum(wanted) > available) return widen(mins, wanted, available);
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return maxes[a] < maxes[b]; });
    for (const std::size_t i : order)
        if (sum(wanted) - wanted[i] + maxes[i] <= available) wanted[i] = maxes[i];
    return widen(wanted, maxes, available);
}

}  // namespace layout
