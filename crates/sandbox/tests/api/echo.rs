//! Text from a request is quoted back cut short: in error bodies and in the log, a client's
//! megabyte comes back as its first 100 characters and "…".

use std::io::Read;
use std::process::{Command, Stdio};

use reqwest::StatusCode;
use serde_json::json;
use wire::oauth::OAuthError;

use crate::client::spawn_binary;
use crate::helpers::{error_body, spawn_app, Who};

/// The one message of an error body.
fn message(body: wire::ErrorResponseDto) -> String {
    body.messages.unwrap().remove(0).text.unwrap()
}

/// Characters of an error message beyond the quoted client text, at most.
const OUR_WORDS: usize = 200;

#[tokio::test]
async fn an_unknown_long_path_is_named_cut_short() {
    let app = spawn_app().await;
    let path = format!("/oauth/{}", "p".repeat(60_000));
    let response = app.client.get(app.url(&path)).send().await.unwrap();
    let body = error_body(response, StatusCode::NOT_FOUND).await;
    let text = message(body);
    assert!(text.len() < 100 + OUR_WORDS, "{} bytes", text.len());
    assert!(text.contains("ppp…'"), "{text}");
}

#[tokio::test]
async fn an_unknown_long_client_id_is_named_cut_short() {
    let app = spawn_app().await;
    let client_id = "c".repeat(1_500);
    let response = app
        .token_request(&[
            ("grant_type", "authorization_code"),
            ("client_id", &client_id),
            ("code", "x"),
        ])
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body: OAuthError = response.json().await.unwrap();
    let text = body.error_description.unwrap();
    assert!(text.len() < 100 + OUR_WORDS, "{} bytes", text.len());
    assert!(text.contains("ccc…'"), "{text}");
}

#[tokio::test]
async fn an_unknown_forward_target_is_named_cut_short() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let item = app.owner_item(|i| i.approval_items().is_empty()).await;
    let target = "t".repeat(120);
    let response = app
        .forward(
            item.id.as_deref().unwrap(),
            &token,
            &json!({"targetOwnerId": target, "comment": "over to you"}),
        )
        .await;
    let body = error_body(response, StatusCode::BAD_REQUEST).await;
    let text = message(body);
    assert!(text.contains(&format!("'{}…'", "t".repeat(100))), "{text}");
}

#[test]
fn a_long_path_is_logged_cut_short() {
    let (mut child, base) = spawn_binary(
        Command::new(env!("CARGO_BIN_EXE_sandbox"))
            .args(["--listen", "127.0.0.1:0", "--in-memory", "--seed", "demo"])
            .env("RUST_LOG", "sandbox=info,tower_http=debug")
            .env("NO_COLOR", "1")
            .stderr(Stdio::piped()),
    );
    // Read on a thread of its own: a server writing long lines must not block on a full pipe.
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut log = String::new();
        stderr.read_to_string(&mut log).unwrap();
        log
    });
    let path = format!("/oauth/{}", "q".repeat(60_000));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let status = runtime.block_on(async {
        let response = reqwest::get(format!("{base}{path}")).await.unwrap();
        response.status()
    });
    assert_eq!(status, StatusCode::NOT_FOUND);
    child.kill().unwrap();
    child.wait().unwrap();
    let log = reader.join().unwrap();
    assert!(log.contains("qqq…"), "the request was logged: {log}");
    for line in log.lines() {
        assert!(line.len() < 3_000, "a line of {} bytes", line.len());
    }
}
