//! `councilpdf extract`: convert PDFs to JSON through the worker pool ([`councilpdf::batch`]),
//! in input order, resumable with `--out`, with a progress bar, a summary line and a report.

use anyhow::Context as _;
use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::args::{ExtractArgs, PoolArgs};
use councilpdf::batch::{self, Job, JobResult, PoolConfig};
use councilpdf::contract::{Output, Tool, SCHEMA_VERSION};

/// Converts one path in this process, recorded as `given`: a file that cannot be read (or is
/// not there) becomes an error object too.
pub fn convert_path(path: &Path, given: &str) -> Output {
    councilpdf::convert_path(path, given, &Default::default())
}

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
    /// `converted`, `failed`, or `skipped` (already converted by an earlier run).
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

pub fn run(args: ExtractArgs) -> anyhow::Result<u8> {
    let started = Instant::now();
    let mut given = expand_inputs(&args.paths);
    if let Some(list) = &args.list {
        given.extend(expand_inputs(&read_list(list)?));
    }
    let inputs: Vec<PathBuf> = given.iter().map(|(p, _)| p.clone()).collect();
    if inputs.is_empty() {
        anyhow::bail!("no PDF files found in the given paths");
    }
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let targets: Vec<Option<PathBuf>> = match &args.out {
        Some(dir) => output_names(&inputs).into_iter().map(|n| Some(dir.join(n))).collect(),
        None => vec![None; inputs.len()],
    };

    // Resume: an output for the same bytes and tool version is kept, unless it records a
    // failure that may not happen again (timeout, memory, crash): those are redone last.
    let mut records: Vec<Option<Record>> = vec![None; inputs.len()];
    let mut jobs = Vec::new();
    for (i, path) in inputs.iter().enumerate() {
        let mut known_bad = false;
        if let (Some(target), false) = (&targets[i], args.force) {
            match reusable_output(path, target) {
                Reuse::Keep(v) => {
                    records[i] = Some(Record::of(path, Some(target), &v, true));
                    continue;
                }
                Reuse::Retry => known_bad = true,
                Reuse::No => {}
            }
        }
        let as_given = given.get(i).map_or_else(|| path.to_string_lossy().into_owned(), |(_, g)| g.clone());
        jobs.push(Job { index: i, path: path.clone(), given: as_given, known_bad });
    }

    let config = pool_config(&args.pool)?;
    let bar = progress_bar(jobs.len());
    let pretty = args.pretty && inputs.len() == 1;
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let mut pending: BTreeMap<usize, serde_json::Value> = BTreeMap::new();
    let mut next = 0usize;
    let mut write_error: Option<anyhow::Error> = None;
    let mut failed_writes = 0usize;
    let mut pages_done = 0u64;
    batch::run(&config, jobs, |JobResult { index, path, value }| {
        let target = targets.get(index).cloned().flatten();
        let rec = Record::of(&path, target.as_deref(), &value, false);
        pages_done += rec.pages;
        if let (Some(code), Some(msg)) =
            (rec.error_code(), rec.error.as_ref().and_then(|e| e.get("message")).and_then(|m| m.as_str()))
        {
            let line = format!("{}: {code}: {msg}", path.display());
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
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    drop(lock);
    let records: Vec<Record> =
        records.into_iter().zip(&inputs).map(|(r, p)| r.unwrap_or_else(|| lost(p))).collect();
    let mut summary = summarize(&records, started.elapsed());
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
    // A failure kept from an earlier run still means some input is not converted.
    Ok(if records.iter().any(|r| r.error.is_some()) { 1 } else { 0 })
}

/// A record for an input that produced no result at all (cannot happen unless the pool
/// itself failed): reported as an internal failure rather than silently dropped.
fn lost(path: &Path) -> Record {
    Record {
        input: path.to_string_lossy().into_owned(),
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

fn summarize(records: &[Record], elapsed: Duration) -> Summary {
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
    let line = format!(
        "councilpdf: {} files: {} converted, {failed} failed{codes}, {} skipped{kept}; {warnings} warnings; {pages} pages in {secs:.2} s ({pps:.0} pages/s)",
        records.len(),
        count("converted"),
        count("skipped"),
    );
    let json = serde_json::json!({
        "files": records.len(), "converted": count("converted"), "failed": failed, "failed_by_code": by_code,
        "skipped": count("skipped"), "skipped_failed": kept_failures, "warnings": warnings, "pages": pages, "seconds": secs, "pages_per_second": pps,
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

/// `<stem>.json` per input; a stem met again gets `-2`, `-3`... in input order, so two
/// `minutes.pdf` from different folders never overwrite each other.
fn output_names(inputs: &[PathBuf]) -> Vec<String> {
    let mut used: HashSet<String> = HashSet::new();
    inputs
        .iter()
        .map(|p| {
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "output".into());
            let mut name = format!("{stem}.json");
            let mut n = 2;
            while !used.insert(name.to_lowercase()) {
                name = format!("{stem}-{n}.json");
                n += 1;
            }
            name
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_stems_get_numbered_outputs_in_input_order() {
        let names = output_names(&[
            PathBuf::from("a/minutes.pdf"),
            PathBuf::from("b/minutes.pdf"),
            PathBuf::from("b/Minutes.PDF"),
            PathBuf::from("agenda.pdf"),
        ]);
        assert_eq!(names, ["minutes.json", "minutes-2.json", "Minutes-3.json", "agenda.json"]);
    }
}
