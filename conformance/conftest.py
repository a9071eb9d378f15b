"""Fixtures for the SDK conformance suite: each test gets its own sandbox process, on a free
port, with a fresh in-memory database seeded with the demo data."""

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LISTENING = "My Tasks sandbox listening on "


@dataclass
class Sandbox:
    """A running sandbox and the demo identities it signs in."""

    base_url: str
    identities: list

    def identity(self, alias: str) -> dict:
        return next(i for i in self.identities if i["alias"] == alias)

    def sdk(self, alias: str, experimental: bool = False):
        """A `sailpoint.v2024` WorkItemsApi configured the SDK's own way: base URL plus
        client credentials, from which the SDK fetches its token at /oauth/token."""
        from sailpoint.configuration import Configuration, ConfigurationParams
        from sailpoint.v2024.api.work_items_api import WorkItemsApi
        from sailpoint.v2024.api_client import ApiClient

        who = self.identity(alias)
        params = ConfigurationParams()
        params.base_url = self.base_url
        params.client_id = who["clientId"]
        params.client_secret = who["clientSecret"]
        configuration = Configuration(params)
        assert configuration.access_token, "the SDK could not get a token from /oauth/token"
        configuration.experimental = experimental
        configuration.suppress_experimental_warnings = True
        return WorkItemsApi(ApiClient(configuration))


@pytest.fixture
def sandbox():
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
            yield Sandbox(base_url=data["baseUrl"], identities=data["identities"])
        finally:
            process.kill()
            process.wait()
