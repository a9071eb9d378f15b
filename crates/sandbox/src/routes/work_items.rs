//! The 13 Work Items operations, served at `/v2024/work-items` and at the per-service
//! path `/work-items/v1` that SailPoint's current SDKs call.

use axum::extract::{FromRequestParts, RawQuery, State};
use axum::http::request::Parts as RequestParts;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use bytes::Bytes;
use wire::{AccountSelection, WorkItemForward, WorkItemsCount, WorkItemsSummary};

use crate::auth::{Caller, MayActOnItem};
use crate::collection::QueryParams;
use crate::error::ApiError;
use crate::extract::{Json, OptionalJson, Path};
use crate::input::{check_length, echo, MAX_COMMENT_CHARS, MAX_ID_CHARS};
use crate::state::AppState;
use crate::store::{identities, work_items};
use crate::workflow::Action;

/// Which path family a router serves. The same operations, with one difference: the
/// v2024 API marks forward and the completed count experimental (they need
/// `X-SailPoint-Experimental: true`), while the per-service v1 API has them generally
/// available, and SailPoint's current SDKs send no such header there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `/v2024/work-items`.
    V2024,
    /// `/work-items/v1`.
    V1,
}

/// The 13 work-item routes of `family`, relative to the collection's root:
/// `/v2024/work-items` and `/work-items/v1` both mount this one router.
pub fn router(family: Family) -> Router<AppState> {
    Router::new()
        .route("/", get(work_items_list))
        .route("/completed", get(work_items_list_completed))
        .route("/count", get(work_items_count))
        .route("/completed/count", get(work_items_count_completed))
        .route("/summary", get(work_items_summary))
        .route("/{id}", get(work_items_get).post(work_items_complete))
        .route("/{id}/forward", post(work_items_forward))
        .route("/{id}/approve/{approval_item_id}", post(work_items_approve))
        .route("/{id}/reject/{approval_item_id}", post(work_items_reject))
        .route("/bulk-approve/{id}", post(work_items_bulk_approve))
        .route("/bulk-reject/{id}", post(work_items_bulk_reject))
        .route(
            "/{id}/submit-account-selection",
            post(work_items_submit_account_selection),
        )
        .layer(Extension(family))
}

/// The owner a request is about, checked: 403 for someone else unless admin, 404 for an
/// identity that does not exist.
async fn owner_of(
    state: &AppState,
    caller: &Caller,
    query: &QueryParams,
) -> Result<String, ApiError> {
    let owner = caller.owner(query.get("ownerId"))?;
    if owner != caller.id() {
        let id = owner.clone();
        let known = state.db().read(move |c| identities::by_id(c, &id)).await?;
        if known.is_none() {
            return Err(ApiError::NotFound(format!(
                "Identity '{}' was not found.",
                echo(&owner)
            )));
        }
    }
    Ok(owner)
}

/// The experimental-feature header of an experimental operation, checked before anything
/// else of the request is looked at (the work item it names, whose is it): without it the
/// answer is the spec's 400, whoever asks about whatever item.
struct Experimental;

impl<S: Send + Sync> FromRequestParts<S> for Experimental {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut RequestParts, _: &S) -> Result<Self, ApiError> {
        let family = parts
            .extensions
            .get::<Family>()
            .copied()
            .unwrap_or(Family::V2024);
        require_experimental(family, &parts.headers).map(|()| Experimental)
    }
}

/// A 400 unless the experimental-feature header says `true` (in the v2024 family only).
fn require_experimental(family: Family, headers: &HeaderMap) -> Result<(), ApiError> {
    if family == Family::V1 {
        return Ok(());
    }
    let on = headers
        .get(wire::EXPERIMENTAL_HEADER)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
    if on {
        Ok(())
    } else {
        Err(ApiError::BadRequest(format!(
            "This is an experimental endpoint; send the header '{}: true'.",
            wire::EXPERIMENTAL_HEADER
        )))
    }
}

async fn list(
    state: AppState,
    caller: Caller,
    raw: Option<String>,
    pending: bool,
) -> Result<Response, ApiError> {
    let query = QueryParams::parse(raw.as_deref())?;
    let page = query.page()?;
    let owner = owner_of(&state, &caller, &query).await?;
    let db = state.db();
    let (parts, total) = db.list_page(&owner, pending, page)?;
    let mut response = (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        axum::body::Body::new(Parts::new(parts)),
    )
        .into_response();
    if page.count {
        response.headers_mut().insert(
            HeaderName::from_static("x-total-count"),
            HeaderValue::from(total),
        );
    }
    Ok(response)
}

/// A response body sent as the parts it was assembled from (slices of kept blocks, see
/// [`crate::store::list_cache`]), with its exact length, so a page goes from the cache to
/// the socket without being copied into one buffer first.
struct Parts {
    /// What is still to be sent.
    parts: std::collections::VecDeque<Bytes>,
    /// Its bytes.
    len: u64,
}

/// More parts than this are joined into one: a socket write takes at most a few dozen.
const MAX_PARTS: usize = 8;

impl Parts {
    fn new(parts: Vec<Bytes>) -> Parts {
        let len = parts.iter().map(|p| p.len() as u64).sum();
        let parts = if parts.len() > MAX_PARTS {
            let mut joined = Vec::with_capacity(len as usize);
            for part in &parts {
                joined.extend_from_slice(part);
            }
            vec![Bytes::from(joined)]
        } else {
            parts
        };
        Parts {
            parts: parts.into(),
            len,
        }
    }
}

impl http_body::Body for Parts {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        let next = self.parts.pop_front();
        if let Some(part) = &next {
            self.len -= part.len() as u64;
        }
        std::task::Poll::Ready(next.map(|part| Ok(http_body::Frame::data(part))))
    }

    fn is_end_stream(&self) -> bool {
        self.parts.is_empty()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.len)
    }
}

/// `GET /work-items`: the owner's pending work items.
async fn work_items_list(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    list(state, caller, raw, true).await
}

/// `GET /work-items/completed`: the owner's completed work items.
async fn work_items_list_completed(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    list(state, caller, raw, false).await
}

async fn count(
    state: AppState,
    caller: Caller,
    raw: Option<String>,
    pending: bool,
) -> Result<axum::Json<WorkItemsCount>, ApiError> {
    let query = QueryParams::parse(raw.as_deref())?;
    let owner = owner_of(&state, &caller, &query).await?;
    let count = state
        .db()
        .read(move |c| work_items::count(c, &owner, pending))
        .await?;
    Ok(axum::Json(WorkItemsCount { count: Some(count) }))
}

/// `GET /work-items/count`: how many pending work items the owner has.
async fn work_items_count(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<axum::Json<WorkItemsCount>, ApiError> {
    count(state, caller, raw, true).await
}

/// `GET /work-items/completed/count` (experimental in v2024): how many completed work items.
async fn work_items_count_completed(
    _experimental: Experimental,
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<axum::Json<WorkItemsCount>, ApiError> {
    count(state, caller, raw, false).await
}

/// `GET /work-items/summary`: open, completed and total counts, all of one moment (one
/// read snapshot: a decision committed between the two counts would count its item twice
/// or not at all).
async fn work_items_summary(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<axum::Json<WorkItemsSummary>, ApiError> {
    let query = QueryParams::parse(raw.as_deref())?;
    let owner = owner_of(&state, &caller, &query).await?;
    let (open, completed) = state
        .db()
        .read_snapshot(move |c| {
            Ok((
                work_items::count(c, &owner, true)?,
                work_items::count(c, &owner, false)?,
            ))
        })
        .await?;
    Ok(axum::Json(WorkItemsSummary {
        open: Some(open),
        completed: Some(completed),
        total: Some(open + completed),
    }))
}

/// `GET /work-items/{id}`: one work item, sent as stored, as the lists send it (with the
/// sandbox's history extensions, `sandboxHistoryOmitted` included).
async fn work_items_get(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StoredItem, ApiError> {
    let key = id.clone();
    let (owner_id, json) = state
        .db()
        .read(move |c| work_items::get_stored(c, &key))
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Work item '{}' was not found.", echo(&id))))?;
    if !caller.may_act_for(Some(&owner_id)) {
        return Err(ApiError::Forbidden);
    }
    Ok(StoredItem(json))
}

/// A changed work item as the write stored it: its wire JSON, sent as it is.
struct StoredItem(String);

impl IntoResponse for StoredItem {
    fn into_response(self) -> Response {
        let json = HeaderValue::from_static("application/json");
        ([(header::CONTENT_TYPE, json)], self.0).into_response()
    }
}

async fn act(
    state: &AppState,
    caller: Caller,
    id: String,
    action: Action,
) -> Result<StoredItem, ApiError> {
    let now = crate::clock::now();
    let (item, json) = state
        .db()
        .write_items(move |c| {
            let (item, json, touched) = work_items::apply(c, &id, &caller, action, now)?;
            Ok(((item, json), touched))
        })
        .await?;
    tracing::info!(work_item = item.id.as_deref().unwrap_or(""), state = ?item.state, "work item changed");
    Ok(StoredItem(json))
}

/// The comment of Mark Complete's optional body. The spec types it as a nullable JSON
/// string; SailPoint's TypeScript SDK sends `{}` when its caller gives none, and ISC accepts
/// that, so an absent body, `null`, a string and `{}` are all accepted (a blank string is no
/// comment). Anything else (a number, an array, an object with keys) is a 400.
fn completion_comment(body: Option<serde_json::Value>) -> Result<Option<String>, ApiError> {
    use serde_json::Value;
    match body {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(map)) if map.is_empty() => Ok(None),
        Some(Value::String(text)) => Ok(Some(text).filter(|t| !t.trim().is_empty())),
        Some(_) => Err(ApiError::BadRequest(
            "The body of Mark Complete is an optional comment: a JSON string, null or {}.".into(),
        )),
    }
}

/// `POST /work-items/{id}`: Mark Complete, with an optional comment (see
/// [`completion_comment`]).
async fn work_items_complete(
    State(state): State<AppState>,
    caller: Caller,
    _may_act: MayActOnItem,
    Path(id): Path<String>,
    OptionalJson(body): OptionalJson<serde_json::Value>,
) -> Result<StoredItem, ApiError> {
    let comment = completion_comment(body)?;
    if let Some(text) = &comment {
        check_length("comment", text, MAX_COMMENT_CHARS)?;
    }
    act(&state, caller, id, Action::Complete { comment }).await
}

/// `POST /work-items/{id}/forward` (experimental in v2024): hand the item to someone else;
/// 200 with an empty body.
async fn work_items_forward(
    _experimental: Experimental,
    State(state): State<AppState>,
    caller: Caller,
    _may_act: MayActOnItem,
    Path(id): Path<String>,
    Json(forward): Json<WorkItemForward>,
) -> Result<StatusCode, ApiError> {
    check_length("targetOwnerId", &forward.target_owner_id, MAX_ID_CHARS)?;
    check_length("comment", &forward.comment, MAX_COMMENT_CHARS)?;
    let action = Action::Forward {
        target_id: forward.target_owner_id,
        target_name: String::new(),
        comment: forward.comment,
    };
    act(&state, caller, id, action).await?;
    Ok(StatusCode::OK)
}

/// `POST /work-items/{id}/approve/{approvalItemId}`.
async fn work_items_approve(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, approval_item_id)): Path<(String, String)>,
) -> Result<StoredItem, ApiError> {
    act(&state, caller, id, Action::Approve(approval_item_id)).await
}

/// `POST /work-items/{id}/reject/{approvalItemId}`.
async fn work_items_reject(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, approval_item_id)): Path<(String, String)>,
) -> Result<StoredItem, ApiError> {
    act(&state, caller, id, Action::Reject(approval_item_id)).await
}

/// `POST /work-items/bulk-approve/{id}`.
async fn work_items_bulk_approve(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StoredItem, ApiError> {
    act(&state, caller, id, Action::BulkApprove).await
}

/// `POST /work-items/bulk-reject/{id}`.
async fn work_items_bulk_reject(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StoredItem, ApiError> {
    act(&state, caller, id, Action::BulkReject).await
}

/// `POST /work-items/{id}/submit-account-selection`: field values keyed on field name.
async fn work_items_submit_account_selection(
    State(state): State<AppState>,
    caller: Caller,
    _may_act: MayActOnItem,
    Path(id): Path<String>,
    Json(selection): Json<AccountSelection>,
) -> Result<StoredItem, ApiError> {
    // Only the form's fields are accepted, but a field without allowed values takes any
    // text, which is stored.
    for (name, value) in &selection {
        if let serde_json::Value::String(text) = value {
            check_length(name, text, MAX_COMMENT_CHARS)?;
        }
    }
    act(&state, caller, id, Action::SubmitSelection(selection)).await
}
