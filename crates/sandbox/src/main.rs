//! The `sandbox` binary: parse the command line, bind, run until Ctrl-C.

use clap::Parser;
use sandbox::Config;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "sandbox=info,tower_http=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let config = Config::parse();
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    sandbox::run(listener, config, shutdown_signal()).await
}

/// Completes on Ctrl-C. If the handler cannot be installed the server keeps running (it
/// can still be stopped by a signal's default action), rather than stopping at once.
async fn shutdown_signal() {
    if let Err(error) = tokio::signal::ctrl_c().await {
        tracing::warn!(%error, "cannot listen for Ctrl-C; running until killed");
        std::future::pending::<()>().await;
    }
}
