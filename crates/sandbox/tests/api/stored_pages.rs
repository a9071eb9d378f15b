//! A list page is read straight off the stored bodies (the `work_items_pages` index), whose
//! blocks are kept in memory until the next write, so after every kind of write each list
//! must show the item exactly as `GET /work-items/{id}` does: a stale body, a stale kept
//! block or a body left in the wrong owner's or state's range would differ here.

use serde_json::{json, Value};
use wire::WorkItem;

use crate::client::{ok, Body, Op};
use crate::helpers::{spawn_app_with, TestApp, Who};

/// Which list an item must be in after a write.
#[derive(Debug, Clone, Copy)]
enum Listed {
    /// Pending, for this identity.
    Pending(Who),
    /// Completed, for this identity.
    Completed(Who),
}

/// Every item of one list of the token's identity, read 250 at a time (as raw JSON, so a
/// field the wire model does not know would still be compared).
async fn whole(app: &TestApp, token: &str, pending: bool) -> Vec<Value> {
    let mut all: Vec<Value> = Vec::new();
    loop {
        let query = format!("limit=250&offset={}", all.len());
        let op = if pending {
            Op::List(&query)
        } else {
            Op::ListCompleted(&query)
        };
        let page: Vec<Value> = ok(app.send(op, token).await).await;
        if page.is_empty() {
            return all;
        }
        all.extend(page);
    }
}

/// How often `id` occurs in `items`, and the first occurrence.
fn find<'a>(items: &'a [Value], id: &str) -> (usize, Option<&'a Value>) {
    let mut hits = items.iter().filter(|i| i["id"] == id);
    let first = hits.next();
    (first.map_or(0, |_| 1 + hits.count()), first)
}

/// Checks that item `id` is listed where `listed` says, once, exactly as it is read alone
/// (in a whole-list page and in a small page around it), and in no other list of the
/// three people.
async fn check(app: &TestApp, id: &str, listed: Listed) {
    let admin = app.token(Who::Admin).await;
    let alone: Value = ok(app.send(Op::Get(id), &admin).await).await;
    for who in [Who::Owner, Who::Other, Who::Admin] {
        let token = app.token(who).await;
        for pending in [true, false] {
            let items = whole(app, &token, pending).await;
            let (times, hit) = find(&items, id);
            let expected = match listed {
                Listed::Pending(w) => w == who && pending,
                Listed::Completed(w) => w == who && !pending,
            };
            if !expected {
                assert_eq!(times, 0, "{id} listed for {who:?}, pending {pending}");
                continue;
            }
            assert_eq!(times, 1, "{id} for {who:?}, pending {pending}");
            assert_eq!(hit, Some(&alone), "the listed body of {id} is stale");
            let at = items.iter().position(|i| i["id"] == id).unwrap();
            let query = format!("limit=7&offset={}", at.saturating_sub(3));
            let op = if pending {
                Op::List(&query)
            } else {
                Op::ListCompleted(&query)
            };
            let page: Vec<Value> = ok(app.send(op, &token).await).await;
            assert_eq!(find(&page, id), (1, Some(&alone)), "small page at {query}");
        }
    }
}

/// The owner's first pending item that `pick` accepts and no earlier step used.
async fn fresh(app: &TestApp, used: &mut Vec<String>, pick: impl Fn(&WorkItem) -> bool) -> String {
    let token = app.token(Who::Owner).await;
    let items = whole(app, &token, true).await;
    let id = items
        .into_iter()
        .filter_map(|i| serde_json::from_value::<WorkItem>(i).ok())
        .filter(|i| pick(i))
        .filter_map(|i| i.id)
        .find(|id| !used.contains(id))
        .expect("the seed has such an item");
    used.push(id.clone());
    id
}

#[tokio::test]
async fn every_kind_of_write_shows_in_the_lists_exactly_as_the_item_reads_alone() {
    let app = spawn_app_with(&["--extra-items", "600"]).await;
    let token = app.token(Who::Owner).await;
    let mut used = Vec::new();

    // Seeded: a demo item and a generated one, before any write.
    let demo = app.fred_github_item().await.id.unwrap();
    check(&app, &demo, Listed::Pending(Who::Owner)).await;
    let generated = fresh(&app, &mut used, |i| {
        i.name.as_deref().is_some_and(|n| n.contains('#'))
    })
    .await;
    check(&app, &generated, Listed::Pending(Who::Owner)).await;

    // Mark Complete, with a comment kept in the history.
    used.push(demo.clone());
    let comment = Body::Json(json!("Created"));
    ok::<WorkItem>(app.send(Op::Complete(&demo, comment), &token).await).await;
    check(&app, &demo, Listed::Completed(Who::Owner)).await;

    // Forward: a new owner.
    let forward = json!({"targetOwnerId": app.id_of(Who::Other), "comment": "yours"});
    let response = app
        .send(Op::Forward(&generated, Body::Json(forward)), &token)
        .await;
    assert_eq!(response.status(), 200);
    check(&app, &generated, Listed::Pending(Who::Other)).await;

    // Approve one and reject one of an item's approval items: first still pending, then done.
    let two = fresh(&app, &mut used, |i| i.approval_items().len() == 2).await;
    let item: WorkItem = ok(app.send(Op::Get(&two), &token).await).await;
    let [first, second] = [0, 1].map(|n| item.approval_items()[n].id.clone().unwrap());
    ok::<WorkItem>(app.send(Op::Approve(&two, &first), &token).await).await;
    check(&app, &two, Listed::Pending(Who::Owner)).await;
    ok::<WorkItem>(app.send(Op::Reject(&two, &second), &token).await).await;
    check(&app, &two, Listed::Completed(Who::Owner)).await;

    // Approve all and reject all.
    let approvals = |i: &WorkItem| !i.approval_items().is_empty();
    let bulk = fresh(&app, &mut used, approvals).await;
    ok::<WorkItem>(app.send(Op::BulkApprove(&bulk), &token).await).await;
    check(&app, &bulk, Listed::Completed(Who::Owner)).await;
    let bulk = fresh(&app, &mut used, approvals).await;
    ok::<WorkItem>(app.send(Op::BulkReject(&bulk), &token).await).await;
    check(&app, &bulk, Listed::Completed(Who::Owner)).await;

    // A form submitted.
    let form = fresh(&app, &mut used, |i| i.form.is_some()).await;
    let item: WorkItem = ok(app.send(Op::Get(&form), &token).await).await;
    let fields = item.form.as_ref().unwrap().fields();
    let account = fields.iter().find(|f| f.required).unwrap();
    let choice = json!({account.name.clone(): account.allowed_values[0].value()});
    let submit = Op::SubmitSelection(&form, Body::Json(choice));
    ok::<WorkItem>(app.send(submit, &token).await).await;
    check(&app, &form, Listed::Completed(Who::Owner)).await;

    // A restart that seeds again and adds generated items older and newer than the
    // stored ones, which renumbers every item's place in the lists.
    let app = app.reopen_with(&["--extra-items", "900"]).await;
    for (id, listed) in [
        (&demo, Listed::Completed(Who::Owner)),
        (&generated, Listed::Pending(Who::Other)),
        (&form, Listed::Completed(Who::Owner)),
    ] {
        check(&app, id, listed).await;
    }
    let token = app.token(Who::Owner).await;
    let all = whole(&app, &token, true).await;
    assert_eq!(app.count(&token).await.count, Some(all.len() as i64));
    let added = all
        .iter()
        .find(|i| i["name"].as_str().is_some_and(|n| n.ends_with(" #750")))
        .and_then(|i| i["id"].as_str())
        .expect("an item the restart added")
        .to_owned();
    check(&app, &added, Listed::Pending(Who::Owner)).await;
}
