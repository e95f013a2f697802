// Compiles a .typ file to PDF with Typst 0.14, the engine inside the npm
// package @myriaddreamin/typst-ts-node-compiler 0.7.0 (installed here by
// setup.sh; npm has no other build of Typst 0.14 that runs offline).
// usage: node typst14.js in.typ out.pdf
// FONT_DIR: where Liberation Sans is (default: Debian's fonts-liberation2).
const path = require('path');
const fs = require('fs');
const { NodeCompiler } = require(path.join(__dirname, 'node_modules/@myriaddreamin/typst-ts-node-compiler'));

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node typst14.js in.typ out.pdf');
  process.exit(2);
}
const fontDir = process.env.FONT_DIR || '/usr/share/fonts/truetype/liberation2';
const compiler = NodeCompiler.create({
  workspace: path.dirname(path.resolve(input)),
  fontArgs: [{ fontPaths: [fontDir] }],
});
const res = compiler.compile({ mainFilePath: path.resolve(input) });
const doc = res.result;
if (!doc) {
  const err = res.takeError ? res.takeError() : null;
  console.error('typst compile failed', err ? compiler.fetchDiagnostics(err) : res.takeDiagnostics());
  process.exit(1);
}
// A fixed creation time, as fuel's builds are reproducible too.
fs.writeFileSync(output, compiler.pdf(doc, { creationTimestamp: 0 }));
