//! Two concurrent decisions on one work item: exactly one wins; and a summary read while
//! items are decided counts one moment.

use reqwest::StatusCode;
use wire::WorkItem;

use crate::client::{ok, Body, Op};
use crate::helpers::{spawn_app, spawn_app_with, Who};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn of_two_concurrent_decisions_on_one_item_exactly_one_succeeds() {
    let app = spawn_app().await;
    let owner = app.token(Who::Owner).await;
    let admin = app.token(Who::Admin).await;
    let items: Vec<_> = app
        .pending(&owner)
        .await
        .into_iter()
        .filter(|i| !i.approval_items().is_empty())
        .collect();
    assert!(items.len() >= 3);
    for item in items {
        let id = item.id.clone().unwrap();
        let (approve_path, reject_path) = (
            format!("/v2024/work-items/bulk-approve/{id}"),
            format!("/v2024/work-items/bulk-reject/{id}"),
        );
        let approve = app.post(&approve_path, &owner);
        let reject = app.post(&reject_path, &admin);
        let (a, b) = tokio::join!(approve, reject);
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::BAD_REQUEST], "{id}");
        let stored = app.work_item(&id, &owner).await;
        let decisions: Vec<_> = stored
            .approval_items()
            .iter()
            .map(|x| x.state.clone())
            .collect();
        assert!(
            decisions.windows(2).all(|w| w[0] == w[1]),
            "one decision, not a mix: {decisions:?}"
        );
    }
}

/// Regression (a torn summary): the summary's open and completed counts were two reads,
/// and a decision committed between them counted its item twice or not at all, so
/// `total` moved while items only moved from open to completed.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_summary_counts_one_moment_while_items_are_decided() {
    let app = std::sync::Arc::new(
        spawn_app_with(&["--extra-items", "600", "--rate-limit-requests", "1000000"]).await,
    );
    let owner = app.token(Who::Owner).await;
    let total = app.summary(&owner).await.total;
    let mut ops = Vec::new();
    for offset in (0..).step_by(250) {
        let page: Vec<WorkItem> = ok(app
            .send(Op::List(&format!("limit=250&offset={offset}")), &owner)
            .await)
        .await;
        if page.is_empty() {
            break;
        }
        for item in page {
            let id = item.id.clone().unwrap();
            if !item.approval_items().is_empty() {
                ops.push((id, true));
            } else if item.form.is_none() {
                ops.push((id, false));
            }
        }
    }
    assert!(ops.len() > 300, "{}", ops.len());
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writers: Vec<_> = (0..4)
        .map(|k| {
            let (app, owner) = (app.clone(), owner.clone());
            let share: Vec<_> = ops.iter().skip(k).step_by(4).cloned().collect();
            tokio::spawn(async move {
                for (id, approvals) in share {
                    let op = match approvals {
                        true => Op::BulkApprove(&id),
                        false => Op::Complete(&id, Body::Absent),
                    };
                    assert_eq!(app.send(op, &owner).await.status(), StatusCode::OK);
                }
            })
        })
        .collect();
    let readers: Vec<_> = (0..4)
        .map(|_| {
            let (app, owner, done) = (app.clone(), owner.clone(), done.clone());
            tokio::spawn(async move {
                let mut totals = Vec::new();
                while !done.load(std::sync::atomic::Ordering::SeqCst) {
                    let summary = app.summary(&owner).await;
                    assert_eq!(
                        summary.open.zip(summary.completed).map(|(o, c)| o + c),
                        summary.total
                    );
                    totals.push(summary.total);
                }
                totals
            })
        })
        .collect();
    for writer in writers {
        writer.await.unwrap();
    }
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let (mut read, mut torn) = (0, Vec::new());
    for reader in readers {
        let totals = reader.await.unwrap();
        read += totals.len();
        torn.extend(totals.into_iter().filter(|t| *t != total));
    }
    assert!(read > 0);
    assert!(
        torn.is_empty(),
        "of {read} summaries, these were not {total:?}: {torn:?}"
    );
}
