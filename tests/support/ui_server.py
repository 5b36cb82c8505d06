"""The real web UI (`python -m tactful ui`) in a subprocess, for the API and browser tests.

The server runs offline: the OpenAI variables are removed and ``TACTFUL_BACKEND=composer``, so every
draft comes from the embedded composer. Test modules use the session-scoped ``ui_url`` fixture
(``support.fixtures``), one server shared by all of them, or start a ``UIServer`` of their own.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

HOST = "127.0.0.1"
START_TIMEOUT = 60.0
"""Seconds the server may take to answer its first request."""
STOP_TIMEOUT = 10.0
"""Seconds the server may take to exit after SIGTERM before it is killed."""


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


REMOVED_VARIABLES = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "TACTFUL_API_KEY", "TACTFUL_BASE_URL", "TACTFUL_UI_AUTH")
"""No LLM server and no basic auth, whatever the developer's shell has set."""


def offline_env(temp_dir: Path) -> dict[str, str]:
    """The environment of the server: no LLM configured, the composer writes the drafts, and every
    temporary file (the downloads, Gradio's cache, the history database) lands in ``temp_dir``."""
    env = {k: v for k, v in os.environ.items() if k not in REMOVED_VARIABLES}
    env.update(TACTFUL_BACKEND="composer", GRADIO_ANALYTICS_ENABLED="False", TMPDIR=str(temp_dir),
               TACTFUL_DATABASE_URL=f"sqlite:///{temp_dir / 'history.db'}")
    return env


class UIServer:
    """`tactful ui` on a free loopback port, with a private temporary folder that holds its log."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        """Start the server; ``env`` adds to (or overrides) the offline environment, e.g. an LLM server or
        a history database that outlives the process."""
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}/"
        self._temp = tempfile.TemporaryDirectory(prefix="tactful-ui-")
        temp_dir = Path(self._temp.name)
        self._log_path = temp_dir / "server.log"
        self._log: IO[bytes] = self._log_path.open("wb")
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tactful", "ui", "--port", str(self.port)],
            env={**offline_env(temp_dir), **(env or {})},
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=Path(__file__).resolve().parents[2],
        )

    def log(self) -> str:
        """What the server printed so far."""
        return self._log_path.read_text(encoding="utf-8", errors="replace")

    def wait_until_ready(self, timeout: float = START_TIMEOUT) -> None:
        """Poll the root page until it answers 200; fail with the server's log otherwise."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"the UI server exited with {self._process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.2)
        raise TimeoutError(f"the UI server did not answer {self.url} within {timeout:.0f} s:\n{self.log()}")

    def stop(self) -> None:
        """Terminate the server (kill it when it does not exit in time) and remove its files."""
        self._process.terminate()
        try:
            self._process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._log.close()
        self._temp.cleanup()

