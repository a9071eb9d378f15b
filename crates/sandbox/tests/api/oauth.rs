//! /oauth/token (three encodings, three grants), the sign-in page, PKCE, refresh, info.

use reqwest::multipart::Form;
use reqwest::StatusCode;
use sandbox::routes::oauth::s256;
use wire::oauth::{OAuthError, OAuthInfo, TokenResponse};

use crate::helpers::{spawn_app, TestApp, Who};

async fn oauth_error(response: reqwest::Response, status: StatusCode, code: &str) {
    assert_eq!(response.status(), status);
    let body: OAuthError = response.json().await.unwrap();
    assert_eq!(body.error, code);
}

async fn works(app: &TestApp, token: &TokenResponse, who: Who) {
    assert_eq!(token.token_type, "bearer");
    assert_eq!(token.expires_in, 749);
    assert_eq!(token.identity_id, app.id_of(who));
    let response = app
        .get("/v2024/work-items/count", &token.access_token)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn client_credentials_work_as_a_form_body_multipart_or_query_string() {
    let app = spawn_app().await;
    let (id, secret, _) = app.client_of(Who::Owner);
    let params = [
        ("grant_type", "client_credentials"),
        ("client_id", id.as_str()),
        ("client_secret", secret.as_str()),
    ];
    let form = app
        .client
        .post(app.url("/oauth/token"))
        .form(&params)
        .send()
        .await
        .unwrap();
    let multipart = Form::new()
        .text("grant_type", "client_credentials")
        .text("client_id", id.clone())
        .text("client_secret", secret.clone());
    let multipart = app
        .client
        .post(app.url("/oauth/token"))
        .multipart(multipart)
        .send()
        .await
        .unwrap();
    let query = app
        .client
        .post(app.url("/oauth/token"))
        .query(&params)
        .send()
        .await
        .unwrap();
    for response in [form, multipart, query] {
        assert_eq!(response.status(), StatusCode::OK);
        let token: TokenResponse = response.json().await.unwrap();
        assert!(token.refresh_token.is_none());
        works(&app, &token, Who::Owner).await;
    }
}

#[tokio::test]
async fn a_wrong_secret_is_invalid_client_and_a_bad_grant_is_refused() {
    let app = spawn_app().await;
    let (id, _, _) = app.client_of(Who::Owner);
    let wrong = app
        .client
        .post(app.url("/oauth/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", id.as_str()),
            ("client_secret", "nope"),
        ])
        .send()
        .await
        .unwrap();
    oauth_error(wrong, StatusCode::UNAUTHORIZED, "invalid_client").await;
    let unknown = app
        .client
        .post(app.url("/oauth/token"))
        .form(&[("grant_type", "password")])
        .send()
        .await
        .unwrap();
    oauth_error(unknown, StatusCode::BAD_REQUEST, "unsupported_grant_type").await;
    let missing = app
        .client
        .post(app.url("/oauth/token"))
        .send()
        .await
        .unwrap();
    oauth_error(missing, StatusCode::BAD_REQUEST, "invalid_request").await;
}

const VERIFIER: &str = "a-verifier-that-is-long-enough-to-be-a-real-pkce-code-verifier-123";
const REDIRECT: &str = "http://localhost:3000/callback";

/// Runs the sign-in page as a browser would and returns the code.
async fn sign_in(app: &TestApp, name: &str) -> String {
    let challenge = s256(VERIFIER);
    let authorize = [
        ("response_type", "code"),
        ("client_id", "my-tasks"),
        ("redirect_uri", REDIRECT),
        ("state", "xyz"),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    let page = app
        .client
        .get(app.url("/oauth/authorize"))
        .query(&authorize)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    let button = format!("Sign in as {name}</button>");
    let at = html.find(&button).expect("a button per identity");
    let form_start = html[..at].rfind("<form").unwrap();
    let identity_id = html[form_start..at]
        .split("name=\"identity_id\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let mut submit: Vec<(&str, &str)> = authorize.to_vec();
    submit.push(("identity_id", &identity_id));
    let redirect = app
        .client
        .post(app.url("/oauth/authorize"))
        .form(&submit)
        .send()
        .await
        .unwrap();
    assert_eq!(redirect.status(), StatusCode::FOUND);
    let location = redirect.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with(&format!("{REDIRECT}?code=")),
        "{location}"
    );
    assert!(location.ends_with("&state=xyz"), "{location}");
    location
        .split("code=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_owned()
}

async fn exchange(app: &TestApp, code: &str, verifier: &str) -> reqwest::Response {
    app.client
        .post(app.url("/oauth/token"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("client_id", "my-tasks"),
            ("code", code),
            ("redirect_uri", REDIRECT),
            ("code_verifier", verifier),
        ])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_sign_in_page_lists_everyone_and_escapes_names() {
    let app = spawn_app().await;
    let challenge = s256(VERIFIER);
    let html = app
        .client
        .get(app.url("/oauth/authorize"))
        .query(&[
            ("client_id", "my-tasks"),
            ("redirect_uri", REDIRECT),
            ("code_challenge", challenge.as_str()),
            ("code_challenge_method", "S256"),
            ("state", "<script>"),
        ])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for name in ["Alison Ferguso", "Thomas Edison", "Fred Astaire"] {
        assert!(
            html.contains(&format!(">Sign in as {name}</button>")),
            "{name}"
        );
    }
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
}

#[tokio::test]
async fn pkce_sign_in_gives_tokens_for_the_chosen_identity_and_the_code_is_single_use() {
    let app = spawn_app().await;
    let code = sign_in(&app, "Alison Ferguso").await;
    let response = exchange(&app, &code, VERIFIER).await;
    assert_eq!(response.status(), StatusCode::OK);
    let token: TokenResponse = response.json().await.unwrap();
    assert!(token.refresh_token.is_some());
    works(&app, &token, Who::Owner).await;
    oauth_error(
        exchange(&app, &code, VERIFIER).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
}

#[tokio::test]
async fn a_wrong_code_verifier_is_invalid_grant() {
    let app = spawn_app().await;
    let code = sign_in(&app, "Thomas Edison").await;
    oauth_error(
        exchange(
            &app,
            &code,
            "the-wrong-verifier-the-wrong-verifier-the-wrong",
        )
        .await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
}

#[tokio::test]
async fn a_foreign_redirect_uri_or_missing_pkce_is_refused() {
    let app = spawn_app().await;
    let challenge = s256(VERIFIER);
    for (redirect, challenge) in [
        ("https://evil.example/cb", challenge.as_str()),
        (REDIRECT, ""),
    ] {
        let response = app
            .client
            .get(app.url("/oauth/authorize"))
            .query(&[
                ("client_id", "my-tasks"),
                ("redirect_uri", redirect),
                ("code_challenge", challenge),
                ("code_challenge_method", "S256"),
            ])
            .send()
            .await
            .unwrap();
        oauth_error(response, StatusCode::BAD_REQUEST, "invalid_request").await;
    }
}

#[tokio::test]
async fn a_refresh_token_is_rotated_and_works_only_once() {
    let app = spawn_app().await;
    let code = sign_in(&app, "Fred Astaire").await;
    let first: TokenResponse = exchange(&app, &code, VERIFIER).await.json().await.unwrap();
    let refresh = first.refresh_token.unwrap();
    let params = [
        ("grant_type", "refresh_token"),
        ("client_id", "my-tasks"),
        ("refresh_token", refresh.as_str()),
    ];
    let response = app
        .client
        .post(app.url("/oauth/token"))
        .form(&params)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let second: TokenResponse = response.json().await.unwrap();
    assert_ne!(second.refresh_token.as_deref(), Some(refresh.as_str()));
    works(&app, &second, Who::Other).await;
    let reused = app
        .client
        .post(app.url("/oauth/token"))
        .form(&params)
        .send()
        .await
        .unwrap();
    oauth_error(reused, StatusCode::BAD_REQUEST, "invalid_grant").await;
}

#[tokio::test]
async fn info_points_at_this_sandbox() {
    let app = spawn_app().await;
    let info: OAuthInfo = app
        .client
        .get(app.url("/oauth/info"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(info.token_endpoint, app.url("/oauth/token"));
    assert_eq!(info.authorize_endpoint, app.url("/oauth/authorize"));
    assert_eq!(info.code_challenge_methods_supported, ["S256"]);
}
