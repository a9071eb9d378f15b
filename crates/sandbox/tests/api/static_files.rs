//! --static-dir: the built app served as nginx serves it: app routes get their document
//! with its CSP, unknown paths the API's 404, hashed assets long-lived caching,
//! precompressed siblings for clients that accept them.

use std::path::Path;

use reqwest::StatusCode;
use tempfile::TempDir;

use crate::helpers::{error_body, spawn_app_with, TestApp, Who};

const WASM: &str = "my-tasks-0123456789abcdef_bg.wasm";
const JS: &str = "my-tasks-0123456789abcdef.js";

/// A fake Trunk build: documents, a hashed wasm and js with `.br`/`.gz` siblings.
fn dist(with_widget: bool) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, body: &str| {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    };
    write("index.html", "<!doctype html><title>My Tasks</title>");
    write("index.html.gz", "GZ-INDEX");
    write("config.json", r#"{"apiBaseUrl": ""}"#);
    write("app.js", "console.log(1)");
    write(WASM, "WASM");
    write(&format!("{WASM}.br"), "BR-WASM");
    write(&format!("{WASM}.gz"), "GZ-WASM");
    write(JS, "JS");
    if with_widget {
        write("w/index.html", "<!doctype html><title>Widget</title>");
        write("w/widget-fedcba9876543210.js", "W-JS");
    }
    dir
}

async fn serving(dir: &Path, extra: &[&str]) -> TestApp {
    let mut args = vec!["--static-dir", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    spawn_app_with(&args).await
}

async fn get(app: &TestApp, path: &str, encoding: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    if let Some(encoding) = encoding {
        request = request.header("accept-encoding", encoding);
    }
    request.send().await.unwrap()
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .map_or("", |v| v.to_str().unwrap())
}

#[tokio::test]
async fn app_routes_fall_back_to_index_html_but_api_paths_404() {
    let dir = dist(false);
    let app = serving(dir.path(), &[]).await;
    let page = get(&app, "/tasks/123", None).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("My Tasks"));
    let script = get(&app, "/app.js", None).await;
    assert_eq!(script.text().await.unwrap(), "console.log(1)");
    let token = app.token(Who::Owner).await;
    for path in ["/v2024/unknown", "/sandbox/unknown", "/oauth/unknown"] {
        error_body(app.get(path, &token).await, StatusCode::NOT_FOUND).await;
    }
}

#[tokio::test]
async fn only_the_apps_own_routes_get_the_app_and_other_paths_get_the_json_404() {
    let dir = dist(true);
    let app = serving(dir.path(), &[]).await;
    for path in [
        "/",
        "/tasks",
        "/tasks/pending",
        "/items/abc",
        "/auth/callback",
    ] {
        let response = get(&app, path, None).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert!(
            response.text().await.unwrap().contains("My Tasks"),
            "{path}"
        );
    }
    for path in [
        "/nope",
        "/v2025/work-items",
        "/items",
        "/w",
        "/w/",
        "/widget/x",
        "/index.htm",
        "/../Cargo.toml",
    ] {
        let response = get(&app, path, None).await;
        assert!(header(&response, "location").is_empty(), "{path} redirects");
        error_body(response, StatusCode::NOT_FOUND).await;
    }
    let post = app.client.post(app.url("/tasks")).send().await.unwrap();
    error_body(post, StatusCode::METHOD_NOT_ALLOWED).await;
}

#[tokio::test]
async fn the_widget_route_serves_the_widget_build_with_its_own_frame_ancestors() {
    let dir = dist(true);
    let app = serving(
        dir.path(),
        &[
            "--frame-ancestor",
            "https://dash.example",
            "--frame-ancestor",
            "http://localhost:9000",
        ],
    )
    .await;
    let widget = get(&app, "/widget", None).await;
    assert_eq!(widget.status(), StatusCode::OK);
    let policy = header(&widget, "content-security-policy").to_owned();
    assert!(
        policy.contains("frame-ancestors 'self' https://dash.example http://localhost:9000;"),
        "{policy}"
    );
    assert_eq!(header(&widget, "cache-control"), "no-cache");
    assert!(widget.text().await.unwrap().contains("Widget"));
    let asset = get(&app, "/w/widget-fedcba9876543210.js", None).await;
    assert_eq!(
        header(&asset, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    let app_page = get(&app, "/tasks", None).await;
    assert!(header(&app_page, "content-security-policy").contains("frame-ancestors 'none'"));
}

#[tokio::test]
async fn the_widget_document_is_served_only_as_the_widget_route_as_nginx_does() {
    let dir = dist(true);
    let app = serving(dir.path(), &["--frame-ancestor", "https://dash.example"]).await;
    // Asked for by its file name it would be framable without being the /widget route.
    for path in [
        "/w/index.html",
        "/w//index.html",
        "/w/./index.html",
        "/w/%69ndex.html",
    ] {
        let response = get(&app, path, None).await;
        assert!(header(&response, "location").is_empty(), "{path} redirects");
        error_body(response, StatusCode::NOT_FOUND).await;
    }
    let widget = get(&app, "/widget", None).await;
    assert_eq!(widget.status(), StatusCode::OK);
    assert!(widget.text().await.unwrap().contains("Widget"));
}

#[tokio::test]
async fn an_items_path_without_an_id_is_not_an_app_route_as_in_nginx() {
    let dir = dist(false);
    let app = serving(dir.path(), &[]).await;
    error_body(get(&app, "/items/", None).await, StatusCode::NOT_FOUND).await;
    let item = get(&app, "/items/abc", None).await;
    assert_eq!(item.status(), StatusCode::OK);
    assert!(item.text().await.unwrap().contains("My Tasks"));
}

#[tokio::test]
async fn without_a_widget_build_the_widget_route_serves_the_app_document() {
    let dir = dist(false);
    let app = serving(dir.path(), &[]).await;
    let widget = get(&app, "/widget", None).await;
    assert_eq!(widget.status(), StatusCode::OK);
    assert!(header(&widget, "content-security-policy").contains("frame-ancestors 'self';"));
    assert!(widget.text().await.unwrap().contains("My Tasks"));
}

#[tokio::test]
async fn documents_have_the_app_csp_and_are_revalidated_while_hashed_assets_are_immutable() {
    let dir = dist(false);
    let app = serving(dir.path(), &[]).await;
    for path in ["/", "/tasks/pending", "/index.html"] {
        let document = get(&app, path, None).await;
        assert_eq!(
            header(&document, "content-security-policy"),
            sandbox::security::content_security_policy(sandbox::security::Document::App),
            "{path}"
        );
        assert_eq!(header(&document, "cache-control"), "no-cache", "{path}");
    }
    for path in ["/config.json", "/app.js"] {
        let file = get(&app, path, None).await;
        assert_eq!(header(&file, "cache-control"), "no-cache", "{path}");
        // Not a document: a policy that allows nothing.
        assert_eq!(
            header(&file, "content-security-policy"),
            "default-src 'none'; frame-ancestors 'none'",
            "{path}"
        );
    }
    // Nor is a miss, or an API answer (here a 401).
    for path in ["/nope.js", "/v2024/work-items"] {
        let answer = get(&app, path, None).await;
        assert!(answer.status().is_client_error(), "{path}");
        assert_eq!(
            header(&answer, "content-security-policy"),
            "default-src 'none'; frame-ancestors 'none'",
            "{path}"
        );
    }
    for path in [format!("/{WASM}"), format!("/{JS}")] {
        let asset = get(&app, &path, None).await;
        assert_eq!(
            header(&asset, "cache-control"),
            "public, max-age=31536000, immutable",
            "{path}"
        );
    }
}

#[tokio::test]
async fn precompressed_siblings_are_sent_to_clients_that_accept_them_and_never_recompressed() {
    let dir = dist(false);
    let app = serving(dir.path(), &[]).await;
    let path = format!("/{WASM}");
    for (accept, encoding, body) in [
        (Some("br, gzip"), "br", "BR-WASM"),
        (Some("gzip"), "gzip", "GZ-WASM"),
        (None, "", "WASM"),
    ] {
        let response = get(&app, &path, accept).await;
        assert_eq!(
            header(&response, "content-encoding"),
            encoding,
            "{accept:?}"
        );
        assert!(header(&response, "vary")
            .to_ascii_lowercase()
            .contains("accept-encoding"));
        assert_eq!(response.text().await.unwrap(), body, "{accept:?}");
    }
    let document = get(&app, "/tasks", Some("gzip")).await;
    assert_eq!(header(&document, "content-encoding"), "gzip");
    assert_eq!(document.text().await.unwrap(), "GZ-INDEX");
}

#[tokio::test]
async fn api_json_bodies_are_compressed_for_clients_that_accept_it() {
    let app = spawn_app_with(&[]).await;
    let token = app.token(Who::Owner).await;
    for encoding in ["gzip", "br"] {
        let response = app
            .client
            .get(app.url("/v2024/work-items"))
            .bearer_auth(&token)
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(header(&response, "content-encoding"), encoding);
    }
    let plain = app.get("/v2024/work-items", &token).await;
    assert!(header(&plain, "content-encoding").is_empty());
    assert!(plain.json::<Vec<wire::WorkItem>>().await.is_ok());
}

#[tokio::test]
async fn every_response_says_nosniff_and_no_referrer() {
    let dir = dist(false);
    let app = serving(dir.path(), &[]).await;
    let token = app.token(Who::Owner).await;
    let responses = [
        get(&app, "/", None).await,
        get(&app, &format!("/{WASM}"), None).await,
        get(&app, "/nope", None).await,
        app.get("/v2024/work-items/count", &token).await,
        app.get("/v2024/work-items/count", "bad").await,
        app.client_credentials(Who::Owner).await,
        app.authorize_page(&app.authorize_params()).await,
    ];
    for response in responses {
        let url = response.url().to_string();
        assert_eq!(
            header(&response, "x-content-type-options"),
            "nosniff",
            "{url}"
        );
        assert_eq!(header(&response, "referrer-policy"), "no-referrer", "{url}");
    }
}
