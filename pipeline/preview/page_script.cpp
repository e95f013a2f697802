// The preview page's script and style sheet. The script draws the PDF pages
// with pdf.js (Debian's libjs-pdf, served from its fixed place): the pages
// the case officer sees are the PDF's own, laid out by fuel, with no
// process started per page (pdftoppm would be one per page and build) and
// nothing drawn twice by fuel. It listens to the server's event stream
// (Server-Sent Events) and, when a build finishes, fetches the state and
// draws again only a document whose file changed, keeping the document
// chosen (in the URL's fragment) and the scroll position.
#include "preview/page.hpp"

namespace preview {

const std::string& page_script() {
    static const std::string script = R"JS('use strict';
const texts = JSON.parse(document.getElementById('texts').textContent);
function t(id, ...values) {
  return (texts[id] || id).replace(/\{(\d+)\}/g, (all, n) => (n - 1 < values.length ? String(values[n - 1]) : all));
}
pdfjsLib.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.js';

const pagesBox = document.getElementById('pages');
const scrollOf = new Map();  // document name -> scroll position, kept across switches
let state = null;
let shown = { name: null, version: null };
let queue = Promise.resolve();

function element(tag, props = {}, children = []) {
  const e = Object.assign(document.createElement(tag), props);
  for (const c of children) e.append(c);
  return e;
}

function chosenName() {
  const m = location.hash.match(/^#doc=([A-Za-z0-9_-]+)$/);
  const names = state ? state.documents.map(d => d.name) : [];
  if (m && names.includes(m[1])) return m[1];
  return names.length ? names[0] : null;
}

function showDocuments() {
  const list = document.getElementById('documents');
  const current = chosenName();
  list.replaceChildren(...state.documents.map(d => {
    const link = element('a', { href: '#doc=' + d.name }, [
      element('span', { className: 'name', textContent: d.name }),
      element('span', { className: 'count', textContent: d.pages === 1 ? t('1 page') : t('{1} pages', d.pages) })]);
    if (d.name === current) link.setAttribute('aria-current', 'page');
    return element('li', {}, [link]);
  }));
}

function diagnosticItem(d) {
  const where = d.file + (d.line ? ':' + d.line : '') + (d.line && d.column ? ':' + d.column : '');
  const item = element('li', { className: 'diagnostic ' + d.severity }, [
    element('p', { className: 'where' }, [
      element('span', { className: 'severity', textContent: t(d.severity) }), ' ',
      element('code', { textContent: where })]),
    element('p', { className: 'message', textContent: d.message })]);
  if (d.quoted !== '') {
    item.append(element('pre', { className: 'quoted', title: t('Line {1}', d.line) }, [
      element('span', { className: 'line-number', textContent: String(d.line) }),
      element('code', { textContent: d.quoted })]));
  }
  return item;
}

function showDiagnostics() {
  const errors = state.diagnostics.filter(d => d.severity === 'error');
  const others = state.diagnostics.filter(d => d.severity !== 'error');
  const banner = document.getElementById('errors');
  if (errors.length || state.failure) {
    const lead = state.failure ? t('fuel could not build: {1}', state.failure)
      : state.documents.length ? t('The inputs have errors. The pages shown are from the last good build; fix the errors below and save.')
      : t('Nothing could be built yet. Fix the errors below and save.');
    banner.replaceChildren(element('p', { className: 'lead', textContent: lead }),
      element('ul', {}, errors.map(diagnosticItem)));
    banner.hidden = false;
  } else {
    banner.replaceChildren();
    banner.hidden = true;
  }
  const box = document.getElementById('diagnostics');
  box.replaceChildren(others.length ? element('ul', {}, others.map(diagnosticItem))
    : element('p', { textContent: errors.length ? '' : t('No problems found.') }));
}

// Draws every page of the document into a new box, then swaps it in and
// sets the scroll position back, so that the reader stays where they were.
async function showPages() {
  const name = chosenName();
  const heading = document.getElementById('document-heading');
  if (!name) {
    pagesBox.replaceChildren(element('p', { className: 'empty', textContent: t('No document yet.') }));
    return;
  }
  const doc = state.documents.find(d => d.name === name);
  if (shown.name === name && shown.version === doc.version) return;
  heading.textContent = t('Pages of {1}', name);
  const pdf = await pdfjsLib.getDocument({
    url: '/files/' + encodeURIComponent(name) + '.pdf?v=' + encodeURIComponent(doc.version),
    isEvalSupported: false }).promise;
  // Inside the box's padding, whether or not a scroll bar shows; at most
  // about 1.5 times an A4 page's size in points, for reading.
  const width = Math.max(300, Math.min(900, pagesBox.clientWidth - 48));
  const ratio = window.devicePixelRatio || 1;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
    const canvas = element('canvas', { width: Math.floor(viewport.width * ratio), height: Math.floor(viewport.height * ratio) });
    canvas.style.width = Math.floor(viewport.width) + 'px';
    canvas.style.height = Math.floor(viewport.height) + 'px';
    canvas.setAttribute('aria-hidden', 'true');
    await page.render({ canvasContext: canvas.getContext('2d'), viewport,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null }).promise;
    // The page's text for screen readers (and for finding a sentence).
    const content = await page.getTextContent();
    const text = element('div', { className: 'page-text visually-hidden',
      textContent: content.items.map(i => i.str + (i.hasEOL ? '\n' : '')).join('') });
    pages.push(element('figure', { className: 'page' }, [canvas, text,
      element('figcaption', { textContent: t('Page {1} of {2}', n, pdf.numPages) })]));
  }
  pdf.destroy();
  if (shown.name !== null) scrollOf.set(shown.name, pagesBox.scrollTop);
  const top = shown.name === name ? pagesBox.scrollTop : (scrollOf.get(name) || 0);
  pagesBox.replaceChildren(...pages);
  pagesBox.scrollTop = top;
  shown = { name, version: doc.version };
}

// A dotted name, which may break after each dot and nowhere else.
function nameCode(name) {
  const code = element('code');
  name.split('.').forEach((part, i) => {
    if (i > 0) code.append('.', element('wbr'));
    code.append(part);
  });
  return code;
}

// The values panel: every name the document's template may use, its value
// here and the lines that use it; the names the template uses first.
let valuesShown = '';
async function showValues() {
  const name = chosenName();
  const key = name + '@' + state.generation;
  if (!name || key === valuesShown) return;
  const response = await fetch('/values/' + encodeURIComponent(name) + '.json', { cache: 'no-store' });
  if (!response.ok) return;
  const values = await response.json();
  values.sort((a, b) => (b.uses.length > 0) - (a.uses.length > 0) || a.name.localeCompare(b.name));
  const rows = values.map(v => {
    const lines = v.uses.length
      ? v.uses.map(u => (u.file.split('/').pop() === name + '.md' ? '' : u.file.split('/').pop() + ':') + u.line).join(', ')
      : t('not used in this template');
    return element('tr', { className: v.uses.length ? 'used' : 'unused' }, [
      element('th', { scope: 'row' }, [nameCode(v.name)]),
      element('td', { textContent: v.present ? v.value : t('no value in this dataset') }),
      element('td', { className: 'lines', textContent: lines })]);
  });
  const table = element('table', { className: 'values' }, [
    element('thead', {}, [element('tr', {}, [
      element('th', { scope: 'col', textContent: t('Name') }),
      element('th', { scope: 'col', textContent: t('Value') }),
      element('th', { scope: 'col', textContent: t('Used on lines') })])]),
    element('tbody', {}, rows)]);
  const filter = document.getElementById('values-filter');
  const apply = () => {
    const q = filter.value.trim().toLowerCase();
    for (const row of table.tBodies[0].rows) row.hidden = q !== '' && !row.textContent.toLowerCase().includes(q);
  };
  filter.oninput = apply;
  apply();
  document.getElementById('values').replaceChildren(table);
  valuesShown = key;
}

async function refresh() {
  const response = await fetch('/state.json', { cache: 'no-store' });
  state = await response.json();
  document.getElementById('status').textContent = state.status;
  const note = document.getElementById('archive-note');
  note.textContent = state.archive_note;
  note.hidden = state.archive_note === '';
  showDocuments();
  showDiagnostics();
  await showPages();
  await showValues();
  document.body.dataset.generation = String(state.generation);
  window.dispatchEvent(new CustomEvent('preview-shown', { detail: state.generation }));
}

// One refresh at a time, in order; a failed one does not stop the next.
function later(work) {
  queue = queue.then(work).catch(error => console.error(error));
}

window.addEventListener('hashchange', () => later(async () => {
  if (state) { showDocuments(); await showPages(); await showValues(); }
}));
const events = new EventSource('/events');
events.onmessage = message => {
  if (!state || String(state.generation) !== message.data) later(refresh);
};
events.onerror = () => { document.getElementById('status').textContent = t('The connection to fuel preview was lost; it is tried again.'); };
events.onopen = () => { if (state) document.getElementById('status').textContent = state.status; };
)JS";
    return script;
}

const std::string& page_style() {
    static const std::string style =
        R"CSS(:root { color-scheme: light; --line: #c9ced6; --ink: #1b1f24; --muted: #4a525c; --accent: #0b5cad; }
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { font: 15px/1.45 "Liberation Sans", Arial, sans-serif; color: var(--ink); background: #eef0f3;
  display: grid; grid-template-columns: 15rem minmax(0, 1fr) 27rem; grid-template-rows: auto minmax(0, 1fr);
  grid-template-areas: "head head head" "nav main side"; }
header { grid-area: head; display: flex; flex-wrap: wrap; align-items: baseline; gap: .3rem 1.5rem; padding: .6rem 1.2rem;
  background: #fff; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.25rem; margin: 0; white-space: nowrap; }
h2, h3 { font-size: 1rem; margin: 0 0 .5rem; }
#status { margin: 0; color: var(--muted); }
#archive-note { flex-basis: 100%; margin: 0; padding: .2rem .6rem; background: #fff4d6; border-radius: 4px; font-size: .9em; }
nav { grid-area: nav; overflow: auto; padding: 1rem .8rem; background: #fff; border-right: 1px solid var(--line); }
nav ul { list-style: none; margin: 0; padding: 0; }
nav a { display: block; padding: .45rem .6rem; border-radius: 4px; color: var(--ink); text-decoration: none;
  overflow-wrap: anywhere; }
nav a .count { display: block; font-size: .85em; color: var(--muted); }
nav a:hover { background: #e4ebf5; }
nav a[aria-current="page"] { background: var(--accent); color: #fff; }
nav a[aria-current="page"] .count { color: #fff; }
a:focus-visible, #pages:focus-visible { outline: 3px solid #e08a00; outline-offset: 2px; }
main { grid-area: main; display: flex; flex-direction: column; min-height: 0; }
#pages { flex: 1; overflow-x: auto; overflow-y: scroll; padding: 1.2rem 24px; }
.page { margin: 0 auto 1.2rem; width: fit-content; }
.page canvas { display: block; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, .25); }
.page figcaption { text-align: center; font-size: .85em; color: var(--muted); margin-top: .3rem; }
#errors { margin: 1rem 24px 0; padding: .8rem 1rem; background: #fdecec; border: 2px solid #b3261e; border-radius: 6px;
  max-height: 45%; overflow: auto; }
#errors .lead { margin: 0 0 .5rem; font-weight: bold; }
aside { grid-area: side; overflow: auto; padding: 1rem; background: #fff; border-left: 1px solid var(--line); }
aside section { margin-bottom: 1.5rem; }
ul { padding-left: 0; }
.diagnostic { list-style: none; margin: 0 0 .8rem; padding-left: .6rem; border-left: 4px solid var(--muted); }
.diagnostic.error { border-color: #b3261e; }
.diagnostic.warning { border-color: #8a5a00; }
.diagnostic p { margin: 0; }
.diagnostic .severity { font-weight: bold; text-transform: uppercase; font-size: .8em; }
.diagnostic.error .severity { color: #b3261e; }
.diagnostic.warning .severity { color: #7a4f00; }
.diagnostic code { overflow-wrap: anywhere; }
.quoted { margin: .3rem 0 0; padding: .3rem .5rem; background: #f4f5f7; border-radius: 4px; white-space: pre-wrap;
  overflow-wrap: anywhere; font-size: .9em; }
.quoted .line-number { color: var(--muted); margin-right: .8em; user-select: none; }
.values { width: 100%; border-collapse: collapse; font-size: .9em; table-layout: fixed; }
.values th, .values td { text-align: left; vertical-align: top; padding: .25rem .3rem; border-bottom: 1px solid var(--line);
  overflow-wrap: break-word; }
.values th code { font-size: .92em; }
.values thead th:nth-child(1) { width: 42%; }
.values thead th:nth-child(3) { width: 24%; }
.values td.lines { color: var(--muted); font-size: .9em; }
.values tr.unused th code { color: var(--muted); }
.filter { display: flex; gap: .5rem; align-items: center; margin-bottom: .5rem; }
.filter input { flex: 1; font: inherit; padding: .25rem .4rem; border: 1px solid #6b7480; border-radius: 4px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; z-index: 1; background: #fff; padding: .3rem .6rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.empty { color: var(--muted); }
@media (max-width: 1100px) { body { grid-template-columns: 12rem minmax(0, 1fr) 20rem; } }
)CSS";
    return style;
}

}  // namespace preview
