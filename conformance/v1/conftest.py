"""Fixtures for the suite of SailPoint's current Python SDK (sailpoint 2.1.72,
`sailpoint.work_items`, paths under /work-items/v1): a fresh sandbox process per test.

Run from this folder, never from one holding the app's `config.json`: the SDK's
`Configuration` reads `./config.json` (expecting `BaseURL`) before it looks at the
parameters it is given."""

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from sandbox_process import running_sandbox  # noqa: E402


def _patch_sdk_approval_item_state():
    """The bug of 1.4.2 is still in 2.1.72: `ApprovalItemDetails.from_dict` calls
    `WorkItemState.from_dict`, a name the module never imports, so any approval item with a
    state fails to decode (against a real tenant too). We give the module the name, decoding
    to the SDK's own enum; `test_sdk_bug_v1.py` pins the bug."""
    from sailpoint.work_items.models import approval_item_details
    from sailpoint.work_items.models.work_item_state import WorkItemState

    class _WorkItemStateFromDict:
        @staticmethod
        def from_dict(value):
            return WorkItemState(value)

    approval_item_details.WorkItemState = _WorkItemStateFromDict


@pytest.fixture(autouse=True)
def sdk_with_approval_state_fix(request):
    if request.node.get_closest_marker("unpatched_sdk") is None:
        _patch_sdk_approval_item_state()
    yield
    from sailpoint.work_items.models import approval_item_details
    approval_item_details.__dict__.pop("WorkItemState", None)


def pytest_configure(config):
    config.addinivalue_line("markers", "unpatched_sdk: run against sailpoint 2.1.72 exactly as published")


@dataclass
class Sandbox:
    """A running sandbox and the demo identities it signs in."""

    base_url: str
    identities: list

    def identity(self, alias: str) -> dict:
        return next(i for i in self.identities if i["alias"] == alias)

    def sdk(self, alias: str):
        """A `sailpoint.work_items` WorkItemsApi configured the SDK's own way: base URL plus
        client credentials, from which the SDK fetches its token at /oauth/token."""
        from sailpoint.configuration import Configuration, ConfigurationParams
        from sailpoint.work_items.api.work_items_api import WorkItemsApi
        from sailpoint.work_items.api_client import ApiClient

        who = self.identity(alias)
        params = ConfigurationParams()
        params.base_url = self.base_url
        params.client_id = who["clientId"]
        params.client_secret = who["clientSecret"]
        configuration = Configuration(params)
        assert configuration.access_token, "the SDK could not get a token from /oauth/token"
        return WorkItemsApi(ApiClient(configuration))


@pytest.fixture
def sandbox():
    assert not Path("config.json").exists(), "run from a folder without config.json"
    with running_sandbox() as (base_url, identities):
        yield Sandbox(base_url=base_url, identities=identities)
