"""Pins the sailpoint 1.4.2 bug that conftest.py works around, so a newer SDK that fixes it
makes this test fail and the workaround can go."""

import pytest


@pytest.mark.unpatched_sdk
def test_sdk_1_4_2_cannot_decode_an_approval_item_with_a_state():
    from sailpoint.v2024.models.approval_item_details import ApprovalItemDetails

    assert ApprovalItemDetails.from_dict({"id": "a", "state": None}).state is None
    with pytest.raises(NameError, match="WorkItemState"):
        ApprovalItemDetails.from_dict({"id": "a", "state": "Pending"})
