//! Time bounds hyper does not offer, so a client that stops half-way cannot hold a
//! connection slot: the whole request body must arrive within a deadline, and a response
//! write may not stall longer than a limit.
//!
//! Hyper bounds only the request headers (`header_read_timeout`, which also closes an idle
//! keep-alive connection). Both bounds here work at the edges of the connection instead of
//! in a tower layer: the body bound wraps hyper's body before the router sees it, so every
//! extractor meets it; the write bound wraps the socket, because a response is written
//! after every layer has returned.

use std::error::Error;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{Instant, Sleep};

/// The error a [`BodyDeadline`] body fails with once its deadline has passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyTimedOut;

impl std::fmt::Display for BodyTimedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the request body did not arrive within the time allowed")
    }
}

impl Error for BodyTimedOut {}

/// Whether `error`, or any error it was caused by, is a [`BodyTimedOut`]: how a body
/// extractor's rejection (which wraps the body's error several times) tells a late body
/// from a malformed one.
pub fn is_body_timeout(error: &(dyn Error + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(error) = current {
        if error.is::<BodyTimedOut>() {
            return true;
        }
        current = error.source();
    }
    false
}

/// A request body that fails with [`BodyTimedOut`] when it has not ended by a deadline
/// fixed when the request's headers were read. The bound is on the whole body, not on the
/// gap between two pieces of it, so sending one byte at a time does not stretch it.
pub struct BodyDeadline<B> {
    /// The body as hyper reads it.
    inner: B,
    /// When the body must have ended.
    deadline: Instant,
    /// The timer, made the first time the body has to wait: most bodies never do.
    timer: Option<Pin<Box<Sleep>>>,
}

impl<B> BodyDeadline<B> {
    /// `inner`, which must end within `limit` from now.
    pub fn new(inner: B, limit: Duration) -> BodyDeadline<B> {
        BodyDeadline {
            inner,
            deadline: Instant::now() + limit,
            timer: None,
        }
    }
}

impl<B> Body for BodyDeadline<B>
where
    B: Body<Data = Bytes> + Unpin,
    B::Error: Into<Box<dyn Error + Send + Sync>>,
{
    type Data = Bytes;
    type Error = Box<dyn Error + Send + Sync>;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = self.get_mut();
        // What has arrived is handed on even past the deadline; only waiting for more is
        // bounded.
        if let Poll::Ready(frame) = Pin::new(&mut this.inner).poll_frame(cx) {
            return Poll::Ready(frame.map(|frame| frame.map_err(Into::into)));
        }
        let deadline = this.deadline;
        let timer = this
            .timer
            .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(deadline)));
        match timer.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Some(Err(Box::new(BodyTimedOut)))),
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// A connection whose writes fail with `TimedOut` when the peer has taken none of the
/// bytes for longer than a limit, so hyper drops a client that stops reading its answers
/// (or pipelines requests without ever reading). Any progress starts the limit again: a
/// slow reader is served, a stopped one is not. Reads pass through untouched: hyper bounds
/// the wait for headers, and [`BodyDeadline`] the wait for a body.
pub struct WriteStall<S> {
    /// The socket.
    inner: S,
    /// How long a write may wait for the peer to take something.
    limit: Duration,
    /// The stall timer, made once per connection and reset at each new stall.
    timer: Pin<Box<Sleep>>,
    /// Whether a write is waiting now (the timer is running).
    stalled: bool,
}

impl<S> WriteStall<S> {
    /// `inner`, whose writes may wait at most `limit` for the peer.
    pub fn new(inner: S, limit: Duration) -> WriteStall<S> {
        WriteStall {
            inner,
            limit,
            timer: Box::pin(tokio::time::sleep(limit)),
            stalled: false,
        }
    }

    /// Passes a write's outcome on, starting the stall timer when it has to wait and
    /// failing it when the timer has run out.
    fn bound<T>(
        &mut self,
        cx: &mut Context<'_>,
        outcome: Poll<io::Result<T>>,
    ) -> Poll<io::Result<T>> {
        if outcome.is_ready() {
            self.stalled = false;
            return outcome;
        }
        if !self.stalled {
            self.stalled = true;
            self.timer.as_mut().reset(Instant::now() + self.limit);
        }
        match self.timer.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client took none of the response for too long",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for WriteStall<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for WriteStall<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let outcome = Pin::new(&mut this.inner).poll_write(cx, buf);
        this.bound(cx, outcome)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let outcome = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        this.bound(cx, outcome)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let outcome = Pin::new(&mut this.inner).poll_flush(cx);
        this.bound(cx, outcome)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let outcome = Pin::new(&mut this.inner).poll_shutdown(cx);
        this.bound(cx, outcome)
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;

    /// A body that sends one piece and then waits forever, as a client that stops does.
    struct Stops {
        sent: bool,
    }

    impl Body for Stops {
        type Data = Bytes;
        type Error = io::Error;

        fn poll_frame(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
            if std::mem::replace(&mut self.sent, true) {
                Poll::Pending
            } else {
                Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(b"grant")))))
            }
        }
    }

    async fn next_frame<B: Body + Unpin>(body: &mut B) -> Option<Result<Frame<B::Data>, B::Error>> {
        std::future::poll_fn(|cx| Pin::new(&mut *body).poll_frame(cx)).await
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_that_stops_arriving_fails_at_its_deadline_with_the_timeout_error() {
        let mut body = BodyDeadline::new(Stops { sent: false }, Duration::from_secs(5));
        let first = next_frame(&mut body).await.unwrap().unwrap();
        assert_eq!(first.into_data().unwrap(), "grant");
        let started = Instant::now();
        let late = next_frame(&mut body).await.unwrap().unwrap_err();
        assert_eq!(started.elapsed(), Duration::from_secs(5));
        assert!(is_body_timeout(late.as_ref()), "{late}");
        assert!(!is_body_timeout(&io::Error::other("closed")));
    }

    #[tokio::test(start_paused = true)]
    async fn a_write_the_peer_never_takes_fails_after_the_limit_and_progress_restarts_it() {
        let (server, mut client) = tokio::io::duplex(8);
        let mut server = WriteStall::new(server, Duration::from_secs(3));
        server.write_all(b"12345678").await.unwrap();
        // The peer takes a byte every 2 s: slow, but never stalled for 3 s.
        let reader = tokio::spawn(async move {
            let mut byte = [0u8; 1];
            for _ in 0..4 {
                tokio::time::sleep(Duration::from_secs(2)).await;
                client.read_exact(&mut byte).await.unwrap();
            }
            client
        });
        server.write_all(b"abcd").await.unwrap();
        // Then it stops reading but stays connected.
        let _client = reader.await.unwrap();
        let started = Instant::now();
        let stalled = server.write_all(b"more").await.unwrap_err();
        assert_eq!(stalled.kind(), io::ErrorKind::TimedOut);
        assert_eq!(started.elapsed(), Duration::from_secs(3));
    }
}
