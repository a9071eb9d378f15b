//! limit / offset / count on the list endpoints.

use reqwest::StatusCode;
use wire::WorkItem;

use crate::helpers::{error_body, spawn_app, spawn_app_with, Who};

#[tokio::test]
async fn bad_collection_parameters_are_400_naming_the_parameter() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    for (query, name) in [
        ("limit=251", "limit"),
        ("limit=-1", "limit"),
        ("limit=abc", "limit"),
        ("offset=-1", "offset"),
        ("offset=1.5", "offset"),
        ("count=maybe", "count"),
    ] {
        for path in [
            "/v2024/work-items",
            "/v2024/work-items/completed",
            "/v2024/public-identities",
        ] {
            let response = app.get(&format!("{path}?{query}"), &token).await;
            let body = error_body(response, StatusCode::BAD_REQUEST).await;
            assert!(
                body.message().unwrap().contains(&format!("'{name}'")),
                "{path}?{query}"
            );
        }
    }
}

#[tokio::test]
async fn count_true_sets_x_total_count_and_pages_tile_the_list() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let all = app.pending(&token).await;
    let mut paged: Vec<WorkItem> = Vec::new();
    for offset in (0..all.len() + 5).step_by(5) {
        let response = app
            .get(
                &format!("/v2024/work-items?limit=5&offset={offset}&count=true"),
                &token,
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()["x-total-count"],
            all.len().to_string().as_str()
        );
        let page: Vec<WorkItem> = response.json().await.unwrap();
        assert!(page.len() <= 5);
        paged.extend(page);
    }
    assert_eq!(paged, all);
    let without = app.get("/v2024/work-items?limit=0", &token).await;
    assert!(without.headers().get("x-total-count").is_none());
    assert_eq!(without.json::<Vec<WorkItem>>().await.unwrap().len(), 0);
}

#[tokio::test]
async fn cors_exposes_the_total_count_and_retry_after_to_a_configured_origin() {
    let app = spawn_app_with(&["--cors-origin", "http://localhost:3000"]).await;
    let token = app.token(Who::Owner).await;
    let response = app
        .client
        .get(app.url("/v2024/work-items?count=true"))
        .bearer_auth(&token)
        .header("Origin", "http://localhost:3000")
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "http://localhost:3000"
    );
    let exposed = response.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(exposed.contains("x-total-count") && exposed.contains("retry-after"));
}
