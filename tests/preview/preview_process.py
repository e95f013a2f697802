"""Starts `fuel preview` for the preview tests and waits, by reading its
output, until it serves (no sleeps): the line naming its URL is printed once
the first build is done and the server listens."""
import os
import re
import signal
import subprocess
import threading

START_TIMEOUT_SECONDS = 120  # the first build of a round takes a few seconds; this only ends a hung one


class Preview:
    def __init__(self, fuel, data, templates, extra=(), cwd=None, env=None):
        self.process = subprocess.Popen(
            [fuel, "preview", "--data", data, "--templates", templates, "--port", "0", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd, env=env)
        self.stderr = []
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        self.url = None
        timer = threading.Timer(START_TIMEOUT_SECONDS, self.process.kill)
        timer.start()
        try:
            for line in self.process.stdout:
                match = re.search(r"(http://[^ ]+/)", line)
                if match:
                    self.url = match.group(1)
                    break
        finally:
            timer.cancel()
        if not self.url:
            self.process.wait()
            raise RuntimeError("fuel preview did not start: " + "".join(self.stderr))
        self.port = int(re.search(r":(\d+)/$", self.url).group(1))

    def _drain_stderr(self):
        for line in self.process.stderr:
            self.stderr.append(line)

    def stop(self):
        """SIGINT, as Ctrl-C; returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            status = self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            status = self.process.wait()
        self.process.stdout.close()
        return status
