//! Many files: a pool of worker processes that converts file after file, each under a
//! wall-clock and memory limit, so one hostile file costs that file and never the batch.
//!
//! `catch_unwind` inside [`crate::convert`] already turns panics into error objects, but it
//! cannot stop a loop or a runaway allocation inside the PDF parser. So each conversion runs in
//! a persistent child process (the same binary re-executed with its hidden `worker`
//! subcommand, or any program that calls [`serve_worker`]). The protocol is one line each way:
//! the parent writes the input as a JSON [`Request`] (its path, and the path to record in
//! `source.path`), the worker answers with the file's checked output as one line of JSON. A worker
//! that passes the timeout is killed; a worker that dies (memory limit, stack overflow, abort)
//! is replaced; either way its file gets the contract's error object and the run goes on.
//!
//! Results arrive in completion order tagged with their input index; callers put them back in
//! input order. Jobs are handed out largest file first, which balances the workers' loads.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::contract::ErrorCode;

/// How to start workers and what each may spend.
#[derive(Debug, Clone)]
pub struct PoolConfig {
    /// The program to run (normally `std::env::current_exe()`).
    pub program: PathBuf,
    /// Arguments that make `program` a worker, e.g. `["worker"]`.
    pub args: Vec<OsString>,
    /// Number of workers (at least 1).
    pub jobs: usize,
    /// Wall-clock limit for one file.
    pub timeout: Duration,
    /// Address-space limit for one worker, in bytes (passed to it as `--max-memory`).
    pub max_memory: u64,
}

/// One input: its position in the caller's list, its path, and the path to record for it
/// (`source.path`: as given, or relative to the folder it was found in).
#[derive(Debug, Clone)]
pub struct Job {
    pub index: usize,
    pub path: PathBuf,
    pub given: String,
    /// An earlier run failed on it (timeout, memory, crash): it is started after every input
    /// not known to fail, so a short resumed run still converts new files.
    pub known_bad: bool,
}

/// What the parent sends a worker for one file.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Request {
    pub path: PathBuf,
    pub given: String,
}

/// The JSON output for one input: a contract object (result or error), already checked.
#[derive(Debug)]
pub struct JobResult {
    pub index: usize,
    pub path: PathBuf,
    pub value: serde_json::Value,
}

/// Converts every job in worker processes and calls `on_result` for each result as it
/// arrives (in completion order, on the calling thread). Never fails per file: a file whose
/// worker timed out or died gets a `timeout`, `too_large` or `internal` error object.
pub fn run(config: &PoolConfig, jobs: Vec<Job>, mut on_result: impl FnMut(JobResult)) {
    run_until(config, jobs, &Arc::new(AtomicBool::new(false)), |r| {
        on_result(r);
        ControlFlow::Continue(())
    });
}

/// As [`run`], until `stop` is set (Ctrl-C) or `on_result` returns `Break` (a Python iterator
/// dropped half way): then no job is started, and it returns. On `stop` the files being
/// converted are abandoned (their workers killed, no result for them); on `Break` they finish
/// (within the timeout) and the workers exit.
pub fn run_until(
    config: &PoolConfig,
    jobs: Vec<Job>,
    stop: &Arc<AtomicBool>,
    mut on_result: impl FnMut(JobResult) -> ControlFlow<()>,
) {
    let mut jobs = jobs;
    // Inputs not known to fail first; among them, largest first: the long files start early
    // instead of ending the run on one core.
    jobs.sort_by_cached_key(|j| {
        (j.known_bad, std::cmp::Reverse(std::fs::metadata(&j.path).map(|m| m.len()).unwrap_or(0)))
    });
    let n = config.jobs.max(1).min(jobs.len().max(1));
    let threads = page_threads(n);
    let queue = Arc::new(Mutex::new(VecDeque::from(jobs)));
    let (tx, rx) = mpsc::channel::<JobResult>();
    let mut slots = Vec::with_capacity(n);
    for _ in 0..n {
        let (queue, tx, config, stop) = (Arc::clone(&queue), tx.clone(), config.clone(), Arc::clone(stop));
        slots.push(std::thread::spawn(move || slot(&config, threads, &queue, &tx, &stop)));
    }
    drop(tx);
    for r in rx.iter() {
        if on_result(r).is_break() {
            if let Ok(mut q) = queue.lock() {
                q.clear();
            }
            break;
        }
    }
    // A slot whose result can no longer be sent stops after its current file.
    drop(rx);
    for s in slots {
        let _ = s.join();
    }
}

/// The worker side of the protocol, run by the process [`PoolConfig::program`] starts (the
/// CLI's hidden `worker` subcommand, Python's `python -m councilpdf._worker`): sets the
/// address-space limit, exits when its parent dies, then answers each line of `input` (a JSON
/// [`Request`]; from an older parent, the path alone as a JSON string) with that file's checked output as one line of JSON on `output`, until
/// `input` closes.
///
/// # Errors
/// The memory limit cannot be set, or `input` or `output` fails.
pub fn serve_worker(
    max_memory: Option<u64>,
    input: impl BufRead,
    mut output: impl Write,
) -> std::io::Result<()> {
    // A panic from a refused buffer or page thread says why on stderr, so the pool can tell
    // `too_large` from a crash; caught per-page panics stay quiet.
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let refused = ["os error 12", "capacity overflow", "spawn", "thread pool"];
        if refused.iter().any(|m| msg.contains(m)) {
            OUT_OF_MEMORY.store(true, Ordering::SeqCst);
            eprintln!("worker panicked: out of memory: {msg}");
        }
    }));
    orphan_watchdog();
    if let Some(limit) = max_memory {
        // Address space, not resident memory: the only limit the kernel enforces at allocation.
        // It counts every reservation, so the limit is what a conversion may add to the idle
        // worker (its program, stacks and allocator arena).
        let limit = address_space().saturating_add(limit);
        rlimit::setrlimit(rlimit::Resource::AS, limit, limit)?;
    }
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let Request { path, given } = serde_json::from_str(&line).unwrap_or_else(|_| {
            let path: String = serde_json::from_str(&line).unwrap_or(line);
            Request { path: path.clone().into(), given: path }
        });
        test_hooks(&path.to_string_lossy());
        let out = crate::convert_path(&path, &given, &Default::default());
        // `convert` catches the panic of a refused allocation as `internal`; the limit is what
        // refused it, so the worker dies and the pool reports `too_large` with the limit.
        if OUT_OF_MEMORY.load(Ordering::SeqCst) && out.error_code() == Some(ErrorCode::Internal) {
            std::process::exit(OUT_OF_MEMORY_EXIT);
        }
        writeln!(output, "{}", crate::emit::to_checked_json(&out))?;
        output.flush()?;
    }
    Ok(())
}

/// Set by the worker's panic hook when a panic came from a refused allocation or thread.
static OUT_OF_MEMORY: AtomicBool = AtomicBool::new(false);

/// A worker's exit code after a refused allocation (the pool reads why from its stderr).
const OUT_OF_MEMORY_EXIT: i32 = 70;

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
            std::thread::sleep(Duration::from_millis(500));
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
            std::thread::sleep(Duration::from_secs(3600));
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

/// Threads each of `workers` workers may use for the pages of one file, so that workers ×
/// page threads do not exceed the cores: a batch of many files runs one file per core, a batch
/// of one large file reads its pages on every core. `RAYON_NUM_THREADS`, when set, wins.
fn page_threads(workers: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    (cores / workers.max(1)).max(1)
}

/// One worker slot: takes jobs until the queue is empty, replacing its worker when it dies.
fn slot(
    config: &PoolConfig,
    threads: usize,
    queue: &Mutex<VecDeque<Job>>,
    tx: &Sender<JobResult>,
    stop: &AtomicBool,
) {
    let mut worker: Option<Worker> = None;
    loop {
        let job = match queue.lock() {
            Ok(mut q) if !stop.load(Ordering::SeqCst) => q.pop_front(),
            _ => None,
        };
        let Some(job) = job else { break };
        let Some(value) = convert_one(config, threads, &mut worker, &job.path, &job.given, stop) else {
            break;
        };
        if tx.send(JobResult { index: job.index, path: job.path, value }).is_err() {
            break;
        }
    }
    if let Some(w) = worker {
        w.finish();
    }
}

/// Converts every input (its path, and the path to record in `source.path`) in worker processes
/// and returns the outputs in input order (for `export` and `check`, which need them all before
/// they write anything).
pub fn convert_all(config: &PoolConfig, inputs: &[(PathBuf, String)]) -> Vec<serde_json::Value> {
    let jobs = inputs
        .iter()
        .enumerate()
        .map(|(index, (path, given))| Job {
            index,
            path: path.clone(),
            given: given.clone(),
            known_bad: false,
        })
        .collect();
    let mut out: Vec<Option<serde_json::Value>> = vec![None; inputs.len()];
    run(config, jobs, |r| {
        if let Some(slot) = out.get_mut(r.index) {
            *slot = Some(r.value);
        }
    });
    out.into_iter()
        .zip(inputs)
        .map(|(v, (p, given))| {
            v.unwrap_or_else(|| {
                failure_value(p, given, ErrorCode::Internal, "no result was produced for this input")
            })
        })
        .collect()
}

/// Converts one file in `worker` (started if needed); on timeout or death the worker is
/// dropped and an error object stands for the file.
fn convert_one(
    config: &PoolConfig,
    threads: usize,
    worker: &mut Option<Worker>,
    path: &Path,
    given: &str,
    stop: &AtomicBool,
) -> Option<serde_json::Value> {
    if worker.is_none() {
        match Worker::spawn(config, threads) {
            Ok(w) => *worker = Some(w),
            Err(e) => {
                return Some(failure_value(
                    path,
                    given,
                    ErrorCode::Internal,
                    format!("cannot start a worker process: {e}"),
                ))
            }
        }
    }
    let Some(w) = worker.as_mut() else {
        return Some(failure_value(path, given, ErrorCode::Internal, "no worker process"));
    };
    let request = serde_json::to_string(&Request { path: path.to_path_buf(), given: given.to_string() })
        .unwrap_or_default();
    let sent = writeln!(w.stdin, "{request}").and_then(|_| w.stdin.flush());
    let answer = match sent {
        Ok(()) => wait_answer(&w.lines, config.timeout, stop),
        Err(_) => Err(RecvTimeoutError::Disconnected),
    };
    if stop.load(Ordering::SeqCst) && answer.is_err() {
        if let Some(w) = worker.take() {
            w.kill();
        }
        return None;
    }
    Some(match answer {
        Ok(line) => match serde_json::from_str::<serde_json::Value>(&line) {
            Ok(v) => v,
            Err(e) => failure_value(
                path,
                given,
                ErrorCode::Internal,
                format!("the worker answered with something that is not JSON: {e}"),
            ),
        },
        Err(RecvTimeoutError::Timeout) => {
            if let Some(w) = worker.take() {
                w.kill();
            }
            failure_value(
                path,
                given,
                ErrorCode::Timeout,
                format!(
                    "no result within the limit of {} s; the conversion was stopped",
                    config.timeout.as_secs_f64()
                ),
            )
        }
        Err(RecvTimeoutError::Disconnected) => {
            let Some(w) = worker.take() else {
                return Some(failure_value(path, given, ErrorCode::Internal, "the worker process died"));
            };
            let (code, message) = w.death(config);
            failure_value(path, given, code, message)
        }
    })
}

/// Waits for the worker's answer up to `timeout`, looking at `stop` every 100 ms.
fn wait_answer(
    lines: &Receiver<String>,
    timeout: Duration,
    stop: &AtomicBool,
) -> Result<String, RecvTimeoutError> {
    let started = std::time::Instant::now();
    loop {
        let left = timeout.saturating_sub(started.elapsed());
        match lines.recv_timeout(left.min(Duration::from_millis(100))) {
            Err(RecvTimeoutError::Timeout) if !left.is_zero() && !stop.load(Ordering::SeqCst) => continue,
            Err(RecvTimeoutError::Timeout) if !left.is_zero() => return Err(RecvTimeoutError::Disconnected),
            other => return other,
        }
    }
}

/// The error object for `path` (recorded as `given`), with the source facts read from the file
/// itself (hashed in blocks; a FIFO or device is never opened, so building this object cannot
/// block).
pub fn failure_value(
    path: &Path,
    given: &str,
    code: ErrorCode,
    message: impl Into<String>,
) -> serde_json::Value {
    let out = crate::failure(crate::source_of_path(path, given), code, message);
    crate::emit::to_checked_json(&out)
}

struct Worker {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    /// The last line the worker wrote to stderr (why it aborted, when it did).
    last_error: Arc<Mutex<String>>,
    stderr_reader: Option<std::thread::JoinHandle<()>>,
}

impl Worker {
    fn spawn(config: &PoolConfig, threads: usize) -> std::io::Result<Worker> {
        let mut command = Command::new(&config.program);
        if std::env::var_os("RAYON_NUM_THREADS").is_none() {
            command.env("RAYON_NUM_THREADS", threads.to_string());
        }
        // mimalloc reserves 1 GiB of address space per arena by default, which the worker's
        // address-space limit (`--max-memory`) refuses outright: reserve in small steps so the
        // limit counts what is used. And it commits each arena up front, which with transparent
        // huge pages shows as resident memory never used (572-page pack: 140 MB peak RSS
        // against 117 MB, same CPU time).
        for (var, value) in [("MIMALLOC_ARENA_RESERVE", "64MiB"), ("MIMALLOC_ARENA_EAGER_COMMIT", "0")] {
            if std::env::var_os(var).is_none() {
                command.env(var, value);
            }
        }
        // What still goes through glibc's malloc: one arena, so its 64 MB reservation per thread
        // does not count against the address-space limit.
        command.env("MALLOC_ARENA_MAX", "1");
        // Its own process group: Ctrl-C at a terminal reaches the parent only, which stops the
        // batch cleanly and ends the workers itself.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut child = command
            .args(&config.args)
            .arg("--max-memory")
            .arg(config.max_memory.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(std::io::Error::other("worker pipes missing"));
        };
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let last_error = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&last_error);
        let stderr_reader = std::thread::spawn(move || {
            // Bounded: a worker that floods stderr cannot grow the parent.
            let mut buf = Vec::new();
            let _ = stderr.take(1 << 20).read_to_end(&mut buf);
            let text = String::from_utf8_lossy(&buf);
            // The line that says why, else the last one that is not backtrace noise.
            let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            let why = lines
                .iter()
                .find(|l| is_out_of_memory(l) || l.contains("overflowed its stack"))
                .or_else(|| {
                    lines.iter().rev().find(|l| {
                        !l.starts_with("note:")
                            && !l.starts_with("stack backtrace")
                            && !l.starts_with(|c: char| c.is_ascii_digit())
                            && !l.starts_with("at ")
                    })
                });
            if let (Some(last), Ok(mut s)) = (why, sink.lock()) {
                *s = last.chars().take(300).collect();
            }
        });
        Ok(Worker { child, stdin, lines, last_error, stderr_reader: Some(stderr_reader) })
    }

    /// Why the worker died, as an error code and a one-line message.
    fn death(mut self, config: &PoolConfig) -> (ErrorCode, String) {
        let status = self.child.wait();
        if let Some(h) = self.stderr_reader.take() {
            let _ = h.join();
        }
        let last = self.last_error.lock().map(|s| s.clone()).unwrap_or_default();
        let mb = config.max_memory >> 20;
        if is_out_of_memory(&last) {
            return (ErrorCode::TooLarge, format!("the conversion exceeded the memory limit of {mb} MB"));
        }
        let how = match &status {
            Ok(s) => describe_status(s),
            Err(e) => format!("could not be waited for: {e}"),
        };
        if how.contains("signal 9") {
            // Killed from outside (the kernel's OOM killer, most likely).
            return (
                ErrorCode::TooLarge,
                format!("the worker was killed ({how}), most likely for memory; limit {mb} MB"),
            );
        }
        let detail = if last.is_empty() { String::new() } else { format!(": {last}") };
        (ErrorCode::Internal, format!("the worker process died ({how}){detail}"))
    }

    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Ends a worker that has no more work: closing stdin makes it exit.
    fn finish(mut self) {
        drop(self.stdin);
        let _ = self.child.wait();
    }
}

/// A worker's last words that mean the address-space limit was reached: an allocation that
/// failed, or a thread, buffer or mapping that could not be made (`ENOMEM`, os error 12).
fn is_out_of_memory(last: &str) -> bool {
    ["memory allocation", "capacity overflow", "os error 12", "Cannot allocate memory", "out of memory"]
        .iter()
        .any(|m| last.contains(m))
}

fn describe_status(s: &std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = s.signal() {
            return format!("signal {sig}");
        }
    }
    match s.code() {
        Some(c) => format!("exit code {c}"),
        None => "unknown status".into(),
    }
}

/// Parses a size such as `1.5G`, `500M`, `64k` or `1000000` (bytes) into bytes.
///
/// # Errors
/// A message when the text is not a positive size.
///
/// # Example
/// ```
/// assert_eq!(councilpdf::batch::parse_size("1.5G"), Ok(1_610_612_736));
/// assert_eq!(councilpdf::batch::parse_size("500MB"), Ok(524_288_000));
/// ```
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim().to_ascii_lowercase();
    let t = t.strip_suffix("ib").or_else(|| t.strip_suffix('b')).unwrap_or(&t);
    let (num, mult) = match t.chars().last() {
        Some('k') => (&t[..t.len() - 1], 1u64 << 10),
        Some('m') => (&t[..t.len() - 1], 1 << 20),
        Some('g') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    let v: f64 = num.trim().parse().map_err(|_| format!("not a size: {text:?} (try 1.5G, 500M)"))?;
    if !v.is_finite() || v <= 0.0 {
        return Err(format!("not a positive size: {text:?}"));
    }
    Ok((v * mult as f64) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_with_and_without_units() {
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("64k"), Ok(65_536));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("-1M").is_err());
    }
}
