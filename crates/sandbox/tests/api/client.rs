//! Typed requests for the tests: one [`Op`] per Work Items operation, sent under either
//! path family ([`Prefix`]), so a test says what it does instead of building the request.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use reqwest::{Client, RequestBuilder, Response, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;
use wire::oauth::TokenResponse;
use wire::{WorkItem, WorkItemsCount, WorkItemsSummary};

use crate::helpers::TestApp;

/// Which path family a request uses; both serve the same operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefix {
    /// `/v2024/work-items/...`, the versioned API.
    V2024,
    /// `/work-items/v1/...`, the per-service path of SailPoint's current SDKs.
    V1,
}

impl Prefix {
    /// Both families, for tests that must hold for each.
    pub const ALL: [Prefix; 2] = [Prefix::V2024, Prefix::V1];

    /// The path of the work-item collection.
    pub fn root(self) -> &'static str {
        match self {
            Prefix::V2024 => "/v2024/work-items",
            Prefix::V1 => "/work-items/v1",
        }
    }
}

/// A request body, including the odd ones clients really send.
#[derive(Debug, Clone)]
pub enum Body {
    /// No body and no content type.
    Absent,
    /// A JSON value with `Content-Type: application/json`.
    Json(Value),
    /// Any bytes with the given content type.
    Raw {
        /// The `Content-Type` header.
        content_type: &'static str,
        /// The body.
        text: &'static str,
    },
}

/// One Work Items operation with its arguments.
#[derive(Debug, Clone)]
pub enum Op<'a> {
    /// `GET /work-items?{query}`.
    List(&'a str),
    /// `GET /work-items/completed?{query}`.
    ListCompleted(&'a str),
    /// `GET /work-items/count?{query}`.
    Count(&'a str),
    /// `GET /work-items/completed/count`, with the experimental header under v2024.
    CompletedCount,
    /// `GET /work-items/summary?{query}`.
    Summary(&'a str),
    /// `GET /work-items/{id}`.
    Get(&'a str),
    /// `POST /work-items/{id}`: Mark Complete.
    Complete(&'a str, Body),
    /// `POST /work-items/{id}/forward`, with the experimental header under v2024.
    Forward(&'a str, Body),
    /// `POST /work-items/{id}/approve/{approvalItemId}`.
    Approve(&'a str, &'a str),
    /// `POST /work-items/{id}/reject/{approvalItemId}`.
    Reject(&'a str, &'a str),
    /// `POST /work-items/bulk-approve/{id}`.
    BulkApprove(&'a str),
    /// `POST /work-items/bulk-reject/{id}`.
    BulkReject(&'a str),
    /// `POST /work-items/{id}/submit-account-selection`.
    SubmitSelection(&'a str, Body),
}

/// The request of `op` under `prefix` on the server at `base`.
pub fn request(client: &Client, base: &str, prefix: Prefix, op: &Op<'_>) -> RequestBuilder {
    let root = format!("{base}{}", prefix.root());
    // Only v2024 marks forward and the completed count experimental; v1 callers (the
    // current SDKs) send no such header, so neither does this client there.
    let experimental = |r: RequestBuilder| match prefix {
        Prefix::V2024 => r.header(wire::EXPERIMENTAL_HEADER, "true"),
        Prefix::V1 => r,
    };
    let with_body = |r: RequestBuilder, body: &Body| match body {
        Body::Absent => r,
        Body::Json(value) => r.json(value),
        Body::Raw { content_type, text } => r.header("content-type", *content_type).body(*text),
    };
    match op {
        Op::List(q) => client.get(format!("{root}?{q}")),
        Op::ListCompleted(q) => client.get(format!("{root}/completed?{q}")),
        Op::Count(q) => client.get(format!("{root}/count?{q}")),
        Op::CompletedCount => experimental(client.get(format!("{root}/completed/count"))),
        Op::Summary(q) => client.get(format!("{root}/summary?{q}")),
        Op::Get(id) => client.get(format!("{root}/{id}")),
        Op::Complete(id, body) => with_body(client.post(format!("{root}/{id}")), body),
        Op::Forward(id, body) => with_body(
            experimental(client.post(format!("{root}/{id}/forward"))),
            body,
        ),
        Op::Approve(id, a) => client.post(format!("{root}/{id}/approve/{a}")),
        Op::Reject(id, a) => client.post(format!("{root}/{id}/reject/{a}")),
        Op::BulkApprove(id) => client.post(format!("{root}/bulk-approve/{id}")),
        Op::BulkReject(id) => client.post(format!("{root}/bulk-reject/{id}")),
        Op::SubmitSelection(id, body) => with_body(
            client.post(format!("{root}/{id}/submit-account-selection")),
            body,
        ),
    }
}

/// Sends `op` with `token`.
pub async fn send(
    client: &Client,
    base: &str,
    prefix: Prefix,
    op: &Op<'_>,
    token: &str,
) -> Response {
    request(client, base, prefix, op)
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

/// Starts the real sandbox binary as `command` describes (arguments, environment, stderr)
/// and gives back the process and the base URL from its first line of output. Its stdout
/// reader is dropped afterwards on purpose: the server must keep running without it.
pub fn spawn_binary(command: &mut Command) -> (Child, String) {
    let mut child = command.stdout(Stdio::piped()).spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .trim()
        .strip_prefix("My Tasks sandbox listening on ")
        .expect(&line)
        .to_owned();
    (child, base)
}

/// A client-credentials token from the server at `base`.
pub async fn client_token(client: &Client, base: &str, id: &str, secret: &str) -> String {
    let response = client
        .post(format!("{base}/oauth/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", id),
            ("client_secret", secret),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json::<TokenResponse>().await.unwrap().access_token
}

/// The body of a 200 answer, decoded.
pub async fn ok<T: DeserializeOwned>(response: Response) -> T {
    let status = response.status();
    let url = response.url().clone();
    assert_eq!(status, StatusCode::OK, "{url}");
    response.json().await.unwrap()
}

impl TestApp {
    /// Sends `op` under `/v2024` with `token`.
    pub async fn send(&self, op: Op<'_>, token: &str) -> Response {
        self.send_at(Prefix::V2024, op, token).await
    }

    /// Sends `op` under `prefix` with `token`.
    pub async fn send_at(&self, prefix: Prefix, op: Op<'_>, token: &str) -> Response {
        send(&self.client, &self.address, prefix, &op, token).await
    }

    /// A work item answer of `op`, which must succeed.
    pub async fn item_of(&self, op: Op<'_>, token: &str) -> WorkItem {
        ok(self.send(op, token).await).await
    }

    /// The pending count (`GET /work-items/count`).
    pub async fn count(&self, token: &str) -> WorkItemsCount {
        ok(self.send(Op::Count(""), token).await).await
    }

    /// The completed count (`GET /work-items/completed/count`).
    pub async fn completed_count(&self, token: &str) -> WorkItemsCount {
        ok(self.send(Op::CompletedCount, token).await).await
    }

    /// `POST /sandbox/faults` with `body` (the test controls).
    pub async fn arm_faults(&self, body: Value) -> Response {
        let url = self.url("/sandbox/faults");
        self.client.post(url).json(&body).send().await.unwrap()
    }

    /// `DELETE /sandbox/faults`.
    pub async fn clear_faults(&self) -> Response {
        let url = self.url("/sandbox/faults");
        self.client.delete(url).send().await.unwrap()
    }

    /// The summary (`GET /work-items/summary`).
    pub async fn summary(&self, token: &str) -> WorkItemsSummary {
        ok(self.send(Op::Summary(""), token).await).await
    }
}
