//! `councilpdf worker` (hidden): the process the batch pool runs. The protocol is the
//! library's ([`councilpdf::batch::Request`] per line in, the file's checked output per line
//! out), as in [`councilpdf::batch::serve_worker`], which Python's `councilpdf._worker` runs;
//! this one also measures the idle address space before it sets `--max-memory` on top of it.

use std::io::{BufRead, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use super::args::WorkerArgs;
use councilpdf::batch::Request;

/// Set by the panic hook when a panic came from a refused allocation or thread.
static OUT_OF_MEMORY: AtomicBool = AtomicBool::new(false);

/// The worker's exit code after a refused allocation (the pool reads why from its stderr).
const OUT_OF_MEMORY_EXIT: i32 = 70;

pub fn run(args: WorkerArgs) -> anyhow::Result<u8> {
    // A panic that escapes (a thread or buffer refused under the limit) says why on stderr, so
    // the pool can tell `too_large` from a crash; caught per-page panics stay quiet.
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let refused = ["os error 12", "capacity overflow", "spawn", "thread pool"];
        if refused.iter().any(|m| msg.contains(m)) {
            // Under the address-space limit a refused buffer or page thread is memory.
            OUT_OF_MEMORY.store(true, Ordering::SeqCst);
            eprintln!("worker panicked: out of memory: {msg}");
        }
    }));
    orphan_watchdog();
    if let Some(limit) = args.max_memory {
        // Address space, not resident memory: the only limit the kernel enforces at allocation.
        // It counts every reservation, so the limit is what a conversion may add to the idle
        // worker (its program, stacks and allocator arena, measured once its threads run).
        let limit = address_space().saturating_add(limit);
        rlimit::setrlimit(rlimit::Resource::AS, limit, limit)?;
    }
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        // A request, or (from an older parent) the path alone as a JSON string.
        let Request { path, given } = serde_json::from_str(&line).unwrap_or_else(|_| {
            let path: String = serde_json::from_str(&line).unwrap_or(line);
            Request { path: path.clone().into(), given: path }
        });
        test_hooks(&path.to_string_lossy());
        let output = councilpdf::convert_path(&path, &given, &Default::default());
        // `convert` catches the panic of a refused allocation as `internal`; the limit is what
        // refused it, so the worker dies and the pool reports `too_large` with the limit.
        if OUT_OF_MEMORY.load(Ordering::SeqCst)
            && output.error_code() == Some(councilpdf::contract::ErrorCode::Internal)
        {
            std::process::exit(OUT_OF_MEMORY_EXIT);
        }
        let value = councilpdf::emit::to_checked_json(&output);
        writeln!(out, "{}", serde_json::to_string(&value)?)?;
        out.flush()?;
    }
    Ok(0)
}

/// This process's address space in bytes (`VmSize`), 0 where /proc cannot tell.
fn address_space() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmSize:"))?;
            let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kb << 10)
        })
        .unwrap_or(0)
}

/// Exits when the parent batch dies (the worker is re-parented), so a worker stuck in a
/// hostile file does not outlive its run.
fn orphan_watchdog() {
    #[cfg(unix)]
    {
        let parent = std::os::unix::process::parent_id();
        std::thread::spawn(move || loop {
            std::thread::sleep(std::time::Duration::from_millis(500));
            if std::os::unix::process::parent_id() != parent {
                std::process::exit(3);
            }
        });
    }
}

/// Test-only misbehaviour, so the pool's limits can be tested without a real hostile file:
/// `COUNCILPDF_TEST_SLEEP=TEXT` hangs on inputs whose path contains TEXT,
/// `COUNCILPDF_TEST_ALLOC=TEXT` allocates without end on them. Unset in normal use.
fn test_hooks(path: &str) {
    let hit = |var: &str| std::env::var(var).is_ok_and(|t| !t.is_empty() && path.contains(&t));
    if hit("COUNCILPDF_TEST_SLEEP") {
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
    if hit("COUNCILPDF_TEST_ALLOC") {
        let mut hoard: Vec<Vec<u8>> = Vec::new();
        loop {
            hoard.push(vec![1u8; 16 << 20]);
            std::hint::black_box(&hoard);
            if hoard.len() > 1 << 20 {
                break;
            }
        }
    }
}
