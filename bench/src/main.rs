//! Load benchmark of the sandbox (not a test). One run starts the release sandbox on a
//! temp-file database with the demo data plus `--items` generated work items, and Stoplight
//! Prism 5 mocking the same spec (`bench/node_modules/.bin/prism`), both on 127.0.0.1. It
//! then sends each request of a fixed list to both, `--concurrency` clients in flight for
//! `--seconds` each, and prints one table: req/s, p50 and p99 for each server, the
//! sandbox's CPU time per request, the throughput ratio, and whether the sandbox meets its
//! budget (p99 ≤ 10 ms, and for reads ≥ 10× Prism's throughput).
//!
//! The CPU time per request (user + system, from `/proc/PID/stat`, over the phase) is the
//! figure that other work on the machine hardly moves: when other builds share the cores,
//! throughput and latency drop, but what one request costs the sandbox stays.
//!
//! Run: `scripts/bench.sh` (builds the release binaries, then runs this).

use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex as StdMutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use wire::WorkItem;

const LISTENING: &str = "My Tasks sandbox listening on ";
/// The sandbox's latency budget for every request, in milliseconds.
const P99_BUDGET_MS: f64 = 10.0;
/// How many times Prism's throughput a read must reach.
const RATIO_BUDGET: f64 = 10.0;

/// Command-line settings, `--name value` pairs with defaults.
struct Settings {
    /// The sandbox binary to start.
    sandbox: PathBuf,
    /// The Prism binary (from `bench/package.json`).
    prism: PathBuf,
    /// The OpenAPI spec Prism mocks.
    spec: PathBuf,
    /// Generated work items stored besides the demo data.
    items: u64,
    /// Requests in flight at once.
    concurrency: usize,
    /// How long each timed phase runs.
    seconds: u64,
    /// Approvals made on the sandbox (each on a different work item).
    approvals: usize,
    /// Only the rows whose label contains this text (all rows when empty).
    only: String,
    /// The sandbox's `--page-cache-mib` (its default when not given); 0 makes every list
    /// page read from SQLite, as the first read after a write does.
    page_cache_mib: Option<u64>,
}

impl Settings {
    fn from_args() -> Settings {
        let mut settings = Settings {
            sandbox: PathBuf::from("target/release/sandbox"),
            prism: PathBuf::from("bench/node_modules/.bin/prism"),
            spec: PathBuf::from("../shared/reference/isc-v2024-work-items.openapi.json"),
            items: 100_000,
            concurrency: 16,
            seconds: 3,
            approvals: 2_000,
            only: String::new(),
            page_cache_mib: None,
        };
        let args: Vec<String> = std::env::args().skip(1).collect();
        for pair in args.chunks(2) {
            let value = pair.get(1).map(String::as_str).unwrap_or_default();
            let number = || {
                value
                    .parse::<u64>()
                    .unwrap_or_else(|_| panic!("{} needs a number", pair[0]))
            };
            match pair[0].as_str() {
                "--sandbox" => settings.sandbox = PathBuf::from(value),
                "--prism" => settings.prism = PathBuf::from(value),
                "--spec" => settings.spec = PathBuf::from(value),
                "--items" => settings.items = number(),
                "--concurrency" => settings.concurrency = number() as usize,
                "--seconds" => settings.seconds = number(),
                "--approvals" => settings.approvals = number() as usize,
                "--only" => settings.only = value.to_owned(),
                "--page-cache-mib" => settings.page_cache_mib = Some(number()),
                other => panic!("unknown option {other}"),
            }
        }
        settings
    }
}

/// Throughput and latency of one request against one server.
#[derive(Clone, Copy)]
struct Figures {
    /// Requests answered.
    count: usize,
    /// Requests per second.
    rate: f64,
    /// Median latency, ms.
    p50: f64,
    /// 99th percentile latency, ms.
    p99: f64,
}

impl Figures {
    fn of(mut latencies: Vec<Duration>, elapsed: Duration) -> Figures {
        latencies.sort();
        let at = |q: f64| {
            let index = ((latencies.len() as f64 - 1.0) * q).round() as usize;
            latencies[index].as_secs_f64() * 1000.0
        };
        Figures {
            count: latencies.len(),
            rate: latencies.len() as f64 / elapsed.as_secs_f64(),
            p50: at(0.50),
            p99: at(0.99),
        }
    }
}

/// A server under test: its base URL (what precedes `/work-items`) and auth header.
struct Server {
    /// e.g. `http://127.0.0.1:PORT/v2024`.
    api: String,
    /// `Bearer …`.
    auth: String,
}

/// One read the table reports, as a path under the API base.
struct Read {
    /// The table's label.
    label: &'static str,
    /// Path and query after the API base; `{page}` is replaced by a spread of page
    /// offsets (multiples of 250, so pages repeat), `{offset}` by a spread of offsets that
    /// do not repeat within a phase (so no page is asked for twice).
    path: &'static str,
    /// Whether it needs `X-SailPoint-Experimental: true`.
    experimental: bool,
}

const READS: &[Read] = &[
    Read {
        label: "list `limit=250`, first page",
        path: "/work-items?limit=250",
        experimental: false,
    },
    Read {
        label: "list `limit=1`",
        path: "/work-items?limit=1",
        experimental: false,
    },
    Read {
        label: "list `limit=250&offset=50000`",
        path: "/work-items?limit=250&offset=50000",
        experimental: false,
    },
    Read {
        label: "list `limit=250`, any page",
        path: "/work-items?limit=250&offset={page}",
        experimental: false,
    },
    Read {
        label: "list `limit=250`, any offset, no page twice",
        path: "/work-items?limit=250&offset={offset}",
        experimental: false,
    },
    Read {
        label: "`/work-items/count`",
        path: "/work-items/count",
        experimental: false,
    },
    Read {
        label: "`/work-items/completed/count`",
        path: "/work-items/completed/count",
        experimental: true,
    },
    Read {
        label: "`/work-items/summary`",
        path: "/work-items/summary",
        experimental: false,
    },
];

#[tokio::main]
async fn main() {
    let settings = Settings::from_args();
    let dir = std::env::temp_dir().join(format!("my-tasks-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let client = reqwest::Client::new();

    let (sandbox_process, sandbox) = start_sandbox(&settings, &dir, &client).await;
    let cpu = CpuClock(sandbox_process.id());
    let (_prism_process, prism) = start_prism(&settings, &client).await;
    let total = count(&client, &sandbox).await;
    println!(
        "alison.ferguso has {total} pending work items; {} clients in flight, {} s per phase\n",
        settings.concurrency, settings.seconds
    );

    println!("| request | sandbox req/s | sandbox p50 | sandbox p99 | sandbox CPU/req | Prism req/s | Prism p50 | Prism p99 | ratio | budget |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for read in READS
        .iter()
        .filter(|r| r.label.contains(settings.only.as_str()))
    {
        let before = cpu.used();
        let ours = timed(&client, &sandbox, read, total, &settings).await;
        let per_request = cpu.per_request(before, ours.count);
        let theirs = timed(&client, &prism, read, total, &settings).await;
        let ratio = ours.rate / theirs.rate;
        let ok = ours.p99 <= P99_BUDGET_MS && ratio >= RATIO_BUDGET;
        row(read.label, ours, per_request, theirs, ok);
    }
    const APPROVE: &str = "approve one approval item";
    if APPROVE.contains(settings.only.as_str()) {
        let targets = approval_targets(&client, &sandbox, settings.approvals).await;
        let before = cpu.used();
        let ours = approve_sandbox(&client, &sandbox, targets, &settings).await;
        let per_request = cpu.per_request(before, ours.count);
        let theirs = approve_prism(&client, &prism, &settings).await;
        row(
            APPROVE,
            ours,
            per_request,
            theirs,
            ours.p99 <= P99_BUDGET_MS,
        );
    }
    println!(
        "\nbudget: p99 ≤ {P99_BUDGET_MS} ms for every request, and ≥ {RATIO_BUDGET}× Prism's req/s for reads"
    );
    if let Some(memory) = Memory::of(sandbox_process.id()) {
        println!(
            "sandbox memory: peak resident {} MiB; now resident {} MiB, of which {} MiB \
             allocated (heap, page cache) and {} MiB mapped from the database file",
            memory.peak_mib, memory.resident_mib, memory.anonymous_mib, memory.file_mib
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn row(label: &str, ours: Figures, cpu: Option<Duration>, theirs: Figures, ok: bool) {
    let cpu = cpu.map_or("–".into(), |c| format!("{:.0} µs", c.as_secs_f64() * 1e6));
    println!(
        "| {label} | {:.0} | {:.2} ms | {:.2} ms | {cpu} | {:.0} | {:.2} ms | {:.2} ms | {:.1}× | {} |",
        ours.rate,
        ours.p50,
        ours.p99,
        theirs.rate,
        theirs.p50,
        theirs.p99,
        ours.rate / theirs.rate,
        if ok { "met" } else { "MISSED" }
    );
}

/// A process's memory, from `/proc/PID/status`.
struct Memory {
    /// `VmHWM`: the most it was ever resident.
    peak_mib: u64,
    /// `VmRSS`: resident now.
    resident_mib: u64,
    /// `RssAnon`: resident heap and stacks (the page cache lives here).
    anonymous_mib: u64,
    /// `RssFile`: resident pages of mapped files (the database, shared with the OS cache).
    file_mib: u64,
}

impl Memory {
    fn of(pid: Option<u32>) -> Option<Memory> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", pid?)).ok()?;
        let mib = |name: &str| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(name))
                .and_then(|rest| {
                    rest.trim()
                        .trim_end_matches("kB")
                        .trim()
                        .parse::<u64>()
                        .ok()
                })
                .map(|kib| kib / 1024)
        };
        Some(Memory {
            peak_mib: mib("VmHWM:")?,
            resident_mib: mib("VmRSS:")?,
            anonymous_mib: mib("RssAnon:")?,
            file_mib: mib("RssFile:")?,
        })
    }
}

/// The CPU time (user and system) a process has used, read from `/proc/PID/stat`, so a
/// phase's cost per request can be told apart from what the rest of the machine does.
struct CpuClock(Option<u32>);

/// `/proc` counts CPU time in ticks of 1/100 s on Linux.
const TICKS_PER_SECOND: f64 = 100.0;

impl CpuClock {
    /// CPU time used so far (none where `/proc` cannot tell).
    fn used(&self) -> Option<Duration> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.0?)).ok()?;
        // The fields after the command name, which is in parentheses and may hold spaces.
        let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
        let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
        Some(Duration::from_secs_f64(ticks as f64 / TICKS_PER_SECOND))
    }

    /// CPU time per request since `before`, over `requests` requests.
    fn per_request(&self, before: Option<Duration>, requests: usize) -> Option<Duration> {
        let spent = self.used()?.checked_sub(before?)?;
        Some(spent / u32::try_from(requests.max(1)).ok()?)
    }
}

/// Starts the release sandbox with the demo data and `settings.items` generated items.
async fn start_sandbox(
    settings: &Settings,
    dir: &std::path::Path,
    client: &reqwest::Client,
) -> (Child, Server) {
    let credentials = dir.join("credentials.json");
    let seeding = Instant::now();
    let mut child = Command::new(&settings.sandbox)
        .args(["--listen", "127.0.0.1:0", "--seed", "demo"])
        .arg("--db")
        .arg(dir.join("bench.db"))
        .args(["--extra-items", &settings.items.to_string()])
        .args(["--rate-limit-requests", "1000000000"])
        .args(
            settings
                .page_cache_mib
                .map(|mib| ["--page-cache-mib".to_owned(), mib.to_string()])
                .into_iter()
                .flatten(),
        )
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
    let token = token_for(client, &base, &credentials, "alison.ferguso").await;
    let server = Server {
        api: format!("{base}/v2024"),
        auth: format!("Bearer {token}"),
    };
    (child, server)
}

/// Starts Prism mocking the spec on a free port and waits until it answers.
async fn start_prism(settings: &Settings, client: &reqwest::Client) -> (Child, Server) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let started = Instant::now();
    let child = Command::new(&settings.prism)
        .args(["mock", "-h", "127.0.0.1", "-p", &port.to_string()])
        .arg(&settings.spec)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "cannot start {} (scripts/setup.sh installs it): {e}",
                settings.prism.display()
            )
        });
    let server = Server {
        api: format!("http://127.0.0.1:{port}"),
        auth: "Bearer prism-accepts-any-token".into(),
    };
    loop {
        let probe = client
            .get(format!("{}/work-items/count", server.api))
            .header("Authorization", &server.auth)
            .send()
            .await;
        if probe.is_ok_and(|r| r.status().is_success()) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "Prism did not answer within 60 s"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    println!(
        "Prism 5 up on port {port} in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    (child, server)
}

async fn count(client: &reqwest::Client, server: &Server) -> u64 {
    client
        .get(format!("{}/work-items/count", server.api))
        .header("Authorization", &server.auth)
        .send()
        .await
        .expect("count")
        .json::<wire::WorkItemsCount>()
        .await
        .expect("count body")
        .count
        .unwrap_or_default() as u64
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
                    let mut response = request.send().await.expect("send");
                    let status = response.status();
                    assert!(
                        status.is_success(),
                        "{status}: {}",
                        response.text().await.unwrap_or_default()
                    );
                    // Read to the end as it arrives, as wrk does, without joining it into
                    // one buffer: the load generator shares the cores with the servers,
                    // and copying 215 KB per page cost it more than the sandbox spends.
                    let length = response.content_length();
                    let mut received = 0;
                    while let Some(chunk) = response.chunk().await.expect("body") {
                        received += chunk.len() as u64;
                    }
                    assert!(length.is_none_or(|n| n == received), "a body ended early");
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

/// Sends `read` to `server` for `settings.seconds`; `{page}` walks a fixed stride through
/// the pages of a `total`-item list, so runs are comparable.
async fn timed(
    client: &reqwest::Client,
    server: &Server,
    read: &Read,
    total: u64,
    settings: &Settings,
) -> Figures {
    let deadline = Instant::now() + Duration::from_secs(settings.seconds);
    let pages = (total / 250).max(1);
    let sent = AtomicU64::new(0);
    let (client, api, auth) = (client.clone(), server.api.clone(), server.auth.clone());
    let (path, experimental) = (read.path, read.experimental);
    let (latencies, elapsed) = drive(settings.concurrency, move || {
        if Instant::now() >= deadline {
            return None;
        }
        let n = sent.fetch_add(1, Ordering::Relaxed);
        let (page, offset) = (n * 7919 % pages, n * 7919 % total.max(1));
        let url = format!(
            "{api}{}",
            path.replace("{page}", &(page * 250).to_string())
                .replace("{offset}", &offset.to_string())
        );
        let request = client.get(url).header("Authorization", &auth);
        Some(if experimental {
            request.header(wire::EXPERIMENTAL_HEADER, "true")
        } else {
            request
        })
    })
    .await;
    Figures::of(latencies, elapsed)
}

/// One pending approval item (work item id, approval item id) each of `n` distinct
/// pending work items.
async fn approval_targets(
    client: &reqwest::Client,
    server: &Server,
    n: usize,
) -> Vec<(String, String)> {
    let mut targets = Vec::new();
    let mut offset = 0;
    while targets.len() < n {
        let url = format!("{}/work-items?limit=250&offset={offset}", server.api);
        let items: Vec<WorkItem> = client
            .get(url)
            .header("Authorization", &server.auth)
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
    targets.truncate(n);
    targets
}

/// Approves each of `targets`.
async fn approve_sandbox(
    client: &reqwest::Client,
    server: &Server,
    targets: Vec<(String, String)>,
    settings: &Settings,
) -> Figures {
    let queue = StdMutex::new(targets);
    let (client, api, auth) = (client.clone(), server.api.clone(), server.auth.clone());
    let (latencies, elapsed) = drive(settings.concurrency, move || {
        let (item, approval) = queue.lock().expect("queue").pop()?;
        let url = format!("{api}/work-items/{item}/approve/{approval}");
        Some(client.post(url).header("Authorization", &auth))
    })
    .await;
    Figures::of(latencies, elapsed)
}

/// Prism's approve (it keeps no state, so any ids do), for `settings.seconds`.
async fn approve_prism(client: &reqwest::Client, server: &Server, settings: &Settings) -> Figures {
    let deadline = Instant::now() + Duration::from_secs(settings.seconds);
    let (client, api, auth) = (client.clone(), server.api.clone(), server.auth.clone());
    let (latencies, elapsed) = drive(settings.concurrency, move || {
        (Instant::now() < deadline).then(|| {
            client
                .post(format!("{api}/work-items/w1/approve/a1"))
                .header("Authorization", &auth)
        })
    })
    .await;
    Figures::of(latencies, elapsed)
}
