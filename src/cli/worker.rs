//! `councilpdf worker` (hidden): the process the batch pool runs. Reads one input path per
//! line on stdin (a JSON string), answers with that file's checked output as one line of JSON
//! on stdout, until stdin closes. Sets its own memory limit first, so a runaway allocation
//! aborts this process and not the batch.

use super::args::WorkerArgs;
use councilpdf::batch::Request;
use std::io::{BufRead, Write};

pub fn run(args: WorkerArgs) -> anyhow::Result<u8> {
    if let Some(limit) = args.max_memory {
        // Address space, not resident memory: the only limit the kernel enforces at allocation.
        rlimit::setrlimit(rlimit::Resource::AS, limit, limit)?;
    }
    orphan_watchdog();
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
        let value = councilpdf::emit::to_checked_json(&super::extract::convert_path(&path, &given));
        writeln!(out, "{}", serde_json::to_string(&value)?)?;
        out.flush()?;
    }
    Ok(0)
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
