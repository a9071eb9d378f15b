//! --static-dir: the built app with SPA fallback, but never for API paths.

use reqwest::StatusCode;

use crate::helpers::{error_body, spawn_app_with, Who};

#[tokio::test]
async fn app_routes_fall_back_to_index_html_but_api_paths_404() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><title>My Tasks</title>",
    )
    .unwrap();
    std::fs::write(dir.path().join("app.js"), "console.log(1)").unwrap();
    let app = spawn_app_with(&["--static-dir", dir.path().to_str().unwrap()]).await;
    let page = app.client.get(app.url("/tasks/123")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("My Tasks"));
    let script = app.client.get(app.url("/app.js")).send().await.unwrap();
    assert_eq!(script.text().await.unwrap(), "console.log(1)");
    let token = app.token(Who::Owner).await;
    error_body(
        app.get("/v2024/unknown", &token).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    error_body(
        app.get("/sandbox/unknown", &token).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    error_body(
        app.get("/oauth/unknown", &token).await,
        StatusCode::NOT_FOUND,
    )
    .await;
}
