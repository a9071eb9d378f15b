//! Clients that hold a connection without finishing with it (from a security review's
//! scripts): a body that never completes, a client that never reads its answer, an idle
//! keep-alive connection, and one address opening connection after connection. Each must
//! give its slot back in bounded time, so the next client is served.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};
use wire::ErrorResponseDto;

use crate::helpers::{spawn_app_with, TestApp};

/// The `host:port` of `app`.
fn socket_address(app: &TestApp) -> std::net::SocketAddr {
    app.address.trim_start_matches("http://").parse().unwrap()
}

/// A connection to `app` from `from` (any 127.x.y.z address reaches the loopback
/// listener on Linux), with a receive buffer of `receive_buffer` bytes if given.
async fn connect_from(app: &TestApp, from: &str, receive_buffer: Option<u32>) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    if let Some(size) = receive_buffer {
        socket.set_recv_buffer_size(size).unwrap();
    }
    socket.bind(format!("{from}:0").parse().unwrap()).unwrap();
    socket.connect(socket_address(app)).await.unwrap()
}

/// Whether the server closes `stream` (end of stream or a reset) within `limit`; what it
/// sent before is returned.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> Option<Vec<u8>> {
    let mut received = Vec::new();
    let read = tokio::time::timeout(limit, async {
        let mut buffer = [0u8; 4096];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buffer[..n]),
            }
        }
    });
    read.await.ok().map(|()| received)
}

/// `GET /oauth/info` from 127.0.0.1 on a fresh connection, within `limit`.
async fn probe(app: &TestApp, limit: Duration) -> Result<StatusCode, String> {
    let client = reqwest::Client::builder().timeout(limit).build().unwrap();
    let response = client.get(app.url("/oauth/info")).send().await;
    response.map(|r| r.status()).map_err(|e| e.to_string())
}

#[tokio::test]
async fn a_body_that_trickles_in_past_its_deadline_gets_408_in_the_error_shape() {
    let app = spawn_app_with(&["--body-read-timeout-secs", "1"]).await;
    let mut stream = TcpStream::connect(socket_address(&app)).await.unwrap();
    let head = "POST /oauth/token HTTP/1.1\r\nHost: localhost\r\n\
                Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n";
    stream.write_all(head.as_bytes()).await.unwrap();
    let started = Instant::now();
    let (mut reader, mut writer) = stream.into_split();
    // A byte every 200 ms: never a long gap, but the body would take 20 s.
    let trickle = tokio::spawn(async move {
        for _ in 0..100 {
            if writer.write_all(b"g").await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    });
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    let complete = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            let n = reader.read(&mut buffer).await.unwrap_or(0);
            answer.extend_from_slice(&buffer[..n]);
            let text = String::from_utf8_lossy(&answer);
            if n == 0 || text.ends_with('}') {
                break;
            }
        }
    })
    .await;
    trickle.abort();
    assert!(complete.is_ok(), "no answer within 5 s");
    assert!(started.elapsed() < Duration::from_secs(3));
    let text = String::from_utf8_lossy(&answer);
    assert!(text.starts_with("HTTP/1.1 408 "), "{text}");
    let (_, body) = text.split_once("\r\n\r\n").unwrap();
    let body: ErrorResponseDto = serde_json::from_str(body).unwrap();
    assert_eq!(body.detail_code.as_deref(), Some("408 Request Timeout"));
    assert!(body.message().unwrap().contains("body"), "{body:?}");
}

#[tokio::test]
async fn a_client_that_never_reads_its_answer_is_dropped_and_its_slot_freed() {
    // Larger than what the socket buffers of both ends can hold.
    let dir = tempfile::tempdir().unwrap();
    let big = std::fs::File::create(dir.path().join("big.bin")).unwrap();
    big.set_len(64 << 20).unwrap();
    let app = spawn_app_with(&[
        "--static-dir",
        dir.path().to_str().unwrap(),
        "--max-connections",
        "1",
        "--write-stall-timeout-secs",
        "1",
        "--header-read-timeout-secs",
        "30",
    ])
    .await;
    let mut reader = connect_from(&app, "127.0.0.1", Some(4096)).await;
    reader
        .write_all(b"GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    // It never reads; the next client must be served once the write has stalled 1 s.
    assert_eq!(
        probe(&app, Duration::from_secs(5)).await,
        Ok(StatusCode::OK)
    );
    drop(reader);
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_the_header_read_timeout() {
    let app = spawn_app_with(&["--header-read-timeout-secs", "1"]).await;
    let mut stream = TcpStream::connect(socket_address(&app)).await.unwrap();
    stream
        .write_all(b"GET /oauth/info HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    let received = closed_within(&mut stream, Duration::from_secs(5))
        .await
        .expect("the idle connection still open after 5 s");
    let text = String::from_utf8_lossy(&received);
    assert!(text.starts_with("HTTP/1.1 200 "), "{text}");
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn one_address_cannot_take_every_connection_slot() {
    let app = spawn_app_with(&[
        "--max-connections",
        "3",
        "--max-connections-per-address",
        "2",
        "--header-read-timeout-secs",
        "30",
    ])
    .await;
    let _first = connect_from(&app, "127.0.0.2", None).await;
    let _second = connect_from(&app, "127.0.0.2", None).await;
    let mut third = connect_from(&app, "127.0.0.2", None).await;
    assert!(
        closed_within(&mut third, Duration::from_secs(3))
            .await
            .is_some(),
        "a third connection from one address was kept"
    );
    // Another address still finds a slot while the first two are held.
    assert_eq!(
        probe(&app, Duration::from_secs(3)).await,
        Ok(StatusCode::OK)
    );
}

#[cfg(target_os = "linux")]
#[tokio::test]
async fn a_trusted_proxy_is_not_limited_per_address() {
    let app = spawn_app_with(&[
        "--max-connections-per-address",
        "1",
        "--trusted-proxy",
        "127.0.0.2",
        "--header-read-timeout-secs",
        "30",
    ])
    .await;
    let _held = connect_from(&app, "127.0.0.2", None).await;
    let mut second = connect_from(&app, "127.0.0.2", None).await;
    second
        .write_all(b"GET /oauth/info HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let received = closed_within(&mut second, Duration::from_secs(3))
        .await
        .expect("no answer within 3 s");
    let text = String::from_utf8_lossy(&received);
    assert!(text.starts_with("HTTP/1.1 200 "), "{text}");
}
