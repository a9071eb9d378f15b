//! The My Tasks sandbox: a faithful local SailPoint ISC v2024 Work Items API (plus Public
//! Identities and the OAuth endpoints) on axum and SQLite.
//!
//! [`run`] takes its listener and its shutdown signal from the caller, so tests start
//! it on `127.0.0.1:0` with their own database; [`build_router`] wires every route and
//! layer around an [`AppState`].

pub mod auth;
pub mod collection;
pub mod config;
pub mod db;
pub mod error;
pub mod extract;
pub mod filter;
pub mod ids;
pub mod middleware;
pub mod routes;
pub mod seed;
pub mod state;
pub mod store;
pub mod workflow;

use std::future::Future;
use std::io::Write;

use axum::extract::DefaultBodyLimit;
use axum::http::HeaderName;
use axum::Router;
use serde::Serialize;
use tokio::net::TcpListener;
use tower_http::cors::{Any, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::trace::TraceLayer;

pub use config::{Config, Seed};
pub use error::ApiError;
pub use state::AppState;

use auth::TokenKeys;
use db::Db;
use routes::work_items::Family;

/// Every route and layer of the sandbox around `state`.
pub fn build_router(state: AppState) -> Router {
    // The API's policies, around each path family's routes.
    let api = |router: Router<AppState>| {
        router
            .fallback(routes::not_found)
            .method_not_allowed_fallback(middleware::method_not_allowed)
            .layer(axum::middleware::from_fn_with_state(
                state.clone(),
                middleware::rate_limit,
            ))
            .layer(axum::middleware::from_fn_with_state(
                state.clone(),
                middleware::inject_faults,
            ))
    };
    let v2024 = api(Router::new()
        .nest("/work-items", routes::work_items::router(Family::V2024))
        .merge(routes::public_identities::router()));
    let work_items_v1 = api(routes::work_items::router(Family::V1));
    let mut sandbox = Router::new();
    if state.config().enable_test_controls {
        sandbox = sandbox.merge(routes::test_controls::router());
    }
    // The work items under two prefixes, one implementation: the v2024 API and the
    // per-service path (`/work-items/v1`, `/work-items/v1/{id}`, ...) of SailPoint's
    // current SDKs.
    let mut app = Router::new()
        .nest("/v2024", v2024)
        .nest("/work-items/v1", work_items_v1)
        .nest(
            "/oauth",
            routes::oauth::router()
                .fallback(routes::not_found)
                .method_not_allowed_fallback(middleware::method_not_allowed),
        )
        .nest("/sandbox", sandbox.fallback(routes::not_found));
    app = match &state.config().static_dir {
        Some(dir) => app
            .fallback_service(ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")))),
        None => app.fallback(routes::not_found),
    };
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods(Any)
        .allow_headers(Any)
        .expose_headers([
            HeaderName::from_static("x-total-count"),
            HeaderName::from_static("retry-after"),
        ]);
    app.layer(DefaultBodyLimit::max(state.config().max_body_bytes))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::timeout,
        ))
        .layer(cors)
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Opens the database (migrating, seeding) and builds the state for an instance that
/// answers on `base_url`. Blocking; call before serving.
pub fn open_state(config: Config, base_url: String) -> Result<AppState, ApiError> {
    let db = Db::open((!config.in_memory).then_some(config.db.as_path()))?;
    let key =
        db.write_blocking(|c| db::meta_get_or_insert(c, "jwt_signing_key", ids::random_hex64))?;
    if config.seed == Some(Seed::Demo) {
        let added = db.write_blocking(seed::load_demo)?;
        tracing::info!(added, "demo data loaded");
    }
    if config.extra_items > 0 {
        let n = config.extra_items;
        let started = std::time::Instant::now();
        let added = db.write_blocking(|c| seed::load_extra(c, n))?;
        tracing::info!(
            added,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "extra work items loaded"
        );
    }
    let tokens = TokenKeys::new(key.into_bytes(), config.token_ttl_secs);
    Ok(AppState::new(config, base_url, db, tokens))
}

/// One demo identity as written by `--credentials-out` and printed at start.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialEntry {
    /// Identity id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Alias.
    pub alias: String,
    /// Client id for the client-credentials grant.
    pub client_id: String,
    /// Client secret for the client-credentials grant.
    pub client_secret: String,
    /// Whether the identity has `ORG_ADMIN`.
    pub admin: bool,
}

/// The file `--credentials-out` writes.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Credentials {
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// Everyone who can sign in.
    pub identities: Vec<CredentialEntry>,
}

/// The base URL and every identity's credentials.
pub fn credentials(state: &AppState) -> Result<Credentials, ApiError> {
    let people = state.db().read_blocking(store::identities::all)?;
    Ok(Credentials {
        base_url: state.base_url().to_owned(),
        identities: people
            .into_iter()
            .map(|p| CredentialEntry {
                id: p.id,
                name: p.name,
                alias: p.alias,
                client_id: p.client_id,
                client_secret: p.client_secret,
                admin: p.admin,
            })
            .collect(),
    })
}

/// Prints the listening line (first, flushed: scripts parse it) and the credentials.
fn announce(base_url: &str, creds: &Credentials) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "My Tasks sandbox listening on {base_url}")?;
    out.flush()?;
    for person in &creds.identities {
        writeln!(
            out,
            "  {:<20} client_id={} client_secret={}{}",
            person.alias,
            person.client_id,
            person.client_secret,
            if person.admin { " (ORG_ADMIN)" } else { "" }
        )?;
    }
    out.flush()
}

/// Serves `state` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, build_router(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Runs a sandbox on `listener` with `config` until `shutdown` completes: opens the
/// database, prints the listening line and the demo credentials, writes
/// `--credentials-out`, then serves.
pub async fn run(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let address = listener.local_addr()?;
    let base_url = format!("http://{address}");
    let state = tokio::task::spawn_blocking({
        let base_url = base_url.clone();
        move || open_state(config, base_url)
    })
    .await?
    .map_err(|e| e.to_string())?;
    let creds = credentials(&state)?;
    if let Some(path) = &state.config().credentials_out {
        std::fs::write(path, serde_json::to_vec_pretty(&creds)?)?;
    }
    // Whoever started us may stop reading stdout after the first line; that must not
    // stop the server, so a failed write is logged, not returned.
    if let Err(error) = announce(&base_url, &creds) {
        tracing::warn!(%error, "could not write the start-up lines to stdout");
    }
    serve(listener, state, shutdown).await?;
    Ok(())
}
