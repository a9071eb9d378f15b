"""A fresh sandbox process for one test: its own port and in-memory database, seeded with
the demo data. Shared by the suites of both SDK generations (`conftest.py`, `v1/`)."""

import json
import os
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LISTENING = "My Tasks sandbox listening on "


@contextmanager
def running_sandbox():
    """Yields (base URL, identities with their credentials) of a sandbox that is killed
    afterwards."""
    binary = os.environ.get("SANDBOX_BIN", str(ROOT / "target" / "debug" / "sandbox"))
    with tempfile.TemporaryDirectory() as tmp:
        credentials = Path(tmp) / "credentials.json"
        process = subprocess.Popen(
            [binary, "--listen", "127.0.0.1:0", "--in-memory", "--seed", "demo",
             "--credentials-out", str(credentials)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        try:
            for line in process.stdout:
                if line.startswith(LISTENING):
                    break
            else:
                raise RuntimeError(f"the sandbox exited with {process.wait()} before listening")
            data = json.loads(credentials.read_text())
            yield data["baseUrl"], data["identities"]
        finally:
            process.kill()
            process.wait()
