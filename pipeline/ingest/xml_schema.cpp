// XSD validation with libxml2 (docs/formats.md "Checking an XML file against
// its schema"). libxml2 is used here only: pugixml reads the data, libxml2
// answers one question, whether the file is what its schema describes.
//
// Safety, since the files come from outside (libxml2's own advice for
// untrusted input): no network (XML_PARSE_NONET), no DTD loading, no entity
// substitution (no XML_PARSE_NOENT), no XInclude processing, and an external
// entity loader that refuses every file and URL, so nothing is ever read but
// the bytes given. fuel refuses a DOCTYPE before this code sees the file.
// Errors never reach stderr: every handler collects into the result.
//
// Threads (libxml2 "thread safety"): the parsed schemas are shared
// read-only; each call has its own parser and validation context; the error
// handlers libxml2 keeps are per thread in a threaded build, and are set and
// restored around each call.
#include "ingest/xml_schema.hpp"
#include "core/messages.hpp"

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <stdexcept>

namespace ingest {

// Generated from schemas/*.xsd at build time (embed_schemas.cmake).
std::string_view embedded_schema(std::string_view name);

namespace {

std::string trimmed(const char* message) {
    std::string text = message ? message : "";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r')) text.pop_back();
    return text;
}

// Each element's index in document order rides in its _private (plus one,
// so that 0 means none): it survives the removal of other elements.
void number_elements(xmlNode* root) {
    std::intptr_t next = 1;
    for (xmlNode* node = root; node;) {
        if (node->type == XML_ELEMENT_NODE) node->_private = reinterpret_cast<void*>(next++);
        if (node->type == XML_ELEMENT_NODE && node->children) {
            node = node->children;
            continue;
        }
        while (node && node != root && !node->next) node = node->parent;
        if (!node || node == root) break;
        node = node->next;
    }
}

const xmlNode* element_of(const void* node_pointer) {
    auto* node = static_cast<const xmlNode*>(node_pointer);
    if (node && node->type == XML_ATTRIBUTE_NODE) node = node->parent;
    return node && node->type == XML_ELEMENT_NODE ? node : nullptr;
}

struct Collector {
    std::vector<XmlFinding> findings;
    std::vector<xmlNode*> unexpected;  // this pass's elements that the content model did not expect
};

XmlFinding finding_of(const xmlError* error, Collector& collector) {
    XmlFinding finding;
    finding.line = std::max(0, error->line);
    finding.message = trimmed(error->message);
    if (error->domain == XML_FROM_PARSER || error->domain == XML_FROM_NAMESPACE) {
        finding.column = std::max(0, error->int2);
        if ((error->code == XML_ERR_UNDECLARED_ENTITY || error->code == XML_WAR_UNDECLARED_ENTITY) && error->str1) {
            finding.entity = error->str1;
            finding.message = core::tr(
                "the entity reference &{1}; is not defined: XML without a DTD knows only &amp; &lt; &gt; &quot; "
                "&apos; and character references such as &#160; (write the character itself)",
                error->str1);
        }
        return finding;
    }
    const xmlNode* element = element_of(error->node);
    if (element && element->_private)
        finding.element = static_cast<int>(reinterpret_cast<std::intptr_t>(element->_private) - 1);
    if (error->code == XML_SCHEMAV_ELEMENT_CONTENT && finding.message.find("not expected") != std::string::npos) {
        finding.kind = XmlFindingKind::UnexpectedElement;
        if (element && element->parent) collector.unexpected.push_back(const_cast<xmlNode*>(element));
    } else if (error->code == XML_SCHEMAV_CVC_TYPE_3_1_2 || error->code == XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2)
        finding.kind = XmlFindingKind::ElementInText;
    return finding;
}

// The parser's handler gets the parser context; the collector rides in _private.
void parser_error(void* data, xmlError* error) {
    auto* context = static_cast<xmlParserCtxt*>(data);
    if (!context || !context->_private || !error || error->level < XML_ERR_ERROR) return;
    auto& collector = *static_cast<Collector*>(context->_private);
    collector.findings.push_back(finding_of(error, collector));
}

void collect_error(void* data, xmlError* error) {
    if (!data || !error || error->level < XML_ERR_ERROR) return;
    auto& collector = *static_cast<Collector*>(data);
    collector.findings.push_back(finding_of(error, collector));
}

void ignore_generic(void*, const char*, ...) {}

xmlParserInput* refuse_external(const char*, const char*, xmlParserCtxt*) { return nullptr; }

// Routes this thread's libxml2 error channels into `collector` for the life
// of the object, and restores them after.
class QuietErrors {
public:
    explicit QuietErrors(Collector& collector)
        : structured_(xmlStructuredError),
          structured_context_(xmlStructuredErrorContext),
          generic_(xmlGenericError),
          generic_context_(xmlGenericErrorContext) {
        xmlSetStructuredErrorFunc(&collector, collect_error);
        xmlSetGenericErrorFunc(nullptr, ignore_generic);
    }
    ~QuietErrors() {
        xmlSetStructuredErrorFunc(structured_context_, structured_);
        xmlSetGenericErrorFunc(generic_context_, generic_);
    }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;

private:
    xmlStructuredErrorFunc structured_;
    void* structured_context_;
    xmlGenericErrorFunc generic_;
    void* generic_context_;
};

struct Schemas {
    xmlSchema* round = nullptr;
    xmlSchema* applications = nullptr;
    xmlSchema* report = nullptr;
    xmlSchema* follow_up = nullptr;
    xmlSchema* application = nullptr;
};

// A schema that does not parse is a defect of this build, not of the input.
xmlSchema* parse_schema(const char* name) {
    const auto text = embedded_schema(name);
    if (text.empty()) throw std::logic_error(core::tr("schemas/{1} is not compiled into the program", name));
    Collector collector;
    QuietErrors quiet(collector);
    auto* context = xmlSchemaNewMemParserCtxt(text.data(), static_cast<int>(text.size()));
    if (!context) throw std::runtime_error(core::tr("libxml2 could not create a schema parser"));
    xmlSchemaSetParserStructuredErrors(context, collect_error, &collector);
    xmlSchema* schema = xmlSchemaParse(context);
    xmlSchemaFreeParserCtxt(context);
    if (!schema) {
        std::string why = collector.findings.empty() ? "no reason given" : collector.findings.front().message;
        throw std::logic_error(core::tr("schemas/{1} does not parse: {2}", name, why));
    }
    return schema;
}

// Parsed once per process (a function-local static: C++ initialises it once
// even when threads race), never freed: the schemas live as long as the
// program.
const Schemas& schemas() {
    static const Schemas parsed = [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(refuse_external);
        Schemas s;
        s.round = parse_schema("round.xsd");
        s.applications = parse_schema("applications.xsd");
        s.report = parse_schema("report.xsd");
        s.follow_up = parse_schema("followup-report.xsd");
        s.application = parse_schema("application.xsd");
        return s;
    }();
    return parsed;
}

xmlSchema* schema_of(XmlSchema schema) {
    switch (schema) {
        case XmlSchema::Round: return schemas().round;
        case XmlSchema::Applications: return schemas().applications;
        case XmlSchema::Report: return schemas().report;
        case XmlSchema::FollowUpReport: return schemas().follow_up;
        case XmlSchema::Application: return schemas().application;
        case XmlSchema::None: break;
    }
    return nullptr;
}

struct FreeDocument {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct FreeParser {
    void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};
struct FreeValidator {
    void operator()(xmlSchemaValidCtxt* context) const { xmlSchemaFreeValidCtxt(context); }
};

}  // namespace

const char* schema_file(XmlSchema schema) {
    switch (schema) {
        case XmlSchema::Round: return "round.xsd";
        case XmlSchema::Applications: return "applications.xsd";
        case XmlSchema::Report: return "report.xsd";
        case XmlSchema::FollowUpReport: return "followup-report.xsd";
        case XmlSchema::Application: return "application.xsd";
        case XmlSchema::None: break;
    }
    return "";
}

void prepare_xml_schemas() { schemas(); }

XmlCheck check_xml(std::string_view utf8, XmlSchema schema) {
    XmlCheck check;
    schemas();  // initialises libxml2 and parses the schemas on first use
    xmlSchema* xsd = schema_of(schema);
    if (utf8.size() > static_cast<std::size_t>(INT_MAX)) {
        check.well_formed = false;
        check.findings.push_back({XmlFindingKind::Other, 0, 0, -1, {}, "the file is too large for XML validation"});
        return check;
    }
    Collector collector;
    QuietErrors quiet(collector);
    std::unique_ptr<xmlParserCtxt, FreeParser> parser(xmlNewParserCtxt());
    if (!parser) throw std::runtime_error(core::tr("libxml2 could not create a parser"));
    parser->_private = &collector;
    parser->sax->serror = parser_error;
    // No NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE; the file is UTF-8 here
    // (decoded by fuel), whatever its declaration says.
    const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;
    std::unique_ptr<xmlDoc, FreeDocument> doc(
        xmlCtxtReadMemory(parser.get(), utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options));
    if (!doc || !parser->wellFormed || !parser->nsWellFormed) {
        check.well_formed = false;
        check.findings = std::move(collector.findings);
        if (check.findings.empty())
            check.findings.push_back({XmlFindingKind::Other, 0, 0, -1, {}, "libxml2 could not read the XML"});
        return check;
    }
    if (!xsd) return check;
    number_elements(xmlDocGetRootElement(doc.get()));
    // Each pass removes at least one element, so the passes end; the bound
    // only caps the time a file full of stray elements can take.
    constexpr int kMaxPasses = 100;
    for (int pass = 0; pass < kMaxPasses; ++pass) {
        std::unique_ptr<xmlSchemaValidCtxt, FreeValidator> validator(xmlSchemaNewValidCtxt(xsd));
        if (!validator) throw std::runtime_error(core::tr("libxml2 could not create a schema validator"));
        Collector found;
        xmlSchemaSetValidStructuredErrors(validator.get(), collect_error, &found);
        const int result = xmlSchemaValidateDoc(validator.get(), doc.get());
        if (result < 0) throw std::runtime_error(core::tr("libxml2's schema validation failed internally"));
        if (result > 0 && found.findings.empty() && check.findings.empty())
            check.findings.push_back({XmlFindingKind::Other, 0, 0, -1, {}, "the file does not match its schema"});
        // A finding of an earlier pass comes again until its element is gone.
        for (auto& f : found.findings) {
            const bool known = std::any_of(check.findings.begin(), check.findings.end(), [&](const XmlFinding& k) {
                return k.element == f.element && k.message == f.message && k.line == f.line;
            });
            if (!known) check.findings.push_back(std::move(f));
        }
        if (found.unexpected.empty()) break;
        // Each element once, and none inside another that goes with it.
        auto& gone = found.unexpected;
        std::sort(gone.begin(), gone.end());
        gone.erase(std::unique(gone.begin(), gone.end()), gone.end());
        const auto inside_another = [&](const xmlNode* node) {
            for (const xmlNode* up = node->parent; up; up = up->parent)
                if (std::binary_search(gone.begin(), gone.end(), up)) return true;
            return false;
        };
        std::vector<xmlNode*> remove;
        for (xmlNode* node : gone)
            if (!inside_another(node)) remove.push_back(node);
        for (xmlNode* node : remove) {
            xmlUnlinkNode(node);
            xmlFreeNode(node);
        }
    }
    return check;
}

}  // namespace ingest
