//! The `sandbox` binary: parse the command line, bind, run until Ctrl-C.

use clap::Parser;
use sandbox::Config;
use std::io::IsTerminal;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "sandbox=info,tower_http=info".into()),
        )
        .with_writer(std::io::stderr)
        // Colour codes only for a person at a terminal, not in a log file or a journal.
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let config = Config::parse();
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    sandbox::run(
        listener,
        config,
        sandbox::shutdown_on(tokio::signal::ctrl_c()),
    )
    .await
}
