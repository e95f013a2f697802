// The embedded style: close to the PDF's look (layout/style.hpp), so that
// the web page and the printed document read as the same document.
//   - Liberation Serif 11.5 pt body, Liberation Sans bold headings and
//     letterhead, the same heading sizes (15, 12.5, 11.5 pt) and spacing;
//   - tables in 10 pt with a strong rule under the head, a thinner one above
//     the total row and at the bottom; amounts right-aligned; the total row
//     bold;
//   - text width about 160 mm, as on the A4 page with 25 mm margins.
// Colours: every text colour on its background has at least the 4.5:1
// contrast WCAG 2.1 SC 1.4.3 asks for (black on white is 21:1; the link blue
// #0b4f9c on white is about 8.1:1), and the browser test computes it.
// Reflow (SC 1.4.10): at 320 CSS px the letterhead and the signatures are
// one column, long words break, and a wide table scrolls in its own box
// (.table-scroll), not the page.
// Print: A4 with the PDF's margins, page breaks where the document has them,
// link targets not expanded (the page is read on screen first).
#include "html/style.hpp"

namespace html {

const char* const kStyleSheet = R"(
:root { color: #000; background: #fff; }
body { font-family: "Liberation Serif", "Times New Roman", Times, serif; font-size: 11.5pt; line-height: 1.3;
  max-width: 160mm; margin: 2em auto; padding: 0 1.5em; overflow-wrap: break-word; }
h1, h2, h3, h4, h5, h6, .letterhead, caption { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; }
h1, h2, h3, h4, h5, h6 { font-weight: bold; line-height: 1.2; margin: 0; }
h1 { font-size: 15pt; margin: 18pt 0 6pt; }
h2 { font-size: 12.5pt; margin: 15pt 0 4pt; }
h3 { font-size: 11.5pt; margin: 12pt 0 3pt; }
h4, h5, h6 { font-size: 11.5pt; margin: 10pt 0 2pt; }
p { margin: 0 0 7.5pt; }
.align-right { text-align: right; }
.align-center { text-align: center; }
ol, ul { margin: 0 0 7.5pt; padding-left: 18pt; }
li { margin: 0 0 3pt; }
li > p:last-child { margin-bottom: 0; }
a { color: #0b4f9c; }
.letterhead { display: grid; grid-template-columns: 55% 45%; font-size: 9.5pt; margin-bottom: 18pt; }
.letterhead p, .letterhead dl { margin: 0 0 9pt; }
.letterhead .organisation, .letterhead .document-type { font-size: 12pt; font-weight: bold; }
.letterhead .organisation + p, .letterhead .document-type + p { margin-top: -9pt; }
.letterhead dt { font-weight: bold; }
.letterhead dd { margin: 0; }
.table-scroll { overflow-x: auto; margin: 7.5pt 0; }
.table-scroll:focus { outline: 2px solid #0b4f9c; }
.table-scroll > table { margin: 0; }
table { border-collapse: collapse; font-size: 10pt; line-height: 1.25; margin: 7.5pt 0; width: 100%; }
caption { text-align: left; font-weight: bold; font-size: 11.5pt; padding-bottom: 3pt; }
th, td { padding: 2pt 4pt; vertical-align: top; text-align: left; }
thead th { font-weight: bold; border-bottom: 0.75pt solid #000; }
tbody tr:last-child td, tbody tr:last-child th { border-bottom: 0.5pt solid #000; }
tfoot th, tfoot td { font-weight: bold; }
.number { text-align: right; font-variant-numeric: tabular-nums; }
th.center, td.center { text-align: center; }
.nowrap { white-space: nowrap; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 0 12pt; margin: 24pt 0 12pt; }
.signature p { margin: 0; }
.signature .name { font-weight: bold; }
.page-break { display: none; }
figure.chart { margin: 7.5pt 0 12pt; }
figure.chart figcaption { font-family: "Liberation Sans", Arial, sans-serif; font-weight: bold; font-size: 10pt; margin-bottom: 4pt; }
figure.chart svg { display: block; width: 100%; height: auto; }
sup { line-height: 0; }
.footnotes { font-size: 9.5pt; border-top: 0.5pt solid #000; margin-top: 18pt; padding-top: 6pt; }
.footnotes ol { padding-left: 18pt; }
@media (max-width: 30em) {
  body { padding: 0 0.5em; }
  .letterhead, .signatures { grid-template-columns: 1fr; }
}
@page { size: A4; margin: 20mm 25mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  .table-scroll { overflow: visible; }
  .page-break { display: block; break-after: page; }
  h1, h2, h3, h4, h5, h6, caption { break-after: avoid; }
  tr, figure.chart { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; }
}
)";

}  // namespace html
