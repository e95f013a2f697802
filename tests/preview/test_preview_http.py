#!/usr/bin/env python3
"""fuel preview is safe to leave running: it serves its own page and the
documents of its scratch folder and nothing else, answers only GET and HEAD,
listens on 127.0.0.1 only, refuses to start when its port is taken, and
removes its scratch folder when stopped.

Usage: test_preview_http.py FUEL SOURCE_DIR"""
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import unittest

from preview_process import Preview

FUEL, SOURCE = sys.argv[1], sys.argv[2]
DATASET = os.path.join(SOURCE, "fixtures", "fuelstockholm-2005")
TEMPLATES = os.path.join(SOURCE, "templates")


def raw_request(port, request_line, host=None):
    """Sends one request line exactly as written (no client normalises the
    path) and returns the status code."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall((request_line + "\r\nHost: " + (host or "127.0.0.1:%d" % port) +
                   "\r\nConnection: close\r\n\r\n").encode())
        reply = b""
        while b"\r\n" not in reply:
            chunk = s.recv(4096)
            if not chunk:
                break
            reply += chunk
    return int(reply.split(b" ", 2)[1])


class PreviewServer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.preview = Preview(FUEL, DATASET, TEMPLATES)
        cls.port = cls.preview.port

    @classmethod
    def tearDownClass(cls):
        cls.preview.stop()

    def get(self, path, method="GET"):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request(method, path)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response, body

    def test_listens_on_loopback_only(self):
        self.assertTrue(self.preview.url.startswith("http://127.0.0.1:"))
        # The listening socket, as the kernel reports it (ss(8) reads the
        # same table): bound to 127.0.0.1, not to every address.
        listening = []
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            with open(table) as f:
                for row in f.readlines()[1:]:
                    local, state = row.split()[1], row.split()[3]
                    address, port = local.split(":")
                    if state == "0A" and int(port, 16) == self.port:
                        listening.append(address)
        self.assertEqual(listening, ["0100007F"])  # 127.0.0.1, little-endian

    def test_serves_its_page_state_and_documents(self):
        response, body = self.get("/")
        self.assertEqual(response.status, 200)
        self.assertIn(b"<h1>", body)
        response, body = self.get("/state.json")
        self.assertEqual(response.status, 200)
        names = re.findall(rb'"name": "([^"]+)"', body)
        self.assertTrue(names)
        response, body = self.get("/files/" + names[0].decode() + ".pdf")
        self.assertEqual(response.status, 200)
        self.assertTrue(body.startswith(b"%PDF-"))
        self.assertEqual(response.getheader("Content-Type"), "application/pdf")
        response, body = self.get("/values/tjansteutlatande.json")
        self.assertEqual(response.status, 200)
        values = json.loads(body)
        used = [v for v in values if v["uses"]]
        self.assertTrue(used)
        self.assertTrue(all(u["file"].endswith("tjansteutlatande.md") and u["line"] > 0 for v in used for u in v["uses"]))
        self.assertEqual(self.get("/values/nothing.json")[0].status, 404)
        response, body = self.get("/pdfjs/pdf.js")
        self.assertEqual(response.status, 200)
        response, body = self.get("/files/" + names[0].decode() + ".pdf", "HEAD")
        self.assertEqual(response.status, 200)
        self.assertEqual(body, b"")

    def test_anything_else_is_not_found(self):
        for path in ["/etc/passwd", "/files/../../../../etc/passwd", "/files/%2e%2e/%2e%2e/etc/passwd",
                     "/files/%2E%2E%2Fstate.pdf", "/files/..%2f..%2fetc%2fpasswd.pdf", "/%2e%2e/%2e%2e/etc/passwd",
                     "/files//etc/passwd.pdf", "/files/\\..\\x.pdf", "/files/account.txt", "/files/nothing.pdf",
                     "/files/tjansteutlatande.html", "/pdfjs/../pdf.js", "/pdfjs/viewer.html", "/preview.js/..",
                     "//etc/passwd", "http://127.0.0.1/etc/passwd", "/usr/share/javascript/pdf/build/pdf.js",
                     "/.fuel-build", "/out/", "/files/", "/values/../state.json", "/values/%2e%2e.json"]:
            with self.subTest(path=path):
                self.assertEqual(raw_request(self.port, "GET " + path + " HTTP/1.1"), 404)

    def test_only_get_and_head(self):
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"]:
            with self.subTest(method=method):
                response, _ = self.get("/", method)
                self.assertEqual(response.status, 405)
                self.assertEqual(response.getheader("Allow"), "GET, HEAD")

    def test_another_host_name_is_not_answered(self):
        # A page elsewhere reaching 127.0.0.1 through a name of its own
        # (DNS rebinding) is turned away.
        self.assertEqual(raw_request(self.port, "GET / HTTP/1.1", host="evil.example:%d" % self.port), 404)
        self.assertEqual(raw_request(self.port, "GET / HTTP/1.1", host="localhost:%d" % self.port), 200)

    def test_a_taken_port_is_refused_clearly(self):
        result = subprocess.run([FUEL, "preview", "--data", DATASET, "--templates", TEMPLATES,
                                 "--port", str(self.port)], capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 2)
        self.assertIn("port %d on 127.0.0.1 is taken by another program" % self.port, result.stderr)


class PreviewLifetime(unittest.TestCase):
    def test_usage_errors(self):
        for args, message in [([], "needs --data"), (["--data", TEMPLATES], "is not a dataset folder"),
                              (["--data", DATASET, "--port", "70000"], "--port takes a number"),
                              (["--data", DATASET, "--bind", "0.0.0.0"], "unknown option --bind"),
                              (["--data", DATASET, "--lang", "fi"], "--lang takes sv or en, not 'fi'"),
                              (["--data", DATASET, "--templates", os.path.dirname(DATASET)],
                               "has no folder ansokan-fond, the template the dataset names in <template>"),
                              (["--lang", "sv", "--data", DATASET, "--port", "x"],
                               "--port tar ett tal från 0 till 65535, inte x")]:
            with self.subTest(args=args):
                result = subprocess.run([FUEL, "preview", *args], capture_output=True, text=True, timeout=60)
                self.assertEqual(result.returncode, 2)
                self.assertIn(message, result.stderr)

    def test_scratch_folder_removed_on_stop(self):
        with tempfile.TemporaryDirectory() as tmp:
            preview = Preview(FUEL, DATASET, TEMPLATES, env=dict(os.environ, TMPDIR=tmp))
            made = os.listdir(tmp)
            self.assertEqual(len(made), 1)
            self.assertTrue(made[0].startswith("fuel-preview-"))
            self.assertTrue(os.listdir(os.path.join(tmp, made[0], "out")))  # the build went there
            self.assertEqual(preview.stop(), 0)
            self.assertEqual(os.listdir(tmp), [])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
