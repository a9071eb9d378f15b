//! Generated hostile input (proptest) against the filter parser, the query parameters and
//! every body decoder of the real router: nothing panics and nothing is answered 5xx.

use std::sync::OnceLock;

use axum::body::Body;
use axum::http::Request;
use proptest::prelude::*;
use sandbox::filter::Filter;
use sandbox::tokens::Subject;
use sandbox::Config;
use tower::ServiceExt;

/// One sandbox for all cases: its router, a runtime, an owner token and item ids.
struct Fixture {
    runtime: tokio::runtime::Runtime,
    router: axum::Router,
    token: String,
    items: Vec<String>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let config = Config::from_args([
            "sandbox",
            "--in-memory",
            "--seed",
            "demo",
            "--rate-limit-requests",
            "100000000",
            "--token-rate-limit-requests",
            "100000000",
        ])
        .unwrap();
        let state = sandbox::open_state(config, "http://127.0.0.1:1".into()).unwrap();
        let owner = state
            .db()
            .read_blocking(sandbox::store::identities::all)
            .unwrap()
            .into_iter()
            .find(|i| i.alias == "alison.ferguso")
            .unwrap();
        let subject = Subject {
            identity_id: owner.id.clone(),
            user_name: owner.alias.clone(),
            admin: false,
        };
        let claims = state
            .tokens()
            .claims(&subject, "test", chrono::Utc::now().timestamp());
        let token = state.tokens().sign(&claims).unwrap();
        let items = state
            .db()
            .read_blocking(|c| {
                let mut stmt = c.prepare("SELECT id FROM work_items WHERE owner_id = ?1")?;
                let ids = stmt.query_map([&owner.id], |r| r.get::<_, String>(0))?;
                Ok(ids.collect::<Result<Vec<_>, _>>()?)
            })
            .unwrap();
        Fixture {
            runtime: tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap(),
            router: sandbox::build_router(state),
            token,
            items,
        }
    })
}

/// Sends `request` through the router and returns the status. A refusal must come in
/// one of the API's JSON shapes, never as plain text; the sign-in page's refusals, which a
/// person reads, are HTML pages.
fn status_of(request: Request<Body>) -> u16 {
    let fixture = fixture();
    let expected = if request.uri().path() == "/oauth/authorize" {
        "text/html; charset=utf-8"
    } else {
        "application/json"
    };
    fixture.runtime.block_on(async {
        let response = fixture.router.clone().oneshot(request).await.unwrap();
        let status = response.status().as_u16();
        if status >= 400 {
            let content_type = response.headers().get("content-type");
            let content_type = content_type.map_or("", |v| v.to_str().unwrap_or(""));
            assert_eq!(content_type, expected, "a {status} that is not {expected}");
        }
        // Read the body too: a panic while streaming it must also fail the test.
        axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        status
    })
}

/// `text` percent-encoded except for the characters that give a query its shape.
fn query_text(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'&' | b'=' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Strings a hostile client would try: anything, filter-like text, deep nesting.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[()\"\\\\, a-z0-9]{0,200}",
        r#"((not |\(|alias (eq|sw|in) |"[a-z"]{0,5}"|\)| or | and |, ){0,60})"#,
        (0usize..6000).prop_map(|n| "(".repeat(n)),
        (0usize..6000).prop_map(|n| format!("{}alias eq \"a\"{}", "(".repeat(n), ")".repeat(n))),
        (0usize..16000).prop_map(|n| format!("{}alias eq \"a\"", "not ".repeat(n))),
    ]
}

/// Bodies a hostile client would send: bytes, JSON of any shape, form-ish text.
fn hostile_body() -> impl Strategy<Value = Vec<u8>> {
    let json = prop_oneof![
        Just("{}".to_owned()),
        Just("null".to_owned()),
        Just("\"a comment\"".to_owned()),
        "[\\[\\]{}\":,0-9a-zA-Z ]{0,200}",
        (0usize..5000).prop_map(|n| format!("{}{}", "[".repeat(n), "]".repeat(n))),
        r#"\{"(targetOwnerId|comment|account|status|times)": ?("[a-z0-9]{0,40}"|[0-9]{1,25}|null|\[\]|\{\}|true)\}"#,
    ];
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        json.prop_map(String::into_bytes),
        hostile_text().prop_map(|t| query_text(&t).into_bytes()),
    ]
}

fn content_type() -> impl Strategy<Value = Option<&'static str>> {
    prop::sample::select(vec![
        None,
        Some("application/json"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=X"),
        Some("multipart/form-data"),
        Some("text/plain"),
        Some("application/merge-patch+json"),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_filter_parser_never_panics(text in hostile_text()) {
        let _ = Filter::parse(&text);
    }

    #[test]
    fn query_parameters_never_cause_a_panic_or_a_5xx(
        pairs in prop::collection::vec(
            (prop::sample::select(vec!["limit", "offset", "count", "filters", "sorters",
                "ownerId", "add-core-filters", "x"]), hostile_text()),
            0..4,
        ),
        path in prop::sample::select(vec![
            "/v2024/work-items", "/v2024/work-items/completed", "/v2024/work-items/count",
            "/v2024/work-items/summary", "/v2024/public-identities", "/oauth/authorize",
        ]),
    ) {
        let query: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", query_text(v)))
            .collect();
        let request = Request::get(format!("{path}?{}", query.join("&")))
            .header("authorization", format!("Bearer {}", fixture().token))
            .header("x-sailpoint-experimental", "true")
            .body(Body::empty());
        // Past 64 KiB a URI cannot even be represented (hyper answers 414 on the wire).
        prop_assume!(request.is_ok());
        let request = request.unwrap();
        let status = status_of(request);
        prop_assert!(status < 500, "{path} answered {status}");
    }

    #[test]
    fn every_body_decoder_survives_hostile_bodies_without_a_5xx(
        body in hostile_body(),
        content_type in content_type(),
        endpoint in 0usize..6,
        item in 0usize..1000,
    ) {
        let fixture = fixture();
        let id = &fixture.items[item % fixture.items.len()];
        let path = match endpoint {
            0 => format!("/v2024/work-items/{id}"),
            1 => format!("/v2024/work-items/{id}/forward"),
            2 => format!("/v2024/work-items/{id}/submit-account-selection"),
            3 => format!("/v2024/work-items/bulk-approve/{id}"),
            4 => "/oauth/token".to_owned(),
            _ => "/oauth/authorize".to_owned(),
        };
        let mut request = Request::post(&path)
            .header("authorization", format!("Bearer {}", fixture.token))
            .header("x-sailpoint-experimental", "true");
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let status = status_of(request.body(Body::from(body)).unwrap());
        prop_assert!(status < 500, "{path} answered {status}");
    }
}
