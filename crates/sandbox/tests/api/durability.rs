//! A committed action survives kill -9 of the real binary; tokens survive a restart.

use std::process::{Child, Command, Stdio};

use reqwest::StatusCode;
use serde_json::Value;
use wire::{WorkItem, WorkItemState};

use crate::client::{client_token, ok, send, spawn_binary, Body, Op, Prefix};

struct Running {
    child: Child,
    base: String,
    credentials: Value,
}

fn start(db: &std::path::Path, creds: &std::path::Path) -> Running {
    let (child, base) = spawn_binary(
        Command::new(env!("CARGO_BIN_EXE_sandbox"))
            .args(["--listen", "127.0.0.1:0", "--seed", "demo", "--db"])
            .arg(db)
            .arg("--credentials-out")
            .arg(creds)
            .stderr(Stdio::null()),
    );
    let credentials = serde_json::from_slice(&std::fs::read(creds).unwrap()).unwrap();
    Running {
        child,
        base,
        credentials,
    }
}

#[tokio::test]
async fn a_completed_item_stays_completed_after_kill_9_and_the_token_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let (db, creds) = (dir.path().join("durable.db"), dir.path().join("creds.json"));
    let mut first = start(&db, &creds);
    assert_eq!(first.credentials["baseUrl"], first.base.as_str());
    let alison = &first.credentials["identities"][0];
    assert_eq!(alison["name"], "Alison Ferguso");
    let client = reqwest::Client::new();
    let (id_, secret) = (
        alison["clientId"].as_str().unwrap(),
        alison["clientSecret"].as_str().unwrap(),
    );
    let token = client_token(&client, &first.base, id_, secret).await;
    let list = send(&client, &first.base, Prefix::V2024, &Op::List(""), &token);
    let items: Vec<WorkItem> = ok(list.await).await;
    let item = items
        .iter()
        .find(|i| i.name.as_deref() == Some("Create an Account"))
        .unwrap();
    let id = item.id.clone().unwrap();
    let complete = Op::Complete(&id, Body::Absent);
    let done = send(&client, &first.base, Prefix::V2024, &complete, &token).await;
    assert_eq!(done.status(), StatusCode::OK);

    first.child.kill().unwrap(); // SIGKILL on Unix
    first.child.wait().unwrap();

    let mut second = start(&db, &creds);
    let after = send(&client, &second.base, Prefix::V2024, &Op::Get(&id), &token).await;
    assert_eq!(
        after.status(),
        StatusCode::OK,
        "the token signed before the restart still verifies"
    );
    let after: WorkItem = after.json().await.unwrap();
    assert_eq!(after.state, Some(WorkItemState::Finished));
    second.child.kill().unwrap();
    second.child.wait().unwrap();
}
