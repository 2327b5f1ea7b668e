//! `councilpdf extract`: convert PDFs to JSON through the worker pool ([`councilpdf::batch`]),
//! in input order, resumable with `--out`, with a progress bar, a summary line and a report.

use anyhow::Context as _;
use signal_hook::consts::SIGINT;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::args::{ExtractArgs, PoolArgs};
use super::plural;
use councilpdf::batch::{self, Job, JobResult, PoolConfig};
use councilpdf::contract::{Tool, SCHEMA_VERSION};

/// The worker pool of this binary, for `extract`, `export` and `check` alike: `--jobs`
/// workers (default: the cores), each file under `--timeout`, each worker under `--max-memory`.
pub fn pool_config(pool: &PoolArgs) -> anyhow::Result<PoolConfig> {
    Ok(PoolConfig {
        program: std::env::current_exe().context("cannot find this program to start workers")?,
        args: vec!["worker".into()],
        jobs: pool
            .jobs
            .map(|j| j as usize)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        timeout: Duration::from_secs_f64(pool.timeout),
        max_memory: pool.max_memory,
    })
}

/// What happened to one input, for the summary and the report.
#[derive(Debug, Default, Clone, serde::Serialize)]
struct Record {
    input: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    output: Option<String>,
    /// `converted`, `failed`, `skipped` (already converted by an earlier run), or
    /// `interrupted` (not reached before Ctrl-C).
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<serde_json::Value>,
    warnings: usize,
    pages: u64,
}

impl Record {
    fn of(input: &Path, output: Option<&Path>, value: &serde_json::Value, skipped: bool) -> Record {
        let error = value.get("error").cloned();
        Record {
            input: input.to_string_lossy().into_owned(),
            output: output.map(|p| p.to_string_lossy().into_owned()),
            status: if skipped {
                "skipped"
            } else if error.is_some() {
                "failed"
            } else {
                "converted"
            },
            warnings: value.get("warnings").and_then(|w| w.as_array()).map_or(0, |w| w.len()),
            pages: value.pointer("/source/pages").and_then(|p| p.as_u64()).unwrap_or(0),
            error,
        }
    }
    fn error_code(&self) -> Option<&str> {
        self.error.as_ref().and_then(|e| e.get("code")).and_then(|c| c.as_str())
    }
}

/// Expands folders into their `*.pdf` files (sorted), keeping files as given; each with the
/// path recorded for it in `source.path`.
pub fn expand_inputs(paths: &[PathBuf]) -> Vec<(PathBuf, String)> {
    councilpdf::inputs::expand_given(paths, &councilpdf::inputs::is_pdf)
}

/// One input of a run: where to read it, the path to record (`source.path`), and how it was
/// named, which decides its output name.
#[derive(Debug, Clone)]
struct Input {
    path: PathBuf,
    given: String,
    origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// Named on the command line or in `--list`: `<stem>.json`.
    Named,
    /// Found by walking a folder argument: its path relative to that folder, under `--out`.
    Walked,
    /// `-`: one PDF read from standard input (staged in a temporary file).
    Stdin,
}

/// The path a standard-input PDF is recorded as (`source.file` and `source.path`).
const STDIN: &str = "-";

fn inputs_of(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        let origin = if p.is_dir() { Origin::Walked } else { Origin::Named };
        for (path, given) in expand_inputs(std::slice::from_ref(p)) {
            out.push(Input { path, given, origin });
        }
    }
    out
}

pub fn run(args: ExtractArgs) -> anyhow::Result<u8> {
    let started = Instant::now();
    // Usage and I/O problems first: nothing is converted before they are settled.
    let stdin_pdf = args.paths.iter().filter(|p| p.as_os_str() == STDIN).count();
    if stdin_pdf > 1 {
        anyhow::bail!("`-` (a PDF on standard input) may be given once");
    }
    if stdin_pdf == 1 && args.list.as_deref().is_some_and(|l| l.as_os_str() == STDIN) {
        anyhow::bail!("`extract -` and `--list -` both read standard input: give one of them");
    }
    if let Some(report) = &args.report {
        check_writable(report).with_context(|| format!("cannot write the report {}", report.display()))?;
    }
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut inputs = Vec::new();
    let mut stdin_file = None;
    for p in &args.paths {
        if p.as_os_str() == STDIN {
            let staged = StagedStdin::read()?;
            inputs.push(Input { path: staged.0.clone(), given: STDIN.into(), origin: Origin::Stdin });
            stdin_file = Some(staged);
        } else {
            inputs.extend(inputs_of(std::slice::from_ref(p)));
        }
    }
    if let Some(list) = &args.list {
        inputs.extend(inputs_of(&read_list(list)?));
    }
    if inputs.is_empty() {
        anyhow::bail!("no PDF files found in the given paths");
    }
    let targets: Vec<Option<PathBuf>> = match &args.out {
        Some(dir) => output_targets(dir, &inputs),
        None => vec![None; inputs.len()],
    };

    // Resume: an output for the same bytes and tool version is kept, unless it records a
    // failure that may not happen again (timeout, memory, crash): those are redone last.
    let mut records: Vec<Option<Record>> = vec![None; inputs.len()];
    let mut jobs = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let mut known_bad = false;
        if let (Some(target), false) = (&targets[i], args.force) {
            match reusable_output(&input.path, target) {
                Reuse::Keep(v) => {
                    records[i] = Some(Record::of(Path::new(&shown(input)), Some(target), &v, true));
                    continue;
                }
                Reuse::Retry => known_bad = true,
                Reuse::No => {}
            }
        }
        jobs.push(Job { index: i, path: input.path.clone(), given: input.given.clone(), known_bad });
    }

    let config = pool_config(&args.pool)?;
    // Ctrl-C sets the flag (the pool stops, what is finished is kept); a second one exits at once.
    let stop = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register_conditional_shutdown(SIGINT, INTERRUPTED as i32, Arc::clone(&stop))?;
    signal_hook::flag::register(SIGINT, Arc::clone(&stop))?;
    let bar = progress_bar(jobs.len());
    let pretty = args.pretty && inputs.len() == 1;
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let mut pending: BTreeMap<usize, serde_json::Value> = BTreeMap::new();
    let mut next = 0usize;
    let mut write_error: Option<anyhow::Error> = None;
    let mut failed_writes = 0usize;
    let mut pages_done = 0u64;
    batch::run_until(&config, jobs, &stop, |JobResult { index, path, value }| {
        let target = targets.get(index).cloned().flatten();
        let shown_path = inputs.get(index).map_or_else(|| path.clone(), |i| PathBuf::from(shown(i)));
        let rec = Record::of(&shown_path, target.as_deref(), &value, false);
        pages_done += rec.pages;
        if let (Some(code), Some(msg)) =
            (rec.error_code(), rec.error.as_ref().and_then(|e| e.get("message")).and_then(|m| m.as_str()))
        {
            let line = format!("{}: {code}: {msg}", shown_path.display());
            match &bar {
                Some(b) => b.println(line),
                None => eprintln!("{line}"),
            }
        }
        if let Some(slot) = records.get_mut(index) {
            *slot = Some(rec);
        }
        match &target {
            Some(t) => {
                // A full disk fails one write, not the run: the rest are still tried, and the
                // count is reported at the end.
                if let Err(e) = write_atomically(t, &value) {
                    failed_writes += 1;
                    if failed_writes == 1 {
                        let line = format!("councilpdf: {e:#}");
                        match &bar {
                            Some(b) => b.println(line),
                            None => eprintln!("{line}"),
                        }
                    }
                    write_error.get_or_insert(e);
                }
            }
            None => {
                // Stdout keeps input order: hold results until every earlier one is printed.
                pending.insert(index, value);
                while let Some(v) = pending.remove(&next) {
                    let text =
                        if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) };
                    if let Err(e) = text
                        .map_err(anyhow::Error::from)
                        .and_then(|t| writeln!(lock, "{t}").map_err(anyhow::Error::from))
                    {
                        write_error.get_or_insert(e);
                    }
                    next += 1;
                }
            }
        }
        if let Some(b) = &bar {
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            b.set_message(format!("{pages_done} pages, {:.0} pages/s", pages_done as f64 / secs));
            b.inc(1);
        }
        std::ops::ControlFlow::Continue(())
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    drop(lock);
    drop(stdin_file);
    let interrupted = stop.load(Ordering::SeqCst);
    let records: Vec<Record> = records
        .into_iter()
        .zip(&inputs)
        .map(|(r, i)| r.unwrap_or_else(|| if interrupted { not_done(i) } else { lost(i) }))
        .collect();
    let mut summary = summarize(&records, started.elapsed(), interrupted);
    if failed_writes > 0 {
        summary.line.push_str(&format!("; {failed_writes} outputs could not be written"));
        summary.json["failed_writes"] = failed_writes.into();
    }
    eprintln!("{}", summary.line);
    if let Some(path) = &args.report {
        let report = serde_json::json!({
            "tool": Tool::this(),
            "summary": summary.json,
            "files": records,
        });
        // Written even after failed outputs: it may still fit, and it says which were lost.
        if let Err(e) = write_atomically(path, &report) {
            write_error.get_or_insert(e);
        }
    }
    if let Some(e) = write_error {
        return Err(e.context(format!("{failed_writes} outputs could not be written")));
    }
    if interrupted {
        return Ok(INTERRUPTED);
    }
    // A failure kept from an earlier run still means some input is not converted.
    Ok(if records.iter().any(|r| r.error.is_some()) { 1 } else { 0 })
}

/// The exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it).
const INTERRUPTED: u8 = 130;

/// How an input is shown in messages and the report: `-` for standard input.
fn shown(input: &Input) -> String {
    match input.origin {
        Origin::Stdin => STDIN.into(),
        _ => input.path.to_string_lossy().into_owned(),
    }
}

/// Fails unless `path` can be written: its folder exists and it is not a folder. Creates
/// nothing that was not there (an empty file made for the test is removed again).
fn check_writable(path: &Path) -> anyhow::Result<()> {
    if path.is_dir() {
        anyhow::bail!("it is a folder");
    }
    let existed = path.exists();
    std::fs::OpenOptions::new().append(true).create(true).open(path)?;
    if !existed {
        let _ = std::fs::remove_file(path);
    }
    Ok(())
}

/// A PDF read from standard input, held in a temporary file (workers read paths) that is
/// removed when this is dropped.
struct StagedStdin(PathBuf);

impl StagedStdin {
    fn read() -> anyhow::Result<StagedStdin> {
        let path = std::env::temp_dir().join(format!("councilpdf-stdin-{}.pdf", std::process::id()));
        let mut file = std::fs::File::create(&path)
            .with_context(|| format!("cannot stage stdin in {}", path.display()))?;
        let staged = StagedStdin(path);
        std::io::copy(&mut std::io::stdin().lock(), &mut file).context("cannot read standard input")?;
        Ok(staged)
    }
}

impl Drop for StagedStdin {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// An input the run did not reach because it was interrupted.
fn not_done(input: &Input) -> Record {
    Record { input: shown(input), status: "interrupted", ..Default::default() }
}

/// A record for an input that produced no result at all (cannot happen unless the pool
/// itself failed): reported as an internal failure rather than silently dropped.
fn lost(input: &Input) -> Record {
    Record {
        input: shown(input),
        status: "failed",
        error: Some(
            serde_json::json!({"code": "internal", "message": "no result was produced for this input"}),
        ),
        ..Default::default()
    }
}

struct Summary {
    line: String,
    json: serde_json::Value,
}

fn summarize(records: &[Record], elapsed: Duration, interrupted: bool) -> Summary {
    let count = |s: &str| records.iter().filter(|r| r.status == s).count();
    // Failures of this run only: an output kept from an earlier run is counted as skipped.
    let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
    for code in records.iter().filter(|r| r.status == "failed").filter_map(|r| r.error_code()) {
        *by_code.entry(code.to_string()).or_default() += 1;
    }
    let failed: usize = by_code.values().sum();
    // Outputs kept from an earlier run that record a failure: skipped, and said so.
    let kept_failures = records.iter().filter(|r| r.status == "skipped" && r.error.is_some()).count();
    let kept =
        if kept_failures > 0 { format!(" ({kept_failures} of them failed before)") } else { String::new() };
    let warnings: usize = records.iter().map(|r| r.warnings).sum();
    // Rates count only the work done in this run, not outputs kept from an earlier one.
    let pages: u64 = records.iter().filter(|r| r.status != "skipped").map(|r| r.pages).sum();
    let secs = elapsed.as_secs_f64();
    let pps = pages as f64 / secs.max(1e-3);
    let codes = if by_code.is_empty() {
        String::new()
    } else {
        format!(" ({})", by_code.iter().map(|(c, n)| format!("{c} {n}")).collect::<Vec<_>>().join(", "))
    };
    let not_done = count("interrupted");
    let line = format!(
        "councilpdf: {}{}: {} converted, {failed} failed{codes}, {} skipped{kept}{}; {}; {} in {secs:.2} s ({pps:.0} pages/s)",
        if interrupted { "interrupted: " } else { "" },
        plural(records.len(), "file", "files"),
        count("converted"),
        count("skipped"),
        if interrupted { format!(", {not_done} not done") } else { String::new() },
        plural(warnings, "warning", "warnings"),
        plural(pages as usize, "page", "pages"),
    );
    let json = serde_json::json!({
        "files": records.len(), "converted": count("converted"), "failed": failed, "failed_by_code": by_code,
        "skipped": count("skipped"), "skipped_failed": kept_failures, "interrupted": interrupted, "not_done": not_done,
        "warnings": warnings, "pages": pages, "seconds": secs, "pages_per_second": pps,
    });
    Summary { line, json }
}

/// Paths from a list file (or stdin for `-`), one a line; blank lines and `#` comments skipped.
fn read_list(list: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let reader: Box<dyn BufRead> = if list.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(list).with_context(|| format!("cannot read list {}", list.display()))?,
        ))
    };
    let mut out = Vec::new();
    for line in reader.lines() {
        let line = line.with_context(|| format!("cannot read list {}", list.display()))?;
        let t = line.trim_end_matches(['\r', '\n']);
        if t.trim().is_empty() || t.trim_start().starts_with('#') {
            continue;
        }
        out.push(PathBuf::from(t));
    }
    Ok(out)
}

/// Where each input's output goes in `dir`, decided by the input alone and what `dir` already
/// holds, never by the other inputs' order: a walked file at its path relative to the folder
/// (`2023/minutes.json`), a named file at `<stem>.json`, standard input at `stdin.json`. A name
/// already taken, in `dir` or earlier in this run, by a different `source.path` (for standard
/// input, different bytes) gets `<stem>-<first 8 hex digits of the sha256>.json` instead.
fn output_targets(dir: &Path, inputs: &[Input]) -> Vec<Option<PathBuf>> {
    // Lower-cased names claimed in this run, each with the identity that claimed it.
    let mut claimed: HashMap<String, String> = HashMap::new();
    inputs
        .iter()
        .map(|input| {
            let sha = || sha256_of(&input.path);
            let identity = match input.origin {
                Origin::Stdin => format!("sha256:{}", sha()),
                _ => input.given.clone(),
            };
            let base = match input.origin {
                Origin::Walked => PathBuf::from(&input.given).with_extension("json"),
                Origin::Named => PathBuf::from(format!("{}.json", stem(&input.path))),
                Origin::Stdin => PathBuf::from("stdin.json"),
            };
            let key = base.to_string_lossy().to_lowercase();
            // An output for the same bytes is the same paper, whatever path it was given by
            // (a file named once and then found by walking its folder): its name is kept.
            let taken = match claimed.get(&key) {
                Some(by) => *by != identity,
                None => existing_identity(&dir.join(&base), input.origin)
                    .is_some_and(|(by, by_sha)| by != identity && by_sha.as_deref() != Some(sha().as_str())),
            };
            let name = if taken {
                let hex: String = sha().chars().take(8).collect();
                let stem = base.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                base.with_file_name(format!("{stem}-{hex}.json"))
            } else {
                base
            };
            claimed.insert(name.to_string_lossy().to_lowercase(), identity);
            Some(dir.join(name))
        })
        .collect()
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "output".into())
}

/// The sha256 of a file's bytes, hashed in blocks; a file that cannot be read (or is not a
/// regular file, never opened) counts as no bytes, so a missing file's name still gets a suffix.
fn sha256_of(path: &Path) -> String {
    councilpdf::inputs::sha256_of(path)
        .map(|(sha, _)| sha)
        .unwrap_or_else(|| councilpdf::source_of("", &[]).sha256.unwrap_or_default())
}

/// Who an existing output belongs to: its `source.path` (its sha256 for standard input), with
/// its sha256. None when there is no output there, or one without a `source.path` (contract
/// 1.0, written under the old names): that one is simply converted again.
fn existing_identity(target: &Path, origin: Origin) -> Option<(String, Option<String>)> {
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(target).ok()?).ok()?;
    let sha = v.pointer("/source/sha256").and_then(|s| s.as_str()).map(String::from);
    let identity = match origin {
        Origin::Stdin => sha.as_ref().map(|s| format!("sha256:{s}")),
        _ => v.pointer("/source/path").and_then(|s| s.as_str()).map(String::from),
    }?;
    Some((identity, sha))
}

/// What to do with an existing output.
enum Reuse {
    /// It is for these bytes, by this tool version: keep it.
    Keep(serde_json::Value),
    /// It records a failure worth retrying (timeout, memory, crash).
    Retry,
    /// None, or for other bytes or another version.
    No,
}

/// Whether the existing output at `target` can stand for `input`: for these bytes, by this tool
/// version, of the current contract version (an older one is out of date).
fn reusable_output(input: &Path, target: &Path) -> Reuse {
    let Some(v) =
        std::fs::read(target).ok().and_then(|t| serde_json::from_slice::<serde_json::Value>(&t).ok())
    else {
        return Reuse::No;
    };
    if v.pointer("/tool/version").and_then(|x| x.as_str()) != Some(Tool::this().version.as_str()) {
        return Reuse::No;
    }
    if v.get("schema_version").and_then(|x| x.as_str()) != Some(SCHEMA_VERSION) {
        return Reuse::No;
    }
    let code = v.pointer("/error/code").and_then(|c| c.as_str());
    if matches!(code, Some("timeout" | "too_large" | "internal" | "not_found")) {
        return Reuse::Retry;
    }
    let Some(sha) = v.pointer("/source/sha256").and_then(|x| x.as_str()) else { return Reuse::No };
    // Hashed in blocks, and never opened unless a regular file (a FIFO would block).
    match councilpdf::inputs::sha256_of(input) {
        Some((input_sha, _)) if input_sha == sha => Reuse::Keep(v),
        _ => Reuse::No,
    }
}

/// Writes `value` to `target` through a temporary file in the same folder and a rename, so a
/// run stopped at any moment leaves either the old file, the new one, or none: never half.
fn write_atomically(target: &Path, value: &serde_json::Value) -> anyhow::Result<()> {
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name =
        target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output.json".into());
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let bytes = serde_json::to_vec_pretty(value)?;
    let written = test_write_failure(target)
        .and_then(|()| std::fs::write(&tmp, bytes))
        .with_context(|| format!("cannot write {}", tmp.display()))
        .and_then(|()| {
            std::fs::rename(&tmp, target).with_context(|| format!("cannot write {}", target.display()))
        });
    if written.is_err() {
        // A full disk leaves an empty or partial temporary file: never leave it behind.
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Test-only: `COUNCILPDF_TEST_WRITE_FAIL=TEXT` makes writes to targets whose path contains TEXT
/// fail as on a full disk, after creating the temporary file (so its cleanup is tested too).
fn test_write_failure(target: &Path) -> std::io::Result<()> {
    let Ok(text) = std::env::var("COUNCILPDF_TEST_WRITE_FAIL") else { return Ok(()) };
    if text.is_empty() || !target.to_string_lossy().contains(&text) {
        return Ok(());
    }
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let _ = std::fs::write(dir.join(format!(".{name}.{}.tmp", std::process::id())), b"");
    Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "no space left on device (test hook)"))
}

/// A progress bar on stderr when it is a terminal; none otherwise (logs stay clean).
fn progress_bar(files: usize) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() || files < 2 {
        return None;
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    let style = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files, {msg}, ETA {eta}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    Some(bar)
}
