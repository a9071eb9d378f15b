"""Pins a bug of sailpoint 2.1.72 itself (see conftest.py): this test fails once a newer SDK
decodes an approval item with a state, and the workaround can go."""

import pytest
from sailpoint.work_items.models.approval_item_details import ApprovalItemDetails


@pytest.mark.unpatched_sdk
def test_sdk_2_1_72_cannot_decode_an_approval_item_that_has_a_state():
    with pytest.raises(NameError, match="WorkItemState"):
        ApprovalItemDetails.from_dict({"id": "a1", "state": "Pending"})
