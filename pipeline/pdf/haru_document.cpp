#include "pdf/haru_document.hpp"

#include <cstdio>
#include <string>

#include "pdf/writer.hpp"
#include "core/messages.hpp"

namespace pdf {

namespace {

std::string hex(HPDF_STATUS value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%04lX", static_cast<unsigned long>(value));
    return buffer;
}

}  // namespace

HaruDocument::HaruDocument() : first_error_(std::make_unique<FirstError>()) {
    doc_ = HPDF_New(&HaruDocument::on_error, first_error_.get());
    if (doc_ == nullptr) {
        throw Error(core::tr("libharu could not create a document (out of memory)"));
    }
}

HaruDocument::~HaruDocument() { HPDF_Free(doc_); }

void HaruDocument::on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) {
    auto* first = static_cast<FirstError*>(user_data);
    if (!first->set) {
        first->set = true;
        first->code = code;
        first->detail = detail;
    }
}

void HaruDocument::check(std::string_view step) const {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
    if (first_error_->set) {
        code = first_error_->code;
        detail = first_error_->detail;
    } else if (HPDF_GetError(doc_) != HPDF_OK) {
        code = HPDF_GetError(doc_);
        detail = HPDF_GetErrorDetail(doc_);
    } else {
        return;
    }
    throw Error(
        core::tr("libharu error {1} (detail {2}) in step: {3}", hex(code), std::to_string(detail), std::string(step)));
}

}  // namespace pdf
