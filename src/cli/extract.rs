//! `councilpdf extract`: convert PDFs to JSON through the worker pool ([`councilpdf::batch`]),
//! in input order, resumable with `--out`, with a progress bar, a summary line and a report.

use anyhow::Context as _;
use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::args::ExtractArgs;
use councilpdf::batch::{self, Job, JobResult, PoolConfig};
use councilpdf::contract::Tool;

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

/// Expands folders into their `*.pdf` files (sorted), keeping files as given.
pub fn expand_inputs(paths: &[PathBuf]) -> Vec<PathBuf> {
    councilpdf::inputs::expand(paths, &councilpdf::inputs::is_pdf)
}

pub fn run(args: ExtractArgs) -> anyhow::Result<u8> {
    let started = Instant::now();
    let mut inputs = expand_inputs(&args.paths);
    if let Some(list) = &args.list {
        inputs.extend(expand_inputs(&read_list(list)?));
    }
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
    // failure that may not happen again (timeout, memory, crash).
    let mut records: Vec<Option<Record>> = vec![None; inputs.len()];
    let mut jobs = Vec::new();
    for (i, path) in inputs.iter().enumerate() {
        if let (Some(target), false) = (&targets[i], args.force) {
            if let Some(v) = reusable_output(path, target) {
                records[i] = Some(Record::of(path, Some(target), &v, true));
                continue;
            }
        }
        jobs.push(Job { index: i, path: path.clone() });
    }

    let config = PoolConfig {
        program: std::env::current_exe().context("cannot find this program to start workers")?,
        args: vec!["worker".into()],
        jobs: args
            .jobs
            .map(|j| j as usize)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        timeout: Duration::from_secs_f64(args.timeout),
        max_memory: args.max_memory,
    };
    let bar = progress_bar(jobs.len());
    let pretty = args.pretty && inputs.len() == 1;
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let mut pending: BTreeMap<usize, serde_json::Value> = BTreeMap::new();
    let mut next = 0usize;
    let mut write_error: Option<anyhow::Error> = None;
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
                if let Err(e) = write_atomically(t, &value) {
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
    if let Some(e) = write_error {
        return Err(e);
    }
    let records: Vec<Record> =
        records.into_iter().zip(&inputs).map(|(r, p)| r.unwrap_or_else(|| lost(p))).collect();
    let summary = summarize(&records, started.elapsed());
    eprintln!("{}", summary.line);
    if let Some(path) = &args.report {
        let report = serde_json::json!({
            "tool": Tool::this(),
            "summary": summary.json,
            "files": records,
        });
        write_atomically(path, &report)?;
    }
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
    let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
    for code in records.iter().filter_map(|r| r.error_code()) {
        *by_code.entry(code.to_string()).or_default() += 1;
    }
    let failed: usize = by_code.values().sum();
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
        "councilpdf: {} files: {} converted, {failed} failed{codes}, {} skipped; {warnings} warnings; {pages} pages in {secs:.2} s ({pps:.0} pages/s)",
        records.len(),
        count("converted"),
        count("skipped"),
    );
    let json = serde_json::json!({
        "files": records.len(), "converted": count("converted"), "failed": failed, "failed_by_code": by_code,
        "skipped": count("skipped"), "warnings": warnings, "pages": pages, "seconds": secs, "pages_per_second": pps,
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

/// The existing output at `target` when it is for these bytes, by this tool version, and not
/// a failure worth retrying.
fn reusable_output(input: &Path, target: &Path) -> Option<serde_json::Value> {
    let text = std::fs::read(target).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&text).ok()?;
    if v.pointer("/tool/version").and_then(|x| x.as_str()) != Some(Tool::this().version.as_str()) {
        return None;
    }
    let code = v.pointer("/error/code").and_then(|c| c.as_str());
    if matches!(code, Some("timeout" | "too_large" | "internal")) {
        return None;
    }
    let sha = v.pointer("/source/sha256").and_then(|x| x.as_str())?;
    let bytes = std::fs::read(input).ok()?;
    (councilpdf::source_of("", &bytes).sha256 == sha).then_some(v)
}

/// Writes `value` to `target` through a temporary file in the same folder and a rename, so a
/// run stopped at any moment leaves either the old file, the new one, or none: never half.
fn write_atomically(target: &Path, value: &serde_json::Value) -> anyhow::Result<()> {
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name =
        target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output.json".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let bytes = serde_json::to_vec_pretty(value)?;
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, target).with_context(|| format!("cannot write {}", target.display()))?;
    Ok(())
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
