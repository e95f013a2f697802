#!/usr/bin/env python3
"""fuel preview in a real browser (headless Chromium through its DevTools
protocol, as tests/html/a11y_check.py drives it): a saved template shows in
the open page without a reload, at the same scroll position; a broken
template shows its error with the file, the line and that line quoted,
above the last good pages.

Every wait is for an event: the page fires "preview-shown" after each
update, and the test's promise resolves on the one it waits for. The
timeout only ends a hung browser.

Usage: test_preview_browser.py FUEL SOURCE_DIR"""
import json
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "html"))
from a11y_check import Browser  # noqa: E402
from preview_process import Preview  # noqa: E402

FUEL, SOURCE = sys.argv[1], sys.argv[2]
DATASET = os.path.join(SOURCE, "fixtures", "fuelstockholm-2005")
WAIT_MS = 60000

# Resolves when the shown pages' text (pdf.js's reading of the PDF) has the
# sentence, or the errors banner has the text; checked now and after every
# update of the page.
WAIT_FOR = r"""(what, where) => new Promise((resolve, reject) => {
  const text = () => where === 'pages'
    ? [...document.querySelectorAll('.page-text')].map(e => e.textContent).join(' ').replace(/\s+/g, ' ')
    : document.getElementById('errors').textContent;
  const check = () => { if (text().includes(what)) { window.removeEventListener('preview-shown', check); resolve(true); } };
  window.addEventListener('preview-shown', check);
  setTimeout(() => reject(new Error('not shown: ' + what + ' in ' + text().slice(0, 400))), %d);
  check();
})""" % WAIT_MS


class PreviewInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="fuel-preview-test-")
        cls.templates = os.path.join(cls.work, "templates")
        shutil.copytree(os.path.join(SOURCE, "templates"), cls.templates)
        cls.template = os.path.join(cls.templates, "ansokan-fond", "tjansteutlatande.md")
        with open(cls.template, encoding="utf-8") as f:
            cls.original = f.read()
        cls.preview = Preview(FUEL, DATASET, cls.templates)
        cls.browser = Browser(os.path.join(cls.work, "profile"))
        target = cls.browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        cls.session = cls.browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        cls.browser.send("Page.enable", session=cls.session)
        cls.browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": 1440, "height": 900, "deviceScaleFactor": 1, "mobile": False}, cls.session)
        cls.browser.send("Page.navigate", {"url": cls.preview.url + "#doc=tjansteutlatande"}, cls.session)
        cls.browser.wait_for("Page.loadEventFired", cls.session)

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.preview.stop()
        shutil.rmtree(cls.work, ignore_errors=True)

    def setUp(self):
        self.save(self.original)
        self.wait_for("Förvaltningen föreslår", "pages")

    def evaluate(self, expression, await_promise=False):
        reply = self.browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                       "awaitPromise": await_promise}, self.session)
        if "exceptionDetails" in reply:
            self.fail(reply["exceptionDetails"].get("exception", {}).get("description", str(reply)))
        return reply["result"].get("value")

    def wait_for(self, what, where):
        return self.evaluate("(%s)(%s, %s)" % (WAIT_FOR, json.dumps(what), json.dumps(where)), True)

    def save(self, text):
        # As an editor saves: a new file renamed into place.
        with open(self.template + ".new", "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(self.template + ".new", self.template)

    def test_a_saved_sentence_shows_without_reload_in_place(self):
        self.evaluate("window.notReloaded = true; document.getElementById('pages').scrollTop = 300")
        top = self.evaluate("document.getElementById('pages').scrollTop")
        self.assertGreater(top, 0)
        self.save(self.original.replace("\n## Bilagor", "\nDetta är ett zebraprov.\n\n## Bilagor", 1))
        self.assertTrue(self.wait_for("Detta är ett zebraprov.", "pages"))
        self.assertTrue(self.evaluate("window.notReloaded === true"))
        self.assertEqual(self.evaluate("document.getElementById('pages').scrollTop"), top)
        self.assertEqual(self.evaluate("location.hash"), "#doc=tjansteutlatande")

    def test_the_values_panel_names_values_and_lines(self):
        # application.project_name: its value in the fixture, and the line of
        # the template that uses it.
        line = self.original[:self.original.index("{{application.project_name}}")].count("\n") + 1
        row = self.evaluate("""new Promise(resolve => {
          const find = () => [...document.querySelectorAll('#values tbody tr')]
            .find(r => r.querySelector('th').textContent === 'application.project_name');
          const done = () => { const r = find(); if (r) resolve([...r.cells].map(c => c.textContent)); };
          window.addEventListener('preview-shown', done);
          done();
        })""", True)
        self.assertEqual(row[0], "application.project_name")
        self.assertNotEqual(row[1], "")
        self.assertIn(str(line), row[2].split(", "))

    def test_a_broken_template_shows_its_error_and_line(self):
        broken = self.original.replace("\n## Bilagor", "\n{{#oavslutad}}\n## Bilagor", 1)
        line = broken[:broken.index("{{#oavslutad}}")].count("\n") + 1
        self.save(broken)
        self.assertTrue(self.wait_for("tjansteutlatande.md:%d" % line, "errors"))
        self.assertTrue(self.wait_for("{{#oavslutad}}", "errors"))  # the line, quoted
        # The last good pages stay.
        self.assertGreater(self.evaluate("document.querySelectorAll('#pages canvas').length"), 0)
        self.assertTrue(self.evaluate("document.getElementById('errors').hidden === false"))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
