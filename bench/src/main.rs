//! Load benchmark of the sandbox (not a test): starts the release sandbox binary on a
//! temp-file database with the demo data plus `--items` generated work items, then measures
//! throughput and p50/p99 latency of `GET /v2024/work-items?limit=250` and of approving an
//! approval item, each with `--concurrency` clients in flight.
//!
//! Run: `scripts/bench.sh` (builds the release binaries, then runs this).

use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex as StdMutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;
use wire::WorkItem;

const LISTENING: &str = "My Tasks sandbox listening on ";

/// Command-line settings, `--name value` pairs with defaults.
struct Settings {
    /// The sandbox binary to start.
    sandbox: PathBuf,
    /// Generated work items stored besides the demo data.
    items: u64,
    /// Requests in flight at once.
    concurrency: usize,
    /// How long the list phase runs.
    list_seconds: u64,
    /// Approvals made in the approve phase.
    approvals: usize,
}

impl Settings {
    fn from_args() -> Settings {
        let mut settings = Settings {
            sandbox: PathBuf::from("target/release/sandbox"),
            items: 100_000,
            concurrency: 16,
            list_seconds: 10,
            approvals: 2_000,
        };
        let args: Vec<String> = std::env::args().skip(1).collect();
        for pair in args.chunks(2) {
            let value = pair.get(1).map(String::as_str).unwrap_or_default();
            let number = || {
                value
                    .parse()
                    .unwrap_or_else(|_| panic!("{} needs a number", pair[0]))
            };
            match pair[0].as_str() {
                "--sandbox" => settings.sandbox = PathBuf::from(value),
                "--items" => settings.items = number() as u64,
                "--concurrency" => settings.concurrency = number(),
                "--list-seconds" => settings.list_seconds = number() as u64,
                "--approvals" => settings.approvals = number(),
                other => panic!("unknown option {other}"),
            }
        }
        settings
    }
}

/// Latencies of one phase, summarised.
struct Report {
    name: &'static str,
    requests: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

impl Report {
    fn print(mut self) {
        self.latencies.sort();
        let at = |q: f64| {
            let index = ((self.latencies.len() as f64 - 1.0) * q).round() as usize;
            self.latencies[index].as_secs_f64() * 1000.0
        };
        println!(
            "{:<28} {:>7} requests  {:>9.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms",
            self.name,
            self.requests,
            self.requests as f64 / self.elapsed.as_secs_f64(),
            at(0.50),
            at(0.99),
        );
    }
}

#[tokio::main]
async fn main() {
    let settings = Settings::from_args();
    let dir = std::env::temp_dir().join(format!("my-tasks-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let credentials = dir.join("credentials.json");

    let seeding = Instant::now();
    let mut child = Command::new(&settings.sandbox)
        .args(["--listen", "127.0.0.1:0", "--seed", "demo"])
        .arg("--db")
        .arg(dir.join("bench.db"))
        .args(["--extra-items", &settings.items.to_string()])
        .args(["--rate-limit-requests", "1000000000"])
        .arg("--credentials-out")
        .arg(&credentials)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", settings.sandbox.display()));
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let base = loop {
        let line = lines
            .next_line()
            .await
            .expect("read")
            .expect("sandbox exited early");
        if let Some(address) = line.strip_prefix(LISTENING) {
            break address.trim().to_owned();
        }
    };
    // Keep draining stdout so the sandbox never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    println!(
        "sandbox up with {} generated work items in {:.1} s",
        settings.items,
        seeding.elapsed().as_secs_f64()
    );

    let client = reqwest::Client::new();
    let token = token_for(&client, &base, &credentials, "alison.ferguso").await;
    let auth = format!("Bearer {token}");

    let total: u64 = client
        .get(format!("{base}/v2024/work-items/count"))
        .header("Authorization", &auth)
        .send()
        .await
        .expect("count")
        .json::<wire::WorkItemsCount>()
        .await
        .expect("count body")
        .count
        .unwrap_or_default() as u64;
    println!(
        "alison.ferguso has {total} pending work items; {} clients in flight",
        settings.concurrency
    );

    list_phase(&client, &base, &auth, None, &settings)
        .await
        .print();
    list_phase(&client, &base, &auth, Some(total), &settings)
        .await
        .print();
    approve_phase(&client, &base, &auth, &settings)
        .await
        .print();

    drop(child);
    let _ = std::fs::remove_dir_all(&dir);
}

async fn token_for(
    client: &reqwest::Client,
    base: &str,
    credentials: &PathBuf,
    alias: &str,
) -> String {
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(credentials).expect("credentials")).expect("json");
    let who = data["identities"]
        .as_array()
        .and_then(|all| all.iter().find(|i| i["alias"] == alias))
        .expect("demo identity");
    let form = [
        ("grant_type", "client_credentials"),
        ("client_id", who["clientId"].as_str().unwrap_or_default()),
        (
            "client_secret",
            who["clientSecret"].as_str().unwrap_or_default(),
        ),
    ];
    let response = client
        .post(format!("{base}/oauth/token"))
        .form(&form)
        .send()
        .await
        .expect("token");
    assert!(
        response.status().is_success(),
        "token: {}",
        response.status()
    );
    response
        .json::<wire::oauth::TokenResponse>()
        .await
        .expect("token body")
        .access_token
}

/// Runs `concurrency` clients, each sending the requests `next` hands out until it says
/// `None`, and returns every request's latency (sent to body read) and the phase's time.
async fn drive<F>(concurrency: usize, next: F) -> (Vec<Duration>, Duration)
where
    F: Fn() -> Option<reqwest::RequestBuilder> + Send + Sync + 'static,
{
    let next = Arc::new(next);
    let started = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|_| {
            let next = next.clone();
            tokio::spawn(async move {
                let mut mine = Vec::new();
                while let Some(request) = next() {
                    let sent = Instant::now();
                    let response = request.send().await.expect("send");
                    let status = response.status();
                    let body = response.bytes().await.expect("body");
                    assert!(
                        status.is_success(),
                        "{status}: {}",
                        String::from_utf8_lossy(&body)
                    );
                    mine.push(sent.elapsed());
                }
                mine
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for worker in workers {
        latencies.extend(worker.await.expect("worker"));
    }
    (latencies, started.elapsed())
}

/// Reads the pending list at limit=250 for a fixed time: the first page (`total` None), or
/// pages spread over the whole list of `total` items.
async fn list_phase(
    client: &reqwest::Client,
    base: &str,
    auth: &str,
    total: Option<u64>,
    settings: &Settings,
) -> Report {
    let deadline = Instant::now() + Duration::from_secs(settings.list_seconds);
    let pages = (total.unwrap_or(0) / 250).max(1);
    let sent = AtomicU64::new(0);
    let (client, base, auth) = (client.clone(), base.to_owned(), auth.to_owned());
    let (latencies, elapsed) = drive(settings.concurrency, move || {
        if Instant::now() >= deadline {
            return None;
        }
        // A fixed stride through the pages, so runs are comparable.
        let page = sent.fetch_add(1, Ordering::Relaxed) * 7919 % pages;
        let url = format!("{base}/v2024/work-items?limit=250&offset={}", page * 250);
        Some(client.get(url).header("Authorization", &auth))
    })
    .await;
    let name = if total.is_some() {
        "GET limit=250, any page"
    } else {
        "GET limit=250, first page"
    };
    Report {
        name,
        requests: latencies.len(),
        elapsed,
        latencies,
    }
}

/// Approves one approval item each of `settings.approvals` distinct pending work items.
async fn approve_phase(
    client: &reqwest::Client,
    base: &str,
    auth: &str,
    settings: &Settings,
) -> Report {
    let mut targets = Vec::new();
    let mut offset = 0;
    while targets.len() < settings.approvals {
        let url = format!("{base}/v2024/work-items?limit=250&offset={offset}");
        let items: Vec<WorkItem> = client
            .get(url)
            .header("Authorization", auth)
            .send()
            .await
            .expect("list")
            .json()
            .await
            .expect("list body");
        if items.is_empty() {
            break;
        }
        offset += items.len();
        targets.extend(items.into_iter().filter_map(|item| {
            let approval = item
                .approval_items()
                .iter()
                .find(|a| a.state.as_ref().is_some_and(|s| s.is_pending()))?;
            Some((item.id.clone()?, approval.id.clone()?))
        }));
    }
    targets.truncate(settings.approvals);
    let queue = StdMutex::new(targets);
    let (client, base, auth) = (client.clone(), base.to_owned(), auth.to_owned());
    let (latencies, elapsed) = drive(settings.concurrency, move || {
        let (item, approval) = queue.lock().expect("queue").pop()?;
        let url = format!("{base}/v2024/work-items/{item}/approve/{approval}");
        Some(client.post(url).header("Authorization", &auth))
    })
    .await;
    Report {
        name: "POST approve one item",
        requests: latencies.len(),
        elapsed,
        latencies,
    }
}
