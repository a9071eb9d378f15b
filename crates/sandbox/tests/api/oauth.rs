//! /oauth/token (three encodings, three grants), the sign-in page, PKCE, refresh, info,
//! and what a hostile client tries against them.

use std::collections::HashMap;

use reqwest::multipart::Form;
use reqwest::{StatusCode, Url};
use wire::oauth::{OAuthError, OAuthInfo, TokenResponse};

use crate::helpers::{spawn_app, spawn_app_with, TestApp, Who, REDIRECT, VERIFIER};

async fn oauth_error(response: reqwest::Response, status: StatusCode, code: &str) -> String {
    assert_eq!(response.status(), status);
    let body: OAuthError = response.json().await.unwrap();
    assert_eq!(body.error, code);
    body.error_description.unwrap_or_default()
}

/// Asserts a refused authorization request the person is told about: a 400 page of the
/// sandbox's, never framed, that redirects nowhere. Returns its HTML.
async fn refused_page(response: reqwest::Response) -> String {
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.headers().get("location").is_none());
    let header = |name: &str| response.headers()[name].to_str().unwrap().to_owned();
    assert!(header("content-type").starts_with("text/html"));
    assert_eq!(header("x-frame-options"), "DENY");
    let policy = header("content-security-policy");
    assert!(policy.contains("frame-ancestors 'none'") && policy.contains("form-action 'none'"));
    response.text().await.unwrap()
}

/// Asserts a refused authorization request sent back to the client: a 302 to
/// [`REDIRECT`] with `error` (returned with the rest of the query) and the client's state.
fn sent_back(response: &reqwest::Response, error: &str) -> HashMap<String, String> {
    assert_eq!(response.status(), StatusCode::FOUND);
    let location = Url::parse(response.headers()["location"].to_str().unwrap()).unwrap();
    assert_eq!(&location.as_str()[..REDIRECT.len()], REDIRECT);
    let query: HashMap<String, String> = location.query_pairs().into_owned().collect();
    assert_eq!(query["error"], error, "{query:?}");
    assert_eq!(query["state"], "xyz");
    assert!(!query.contains_key("code"));
    query
}

/// `GET /oauth/info`, with `host` as the `Host` header if given.
async fn info(app: &TestApp, host: Option<&str>) -> OAuthInfo {
    let mut request = app.client.get(app.url("/oauth/info"));
    if let Some(host) = host {
        request = request.header("host", host);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
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
    let form = app.token_request(&params).await;
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
        .token_request(&[
            ("grant_type", "client_credentials"),
            ("client_id", &id),
            ("client_secret", "nope"),
        ])
        .await;
    oauth_error(wrong, StatusCode::UNAUTHORIZED, "invalid_client").await;
    let unknown = app.token_request(&[("grant_type", "password")]).await;
    oauth_error(unknown, StatusCode::BAD_REQUEST, "unsupported_grant_type").await;
    let missing = app.token_request(&[]).await;
    oauth_error(missing, StatusCode::BAD_REQUEST, "invalid_request").await;
}

/// RFC 6749: a parameter is sent once, and a client authenticates one way. Each of these
/// once gave the body's (last) client a token: here, the admin's.
#[tokio::test]
async fn a_parameter_sent_twice_or_a_client_authenticating_twice_is_refused() {
    let app = spawn_app().await;
    let (owner, owner_secret, _) = app.client_of(Who::Owner);
    let (admin, admin_secret, _) = app.client_of(Who::Admin);
    let grant = ("grant_type", "client_credentials");
    let twice = app
        .token_request(&[
            grant,
            ("client_id", &owner),
            ("client_secret", &owner_secret),
            ("client_id", &admin),
            ("client_secret", &admin_secret),
        ])
        .await;
    let said = oauth_error(twice, StatusCode::BAD_REQUEST, "invalid_request").await;
    assert!(
        said.contains("'client_id' is sent more than once"),
        "{said}"
    );
    // The admin's client in the body, after the owner's in the query or the header.
    let admins = [
        grant,
        ("client_id", admin.as_str()),
        ("client_secret", admin_secret.as_str()),
    ];
    let query_and_body = app
        .client
        .post(app.url("/oauth/token"))
        .query(&[("client_id", &owner), ("client_secret", &owner_secret)])
        .form(&admins)
        .send()
        .await
        .unwrap();
    oauth_error(query_and_body, StatusCode::BAD_REQUEST, "invalid_request").await;
    let basic_and_secret = app
        .client
        .post(app.url("/oauth/token"))
        .basic_auth(&owner, Some(&owner_secret))
        .form(&admins)
        .send()
        .await
        .unwrap();
    let said = oauth_error(basic_and_secret, StatusCode::BAD_REQUEST, "invalid_request").await;
    assert!(said.contains("authenticates twice"), "{said}");
    let basic_and_other_id = app
        .client
        .post(app.url("/oauth/token"))
        .basic_auth(&owner, Some(&owner_secret))
        .form(&[grant, ("client_id", &admin)])
        .send()
        .await
        .unwrap();
    oauth_error(
        basic_and_other_id,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    // Basic credentials, with or without the same client named in the body, still work.
    for body in [vec![grant], vec![grant, ("client_id", owner.as_str())]] {
        let response = app
            .client
            .post(app.url("/oauth/token"))
            .basic_auth(&owner, Some(&owner_secret))
            .form(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let token: TokenResponse = response.json().await.unwrap();
        works(&app, &token, Who::Owner).await;
    }
}

#[tokio::test]
async fn the_sign_in_page_lists_everyone_and_escapes_names() {
    let app = spawn_app().await;
    let params = app.authorize_params_with("state", "<script>");
    let html = app.authorize_page(&params).await.text().await.unwrap();
    for name in ["Alison Ferguso", "Thomas Edison", "Fred Astaire"] {
        assert!(
            html.contains(&format!(">Sign in as <bdi>{name}</bdi></button>")),
            "{name}"
        );
    }
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
}

/// `GET /oauth/authorize` with `params` from a browser asking for `accept_language`.
async fn authorize_page_in(
    app: &TestApp,
    params: &[(&str, String)],
    accept_language: &str,
) -> reqwest::Response {
    app.client
        .get(app.url("/oauth/authorize"))
        .query(params)
        .header("Accept-Language", accept_language)
        .send()
        .await
        .unwrap()
}

/// The sign-in page as a browser asking for `accept_language` gets it.
async fn sign_in_page_in(app: &TestApp, accept_language: &str) -> (Option<String>, String) {
    let response = authorize_page_in(app, &app.authorize_params(), accept_language).await;
    assert_eq!(response.status(), StatusCode::OK);
    let vary = response.headers().get_all("vary").iter();
    assert!(
        vary.filter_map(|v| v.to_str().ok())
            .any(|v| v.to_ascii_lowercase().contains("accept-language")),
        "the page must say it varies by language"
    );
    let language = response
        .headers()
        .get("content-language")
        .map(|v| v.to_str().unwrap().to_owned());
    (language, response.text().await.unwrap())
}

#[tokio::test]
async fn the_sign_in_page_speaks_german_to_a_german_browser() {
    let app = spawn_app().await;
    let (language, html) = sign_in_page_in(&app, "de-DE,de;q=0.9,en;q=0.8").await;
    assert_eq!(language.as_deref(), Some("de"));
    assert!(html.contains(r#"<html lang="de" dir="ltr">"#), "{html}");
    assert!(html.contains("<title>Anmelden · Sandbox von Meine Aufgaben</title>"));
    assert!(html.contains("<h1>Bei der Sandbox von Meine Aufgaben anmelden</h1>"));
    assert!(html.contains("Wählen Sie eine Demo-Identität."));
    assert!(html.contains(">Anmelden als <bdi>Alison Ferguso</bdi></button>"));
    assert!(html.contains("<bdi>Thomas Edison</bdi></button> <small>(Administrator)</small>"));
    for english in ["Sign in", "Choose a demo identity", "(admin)", "passwords"] {
        assert!(!html.contains(english), "{english} left in English");
    }
}

#[tokio::test]
async fn the_sign_in_page_is_right_to_left_arabic_for_an_arabic_browser() {
    let app = spawn_app().await;
    let (language, html) = sign_in_page_in(&app, "fr;q=0.9, ar-SA;q=0.8, de;q=0.1").await;
    assert_eq!(language.as_deref(), Some("ar"));
    assert!(html.contains(r#"<html lang="ar" dir="rtl">"#), "{html}");
    assert!(html.contains("<h1>سجّل الدخول إلى بيئة مهامي التجريبية</h1>"));
    assert!(html.contains(">تسجيل الدخول باسم <bdi>Alison Ferguso</bdi></button>"));
    assert!(html.contains(">تسجيل الدخول باسم <bdi>ليلى حداد</bdi></button>"));
    assert!(html.contains("<small>(مسؤول)</small>"));
    for english in ["Sign in", "Choose a demo identity", "(admin)", "Anmelden"] {
        assert!(
            !html.contains(english),
            "{english} left in another language"
        );
    }
}

#[tokio::test]
async fn the_sign_in_page_is_english_when_the_browser_asks_for_no_language_it_has() {
    let app = spawn_app().await;
    for header in ["fr-FR, ja;q=0.5", "*", "de;q=0", "q=;;,"] {
        let (language, html) = sign_in_page_in(&app, header).await;
        assert_eq!(language.as_deref(), Some("en"), "{header}");
        assert!(html.contains(r#"<html lang="en" dir="ltr">"#), "{header}");
        assert!(
            html.contains("<h1>Sign in to the My Tasks sandbox</h1>"),
            "{header}"
        );
    }
}

#[tokio::test]
async fn each_button_of_the_sign_in_page_signs_in_its_person() {
    let app = spawn_app().await;
    let html = app
        .authorize_page(&app.authorize_params())
        .await
        .text()
        .await
        .unwrap();
    let at = html
        .find("Sign in as <bdi>Thomas Edison</bdi></button>")
        .unwrap();
    let form = &html[html[..at].rfind("<form").unwrap()..at];
    let identity = form.split("name=\"identity_id\" value=\"").nth(1).unwrap();
    assert_eq!(identity.split('"').next().unwrap(), app.id_of(Who::Admin));
}

#[tokio::test]
async fn pkce_sign_in_gives_tokens_for_the_chosen_identity_and_the_code_is_single_use() {
    let app = spawn_app().await;
    let code = app.sign_in(Who::Owner).await;
    let response = app.exchange(&code, VERIFIER).await;
    assert_eq!(response.status(), StatusCode::OK);
    let token: TokenResponse = response.json().await.unwrap();
    assert!(token.refresh_token.is_some());
    works(&app, &token, Who::Owner).await;
    oauth_error(
        app.exchange(&code, VERIFIER).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
}

#[tokio::test]
async fn a_wrong_code_verifier_is_invalid_grant() {
    let app = spawn_app().await;
    let code = app.sign_in(Who::Admin).await;
    let wrong = "the-wrong-verifier-the-wrong-verifier-the-wrong";
    oauth_error(
        app.exchange(&code, wrong).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
}

#[tokio::test]
async fn a_code_verifier_shorter_than_43_or_longer_than_128_characters_is_refused() {
    let app = spawn_app().await;
    for verifier in [
        "short".to_owned(),
        "a".repeat(42),
        "a".repeat(129),
        format!("{}!", "a".repeat(50)),
    ] {
        let code = app.sign_in(Who::Owner).await;
        let description = oauth_error(
            app.exchange(&code, &verifier).await,
            StatusCode::BAD_REQUEST,
            "invalid_request",
        )
        .await;
        assert!(description.contains("43 to 128"), "{description}");
    }
}

#[tokio::test]
async fn a_foreign_redirect_uri_is_told_to_the_person_and_never_followed() {
    let app = spawn_app().await;
    for (name, value) in [
        ("redirect_uri", "https://evil.example/cb"),
        ("client_id", "someone-else"),
    ] {
        let params = app.authorize_params_with(name, value);
        let html = refused_page(app.authorize_page(&params).await).await;
        assert!(
            html.contains("This sign-in request cannot be used"),
            "{html}"
        );
        assert!(html.contains(name), "{html}");
    }
}

#[tokio::test]
async fn a_request_without_pkce_or_for_a_token_is_sent_back_to_the_client_with_its_error() {
    let app = spawn_app().await;
    for (name, value, error) in [
        ("code_challenge", "", "invalid_request"),
        ("code_challenge_method", "plain", "invalid_request"),
        ("response_type", "token", "unsupported_response_type"),
    ] {
        let params = app.authorize_params_with(name, value);
        let query = sent_back(&app.authorize_page(&params).await, error);
        let description = &query["error_description"];
        assert!(
            description.contains("PKCE") || description.contains("response_type"),
            "{description}"
        );
    }
    assert!(app.state.codes().is_empty());
}

/// Regression: `response_type` was optional. It is REQUIRED (RFC 6749 §4.1.1): without it
/// a trusted client is sent `invalid_request`; an untrusted one is still told on a page.
#[tokio::test]
async fn a_request_without_a_response_type_is_an_invalid_request() {
    let app = spawn_app().await;
    let mut params = app.authorize_params();
    params.retain(|(name, _)| *name != "response_type");
    let page = app.authorize_page(&params).await;
    let query = sent_back(&page, "invalid_request");
    assert!(
        query["error_description"].contains("response_type"),
        "{query:?}"
    );
    params.push(("identity_id", app.id_of(Who::Owner)));
    sent_back(&app.authorize_submit(&params).await, "invalid_request");
    assert!(app.state.codes().is_empty());
    params.retain(|(name, _)| *name != "redirect_uri");
    params.push(("redirect_uri", "https://evil.example/cb".into()));
    let html = refused_page(app.authorize_page(&params).await).await;
    assert!(html.contains("redirect_uri"), "{html}");
}

/// The sign-in page's buttons submit every field the submission is checked for, so a
/// required parameter added to the check is one the form sends too.
#[tokio::test]
async fn the_sign_in_pages_form_submits_a_complete_request() {
    let app = spawn_app().await;
    let html = app
        .authorize_page(&app.authorize_params())
        .await
        .text()
        .await
        .unwrap();
    let form = html
        .split("<form")
        .nth(1)
        .unwrap()
        .split("</form>")
        .next()
        .unwrap();
    let fields: Vec<(&str, String)> = form
        .split("<input type=\"hidden\" name=\"")
        .skip(1)
        .map(|input| {
            let (name, rest) = input.split_once('"').unwrap();
            let value = rest.split("value=\"").nth(1).unwrap().split('"').next();
            (name, value.unwrap().replace("&amp;", "&"))
        })
        .collect();
    assert!(
        fields.contains(&("response_type", "code".into())),
        "{fields:?}"
    );
    let redirect = app.authorize_submit(&fields).await;
    assert_eq!(redirect.status(), StatusCode::FOUND);
    let location = redirect.headers()["location"].to_str().unwrap();
    assert!(
        location.starts_with(&format!("{REDIRECT}?code=")),
        "{location}"
    );
}

#[tokio::test]
async fn a_refused_request_is_explained_in_the_browsers_language() {
    let app = spawn_app().await;
    let params = app.authorize_params_with("redirect_uri", "https://evil.example/cb");
    let page = authorize_page_in(&app, &params, "de-DE,de;q=0.9").await;
    assert_eq!(page.headers()["content-language"], "de");
    let html = refused_page(page).await;
    assert!(html.contains("<html lang=\"de\""), "{html}");
    assert!(
        html.contains("Diese Anmeldeanfrage kann nicht verwendet werden"),
        "{html}"
    );
}

#[tokio::test]
async fn a_refresh_token_is_rotated_and_works_only_once() {
    let app = spawn_app().await;
    let first = app.pkce_tokens(Who::Other).await;
    let refresh = first.refresh_token.unwrap();
    let response = app.refresh(&refresh).await;
    assert_eq!(response.status(), StatusCode::OK);
    let second: TokenResponse = response.json().await.unwrap();
    assert_ne!(second.refresh_token.as_deref(), Some(refresh.as_str()));
    works(&app, &second, Who::Other).await;
    oauth_error(
        app.refresh(&refresh).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
}

#[tokio::test]
async fn reusing_a_rotated_refresh_token_revokes_its_whole_chain_but_not_other_sign_ins() {
    let app = spawn_app().await;
    let stolen = app.pkce_tokens(Who::Owner).await.refresh_token.unwrap();
    let other_session = app.pkce_tokens(Who::Owner).await.refresh_token.unwrap();
    let rotated: TokenResponse = app.refresh(&stolen).await.json().await.unwrap();
    let current = rotated.refresh_token.unwrap();
    let description = oauth_error(
        app.refresh(&stolen).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
    assert!(description.contains("revoked"), "{description}");
    oauth_error(
        app.refresh(&current).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
    assert_eq!(app.refresh(&other_session).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn info_points_at_this_sandbox() {
    let app = spawn_app().await;
    let info = info(&app, None).await;
    assert_eq!(info.token_endpoint, app.url("/oauth/token"));
    assert_eq!(info.authorize_endpoint, app.url("/oauth/authorize"));
    assert_eq!(info.code_challenge_methods_supported, ["S256"]);
}

#[tokio::test]
async fn the_host_header_decides_neither_info_nor_where_codes_may_go() {
    // Even a name the sandbox answers for (any other is refused: see security.rs).
    let app = spawn_app_with(&["--allowed-host", "other.example"]).await;
    let info = info(&app, Some("other.example")).await;
    assert_eq!(info.token_endpoint, app.url("/oauth/token"));
    let mut params = app.authorize_params_with("redirect_uri", "http://other.example/cb");
    params.push(("identity_id", app.id_of(Who::Admin)));
    let response = app
        .client
        .post(app.url("/oauth/authorize"))
        .header("host", "other.example")
        .form(&params)
        .send()
        .await
        .unwrap();
    assert!(refused_page(response).await.contains("redirect_uri"));
    assert!(app.state.codes().is_empty());
}

#[tokio::test]
async fn the_public_base_url_is_advertised_and_is_the_own_origin_for_redirects() {
    let app = spawn_app_with(&["--public-base-url", "https://tasks.example"]).await;
    let info = info(&app, None).await;
    assert_eq!(info.token_endpoint, "https://tasks.example/oauth/token");
    assert_eq!(info.api_url, "https://tasks.example");
    let mut params =
        app.authorize_params_with("redirect_uri", "https://tasks.example/auth/callback");
    params.push(("identity_id", app.id_of(Who::Owner)));
    let response = app.authorize_submit(&params).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let location = response.headers()["location"].to_str().unwrap();
    assert!(location.starts_with("https://tasks.example/auth/callback?code="));
}

#[tokio::test]
async fn a_huge_code_challenge_is_refused_and_nothing_is_stored() {
    let app = spawn_app().await;
    for (name, value, back_to_client) in [
        ("code_challenge", "a".repeat(900 * 1024), true),
        ("code_challenge", "a".repeat(44), true),
        (
            "redirect_uri",
            format!("{REDIRECT}?{}", "a".repeat(4096)),
            false,
        ),
        ("state", "s".repeat(4096), false),
    ] {
        let mut params = app.authorize_params_with(name, value);
        params.push(("identity_id", app.id_of(Who::Owner)));
        let response = app.authorize_submit(&params).await;
        if back_to_client {
            sent_back(&response, "invalid_request");
        } else {
            refused_page(response).await;
        }
    }
    assert!(app.state.codes().is_empty());
}

#[tokio::test]
async fn pending_codes_are_bounded_and_expired_ones_are_purged() {
    let app = spawn_app_with(&["--max-pending-codes", "2", "--auth-code-ttl-secs", "1"]).await;
    app.sign_in(Who::Owner).await;
    app.sign_in(Who::Owner).await;
    let mut params = app.authorize_params();
    params.push(("identity_id", app.id_of(Who::Owner)));
    let full = app.authorize_submit(&params).await;
    sent_back(&full, "temporarily_unavailable");
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    app.sign_in(Who::Owner).await;
    assert_eq!(app.state.codes().len(), 1);
}

#[tokio::test]
async fn an_expired_code_is_refused() {
    let app = spawn_app_with(&["--auth-code-ttl-secs", "1"]).await;
    let code = app.sign_in(Who::Owner).await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let description = oauth_error(
        app.exchange(&code, VERIFIER).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
    assert!(description.contains("expired"), "{description}");
}

#[tokio::test]
async fn the_sign_in_page_refuses_to_be_framed_and_runs_no_inline_script() {
    let app = spawn_app().await;
    let page = app.authorize_page(&app.authorize_params()).await;
    assert_eq!(page.headers()["x-frame-options"], "DENY");
    let policy = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(policy.contains("default-src 'none'"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    let html = page.text().await.unwrap();
    assert!(!html.contains("<script"));
    let style = html
        .split("<style>")
        .nth(1)
        .unwrap()
        .split("</style>")
        .next()
        .unwrap();
    use base64::Engine;
    use sha2::Digest;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style));
    assert!(
        policy.contains(&format!("style-src 'sha256-{hash}'")),
        "{policy}"
    );
}

#[tokio::test]
async fn many_client_ids_from_one_address_are_rate_limited_per_address() {
    let app = spawn_app_with(&["--token-rate-limit-requests", "5"]).await;
    let mut statuses = Vec::new();
    for n in 0..6 {
        let id = format!("made-up-client-{n}");
        let response = app
            .token_request(&[
                ("grant_type", "client_credentials"),
                ("client_id", &id),
                ("client_secret", "x"),
            ])
            .await;
        statuses.push(response.status());
    }
    assert_eq!(statuses[..5], [StatusCode::UNAUTHORIZED; 5]);
    assert_eq!(statuses[5], StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn tenant_facts_and_lifetimes_come_from_the_configuration() {
    let app = spawn_app_with(&[
        "--tenant-id",
        "t-42",
        "--tenant-pod",
        "pod-9",
        "--tenant-org",
        "acme",
        "--refresh-token-ttl-secs",
        "1",
    ])
    .await;
    let tokens = app.pkce_tokens(Who::Owner).await;
    assert_eq!(
        (
            tokens.tenant_id.as_str(),
            tokens.pod.as_str(),
            tokens.org.as_str()
        ),
        ("t-42", "pod-9", "acme")
    );
    let info = info(&app, None).await;
    assert_eq!(info.org, "acme");
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    oauth_error(
        app.refresh(&tokens.refresh_token.unwrap()).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
}

#[tokio::test]
async fn a_sign_in_ends_a_refresh_token_lifetime_after_it_began_however_often_it_is_refreshed() {
    // A copied refresh token (another tab, a stolen store) kept alive by refreshing it
    // would otherwise never end.
    // Expiry is kept in whole seconds: a 4 s lifetime ends 3 to 4 s after the sign-in.
    let app = spawn_app_with(&["--refresh-token-ttl-secs", "4"]).await;
    let tokens = app.pkce_tokens(Who::Owner).await;
    let mut refresh = tokens.refresh_token.unwrap();
    for _ in 0..2 {
        tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
        let renewed = app.refresh(&refresh).await;
        assert_eq!(renewed.status(), StatusCode::OK);
        let body: serde_json::Value = renewed.json().await.unwrap();
        refresh = body["refresh_token"].as_str().unwrap().to_owned();
    }
    // 4.4 s after the sign-in, 2 s after the last refresh: the sign-in is over.
    tokio::time::sleep(std::time::Duration::from_millis(2000)).await;
    oauth_error(
        app.refresh(&refresh).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
}

#[tokio::test]
async fn undecodable_authorize_parameters_are_explained_on_a_page_not_in_plain_text() {
    let app = spawn_app().await;
    let page = app
        .client
        .get(app.url("/oauth/authorize?client_id=a&client_id=b"))
        .send()
        .await
        .unwrap();
    assert!(refused_page(page).await.contains("malformed parameters"));
    let submit = app
        .client
        .post(app.url("/oauth/authorize"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("client_id=a&client_id=b")
        .send()
        .await
        .unwrap();
    assert!(refused_page(submit).await.contains("malformed parameters"));
}

/// `POST /oauth/authorize` as Alison, as forwarded by a proxy for `client`.
async fn sign_in_from(app: &TestApp, client: &str) -> reqwest::Response {
    let mut params = app.authorize_params();
    params.push(("identity_id", app.id_of(Who::Owner)));
    app.client
        .post(app.url("/oauth/authorize"))
        .header("x-forwarded-for", client)
        .form(&params)
        .send()
        .await
        .unwrap()
}

/// Whether `response` redirects to the client with a code.
fn has_code(response: &reqwest::Response) -> bool {
    response.status() == StatusCode::FOUND
        && response.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with(&format!("{REDIRECT}?code="))
}

#[tokio::test]
async fn sign_in_submissions_are_limited_per_address() {
    let app = spawn_app_with(&[
        "--token-rate-limit-requests",
        "3",
        "--trusted-proxy",
        "127.0.0.1",
    ])
    .await;
    for _ in 0..3 {
        assert!(has_code(&sign_in_from(&app, "203.0.113.1").await));
    }
    let limited = sign_in_from(&app, "203.0.113.1").await;
    let query = sent_back(&limited, "temporarily_unavailable");
    assert!(
        query["error_description"].contains("from this address"),
        "{query:?}"
    );
    assert!(has_code(&sign_in_from(&app, "203.0.113.2").await));
    assert_eq!(app.state.codes().len(), 4);
}

#[tokio::test]
async fn one_address_cannot_take_every_pending_code() {
    let app = spawn_app_with(&[
        "--max-pending-codes",
        "10",
        "--max-pending-codes-per-address",
        "2",
        "--trusted-proxy",
        "127.0.0.1",
    ])
    .await;
    assert!(has_code(&sign_in_from(&app, "203.0.113.1").await));
    assert!(has_code(&sign_in_from(&app, "203.0.113.1").await));
    let refused = sign_in_from(&app, "203.0.113.1").await;
    let query = sent_back(&refused, "temporarily_unavailable");
    assert!(
        query["error_description"].contains("from this address"),
        "{query:?}"
    );
    assert!(has_code(&sign_in_from(&app, "203.0.113.2").await));
    assert!(has_code(&sign_in_from(&app, "2001:db8::7").await));
}

#[tokio::test]
async fn a_redirect_uri_with_an_impossible_port_or_a_space_is_refused_on_a_page() {
    let app = spawn_app().await;
    for bad in [
        "http://localhost:99999999999/cb",
        "http://localhost:0/cb",
        "http://localhost:9/ cb",
    ] {
        let params = app.authorize_params_with("redirect_uri", bad);
        let html = refused_page(app.authorize_page(&params).await).await;
        assert!(html.contains("redirect_uri"), "{bad}");
    }
}

/// An API request with `token`, answered 401 for a refused token or 200.
async fn api_status(app: &TestApp, token: &str) -> StatusCode {
    app.get("/v2024/work-items/count", token).await.status()
}

/// Regression: a replayed authorization code was refused, but what its first exchange
/// issued lived on. RFC 6749 §4.1.2: the server SHOULD revoke all tokens previously issued
/// based on that code.
#[tokio::test]
async fn replaying_an_authorization_code_revokes_what_its_first_exchange_issued() {
    let app = spawn_app().await;
    let code = app.sign_in(Who::Owner).await;
    let first: TokenResponse = app.exchange(&code, VERIFIER).await.json().await.unwrap();
    let other = app.pkce_tokens(Who::Owner).await;
    assert_eq!(api_status(&app, &first.access_token).await, StatusCode::OK);
    let said = oauth_error(
        app.exchange(&code, VERIFIER).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
    assert!(said.contains("revoked"), "{said}");
    // Before the refresh token is tried: presenting it would revoke its sign-in again.
    let response = app
        .get("/v2024/work-items/count", &first.access_token)
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body: wire::UnauthorizedBody = response.json().await.unwrap();
    let text = body.error.unwrap().as_str().unwrap().to_owned();
    assert!(text.contains("revoked"), "{text}");
    let refused = app.refresh(first.refresh_token.as_deref().unwrap()).await;
    oauth_error(refused, StatusCode::BAD_REQUEST, "invalid_grant").await;
    // Another sign-in of the same person is not touched.
    assert_eq!(api_status(&app, &other.access_token).await, StatusCode::OK);
    let refreshed = app.refresh(other.refresh_token.as_deref().unwrap()).await;
    assert_eq!(refreshed.status(), StatusCode::OK);
}

/// The replay of a code whose exchange has not stored its tokens yet: the exchange, seeing
/// the replay when it comes to store them, issues nothing (else its tokens could be stored
/// after the replay's revocation, and outlive it).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_replayed_while_its_first_exchange_waits_to_be_stored_issues_nothing() {
    let app = spawn_app().await;
    let code = app.sign_in(Who::Owner).await;
    let hold = app.state.db().hold_writer().await.unwrap();
    let replay = async {
        while app.state.db().writes_waiting() < 1 {
            tokio::time::sleep(std::time::Duration::from_millis(2)).await;
        }
        app.exchange(&code, VERIFIER).await
    };
    let (first, replay, held) = tokio::join!(
        app.exchange(&code, VERIFIER),
        replay,
        hold.release_when_queued(2)
    );
    held.unwrap();
    let said = oauth_error(first, StatusCode::BAD_REQUEST, "invalid_grant").await;
    assert!(said.contains("presented twice"), "{said}");
    oauth_error(replay, StatusCode::BAD_REQUEST, "invalid_grant").await;
}

/// Regression: presenting a used refresh token said "every token of its sign-in is now
/// revoked", but the sign-in's access tokens kept working. They are refused too, also
/// after a restart.
#[tokio::test]
async fn reusing_a_refresh_token_revokes_the_access_tokens_of_its_sign_in_too() {
    let app = spawn_app().await;
    let first = app.pkce_tokens(Who::Owner).await;
    let stolen = first.refresh_token.clone().unwrap();
    let second: TokenResponse = app.refresh(&stolen).await.json().await.unwrap();
    let other = app.pkce_tokens(Who::Owner).await;
    let client = app.token(Who::Owner).await;
    for token in [&first.access_token, &second.access_token] {
        assert_eq!(api_status(&app, token).await, StatusCode::OK);
    }
    oauth_error(
        app.refresh(&stolen).await,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
    )
    .await;
    for token in [&first.access_token, &second.access_token] {
        assert_eq!(api_status(&app, token).await, StatusCode::UNAUTHORIZED);
    }
    for token in [&other.access_token, &client] {
        assert_eq!(api_status(&app, token).await, StatusCode::OK, "not touched");
    }
    let app = app.reopen_with(&[]).await;
    for token in [&first.access_token, &second.access_token] {
        assert_eq!(
            api_status(&app, token).await,
            StatusCode::UNAUTHORIZED,
            "still refused after a restart"
        );
    }
    assert_eq!(api_status(&app, &other.access_token).await, StatusCode::OK);
}

/// Regression: the refresh-token grant never checked the client credentials sent with it.
/// RFC 6749 §6: the server authenticates the client if client authentication is included;
/// wrong credentials are a 401 `invalid_client` (§5.2).
#[tokio::test]
async fn the_refresh_grant_refuses_wrong_client_credentials_when_they_are_sent() {
    let app = spawn_app().await;
    let refresh = app.pkce_tokens(Who::Owner).await.refresh_token.unwrap();
    let (id, secret, _) = app.client_of(Who::Owner);
    let grant = [
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh.as_str()),
    ];
    fn with<'a>(
        grant: &[(&'a str, &'a str)],
        extra: &[(&'a str, &'a str)],
    ) -> Vec<(&'a str, &'a str)> {
        grant.iter().chain(extra).copied().collect()
    }
    for params in [
        with(
            &grant,
            &[("client_id", "my-tasks"), ("client_secret", "a-secret")],
        ),
        with(&grant, &[("client_id", &id), ("client_secret", "wrong")]),
        with(&grant, &[("client_id", &id)]),
        with(&grant, &[("client_id", "made-up")]),
    ] {
        let refused = app.token_request(&params).await;
        assert!(refused.headers().get("www-authenticate").is_none());
        oauth_error(refused, StatusCode::UNAUTHORIZED, "invalid_client").await;
    }
    let basic = app
        .client
        .post(app.url("/oauth/token"))
        .basic_auth(&id, Some("wrong"))
        .form(&grant)
        .send()
        .await
        .unwrap();
    assert!(basic.headers()["www-authenticate"]
        .to_str()
        .unwrap()
        .starts_with("Basic realm="));
    oauth_error(basic, StatusCode::UNAUTHORIZED, "invalid_client").await;
    // A client that proves itself may only use its own refresh tokens.
    let right = app
        .token_request(&with(
            &grant,
            &[("client_id", &id), ("client_secret", &secret)],
        ))
        .await;
    oauth_error(right, StatusCode::BAD_REQUEST, "invalid_grant").await;
    // None of the refusals used the token up.
    assert_eq!(app.refresh(&refresh).await.status(), StatusCode::OK);
}

/// Regression: a confidential client with the right secret asking for the
/// authorization-code grant was told 401 "unknown client"; it is known and authenticated,
/// just not allowed that grant: 400 `unauthorized_client` (RFC 6749 §5.2). The same for
/// the public client asking for client credentials.
#[tokio::test]
async fn a_known_client_asking_for_a_grant_it_may_not_use_is_unauthorized_client() {
    let app = spawn_app().await;
    let (id, secret, _) = app.client_of(Who::Owner);
    let code = app.sign_in(Who::Owner).await;
    let exchange = |client: (&'static str, String), secret: Option<String>| {
        let mut params = vec![
            ("grant_type", "authorization_code".to_owned()),
            ("code", code.clone()),
            ("redirect_uri", REDIRECT.to_owned()),
            ("code_verifier", VERIFIER.to_owned()),
            client,
        ];
        params.extend(secret.map(|s| ("client_secret", s)));
        params
    };
    let confidential = app
        .client
        .post(app.url("/oauth/token"))
        .form(&exchange(("client_id", id.clone()), Some(secret.clone())))
        .send()
        .await
        .unwrap();
    let said = oauth_error(confidential, StatusCode::BAD_REQUEST, "unauthorized_client").await;
    assert!(said.contains("authorization_code"), "{said}");
    let wrong = app
        .client
        .post(app.url("/oauth/token"))
        .form(&exchange(("client_id", id.clone()), Some("wrong".into())))
        .send()
        .await
        .unwrap();
    oauth_error(wrong, StatusCode::UNAUTHORIZED, "invalid_client").await;
    let public = app
        .token_request(&[
            ("grant_type", "client_credentials"),
            ("client_id", "my-tasks"),
        ])
        .await;
    oauth_error(public, StatusCode::BAD_REQUEST, "unauthorized_client").await;
    // The code was never taken: the browser client still exchanges it.
    assert_eq!(app.exchange(&code, VERIFIER).await.status(), StatusCode::OK);
}

/// Regression: a client whose HTTP Basic credentials failed got no challenge (RFC 6749
/// §5.2 wants `WWW-Authenticate` with the scheme it used). A client that sent its
/// credentials in the body, or the public client, gets none: to a browser a Basic
/// challenge is a password prompt.
#[tokio::test]
async fn only_a_client_whose_basic_credentials_failed_is_challenged_for_them() {
    let app = spawn_app().await;
    let (id, _, _) = app.client_of(Who::Owner);
    let grant = [("grant_type", "client_credentials")];
    for request in [
        app.client
            .post(app.url("/oauth/token"))
            .basic_auth(&id, Some("wrong")),
        app.client
            .post(app.url("/oauth/token"))
            .basic_auth("made-up", Some("x")),
        app.client
            .post(app.url("/oauth/token"))
            .header("authorization", "Basic not-base64!"),
    ] {
        let response = request.form(&grant).send().await.unwrap();
        let challenge = response.headers()["www-authenticate"].to_str().unwrap();
        assert_eq!(
            challenge,
            r#"Basic realm="My Tasks sandbox", charset="UTF-8""#
        );
        oauth_error(response, StatusCode::UNAUTHORIZED, "invalid_client").await;
    }
    for response in [
        app.token_request(&[
            ("grant_type", "client_credentials"),
            ("client_id", &id),
            ("client_secret", "wrong"),
        ])
        .await,
        app.token_request(&[
            ("grant_type", "refresh_token"),
            ("client_id", "my-tasks"),
            ("client_secret", "x"),
            ("refresh_token", "r"),
        ])
        .await,
    ] {
        assert!(response.headers().get("www-authenticate").is_none());
        oauth_error(response, StatusCode::UNAUTHORIZED, "invalid_client").await;
    }
}

/// RFC 6749 §5.1: an answer with tokens is never stored by a cache, HTTP/1.0 ones included.
#[tokio::test]
async fn token_answers_are_no_store_and_no_cache() {
    let app = spawn_app().await;
    let code = app.sign_in(Who::Owner).await;
    let exchanged = app.exchange(&code, VERIFIER).await;
    let refresh = {
        let headers = exchanged.headers().clone();
        let tokens: TokenResponse = exchanged.json().await.unwrap();
        assert_eq!(headers["cache-control"], "no-store");
        assert_eq!(headers["pragma"], "no-cache");
        tokens.refresh_token.unwrap()
    };
    for response in [
        app.client_credentials(Who::Owner).await,
        app.refresh(&refresh).await,
    ] {
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["cache-control"], "no-store");
        assert_eq!(response.headers()["pragma"], "no-cache");
    }
}
