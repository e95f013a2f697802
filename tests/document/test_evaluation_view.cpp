// The values the annual evaluation's templates see for the statistics of
// recipients and the share of projects implemented in ordinary work
// (templates/README.md, "The evaluation of last year's grants"): the
// formatted figures of the house style beside the raw numbers a chart reads.
#include <catch2/catch.hpp>

#include <cctype>

#include "document/template.hpp"
#include "document/view_model.hpp"

namespace {

struct Fixture {
    model::Dataset dataset;
    model::Report report;
};

Fixture fixture() {
    Fixture f;
    f.dataset.name = "test";
    f.dataset.round.year = 2026;
    f.dataset.round.date = {2025, 12, 9};
    model::RecipientTrend t;
    t.first_year = 1999;
    t.last_year = 2003;
    t.city = {{1999, 23450, 12, 0}, {2001, 18169, 12, -225}, {2003, 14656, 12, -375}};
    t.city_reduction_tenths = 375;
    t.administrations = {{"Bromma", 1000, 422, 578}, {"Järva", 5200, 4503, 134}, {"Östermalm", 900, 1000, -111}};
    f.report.recipients = t;
    f.report.implementation = {12, 20, 600};
    return f;
}

// The rendered Markdown escapes data (a backslash before ASCII punctuation,
// CommonMark 2.4); undone here, and the final line break dropped, to compare
// with the values themselves.
std::string unescaped(const std::string& markdown) {
    std::string out;
    for (std::size_t i = 0; i < markdown.size(); ++i) {
        const char c = markdown[i];
        if (c == '\\' && i + 1 < markdown.size() && std::ispunct(static_cast<unsigned char>(markdown[i + 1]))) continue;
        out += c;
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

std::string render(const std::string& source, const model::Report& report) {
    core::Diagnostics diagnostics;
    const doc::Template tmpl{"t", "t.md", source};
    const auto rendered = doc::render_template(tmpl, doc::make_view_model(report), diagnostics);
    for (const auto& d : diagnostics.items()) UNSCOPED_INFO(core::to_string(d));
    CHECK(diagnostics.items().empty());
    return unescaped(rendered.markdown);
}

const std::string kNbsp = "\xC2\xA0";
const std::string kMinus = "\xE2\x88\x92";

}  // namespace

TEST_CASE("evaluation view: each row of the city's trend has its formatted figures and their raw values") {
    auto f = fixture();
    f.report.dataset = &f.dataset;
    const auto text = render(
        "{{#evaluation.recipients.city}}{{year}}|{{recipients}}|{{recipients_value}}|{{change}}|"
        "{{change_value}}\n{{/evaluation.recipients.city}}",
        f.report);
    CHECK(text == "1999|23" + kNbsp + "450|23450|0,0" + kNbsp + "%|0.0\n" + "2001|18" + kNbsp + "169|18169|" + kMinus +
                      "22,5" + kNbsp + "%|-22.5\n" + "2003|14" + kNbsp + "656|14656|" + kMinus + "37,5" + kNbsp +
                      "%|-37.5");
}

TEST_CASE("evaluation view: the reduction per administration, in the order transform gives, with raw values") {
    auto f = fixture();
    f.report.dataset = &f.dataset;
    const auto text = render(
        "{{#evaluation.recipients.administrations}}{{administration}}|{{first}}|{{first_value}}|{{last_value}}|"
        "{{reduction}}|{{reduction_value}}\n{{/evaluation.recipients.administrations}}",
        f.report);
    CHECK(text == "Bromma|1" + kNbsp + "000|1000|422|57,8" + kNbsp + "%|57.8\n" + "Järva|5" + kNbsp +
                      "200|5200|4503|13,4" + kNbsp + "%|13.4\n" + "Östermalm|900|900|1000|" + kMinus + "11,1" + kNbsp +
                      "%|-11.1");
}

TEST_CASE("evaluation view: percent in prose says procent, and the range only when every administration fell") {
    auto f = fixture();
    f.report.dataset = &f.dataset;
    CHECK(render("{{evaluation.recipients.change_text}} {{evaluation.recipients.period}} "
                 "{{evaluation.recipients.city_reduction.value}}{{#evaluation.recipients.has_range}} range"
                 "{{/evaluation.recipients.has_range}}",
                 f.report) == "minskade med 37,5" + kNbsp +
                                  "procent 1999\xE2\x80\x93"
                                  "2003 37.5");
    f.report.recipients->administrations.pop_back();
    CHECK(render("{{#evaluation.recipients.has_range}}från {{evaluation.recipients.largest_reduction.prose}} till "
                 "{{evaluation.recipients.smallest_reduction.prose}}{{/evaluation.recipients.has_range}}",
                 f.report) == "från 57,8" + kNbsp + "procent till 13,4" + kNbsp + "procent");
}

TEST_CASE("evaluation view: the share implemented in ordinary work reads X av Y projekt (Z procent)") {
    auto f = fixture();
    f.report.dataset = &f.dataset;
    CHECK(render("{{evaluation.implementation.text}} {{evaluation.implementation.percent.value}}", f.report) ==
          "12 av 20 projekt (60,0" + kNbsp + "procent) 60.0");
    f.report.recipients.reset();
    f.report.implementation = {};
    CHECK(render("{{^evaluation.recipients.any}}inga{{/evaluation.recipients.any}} "
                 "{{^evaluation.implementation.any}}ingen{{/evaluation.implementation.any}}",
                 f.report) == "inga ingen");
}
