//! `/sandbox/faults`: test controls that make the next requests under `/v2024` fail, so
//! clients can prove they handle 429/500/503. Mounted only with `--enable-test-controls`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::extract::Json;
use crate::state::{AppState, Fault};

/// The test-control routes, relative to `/sandbox`.
pub fn router() -> Router<AppState> {
    Router::new().route("/faults", post(faults_create).delete(faults_delete))
}

/// Body of `POST /sandbox/faults`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FaultRequest {
    /// 429, 500 or 503.
    pub status: u16,
    /// How many of the next `/v2024` requests get it (default 1).
    #[serde(default = "one")]
    pub times: u32,
    /// `Retry-After` seconds of a 429 (default 1).
    #[serde(default = "one_u64")]
    pub retry_after_secs: u64,
    /// Only requests whose path contains this text get the fault (e.g. a work item's id);
    /// absent: any request.
    #[serde(default)]
    pub path_contains: Option<String>,
}

fn one() -> u32 {
    1
}

fn one_u64() -> u64 {
    1
}

/// `POST /sandbox/faults`: arm a fault (replacing any armed one).
async fn faults_create(
    State(state): State<AppState>,
    Json(request): Json<FaultRequest>,
) -> Result<StatusCode, ApiError> {
    if !matches!(request.status, 429 | 500 | 503) {
        return Err(ApiError::BadRequest(
            "status must be 429, 500 or 503.".into(),
        ));
    }
    *state.fault() = (request.times > 0).then_some(Fault {
        status: request.status,
        times: request.times,
        retry_after_secs: request.retry_after_secs,
        path_contains: request.path_contains.filter(|p| !p.is_empty()),
    });
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /sandbox/faults`: disarm.
async fn faults_delete(State(state): State<AppState>) -> StatusCode {
    *state.fault() = None;
    StatusCode::NO_CONTENT
}
