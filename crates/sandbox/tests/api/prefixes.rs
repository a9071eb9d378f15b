//! The Work Items operations under both path families, `/v2024` and `/work-items/v1`: one
//! implementation, so the same data and the same rules.

use reqwest::StatusCode;
use serde_json::json;
use wire::{WorkItem, WorkItemState, WorkItemsCount, WorkItemsSummary};

use crate::client::{ok, Body, Op, Prefix};
use crate::helpers::{error_body, spawn_app, Who};

#[tokio::test]
async fn every_work_items_operation_answers_under_work_items_v1_without_experimental_headers() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let v1 = |op| app.send_at(Prefix::V1, op, &token);
    let pending: Vec<WorkItem> = ok(v1(Op::List("limit=250")).await).await;
    assert!(!pending.is_empty());
    let completed: Vec<WorkItem> = ok(v1(Op::ListCompleted("limit=250")).await).await;
    let count: WorkItemsCount = ok(v1(Op::Count("")).await).await;
    assert_eq!(count.count, Some(pending.len() as i64));
    let done: WorkItemsCount = ok(v1(Op::CompletedCount).await).await;
    assert_eq!(done.count, Some(completed.len() as i64));
    let summary: WorkItemsSummary = ok(v1(Op::Summary("")).await).await;
    assert_eq!(
        summary.total,
        Some((pending.len() + completed.len()) as i64)
    );

    let plain = |i: &&WorkItem| i.approval_items().is_empty() && i.form.is_none();
    let mut plain_ids = pending.iter().filter(plain).filter_map(|i| i.id.as_deref());
    let with_approvals: Vec<&WorkItem> = pending
        .iter()
        .filter(|i| i.approval_items().len() >= 2)
        .collect();
    let to_complete = plain_ids.next().unwrap();
    let to_forward = plain_ids.next().unwrap();
    let fetched: WorkItem = ok(v1(Op::Get(to_complete)).await).await;
    assert_eq!(fetched.id.as_deref(), Some(to_complete));
    let finished: WorkItem = ok(v1(Op::Complete(to_complete, Body::Absent)).await).await;
    assert_eq!(finished.state, Some(WorkItemState::Finished));

    let fred = app.id_of(Who::Other);
    let forward = Body::Json(json!({"targetOwnerId": fred, "comment": "yours"}));
    let forwarded = v1(Op::Forward(to_forward, forward)).await;
    assert_eq!(forwarded.status(), StatusCode::OK);

    let item = with_approvals[0];
    let (id, approvals) = (item.id.as_deref().unwrap(), item.approval_items());
    let approved: WorkItem =
        ok(v1(Op::Approve(id, approvals[0].id.as_deref().unwrap())).await).await;
    assert_eq!(
        approved.approval_items()[0].state,
        Some(WorkItemState::Finished)
    );
    let rejected: WorkItem =
        ok(v1(Op::Reject(id, approvals[1].id.as_deref().unwrap())).await).await;
    assert_eq!(
        rejected.approval_items()[1].state,
        Some(WorkItemState::Rejected)
    );
    let bulk = pending
        .iter()
        .filter(|i| !i.approval_items().is_empty() && i.id.as_deref() != Some(id))
        .filter_map(|i| i.id.as_deref())
        .take(2)
        .collect::<Vec<_>>();
    let all_approved: WorkItem = ok(v1(Op::BulkApprove(bulk[0])).await).await;
    assert!(!all_approved.is_pending());
    let all_rejected: WorkItem = ok(v1(Op::BulkReject(bulk[1])).await).await;
    assert!(!all_rejected.is_pending());

    let form = pending.iter().find(|i| i.form.is_some()).unwrap();
    let field = form
        .form
        .as_ref()
        .unwrap()
        .fields()
        .into_iter()
        .find(|f| f.required)
        .unwrap();
    let selection = json!({field.name.clone(): field.allowed_values[0].value()});
    let submitted: WorkItem = ok(v1(Op::SubmitSelection(
        form.id.as_deref().unwrap(),
        Body::Json(selection),
    ))
    .await)
    .await;
    assert_eq!(submitted.state, Some(WorkItemState::Finished));
}

#[tokio::test]
async fn a_change_under_one_prefix_is_seen_under_the_other() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let id = app.fred_github_item().await.id.unwrap();
    let done = app
        .send_at(Prefix::V1, Op::Complete(&id, Body::Absent), &token)
        .await;
    assert_eq!(done.status(), StatusCode::OK);
    for prefix in Prefix::ALL {
        let item: WorkItem = ok(app.send_at(prefix, Op::Get(&id), &token).await).await;
        assert_eq!(item.state, Some(WorkItemState::Finished), "{prefix:?}");
        let again = app
            .send_at(prefix, Op::Complete(&id, Body::Absent), &token)
            .await;
        error_body(again, StatusCode::BAD_REQUEST).await;
    }
}

#[tokio::test]
async fn work_items_v1_needs_a_token_and_answers_unknown_paths_with_a_json_404() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let anonymous = app
        .client
        .get(app.url("/work-items/v1"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    for path in ["/work-items/v1/nothing", "/work-items/v1/public-identities"] {
        error_body(app.get(path, &token).await, StatusCode::NOT_FOUND).await;
    }
}
