#!/usr/bin/env python3
"""fuel preview's latency: from saving a one-sentence change to the decision
document's template to its new PDF being served.

Starts `fuel preview` on copies of fixtures/lum-mul-2025 and templates/ (the
first build is not timed), then, several times: changes one sentence of
templates/beslut-lum-mul/tjansteutlatande.md (written to a new file and
renamed into place, as editors save), waits on the page's event stream for
the build, reads /state.json and downloads the changed PDF. Prints each
edit's time, the median, and the server's own build time.

Not a test; run it by hand (goal: median under 150 ms):
  bench/preview_latency.py [--fuel build/fuel] [--edits 9]"""
import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "preview"))
from preview_process import Preview  # noqa: E402

SOURCE = os.path.dirname(HERE)
# The server's status line is read below in English ("Built ... in N ms").
os.environ["LANGUAGE"] = "en"
SENTENCE = "2. Ärendet överlämnas till stadsdelsnämnderna för kännedom."


def state(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/state.json")
    body = json.loads(connection.getresponse().read())
    connection.close()
    return body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fuel", default=os.path.join(SOURCE, "build", "fuel"))
    parser.add_argument("--edits", type=int, default=9)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="fuel-preview-bench-")
    preview = None
    try:
        data = os.path.join(work, "lum-mul-2025")
        templates = os.path.join(work, "templates")
        shutil.copytree(os.path.join(SOURCE, "fixtures", "lum-mul-2025"), data)
        shutil.copytree(os.path.join(SOURCE, "templates"), templates)
        template = os.path.join(templates, "beslut-lum-mul", "tjansteutlatande.md")
        original = open(template, encoding="utf-8").read()
        assert SENTENCE in original
        preview = Preview(args.fuel, data, templates)
        events = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=60)
        events.request("GET", "/events")
        stream = events.getresponse()

        def next_generation():
            while True:
                line = stream.fp.readline().decode()
                if line.startswith("data: "):
                    return int(line[6:])

        generation = next_generation()  # the current one, sent at once
        first = state(preview.port)
        print("first build: %s (%d documents)" % (first["status"], len(first["documents"])))
        timings, builds = [], []
        for n in range(args.edits):
            before = {d["name"]: d["version"] for d in state(preview.port)["documents"]}
            text = original.replace(SENTENCE, SENTENCE[:-1] + " (ändring %d)." % (n + 1))
            started = time.perf_counter()
            with open(template + ".new", "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(template + ".new", template)
            # Until a build has made the document again (a build may have
            # started on an earlier event of the same save).
            while True:
                generation = next_generation()
                now = state(preview.port)
                changed = [d for d in now["documents"] if d["version"] != before.get(d["name"])]
                if changed:
                    break
            connection = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=60)
            connection.request("GET", "/files/tjansteutlatande.pdf")
            pdf = connection.getresponse().read()
            connection.close()
            elapsed = (time.perf_counter() - started) * 1000
            assert pdf.startswith(b"%PDF-") and [d["name"] for d in changed] == ["tjansteutlatande"], changed
            build = float(re.search(r" in (\d+) ms", now["status"]).group(1))
            timings.append(elapsed)
            builds.append(build)
            print("edit %d: %.0f ms from save to PDF served (build %.0f ms; %s)" % (n + 1, elapsed, build,
                                                                                   now["status"]))
        print("median of %d edits: %.0f ms from save to PDF served; build alone %.0f ms"
              % (args.edits, statistics.median(timings), statistics.median(builds)))
        events.close()
    finally:
        if preview:
            preview.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
