#pragma once
// Text blocks of the final-report XML (docs/formats-final-report.md, "Text
// blocks"): <p>, <quote>, <list> holding running text with <ref> and <note>.
// Internal to ingest.
#include <pugixml.hpp>

#include "ingest/xml_file.hpp"
#include "model/final_report.hpp"

namespace ingest {

// Running text of `node`: characters (white space collapsed), <ref> and,
// when `notes_allowed`, <note>. Other elements are errors.
model::RichText read_rich_text(XmlReader& xml, const pugi::xml_node& node, bool notes_allowed = true);

// The blocks among `node`'s children; other children are left to the caller.
model::TextBlocks read_text_blocks(XmlReader& xml, const pugi::xml_node& node);

}  // namespace ingest
