#!/usr/bin/env python3
"""axe-core over HTML files in one headless Chromium.

axe-core (Deque's accessibility engine, the field's standard, from npm by
package.json; never used at build or run time) is injected into each page
and run with the rules tagged WCAG 2.0/2.1 A and AA and best practice. One
browser serves every page (a11y_check.Browser: DevTools on a pipe, no
network), so the cost is one Chromium start, not one per page.

Also, per page, SC 1.4.10 (reflow), which axe does not test: at a 320 CSS px
wide window the page does not scroll sideways; a table wider than that
scrolls inside its own box.

Usage: axe_check.py --axe node_modules/axe-core/axe.min.js --profile DIR PAGE.html...
Prints one line per page ("PASS page: n rules passed" or "FAIL page: rule
(impact) target: summary" per violation) and exits 0 when every page passed,
1 when some failed, 2 when the browser failed.
"""
import argparse
import json
import pathlib
import signal
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from a11y_check import Browser  # noqa: E402

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SECONDS_PER_PAGE = 60  # a page of ours is checked in about a second; this only ends a hung browser

RUN_AXE = """axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
  .then(r => ({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
     nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))})),
     passes: r.passes.length}))""" % json.dumps(TAGS)

# SC 1.4.10: nothing makes the page wider than the window; each table wider
# than the window sits in an ancestor that scrolls it (overflow-x auto/scroll).
REFLOW = """(() => {
  const problems = [];
  const root = document.scrollingElement || document.documentElement;
  if (root.scrollWidth > window.innerWidth + 1)
    problems.push('the page is ' + root.scrollWidth + ' px wide at a ' + window.innerWidth + ' px window');
  for (const table of document.querySelectorAll('table')) {
    if (table.getBoundingClientRect().width <= window.innerWidth) continue;
    let box = table.parentElement;
    while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
    if (!box || box === document.body || box === document.documentElement)
      problems.push('a table ' + Math.round(table.getBoundingClientRect().width) + ' px wide has no box of its own to scroll in');
  }
  return problems;
})()"""


def check_page(browser, session, page, axe_source):
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": 1000, "height": 1400, "deviceScaleFactor": 1, "mobile": False}, session)
    browser.send("Page.navigate", {"url": pathlib.Path(page).resolve().as_uri()}, session)
    browser.wait_for("Page.loadEventFired", session)
    browser.send("Runtime.evaluate", {"expression": axe_source}, session)
    result = browser.send("Runtime.evaluate", {"expression": RUN_AXE, "awaitPromise": True, "returnByValue": True},
                          session)
    if "exceptionDetails" in result:
        raise RuntimeError("axe failed on %s: %s" % (page, json.dumps(result["exceptionDetails"])[:400]))
    report = result["result"]["value"]
    problems = ["%s (%s) %s: %s" % (v["id"], v["impact"], n["target"], " ".join(n["summary"].split()))
                for v in report["violations"] for n in v["nodes"]]
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": False}, session)
    reflow = browser.send("Runtime.evaluate", {"expression": REFLOW, "returnByValue": True}, session)
    problems += ["reflow (SC 1.4.10): " + p for p in reflow["result"]["value"]]
    return report["passes"], problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--axe", required=True, help="axe.min.js of the axe-core npm package")
    parser.add_argument("--profile", required=True, help="a fresh folder for Chromium's profile")
    args = parser.parse_args()
    axe_source = pathlib.Path(args.axe).read_text(encoding="utf-8")

    def give_up(signum, frame):
        raise TimeoutError("no answer from chromium in time")
    signal.signal(signal.SIGALRM, give_up)
    browser = Browser(args.profile)
    failed = False
    try:
        signal.alarm(SECONDS_PER_PAGE)
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.send("Page.enable", session=session)
        for page in args.pages:
            signal.alarm(SECONDS_PER_PAGE)
            passes, problems = check_page(browser, session, page, axe_source)
            if problems:
                failed = True
                for p in problems:
                    print("FAIL %s: %s" % (page, p))
            else:
                print("PASS %s: %d rules passed" % (page, passes))
        signal.alarm(0)
    except (RuntimeError, OSError, KeyError) as e:  # TimeoutError is an OSError
        print("ERROR", e)
        return 2
    finally:
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
