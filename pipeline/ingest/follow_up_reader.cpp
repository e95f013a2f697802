// The follow-up registers of a round (docs/formats.md, "Follow-up of
// grants"): the report register and the repayment register, CSV as a
// Swedish Excel exports it, like the application CSV. Columns are matched
// by name, case-insensitively, in any order.
#include "core/closest_match.hpp"
#include "ingest/file_access.hpp"
#include "ingest/readers.hpp"
#include "ingest/register_csv.hpp"
#include "ingest/values.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

using register_csv::cell_at;
using register_csv::Columns;
using register_csv::Row;
using register_csv::text;

const Columns kReportColumns{{"bidrag", "rapport", "senast"},
                             {"inkom", "bedömning", "implementerad", "deltagare", "kommentar"}};
const Columns kRepaymentColumns{{"bidrag", "anmäld", "belopp"}, {"återbetald", "kommentar"}};
// In the account a row is named by its grant and what it is.
const register_csv::Naming kReportNaming{"bidrag", "rapport", "reports"};
const register_csv::Naming kRepaymentNaming{"bidrag", "belopp", "repayments"};

std::optional<core::Date> date(const Row& row, const std::string& column, const core::SourceLocation& where,
                               core::Diagnostics& diagnostics, bool required) {
    const auto value = text(row, column, where, diagnostics, false);
    return parse_date(value, cell_at(row, column, where), diagnostics, required);
}

// implementerad: what a received genomförande report says of the work
// after the grant; only such a report can say it.
void read_implemented(const Row& row, const core::SourceLocation& where, core::Diagnostics& diagnostics,
                      model::ReportRequirement& out) {
    const auto word = core::fold_case(text(row, "implementerad", where, diagnostics, false));
    if (word.empty()) return;
    if (word == "ja")
        out.implemented = true;
    else if (word == "nej")
        out.implemented = false;
    else {
        diagnostics.error(cell_at(row, "implementerad", where),
                          core::tr("implementerad \"{1}\" is neither ja nor nej (or empty)", word));
        return;
    }
    if (out.kind != model::ReportKind::Implementation || !out.received)
        diagnostics.error(
            cell_at(row, "implementerad", where),
            core::tr(
                "implementerad is said by a genomförande report that has come in (rapport genomförande, inkom given)"));
}

// deltagare: the participants a received genomförande report says the
// project reached: what came of the grant, in the annual evaluation.
void read_participants(const Row& row, const core::SourceLocation& where, core::Diagnostics& diagnostics,
                       model::ReportRequirement& out) {
    const auto value = text(row, "deltagare", where, diagnostics, false);
    if (value.empty()) return;
    out.participants = parse_count(value, cell_at(row, "deltagare", where), diagnostics, false);
    if (out.participants && (out.kind != model::ReportKind::Implementation || !out.received))
        diagnostics.error(
            cell_at(row, "deltagare", where),
            core::tr(
                "deltagare is said by a genomförande report that has come in (rapport genomförande, inkom given)"));
}

bool to_requirement(const Row& row, const core::SourceLocation& where, core::Diagnostics& diagnostics,
                    model::ReportRequirement& out) {
    const auto errors = diagnostics.error_count();
    out.where = where;
    out.grant = text(row, "bidrag", where, diagnostics, true);
    const auto kind_word = core::fold_case(text(row, "rapport", where, diagnostics, true));
    if (const auto kind = model::parse_report_kind(kind_word))
        out.kind = *kind;
    else if (!kind_word.empty())
        diagnostics.error(cell_at(row, "rapport", where),
                          core::tr("rapport \"{1}\" is neither ekonomi nor genomförande", kind_word));
    if (const auto due = date(row, "senast", where, diagnostics, true)) out.due = *due;
    out.received = date(row, "inkom", where, diagnostics, false);
    const auto verdict_word = core::fold_case(text(row, "bedömning", where, diagnostics, false));
    if (const auto verdict = model::parse_report_verdict(verdict_word))
        out.verdict = *verdict;
    else
        diagnostics.error(cell_at(row, "bedömning", where),
                          core::tr("bedömning \"{1}\" is neither godkänd nor ej godkänd (or empty)", verdict_word));
    if (out.verdict != model::ReportVerdict::NotYetAssessed && !out.received)
        diagnostics.error(cell_at(row, "bedömning", where),
                          core::tr("a report that has not come in (inkom is empty) cannot be assessed"));
    read_implemented(row, where, diagnostics, out);
    read_participants(row, where, diagnostics, out);
    out.comment = text(row, "kommentar", where, diagnostics, false);
    return diagnostics.error_count() == errors;
}

bool to_repayment(const Row& row, const core::SourceLocation& where, core::Diagnostics& diagnostics,
                  model::Repayment& out) {
    const auto errors = diagnostics.error_count();
    out.where = where;
    out.grant = text(row, "bidrag", where, diagnostics, true);
    if (const auto notified = date(row, "anmäld", where, diagnostics, true)) out.notified = *notified;
    const auto amount = text(row, "belopp", where, diagnostics, false);
    if (const auto a = parse_amount(amount, cell_at(row, "belopp", where), diagnostics)) out.amount = *a;
    if (out.amount == 0 && diagnostics.error_count() == errors)
        diagnostics.error(cell_at(row, "belopp", where), core::tr("a repayment of 0 kr is no repayment"));
    out.repaid = date(row, "återbetald", where, diagnostics, false);
    out.comment = text(row, "kommentar", where, diagnostics, false);
    return diagnostics.error_count() == errors;
}

}  // namespace

std::vector<model::ReportRequirement> parse_report_register(std::string_view bytes, const std::string& name,
                                                            core::Diagnostics& diagnostics, model::SourceFile& source) {
    return register_csv::parse<model::ReportRequirement>(bytes, name, kReportColumns, to_requirement, diagnostics,
                                                         kReportNaming, source);
}

std::vector<model::ReportRequirement> parse_report_register(std::string_view bytes, const std::string& name,
                                                            core::Diagnostics& diagnostics) {
    model::SourceFile ignored;
    return parse_report_register(bytes, name, diagnostics, ignored);
}

std::vector<model::Repayment> parse_repayment_register(std::string_view bytes, const std::string& name,
                                                       core::Diagnostics& diagnostics, model::SourceFile& source) {
    return register_csv::parse<model::Repayment>(bytes, name, kRepaymentColumns, to_repayment, diagnostics,
                                                 kRepaymentNaming, source);
}

std::vector<model::Repayment> parse_repayment_register(std::string_view bytes, const std::string& name,
                                                       core::Diagnostics& diagnostics) {
    model::SourceFile ignored;
    return parse_repayment_register(bytes, name, diagnostics, ignored);
}

std::vector<model::ReportRequirement> read_report_register(const std::string& path, core::Diagnostics& diagnostics,
                                                           model::SourceFile& source) {
    source = model::SourceFile{path, false, {}};
    const auto bytes = read_file(path, diagnostics);
    return bytes ? parse_report_register(*bytes, path, diagnostics, source) : std::vector<model::ReportRequirement>{};
}

std::vector<model::ReportRequirement> read_report_register(const std::string& path, core::Diagnostics& diagnostics) {
    model::SourceFile ignored;
    return read_report_register(path, diagnostics, ignored);
}

std::vector<model::Repayment> read_repayment_register(const std::string& path, core::Diagnostics& diagnostics,
                                                      model::SourceFile& source) {
    source = model::SourceFile{path, false, {}};
    const auto bytes = read_file(path, diagnostics);
    return bytes ? parse_repayment_register(*bytes, path, diagnostics, source) : std::vector<model::Repayment>{};
}

std::vector<model::Repayment> read_repayment_register(const std::string& path, core::Diagnostics& diagnostics) {
    model::SourceFile ignored;
    return read_repayment_register(path, diagnostics, ignored);
}

}  // namespace ingest
