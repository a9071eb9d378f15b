//! What a hostile or careless client meets: CORS only for configured origins, slow and
//! surplus connections, private files, escaped logs, ISC's header spelling, and errors in
//! ISC's shape even for undecodable paths.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::client::{client_token, spawn_binary};
use crate::helpers::{error_body, spawn_app, spawn_app_in, spawn_app_with, TestApp, Who};

const FRIEND: &str = "http://localhost:9000";

async fn preflight(app: &TestApp, path: &str, origin: &str) -> reqwest::Response {
    app.client
        .request(reqwest::Method::OPTIONS, app.url(path))
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization, content-type",
        )
        .send()
        .await
        .unwrap()
}

fn allow_origin(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get("access-control-allow-origin")
        .map(|v| v.to_str().unwrap().to_owned())
}

#[tokio::test]
async fn cors_answers_configured_origins_only_and_exposes_the_headers_clients_read() {
    let app = spawn_app_with(&["--cors-origin", FRIEND]).await;
    let token = app.token(Who::Owner).await;
    let friend = app
        .client
        .get(app.url("/v2024/work-items?count=true"))
        .bearer_auth(&token)
        .header("origin", FRIEND)
        .send()
        .await
        .unwrap();
    assert_eq!(allow_origin(&friend).as_deref(), Some(FRIEND));
    let exposed = friend.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(exposed.contains("x-total-count") && exposed.contains("retry-after"));
    let own = app
        .client
        .get(app.url("/oauth/info"))
        .header("origin", &app.address)
        .send()
        .await
        .unwrap();
    assert_eq!(allow_origin(&own), Some(app.address.clone()));
    for path in ["/v2024/work-items", "/oauth/token"] {
        let evil = preflight(&app, path, "http://evil.example").await;
        assert_eq!(allow_origin(&evil), None, "{path}");
        let good = preflight(&app, path, FRIEND).await;
        assert_eq!(allow_origin(&good).as_deref(), Some(FRIEND), "{path}");
        let methods = good.headers()["access-control-allow-methods"]
            .to_str()
            .unwrap();
        assert!(
            !methods.contains("DELETE") && methods.contains("POST"),
            "{methods}"
        );
        let headers = good.headers()["access-control-allow-headers"]
            .to_str()
            .unwrap()
            .to_ascii_lowercase();
        assert!(headers.contains("x-sailpoint-experimental"), "{headers}");
    }
    let evil_read = app
        .client
        .get(app.url("/v2024/work-items"))
        .bearer_auth(&token)
        .header("origin", "http://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(allow_origin(&evil_read), None);
}

#[tokio::test]
async fn the_sign_in_page_never_carries_cors_headers() {
    let app = spawn_app_with(&["--cors-origin", FRIEND]).await;
    let mut params = app.authorize_params();
    let page = app
        .client
        .get(app.url("/oauth/authorize"))
        .query(&params)
        .header("origin", FRIEND)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(allow_origin(&page), None);
    params.push(("identity_id", app.id_of(Who::Admin)));
    let submit = app
        .client
        .post(app.url("/oauth/authorize"))
        .form(&params)
        .header("origin", FRIEND)
        .send()
        .await
        .unwrap();
    assert_eq!(submit.status(), StatusCode::FOUND);
    assert_eq!(allow_origin(&submit), None);
    assert_eq!(
        allow_origin(&preflight(&app, "/oauth/authorize", FRIEND).await),
        None
    );
}

/// Sends `request` on a raw connection and reads the whole answer.
async fn raw(app: &TestApp, request: &str) -> String {
    let mut stream = TcpStream::connect(app.address.trim_start_matches("http://"))
        .await
        .unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .unwrap()
        .unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn x_total_count_is_spelled_as_isc_spells_it() {
    let app = spawn_app_with(&[]).await;
    let token = app.token(Who::Owner).await;
    let answer = raw(
        &app,
        &format!(
            "GET /v2024/work-items?count=true&limit=1 HTTP/1.1\r\nHost: localhost\r\n\
             Authorization: Bearer {token}\r\nConnection: close\r\n\r\n"
        ),
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\r\nX-Total-Count: "), "{answer}");
}

#[tokio::test]
async fn a_connection_that_never_finishes_its_headers_is_closed() {
    let app = spawn_app_with(&["--header-read-timeout-secs", "1"]).await;
    let mut stream = TcpStream::connect(app.address.trim_start_matches("http://"))
        .await
        .unwrap();
    stream
        .write_all(b"GET /v2024/work-items HTTP/1.1\r\nHost: localhost\r\n")
        .await
        .unwrap();
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut rest)).await;
    assert!(closed.is_ok(), "still open after 5 s");
}

#[tokio::test]
async fn connections_past_the_limit_wait_until_one_closes() {
    let app = spawn_app_with(&["--max-connections", "1"]).await;
    let holder = TcpStream::connect(app.address.trim_start_matches("http://"))
        .await
        .unwrap();
    let url = app.url("/oauth/info");
    let client = reqwest::Client::new();
    let waiting = tokio::spawn(async move { client.get(url).send().await.map(|r| r.status()) });
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!waiting.is_finished(), "served past the connection limit");
    drop(holder);
    let status = tokio::time::timeout(Duration::from_secs(5), waiting)
        .await
        .expect("served once a slot is free")
        .unwrap()
        .unwrap();
    assert_eq!(status, StatusCode::OK);
}

#[cfg(unix)]
#[tokio::test]
async fn the_database_and_the_credentials_file_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let creds = dir.path().join("credentials.json");
    std::fs::write(&creds, "old").unwrap();
    std::fs::set_permissions(&creds, std::fs::Permissions::from_mode(0o644)).unwrap();
    let root = dir.path().to_owned();
    let app = spawn_app_in(dir, &["--credentials-out", creds.to_str().unwrap()]).await;
    app.approval_item(1).await;
    for name in [
        "sandbox.db",
        "sandbox.db-wal",
        "sandbox.db-shm",
        "credentials.json",
    ] {
        let mode = std::fs::metadata(root.join(name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name}: {mode:o}");
    }
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&creds).unwrap()).unwrap();
    assert_eq!(written["baseUrl"], app.address);
}

#[tokio::test]
async fn an_undecodable_path_segment_gets_the_error_shape() {
    let app = spawn_app_with(&[]).await;
    let token = app.token(Who::Owner).await;
    let response = app.post("/v2024/work-items/%FF%FE", &token).await;
    error_body(response, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn permission_is_checked_before_the_body_is_judged() {
    let app = spawn_app_with(&[]).await;
    let item = app.owner_item(|i| i.form.is_some()).await.id.unwrap();
    let other = app.token(Who::Other).await;
    let malformed = app
        .client
        .post(app.url(&format!(
            "/v2024/work-items/{item}/submit-account-selection"
        )))
        .bearer_auth(&other)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    error_body(malformed, StatusCode::FORBIDDEN).await;
    let forward = app
        .client
        .post(app.url(&format!("/v2024/work-items/{item}/forward")))
        .bearer_auth(&other)
        .header("X-SailPoint-Experimental", "true")
        .header("content-type", "text/plain")
        .body("x")
        .send()
        .await
        .unwrap();
    error_body(forward, StatusCode::FORBIDDEN).await;
}

#[test]
fn a_hostile_path_writes_no_forged_line_into_the_log() {
    let (mut child, base) = spawn_binary(
        Command::new(env!("CARGO_BIN_EXE_sandbox"))
            .args(["--listen", "127.0.0.1:0", "--in-memory", "--seed", "demo"])
            .env("RUST_LOG", "sandbox=info")
            .env("NO_COLOR", "1")
            .stderr(Stdio::piped()),
    );
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let client = reqwest::Client::new();
        let path = "/v2024/work-items/x%0aFORGED%20ERROR%20line%1b[31m";
        let forged_header = base64::Engine::encode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            "{\"alg\":\"x\\nFORGED ERROR alg\"}",
        );
        client
            .get(format!("{base}/v2024/work-items"))
            .bearer_auth(format!("{forged_header}.e30.sig"))
            .send()
            .await
            .unwrap();
        let (id, secret) = (
            "cb65810d995d770620fb69ad7f77922b",
            "82668bad14f31e3200b2ec3d419893cefeb710d01f96f95f3727cfd942ce1630",
        );
        let token = client_token(&client, &base, id, secret).await;
        client
            .get(format!("{base}{path}"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
    });
    child.kill().unwrap();
    let mut log = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    child.wait().unwrap();
    assert!(
        log.contains("FORGED ERROR line"),
        "the request was logged: {log}"
    );
    for line in log.lines() {
        assert!(!line.starts_with("FORGED"), "forged line: {line:?}");
        assert!(!line.contains('\u{1b}'), "escape byte in: {line:?}");
    }
}

#[tokio::test]
async fn api_answers_are_never_kept_by_the_browser() {
    // On a shared computer the next person could otherwise read the last one's work items
    // from the disk cache, signed out. Errors and the other path family too.
    let app = crate::helpers::spawn_app().await;
    let token = app.token(Who::Owner).await;
    for (path, bearer) in [
        ("/v2024/work-items?count=true", true),
        ("/v2024/work-items/count", true),
        ("/work-items/v1/summary", true),
        ("/v2024/public-identities?limit=5", true),
        ("/v2024/work-items/no-such-item", true),
        ("/v2024/work-items", false),
    ] {
        let mut request = app.client.get(app.url(path));
        if bearer {
            request = request.bearer_auth(&token);
        }
        let response = request.send().await.unwrap();
        assert_eq!(
            response
                .headers()
                .get("cache-control")
                .map(|v| v.to_str().unwrap()),
            Some("no-store"),
            "{path}: {}",
            response.status()
        );
    }
}

/// `GET path` as if the sandbox were reached by the name `host` (a name that resolves to
/// this machine, as a DNS-rebinding page's own name does).
async fn get_as(app: &TestApp, host: &str, path: &str) -> reqwest::Response {
    get_as_with(app, host, path, &[]).await
}

async fn get_as_with(
    app: &TestApp,
    host: &str,
    path: &str,
    query: &[(&str, String)],
) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .query(query)
        .header("host", host)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_request_for_a_host_name_it_does_not_answer_for_is_refused() {
    let app = spawn_app().await;
    let authorize = app.authorize_params();
    // A page on evil.example, whose name was made to resolve to 127.0.0.1, can neither
    // show the sign-in page nor read the API's answers.
    for (path, query) in [
        ("/oauth/info", &[][..]),
        ("/oauth/authorize", &authorize[..]),
        ("/v2024/work-items", &[][..]),
    ] {
        let refused = get_as_with(&app, "evil.example:8080", path, query).await;
        assert_eq!(refused.headers()["x-content-type-options"], "nosniff");
        let body = error_body(refused, StatusCode::BAD_REQUEST).await;
        let text = body.messages.unwrap().remove(0).text.unwrap();
        assert!(
            text.contains("'evil.example:8080'") && text.contains("--allowed-host"),
            "{text}"
        );
    }
    let port = app.address.rsplit(':').next().unwrap().to_owned();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(
            get_as(&app, &host, "/oauth/info").await.status(),
            StatusCode::OK,
            "{host}"
        );
    }

    // A name of one's own is allowed by naming it, or as the public base URL's host.
    let app = spawn_app_with(&[
        "--allowed-host",
        "Tasks.Example.com",
        "--public-base-url",
        "https://sandbox.example.org",
    ])
    .await;
    for host in [
        "tasks.example.com",
        "TASKS.example.com:8443",
        "sandbox.example.org",
    ] {
        assert_eq!(
            get_as(&app, host, "/oauth/info").await.status(),
            StatusCode::OK,
            "{host}"
        );
    }
    assert_eq!(
        get_as(&app, "evil.example", "/oauth/info").await.status(),
        StatusCode::BAD_REQUEST
    );
}
