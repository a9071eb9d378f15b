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
    /// `DIR/index.html`: `/`, `/index.html`, `/tasks`, `/tasks/…`, `/items/<id>`,
    /// `/auth/callback`.
    App,
    /// `DIR/w/index.html` if the widget build exists, else `DIR/index.html`: `/widget`.
    Widget,
}

/// The app document `path` is a route of, if it is one: nginx's `location = /`, its
/// `^/(tasks|tasks/.*|items/.+|auth/callback|index\.html)$` and `location = /widget`.
/// `/items/` names no item, so it is no route.
pub fn app_document(path: &str) -> Option<AppDocument> {
    match path {
        "/" | "/index.html" | "/tasks" | "/auth/callback" => Some(AppDocument::App),
        "/widget" => Some(AppDocument::Widget),
        _ if path.starts_with("/tasks/") => Some(AppDocument::App),
        _ if path
            .strip_prefix("/items/")
            .is_some_and(|id| !id.is_empty()) =>
        {
            Some(AppDocument::App)
        }
        _ => None,
    }
}

/// Whether `path` names the widget's document file, `DIR/w/index.html`, which is only
/// ever served as `/widget` (with its CSP), as nginx's `location = /w/index.html` answers
/// 404. The path is compared as the file server resolves it (percent-decoded, empty and
/// `.` segments dropped), and as nginx normalizes it before it picks a location, so
/// `/w//index.html` or `/w/%69ndex.html` is no way around it.
pub fn is_widget_document_file(path: &str) -> bool {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let mut segments = decoded
        .split('/')
        .filter(|segment| !segment.is_empty() && *segment != ".");
    segments.next() == Some("w")
        && segments.next() == Some("index.html")
        && segments.next().is_none()
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
        None if !readable || is_widget_document_file(&path) => not_found(&path),
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
            "/index.html",
            "/tasks",
            "/tasks/",
            "/tasks/pending",
            "/items/abc",
            "/items/a/b",
            "/auth/callback",
        ] {
            assert_eq!(app_document(path), Some(AppDocument::App), "{path}");
        }
        assert_eq!(app_document("/widget"), Some(AppDocument::Widget));
        for path in [
            "/w",
            "/w/",
            "/w/index.html",
            "/widget/x",
            "/items",
            "/items/",
            "/tasksx",
            "/work-items/v1/x",
            "/x",
        ] {
            assert_eq!(app_document(path), None, "{path}");
        }
    }

    #[test]
    fn the_widget_document_file_is_recognised_however_its_path_is_spelled() {
        for path in [
            "/w/index.html",
            "/w//index.html",
            "//w/./index.html",
            "/w/%69ndex.html",
            "/%77/index.html",
        ] {
            assert!(is_widget_document_file(path), "{path}");
        }
        for path in [
            "/w/",
            "/w/index.htm",
            "/w/index.html.gz",
            "/w/x/index.html",
            "/index.html",
            "/x/w/index.html",
        ] {
            assert!(!is_widget_document_file(path), "{path}");
        }
    }
}
