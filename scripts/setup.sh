#!/usr/bin/env bash
# Installs every build, run and test dependency of fuel from Debian 12 packages.
# This is the only list of the project's dependencies: CMake finds them with
# find_package / pkg-config, and nothing is downloaded at build time.
#
# Usage (as root, or with sudo available): scripts/setup.sh
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config
  clang                  # builds the libFuzzer targets in fuzz/ (scripts/fuzz.sh)
  libfuzzer-14-dev       # libFuzzer for clang 14 (-fsanitize=fuzzer)
  # libraries the pipeline links
  libhpdf-dev            # PDF writer (libharu 2.3.0), pdf/ only
  libpugixml-dev         # XML reader, ingest/ only
  libxml2-dev            # XSD validation of the XML inputs at run time, ingest/ only
  libpoco-dev            # application, options, logging (cli/); Zip: the .docx container (docx/); Net: fuel preview's server
  libicu-dev             # UAX #14 line breaking, NFC, case mapping, encodings
  libkainjow-mustache-dev  # templates: Mustache
  libcmark-gfm-dev       # templates: CommonMark -> doc tree
  libcmark-gfm-extensions-dev  # GFM tables extension
  libxlsxwriter-dev      # Excel workbooks of the documents' tables, xlsx/ only
  libhyphen-dev          # hyphenation (libhyphen), layout/ only
  hyphen-sv              # the Swedish hyphenation patterns (hyph_sv_SE.dic)
  libharfbuzz-dev        # the fonts' pair kerning (GPOS, kern), pdf/ only
  libdeflate-dev         # Flate compression of the PDF streams, pdf/ only
  libmimalloc-dev        # the allocator of every program built (core/memory.hpp; not in the sanitizer build)
  libssl-dev             # SHA-256 of the incremental build keys (libcrypto), nightly/ only
  gettext                # xgettext and msgfmt: po/sv.po compiled at build time, checked by a test
  fonts-liberation2      # the embedded fonts (Liberation Sans / Serif)
  icc-profiles-free      # sRGB.icc (ICC v2): the PDF/A-1 output intent's profile
  libjs-pdf              # pdf.js 2.14: fuel preview's page draws the PDF pages with it (preview/)
  # tests
  catch2                 # unit tests, one CTest test per case
  clang-format           # the format test: every source file as .clang-format says
  poppler-utils          # pdftotext, pdffonts, pdfinfo, pdftoppm in end-to-end tests
  qpdf                   # structural PDF check
  libpng-dev             # reference-image tests: read and write PNG
  libxml2-utils          # xmllint: validates fixtures against the XSDs
  chromium               # headless: the nightly status page loads, links resolve; fuel preview's page follows saves
  unzip                  # reads the Excel workbooks back in tests (an .xlsx is a zip of XML)
  libreoffice-writer-nogui  # tests: opens every fixture's .docx and converts it to PDF (headless)
  python3-docx           # tests/docx/docx_read.py: reads the .docx files back (Debian's python3)
  python3-openpyxl       # tests/xlsx/xlsx_read.py: reads the workbooks back as a spreadsheet user would
  python3                # tests/html/a11y_check.py: Chromium's accessibility tree over DevTools (standard library only)
  libpdfbox2-java        # PDFBox Preflight: the PDF/A-1b validator the tests run
  default-jre-headless   # runs Preflight
  libactivation-java     # needed by Preflight, not declared by libpdfbox2-java
  libjaxb-api-java       # needed by Preflight, not declared by libpdfbox2-java
  dpkg-dev               # dpkg-shlibdeps: the Debian package's Depends (cpack -G DEB)
  lintian                # the Debian package is checked against Debian policy
  systemd                # systemd-analyze: the units verified and their exposure rated
  man-db                 # man -l: the man page renders without warnings
  binutils               # objdump: the libraries the packaged program links
  # benchmarks (bench/, run by hand)
  hyperfine              # bench/peer_speed.sh, bench/unchanged_rebuild.sh: whole processes timed
  zlib1g-dev             # bench/deflate_floor: zlib at level 6 beside libdeflate
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all packages present"
fi

# Test-time tools Debian does not package (package.json, pinned by
# package-lock.json): axe-core and pdfjs-dist. Node.js and npm come from
# Debian's nodejs and npm packages unless the machine already has them.
if ! command -v npm >/dev/null; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi
cd "$(dirname "$0")/.."
if [ ! -e node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing the test tools of package.json (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
