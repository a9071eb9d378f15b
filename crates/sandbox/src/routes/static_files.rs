//! `--static-dir`: the built app, served as our nginx config serves it. The app's own
//! routes get its document, hashed assets are cached for a year, precompressed `.br`/`.gz`
//! siblings are sent to clients that accept them, and every other unknown path gets the
//! API's JSON 404, so a client calling a wrong path is told so instead of getting HTML.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::error::ApiError;
use crate::input::echo;
use crate::security::{self, Document, CACHE_REVALIDATE};
use crate::state::AppState;

/// Which app document a path is a route of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppDocument {
    /// `DIR/index.html`: `/`, `/tasks`, `/tasks/…`, `/items/…`, `/auth/callback`.
    App,
    /// `DIR/w/index.html` if the widget build exists, else `DIR/index.html`: `/widget`.
    Widget,
}

/// The app document `path` is a route of, if it is one.
pub fn app_document(path: &str) -> Option<AppDocument> {
    match path {
        "/" | "/tasks" | "/auth/callback" => Some(AppDocument::App),
        "/widget" => Some(AppDocument::Widget),
        _ if path.starts_with("/tasks/") || path.starts_with("/items/") => Some(AppDocument::App),
        _ => None,
    }
}

/// The fallback of the whole router when `--static-dir` is given.
pub async fn serve(State(state): State<AppState>, request: Request) -> Response {
    let Some(dir) = state.config().static_dir.clone() else {
        return ApiError::NotFound(format!("No resource at '{}'.", echo(request.uri().path())))
            .into_response();
    };
    let path = request.uri().path().to_owned();
    let readable = matches!(*request.method(), Method::GET | Method::HEAD);
    match app_document(&path) {
        Some(_) if !readable => ApiError::MethodNotAllowed.into_response(),
        Some(AppDocument::App) => document(&dir.join("index.html"), Document::App, request).await,
        Some(AppDocument::Widget) => {
            let widget = dir.join("w").join("index.html");
            let file = if widget.is_file() {
                widget
            } else {
                dir.join("index.html")
            };
            let frame = Document::Widget(&state.config().frame_ancestors);
            document(&file, frame, request).await
        }
        None if !readable => not_found(&path),
        None => asset(&dir, &path, &state, request).await,
    }
}

fn not_found(path: &str) -> Response {
    ApiError::NotFound(format!("No resource at '{}'.", echo(path))).into_response()
}

/// An app document: never cached without revalidation, with its CSP.
async fn document(file: &Path, csp: Document<'_>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let service = ServeFile::new(file).precompressed_br().precompressed_gzip();
    let response = match service.oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    if response.status() == StatusCode::NOT_FOUND {
        return not_found(&path);
    }
    finish(response, CACHE_REVALIDATE, Some(csp))
}

/// Any other file under the static directory; a miss (or a directory) is the API's 404.
async fn asset(dir: &PathBuf, path: &str, state: &AppState, request: Request) -> Response {
    // No index.html for directories: ServeDir would otherwise redirect `/w` to `/w/`.
    let service = ServeDir::new(dir)
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip();
    let response = match service.oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    match response.status() {
        StatusCode::NOT_FOUND => return not_found(path),
        StatusCode::METHOD_NOT_ALLOWED => return ApiError::MethodNotAllowed.into_response(),
        _ => {}
    }
    let name = path.rsplit('/').next().unwrap_or_default();
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let csp = is_html.then(|| {
        if path.starts_with("/w/") {
            Document::Widget(&state.config().frame_ancestors)
        } else {
            Document::App
        }
    });
    finish(response, security::cache_control(name), csp)
}

fn finish(mut response: Response, cache: &'static str, csp: Option<Document<'_>>) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Some(csp) = csp {
        if let Ok(value) = HeaderValue::from_str(&security::content_security_policy(csp)) {
            headers.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_routes_are_documents() {
        for path in [
            "/",
            "/tasks",
            "/tasks/pending",
            "/items/abc",
            "/auth/callback",
        ] {
            assert_eq!(app_document(path), Some(AppDocument::App), "{path}");
        }
        assert_eq!(app_document("/widget"), Some(AppDocument::Widget));
        for path in [
            "/w",
            "/w/",
            "/widget/x",
            "/items",
            "/tasksx",
            "/work-items/v1/x",
            "/x",
        ] {
            assert_eq!(app_document(path), None, "{path}");
        }
    }
}
