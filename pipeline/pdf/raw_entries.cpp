#include "pdf/raw_entries.hpp"

#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <charconv>

#include "pdf/writer.hpp"
#include "core/messages.hpp"

namespace pdf {

void RawEntries::attach(HPDF_Dict dict, std::size_t begin, std::size_t end) {
    if (dict->write_fn != nullptr || dict->attr != nullptr)
        throw Error(core::tr("a dictionary given raw entries already has a write hook or attributes"));
    ranges_.push_back(Range{&text_, begin, end});
    dict->attr = &ranges_.back();
    dict->write_fn = &RawEntries::write;
}

HPDF_STATUS RawEntries::write(HPDF_Dict dict, HPDF_Stream stream) {
    const auto* range = static_cast<const Range*>(dict->attr);
    return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(range->text->data() + range->begin),
                             static_cast<HPDF_UINT>(range->end - range->begin));
}

void append_number(std::string& text, long long value) {
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    text.append(digits, result.ptr);
}

void append_reference(std::string& text, const void* object) {
    const auto* header = static_cast<const HPDF_Obj_Header*>(object);
    if ((header->obj_id & HPDF_OTYPE_INDIRECT) == 0)
        throw Error(core::tr("a reference to an object that is not in the cross-reference table"));
    append_number(text, header->obj_id & 0x00FFFFFF);
    text += ' ';
    append_number(text, header->gen_no);
    text += " R";
}

}  // namespace pdf
