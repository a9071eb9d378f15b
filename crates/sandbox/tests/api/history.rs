//! The comments given with forward and complete are kept as the item's history (the
//! sandbox's `sandboxHistory` extension), with who acted and when.

use serde_json::json;
use wire::WorkItemAction;

use crate::client::{Body, Op};
use crate::helpers::{spawn_app, Who};

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
