//! The accept loop: hyper's HTTP/1 connection driver around the router, with what
//! `axum::serve` does not offer. Headers go out in ISC's spelling (`X-Total-Count`); at
//! most `--max-connections` connections are served at once (the rest wait in the backlog),
//! and at most `--max-connections-per-address` of them from one TCP peer; shutdown lets
//! requests in flight finish.
//!
//! Every stage of a connection is bounded in time, so a client that stops half-way gives
//! its slot back: the request headers (and the wait for the next request on an idle
//! keep-alive connection) by hyper's `header_read_timeout`, the body by
//! [`BodyDeadline`], the handler by the timeout layer of the router, and writing the
//! response by [`WriteStall`].

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::deadlines::{BodyDeadline, WriteStall};

/// How the accept loop treats connections.
#[derive(Debug, Clone)]
pub struct ConnectionLimits {
    /// Time a connection has to send a request's headers, and to start the next request
    /// once idle.
    pub header_read_timeout: Duration,
    /// Time a request's whole body has to arrive, from the end of its headers.
    pub body_read_timeout: Duration,
    /// Time a response write may wait for the client to take any of it.
    pub write_stall_timeout: Duration,
    /// Connections served at once.
    pub max_connections: usize,
    /// Connections served at once for one TCP peer address.
    pub max_connections_per_address: usize,
    /// Peers exempt from the limit per address: the proxies everyone else comes through.
    pub trusted_proxies: Vec<IpAddr>,
}

/// The connections open per peer address, for `--max-connections-per-address`. The peer is
/// the TCP peer: no header has been read when a connection is accepted.
struct PerAddress {
    /// Open connections per canonical address; an address with none has no entry.
    open: Mutex<HashMap<IpAddr, usize>>,
    /// How many one address may have.
    limit: usize,
}

/// One connection counted against its address; dropping it gives the place back.
struct AddressSlot {
    /// The counts the place was taken from.
    owner: Arc<PerAddress>,
    /// Whose place it is.
    address: IpAddr,
}

impl PerAddress {
    /// A place for one more connection from `address`, if it has fewer than the limit.
    fn take(self: &Arc<Self>, address: IpAddr) -> Option<AddressSlot> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let count = open.entry(address).or_insert(0);
        if *count >= self.limit.max(1) {
            return None;
        }
        *count += 1;
        Some(AddressSlot {
            owner: Arc::clone(self),
            address,
        })
    }
}

impl Drop for AddressSlot {
    fn drop(&mut self) {
        let mut open = self
            .owner
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = open.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.address);
            }
        }
    }
}

/// How long shutdown waits for requests in flight before giving up on them.
const DRAIN: Duration = Duration::from_secs(10);

/// Serves `router` on `listener` until `shutdown` completes, then drains.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let per_address = Arc::new(PerAddress {
        open: Mutex::new(HashMap::new()),
        limit: limits.max_connections_per_address,
    });
    let graceful = GracefulShutdown::new();
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .title_case_headers(true)
        .keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        // A slot first: past the limit, new connections wait in the kernel's backlog.
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: pause rather than spin.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // One address may not take every slot. Past its limit the connection is closed at
        // once rather than kept waiting: waiting, it would still hold a file descriptor.
        let address = peer.ip().to_canonical();
        let address_slot = if crate::forwarded::is_trusted(address, &limits.trusted_proxies) {
            None
        } else {
            match per_address.take(address) {
                Some(place) => Some(place),
                None => {
                    tracing::debug!(%peer, "connection refused: too many from this address");
                    continue;
                }
            }
        };
        // Small answers (counts, 304s) go out at once instead of waiting on Nagle's timer.
        if let Err(error) = stream.set_nodelay(true) {
            tracing::debug!(%error, %peer, "could not set TCP_NODELAY");
        }
        let router = router.clone();
        let body_read_timeout = limits.body_read_timeout;
        let service = tower::service_fn(move |request: Request<Incoming>| {
            let mut request = request.map(|body| BodyDeadline::new(body, body_read_timeout));
            request.extensions_mut().insert(ConnectInfo(peer));
            router.clone().oneshot(request)
        });
        let io = TokioIo::new(WriteStall::new(stream, limits.write_stall_timeout));
        let connection = builder.serve_connection(io, TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%error, %peer, "connection ended with an error");
            }
            drop((slot, address_slot));
        });
    }
    drop(listener);
    if tokio::time::timeout(DRAIN, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("requests still running after the drain time were abandoned");
    }
    Ok(())
}

/// The peer address of a request served by [`serve`].
pub fn peer(request: &axum::extract::Request) -> Option<SocketAddr> {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| *addr)
}
