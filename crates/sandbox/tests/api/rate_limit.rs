//! The rate limit per access token.

use reqwest::StatusCode;
use wire::TooManyRequestsBody;

use crate::helpers::{spawn_app_with, Who};

#[tokio::test]
async fn a_token_over_its_limit_gets_429_with_retry_after_while_others_go_on() {
    let app = spawn_app_with(&[
        "--rate-limit-requests",
        "3",
        "--rate-limit-window-secs",
        "60",
    ])
    .await;
    let owner = app.token(Who::Owner).await;
    for _ in 0..3 {
        assert_eq!(
            app.get("/v2024/work-items/count", &owner).await.status(),
            StatusCode::OK
        );
    }
    let limited = app.get("/v2024/work-items/count", &owner).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    let body: TooManyRequestsBody = limited.json().await.unwrap();
    assert_eq!(body.message, Some(" Rate Limit Exceeded ".into()));
    let other = app.token(Who::Other).await;
    assert_eq!(
        app.get("/v2024/work-items/count", &other).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_new_token_for_the_same_identity_gets_no_fresh_budget() {
    let app = spawn_app_with(&[
        "--rate-limit-requests",
        "3",
        "--rate-limit-window-secs",
        "60",
    ])
    .await;
    for _ in 0..3 {
        let fresh = app.token(Who::Owner).await;
        assert_eq!(
            app.get("/v2024/work-items/count", &fresh).await.status(),
            StatusCode::OK
        );
    }
    let another = app.token(Who::Owner).await;
    assert_eq!(
        app.get("/v2024/work-items/count", &another).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn made_up_tokens_are_refused_without_taking_a_place_in_the_limiter() {
    let app = spawn_app_with(&[]).await;
    for n in 0..200 {
        let response = app
            .get("/v2024/work-items/count", &format!("made.up.{n}"))
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    assert!(app.state.limits().api.is_empty());
}
