//! The 13 work-item operations and their state rules.

use reqwest::StatusCode;
use serde_json::json;
use wire::{WorkItem, WorkItemState, WorkItemsCount, WorkItemsSummary};

use crate::client::{Body, Op};
use crate::helpers::{error_body, spawn_app, Who};

#[tokio::test]
async fn the_list_holds_only_the_callers_pending_items_in_created_then_id_order() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let items = app.pending(&token).await;
    assert!(items.len() >= 20);
    assert!(items
        .iter()
        .all(|i| i.is_pending() && i.owner_id.as_deref() == Some(app.id_of(Who::Owner).as_str())));
    let keys: Vec<_> = items.iter().map(|i| (i.created, i.id.clone())).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[tokio::test]
async fn the_seed_example_is_a_pending_github_account_for_fred_astaire() {
    let app = spawn_app().await;
    let item = app.fred_github_item().await;
    assert_eq!(item.work_item_type, Some(wire::WorkItemType::Generic));
    let remediation = &item.remediation_items()[0];
    assert_eq!(remediation.application_name.as_deref(), Some("GitHub"));
    assert_eq!(
        remediation.native_identity.as_deref(),
        Some("fred-astaire-sp")
    );
    assert_eq!(remediation.target_name.as_deref(), Some("Fred.Astaire"));
}

#[tokio::test]
async fn completed_lists_only_finished_items_and_counts_and_summary_agree() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let pending = app.pending(&token).await.len() as i64;
    let completed = app.completed(&token).await;
    assert!(!completed.is_empty());
    assert!(completed
        .iter()
        .all(|i| !i.is_pending() && i.completed.is_some()));
    let count: WorkItemsCount = app.count(&token).await;
    assert_eq!(count.count, Some(pending));
    let done = app.completed_count(&token).await;
    assert_eq!(done.count, Some(completed.len() as i64));
    let summary: WorkItemsSummary = app.summary(&token).await;
    assert_eq!(summary.open, Some(pending));
    assert_eq!(summary.completed, Some(completed.len() as i64));
    assert_eq!(summary.total, Some(pending + completed.len() as i64));
}

#[tokio::test]
async fn completed_count_needs_the_experimental_header() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let response = app.get("/v2024/work-items/completed/count", &token).await;
    let body = error_body(response, StatusCode::BAD_REQUEST).await;
    assert!(body.message().unwrap().contains("X-SailPoint-Experimental"));
}

/// Regression: the header was checked after the item was looked up, so an unknown item was a
/// 404 and someone else's a 403, neither of which the spec lists for a missing header.
#[tokio::test]
async fn forward_without_the_experimental_header_is_400_whatever_item_it_names() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let others = app.token(Who::Other).await;
    let item = app.owner_item(|i| i.approval_items().is_empty()).await;
    let body = serde_json::json!({"targetOwnerId": "x", "comment": "y"});
    let id = item.id.as_deref().unwrap();
    for (path, token) in [
        (format!("/v2024/work-items/{id}/forward"), &token),
        ("/v2024/work-items/0000/forward".to_owned(), &token),
        (format!("/v2024/work-items/{id}/forward"), &others),
    ] {
        let response = app.post_json(&path, token, &body).await;
        let body = error_body(response, StatusCode::BAD_REQUEST).await;
        assert!(
            body.message().unwrap().contains("X-SailPoint-Experimental"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn an_unknown_work_item_is_404() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    for op in [
        Op::Get("0000"),
        Op::Complete("0000", Body::Absent),
        Op::BulkApprove("0000"),
    ] {
        let response = app.send(op, &token).await;
        let body = error_body(response, StatusCode::NOT_FOUND).await;
        assert_eq!(body.detail_code.as_deref(), Some("404 Not found"));
    }
}

#[tokio::test]
async fn mark_complete_finishes_a_pending_item_once() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let id = app.fred_github_item().await.id.unwrap();
    let done = app.item_of(Op::Complete(&id, Body::Absent), &token).await;
    assert_eq!(done.state, Some(WorkItemState::Finished));
    assert!(done.completed.is_some() && done.modified.is_some());
    assert!(app
        .completed(&token)
        .await
        .iter()
        .any(|i| i.id.as_deref() == Some(id.as_str())));
    assert!(!app
        .pending(&token)
        .await
        .iter()
        .any(|i| i.id.as_deref() == Some(id.as_str())));
    let again = app.send(Op::Complete(&id, Body::Absent), &token).await;
    let body = error_body(again, StatusCode::BAD_REQUEST).await;
    assert!(body.message().unwrap().contains("only Pending"));
}

/// Every time in `body` (a JSON text): each string that starts like an RFC 3339 date.
fn times_in(body: &str) -> Vec<&str> {
    body.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            let b = s.as_bytes();
            b.len() > 19 && b[4] == b'-' && b[10] == b'T' && b[..4].iter().all(u8::is_ascii_digit)
        })
        .collect()
}

/// ISC writes times with milliseconds (`2017-07-11T18:45:37.098Z`); more decimals break
/// some clients (Python 3.10's `fromisoformat`). They were once nanoseconds.
#[tokio::test]
async fn times_are_written_to_the_millisecond() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let id = app.fred_github_item().await.id.unwrap();
    app.item_of(Op::Complete(&id, Body::Absent), &token).await;
    let mut seen = 0;
    for path in [
        "/v2024/work-items?limit=250".to_owned(),
        "/v2024/work-items/completed?limit=250".to_owned(),
        format!("/v2024/work-items/{id}"),
    ] {
        let response = app.get(&path, &token).await;
        assert_eq!(response.status(), StatusCode::OK);
        let body = response.text().await.unwrap();
        for time in times_in(&body) {
            let fraction = time[19..].trim_end_matches('Z');
            assert!(time.ends_with('Z') && fraction.len() <= 4, "{path}: {time}");
            seen += 1;
        }
    }
    assert!(seen > 20, "only {seen} times");
}

#[tokio::test]
async fn mark_complete_is_refused_while_approval_items_are_pending() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let id = app.approval_item(1).await.id.unwrap();
    let response = app.send(Op::Complete(&id, Body::Absent), &token).await;
    let body = error_body(response, StatusCode::BAD_REQUEST).await;
    assert!(body.message().unwrap().contains("pending approval"));
}

#[tokio::test]
async fn deciding_each_approval_item_finishes_the_work_item_with_the_last_one() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let item = app.approval_item(2).await;
    let id = item.id.clone().unwrap();
    let approvals: Vec<_> = item
        .approval_items()
        .iter()
        .map(|a| a.id.clone().unwrap())
        .collect();
    let last = approvals.len() - 1;
    for (k, approval) in approvals.iter().enumerate() {
        let op = if k == 0 {
            Op::Reject(&id, approval)
        } else {
            Op::Approve(&id, approval)
        };
        let next: WorkItem = app.item_of(op, &token).await;
        assert_eq!(next.is_pending(), k < last, "after {k}");
    }
    let done = app.work_item(&id, &token).await;
    assert_eq!(
        done.approval_items()[0].state,
        Some(WorkItemState::Rejected)
    );
    assert_eq!(
        done.approval_items()[1].state,
        Some(WorkItemState::Finished)
    );
    assert_eq!(done.state, Some(WorkItemState::Finished));
}

#[tokio::test]
async fn an_approval_item_is_decided_once_and_an_unknown_one_is_404() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let item = app.approval_item(2).await;
    let id = item.id.clone().unwrap();
    let first = item.approval_items()[0].id.clone().unwrap();
    app.item_of(Op::Approve(&id, &first), &token).await;
    let twice = app.send(Op::Reject(&id, &first), &token).await;
    error_body(twice, StatusCode::BAD_REQUEST).await;
    let unknown = app.send(Op::Approve(&id, "nope"), &token).await;
    error_body(unknown, StatusCode::NOT_FOUND).await;
}

/// Regression: once the work item was decided, an approval item it never had was a 400
/// "The work item is Finished…"; it does not exist, so it is a 404 as before the decision.
#[tokio::test]
async fn an_unknown_approval_item_of_a_decided_work_item_is_404() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let item = app.approval_item(1).await;
    let (id, approval) = (
        item.id.clone().unwrap(),
        item.approval_items()[0].id.clone().unwrap(),
    );
    app.item_of(Op::BulkApprove(&id), &token).await;
    for op in [Op::Approve(&id, "nope"), Op::Reject(&id, "nope")] {
        let body = error_body(app.send(op, &token).await, StatusCode::NOT_FOUND).await;
        assert!(body.message().unwrap().contains("'nope'"));
    }
    // An approval item it has is still refused for the work item's state.
    let decided = app.send(Op::Reject(&id, &approval), &token).await;
    let body = error_body(decided, StatusCode::BAD_REQUEST).await;
    assert!(body.message().unwrap().contains("Finished"));
}

#[tokio::test]
async fn bulk_approve_and_bulk_reject_decide_everything_and_end_the_item_finished_or_rejected() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let items: Vec<_> = app
        .pending(&token)
        .await
        .into_iter()
        .filter(|i| !i.approval_items().is_empty())
        .take(2)
        .collect();
    let (first, second) = (items[0].id.clone().unwrap(), items[1].id.clone().unwrap());
    for (op, state) in [
        (Op::BulkApprove(&first), WorkItemState::Finished),
        // Every approval item rejected: the work item ends Rejected, as in the demo data.
        (Op::BulkReject(&second), WorkItemState::Rejected),
    ] {
        let done: WorkItem = app.item_of(op.clone(), &token).await;
        assert_eq!(done.state, Some(state.clone()));
        assert!(done
            .approval_items()
            .iter()
            .all(|a| a.state.as_ref() == Some(&state)));
        let again = app.send(op, &token).await;
        error_body(again, StatusCode::BAD_REQUEST).await;
    }
}

#[tokio::test]
async fn forward_moves_the_item_to_the_target_and_answers_200_with_an_empty_body() {
    let app = spawn_app().await;
    let owner = app.token(Who::Owner).await;
    let id = app.fred_github_item().await.id.unwrap();
    let fred = app.id_of(Who::Other);
    // `null` is the default, as for a Jackson `Boolean` left out.
    let body = json!({"targetOwnerId": fred, "comment": "Yours, Fred", "sendNotifications": null});
    let response = app.send(Op::Forward(&id, Body::Json(body)), &owner).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.bytes().await.unwrap().is_empty());
    let other = app.token(Who::Other).await;
    let moved = app.work_item(&id, &other).await;
    assert_eq!(moved.owner_id.as_deref(), Some(fred.as_str()));
    assert_eq!(moved.owner_name.as_deref(), Some("Fred Astaire"));
    assert!(moved.is_pending() && moved.modified.is_some());
    error_body(app.send(Op::Get(&id), &owner).await, StatusCode::FORBIDDEN).await;
}

#[tokio::test]
async fn forward_refuses_a_missing_header_comment_unknown_target_or_the_current_owner() {
    let app = spawn_app().await;
    let owner = app.token(Who::Owner).await;
    let id = app.fred_github_item().await.id.unwrap();
    let fred = app.id_of(Who::Other);
    let no_header = app
        .post_json(
            &format!("/v2024/work-items/{id}/forward"),
            &owner,
            &json!({"targetOwnerId": fred, "comment": "x"}),
        )
        .await;
    error_body(no_header, StatusCode::BAD_REQUEST).await;
    for (body, expect) in [
        (json!({"targetOwnerId": fred, "comment": "  "}), "comment"),
        (
            json!({"targetOwnerId": "ffff", "comment": "x"}),
            "not a known identity",
        ),
        (
            json!({"targetOwnerId": app.id_of(Who::Owner), "comment": "x"}),
            "already belongs",
        ),
        (json!({"comment": "x"}), "targetOwnerId"),
        // The fields in order, as serde's derived structs would take them.
        (json!([fred, "x", true]), "expected a JSON object"),
    ] {
        let message = error_body(
            app.forward(&id, &owner, &body).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert!(
            message.message().unwrap().contains(expect),
            "{body}: {message:?}"
        );
    }
    assert_eq!(
        app.work_item(&id, &owner).await.owner_id.as_deref(),
        Some(app.id_of(Who::Owner).as_str())
    );
}

#[tokio::test]
async fn an_account_selection_is_validated_stored_and_finishes_the_item() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let item = app.owner_item(|i| i.form.is_some()).await;
    let id = item.id.clone().unwrap();
    let fields = item.form.as_ref().unwrap().fields();
    let account = &fields.iter().find(|f| f.required).unwrap();
    let allowed = account.allowed_values[0].value().to_owned();
    for body in [
        json!({"nope": allowed}),
        json!({account.name.clone(): "not-allowed"}),
        json!({}),
    ] {
        let response = app.send(Op::SubmitSelection(&id, Body::Json(body)), &token);
        error_body(response.await, StatusCode::BAD_REQUEST).await;
    }
    let incomplete = app.send(Op::Complete(&id, Body::Absent), &token).await;
    error_body(incomplete, StatusCode::BAD_REQUEST).await;
    let choice = Body::Json(json!({account.name.clone(): allowed}));
    let done = app.item_of(Op::SubmitSelection(&id, choice), &token).await;
    assert_eq!(done.state, Some(WorkItemState::Finished));
    let stored = done
        .form
        .unwrap()
        .fields()
        .into_iter()
        .find(|f| f.name == account.name)
        .unwrap();
    assert_eq!(stored.value, Some(json!(allowed)));
}

#[tokio::test]
async fn account_selection_on_an_item_without_a_form_is_400() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let id = app.fred_github_item().await.id.unwrap();
    let body = Body::Json(json!({"a": "b"}));
    let response = app.send(Op::SubmitSelection(&id, body), &token).await;
    error_body(response, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn injected_faults_answer_the_next_requests_then_stop() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let arm = app
        .arm_faults(json!({"status": 429, "times": 1, "retryAfterSecs": 7}))
        .await;
    assert_eq!(arm.status(), StatusCode::NO_CONTENT);
    let limited = app.send(Op::List(""), &token).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.headers()["retry-after"], "7");
    assert_eq!(
        app.send(Op::List(""), &token).await.status(),
        StatusCode::OK
    );
    app.arm_faults(json!({"status": 503, "times": 5})).await;
    error_body(
        app.send(Op::List(""), &token).await,
        StatusCode::SERVICE_UNAVAILABLE,
    )
    .await;
    let clear = app.clear_faults().await;
    assert_eq!(clear.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.send(Op::List(""), &token).await.status(),
        StatusCode::OK
    );
    app.arm_faults(json!({"status": 500})).await;
    let fault = error_body(
        app.send(Op::List(""), &token).await,
        StatusCode::INTERNAL_SERVER_ERROR,
    )
    .await;
    assert_eq!(fault.detail_code.as_deref(), Some("500.0 Internal Fault"));
}

#[tokio::test]
async fn a_fault_scoped_to_one_work_item_fails_only_requests_for_it() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let id = app.fred_github_item().await.id.unwrap();
    app.arm_faults(json!({"status": 500, "times": 1, "pathContains": id}))
        .await;
    // Other requests pass and leave the fault armed.
    assert_eq!(
        app.send(Op::List(""), &token).await.status(),
        StatusCode::OK
    );
    let failed = error_body(
        app.send(Op::Get(&id), &token).await,
        StatusCode::INTERNAL_SERVER_ERROR,
    )
    .await;
    assert_eq!(failed.detail_code.as_deref(), Some("500.0 Internal Fault"));
    assert_eq!(
        app.send(Op::Get(&id), &token).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn test_controls_are_absent_unless_enabled() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let config = sandbox::Config::from_args(["sandbox", "--db", db.to_str().unwrap()]).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let state = tokio::task::spawn_blocking({
        let address = address.clone();
        move || sandbox::open_state(config, address)
    })
    .await
    .unwrap()
    .unwrap();
    tokio::spawn(sandbox::serve(listener, state, std::future::pending()));
    let response = reqwest::Client::new()
        .post(format!("{address}/sandbox/faults"))
        .json(&json!({"status": 500}))
        .send()
        .await
        .unwrap();
    error_body(response, StatusCode::NOT_FOUND).await;
}
