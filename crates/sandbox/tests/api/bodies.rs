//! Bad bodies: malformed JSON, wrong content type, oversized; and complete's optional body.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{error_body, spawn_app, spawn_app_with, Who};

#[tokio::test]
async fn malformed_json_is_400_in_the_error_shape() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let id = app.owner_item(|i| i.form.is_some()).await.id.unwrap();
    let response = app
        .client
        .post(app.url(&format!("/v2024/work-items/{id}/submit-account-selection")))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{\"account\": ")
        .send()
        .await
        .unwrap();
    let body = error_body(response, StatusCode::BAD_REQUEST).await;
    assert!(body.message().unwrap().contains("JSON"));
}

#[tokio::test]
async fn a_body_with_the_wrong_content_type_is_400() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let id = app.fred_github_item().await.id.unwrap();
    let response = app
        .client
        .post(app.url(&format!("/v2024/work-items/{id}/forward")))
        .bearer_auth(&token)
        .header("X-SailPoint-Experimental", "true")
        .header("content-type", "text/plain")
        .body(r#"{"targetOwnerId": "x", "comment": "y"}"#)
        .send()
        .await
        .unwrap();
    let body = error_body(response, StatusCode::BAD_REQUEST).await;
    assert!(body.message().unwrap().contains("Content-Type"));
}

#[tokio::test]
async fn an_oversized_body_is_413_in_the_error_shape() {
    let app = spawn_app_with(&["--max-body-bytes", "1024"]).await;
    let token = app.token(Who::Owner).await;
    let id = app.owner_item(|i| i.form.is_some()).await.id.unwrap();
    let huge = json!({"justification": "x".repeat(4096)});
    let response = app
        .post_json(
            &format!("/v2024/work-items/{id}/submit-account-selection"),
            &token,
            &huge,
        )
        .await;
    error_body(response, StatusCode::PAYLOAD_TOO_LARGE).await;
    assert!(app.work_item(&id, &token).await.is_pending());
}

#[tokio::test]
async fn complete_accepts_a_json_string_or_null_body_and_refuses_other_json() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let items: Vec<_> = app
        .pending(&token)
        .await
        .into_iter()
        .filter(|i| i.approval_items().is_empty() && i.form.is_none())
        .take(2)
        .collect();
    let bad = app
        .post_json(
            &format!("/v2024/work-items/{}", items[0].id.as_deref().unwrap()),
            &token,
            &json!({"a": 1}),
        )
        .await;
    error_body(bad, StatusCode::BAD_REQUEST).await;
    for (item, body) in items
        .iter()
        .zip([json!("Done, account created"), json!(null)])
    {
        let response = app
            .post_json(
                &format!("/v2024/work-items/{}", item.id.as_deref().unwrap()),
                &token,
                &body,
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK, "{body}");
    }
}

#[tokio::test]
async fn an_unknown_api_path_is_a_json_404() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    error_body(
        app.get("/v2024/nothing-here", &token).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    error_body(
        app.get("/oauth/nothing", &token).await,
        StatusCode::NOT_FOUND,
    )
    .await;
}

#[tokio::test]
async fn a_wrong_method_on_a_known_path_is_a_405_in_the_error_shape() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let response = reqwest::Client::new()
        .delete(app.url("/v2024/work-items/count"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let body = error_body(response, StatusCode::METHOD_NOT_ALLOWED).await;
    assert!(body.message().unwrap().contains("method"));
    let response = reqwest::Client::new()
        .put(app.url("/oauth/token"))
        .send()
        .await
        .unwrap();
    error_body(response, StatusCode::METHOD_NOT_ALLOWED).await;
}
