// The view of the annual evaluation of last year's grants: money per fund,
// administration and priority area with the years before beside it, the
// reports received on time, late or not at all, the repayments, and the
// administrations that may not be granted money the year after. The figures
// are transform's (model::Report::years, previous_grants); here they are
// only laid out in the rows and columns a table needs.
#include <algorithm>
#include <map>

#include "core/checked.hpp"
#include "document/format_sv.hpp"
#include "document/view_values.hpp"

namespace doc {

using kainjow::mustache::data;

namespace {

// The years evaluated: last year and the ones before it, the latest first.
std::vector<const model::YearSummary*> evaluated_years(const model::Report& report) {
    std::vector<const model::YearSummary*> years;
    for (const auto& y : report.years)
        if (y.year < report.dataset->round.year) years.push_back(&y);
    return years;
}

data year_columns(const std::vector<const model::YearSummary*>& years) {
    data items{data::type::list};
    for (const auto* y : years) {
        data item;
        item.set("year", std::to_string(y->year));
        items.push_back(item);
    }
    return items;
}

data amount_cell(model::Kronor amount, const std::string& money) {
    data cell;
    cell.set("amount", amount_view(amount, money));
    return cell;
}

data funds_view(const std::vector<const model::YearSummary*>& years, const std::string& money) {
    data rows{data::type::list};
    for (const auto* y : years)
        for (const auto& f : y->funds) {
            data row;
            row.set("year", std::to_string(y->year));
            row.set("code", f.code);
            row.set("grants", count_view(f.grants));
            row.set("granted", amount_view(f.granted, money));
            row.set("repaid", amount_view(f.repaid, money));
            row.set("used", amount_view(f.used, money));
            rows.push_back(row);
        }
    return rows;
}

// Money granted per year and fund for the chart beside the table: the years
// oldest first, as a time axis reads, one value per fund in thousands of
// kronor (a chart's axis reads better in tkr than in eight-digit kronor).
data fund_chart_view(const std::vector<const model::YearSummary*>& years) {
    std::vector<std::string> codes;
    for (auto y = years.rbegin(); y != years.rend(); ++y)
        for (const auto& f : (*y)->funds)
            if (std::find(codes.begin(), codes.end(), f.code) == codes.end()) codes.push_back(f.code);
    data series{data::type::list};
    for (const auto& code : codes) {
        data item;
        item.set("code", code);
        series.push_back(item);
    }
    data rows{data::type::list};
    for (auto y = years.rbegin(); y != years.rend(); ++y) {
        data cells{data::type::list};
        for (const auto& code : codes) {
            model::Kronor granted = 0;
            for (const auto& f : (*y)->funds)
                if (f.code == code) granted = f.granted;
            data cell;
            cell.set("tkr", sv::integer((granted + 500) / 1000));
            cells.push_back(cell);
        }
        data row;
        row.set("year", std::to_string((*y)->year));
        row.set("cells", cells);
        rows.push_back(row);
    }
    data d;
    d.set("series", series);
    d.set("rows", rows);
    return d;
}

// One row per administration granted money in any of the years, in the
// order of the round's administrations; a cell per year.
data administrations_view(const model::Report& report, const std::vector<const model::YearSummary*>& years,
                          const std::string& money) {
    data rows{data::type::list};
    for (const auto& admin : report.dataset->round.administrations) {
        data cells{data::type::list};
        bool any = false;
        for (const auto* y : years) {
            model::Kronor granted = 0;
            for (const auto& a : y->administrations)
                if (a.administration == admin.name) granted = a.granted, any = true;
            cells.push_back(amount_cell(granted, money));
        }
        if (!any) continue;
        data row;
        row.set("administration", admin.name);
        row.set("cells", cells);
        rows.push_back(row);
    }
    return rows;
}

data priorities_view(const std::vector<const model::YearSummary*>& years, const std::string& money) {
    data rows{data::type::list};
    if (years.empty()) return rows;
    for (const auto& p : years.front()->priorities) {
        data cells{data::type::list};
        for (const auto* y : years) {
            model::Kronor granted = 0;
            for (const auto& q : y->priorities)
                if (q.criterion->id == p.criterion->id) granted = q.granted;
            cells.push_back(amount_cell(granted, money));
        }
        data row;
        row.set("id", p.criterion->id);
        row.set("text", p.criterion->text);
        row.set("cells", cells);
        rows.push_back(row);
    }
    return rows;
}

data reports_view(const std::vector<model::GrantFollowUp>& grants) {
    std::map<model::ReportStatus, int> counts;
    int total = 0;
    for (const auto& g : grants)
        for (const auto& r : g.reports) ++counts[r.status], ++total;
    using S = model::ReportStatus;
    data d;
    d.set("total", count_view(total));
    d.set("on_time", count_view(counts[S::ApprovedOnTime]));
    d.set("late", count_view(counts[S::ApprovedLate]));
    d.set("not_approved", count_view(counts[S::NotApproved]));
    d.set("not_yet_assessed", count_view(counts[S::NotYetAssessed]));
    d.set("missing", count_view(counts[S::Missing]));
    d.set("not_yet_due", count_view(counts[S::NotYetDue]));
    d.set("not_recorded", count_view(counts[S::NotRecorded]));
    return d;
}

data repayments_view(const std::vector<model::GrantFollowUp>& grants, const std::string& money, model::Kronor& total) {
    data rows{data::type::list};
    for (const auto& g : grants)
        for (const auto* r : g.repayments) {
            data row;
            row.set("grant_id", g.grant->id);
            row.set("administration", g.grant->administration);
            row.set("title", g.grant->title);
            row.set("granted", amount_view(g.grant->granted, money));
            row.set("amount", amount_view(r->amount, money));
            row.set("notified", sv::date_iso(r->notified));
            row.set("repaid", r->repaid ? sv::date_iso(*r->repaid) : std::string());
            rows.push_back(row);
            core::add_or_throw(total, r->amount, "amounts");
        }
    return rows;
}

data blocked_view(const std::vector<model::GrantFollowUp>& grants, const std::string& money) {
    data rows{data::type::list};
    int n = 0;
    for (const auto& g : grants) {
        if (g.approved()) continue;
        data row;
        row.set("administration", g.grant->administration);
        row.set("grant_id", g.grant->id);
        row.set("title", g.grant->title);
        row.set("granted", amount_view(g.grant->granted, money));
        row.set("reports_text", reports_text(g));
        rows.push_back(row);
        ++n;
    }
    data d = count_view(n);
    d.set("list", rows);
    return d;
}

// A change kept in tenths of a percent (model/report.hpp) as the raw value
// a chart reads: a plain decimal with a dot, "37.5", "-12.3", "0.0".
std::string raw_tenths(std::int64_t tenths) {
    const std::int64_t magnitude = tenths < 0 ? -tenths : tenths;
    return (tenths < 0 ? "-" : "") + std::to_string(magnitude / 10) + "." + std::to_string(magnitude % 10);
}

double as_percent(std::int64_t tenths) { return static_cast<double>(tenths) / 10.0; }

// A percentage three ways: `table` ("37,5 %"), `prose` ("37,5 procent"),
// `value` ("37.5"). House style: "procent" in running text, "%" in tables.
data percent_view(std::int64_t tenths) {
    data d;
    d.set("table", sv::percent_table(as_percent(tenths), 1));
    d.set("prose", sv::percent_prose(as_percent(tenths), 1));
    d.set("value", raw_tenths(tenths));
    return d;
}

// The city's trend of recipients of financial assistance and each
// administration's reduction (templates/README.md, "evaluation.recipients").
// Each row carries the formatted values for the tables and, under the same
// key with the suffix _value, the raw numbers, so that a chart can be drawn
// from the same data.
data recipients_view(const model::RecipientTrend& trend) {
    data d;
    d.set("any", true);
    d.set("first_year", std::to_string(trend.first_year));
    d.set("last_year", std::to_string(trend.last_year));
    d.set("period", sv::range(trend.first_year, trend.last_year));
    d.set("city_reduction", percent_view(trend.city_reduction_tenths));
    // "Antalet bidragstagare i staden minskade med 37,5 procent" (seed 002).
    const auto reduction = trend.city_reduction_tenths;
    d.set("change_text", reduction > 0   ? "minskade med " + sv::percent_prose(as_percent(reduction), 1)
                         : reduction < 0 ? "ökade med " + sv::percent_prose(as_percent(-reduction), 1)
                                         : std::string("var lika stort"));
    data city{data::type::list};
    for (const auto& y : trend.city) {
        data row;
        row.set("year", std::to_string(y.year));
        row.set("year_value", std::to_string(y.year));
        row.set("recipients", sv::integer(y.recipients));
        row.set("recipients_value", std::to_string(y.recipients));
        row.set("change", sv::percent_table(as_percent(y.change_tenths), 1));
        row.set("change_value", raw_tenths(y.change_tenths));
        row.set("administrations", std::to_string(y.administrations));
        city.push_back(row);
    }
    d.set("city", city);
    data administrations{data::type::list};
    bool all_reduced = true;
    for (const auto& a : trend.administrations) {
        data row;
        row.set("administration", a.administration);
        row.set("first", sv::integer(a.first));
        row.set("first_value", std::to_string(a.first));
        row.set("last", sv::integer(a.last));
        row.set("last_value", std::to_string(a.last));
        row.set("reduction", sv::percent_table(as_percent(a.reduction_tenths), 1));
        row.set("reduction_value", raw_tenths(a.reduction_tenths));
        administrations.push_back(row);
        all_reduced = all_reduced && a.reduction_tenths > 0;
    }
    d.set("administrations", administrations);
    d.set("has_administrations", !trend.administrations.empty());
    // "varierar från 57,8 procent som mest till 13,4 procent som minst"
    // (seed 002) reads right only when every administration was reduced.
    d.set("has_range", all_reduced && trend.administrations.size() >= 2);
    if (!trend.administrations.empty()) {
        d.set("largest_reduction", percent_view(trend.administrations.front().reduction_tenths));
        d.set("smallest_reduction", percent_view(trend.administrations.back().reduction_tenths));
    }
    return d;
}

// "5 av 8 projekt (62,5 procent)".
data implementation_view(const model::ImplementationShare& share) {
    data d;
    d.set("any", share.reported > 0);
    d.set("implemented", count_view(share.implemented));
    d.set("reported", count_view(share.reported));
    d.set("percent", percent_view(share.percent_tenths));
    d.set("text", sv::integer(share.implemented) + " av " + sv::integer(share.reported) + " projekt (" +
                      sv::percent_prose(as_percent(share.percent_tenths), 1) + ")");
    return d;
}

// What came of last year's grants, per fund, from their genomförande reports.
data outcomes_view(const std::vector<model::FundOutcome>& outcomes) {
    data rows{data::type::list};
    for (const auto& o : outcomes) {
        data row;
        row.set("code", o.code);
        row.set("reported", count_view(o.reported));
        row.set("participants", count_view(static_cast<int>(o.participants)));
        row.set("with_participants", count_view(o.with_participants));
        row.set("implemented", count_view(o.implemented));
        rows.push_back(row);
    }
    return rows;
}

}  // namespace

void add_evaluation_view(const model::Report& report, data& view) {
    const auto& money = report.dataset->round.money_abbreviation;
    const auto years = evaluated_years(report);
    data d;
    d.set("year", std::to_string(report.dataset->round.year - 1));
    d.set("has_years", !years.empty());
    d.set("year_columns", year_columns(years));
    d.set("funds", funds_view(years, money));
    d.set("fund_chart", fund_chart_view(years));
    d.set("administrations", administrations_view(report, years, money));
    d.set("priorities", priorities_view(years, money));
    d.set("reports", reports_view(report.previous_grants));
    model::Kronor repaid = 0;
    d.set("repayments", repayments_view(report.previous_grants, money, repaid));
    d.set("repaid_total", amount_view(repaid, money));
    d.set("has_repayments", repaid > 0);
    d.set("blocked", blocked_view(report.previous_grants, money));
    d.set("implementation", implementation_view(report.implementation));
    d.set("outcomes", outcomes_view(report.outcomes));
    bool any_outcome = false;
    for (const auto& o : report.outcomes) any_outcome = any_outcome || o.reported > 0;
    d.set("has_outcomes", any_outcome);
    if (report.recipients)
        d.set("recipients", recipients_view(*report.recipients));
    else {
        data none;
        none.set("any", false);
        d.set("recipients", none);
    }
    view.set("evaluation", d);
}

}  // namespace doc
