//! The header policy every response follows, in one place so the sandbox and the nginx
//! config (which copies it) cannot drift: `nosniff` and `no-referrer` everywhere, the
//! Content-Security-Policy of the app's documents (and one that allows nothing elsewhere), caching by file name, and CORS for
//! configured origins only.

use axum::http::{header, HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// `Cache-Control` of hashed assets, whose content never changes under one name.
pub const CACHE_IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of everything else served from the static directory: documents,
/// `config.json` and unhashed files must be revalidated on every use.
pub const CACHE_REVALIDATE: &str = "no-cache";

/// Which document a CSP is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document<'a> {
    /// The app: never framed.
    App,
    /// The `/widget` document: framed by itself and the given origins.
    Widget(&'a [String]),
}

/// The Content-Security-Policy of an app document: no inline script and no `eval`
/// (WebAssembly needs `'wasm-unsafe-eval'`), everything from the app's own origin.
pub fn content_security_policy(document: Document<'_>) -> String {
    let frame_ancestors = match document {
        Document::App => "'none'".to_owned(),
        Document::Widget(origins) => std::iter::once("'self'")
            .chain(origins.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" "),
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         frame-ancestors {frame_ancestors}; base-uri 'none'; form-action 'self'; \
         object-src 'none'"
    )
}

/// Whether `name` (the last path segment) is one of the build's hashed outputs:
/// `NAME-<hex>.js`, `NAME-<hex>_bg.wasm`, `NAME-<hex>.css`, `NAME-<hex>.svg` (Trunk's; the
/// icon), and `LANG-<hex>.txt` (a language's catalogue, written by `scripts/postbuild.py`). Trunk writes its hash as a
/// number without leading zeros: 16 hex digits, or fewer one time in sixteen.
pub fn is_hashed_asset(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    if !matches!(ext, "js" | "wasm" | "css" | "txt" | "svg") {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    (1..=16).contains(&hash.len()) && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The `Cache-Control` for a static file named `name`.
pub fn cache_control(name: &str) -> &'static str {
    if is_hashed_asset(name) {
        CACHE_IMMUTABLE
    } else {
        CACHE_REVALIDATE
    }
}

/// Whether a request for `authority` (its `Host`, or the authority of an HTTP/2 request)
/// may be answered. IP addresses and `localhost` (which browsers never look up in DNS)
/// always may; other names only if they are in `names` (the public base URL's host and
/// `--allowed-host`, lower case). A name outside them is how a DNS-rebinding page reaches a
/// sandbox on this machine: its own name, made to resolve here, is in its requests' `Host`.
pub fn host_allowed(authority: &str, names: &[impl AsRef<str>]) -> bool {
    let host = match authority.strip_prefix('[') {
        // An IPv6 literal, `[::1]:8080`.
        Some(rest) => {
            return rest
                .split(']')
                .next()
                .is_some_and(|ip| ip.parse::<std::net::Ipv6Addr>().is_ok())
        }
        None => match authority.rsplit_once(':') {
            Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
            _ => authority,
        },
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host.parse::<std::net::Ipv4Addr>().is_ok()
        || host == "localhost"
        || host.ends_with(".localhost")
        || names.iter().any(|name| name.as_ref() == host)
}

/// The host names besides addresses and `localhost` that a sandbox reached at `base_url`
/// answers for: that URL's host and `allowed` (`--allowed-host`). Worked out once, when the
/// router is built, not at every request.
pub fn allowed_host_names(base_url: &str, allowed: &[String]) -> std::sync::Arc<[String]> {
    std::iter::once(origin_host(base_url).to_ascii_lowercase())
        .chain(allowed.iter().cloned())
        .collect()
}

/// The host of an origin (`https://tasks.example.com:8443` gives `tasks.example.com`).
pub fn origin_host(origin: &str) -> &str {
    let rest = origin.split_once("://").map_or(origin, |(_, rest)| rest);
    if rest.starts_with('[') {
        return rest.split_inclusive(']').next().unwrap_or(rest);
    }
    rest.split(':').next().unwrap_or(rest)
}

/// Headers on every response, API and static alike.
pub fn always() -> [(HeaderName, HeaderValue); 2] {
    [
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ),
    ]
}

/// The CSP of every response that has none of its own (an API answer, an asset, an error):
/// it allows nothing, and no one may frame it. The app's documents and the sign-in page
/// send their own.
pub fn allow_nothing() -> (HeaderName, HeaderValue) {
    (
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
    )
}

/// CORS for the API and the token endpoint: the sandbox's own origin and the configured
/// ones, the methods and headers the API uses, and the headers a client must read.
pub fn cors(own_origin: &str, configured: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = std::iter::once(own_origin)
        .chain(configured.iter().map(String::as_str))
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            HeaderName::from_static("x-sailpoint-experimental"),
        ])
        .expose_headers([
            HeaderName::from_static("x-total-count"),
            header::RETRY_AFTER,
        ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_localhost_are_always_answered_other_names_only_when_allowed() {
        let names = ["tasks.example.com"];
        for authority in [
            "127.0.0.1:8080",
            "127.0.0.1",
            "10.1.2.3:80",
            "[::1]:8080",
            "[::1]",
            "localhost:8080",
            "LOCALHOST.",
            "app.localhost:3000",
            "tasks.example.com",
            "Tasks.Example.Com.:443",
        ] {
            assert!(host_allowed(authority, &names), "{authority}");
        }
        for authority in [
            "evil.example:8080",
            "evil.example",
            "localhost.evil.example",
            "tasks.example.com.evil.example",
            "[not-an-address]:80",
            "127.0.0.1.evil.example",
            "",
            ":8080",
        ] {
            assert!(!host_allowed(authority, &names), "{authority}");
        }
    }

    #[test]
    fn an_origin_s_host_is_without_scheme_and_port() {
        assert_eq!(
            origin_host("https://tasks.example.com:8443"),
            "tasks.example.com"
        );
        assert_eq!(origin_host("http://127.0.0.1:8080"), "127.0.0.1");
        assert_eq!(origin_host("http://[::1]:8080"), "[::1]");
        assert_eq!(origin_host("http://localhost"), "localhost");
    }

    #[test]
    fn the_app_csp_forbids_framing_inline_script_and_eval() {
        assert_eq!(
            content_security_policy(Document::App),
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
             img-src 'self' data:; font-src 'self'; connect-src 'self'; \
             frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
        );
    }

    #[test]
    fn the_widget_csp_differs_only_in_its_frame_ancestors() {
        let origins = [
            "https://dash.example".to_owned(),
            "http://localhost:9000".to_owned(),
        ];
        let widget = content_security_policy(Document::Widget(&origins));
        assert_eq!(
            widget,
            content_security_policy(Document::App).replace(
                "frame-ancestors 'none'",
                "frame-ancestors 'self' https://dash.example http://localhost:9000"
            )
        );
        assert!(content_security_policy(Document::Widget(&[])).contains("frame-ancestors 'self';"));
    }

    #[test]
    fn only_hashed_build_outputs_are_immutable() {
        for hashed in [
            "my-tasks-0123456789abcdef.js",
            "my-tasks-0123456789abcdef_bg.wasm",
            "style-fedcba9876543210.css",
            "de-0123456789abcdef.txt",
            "favicon-7b8d6ba0afe70343.svg",
            // Trunk's hash with a leading zero, as it writes it.
            "my-tasks-229585df6e141e9_bg.wasm",
        ] {
            assert_eq!(cache_control(hashed), CACHE_IMMUTABLE, "{hashed}");
        }
        for plain in [
            "index.html",
            "config.json",
            "app.js",
            "my-tasks-0123456789ABCDEF.js",
            "my-tasks-0123456789abcdef0.js",
            "my-tasks-.js",
            "my-tasks-0123456789abcdef.html",
            "my-tasks-0123456789abcdef.js.map",
            "de.txt",
            "favicon.svg",
            "de-0123456789abcdef.txt.bak",
        ] {
            assert_eq!(cache_control(plain), CACHE_REVALIDATE, "{plain}");
        }
    }
}
