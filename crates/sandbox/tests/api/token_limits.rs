//! Whom the limits of `/oauth/token` count against: every request its client address
//! (through a trusted proxy, the address the proxy forwarded for), and a confidential client
//! only once it proved its secret. Nobody can lock another client out, and no made-up or
//! oversized `client_id` takes a place in memory.

use reqwest::StatusCode;
use wire::oauth::OAuthError;

use crate::helpers::{spawn_app_with, TestApp, Who};

/// A limit of five requests, and this machine as the trusted proxy.
const BEHIND_A_PROXY: [&str; 4] = [
    "--token-rate-limit-requests",
    "5",
    "--trusted-proxy",
    "127.0.0.1",
];

/// `POST /oauth/token` with `params`, as forwarded by a proxy for `client`.
async fn token_from(app: &TestApp, client: &str, params: &[(&str, &str)]) -> reqwest::Response {
    app.client
        .post(app.url("/oauth/token"))
        .header("x-forwarded-for", client)
        .form(params)
        .send()
        .await
        .unwrap()
}

/// The client-credentials grant of `who`, with `secret` instead of theirs if given.
fn credentials<'a>(id: &'a str, secret: &'a str) -> [(&'static str, &'a str); 3] {
    [
        ("grant_type", "client_credentials"),
        ("client_id", id),
        ("client_secret", secret),
    ]
}

#[tokio::test]
async fn wrong_secrets_from_one_address_limit_that_address_not_the_client() {
    let app = spawn_app_with(&BEHIND_A_PROXY).await;
    let (id, secret, _) = app.client_of(Who::Owner);
    for _ in 0..5 {
        let wrong = token_from(&app, "203.0.113.1", &credentials(&id, "nope")).await;
        assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    }
    let limited = token_from(&app, "203.0.113.1", &credentials(&id, "nope")).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    let same_address = token_from(&app, "203.0.113.1", &credentials(&id, &secret)).await;
    assert_eq!(same_address.status(), StatusCode::TOO_MANY_REQUESTS);
    let elsewhere = token_from(&app, "203.0.113.2", &credentials(&id, &secret)).await;
    assert_eq!(elsewhere.status(), StatusCode::OK);
}

#[tokio::test]
async fn bogus_refresh_tokens_do_not_lock_out_the_browser_client() {
    let app = spawn_app_with(&BEHIND_A_PROXY).await;
    for n in 0..6 {
        let bogus = format!("bogus-{n}");
        let refresh = [
            ("grant_type", "refresh_token"),
            ("client_id", "my-tasks"),
            ("refresh_token", bogus.as_str()),
        ];
        let status = token_from(&app, "203.0.113.1", &refresh).await.status();
        let expected = if n < 5 {
            StatusCode::BAD_REQUEST
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(status, expected, "request {n}");
    }
    let tokens = app.pkce_tokens(Who::Owner).await;
    let refreshed = app.refresh(&tokens.refresh_token.unwrap()).await;
    assert_eq!(refreshed.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_authenticated_client_has_a_limit_of_its_own_across_addresses() {
    let app = spawn_app_with(&BEHIND_A_PROXY).await;
    let (id, secret, _) = app.client_of(Who::Owner);
    for n in 0..5 {
        let from = format!("203.0.113.{n}");
        let ok = token_from(&app, &from, &credentials(&id, &secret)).await;
        assert_eq!(ok.status(), StatusCode::OK, "from {from}");
    }
    let sixth = token_from(&app, "203.0.113.99", &credentials(&id, &secret)).await;
    assert_eq!(sixth.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(sixth.headers().contains_key("retry-after"));
    assert_eq!(app.state.limits().token_clients.len(), 1);
}

#[tokio::test]
async fn x_forwarded_for_is_not_read_unless_the_peer_is_a_trusted_proxy() {
    let app = spawn_app_with(&["--token-rate-limit-requests", "3"]).await;
    let mut statuses = Vec::new();
    for n in 0..4 {
        let from = format!("203.0.113.{n}");
        let response = token_from(&app, &from, &credentials("made-up", "x")).await;
        statuses.push(response.status());
    }
    assert_eq!(statuses[..3], [StatusCode::UNAUTHORIZED; 3]);
    assert_eq!(statuses[3], StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn made_up_client_ids_take_no_place_in_the_limiter() {
    let app = spawn_app_with(&["--token-rate-limit-requests", "1000"]).await;
    for n in 0..50 {
        let id = format!("made-up-client-{n}");
        let response = app.token_request(&credentials(&id, "x")).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    assert!(app.state.limits().token_clients.is_empty());
}

#[tokio::test]
async fn a_parameter_longer_than_any_grant_needs_is_an_invalid_request() {
    let app = spawn_app_with(&[]).await;
    let (_, secret, _) = app.client_of(Who::Owner);
    let long = "c".repeat(1_000_000);
    for params in [
        credentials(&long, &secret),
        credentials("my-tasks", &long),
        [
            ("grant_type", "refresh_token"),
            ("client_id", "my-tasks"),
            ("refresh_token", long.as_str()),
        ],
    ] {
        let response = app.token_request(&params).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let body: OAuthError = response.json().await.unwrap();
        assert_eq!(body.error, "invalid_request");
        let text = body.error_description.unwrap();
        assert!(text.contains("longer than 2048 bytes"), "{text}");
        assert!(text.len() < 200, "{text}");
    }
    let long_name = format!("{long}=x&grant_type=client_credentials");
    let response = app
        .client
        .post(app.url("/oauth/token"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(long_name)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(app.state.limits().token_clients.is_empty());
}
