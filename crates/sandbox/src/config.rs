//! The command line, which is also the whole configuration of a sandbox instance.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// A faithful local SailPoint ISC v2024 Work Items API (plus Public Identities and OAuth)
/// for developing and testing the My Tasks app without a tenant.
#[derive(Debug, Clone, Parser)]
#[command(name = "sandbox", version, about, long_about = None)]
pub struct Config {
    /// Address to listen on; port 0 picks a free port (the chosen address is printed).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// SQLite database file, created and migrated on start.
    #[arg(long, default_value = "sandbox.db", conflicts_with = "in_memory")]
    pub db: PathBuf,

    /// Keep everything in memory instead of a file (lost on exit).
    #[arg(long)]
    pub in_memory: bool,

    /// Load a data set on start; idempotent, safe to pass on every start.
    #[arg(long, value_enum)]
    pub seed: Option<Seed>,

    /// Also add N generated pending work items (approvals, forms, remediations and more) for
    /// Alison Ferguso (load tests).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub extra_items: u32,

    /// Serve the built browser app from DIR, falling back to index.html for app routes.
    #[arg(long, value_name = "DIR")]
    pub static_dir: Option<PathBuf>,

    /// Requests one identity may make per rate-limit window, whatever token it uses.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub rate_limit_requests: u32,

    /// Length of the rate-limit window in seconds.
    #[arg(long, default_value_t = 10, value_name = "S")]
    pub rate_limit_window_secs: u64,

    /// Lifetime of issued access tokens in seconds.
    #[arg(long, default_value_t = 749, value_name = "S")]
    pub token_ttl_secs: u64,

    /// Write the base URL and demo identities with their client id/secret as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub credentials_out: Option<PathBuf>,

    /// Enable `POST/DELETE /sandbox/faults` to inject 429/500/503 answers (tests only).
    #[arg(long)]
    pub enable_test_controls: bool,

    /// Largest request body accepted, in bytes; larger ones get 413.
    #[arg(long, default_value_t = 1024 * 1024, value_name = "BYTES")]
    pub max_body_bytes: usize,

    /// Seconds a request may take before it is answered with a timeout.
    #[arg(long, default_value_t = 30, value_name = "S")]
    pub request_timeout_secs: u64,

    /// The URL clients reach this sandbox at (scheme, host, port; no path), e.g. behind a
    /// reverse proxy. `/oauth/info`, the allowed redirect origin and the CORS own origin
    /// come from it, never from the `Host` header. Default: `http://<bound address>`.
    #[arg(long, value_name = "URL", value_parser = parse_origin)]
    pub public_base_url: Option<String>,

    /// Another origin whose pages may call the API from a browser (CORS); repeatable.
    #[arg(long = "cors-origin", value_name = "ORIGIN", value_parser = parse_origin)]
    pub cors_origins: Vec<String>,

    /// An origin that may embed `/widget` in a frame (CSP `frame-ancestors`); repeatable.
    #[arg(long = "frame-ancestor", value_name = "ORIGIN", value_parser = parse_origin)]
    pub frame_ancestors: Vec<String>,

    /// A host name (without port) clients may reach this sandbox by, besides IP addresses,
    /// `localhost` and the host of `--public-base-url`; repeatable. A request naming any
    /// other host is refused: a web page whose own name was made to resolve to this machine
    /// (DNS rebinding) could otherwise use the sign-in page and the API from a browser.
    #[arg(long = "allowed-host", value_name = "NAME", value_parser = parse_host_name)]
    pub allowed_hosts: Vec<String>,

    /// Requests to `/oauth/token` allowed per client address, and separately per
    /// authenticated confidential client, per token rate-limit window; also the sign-in
    /// submissions (`POST /oauth/authorize`) allowed per client address.
    #[arg(long, default_value_t = 60, value_name = "N")]
    pub token_rate_limit_requests: u32,

    /// Length of the `/oauth/token` rate-limit window in seconds.
    #[arg(long, default_value_t = 60, value_name = "S")]
    pub token_rate_limit_window_secs: u64,

    /// A reverse proxy in front of the sandbox (e.g. nginx), by IP address; repeatable. For
    /// a request from it, the client address the limits count is the right-most
    /// `X-Forwarded-For` entry that is not a trusted proxy. The header is never read
    /// otherwise.
    #[arg(long = "trusted-proxy", value_name = "ADDR")]
    pub trusted_proxies: Vec<IpAddr>,

    /// Seconds a connection may take to send a request's headers before it is closed.
    #[arg(long, default_value_t = 10, value_name = "S")]
    pub header_read_timeout_secs: u64,

    /// MiB of list items kept as the JSON they are sent as, in blocks of the list, so a
    /// page at any offset is served from memory (0: none). A write empties the blocks it
    /// changed; when full, it starts over. 128 MiB holds a 100,000-item list (86 MB).
    #[arg(long, default_value_t = 128, value_name = "MIB")]
    pub page_cache_mib: usize,

    /// Seconds a request's body may take to arrive in full, counted from the end of its
    /// headers; a later body gets 408.
    #[arg(long, default_value_t = 10, value_name = "S")]
    pub body_read_timeout_secs: u64,

    /// Seconds a response may wait for the client to take any of it; a client that stops
    /// reading is disconnected.
    #[arg(long, default_value_t = 10, value_name = "S")]
    pub write_stall_timeout_secs: u64,

    /// Connections served at once; further ones wait in the listen backlog.
    #[arg(long, default_value_t = 512, value_name = "N")]
    pub max_connections: usize,

    /// Of those, how many one client address (the TCP peer) may have open at once; a
    /// further one from it is closed at once. A `--trusted-proxy` has no such limit.
    #[arg(long, default_value_t = 128, value_name = "N")]
    pub max_connections_per_address: usize,

    /// How long a sign-in's refresh tokens last, in seconds from the sign-in (each one can
    /// be used once; its successor ends when it would have).
    #[arg(long, default_value_t = 8 * 60 * 60, value_name = "S")]
    pub refresh_token_ttl_secs: u64,

    /// Seconds an authorization code waits for its exchange.
    #[arg(long, default_value_t = 120, value_name = "S")]
    pub auth_code_ttl_secs: u64,

    /// Authorization codes that may wait for their exchange at once; past it, sign-in
    /// returns to the client with `error=temporarily_unavailable` until some are used or
    /// expire.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub max_pending_codes: usize,

    /// Of those, how many may have been asked for from one client address, so one sender
    /// cannot take them all.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub max_pending_codes_per_address: usize,

    /// The tenant id put into every token.
    #[arg(
        long,
        default_value = "3f3bfd2a-64f1-4c4d-9b55-1d6c4b5b7e01",
        value_name = "ID"
    )]
    pub tenant_id: String,

    /// The pod name put into every token.
    #[arg(long, default_value = "sandbox", value_name = "NAME")]
    pub tenant_pod: String,

    /// The org name put into every token and `/oauth/info`.
    #[arg(long, default_value = "my-tasks-sandbox", value_name = "NAME")]
    pub tenant_org: String,
}

/// An origin (`http(s)://host[:port]`), without a trailing slash; anything with a path,
/// query, fragment, user info or characters a header cannot carry is refused.
pub fn parse_origin(text: &str) -> Result<String, String> {
    let origin = text.trim_end_matches('/');
    let rest = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .ok_or("must start with http:// or https://")?;
    let allowed =
        |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']');
    if rest.is_empty() || !rest.bytes().all(allowed) {
        return Err("must be scheme://host[:port] with no path, query or user info".into());
    }
    Ok(origin.to_ascii_lowercase())
}

/// `text` as a host name for `--allowed-host`: letters, digits, dots and dashes, lower-cased.
pub fn parse_host_name(text: &str) -> Result<String, String> {
    let name = text.trim_end_matches('.');
    let allowed = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
    if name.is_empty() || !name.bytes().all(allowed) {
        return Err("must be a host name such as tasks.example.com, without scheme or port".into());
    }
    Ok(name.to_ascii_lowercase())
}

/// A data set `--seed` can load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Seed {
    /// A dozen demo identities and 96 work items across the spec's types and states.
    Demo,
}

impl Config {
    /// The configuration a command line (including the program name) describes.
    pub fn from_args<I, T>(args: I) -> Result<Config, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        Config::try_parse_from(args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_scheme_host_and_port_only() {
        assert_eq!(
            parse_origin("https://Tasks.Example:8443/").unwrap(),
            "https://tasks.example:8443"
        );
        for bad in [
            "tasks.example",
            "http://",
            "http://a.example/path",
            "http://user@a.example",
            "http://a.example?x",
            "http://a.example; script-src *",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad}");
        }
    }
}
