//! `/v2024/work-items`: the 13 Work Items operations.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use wire::{AccountSelection, WorkItem, WorkItemForward, WorkItemsCount, WorkItemsSummary};

use crate::auth::{Caller, MayActOnItem};
use crate::collection::QueryParams;
use crate::error::ApiError;
use crate::extract::{Json, OptionalJson, Path};
use crate::state::AppState;
use crate::store::{identities, work_items};
use crate::workflow::Action;

/// The work-item routes, relative to `/v2024`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/work-items", get(work_items_list))
        .route("/work-items/completed", get(work_items_list_completed))
        .route("/work-items/count", get(work_items_count))
        .route(
            "/work-items/completed/count",
            get(work_items_count_completed),
        )
        .route("/work-items/summary", get(work_items_summary))
        .route(
            "/work-items/{id}",
            get(work_items_get).post(work_items_complete),
        )
        .route("/work-items/{id}/forward", post(work_items_forward))
        .route(
            "/work-items/{id}/approve/{approval_item_id}",
            post(work_items_approve),
        )
        .route(
            "/work-items/{id}/reject/{approval_item_id}",
            post(work_items_reject),
        )
        .route(
            "/work-items/bulk-approve/{id}",
            post(work_items_bulk_approve),
        )
        .route("/work-items/bulk-reject/{id}", post(work_items_bulk_reject))
        .route(
            "/work-items/{id}/submit-account-selection",
            post(work_items_submit_account_selection),
        )
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
                "Identity '{owner}' was not found."
            )));
        }
    }
    Ok(owner)
}

/// A 400 unless the experimental-feature header says `true`.
fn require_experimental(headers: &HeaderMap) -> Result<(), ApiError> {
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
    let (items, total) = state
        .db()
        .read(move |c| work_items::list(c, &owner, pending, page))
        .await?;
    Ok(super::with_total(items, total))
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

/// `GET /work-items/completed/count` (experimental): how many completed work items.
async fn work_items_count_completed(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<axum::Json<WorkItemsCount>, ApiError> {
    require_experimental(&headers)?;
    count(state, caller, raw, false).await
}

/// `GET /work-items/summary`: open, completed and total counts.
async fn work_items_summary(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<axum::Json<WorkItemsSummary>, ApiError> {
    let query = QueryParams::parse(raw.as_deref())?;
    let owner = owner_of(&state, &caller, &query).await?;
    let (open, completed) = state
        .db()
        .read(move |c| {
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

/// `GET /work-items/{id}`: one work item.
async fn work_items_get(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<axum::Json<WorkItem>, ApiError> {
    let key = id.clone();
    let item = state
        .db()
        .read(move |c| work_items::get(c, &key))
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("Work item '{id}' was not found.")))?;
    if !caller.may_act_for(item.owner_id.as_deref()) {
        return Err(ApiError::Forbidden);
    }
    Ok(axum::Json(item))
}

async fn act(
    state: &AppState,
    caller: Caller,
    id: String,
    action: Action,
) -> Result<WorkItem, ApiError> {
    let now = Utc::now();
    let item = state
        .db()
        .write(move |c| work_items::apply(c, &id, &caller, action, now))
        .await?;
    tracing::info!(work_item = item.id.as_deref().unwrap_or(""), state = ?item.state, "work item changed");
    Ok(item)
}

/// `POST /work-items/{id}`: Mark Complete; the optional body is a JSON string (or null).
async fn work_items_complete(
    State(state): State<AppState>,
    caller: Caller,
    _may_act: MayActOnItem,
    Path(id): Path<String>,
    OptionalJson(_comment): OptionalJson<Option<String>>,
) -> Result<axum::Json<WorkItem>, ApiError> {
    Ok(axum::Json(act(&state, caller, id, Action::Complete).await?))
}

/// `POST /work-items/{id}/forward` (experimental): hand the item to someone else; 200
/// with an empty body.
async fn work_items_forward(
    State(state): State<AppState>,
    caller: Caller,
    _may_act: MayActOnItem,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(forward): Json<WorkItemForward>,
) -> Result<StatusCode, ApiError> {
    require_experimental(&headers)?;
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
) -> Result<axum::Json<WorkItem>, ApiError> {
    Ok(axum::Json(
        act(&state, caller, id, Action::Approve(approval_item_id)).await?,
    ))
}

/// `POST /work-items/{id}/reject/{approvalItemId}`.
async fn work_items_reject(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, approval_item_id)): Path<(String, String)>,
) -> Result<axum::Json<WorkItem>, ApiError> {
    Ok(axum::Json(
        act(&state, caller, id, Action::Reject(approval_item_id)).await?,
    ))
}

/// `POST /work-items/bulk-approve/{id}`.
async fn work_items_bulk_approve(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<axum::Json<WorkItem>, ApiError> {
    Ok(axum::Json(
        act(&state, caller, id, Action::BulkApprove).await?,
    ))
}

/// `POST /work-items/bulk-reject/{id}`.
async fn work_items_bulk_reject(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<axum::Json<WorkItem>, ApiError> {
    Ok(axum::Json(
        act(&state, caller, id, Action::BulkReject).await?,
    ))
}

/// `POST /work-items/{id}/submit-account-selection`: field values keyed on field name.
async fn work_items_submit_account_selection(
    State(state): State<AppState>,
    caller: Caller,
    _may_act: MayActOnItem,
    Path(id): Path<String>,
    Json(selection): Json<AccountSelection>,
) -> Result<axum::Json<WorkItem>, ApiError> {
    Ok(axum::Json(
        act(&state, caller, id, Action::SubmitSelection(selection)).await?,
    ))
}
