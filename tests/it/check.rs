//! `councilpdf check`: hand-written expected files under `tests/check/` (values read in the
//! PDFs with pdfinfo, sha256sum and pdftotext), checked with `--only` the fields they hold.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::util::bin;

const ONLY: &str = "source,document_type,sections";
const LETTER: &str = "ofsted-focused-visit-letter-norfolk-2019";

fn check_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/check")
}

/// A fresh copy of `tests/check` in the temp folder, so tests can edit expected files.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("check-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&check_dir(), &dir);
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        let target = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &target);
        } else {
            std::fs::copy(&p, &target).unwrap();
        }
    }
}

fn run(args: &[&str]) -> (i32, String) {
    let out: Output = Command::new(bin()).arg("check").args(args).env_remove("CI").output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

fn last_line(s: &str) -> &str {
    s.lines().last().unwrap_or("")
}

fn edit(path: &Path, f: impl FnOnce(&mut serde_json::Value)) {
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    f(&mut v);
    std::fs::write(path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

#[test]
fn hand_written_expected_files_pass() {
    let (code, out) = run(&[check_dir().to_str().unwrap(), "--only", ONLY]);
    assert_eq!(last_line(&out), "2 passed, 0 failed", "{out}");
    assert_eq!(code, 0);
}

#[test]
fn a_changed_value_fails_naming_file_and_path() {
    let dir = scratch("changed");
    edit(&dir.join(format!("{LETTER}.expected.json")), |v| v["sections"][0]["last_page"] = 3.into());
    let (code, out) = run(&[dir.to_str().unwrap(), "--only", ONLY]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("{LETTER}: sections[0].last_page: expected 3, got 4")), "{out}");
    assert_eq!(last_line(&out), "1 passed, 1 failed");
}

#[test]
fn an_extra_row_is_one_difference() {
    let dir = scratch("row");
    edit(&dir.join(format!("{LETTER}.expected.json")), |v| {
        let extra = serde_json::json!({"id": "s0", "kind": "cover", "title": "Cover", "first_page": 1, "last_page": 1});
        v["sections"].as_array_mut().unwrap().insert(0, extra);
    });
    let (code, out) = run(&[dir.to_str().unwrap(), "--only", ONLY]);
    assert_eq!(code, 1);
    let diffs: Vec<&str> = out.lines().filter(|l| l.starts_with(LETTER)).collect();
    assert_eq!(diffs.len(), 1, "{out}");
    assert!(diffs[0].starts_with(&format!("{LETTER}: sections[0]: removed {{\"id\":\"s0\"")), "{out}");
}

#[test]
fn an_error_object_matches_a_broken_pdf_and_its_code_is_compared() {
    let (code, out) = run(&[check_dir().join("real").to_str().unwrap()]);
    assert_eq!((code, last_line(&out)), (0, "1 passed, 0 failed"), "{out}");
    let dir = scratch("error");
    edit(&dir.join("real/ofsted-NOTPDF-birmingham-2012-html-errorpage.expected.json"), |v| {
        v["error"]["code"] = "malformed".into()
    });
    let (code, out) = run(&[dir.join("real").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains(
            r#"ofsted-NOTPDF-birmingham-2012-html-errorpage: error.code: expected "malformed", got "not_pdf""#
        ),
        "{out}"
    );
}

#[test]
fn bless_writes_and_updates_expected_files_but_never_in_ci() {
    let dir = scratch("bless").join("real");
    let expected = dir.join("ofsted-NOTPDF-birmingham-2012-html-errorpage.expected.json");
    std::fs::remove_file(&expected).unwrap();
    let (code, out) = run(&[dir.to_str().unwrap()]);
    assert_eq!((code, last_line(&out)), (0, "0 passed, 0 failed"), "{out}");
    assert!(out.contains("skipped, no expected file"), "{out}");

    let ci = Command::new(bin())
        .args(["check", "--bless", dir.to_str().unwrap()])
        .env("CI", "true")
        .output()
        .unwrap();
    assert_eq!(ci.status.code(), Some(2));
    assert!(!expected.exists());

    let (code, out) = run(&["--bless", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("new expected file"), "{out}");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&expected).unwrap()).unwrap();
    assert_eq!(written["error"]["code"], "not_pdf");
    assert_eq!(written["source"]["bytes"], 7116);

    edit(&expected, |v| v["source"]["bytes"] = 1.into());
    let (code, out) = run(&["--bless", dir.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("source.bytes: expected 1, got 7116"), "{out}");
    assert_eq!(run(&[dir.to_str().unwrap()]).1.lines().last(), Some("1 passed, 0 failed"));
}

#[test]
fn unknown_only_field_is_a_usage_error() {
    let (code, _) = run(&[check_dir().to_str().unwrap(), "--only", "saving"]);
    assert_eq!(code, 2);
}

/// CI runs the check over the project's own fixtures: any changed figure fails `cargo test`.
#[test]
fn project_fixtures_pass() {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let (code, out) = run(&[fixtures.to_str().unwrap()]);
    assert!(last_line(&out).ends_with(" 0 failed"), "{out}");
    assert_eq!(code, 0, "{out}");
}
