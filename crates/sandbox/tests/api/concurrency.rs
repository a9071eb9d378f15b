//! Two concurrent decisions on one work item: exactly one wins.

use reqwest::StatusCode;

use crate::helpers::{spawn_app, Who};

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
