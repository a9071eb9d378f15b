//! GET /v2024/public-identities: filters, sorters, paging.

use reqwest::StatusCode;
use wire::PublicIdentity;

use crate::helpers::{error_body, spawn_app, TestApp, Who};

async fn names(app: &TestApp, query: &str) -> Vec<String> {
    let token = app.token(Who::Other).await;
    let response = app
        .get(&format!("/v2024/public-identities?{query}"), &token)
        .await;
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    let people: Vec<PublicIdentity> = response.json().await.unwrap();
    people.into_iter().map(|p| p.name.unwrap()).collect()
}

fn encode(filter: &str) -> String {
    format!("filters={}", filter.replace(' ', "%20").replace('"', "%22"))
}

#[tokio::test]
async fn every_listed_filter_operator_works() {
    let app = spawn_app().await;
    let alison = app.id_of(Who::Owner);
    let thomas = app.id_of(Who::Admin);
    assert_eq!(
        names(&app, &encode(&format!(r#"id eq "{alison}""#))).await,
        ["Alison Ferguso"]
    );
    assert_eq!(
        names(&app, &encode(&format!(r#"id in ("{alison}","{thomas}")"#))).await,
        ["Alison Ferguso", "Thomas Edison"]
    );
    assert_eq!(
        names(&app, &encode(r#"alias eq "fred.astaire""#)).await,
        ["Fred Astaire"]
    );
    assert_eq!(
        names(&app, &encode(r#"alias sw "al""#)).await,
        ["Alison Ferguso", "Alan Turing"]
    );
    assert_eq!(
        names(&app, &encode(r#"email sw "grace""#)).await,
        ["Grace Hopper"]
    );
    assert_eq!(
        names(&app, &encode(r#"firstname eq "Ada""#)).await,
        ["Ada Lovelace"]
    );
    assert_eq!(
        names(&app, &encode(r#"lastname sw "Ed""#)).await,
        ["Thomas Edison"]
    );
}

#[tokio::test]
async fn sorters_name_and_minus_name_order_by_display_name() {
    let app = spawn_app().await;
    let up = names(&app, "sorters=name").await;
    let mut expected = up.clone();
    expected.sort_by_key(|n| n.to_lowercase());
    assert_eq!(up, expected);
    assert_eq!(up.len(), 12);
    let mut down = names(&app, "sorters=-name").await;
    down.reverse();
    assert_eq!(down, up);
}

#[tokio::test]
async fn paging_and_the_total_count_apply_after_filtering() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    let response = app
        .get(
            &format!(
                "/v2024/public-identities?limit=1&offset=1&count=true&{}",
                encode(r#"alias sw "a""#)
            ),
            &token,
        )
        .await;
    assert_eq!(response.headers()["x-total-count"], "3");
    let people: Vec<PublicIdentity> = response.json().await.unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(
        people[0].manager.as_ref().unwrap().name.as_deref(),
        Some("Thomas Edison")
    );
}

#[tokio::test]
async fn unsupported_filters_and_sorters_are_400_naming_the_parameter() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    for (query, name) in [
        (encode(r#"name eq "x""#), "filters"),
        (encode(r#"id sw "x""#), "filters"),
        (encode(r#"alias eq"#), "filters"),
        ("sorters=alias".to_owned(), "sorters"),
    ] {
        let response = app
            .get(&format!("/v2024/public-identities?{query}"), &token)
            .await;
        let body = error_body(response, StatusCode::BAD_REQUEST).await;
        assert!(
            body.message().unwrap().contains(&format!("'{name}'")),
            "{query}"
        );
    }
}

/// Regression: `firstname EQ "alison" AND …` was answered as if lowercase; ISC's Standard
/// Collection Parameters allow operators and keywords in lowercase only.
#[tokio::test]
async fn operators_and_keywords_in_upper_case_are_400_naming_them() {
    let app = spawn_app().await;
    let token = app.token(Who::Owner).await;
    for (filter, named) in [
        (r#"firstname EQ "alison""#, "'EQ'"),
        (r#"firstname eq "alison" AND lastname sw "f""#, "'AND'"),
        (r#"NOT alias sw "a""#, "'NOT'"),
    ] {
        let response = app
            .get(
                &format!("/v2024/public-identities?{}", encode(filter)),
                &token,
            )
            .await;
        let body = error_body(response, StatusCode::BAD_REQUEST).await;
        let message = body.message().unwrap();
        assert!(message.contains("'filters'"), "{filter}: {message}");
        assert!(message.contains(named), "{filter}: {message}");
    }
    assert_eq!(
        names(
            &app,
            &encode(r#"firstname eq "alison" and lastname sw "f""#)
        )
        .await,
        ["Alison Ferguso"]
    );
}
