//! Deep pages and counts at scale: pages are found through the per-block counters rather
//! than by stepping over rows, so every offset must still give exactly the right slice of
//! the creation-ordered list, before and after writes move items around.

use reqwest::StatusCode;
use serde_json::json;
use wire::WorkItem;

use crate::client::{ok, Body, Op};
use crate::helpers::{spawn_app_with, TestApp, Who};

/// The whole pending list of the token's identity, read 250 at a time.
async fn whole_list(app: &TestApp, token: &str) -> Vec<WorkItem> {
    let mut all: Vec<WorkItem> = Vec::new();
    loop {
        let query = format!("limit=250&offset={}", all.len());
        let page: Vec<WorkItem> = ok(app.send(Op::List(&query), token).await).await;
        if page.is_empty() {
            return all;
        }
        all.extend(page);
    }
}

/// Checks order, uniqueness, the counters, and slices at offsets around block edges.
async fn check_paging(app: &TestApp, token: &str) -> Vec<WorkItem> {
    let all = whole_list(app, token).await;
    let keys: Vec<_> = all.iter().map(|i| (i.created, i.id.clone())).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(keys, sorted, "creation order, no duplicates");
    assert_eq!(app.count(token).await.count, Some(all.len() as i64));
    let summary = app.summary(token).await;
    assert_eq!(summary.open, Some(all.len() as i64));
    assert_eq!(
        summary.total,
        Some(all.len() as i64 + app.completed_count(token).await.count.unwrap())
    );
    let edges = [0, 1, 255, 510, 511, 512, 513, 1023, 1024, 1100];
    let last = all.len().saturating_sub(3);
    for offset in edges.into_iter().chain([last]).filter(|o| *o < all.len()) {
        let query = format!("limit=7&offset={offset}&count=true");
        let response = app.send(Op::List(&query), token).await;
        assert_eq!(
            response.headers()["x-total-count"],
            all.len().to_string().as_str()
        );
        let page: Vec<WorkItem> = ok(response).await;
        let ids: Vec<_> = page.iter().map(|i| i.id.clone()).collect();
        let expected: Vec<_> = all[offset..(offset + 7).min(all.len())]
            .iter()
            .map(|i| i.id.clone())
            .collect();
        assert_eq!(ids, expected, "offset {offset}");
    }
    let past: Vec<WorkItem> = ok(app
        .send(Op::List(&format!("offset={}", all.len())), token)
        .await)
    .await;
    assert!(past.is_empty());
    all
}

#[tokio::test]
async fn every_offset_gives_the_right_slice_before_and_after_writes_move_items() {
    let app = spawn_app_with(&["--extra-items", "1500"]).await;
    let token = app.token(Who::Owner).await;
    let before = check_paging(&app, &token).await;
    assert!(before.len() > 1500);

    // Finish items in three different blocks and forward one away.
    for index in [3, 700, 1400] {
        let item = &before[index..]
            .iter()
            .find(|i| !i.approval_items().is_empty())
            .unwrap();
        let id = item.id.as_deref().unwrap();
        ok::<WorkItem>(app.send(Op::BulkApprove(id), &token).await).await;
    }
    let moved = before[900].id.as_deref().unwrap();
    let forward = json!({"targetOwnerId": app.id_of(Who::Other), "comment": "yours"});
    let response = app
        .send(Op::Forward(moved, Body::Json(forward)), &token)
        .await;
    assert_eq!(response.status(), StatusCode::OK);

    let after = check_paging(&app, &token).await;
    assert_eq!(after.len(), before.len() - 4);
    assert!(!after.iter().any(|i| i.id.as_deref() == Some(moved)));
    let fred = app.token(Who::Other).await;
    let theirs = check_paging(&app, &fred).await;
    assert!(theirs.iter().any(|i| i.id.as_deref() == Some(moved)));
}

#[tokio::test]
async fn with_nothing_kept_every_page_is_read_whole_from_one_snapshot() {
    // No memory for list blocks: each page reads the layout and its blocks itself.
    let app = spawn_app_with(&["--extra-items", "1200", "--page-cache-mib", "0"]).await;
    let token = app.token(Who::Owner).await;
    let before = check_paging(&app, &token).await;
    let item = before[600..]
        .iter()
        .find(|i| !i.approval_items().is_empty())
        .unwrap();
    let id = item.id.as_deref().unwrap();
    ok::<WorkItem>(app.send(Op::BulkApprove(id), &token).await).await;
    let after = check_paging(&app, &token).await;
    assert_eq!(after.len(), before.len() - 1);
    assert!(!after.iter().any(|i| i.id.as_deref() == Some(id)));
}
