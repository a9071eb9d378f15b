//! Authentication (401 for every kind of bad token) and the authorization matrix.

use reqwest::StatusCode;
use wire::UnauthorizedBody;

use crate::helpers::{error_body, spawn_app, Who};

async fn unauthorized_reason(response: reqwest::Response) -> String {
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body: UnauthorizedBody = response.json().await.unwrap();
    let text = body.error.unwrap().as_str().unwrap().to_owned();
    assert!(text.starts_with("JWT validation failed: "), "{text}");
    text
}

#[tokio::test]
async fn a_request_without_a_token_is_refused_with_401() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/v2024/work-items"))
        .send()
        .await
        .unwrap();
    unauthorized_reason(response).await;
}

#[tokio::test]
async fn malformed_forged_unsigned_and_expired_tokens_are_refused_with_401() {
    let app = spawn_app().await;
    for (token, expect) in [
        ("not-a-jwt".to_owned(), "period"),
        ("a.b.c".to_owned(), "malformed"),
        (app.forged_token(), "signature"),
        (app.alg_none_token(), "none"),
        (app.expired_token(), "JWT is expired"),
    ] {
        let reason = unauthorized_reason(app.get("/v2024/work-items", &token).await).await;
        assert!(reason.contains(expect), "{reason}");
    }
}

#[tokio::test]
async fn every_work_item_route_requires_a_token() {
    let app = spawn_app().await;
    let item = app.fred_github_item().await;
    let id = item.id.unwrap();
    for (method, path) in [
        ("GET", "/v2024/work-items/completed".to_owned()),
        ("GET", "/v2024/work-items/count".to_owned()),
        ("GET", "/v2024/work-items/summary".to_owned()),
        ("GET", format!("/v2024/work-items/{id}")),
        ("POST", format!("/v2024/work-items/{id}")),
        ("POST", format!("/v2024/work-items/{id}/approve/x")),
        ("POST", format!("/v2024/work-items/bulk-reject/{id}")),
        ("GET", "/v2024/public-identities".to_owned()),
    ] {
        let response = app
            .client
            .request(method.parse().unwrap(), app.url(&path))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{method} {path}"
        );
    }
}

#[tokio::test]
async fn a_token_signed_by_the_server_identifies_the_caller_with_isc_claims() {
    let app = spawn_app().await;
    let token = app.token(Who::Admin).await;
    let claims = app
        .state
        .tokens()
        .verify(&token, chrono::Utc::now().timestamp())
        .unwrap()
        .0;
    assert_eq!(claims.identity_id, app.id_of(Who::Admin));
    assert_eq!(claims.user_name, "thomas.edison");
    assert!(claims.is_admin());
    assert_eq!(claims.exp - claims.iat, 749);
}

#[tokio::test]
async fn another_user_may_neither_see_nor_act_on_the_owners_item() {
    let app = spawn_app().await;
    let item = app.approval_item(1).await;
    let id = item.id.clone().unwrap();
    let approval = item.approval_items()[0].id.clone().unwrap();
    let other = app.token(Who::Other).await;
    for response in [
        app.get(&format!("/v2024/work-items/{id}"), &other).await,
        app.post(
            &format!("/v2024/work-items/{id}/approve/{approval}"),
            &other,
        )
        .await,
        app.post(&format!("/v2024/work-items/bulk-approve/{id}"), &other)
            .await,
        app.post(&format!("/v2024/work-items/{id}"), &other).await,
    ] {
        let body = error_body(response, StatusCode::FORBIDDEN).await;
        assert_eq!(body.detail_code.as_deref(), Some("403 Forbidden"));
    }
    let owner = app.token(Who::Owner).await;
    assert!(
        app.work_item(&id, &owner).await.is_pending(),
        "nothing changed"
    );
}

#[tokio::test]
async fn an_admin_may_see_and_act_on_anyones_item() {
    let app = spawn_app().await;
    let item = app.approval_item(1).await;
    let id = item.id.unwrap();
    let admin = app.token(Who::Admin).await;
    assert_eq!(
        app.work_item(&id, &admin).await.id.as_deref(),
        Some(id.as_str())
    );
    let response = app
        .post(&format!("/v2024/work-items/bulk-approve/{id}"), &admin)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn owner_id_of_someone_else_needs_admin() {
    let app = spawn_app().await;
    let alison = app.id_of(Who::Owner);
    let other = app.token(Who::Other).await;
    for path in [
        "/v2024/work-items",
        "/v2024/work-items/completed",
        "/v2024/work-items/count",
        "/v2024/work-items/summary",
    ] {
        let response = app.get(&format!("{path}?ownerId={alison}"), &other).await;
        error_body(response, StatusCode::FORBIDDEN).await;
    }
    let admin = app.token(Who::Admin).await;
    let response = app
        .get(&format!("/v2024/work-items?ownerId={alison}"), &admin)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let items: Vec<wire::WorkItem> = response.json().await.unwrap();
    assert!(!items.is_empty());
    assert!(items
        .iter()
        .all(|i| i.owner_id.as_deref() == Some(alison.as_str())));
}

#[tokio::test]
async fn owner_id_of_the_caller_is_allowed_and_an_unknown_owner_is_404_for_an_admin() {
    let app = spawn_app().await;
    let owner = app.token(Who::Owner).await;
    let own = app
        .get(
            &format!("/v2024/work-items/count?ownerId={}", app.id_of(Who::Owner)),
            &owner,
        )
        .await;
    assert_eq!(own.status(), StatusCode::OK);
    let admin = app.token(Who::Admin).await;
    let unknown = app
        .get(
            "/v2024/work-items?ownerId=ffffffffffffffffffffffffffffffff",
            &admin,
        )
        .await;
    error_body(unknown, StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn an_empty_owner_id_is_a_400_that_names_it_for_anyone() {
    let app = spawn_app().await;
    for who in [Who::Owner, Who::Admin] {
        let token = app.token(who).await;
        for path in [
            "/v2024/work-items",
            "/v2024/work-items/completed",
            "/v2024/work-items/count",
            "/v2024/work-items/summary",
        ] {
            let response = app.get(&format!("{path}?ownerId="), &token).await;
            let body = error_body(response, StatusCode::BAD_REQUEST).await;
            let message = body.message().unwrap_or_default();
            assert!(message.contains("'ownerId'"), "{path}: {message}");
        }
    }
}

/// Regression: 401 answers had no `WWW-Authenticate`. RFC 6750 §3: a request without a
/// token is challenged with `Bearer` alone, one with a bad token with
/// `error="invalid_token"`; on every API path, under both families.
#[tokio::test]
async fn a_401_challenges_for_a_bearer_token_and_says_when_the_token_was_bad() {
    let app = spawn_app().await;
    for path in [
        "/v2024/work-items",
        "/work-items/v1/count",
        "/v2024/nothing-here",
    ] {
        let response = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.headers()["www-authenticate"], "Bearer", "{path}");
        unauthorized_reason(response).await;
        for token in [app.expired_token(), app.forged_token(), "x.y.z".into()] {
            let response = app.get(path, &token).await;
            assert_eq!(
                response.headers()["www-authenticate"],
                r#"Bearer error="invalid_token""#,
                "{path}"
            );
            unauthorized_reason(response).await;
        }
    }
}
