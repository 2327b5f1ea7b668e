//! Regression checks: each fixture PDF against its verified `NAME.expected.json`.
//!
//! A fixture is `DIR/NAME.pdf` with `DIR/NAME.expected.json` beside it (subfolders allowed).
//! [`check_fixture`] converts the PDF and lists every [`Difference`] from the expected output;
//! blessing writes the fresh output as the new expected file after showing the same diff.

mod diff;

pub use diff::{diff, Change, DiffOptions, Difference, BBOX_TOLERANCE, TOP_LEVEL_FIELDS};

use std::path::{Path, PathBuf};

/// The suffix that marks an expected file.
pub const EXPECTED_SUFFIX: &str = ".expected.json";

/// Why a fixture could not be checked.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// The PDF or the expected file could not be read.
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The expected file is not JSON.
    #[error("{path} is not valid JSON")]
    BadExpected {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    /// The expected file could not be written.
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// One fixture PDF and where its expected file is (or would be).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fixture {
    /// How the fixture is named in reports: its path below the searched folder, without `.pdf`.
    pub name: String,
    pub pdf: PathBuf,
    pub expected: PathBuf,
}

impl Fixture {
    /// Whether the expected file exists.
    pub fn has_expected(&self) -> bool {
        self.expected.is_file()
    }

    /// The path `extract` records for this PDF found in the searched folder (`source.path`).
    pub fn given(&self) -> String {
        let ext =
            self.pdf.extension().map(|x| x.to_string_lossy().into_owned()).unwrap_or_else(|| "pdf".into());
        format!("{}.{ext}", self.name)
    }
}

/// What a search of fixture folders found.
#[derive(Debug, Default)]
pub struct Found {
    /// PDFs, sorted by name.
    pub fixtures: Vec<Fixture>,
    /// Expected files with no PDF beside them (a fixture deleted by mistake).
    pub orphans: Vec<PathBuf>,
}

/// `NAME.expected.json` beside `NAME.pdf`.
pub fn expected_path(pdf: &Path) -> PathBuf {
    let stem = pdf.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    pdf.with_file_name(format!("{stem}{EXPECTED_SUFFIX}"))
}

/// Finds the fixtures in folders (searched recursively) and single PDFs given directly.
pub fn find_fixtures(paths: &[PathBuf]) -> Found {
    let mut found = Found::default();
    for root in paths {
        if root.is_file() {
            let name = root.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            found.fixtures.push(Fixture { name, pdf: root.clone(), expected: expected_path(root) });
            continue;
        }
        for f in crate::inputs::files_under(root, &|_| true) {
            let file_name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if is_pdf(&f) {
                let rel = f.strip_prefix(root).unwrap_or(&f).with_extension("");
                let name = rel.to_string_lossy().replace('\\', "/");
                found.fixtures.push(Fixture { name, expected: expected_path(&f), pdf: f });
            } else if let Some(stem) = file_name.strip_suffix(EXPECTED_SUFFIX) {
                let has_pdf =
                    ["pdf", "PDF"].iter().any(|ext| f.with_file_name(format!("{stem}.{ext}")).is_file());
                if !has_pdf {
                    found.orphans.push(f);
                }
            }
        }
    }
    found.fixtures.sort();
    found.fixtures.dedup_by(|a, b| a.pdf == b.pdf);
    found.orphans.sort();
    found
}

fn is_pdf(p: &Path) -> bool {
    crate::inputs::is_pdf(p)
}

/// The fresh output for a fixture, as `extract` would write it (validated JSON), with
/// `source.path` recorded as `given`.
///
/// # Errors
/// `CheckError::Read` when the PDF cannot be read from disk.
pub fn current_output(pdf: &Path, given: &str) -> Result<serde_json::Value, CheckError> {
    crate::inputs::regular_file(pdf, u64::MAX).map_err(|e| CheckError::Read {
        path: pdf.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    })?;
    Ok(crate::emit::to_checked_json(&crate::convert_path(pdf, given, &Default::default())))
}

/// Reads an expected file as written.
///
/// # Errors
/// `CheckError::Read` or `CheckError::BadExpected`.
pub fn read_expected(path: &Path) -> Result<serde_json::Value, CheckError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| CheckError::Read { path: path.to_path_buf(), source })?;
    serde_json::from_str(&text).map_err(|source| CheckError::BadExpected { path: path.to_path_buf(), source })
}

/// The result of checking one fixture.
#[derive(Debug)]
pub struct Outcome {
    pub fixture: Fixture,
    /// The fresh output.
    pub got: serde_json::Value,
    /// The expected output, `None` when the fixture has no expected file yet. One written by an
    /// earlier contract version is read as the current one, the fields it lacks null or empty
    /// ([`crate::contract::upgrade`]), so only a filled new field is a difference.
    pub expected: Option<serde_json::Value>,
    /// The contract version the expected file declared, when older than the current one
    /// (blessing rewrites such a file even without differences).
    pub upgraded_from: Option<String>,
    pub differences: Vec<Difference>,
}

/// Converts a fixture and compares it with its expected file (if any).
///
/// # Errors
/// When the PDF or the expected file cannot be read, or the expected file is not JSON.
pub fn check_fixture(fixture: &Fixture, opts: &DiffOptions) -> Result<Outcome, CheckError> {
    compare(fixture, current_output(&fixture.pdf, &fixture.given())?, opts)
}

/// Compares a fixture's fresh output `got` (converted by the caller, e.g. in worker processes)
/// with its expected file (if any).
///
/// # Errors
/// When the expected file cannot be read or is not JSON.
pub fn compare(fixture: &Fixture, got: serde_json::Value, opts: &DiffOptions) -> Result<Outcome, CheckError> {
    let mut expected = if fixture.has_expected() { Some(read_expected(&fixture.expected)?) } else { None };
    let upgraded_from = expected.as_mut().and_then(crate::contract::upgrade);
    let differences = expected.as_ref().map(|e| diff(e, &got, opts)).unwrap_or_default();
    Ok(Outcome { fixture: fixture.clone(), got, expected, upgraded_from, differences })
}

/// The expected file blessing writes: the fresh output, or with `--only` the old expected file
/// with just the named fields replaced (so blessing one record type leaves the others alone).
pub fn blessed(outcome: &Outcome, opts: &DiffOptions) -> serde_json::Value {
    let (Some(only), Some(serde_json::Value::Object(old)), serde_json::Value::Object(new)) =
        (&opts.only, &outcome.expected, &outcome.got)
    else {
        return outcome.got.clone();
    };
    // A file that started or stopped failing changes shape: take the fresh output whole.
    if old.contains_key("error") != new.contains_key("error") {
        return outcome.got.clone();
    }
    let mut merged = old.clone();
    for key in only.iter().map(String::as_str).chain(["error"]) {
        match new.get(key) {
            Some(v) => {
                merged.insert(key.to_string(), v.clone());
            }
            None => {
                merged.remove(key);
            }
        }
    }
    serde_json::Value::Object(merged)
}

/// Writes an expected file (pretty JSON, trailing newline), through a temporary file so an
/// interrupted bless never leaves half a file.
///
/// # Errors
/// `CheckError::Write`.
pub fn write_expected(path: &Path, value: &serde_json::Value) -> Result<(), CheckError> {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    let tmp = path.with_extension("json.tmp");
    let werr = |source| CheckError::Write { path: path.to_path_buf(), source };
    std::fs::write(&tmp, text).map_err(werr)?;
    std::fs::rename(&tmp, path).map_err(werr)
}

/// Whether we run under CI, where blessing is refused (`CI` set to anything but empty, 0, false).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim().to_ascii_lowercase().as_str(), "" | "0" | "false"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn outcome(expected: Option<serde_json::Value>, got: serde_json::Value) -> Outcome {
        let pdf = PathBuf::from("x/a.pdf");
        Outcome {
            fixture: Fixture { name: "a".into(), expected: expected_path(&pdf), pdf },
            got,
            expected,
            upgraded_from: None,
            differences: vec![],
        }
    }

    #[test]
    fn expected_file_sits_beside_the_pdf() {
        assert_eq!(
            expected_path(Path::new("fixtures/real/k.pdf")),
            PathBuf::from("fixtures/real/k.expected.json")
        );
    }

    #[test]
    fn blessing_with_only_replaces_just_those_fields() {
        let old = json!({"source": {"bytes": 1}, "savings": [{"ref": "A"}], "judgements": []});
        let new = json!({"source": {"bytes": 2}, "savings": [{"ref": "B"}], "judgements": [{"area": "X"}]});
        let only = DiffOptions { only: Some(vec!["savings".into()]) };
        let b = blessed(&outcome(Some(old.clone()), new.clone()), &only);
        assert_eq!(b, json!({"source": {"bytes": 1}, "savings": [{"ref": "B"}], "judgements": []}));
        assert_eq!(blessed(&outcome(Some(old), new.clone()), &DiffOptions::default()), new);
        assert_eq!(blessed(&outcome(None, new.clone()), &only), new);
    }

    #[test]
    fn a_file_that_starts_failing_is_blessed_whole() {
        let old = json!({"source": {"bytes": 1}, "savings": []});
        let new = json!({"source": {"bytes": 1}, "error": {"code": "malformed", "message": "m"}});
        let only = DiffOptions { only: Some(vec!["savings".into()]) };
        assert_eq!(blessed(&outcome(Some(old), new.clone()), &only), new);
    }
}
