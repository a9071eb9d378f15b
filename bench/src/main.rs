//! Load benchmark of the sandbox (not a test): starts the release sandbox binary on a
//! temp-file database with the demo data plus `--items` generated work items, then measures
//! throughput and p50/p99 latency of `GET /v2024/work-items?limit=250` and of approving an
//! approval item, each with `--concurrency` clients in flight.
//!
//! Run: `scripts/bench.sh` (builds the release binaries, then runs this).

use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;
use tokio::sync::Mutex;
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
    let started = Instant::now();
    let latencies = Arc::new(Mutex::new(Vec::new()));
    let mut workers = Vec::new();
    for worker in 0..settings.concurrency {
        let (client, latencies) = (client.clone(), latencies.clone());
        let (base, auth) = (base.to_owned(), auth.to_owned());
        let pages = (total.unwrap_or(0) / 250).max(1);
        workers.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            let mut page = worker as u64 * 7919;
            while Instant::now() < deadline {
                page = (page * 31 + 17) % pages;
                let url = format!("{base}/v2024/work-items?limit=250&offset={}", page * 250);
                let sent = Instant::now();
                let response = client
                    .get(url)
                    .header("Authorization", &auth)
                    .send()
                    .await
                    .expect("list");
                assert!(
                    response.status().is_success(),
                    "list: {}",
                    response.status()
                );
                let items: Vec<WorkItem> = response.json().await.expect("list body");
                assert!(!items.is_empty());
                mine.push(sent.elapsed());
            }
            latencies.lock().await.extend(mine);
        }));
    }
    for worker in workers {
        worker.await.expect("worker");
    }
    let latencies = Arc::try_unwrap(latencies)
        .expect("workers done")
        .into_inner();
    let name = if total.is_some() {
        "GET limit=250, any page"
    } else {
        "GET limit=250, first page"
    };
    Report {
        name,
        requests: latencies.len(),
        elapsed: started.elapsed(),
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
    let queue = Arc::new(Mutex::new(targets));
    let latencies = Arc::new(Mutex::new(Vec::new()));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..settings.concurrency {
        let (client, queue, latencies) = (client.clone(), queue.clone(), latencies.clone());
        let (base, auth) = (base.to_owned(), auth.to_owned());
        workers.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            while let Some((item, approval)) = queue.lock().await.pop() {
                let url = format!("{base}/v2024/work-items/{item}/approve/{approval}");
                let sent = Instant::now();
                let response = client
                    .post(url)
                    .header("Authorization", &auth)
                    .send()
                    .await
                    .expect("approve");
                assert!(
                    response.status().is_success(),
                    "approve: {}",
                    response.status()
                );
                mine.push(sent.elapsed());
            }
            latencies.lock().await.extend(mine);
        }));
    }
    for worker in workers {
        worker.await.expect("worker");
    }
    let latencies = Arc::try_unwrap(latencies)
        .expect("workers done")
        .into_inner();
    Report {
        name: "POST approve one item",
        requests: latencies.len(),
        elapsed: started.elapsed(),
        latencies,
    }
}
