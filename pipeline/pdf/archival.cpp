#include "pdf/archival.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "pdf/font_descriptors.hpp"
#include "pdf/xmp_metadata.hpp"

namespace pdf {

namespace {

// The registered name of the sRGB characterization (ICC characterization
// data registry, www.color.org), which ISO 19005-1 §6.2.2 asks for in
// /OutputConditionIdentifier.
constexpr const char* kSrgbCondition = "sRGB IEC61966-2.1";

// RGB has three components: the /N of the ICC stream.
constexpr int kRgbComponents = 3;

// ISO 19005-1 §6.2.2 and ISO 32000-1 §14.11.5: one output intent with
// subtype GTS_PDFA1 and the ICC profile embedded. Built by hand because
// HPDF_PDFA_AppendOutputIntents writes the key as "DestOutputProfile " with a
// trailing space (docs/libraries.md §1.3).
void add_output_intent(HaruDocument& doc, const std::string& profile_path) {
    HPDF_Doc pdf = doc.get();
    HPDF_OutputIntent profile = HPDF_LoadIccProfileFromFile(pdf, profile_path.c_str(), kRgbComponents);
    doc.check("load the colour profile '" + profile_path + "'");
    HPDF_Dict intent = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(pdf->mmgr, kSrgbCondition, nullptr));
    HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, kSrgbCondition, nullptr));
    HPDF_Dict_Add(intent, "RegistryName", HPDF_String_New(pdf->mmgr, "http://www.color.org", nullptr));
    HPDF_Dict_Add(intent, "DestOutputProfile", profile);
    HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
    HPDF_Array_Add(intents, intent);
    HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);
    doc.check("add the sRGB output intent");
}

}  // namespace

void make_pdfa_1(HaruDocument& doc, const EmbeddedFonts& fonts, const doc::Metadata& meta,
                 const std::string& profile_path, char conformance) {
    // ISO 19005-1 §5: PDF/A-1 is based on PDF 1.4. libharu keeps the version
    // in a plain field and writes it in the header at save time.
    doc.get()->pdf_version = HPDF_VER_14;
    for (const EmbeddedFonts::Loaded& loaded : fonts.distinct()) {
        complete_font_descriptor(doc, loaded.font, *loaded.file, true);
    }
    add_xmp_metadata(doc, meta, conformance);
    add_output_intent(doc, profile_path);
}

}  // namespace pdf
