// Prints the tagged structure of a PDF as pdf.js (Firefox's PDF reader)
// reads it, page by page (getStructTree()), as an indented outline: one
// line per element (its role), per link annotation ("annotation", other
// objects "object") and per
// marked-content sequence (its text in quotes), so that a test can check
// what a screen reader in Firefox meets.
//
//     node tests/pdf/struct_tree.mjs file.pdf [first-page [last-page]]
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pdfjs = await import(join(root, "node_modules/pdfjs-dist/legacy/build/pdf.mjs"));

const [file, first = "1", last] = process.argv.slice(2);
const data = new Uint8Array(readFileSync(file));
const doc = await pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
const to = Math.min(Number(last ?? doc.numPages), doc.numPages);
const pages = [];
for (let n = Number(first); n <= to; ++n) {
  const page = await doc.getPage(n);
  const tree = await page.getStructTree();
  const text = await page.getTextContent({ includeMarkedContent: true });
  // The text of each marked-content id, so the tree can be read as text.
  const content = {};
  let open = [];
  for (const item of text.items) {
    if (item.type === "beginMarkedContentProps") open.push(item.id);
    else if (item.type === "beginMarkedContent") open.push(null);
    else if (item.type === "endMarkedContent") open.pop();
    else if (open.length && open[open.length - 1]) {
      const id = open[open.length - 1];
      content[id] = (content[id] ?? "") + item.str;
    }
  }
  // A link annotation is an annotation kid (pdf.js says "object" when the
  // element has other kids too, as a Link holding its text does).
  const links = new Set((await page.getAnnotations()).filter((a) => a.subtype === "Link").map((a) => a.id));
  const lines = [`page ${n}`];
  const walk = (node, depth) => {
    const pad = " ".repeat(depth);
    if (node.type === "content") lines.push(`${pad}"${content[node.id] ?? ""}"`);
    else if (node.type === "annotation" || node.type === "object")
      lines.push(`${pad}${links.has(node.id) ? "annotation" : "object"}`);
    else if (node.role !== undefined) {
      lines.push(`${pad}${node.role}`);
      for (const child of node.children ?? []) walk(child, depth + 1);
    }
  };
  if (tree) for (const child of tree.children ?? []) walk(child, 0);
  pages.push(lines.join("\n"));
}
process.stdout.write(pages.join("\n") + "\n");
