"""Conformance: SailPoint's current Python SDK (sailpoint==2.1.72, `sailpoint.work_items`)
runs each of its 13 `*_v1` methods against the sandbox's /work-items/v1 paths, unchanged,
and gets typed results. It is given only the base URL and a client id/secret."""

import pytest
from sailpoint.work_items.exceptions import (
    BadRequestException,
    ForbiddenException,
    NotFoundException,
)
from sailpoint.work_items.models.work_item_forward import WorkItemForward
from sailpoint.work_items.models.work_item_state_manual_work_items import (
    WorkItemStateManualWorkItems,
)
from sailpoint.work_items.models.work_items import WorkItems
from sailpoint.work_items.models.work_items_count import WorkItemsCount
from sailpoint.work_items.models.work_items_summary import WorkItemsSummary

ALISON = "alison.ferguso"
ADMIN = "thomas.edison"
PENDING = WorkItemStateManualWorkItems.PENDING


def pending_items(api) -> list:
    return api.list_work_items_v1(limit=250)


def first(items, predicate, what):
    found = next((item for item in items if predicate(item)), None)
    assert found is not None, f"the demo data has no {what}"
    return found


def with_pending_approvals(api, at_least=1):
    return first(
        pending_items(api),
        lambda i: len([a for a in (i.approval_items or []) if a.state == PENDING]) >= at_least,
        f"pending item with {at_least}+ pending approval items",
    )


def test_list_work_items_v1_returns_the_callers_pending_items_with_a_total(sandbox):
    api = sandbox.sdk(ALISON)
    response = api.list_work_items_v1_with_http_info(limit=5, offset=0, count=True)
    assert response.status_code == 200
    assert 0 < len(response.data) <= 5
    assert all(isinstance(i, WorkItems) and i.state == PENDING for i in response.data)
    me = sandbox.identity(ALISON)["id"]
    assert all(i.owner_id == me for i in response.data)
    headers = {name.lower(): value for name, value in response.headers.items()}
    assert int(headers["x-total-count"]) == len(pending_items(api))


def test_get_completed_work_items_v1_returns_only_finished_items(sandbox):
    items = sandbox.sdk(ALISON).get_completed_work_items_v1(limit=250)
    assert items, "Alison has completed work items in the demo data"
    assert all(i.state != PENDING and i.completed is not None for i in items)


def test_get_count_work_items_v1_matches_the_pending_list(sandbox):
    api = sandbox.sdk(ALISON)
    count = api.get_count_work_items_v1()
    assert isinstance(count, WorkItemsCount)
    assert count.count == len(pending_items(api))


def test_get_count_completed_work_items_v1_needs_no_experimental_header(sandbox):
    api = sandbox.sdk(ALISON)
    count = api.get_count_completed_work_items_v1()
    assert count.count == len(api.get_completed_work_items_v1(limit=250))


def test_get_work_items_summary_v1_adds_up(sandbox):
    api = sandbox.sdk(ALISON)
    summary = api.get_work_items_summary_v1()
    assert isinstance(summary, WorkItemsSummary)
    assert summary.open == api.get_count_work_items_v1().count
    assert summary.open + summary.completed == summary.total


def test_get_work_item_v1_returns_the_seed_example_for_fred_astaire(sandbox):
    api = sandbox.sdk(ALISON)
    fred = first(
        pending_items(api),
        lambda i: i.name == "Create an Account" and "GitHub" in (i.description or ""),
        "'Create an Account' item in GitHub",
    )
    item = api.get_work_item_v1(fred.id)
    assert item.id == fred.id and item.state == PENDING
    text = item.model_dump_json()
    assert "fred-astaire-sp" in text and "Fred.Astaire" in text
    with pytest.raises(NotFoundException):
        api.get_work_item_v1("0" * 32)


def test_complete_work_item_v1_with_a_comment_finishes_it_once(sandbox):
    api = sandbox.sdk(ALISON)
    target = first(
        pending_items(api),
        lambda i: not any(a.state == PENDING for a in (i.approval_items or [])) and i.form is None,
        "pending item without pending approvals or form",
    )
    done = api.complete_work_item_v1(target.id, "Account created")
    assert done.id == target.id and done.state != PENDING and done.completed is not None
    assert target.id in [i.id for i in api.get_completed_work_items_v1(limit=250)]
    with pytest.raises(BadRequestException):
        api.complete_work_item_v1(target.id)


def test_approve_and_reject_approval_item_v1_decide_one_item_each(sandbox):
    api = sandbox.sdk(ALISON)
    item = with_pending_approvals(api, at_least=2)
    first_id, second_id = [a.id for a in item.approval_items if a.state == PENDING][:2]
    approved = api.approve_approval_item_v1(item.id, first_id)
    assert next(a for a in approved.approval_items if a.id == first_id).state.value == "Finished"
    rejected = api.reject_approval_item_v1(item.id, second_id)
    assert next(a for a in rejected.approval_items if a.id == second_id).state.value == "Rejected"
    with pytest.raises(BadRequestException):
        api.approve_approval_item_v1(item.id, first_id)


def test_bulk_approve_v1_decides_every_pending_item_and_finishes_the_work_item(sandbox):
    api = sandbox.sdk(ALISON)
    result = api.approve_approval_items_in_bulk_v1(with_pending_approvals(api).id)
    assert all(a.state.value == "Finished" for a in result.approval_items)
    assert result.state != PENDING


def test_bulk_reject_v1_decides_every_pending_item_and_finishes_the_work_item(sandbox):
    api = sandbox.sdk(ALISON)
    result = api.reject_approval_items_in_bulk_v1(with_pending_approvals(api).id)
    assert all(a.state.value == "Rejected" for a in result.approval_items)
    assert result.state != PENDING


def test_submit_account_selection_v1_stores_the_choice_and_finishes_the_item(sandbox):
    api = sandbox.sdk(ALISON)
    item = first(pending_items(api), lambda i: i.form is not None, "pending form item")
    selection = {}
    for section in item.form.sections or []:
        for field in section.form_items or []:
            field = field if isinstance(field, dict) else field.to_dict()
            if field.get("required") or field.get("allowedValues"):
                allowed = field.get("allowedValues") or ["some value"]
                choice = allowed[0]
                selection[field["name"]] = choice["value"] if isinstance(choice, dict) else choice
    assert selection, "the form has fields to fill in"
    with pytest.raises(BadRequestException):
        api.submit_account_selection_v1(item.id, {"no-such-field": "x"})
    result = api.submit_account_selection_v1(item.id, selection)
    assert result.state != PENDING and result.completed is not None


def test_forward_work_item_v1_moves_it_to_the_target_owner(sandbox):
    api = sandbox.sdk(ALISON)
    item, other = pending_items(api)[:2]
    target = next(i for i in sandbox.identities if i["alias"] not in (ALISON, ADMIN))
    forward = WorkItemForward(target_owner_id=target["id"], comment="I'm going on vacation.",
                              send_notifications=True)
    assert api.forward_work_item_v1(item.id, forward) is None
    assert item.id not in [i.id for i in pending_items(api)]
    admin = sandbox.sdk(ADMIN)
    assert item.id in [i.id for i in admin.list_work_items_v1(owner_id=target["id"], limit=250)]
    with pytest.raises(BadRequestException):
        api.forward_work_item_v1(other.id, WorkItemForward(target_owner_id=target["id"], comment=""))


def test_a_plain_user_cannot_read_someone_elses_list_v1_but_an_admin_can(sandbox):
    other = sandbox.identity(ADMIN)["id"]
    with pytest.raises(ForbiddenException):
        sandbox.sdk(ALISON).list_work_items_v1(owner_id=other)
    alison = sandbox.identity(ALISON)["id"]
    assert sandbox.sdk(ADMIN).list_work_items_v1(owner_id=alison, limit=1)
