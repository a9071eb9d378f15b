//! The command line, which is also the whole configuration of a sandbox instance.

use std::net::SocketAddr;
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

    /// Also add N generated pending approval work items for Alison Ferguso (load tests).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub extra_items: u32,

    /// Serve the built browser app from DIR, falling back to index.html for app routes.
    #[arg(long, value_name = "DIR")]
    pub static_dir: Option<PathBuf>,

    /// Requests one access token may make per rate-limit window.
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
}

/// A data set `--seed` can load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Seed {
    /// A dozen demo identities and 80+ work items across the spec's types and states.
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
