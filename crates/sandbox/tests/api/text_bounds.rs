//! Free text a client sends is bounded: a comment at most 2,000 characters, an identity id
//! at most 128; longer is a 400 in the error shape naming the field, and nothing is stored.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{error_body, spawn_app, Who};

/// The one message of an error body.
fn message(body: wire::ErrorResponseDto) -> String {
    body.messages.unwrap().remove(0).text.unwrap()
}

#[tokio::test]
async fn a_forward_comment_over_2000_characters_is_refused_and_nothing_changes() {
    let app = spawn_app().await;
    let owner = app.token(Who::Owner).await;
    let item = app.owner_item(|i| i.approval_items().is_empty()).await;
    let id = item.id.as_deref().unwrap();
    let target = app.id_of(Who::Other);
    let long = "é".repeat(2_001);
    let response = app
        .forward(
            id,
            &owner,
            &json!({"targetOwnerId": target, "comment": long}),
        )
        .await;
    let text = message(error_body(response, StatusCode::BAD_REQUEST).await);
    assert!(
        text.contains("'comment'") && text.contains("2000"),
        "{text}"
    );
    let unchanged = app.work_item(id, &owner).await;
    assert_eq!(unchanged.owner_id, item.owner_id);
    assert!(unchanged.history.unwrap_or_default().is_empty());
    let at_the_bound = "é".repeat(2_000);
    let response = app
        .forward(
            id,
            &owner,
            &json!({"targetOwnerId": target, "comment": at_the_bound}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_forward_target_longer_than_any_identity_id_is_refused_by_name() {
    let app = spawn_app().await;
    let owner = app.token(Who::Owner).await;
    let item = app.owner_item(|i| i.approval_items().is_empty()).await;
    let target = "a".repeat(600_000);
    let response = app
        .forward(
            item.id.as_deref().unwrap(),
            &owner,
            &json!({"targetOwnerId": target, "comment": "over to you"}),
        )
        .await;
    let text = message(error_body(response, StatusCode::BAD_REQUEST).await);
    assert!(text.contains("'targetOwnerId'"), "{text}");
    assert!(text.len() < 200, "{text}");
}

#[tokio::test]
async fn a_completion_comment_over_2000_characters_is_refused() {
    let app = spawn_app().await;
    let owner = app.token(Who::Owner).await;
    let item = app
        .owner_item(|i| i.approval_items().is_empty() && i.form.is_none())
        .await;
    let id = item.id.as_deref().unwrap();
    let path = format!("/v2024/work-items/{id}");
    let response = app
        .post_json(&path, &owner, &json!("x".repeat(2_001)))
        .await;
    let text = message(error_body(response, StatusCode::BAD_REQUEST).await);
    assert!(text.contains("'comment'"), "{text}");
    assert!(app.work_item(id, &owner).await.is_pending());
}
