//! Group commit: writes that wait for the writer together are committed in one
//! transaction, and still each get their own answer; a write that fails takes none of the
//! others with it; an answered write survives `kill -9`; and the counters the writes keep
//! stay exact.

use std::process::{Command, Stdio};

use reqwest::StatusCode;
use serde_json::json;
use wire::{WorkItem, WorkItemState};

use crate::client::{client_token, ok, send, spawn_binary, Body, Op, Prefix};
use crate::helpers::{spawn_app_with, TestApp, Who};

/// Every item of one list of `token`'s identity, 250 at a time, under `prefix` on `base`.
async fn whole_list(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    pending: bool,
) -> Vec<WorkItem> {
    let mut all: Vec<WorkItem> = Vec::new();
    loop {
        let query = format!("limit=250&offset={}", all.len());
        let op = match pending {
            true => Op::List(&query),
            false => Op::ListCompleted(&query),
        };
        let page: Vec<WorkItem> = ok(send(client, base, Prefix::V2024, &op, token).await).await;
        if page.is_empty() {
            return all;
        }
        all.extend(page);
    }
}

/// Checks that the counts and the summary of `token`'s identity say exactly what walking
/// its two lists finds, and gives back (pending, completed).
async fn counts_match_lists(client: &reqwest::Client, base: &str, token: &str) -> (i64, i64) {
    let pending = whole_list(client, base, token, true).await.len() as i64;
    let completed = whole_list(client, base, token, false).await.len() as i64;
    let count = |op: Op<'static>| async move {
        let answer: wire::WorkItemsCount =
            ok(send(client, base, Prefix::V2024, &op, token).await).await;
        answer.count.unwrap()
    };
    assert_eq!(count(Op::Count("")).await, pending, "pending count");
    assert_eq!(
        count(Op::CompletedCount).await,
        completed,
        "completed count"
    );
    let summary: wire::WorkItemsSummary =
        ok(send(client, base, Prefix::V2024, &Op::Summary(""), token).await).await;
    assert_eq!(
        (summary.open, summary.completed, summary.total),
        (Some(pending), Some(completed), Some(pending + completed))
    );
    (pending, completed)
}

/// The first pending approval item of each of `n` pending work items of the owner.
async fn approvals(app: &TestApp, token: &str, n: usize) -> Vec<(String, String)> {
    let items = whole_list(&app.client, &app.address, token, true).await;
    let found: Vec<_> = items
        .iter()
        .filter_map(|item| {
            let approval = item
                .approval_items()
                .iter()
                .find(|a| a.state.as_ref().is_some_and(|s| s.is_pending()))?;
            Some((item.id.clone()?, approval.id.clone()?))
        })
        .take(n)
        .collect();
    assert_eq!(found.len(), n, "the seed has {n} approval items");
    found
}

/// What one request of the held group asked and what it must be answered.
struct Expect {
    /// The request.
    op: Op<'static>,
    /// Its own answer's status.
    status: StatusCode,
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn writes_that_wait_together_commit_in_one_transaction_each_with_its_own_answer() {
    // Arrange: 24 approvals, a forward to nobody, an unknown item, an unknown approval
    // item, and one approval item decided twice, all held in the writer's queue.
    let app = spawn_app_with(&["--extra-items", "300"]).await;
    let owner = app.token(Who::Owner).await;
    let admin = app.token(Who::Admin).await;
    let (pending_before, completed_before) =
        counts_match_lists(&app.client, &app.address, &owner).await;
    let targets = approvals(&app, &owner, 25).await;
    let (twice_item, twice_approval) = (leak(targets[24].0.clone()), leak(targets[24].1.clone()));
    let mut expected: Vec<Expect> = targets[..24]
        .iter()
        .map(|(item, approval)| Expect {
            op: Op::Approve(leak(item.clone()), leak(approval.clone())),
            status: StatusCode::OK,
        })
        .collect();
    let forward = json!({"targetOwnerId": "0000000000000000000000000000dead", "comment": "x"});
    expected.extend([
        Expect {
            op: Op::Forward(leak(targets[0].0.clone()), Body::Json(forward)),
            status: StatusCode::BAD_REQUEST,
        },
        Expect {
            op: Op::Approve("ffffffffffffffffffffffffffffffff", "a"),
            status: StatusCode::NOT_FOUND,
        },
        Expect {
            op: Op::Approve(leak(targets[1].0.clone()), "no-such-approval-item"),
            status: StatusCode::NOT_FOUND,
        },
    ]);
    let db = app.state.db().clone();
    let groups_before = db.write_groups();
    let hold = db.hold_writer().await.unwrap();

    // Act: send them all; wait until every one is queued behind the held write; let go.
    let send_one = |op: Op<'static>, token: String| {
        let (client, base) = (app.client.clone(), app.address.clone());
        tokio::spawn(async move {
            let response = send(&client, &base, Prefix::V2024, &op, &token).await;
            let status = response.status();
            (status, response.bytes().await.unwrap())
        })
    };
    let mut answers = Vec::new();
    for expect in &expected {
        answers.push(send_one(expect.op.clone(), owner.clone()));
    }
    let twice = [
        send_one(Op::Approve(twice_item, twice_approval), owner.clone()),
        send_one(Op::Reject(twice_item, twice_approval), admin.clone()),
    ];
    hold.release_when_queued(expected.len() as u64 + 2)
        .await
        .unwrap();

    // Assert: one transaction for the held write, one for all the others; each answered
    // with its own result.
    for (expect, answer) in expected.iter().zip(answers) {
        let (status, body) = answer.await.unwrap();
        assert_eq!(status, expect.status, "{:?}: {body:?}", expect.op);
        if let Op::Approve(id, approval) = expect.op {
            if status == StatusCode::OK {
                let item: WorkItem = serde_json::from_slice(&body).unwrap();
                assert_eq!(item.id.as_deref(), Some(id), "its own item");
                let decided = item
                    .approval_items()
                    .iter()
                    .find(|a| a.id.as_deref() == Some(approval))
                    .and_then(|a| a.state.clone());
                assert_eq!(decided, Some(WorkItemState::Finished));
            }
        }
    }
    let mut statuses = Vec::new();
    for answer in twice {
        statuses.push(answer.await.unwrap().0);
    }
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::BAD_REQUEST]);
    assert_eq!(
        db.write_groups(),
        groups_before + 2,
        "the queued writes were not committed together"
    );

    // Every approval stored (the failed writes lost none of them), nothing else changed.
    let mut finished = 0;
    for (item, approval) in &targets {
        let stored = app.item_of(Op::Get(item), &owner).await;
        let state = stored
            .approval_items()
            .iter()
            .find(|a| a.id.as_deref() == Some(approval.as_str()))
            .and_then(|a| a.state.clone());
        assert!(
            matches!(
                state,
                Some(WorkItemState::Finished | WorkItemState::Rejected)
            ),
            "{item}: {state:?}"
        );
        assert_eq!(
            stored.owner_id.as_deref(),
            Some(app.id_of(Who::Owner).as_str()),
            "the refused forward moved nothing"
        );
        finished += usize::from(!stored.is_pending());
    }
    let (pending, completed) = counts_match_lists(&app.client, &app.address, &owner).await;
    assert!(finished > 0);
    assert_eq!(pending, pending_before - finished as i64);
    assert_eq!(completed, completed_before + finished as i64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn counts_stay_exact_under_concurrent_writes_of_every_kind() {
    let app = spawn_app_with(&["--extra-items", "300"]).await;
    let owner = app.token(Who::Owner).await;
    let admin = app.token(Who::Admin).await;
    let fred = app.id_of(Who::Other);
    let (owner_before, _) = counts_match_lists(&app.client, &app.address, &owner).await;
    let other = app.token(Who::Other).await;
    let (other_before, _) = counts_match_lists(&app.client, &app.address, &other).await;
    let targets = approvals(&app, &owner, 60).await;

    // 20 approvals, 20 forwards to Fred, and 20 items bulk-approved by the owner and
    // bulk-rejected by an admin at the same time (one of each pair wins).
    let mut sent = Vec::new();
    for (k, (item, approval)) in targets.into_iter().enumerate() {
        let (client, base) = (app.client.clone(), app.address.clone());
        let (owner, admin, fred) = (owner.clone(), admin.clone(), fred.clone());
        sent.push(tokio::spawn(async move {
            match k % 3 {
                0 => {
                    let op = Op::Approve(&item, &approval);
                    let response = send(&client, &base, Prefix::V2024, &op, &owner).await;
                    vec![response.status()]
                }
                1 => {
                    let body = Body::Json(json!({"targetOwnerId": fred, "comment": "yours"}));
                    let op = Op::Forward(&item, body);
                    let response = send(&client, &base, Prefix::V2024, &op, &owner).await;
                    vec![response.status()]
                }
                _ => {
                    let (approve, reject) = (Op::BulkApprove(&item), Op::BulkReject(&item));
                    let (a, b) = tokio::join!(
                        send(&client, &base, Prefix::V2024, &approve, &owner),
                        send(&client, &base, Prefix::V2024, &reject, &admin),
                    );
                    let mut both = vec![a.status(), b.status()];
                    both.sort();
                    both
                }
            }
        }));
    }
    let mut forwarded = 0;
    for (k, outcome) in sent.into_iter().enumerate() {
        let statuses = outcome.await.unwrap();
        match k % 3 {
            2 => assert_eq!(statuses, [StatusCode::OK, StatusCode::BAD_REQUEST]),
            _ => assert_eq!(statuses, [StatusCode::OK]),
        }
        forwarded += usize::from(k % 3 == 1);
    }

    let (owner_after, _) = counts_match_lists(&app.client, &app.address, &owner).await;
    let (other_after, _) = counts_match_lists(&app.client, &app.address, &other).await;
    assert_eq!(other_after, other_before + forwarded as i64);
    assert!(owner_after <= owner_before - 20 - forwarded as i64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_approves_that_were_answered_survive_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let (db, creds) = (dir.path().join("group.db"), dir.path().join("creds.json"));
    let start = || {
        spawn_binary(
            Command::new(env!("CARGO_BIN_EXE_sandbox"))
                .args(["--listen", "127.0.0.1:0", "--seed", "demo"])
                .args(["--extra-items", "300", "--db"])
                .arg(&db)
                .arg("--credentials-out")
                .arg(&creds)
                .stderr(Stdio::null()),
        )
    };
    let (mut first, base) = start();
    let credentials: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&creds).unwrap()).unwrap();
    let alison = &credentials["identities"][0];
    assert_eq!(alison["alias"], "alison.ferguso");
    let client = reqwest::Client::new();
    let (id, secret) = (
        alison["clientId"].as_str().unwrap(),
        alison["clientSecret"].as_str().unwrap(),
    );
    let token = client_token(&client, &base, id, secret).await;
    let (pending_before, _) = counts_match_lists(&client, &base, &token).await;
    let items = whole_list(&client, &base, &token, true).await;
    let targets: Vec<(String, String)> = items
        .iter()
        .filter(|i| i.approval_items().len() == 1)
        .map(|i| {
            let approval = i.approval_items()[0].id.clone().unwrap();
            (i.id.clone().unwrap(), approval)
        })
        .take(48)
        .collect();
    assert_eq!(targets.len(), 48);

    let answered: Vec<_> = targets
        .iter()
        .cloned()
        .map(|(item, approval)| {
            let (client, base, token) = (client.clone(), base.clone(), token.clone());
            tokio::spawn(async move {
                let op = Op::Approve(&item, &approval);
                let item: WorkItem =
                    ok(send(&client, &base, Prefix::V2024, &op, &token).await).await;
                item
            })
        })
        .collect();
    for (answer, (id, _)) in answered.into_iter().zip(&targets) {
        let item = answer.await.unwrap();
        assert_eq!(item.id.as_ref(), Some(id));
        assert_eq!(item.state, Some(WorkItemState::Finished));
    }
    first.kill().unwrap(); // SIGKILL on Unix, right after the last answer
    first.wait().unwrap();

    let (mut second, base) = start();
    for (id, _) in &targets {
        let stored: WorkItem =
            ok(send(&client, &base, Prefix::V2024, &Op::Get(id), &token).await).await;
        assert_eq!(stored.state, Some(WorkItemState::Finished), "{id}");
    }
    let (pending_after, _) = counts_match_lists(&client, &base, &token).await;
    assert_eq!(pending_after, pending_before - 48);
    second.kill().unwrap();
    second.wait().unwrap();
}
