#!/usr/bin/env python3
"""Takes the README's picture of fuel preview (docs/preview.png) in headless
Chromium at a laptop's 1440 x 900: the 2025 round's decision document, with
one warning-free build and the values panel filled.

Not a test; run it by hand after changing the page:
  tests/preview/screenshot.py build/fuel docs/preview.png"""
import base64
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "html"))
from a11y_check import Browser  # noqa: E402
from preview_process import Preview  # noqa: E402

SOURCE = os.path.dirname(os.path.dirname(HERE))
WAIT = r"""new Promise(resolve => {
  const done = () => document.querySelector('#values table') && document.querySelector('#pages canvas');
  if (done()) resolve(true);
  window.addEventListener('preview-shown', () => { if (done()) resolve(true); });
})"""


def main(fuel, out, dataset="lum-mul-2025", document="tjansteutlatande"):
    preview = Preview(fuel, os.path.join("fixtures", dataset), "templates", cwd=SOURCE)
    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(profile)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            browser.send("Page.enable", session=session)
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": 1440, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
            browser.send("Page.navigate", {"url": preview.url + "#doc=" + document}, session)
            browser.wait_for("Page.loadEventFired", session)
            browser.send("Runtime.evaluate", {"expression": WAIT, "awaitPromise": True}, session)
            shot = browser.send("Page.captureScreenshot", {"format": "png"}, session)
            with open(out, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
        finally:
            browser.close()
            preview.stop()


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), *sys.argv[3:])
