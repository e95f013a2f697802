# Writes OUTPUT, a C++ file that holds the bytes of each XSD in SCHEMAS (a
# ';'-list of paths) and the function ingest::embedded_schema(name) that
# returns them by file name. schemas/ stays the single source of the XSDs,
# and the program needs no schema path at run time.
# Run by CMake at build time: cmake -DSCHEMAS=... -DOUTPUT=... -P embed_schemas.cmake
set(body "")
set(lookup "")
set(n 0)
foreach(schema ${SCHEMAS})
  get_filename_component(name ${schema} NAME)
  file(READ ${schema} hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  # Bytes, not a string literal: no escaping rule to get wrong, and no
  # compiler limit on the length of a literal.
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n    "
         bytes "${bytes}")
  string(APPEND body "const unsigned char schema_${n}[${size}] = {\n    ${bytes}\n};\n\n")
  string(APPEND lookup "    if (name == \"${name}\") return {reinterpret_cast<const char*>(schema_${n}), sizeof schema_${n}};\n")
  math(EXPR n "${n} + 1")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from schemas/*.xsd by pipeline/ingest/embed_schemas.cmake; do not edit.
#include <string_view>

namespace ingest {

namespace {

${body}}  // namespace

std::string_view embedded_schema(std::string_view name) {
${lookup}    return {};
}

}  // namespace ingest
")
# Only a changed text touches the file, so that an unchanged schema does not
# rebuild the library.
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
