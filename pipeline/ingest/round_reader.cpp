// round.xml -> model::Round (schemas/round.xsd, docs/formats.md).
#include <algorithm>

#include "ingest/readers.hpp"
#include "ingest/values.hpp"
#include "ingest/xml_file.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

model::Person read_person(XmlReader& xml, const pugi::xml_node& node, bool needs_title) {
    xml.reject_unknown_children(node, {"name", "title", "organisation", "phone"});
    model::Person person;
    person.name = xml.text(node, "name");
    person.title = xml.text(node, "title", needs_title);
    person.organisation = xml.text(node, "organisation", false);
    person.phone = xml.text(node, "phone", false);
    return person;
}

model::Fund read_fund(XmlReader& xml, const pugi::xml_node& node) {
    xml.reject_unknown_children(node, {"name", "budget", "max-per-application", "criterion"});
    model::Fund fund;
    fund.where = xml.where(node);
    fund.code = normalize_space(node.attribute("code").as_string());
    if (fund.code.empty())
        xml.diagnostics().error(fund.where, core::tr("<fund> needs a code attribute (e.g. code=\"LUM\")"));
    fund.name = xml.text(node, "name");
    fund.budget = xml.integer(node, "budget").value_or(0);
    if (auto max = xml.integer(node, "max-per-application", false)) fund.max_per_application = *max;
    for (const auto& c : node.children("criterion")) {
        model::Criterion criterion;
        criterion.id = normalize_space(c.attribute("id").as_string());
        criterion.text = normalize_space(xml.content(c));
        const std::string kind = c.attribute("kind").as_string();
        criterion.kind = kind == "priority" ? model::CriterionKind::Priority : model::CriterionKind::Main;
        if (kind != "main" && kind != "priority")
            xml.diagnostics().error(xml.where(c),
                                    core::tr("criterion kind \"{1}\" is neither main nor priority", kind));
        if (criterion.id.empty() || criterion.text.empty())
            xml.diagnostics().error(xml.where(c), core::tr("<criterion> needs an id attribute and a text"));
        fund.criteria.push_back(std::move(criterion));
    }
    return fund;
}

void read_preparation(XmlReader& xml, const pugi::xml_node& node, model::Round& round) {
    xml.reject_unknown_children(node, {"prepared-by", "step"});
    for (const auto& p : node.children("prepared-by")) round.prepared_by.push_back(normalize_space(xml.content(p)));
    for (const auto& s : node.children("step")) {
        model::PreparationStep step;
        step.body = normalize_space(xml.content(s));
        if (auto date = xml.date_attribute(s, "date")) step.date = *date;
        const std::string form = s.attribute("form").as_string();
        if (form == "offered")
            step.form = model::StepForm::Offered;
        else if (form != "treated")
            xml.diagnostics().error(xml.where(s), core::tr("step form \"{1}\" is neither treated nor offered", form));
        round.preparation.push_back(std::move(step));
    }
}

void read_people(XmlReader& xml, const pugi::xml_node& round_node, model::Round& round) {
    for (const auto& p : round_node.child("case-officers").children("person"))
        round.case_officers.push_back(read_person(xml, p, false));
    for (const auto& p : round_node.child("signatories").children("person"))
        round.signatories.push_back(read_person(xml, p, true));
    for (const auto& a : round_node.child("attestations").children("attestation")) {
        model::Attestation attestation;
        attestation.person = read_person(xml, a, true);
        if (auto date = xml.date_attribute(a, "date")) attestation.date = *date;
        round.attestations.push_back(std::move(attestation));
    }
}

void read_lists(XmlReader& xml, const pugi::xml_node& round_node, model::Round& round) {
    for (const auto& a : round_node.child("administrations").children("administration")) {
        const std::string kind = a.attribute("kind").as_string();
        if (kind != "district" && kind != "central")
            xml.diagnostics().error(xml.where(a),
                                    core::tr("administration kind \"{1}\" is neither district nor central", kind));
        round.administrations.push_back({normalize_space(xml.content(a)), kind == "central"
                                                                              ? model::AdministrationKind::Central
                                                                              : model::AdministrationKind::District});
    }
    xml.reject_unknown_children(round_node.child("sources"), {"applications", "reports", "repayments", "statistics"});
    for (const auto& s : round_node.child("sources").children("applications")) {
        const std::string href = s.attribute("href").as_string();
        const auto& listed = round.application_sources;
        if (href.empty() || href.find('/') != std::string::npos || href.find('\\') != std::string::npos)
            xml.diagnostics().error(xml.where(s),
                                    core::tr("<applications href> must name a file in the round's folder"));
        else if (std::find(listed.begin(), listed.end(), href) != listed.end())
            xml.diagnostics().error(xml.where(s), core::tr("the file {1} is listed twice in <sources>", href));
        else
            round.application_sources.push_back(href);
    }
}

// <reports href>, <repayments href> and <statistics href>: at most one of
// each, in the folder.
std::string register_source(XmlReader& xml, const pugi::xml_node& sources, const char* element,
                            const model::Round& round) {
    std::string found;
    for (const auto& s : sources.children(element)) {
        const std::string href = s.attribute("href").as_string();
        const auto& listed = round.application_sources;
        if (!found.empty())
            xml.diagnostics().error(xml.where(s), core::tr("<{1}> may be given only once", element));
        else if (href.empty() || href.find_first_of("/\\") != std::string::npos)
            xml.diagnostics().error(xml.where(s),
                                    core::tr("<{1} href> must name a file in the round's folder", element));
        else if (std::find(listed.begin(), listed.end(), href) != listed.end())
            xml.diagnostics().error(xml.where(s), core::tr("the file {1} is listed twice in <sources>", href));
        else
            found = href;
    }
    return found;
}

// <reporting>, <report-exceptions>: docs/formats.md "Follow-up of grants".
void read_follow_up(XmlReader& xml, const pugi::xml_node& round_node, model::Round& round) {
    xml.reject_unknown_children(round_node.child("reporting"), {"due"});
    for (const auto& d : round_node.child("reporting").children("due")) {
        const std::string word = normalize_space(d.attribute("report").as_string());
        const auto kind = model::parse_report_kind(word);
        const auto date = parse_date(normalize_space(xml.content(d)), xml.where(d), xml.diagnostics());
        if (!kind)
            xml.diagnostics().error(xml.where(d), core::tr("report \"{1}\" is neither ekonomi nor genomförande", word));
        if (kind && date) round.report_deadlines.push_back({*kind, *date});
    }
    xml.reject_unknown_children(round_node.child("report-exceptions"), {"exception"});
    for (const auto& e : round_node.child("report-exceptions").children("exception")) {
        model::ReportException exception{normalize_space(e.attribute("application").as_string()),
                                         normalize_space(xml.content(e)), xml.where(e)};
        if (exception.application.empty() || exception.reason.empty())
            xml.diagnostics().error(exception.where,
                                    core::tr("<exception> needs an application attribute and a reason"));
        round.report_exceptions.push_back(std::move(exception));
    }
    const auto sources = round_node.child("sources");
    round.report_source = register_source(xml, sources, "reports", round);
    round.repayment_source = register_source(xml, sources, "repayments", round);
    round.statistics_source = register_source(xml, sources, "statistics", round);
    if (!round.report_source.empty() && round.report_source == round.repayment_source)
        xml.diagnostics().error(xml.where(sources), core::tr("the reports and the repayments must be two files"));
    if (!round.statistics_source.empty() &&
        (round.statistics_source == round.report_source || round.statistics_source == round.repayment_source))
        xml.diagnostics().error(xml.where(sources), core::tr("the statistics must be a file of their own"));
}

// The template is a folder under templates/ by name (docs/formats.md); a
// path would read templates from anywhere.
void check_template_name(XmlReader& xml, const pugi::xml_node& round_node, const std::string& name,
                         const char* element = "template") {
    if (name.find_first_of("/\\") == std::string::npos && name != "." && name != "..") return;
    xml.diagnostics().error(xml.where(round_node.child(element)),
                            core::tr("<{1}> \"{2}\" must name a folder under templates/, not a path", element, name));
}

std::optional<model::Round> read_round_element(XmlReader& xml, const XmlFile* file, core::Diagnostics& diagnostics) {
    if (!xml.check_root("round")) return std::nullopt;
    const auto node = file->root();
    xml.reject_unknown_children(node, {"id",
                                       "year",
                                       "title",
                                       "administration",
                                       "department",
                                       "committee",
                                       "diary-number",
                                       "date",
                                       "template",
                                       "money-abbreviation",
                                       "funds",
                                       "repayment-notice-deadline",
                                       "case-officers",
                                       "signatories",
                                       "preparation",
                                       "attestations",
                                       "administrations",
                                       "sources",
                                       "reporting",
                                       "report-exceptions",
                                       "letter-template",
                                       "evaluation-template",
                                       "state"});
    model::Round round;
    round.where = xml.where(node);
    round.id = xml.text(node, "id");
    round.year = static_cast<int>(xml.integer(node, "year").value_or(0));
    round.title = xml.text(node, "title");
    round.administration = xml.text(node, "administration");
    round.department = xml.text(node, "department", false);
    round.committee = xml.text(node, "committee");
    round.diary_number = xml.text(node, "diary-number", false);
    if (auto date = xml.date(node, "date")) round.date = *date;
    round.template_name = xml.text(node, "template");
    check_template_name(xml, node, round.template_name);
    if (auto money = xml.text(node, "money-abbreviation", false); !money.empty()) round.money_abbreviation = money;
    round.repayment_notice_deadline = xml.date(node, "repayment-notice-deadline", false);
    xml.reject_unknown_children(node.child("funds"), {"fund"});
    for (const auto& f : node.child("funds").children("fund")) round.funds.push_back(read_fund(xml, f));
    if (round.funds.empty()) diagnostics.error(round.where, core::tr("the round has no <funds><fund> element"));
    read_people(xml, node, round);
    read_preparation(xml, node.child("preparation"), round);
    read_lists(xml, node, round);
    read_follow_up(xml, node, round);
    round.letter_template = xml.text(node, "letter-template", false);
    check_template_name(xml, node, round.letter_template, "letter-template");
    round.evaluation_template = xml.text(node, "evaluation-template", false);
    check_template_name(xml, node, round.evaluation_template, "evaluation-template");
    return round;
}

std::optional<model::Round> round_of(std::optional<XmlFile> file, core::Diagnostics& diagnostics) {
    if (!file) return std::nullopt;
    XmlReader xml(*file, diagnostics);
    auto round = read_round_element(xml, &*file, diagnostics);
    xml.report_schema_findings();
    return round;
}

}  // namespace

std::optional<model::Round> read_round(const std::string& path, core::Diagnostics& diagnostics) {
    return round_of(XmlFile::load(path, diagnostics, XmlSchema::Round), diagnostics);
}

std::optional<model::Round> parse_round(std::string_view bytes, const std::string& name,
                                        core::Diagnostics& diagnostics) {
    return round_of(XmlFile::parse(bytes, name, diagnostics, XmlSchema::Round), diagnostics);
}

}  // namespace ingest
