// The follow-up registers: report requirements and repayments as Excel
// exports them (docs/formats.md, "Follow-up of grants").
#include <catch2/catch.hpp>

#include <map>

#include "ingest/readers.hpp"

namespace {

bool has(const core::Diagnostics& d, core::Severity severity, const std::string& text, int line = 0) {
    for (const auto& item : d.items())
        if (item.severity == severity && item.message.find(text) != std::string::npos &&
            (line == 0 || item.where.line == line))
            return true;
    return false;
}

}  // namespace

TEST_CASE("follow-up: the report register reads Excel's form, columns in any order and case") {
    core::Diagnostics diagnostics;
    const std::string csv =
        "\xEF\xBB\xBF"
        "Rapport;BIDRAG;senast;inkom;bedömning;kommentar\r\n"
        "ekonomi;LUM-03;2025-10-31;2025-10-20;godkänd;\r\n"
        "genomförande;LUM-03;2025-11-14;2025-11-20;ej godkänd;\"Resultaten saknas; se mejl\"\r\n"
        "ekonomi;LUM-04;2025-10-31;;;\r\n";
    const auto rows = ingest::parse_report_register(csv, "rapporter.csv", diagnostics);
    for (const auto& d : diagnostics.items()) UNSCOPED_INFO(core::to_string(d));
    CHECK(diagnostics.error_count() == 0);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].grant == "LUM-03");
    CHECK(rows[0].kind == model::ReportKind::Economy);
    CHECK(rows[0].verdict == model::ReportVerdict::Approved);
    CHECK(rows[1].kind == model::ReportKind::Implementation);
    CHECK(rows[1].received == core::parse_iso_date("2025-11-20"));
    CHECK(rows[1].verdict == model::ReportVerdict::Rejected);
    CHECK(rows[1].comment == "Resultaten saknas; se mejl");
    CHECK(rows[1].where.line == 3);
    CHECK_FALSE(rows[2].received);
    CHECK(rows[2].verdict == model::ReportVerdict::NotYetAssessed);
}

TEST_CASE("follow-up: report rows with errors are named at their cell and left out") {
    core::Diagnostics diagnostics;
    const std::string csv =
        "bidrag;rapport;senast;inkom;bedömning\n"
        "LUM-01;ekonomie;2025-10-31;;\n"
        "LUM-02;ekonomi;31/10-25;;\n"
        "LUM-03;ekonomi;2025-10-31;;godkänd\n"
        "LUM-04;ekonomi;2025-10-31;2025-10-01;godkand\n"
        ";ekonomi;2025-10-31;;\n";
    const auto rows = ingest::parse_report_register(csv, "rapporter.csv", diagnostics);
    CHECK(rows.empty());
    CHECK(has(diagnostics, core::Severity::Error, "neither ekonomi nor genomförande", 2));
    CHECK(has(diagnostics, core::Severity::Error, "31/10-25", 3));
    CHECK(has(diagnostics, core::Severity::Error, "cannot be assessed", 4));
    CHECK(has(diagnostics, core::Severity::Error, "neither godkänd nor ej godkänd", 5));
    CHECK(has(diagnostics, core::Severity::Error, "bidrag is empty", 6));
}

TEST_CASE("follow-up: implementerad says whether a received genomförande report has the work in ordinary work") {
    core::Diagnostics diagnostics;
    const std::string csv =
        "bidrag;rapport;senast;inkom;bedömning;Implementerad\n"
        "LUM-01;genomförande;2025-11-14;2025-11-07;godkänd;ja\n"
        "LUM-02;genomförande;2025-11-14;2025-11-07;godkänd;NEJ\n"
        "LUM-03;genomförande;2025-11-14;2025-11-07;;\n";
    const auto rows = ingest::parse_report_register(csv, "rapporter.csv", diagnostics);
    CHECK(diagnostics.error_count() == 0);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].implemented == std::optional<bool>(true));
    CHECK(rows[1].implemented == std::optional<bool>(false));
    CHECK_FALSE(rows[2].implemented);
}

TEST_CASE("follow-up: implementerad is refused on an ekonomi row, an unreceived report, or as another word") {
    core::Diagnostics diagnostics;
    const std::string csv =
        "bidrag;rapport;senast;inkom;bedömning;implementerad\n"
        "LUM-01;ekonomi;2025-10-31;2025-10-24;godkänd;ja\n"
        "LUM-02;genomförande;2025-11-14;;;nej\n"
        "LUM-03;genomförande;2025-11-14;2025-11-07;godkänd;delvis\n";
    const auto rows = ingest::parse_report_register(csv, "rapporter.csv", diagnostics);
    CHECK(rows.empty());
    CHECK(has(diagnostics, core::Severity::Error, "implementerad is said by a genomförande report", 2));
    CHECK(has(diagnostics, core::Severity::Error, "implementerad is said by a genomförande report", 3));
    CHECK(has(diagnostics, core::Severity::Error, "implementerad \"delvis\" is neither ja nor nej", 4));
    // At the implementerad cell: after "LUM-01;ekonomi;2025-10-31;2025-10-24;godkänd;" (45 characters),
    // "LUM-02;genomförande;2025-11-14;;;" (33) and "LUM-03;genomförande;2025-11-14;2025-11-07;godkänd;" (50).
    const std::map<int, int> columns{{2, 46}, {3, 34}, {4, 51}};
    for (const auto& d : diagnostics.items())
        if (d.message.find("implementerad") != std::string::npos) CHECK(d.where.column == columns.at(d.where.line));
}

TEST_CASE("follow-up: deltagare is a count from a received genomförande report") {
    core::Diagnostics diagnostics;
    const std::string csv =
        "bidrag;rapport;senast;inkom;bedömning;deltagare\n"
        "LUM-01;genomförande;2025-11-14;2025-11-07;godkänd;1 250\n"
        "LUM-02;genomförande;2025-11-14;2025-11-07;godkänd;\n";
    const auto rows = ingest::parse_report_register(csv, "rapporter.csv", diagnostics);
    CHECK(diagnostics.error_count() == 0);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].participants == std::optional<std::int64_t>(1250));
    CHECK_FALSE(rows[1].participants);

    core::Diagnostics bad;
    const std::string wrong =
        "bidrag;rapport;senast;inkom;bedömning;deltagare\n"
        "LUM-01;ekonomi;2025-10-31;2025-10-24;godkänd;12\n"
        "LUM-02;genomförande;2025-11-14;;;4\n"
        "LUM-03;genomförande;2025-11-14;2025-11-07;godkänd;ett tiotal\n";
    CHECK(ingest::parse_report_register(wrong, "rapporter.csv", bad).empty());
    CHECK(has(bad, core::Severity::Error, "deltagare is said by a genomförande report", 2));
    CHECK(has(bad, core::Severity::Error, "deltagare is said by a genomförande report", 3));
    CHECK(bad.error_count() == 3);
    for (const auto& d : bad.items()) CHECK(d.where.line >= 2);
}

TEST_CASE("follow-up: a register without a required column, or with an unknown one, is refused") {
    core::Diagnostics diagnostics;
    ingest::parse_report_register("bidrag;rapport;bedömnig\nLUM-01;ekonomi;godkänd\n", "r.csv", diagnostics);
    CHECK(has(diagnostics, core::Severity::Error, "no column senast"));
    CHECK(has(diagnostics, core::Severity::Error, "did you mean bedömning?"));
}

TEST_CASE("follow-up: repayments take amounts as Excel writes them, never 0 or negative") {
    core::Diagnostics diagnostics;
    const std::string csv =
        "bidrag;anmäld;belopp;återbetald;kommentar\r\n"
        "LUM-06;2025-05-28;150 000;2025-09-30;Projektledaren slutade\r\n"
        "MUL-02;2025-06-10;20 000 kr;;\r\n"
        "MUL-03;2025-05-01;0;;\r\n"
        "MUL-04;2025-05-01;-5 000;;\r\n";
    const auto rows = ingest::parse_repayment_register(csv, "aterbetalningar.csv", diagnostics);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].amount == 150000);
    CHECK(rows[0].notified == *core::parse_iso_date("2025-05-28"));
    CHECK(rows[0].repaid == core::parse_iso_date("2025-09-30"));
    CHECK(rows[1].amount == 20000);
    CHECK_FALSE(rows[1].repaid);
    CHECK(has(diagnostics, core::Severity::Error, "0 kr is no repayment", 4));
    CHECK(diagnostics.error_count() == 2);
}
