//! `councilpdf extract` over many files: input order, worker limits (a file that hangs or
//! allocates without end is stopped and reported, the rest converted), resume after an
//! interruption, `--list`, the report and exit codes.

use crate::it::util::{bin, fixture};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn extract(args: &[&str], paths: &[PathBuf], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(bin());
    c.arg("extract").args(args).args(paths);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

/// Copies fixtures into `dir` under new names, so tests can name files the hooks match.
fn stage(dir: &Path, files: &[(&str, &str)]) -> Vec<PathBuf> {
    files
        .iter()
        .map(|(src, name)| {
            let p = dir.join(name);
            std::fs::copy(fixture(src), &p).unwrap();
            p
        })
        .collect()
}

const SMALL: &str = "real/kcc-cabinet-2025-01-30-agenda-frontsheet.pdf";
const LARGER: &str = "somerset-childrens-transformation-progress-2024-06.pdf";
const NOTPDF: &str = "real/ofsted-NOTPDF-birmingham-2012-html-errorpage.pdf";

fn ndjson(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn results_come_in_input_order() {
    // Largest files are scheduled first; stdout must still follow the input order.
    let inputs = [
        SMALL,
        LARGER,
        NOTPDF,
        "real/lords-house-committee-minutes-2016-06-29.pdf",
        "ofsted-ilacs-somerset-2022.pdf",
    ]
    .map(fixture)
    .to_vec();
    let out = extract(&["--jobs", "2"], &inputs, &[]);
    assert_eq!(out.status.code(), Some(1), "one input is HTML");
    let files: Vec<String> =
        ndjson(&out).iter().map(|v| v["source"]["file"].as_str().unwrap().to_string()).collect();
    let expected: Vec<String> =
        inputs.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(files, expected);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("5 files: 4 converted, 1 failed (not_pdf 1)"), "{stderr}");
}

#[test]
fn a_file_that_hangs_is_stopped_and_the_rest_converted() {
    let dir = tempfile::tempdir().unwrap();
    let inputs =
        stage(dir.path(), &[(SMALL, "a.pdf"), (LARGER, "hangs.pdf"), (SMALL, "b.pdf"), (SMALL, "c.pdf")]);
    let t = Instant::now();
    let out = extract(&["--jobs", "2", "--timeout", "2"], &inputs, &[("COUNCILPDF_TEST_SLEEP", "hangs")]);
    assert!(t.elapsed() < Duration::from_secs(30), "took {:?}", t.elapsed());
    assert_eq!(out.status.code(), Some(1));
    let values = ndjson(&out);
    let codes: Vec<Option<&str>> =
        values.iter().map(|v| v.pointer("/error/code").and_then(|c| c.as_str())).collect();
    assert_eq!(codes, [None, Some("timeout"), None, None]);
    assert_eq!(values[1]["source"]["file"], "hangs.pdf");
    councilpdf::contract::validate(&values[1]).unwrap();
}

#[test]
fn a_file_that_allocates_without_end_is_stopped_and_the_rest_converted() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = stage(dir.path(), &[(SMALL, "a.pdf"), (SMALL, "hog.pdf"), (SMALL, "b.pdf")]);
    let t = Instant::now();
    let out = extract(
        &["--jobs", "1", "--max-memory", "300M", "--timeout", "30"],
        &inputs,
        &[("COUNCILPDF_TEST_ALLOC", "hog")],
    );
    assert!(t.elapsed() < Duration::from_secs(30), "took {:?}", t.elapsed());
    let values = ndjson(&out);
    let codes: Vec<Option<&str>> =
        values.iter().map(|v| v.pointer("/error/code").and_then(|c| c.as_str())).collect();
    assert_eq!(codes, [None, Some("too_large"), None], "{}", String::from_utf8_lossy(&out.stderr));
    assert!(values[1]["error"]["message"].as_str().unwrap().contains("memory limit of 300 MB"));
}

#[test]
fn an_interrupted_run_resumes_with_only_the_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let ins = dir.path().join("in");
    let outs = dir.path().join("out");
    std::fs::create_dir(&ins).unwrap();
    let inputs =
        stage(&ins, &[(SMALL, "a.pdf"), (SMALL, "b.pdf"), (LARGER, "stuck.pdf"), (NOTPDF, "html.pdf")]);
    // First run: one file hangs; the run is killed once the others are written.
    let mut child = Command::new(bin())
        .args(["extract", "--jobs", "2", "--out"])
        .arg(&outs)
        .args(&inputs)
        .env("COUNCILPDF_TEST_SLEEP", "stuck")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let t = Instant::now();
    while !["a", "b", "html"].iter().all(|s| outs.join(format!("{s}.json")).exists()) {
        assert!(t.elapsed() < Duration::from_secs(30), "first run wrote nothing");
        std::thread::sleep(Duration::from_millis(50));
    }
    // SIGKILL to the parent only: its workers notice they are orphaned and exit by themselves.
    child.kill().unwrap();
    let _ = child.wait();
    assert!(!outs.join("stuck.json").exists());
    // Nothing half-written: every JSON file there parses.
    for e in std::fs::read_dir(&outs).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "json") {
            serde_json::from_slice::<serde_json::Value>(&std::fs::read(e.path()).unwrap()).unwrap();
        }
    }
    let before = std::fs::metadata(outs.join("a.json")).unwrap().modified().unwrap();
    // Second run: only the missing file is converted.
    let report = dir.path().join("report.json");
    let out = extract(
        &["--out", outs.to_str().unwrap(), "--report", report.to_str().unwrap()],
        std::slice::from_ref(&ins),
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "html.pdf still counts as failed");
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(r["summary"]["skipped"], 3, "{r}");
    assert_eq!(r["summary"]["converted"], 1, "{r}");
    let stuck = r["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["input"].as_str().unwrap().ends_with("stuck.pdf"))
        .unwrap();
    assert_eq!(stuck["status"], "converted");
    assert_eq!(std::fs::metadata(outs.join("a.json")).unwrap().modified().unwrap(), before);
    // --force redoes everything.
    let out = extract(
        &["--force", "--out", outs.to_str().unwrap(), "--report", report.to_str().unwrap()],
        &[ins],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(r["summary"]["skipped"], 0);
    assert_eq!(r["summary"]["converted"], 3);
}

#[test]
fn an_output_for_other_bytes_is_redone() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = stage(dir.path(), &[(SMALL, "paper.pdf")]);
    let outs = dir.path().join("out");
    let first = extract(&["--out", outs.to_str().unwrap()], &inputs, &[]);
    assert_eq!(first.status.code(), Some(0));
    std::fs::copy(fixture(LARGER), &inputs[0]).unwrap();
    let second = extract(&["--out", outs.to_str().unwrap()], &inputs, &[]);
    assert!(String::from_utf8_lossy(&second.stderr).contains("1 converted, 0 failed, 0 skipped"));
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(outs.join("paper.json")).unwrap()).unwrap();
    assert_eq!(v["source"]["bytes"].as_u64(), Some(std::fs::metadata(fixture(LARGER)).unwrap().len()));
}

#[test]
fn list_from_stdin() {
    use std::io::Write;
    let mut child = Command::new(bin())
        .args(["extract", "--list", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let list = format!("{}\n\n# a comment\n{}\n", fixture(SMALL).display(), fixture(LARGER).display());
    child.stdin.take().unwrap().write_all(list.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let files: Vec<String> =
        ndjson(&out).iter().map(|v| v["source"]["file"].as_str().unwrap().to_string()).collect();
    assert_eq!(
        files,
        [
            "kcc-cabinet-2025-01-30-agenda-frontsheet.pdf",
            "somerset-childrens-transformation-progress-2024-06.pdf"
        ]
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(Command::new(bin()).arg("extract").output().unwrap().status.code(), Some(2));
    assert_eq!(
        Command::new(bin()).args(["extract", "--timeout", "0", "x.pdf"]).output().unwrap().status.code(),
        Some(2)
    );
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(Command::new(bin()).arg("extract").arg(empty.path()).output().unwrap().status.code(), Some(2));
}
