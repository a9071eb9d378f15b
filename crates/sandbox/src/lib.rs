//! The My Tasks sandbox: a faithful local SailPoint ISC v2024 Work Items API (plus Public
//! Identities and the OAuth endpoints) on axum and SQLite.
//!
//! [`run`] takes its listener and its shutdown signal from the caller, so tests start
//! it on `127.0.0.1:0` with their own database; [`build_router`] wires every route and
//! layer around an [`AppState`].

pub mod auth;
pub mod clock;
pub mod collection;
pub mod config;
pub mod db;
pub mod deadlines;
pub mod error;
pub mod extract;
pub mod filter;
pub mod forwarded;
pub mod ids;
pub mod input;
pub mod middleware;
pub mod rate_limit;
pub mod routes;
pub mod security;
pub mod seed;
pub mod server;
pub mod state;
pub mod store;
pub mod tokens;
pub mod workflow;

use std::future::Future;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::Router;
use serde::Serialize;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

pub use config::{Config, Seed};
pub use error::ApiError;
pub use state::AppState;

use db::Db;
use routes::work_items::Family;
use tokens::{Tenant, TokenKeys};

/// Every route and layer of the sandbox around `state`.
pub fn build_router(state: AppState) -> Router {
    // CORS only for the API and the token endpoint, for our own and configured origins;
    // the sign-in page is merged in after the layer so it never carries CORS headers.
    let cors = security::cors(state.base_url(), &state.config().cors_origins);
    // API bodies are compressed on the fly; static files come precompressed instead.
    let compression = CompressionLayer::new();
    // The API's policies, around each path family's routes.
    let api = |router: Router<AppState>| {
        router
            .fallback(routes::api_not_found)
            .method_not_allowed_fallback(middleware::api_method_not_allowed)
            .layer(axum::middleware::from_fn_with_state(
                state.clone(),
                middleware::rate_limit,
            ))
            .layer(axum::middleware::from_fn_with_state(
                state.clone(),
                middleware::inject_faults,
            ))
            .layer(compression.clone())
            .layer(cors.clone())
            // A person's work items are never kept by the browser: on a shared computer
            // the next person could read them from the disk cache, signed out.
            .layer(SetResponseHeaderLayer::overriding(
                header::CACHE_CONTROL,
                HeaderValue::from_static("no-store"),
            ))
    };
    let v2024 = api(Router::new()
        .nest("/work-items", routes::work_items::router(Family::V2024))
        .merge(routes::public_identities::router()));
    let work_items_v1 = api(routes::work_items::router(Family::V1));
    // The 405 fallback is set before the layers: set after, it would replace the layered
    // fallback that answers CORS preflights.
    let oauth = routes::oauth::router()
        .method_not_allowed_fallback(middleware::method_not_allowed)
        .layer(compression.clone())
        .layer(cors.clone())
        .merge(
            routes::oauth::sign_in_router()
                .method_not_allowed_fallback(middleware::method_not_allowed),
        )
        .fallback(routes::not_found);
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
        .nest("/oauth", oauth)
        .nest("/sandbox", sandbox.fallback(routes::not_found));
    app = match &state.config().static_dir {
        Some(_) => app.fallback(routes::static_files::serve),
        None => app.fallback(routes::not_found),
    };
    let [nosniff, referrer] = security::always();
    let (csp, nothing) = security::allow_nothing();
    app.layer(DefaultBodyLimit::max(state.config().max_body_bytes))
        .layer(axum::middleware::from_fn(middleware::refuse_encoded_bodies))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::timeout,
        ))
        .layer(axum::middleware::from_fn_with_state(
            security::allowed_host_names(state.base_url(), &state.config().allowed_hosts),
            middleware::check_host,
        ))
        .layer(SetResponseHeaderLayer::overriding(nosniff.0, nosniff.1))
        .layer(SetResponseHeaderLayer::overriding(referrer.0, referrer.1))
        .layer(SetResponseHeaderLayer::if_not_present(csp, nothing))
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .with_state(state)
}

/// The log span of one request: its method, its URI cut short (a client may send hundreds
/// of kilobytes of it) with control characters escaped, and its HTTP version.
fn request_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let uri = request.uri().to_string();
    let uri = input::clip(&uri, input::MESSAGE_CHARS);
    tracing::debug_span!(
        "request",
        method = %request.method(),
        uri = %error::LogSafe(&uri),
        version = ?request.version(),
    )
}

/// Creates `path` readable and writable by its owner only (mode 600), or narrows an
/// existing file to that: it holds the signing key or client secrets.
pub fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let file = options.open(path)?;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        Ok(file)
    }
    #[cfg(not(unix))]
    options.open(path)
}

/// Opens the database (migrating, seeding) and builds the state for an instance that
/// answers on `base_url`. Blocking; call before serving.
pub fn open_state(config: Config, base_url: String) -> Result<AppState, ApiError> {
    if !config.in_memory {
        // SQLite gives its -wal and -shm files the mode of the database file.
        for suffix in ["", "-wal", "-shm"] {
            let mut path = config.db.clone().into_os_string();
            path.push(suffix);
            let path = std::path::PathBuf::from(path);
            if suffix.is_empty() || path.exists() {
                create_private(&path)
                    .map_err(|e| ApiError::Internal(format!("creating {}: {e}", path.display())))?;
            }
        }
    }
    let page_cache_bytes = config.page_cache_mib.saturating_mul(1 << 20);
    let db = Db::open(
        (!config.in_memory).then_some(config.db.as_path()),
        page_cache_bytes,
    )?;
    tracing::info!(
        page_cache_mib = config.page_cache_mib,
        "list items are kept between writes up to this bound"
    );
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
    db.settle_blocking()?;
    let tenant = Tenant {
        tenant_id: config.tenant_id.clone(),
        pod: config.tenant_pod.clone(),
        org: config.tenant_org.clone(),
    };
    let tokens = TokenKeys::new(key.as_bytes(), config.token_ttl_secs, tenant);
    // Revoked access tokens stay refused across a restart, until they would have expired.
    let now = tokens::now_secs();
    let revoked = db.read_blocking(|c| store::refresh_tokens::revoked_access(c, now))?;
    tokens.revoke(&revoked, now);
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
    /// Where clients reach the sandbox: `--public-base-url`, else `http://127.0.0.1:PORT`.
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
    let config = state.config();
    let secs = |secs: u64| Duration::from_secs(secs.max(1));
    let limits = server::ConnectionLimits {
        header_read_timeout: secs(config.header_read_timeout_secs),
        body_read_timeout: secs(config.body_read_timeout_secs),
        write_stall_timeout: secs(config.write_stall_timeout_secs),
        max_connections: config.max_connections,
        max_connections_per_address: config.max_connections_per_address,
        trusted_proxies: config.trusted_proxies.clone(),
    };
    server::serve(listener, build_router(state), limits, shutdown).await
}

/// Completes when `signal` reports the shutdown signal (Ctrl-C in `main`). If listening
/// for it failed, the server keeps running (it can still be killed) instead of stopping
/// at once as if the signal had come.
pub async fn shutdown_on(signal: impl Future<Output = std::io::Result<()>>) {
    if let Err(error) = signal.await {
        tracing::warn!(%error, "cannot listen for the shutdown signal; running until killed");
        std::future::pending::<()>().await;
    }
}

/// A sandbox ready to serve: its state (database opened, migrated, seeded) and the
/// credentials of everyone who can sign in.
pub struct Prepared {
    /// The shared state.
    pub state: AppState,
    /// The base URL and every identity's credentials.
    pub credentials: Credentials,
}

/// Prepares a sandbox for `listener` with `config`: opens the database, writes
/// `--credentials-out`. [`run`] is this, the start-up lines, and [`serve`].
pub async fn prepare(
    listener: &TcpListener,
    config: Config,
) -> Result<Prepared, Box<dyn std::error::Error + Send + Sync>> {
    let address = listener.local_addr()?;
    let base_url = config
        .public_base_url
        .clone()
        .unwrap_or_else(|| format!("http://{address}"));
    let state = tokio::task::spawn_blocking(move || open_state(config, base_url))
        .await?
        .map_err(|e| e.to_string())?;
    let credentials = {
        let state = state.clone();
        tokio::task::spawn_blocking(move || credentials(&state)).await??
    };
    if let Some(path) = &state.config().credentials_out {
        let mut file = create_private(path)?;
        file.set_len(0)?;
        file.write_all(&serde_json::to_vec_pretty(&credentials)?)?;
    }
    Ok(Prepared { state, credentials })
}

/// Runs a sandbox on `listener` with `config` until `shutdown` completes: prepares it,
/// prints the listening line and the demo credentials, then serves.
pub async fn run(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let address = listener.local_addr()?;
    let Prepared { state, credentials } = prepare(&listener, config).await?;
    // Whoever started us may stop reading stdout after the first line; that must not
    // stop the server, so a failed write is logged, not returned.
    if let Err(error) = announce(&format!("http://{address}"), &credentials) {
        tracing::warn!(%error, "could not write the start-up lines to stdout");
    }
    serve(listener, state, shutdown).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_failed_signal_handler_does_not_shut_the_server_down() {
        let failed = async { Err(std::io::Error::other("no signal handler")) };
        let waited = tokio::time::timeout(Duration::from_secs(3600), shutdown_on(failed)).await;
        assert!(
            waited.is_err(),
            "shutdown completed although no signal came"
        );
        let signalled = tokio::time::timeout(Duration::from_secs(1), shutdown_on(async { Ok(()) }));
        assert!(signalled.await.is_ok());
    }
}
