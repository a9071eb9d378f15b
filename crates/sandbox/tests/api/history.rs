//! The comments given with forward and complete are kept as the item's history (the
//! sandbox's `sandboxHistory` extension), with who acted and when.

use sandbox::workflow::MAX_HISTORY;
use serde_json::{json, Value};
use wire::WorkItemAction;

use crate::client::{ok, Body, Op};
use crate::helpers::{spawn_app, spawn_app_with, Who};

#[tokio::test]
async fn forward_and_complete_comments_are_kept_in_the_items_history() {
    let app = spawn_app().await;
    let alison = app.token(Who::Owner).await;
    let fred = app.token(Who::Other).await;
    let id = app.fred_github_item().await.id.unwrap();
    assert_eq!(app.work_item(&id, &alison).await.history, None);
    let forward = json!({"targetOwnerId": app.id_of(Who::Other), "comment": "Yours, Fred"});
    let moved = app
        .send(Op::Forward(&id, Body::Json(forward)), &alison)
        .await;
    assert_eq!(moved.status(), 200);
    let done = app
        .item_of(
            Op::Complete(&id, Body::Json(json!("Account created"))),
            &fred,
        )
        .await;
    let history = done.history.expect("a history");
    assert_eq!(history.len(), 2);
    let (first, second) = (&history[0], &history[1]);
    assert_eq!(first.action, Some(WorkItemAction::Forwarded));
    assert_eq!(first.actor_name.as_deref(), Some("Alison Ferguso"));
    assert_eq!(first.comment.as_deref(), Some("Yours, Fred"));
    assert_eq!(first.target_owner_name.as_deref(), Some("Fred Astaire"));
    assert_eq!(second.action, Some(WorkItemAction::Completed));
    assert_eq!(second.actor_id, Some(app.id_of(Who::Other)));
    assert_eq!(second.comment.as_deref(), Some("Account created"));
    assert_eq!(second.at, done.completed);
    assert_eq!(app.work_item(&id, &fred).await.history.unwrap(), history);
}

#[tokio::test]
async fn an_approval_decision_names_the_approval_item_in_the_history() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let item = app.approval_item(2).await;
    let (id, approval) = (
        item.id.clone().unwrap(),
        item.approval_items()[1].id.clone().unwrap(),
    );
    let next = app.item_of(Op::Reject(&id, &approval), &token).await;
    let event = &next.history.unwrap()[0];
    assert_eq!(event.action, Some(WorkItemAction::Rejected));
    assert_eq!(event.approval_item_id.as_deref(), Some(approval.as_str()));
    assert_eq!(event.comment, None);
}

/// Regression: two people (neither an admin) forwarding an item back and forth grew its
/// history, and the item that every change stores whole, without end (400 forwards with
/// 2,000-character comments made a 1.7 MB item). The history keeps the latest
/// `MAX_HISTORY` entries, and `sandboxHistoryOmitted` says how many earlier ones were
/// dropped, in the item and in the list alike.
#[tokio::test]
async fn forwarding_back_and_forth_keeps_the_latest_history_and_counts_the_rest() {
    let app = spawn_app_with(&["--rate-limit-requests", "100000"]).await;
    let (alison, fred) = (app.token(Who::Owner).await, app.token(Who::Other).await);
    let id = app.fred_github_item().await.id.unwrap();
    let comment = "é".repeat(2000);
    let mut sizes = Vec::new();
    for pass in 0..MAX_HISTORY + 9 {
        let (token, target) = match pass % 2 {
            0 => (&alison, app.id_of(Who::Other)),
            _ => (&fred, app.id_of(Who::Owner)),
        };
        let forward = json!({"targetOwnerId": target, "comment": comment});
        let moved = app.send(Op::Forward(&id, Body::Json(forward)), token).await;
        assert_eq!(moved.status(), 200, "pass {pass}");
        if pass >= MAX_HISTORY + 6 {
            let body = app.send(Op::Get(&id), &alison).await.text().await.unwrap();
            sizes.push(body.len());
        }
    }
    let body: Value =
        serde_json::from_str(&app.send(Op::Get(&id), &fred).await.text().await.unwrap()).unwrap();
    let history = body["sandboxHistory"].as_array().unwrap();
    assert_eq!(history.len(), MAX_HISTORY);
    assert_eq!(body["sandboxHistoryOmitted"], 9);
    assert_eq!(
        history[0]["actorId"],
        json!(app.id_of(Who::Other)),
        "pass 9 was Fred's"
    );
    assert_eq!(sizes[0], sizes[2], "the item no longer grows: {sizes:?}");
    assert!(sizes[0] < MAX_HISTORY * 4_500, "{sizes:?}");
    // 59 forwards, the first to Fred: it is his.
    let listed: Vec<Value> = ok(app.send(Op::List(""), &fred).await).await;
    let listed = listed.iter().find(|i| i["id"] == json!(id)).unwrap();
    assert_eq!(listed, &body, "the list sends the item as it reads alone");
}
