//! Bad bodies: malformed JSON, wrong content type, oversized; and complete's optional body.

use reqwest::StatusCode;
use serde_json::json;

use crate::client::{Body, Op};
use crate::helpers::{error_body, spawn_app, spawn_app_with, Who};

#[tokio::test]
async fn malformed_json_is_400_in_the_error_shape() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let id = app.owner_item(|i| i.form.is_some()).await.id.unwrap();
    let body = Body::Raw {
        content_type: "application/json",
        text: "{\"account\": ",
    };
    let response = app.send(Op::SubmitSelection(&id, body), &token).await;
    let body = error_body(response, StatusCode::BAD_REQUEST).await;
    assert!(body.message().unwrap().contains("JSON"));
}

#[tokio::test]
async fn a_body_with_the_wrong_content_type_is_400() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let id = app.fred_github_item().await.id.unwrap();
    let body = Body::Raw {
        content_type: "text/plain",
        text: r#"{"targetOwnerId": "x", "comment": "y"}"#,
    };
    let response = app.send(Op::Forward(&id, body), &token).await;
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
        .send(Op::SubmitSelection(&id, Body::Json(huge)), &token)
        .await;
    error_body(response, StatusCode::PAYLOAD_TOO_LARGE).await;
    assert!(app.work_item(&id, &token).await.is_pending());
}

/// Pending items of the owner that Mark Complete accepts as they are.
async fn completable(app: &crate::helpers::TestApp, token: &str) -> Vec<String> {
    app.pending(token)
        .await
        .into_iter()
        .filter(|i| i.approval_items().is_empty() && i.form.is_none())
        .filter_map(|i| i.id)
        .collect()
}

#[tokio::test]
async fn complete_accepts_no_body_null_a_string_and_the_empty_object_the_typescript_sdk_sends() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let ids = completable(&app, &token).await;
    let bodies = [
        Body::Absent,
        Body::Raw {
            content_type: "application/json",
            text: "",
        },
        Body::Json(json!(null)),
        Body::Json(json!("Done, account created")),
        Body::Json(json!({})),
    ];
    assert!(ids.len() >= bodies.len(), "the seed has enough items");
    for (id, body) in ids.iter().zip(bodies) {
        let response = app.send(Op::Complete(id, body.clone()), &token).await;
        assert_eq!(response.status(), StatusCode::OK, "{body:?}");
    }
}

#[tokio::test]
async fn complete_refuses_a_body_that_is_no_comment() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let id = &completable(&app, &token).await[0];
    for body in [json!({"a": 1}), json!(42), json!(["x"])] {
        let response = app.send(Op::Complete(id, Body::Json(body)), &token).await;
        error_body(response, StatusCode::BAD_REQUEST).await;
    }
    assert!(app.work_item(id, &token).await.is_pending());
}

#[tokio::test]
async fn an_unknown_api_path_is_a_json_404() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let body = error_body(
        app.get("/v2024/nothing-here", &token).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    // The whole path asked for, not the part after the prefix.
    assert_eq!(
        body.message(),
        Some("No resource at '/v2024/nothing-here'.")
    );
    let body = error_body(
        app.get("/work-items/v1/a/b/c", &token).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(
        body.message(),
        Some("No resource at '/work-items/v1/a/b/c'.")
    );
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
    // Without a valid token, an API path is a 401 whatever the method or path, as ISC's
    // gateway answers (both were once a 405 and a 404).
    for (method, path) in [
        (reqwest::Method::DELETE, "/v2024/work-items/count"),
        (reqwest::Method::POST, "/v2024/nothing-here"),
        (reqwest::Method::GET, "/work-items/v1/a/b/c"),
    ] {
        let response = reqwest::Client::new()
            .request(method, app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert!(body["error"]
            .as_str()
            .unwrap()
            .starts_with("JWT validation failed"));
    }
    let response = reqwest::Client::new()
        .put(app.url("/oauth/token"))
        .send()
        .await
        .unwrap();
    error_body(response, StatusCode::METHOD_NOT_ALLOWED).await;
}

#[tokio::test]
async fn a_body_with_a_content_encoding_is_415_in_the_error_shape() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let item = app.owner_item(|i| i.approval_items().is_empty()).await;
    let forward = app
        .client
        .post(app.url(&format!(
            "/v2024/work-items/{}/forward",
            item.id.as_deref().unwrap()
        )))
        .bearer_auth(&token)
        .header("X-SailPoint-Experimental", "true")
        .header("content-type", "application/json")
        .header("content-encoding", "gzip")
        .body(r#"{"targetOwnerId":"x","comment":"y"}"#)
        .send()
        .await
        .unwrap();
    error_body(forward, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    let (id, secret, _) = app.client_of(Who::Owner);
    let token_request = |encoding: &'static str| {
        app.client
            .post(app.url("/oauth/token"))
            .header("content-encoding", encoding)
            .form(&[
                ("grant_type", "client_credentials"),
                ("client_id", id.as_str()),
                ("client_secret", secret.as_str()),
            ])
            .send()
    };
    let compressed = token_request("identity, br").await.unwrap();
    error_body(compressed, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    let identity = token_request("identity").await.unwrap();
    assert_eq!(identity.status(), StatusCode::OK);
}
