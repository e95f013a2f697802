#!/usr/bin/env python3
"""Accessibility checks of one HTML file in headless Chromium.

Drives Debian's chromium through its DevTools protocol on a pipe
(--remote-debugging-pipe: no port, no network), with nothing but Python's
standard library. It reads Chromium's own accessibility tree
(Accessibility.getFullAXTree) and the computed styles of the page, and checks
the WCAG 2.1 level A/AA rules that apply to fuel's documents:

  lang       SC 3.1.1  the page has a language (the expected one)
  title      SC 2.4.2  the page has a title
  headings   SC 1.3.1, 2.4.6  headings have text; levels start at 1 and do not skip
  landmarks  SC 1.3.1  the content is in a main landmark
  tables     SC 1.3.1  every table has header cells, every <th> a scope
  links      SC 2.4.4, 4.1.2  every link has a name; every in-page target exists
  images     SC 1.1.1  every image and SVG has a text alternative (or is hidden)
  contrast   SC 1.4.3  text colour on its background: 4.5:1, 3:1 for large text

This is not a full audit: axe_check.py runs axe-core (from npm, pinned by
package-lock.json) over the same pages with every WCAG A/AA and
best-practice rule, and checks reflow at 320 px. These checks stay for what
they read that axe does not: Chromium's own accessibility tree (a table
with header cells there), and every <th> with a scope.

Usage: a11y_check.py PAGE.html --profile DIR [--screenshot OUT.png] [--lang sv]
Prints one line per check ("PASS id: n checked" or "FAIL id: ...") and exits
0 when every check passed, 1 when some failed, 2 when the browser failed.
"""
import argparse
import base64
import json
import os
import pathlib
import signal
import subprocess
import sys

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--remote-debugging-pipe",
]
TIMEOUT_SECONDS = 60  # a page of ours loads in well under a second; this only ends a hung browser


class Browser:
    """Chromium with the DevTools protocol on file descriptors 3 (in) and 4 (out)."""

    def __init__(self, profile):
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def wire_pipes():
            # Copies first: a pipe end may itself be 3 or 4, and dup2 onto
            # itself would keep its close-on-exec flag.
            read_end, write_end = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            ["chromium", *CHROMIUM_FLAGS, "--user-data-dir=" + profile, "about:blank"],
            preexec_fn=wire_pipes, close_fds=False,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def _read_message(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 65536)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read_message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(method + ": " + json.dumps(reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, session):
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    return self.events.pop(i)
            self.events.append(self._read_message())

    def close(self):
        try:
            self.send("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# What the accessibility tree cannot say: the language attribute, in-page
# link targets, <th> scopes, and every text's colour on its background.
PAGE_FACTS = r"""(() => {
  const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const parse = c => { const m = c.match(/rgba?\(([^)]*)\)/); if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let rgb = [255, 255, 255];  // the canvas under everything
    for (const [r, g, b, a] of layers.reverse()) rgb = [r * a + rgb[0] * (1 - a), g * a + rgb[1] * (1 - a), b * a + rgb[2] * (1 - a)];
    return rgb; };
  const texts = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== '');
    if (!own || !visible(el)) continue;
    const s = getComputedStyle(el);
    texts.push({ tag: el.tagName.toLowerCase(), text: el.textContent.trim().slice(0, 40), color: parse(s.color),
                 background: background(el), size: parseFloat(s.fontSize), weight: parseInt(s.fontWeight, 10) });
  }
  const links = [...document.querySelectorAll('a[href^="#"]')].map(a => ({ href: a.getAttribute('href'),
    exists: !!document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))) }));
  const tables = [...document.querySelectorAll('table')].map(t => ({
    headers: t.querySelectorAll('th').length,
    unscoped: [...t.querySelectorAll('th')].filter(th => !['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope'))).map(th => th.textContent.trim()) }));
  const graphics = [...document.querySelectorAll('img, svg, [role=img]')].filter(e => !e.closest('[aria-hidden=true]')).length;
  return { lang: document.documentElement.getAttribute('lang') || '', texts, links, tables, graphics };
})()"""


def ax_value(node, key):
    return (node.get(key) or {}).get("value")


def ax_property(node, name):
    for p in node.get("properties", []):
        if p.get("name") == name:
            return (p.get("value") or {}).get("value")
    return None


def load_page(page, profile, screenshot):
    browser = Browser(profile)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.send("Page.enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1000, "height": 1400, "deviceScaleFactor": 1, "mobile": False}, session)
        browser.send("Page.navigate", {"url": pathlib.Path(page).resolve().as_uri()}, session)
        browser.wait_for("Page.loadEventFired", session)
        browser.send("Accessibility.enable", session=session)
        nodes = browser.send("Accessibility.getFullAXTree", session=session)["nodes"]
        facts = browser.send("Runtime.evaluate", {"expression": PAGE_FACTS, "returnByValue": True},
                             session)["result"]["value"]
        if screenshot:
            shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False}, session)
            pathlib.Path(screenshot).write_bytes(base64.b64decode(shot["data"]))
        signal.alarm(0)
        return nodes, facts
    finally:
        browser.close()


# WCAG 2.1, definitions of relative luminance and contrast ratio.
def luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground, background):
    a = foreground[3] if len(foreground) > 3 else 1
    blended = [foreground[i] * a + background[i] * (1 - a) for i in range(3)]
    lighter, darker = sorted((luminance(blended), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def large_text(text):
    # WCAG 2.1 "large scale": at least 18 pt (24 px), or 14 pt (18.66 px) bold.
    return text["size"] >= 24 or (text["size"] >= 18.66 and text["weight"] >= 700)


def check_all(nodes, facts, expected_lang):
    live = [n for n in nodes if not n.get("ignored")]
    roles = lambda *names: [n for n in live if ax_value(n, "role") in names]
    results = []

    lang = facts["lang"]
    results.append(("lang", 1, [] if lang and lang.split("-")[0].lower() == expected_lang
                    else ["lang is %r, expected %r" % (lang, expected_lang)]))

    root = roles("RootWebArea")
    title = ax_value(root[0], "name") if root else ""
    results.append(("title", 1, [] if title and title.strip() else ["the page has no title"]))

    headings, problems, previous = roles("heading"), [], 0
    for h in headings:
        level, name = ax_property(h, "level") or 0, (ax_value(h, "name") or "").strip()
        if not name:
            problems.append("an empty heading of level %d" % level)
        if level > previous + 1:
            problems.append("level %d after level %d: %r" % (level, previous, name[:40]))
        previous = level
    results.append(("headings", len(headings), problems))

    results.append(("landmarks", 1, [] if roles("main") else ["no main landmark"]))

    problems = []
    by_id = {n["nodeId"]: n for n in nodes}
    def descendants(node):
        for child in node.get("childIds", []):
            if child in by_id:
                yield by_id[child]
                yield from descendants(by_id[child])
    ax_tables = roles("table")
    for i, table in enumerate(ax_tables):
        if not any(ax_value(d, "role") in ("columnheader", "rowheader") for d in descendants(table)):
            problems.append("table %d has no header cells in the accessibility tree" % (i + 1))
    for i, table in enumerate(facts["tables"]):
        if table["headers"] == 0:
            problems.append("table %d has no <th>" % (i + 1))
        problems += ["table %d: <th> %r has no scope" % (i + 1, t) for t in table["unscoped"]]
    results.append(("tables", len(facts["tables"]), problems))

    links = roles("link")
    problems = ["a link without a name" for n in links if not (ax_value(n, "name") or "").strip()]
    problems += ["link %s points to no element" % l["href"] for l in facts["links"] if not l["exists"]]
    results.append(("links", len(links), problems))

    images = roles("image", "img")
    problems = ["an image without a text alternative" for n in images if not (ax_value(n, "name") or "").strip()]
    if facts["graphics"] > len(images):
        problems.append("%d images or SVGs are not in the accessibility tree as images"
                        % (facts["graphics"] - len(images)))
    results.append(("images", facts["graphics"], problems))

    problems = []
    for text in facts["texts"]:
        ratio, needed = contrast(text["color"], text["background"]), 3.0 if large_text(text) else 4.5
        if ratio < needed:
            problems.append("%.2f:1 < %.1f:1 for <%s> %r" % (ratio, needed, text["tag"], text["text"]))
    results.append(("contrast", len(facts["texts"]), problems))
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("page")
    parser.add_argument("--profile", required=True, help="a fresh folder for Chromium's profile")
    parser.add_argument("--screenshot")
    parser.add_argument("--lang", default="sv")
    args = parser.parse_args()

    def give_up(signum, frame):
        raise TimeoutError("no answer from chromium in %d s" % TIMEOUT_SECONDS)
    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(TIMEOUT_SECONDS)
    try:
        nodes, facts = load_page(args.page, args.profile, args.screenshot)
    except (RuntimeError, OSError, KeyError) as e:  # TimeoutError is an OSError
        print("ERROR", e)
        return 2
    failed = False
    for check, count, problems in check_all(nodes, facts, args.lang):
        if problems:
            failed = True
            print("FAIL %s: %s" % (check, "; ".join(problems)))
        else:
            print("PASS %s: %d checked" % (check, count))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
