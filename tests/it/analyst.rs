//! Issue 18, the analyst's first day: output names that do not depend on the other inputs,
//! standard input, checks before work, the memory limit, Ctrl-C, export's skip and merge
//! rules, `validate` over many files, and `layout` as text, JSON and SVG.

use crate::it::util::{bin, fixture};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// 2 pages; its expected file has exactly one warning.
const FRONTSHEET: &str = "real/kcc-cabinet-2025-01-30-agenda-frontsheet.pdf";
const MINUTES: &str = "real/kcc-cabinet-2025-01-30-printed-minutes.pdf";
const LARGER: &str = "somerset-childrens-transformation-progress-2024-06.pdf";
/// Generated (tests/gen/savings.py): one ruled table of 7 rows x 5 columns, savings S01-S05.
const TRACKER: &str = "tests/gen/pdfs/gs_tracker_rag_text.pdf";

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(bin()).args(args).output().unwrap()
}

fn os<S: AsRef<std::ffi::OsStr> + ?Sized>(s: &S) -> &std::ffi::OsStr {
    s.as_ref()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn read_json(p: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

fn sha8(p: &Path) -> String {
    let sha = councilpdf::source_of("", &std::fs::read(p).unwrap()).sha256.unwrap();
    sha[..8].to_string()
}

fn copy(src: &str, to: &Path) -> PathBuf {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(fixture(src), to).unwrap();
    to.to_path_buf()
}

#[test]
fn output_names_do_not_depend_on_the_other_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let papers = dir.path().join("papers");
    let a = copy(FRONTSHEET, &papers.join("2023/minutes.pdf"));
    let b = copy(MINUTES, &papers.join("2024/minutes.pdf"));
    let out = dir.path().join("out");
    // A walked folder: each file at its path relative to the folder.
    let o = run(&[os("extract"), os("--out"), out.as_os_str(), papers.as_os_str()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(read_json(&out.join("2023/minutes.json"))["source"]["path"], "2023/minutes.pdf");
    assert_eq!(read_json(&out.join("2024/minutes.json"))["source"]["path"], "2024/minutes.pdf");
    // Named files: <stem>.json, and a second source.path with that stem gets its sha256's prefix,
    // in separate runs as in one.
    let named = dir.path().join("named");
    run(&[os("extract"), os("--out"), named.as_os_str(), a.as_os_str()]);
    run(&[os("extract"), os("--out"), named.as_os_str(), b.as_os_str()]);
    let b_name = format!("minutes-{}.json", sha8(&b));
    assert_eq!(read_json(&named.join("minutes.json"))["source"]["path"], a.to_str().unwrap());
    assert_eq!(read_json(&named.join(&b_name))["source"]["path"], b.to_str().unwrap());
    // Adding a third paper with the same stem changes neither name: both are skipped.
    let c = copy(LARGER, &papers.join("2022/minutes.pdf"));
    let o =
        run(&[os("extract"), os("--out"), named.as_os_str(), c.as_os_str(), b.as_os_str(), a.as_os_str()]);
    assert!(stderr(&o).contains("3 files: 1 converted, 0 failed, 2 skipped"), "{}", stderr(&o));
    assert!(named.join(format!("minutes-{}.json", sha8(&c))).exists());
    // An output under an old name without source.path (contract 1.0) is simply converted again.
    let old = dir.path().join("old");
    std::fs::create_dir_all(&old).unwrap();
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/export/tracker-two-rows.json"),
        old.join("minutes.json"),
    )
    .unwrap();
    let o = run(&[os("extract"), os("--out"), old.as_os_str(), a.as_os_str()]);
    assert!(stderr(&o).contains("1 file: 1 converted"), "{}", stderr(&o));
    assert_eq!(read_json(&old.join("minutes.json"))["source"]["path"], a.to_str().unwrap());
}

#[test]
fn extract_reads_one_pdf_from_standard_input() {
    let mut child = Command::new(bin())
        .args(["extract", "-"])
        .stdin(std::fs::File::open(fixture(FRONTSHEET)).unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["source"]["file"], "-");
    assert_eq!(v["source"]["path"], "-");
    assert_eq!(v["source"]["bytes"].as_u64(), Some(std::fs::metadata(fixture(FRONTSHEET)).unwrap().len()));
    // `-` and `--list -` both want standard input: a usage error.
    let o = run(&[os("extract"), os("-"), os("--list"), os("-")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("give one of them"), "{}", stderr(&o));
}

#[test]
fn report_and_out_are_checked_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = run(&[
        os("extract"),
        os("--out"),
        out.as_os_str(),
        os("--report"),
        dir.path().join("no/such/folder/run.json").as_os_str(),
        fixture(FRONTSHEET).as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write the report"), "{}", stderr(&o));
    assert!(!out.exists(), "nothing was done before the report path was checked");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let o = run(&[os("extract"), os("--out"), file.as_os_str(), fixture(FRONTSHEET).as_os_str()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
}

#[test]
fn a_tiny_memory_limit_is_too_large_never_a_dead_worker() {
    // 1 MB on top of the idle worker cannot hold a 20-page report: an allocation fails.
    let o = run(&[
        os("extract"),
        os("--max-memory"),
        os("1M"),
        fixture("ofsted-ilacs-somerset-2022.pdf").as_os_str(),
    ]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["error"]["code"], "too_large", "{v}");
    assert!(v["error"]["message"].as_str().unwrap().contains("memory limit of 1 MB"), "{v}");
    // The default limit converts it.
    let o = run(&[os("extract"), fixture("ofsted-ilacs-somerset-2022.pdf").as_os_str()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn ctrl_c_keeps_finished_outputs_writes_the_report_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let ins = dir.path().join("in");
    copy(FRONTSHEET, &ins.join("a.pdf"));
    copy(FRONTSHEET, &ins.join("b.pdf"));
    copy(LARGER, &ins.join("stuck.pdf"));
    let outs = dir.path().join("out");
    let report = dir.path().join("run.json");
    let child = Command::new(bin())
        .args(["extract", "--jobs", "2", "--out"])
        .arg(&outs)
        .arg("--report")
        .arg(&report)
        .arg(&ins)
        .env("COUNCILPDF_TEST_SLEEP", "stuck")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let t = Instant::now();
    while !(outs.join("a.json").exists() && outs.join("b.json").exists()) {
        assert!(t.elapsed() < Duration::from_secs(60), "nothing written");
        std::thread::sleep(Duration::from_millis(50));
    }
    let kill = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(130));
    let lines: Vec<String> = stderr(&o).lines().map(String::from).collect();
    assert_eq!(lines.len(), 1, "one summary line: {lines:?}");
    assert!(
        lines[0].contains("interrupted: 3 files: 2 converted, 0 failed, 0 skipped, 1 not done"),
        "{lines:?}"
    );
    assert!(
        outs.join("a.json").exists() && outs.join("b.json").exists() && !outs.join("stuck.json").exists()
    );
    let r = read_json(&report);
    let statuses: Vec<&str> =
        r["files"].as_array().unwrap().iter().map(|f| f["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["converted", "converted", "interrupted"]);
    assert_eq!(r["summary"]["interrupted"], true);
}

#[test]
fn summary_counts_are_singular_for_one() {
    let o = run(&[os("extract"), fixture(FRONTSHEET).as_os_str()]);
    assert!(
        stderr(&o).contains("councilpdf: 1 file: 1 converted, 0 failed, 0 skipped; 1 warning; 2 pages"),
        "{}",
        stderr(&o)
    );
}

fn tracker_json() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/export/tracker-two-rows.json")
}

#[test]
fn export_skips_other_json_in_one_line_without_changing_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("outs");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(tracker_json(), folder.join("tracker.json")).unwrap();
    std::fs::write(folder.join("run.json"), r#"{"summary": {"files": 1}, "files": []}"#).unwrap();
    std::fs::write(folder.join("schema.json"), stdout(&run(&[os("schema")]))).unwrap();
    let db = dir.path().join("papers.db");
    let o =
        run(&[os("export"), os("--format"), os("sqlite"), os("--out"), db.as_os_str(), folder.as_os_str()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().filter(|l| l.contains("skipped")).count(), 1, "{err}");
    assert!(err.contains("2 files skipped (not outputs of `councilpdf extract`"), "{err}");
    // Only other JSON: nothing written, and said.
    let only = dir.path().join("only");
    std::fs::create_dir_all(&only).unwrap();
    std::fs::copy(folder.join("run.json"), only.join("run.json")).unwrap();
    let db2 = dir.path().join("none.db");
    let o =
        run(&[os("export"), os("--format"), os("sqlite"), os("--out"), db2.as_os_str(), only.as_os_str()]);
    assert!(stderr(&o).contains("nothing exported"), "{}", stderr(&o));
    assert!(!db2.exists());
    let csv = dir.path().join("none-csv");
    run(&[os("export"), os("--format"), os("csv"), os("--out"), csv.as_os_str(), only.as_os_str()]);
    assert!(!csv.exists());
    // A missing input is reported and skipped; the others are written; exit 1 as in extract.
    let db3 = dir.path().join("some.db");
    let missing = dir.path().join("gone.pdf");
    let o = run(&[
        os("export"),
        os("--format"),
        os("sqlite"),
        os("--out"),
        db3.as_os_str(),
        missing.as_os_str(),
        tracker_json().as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("gone.pdf: not_found"), "{}", stderr(&o));
    let conn = rusqlite::Connection::open(&db3).unwrap();
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 1);
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new().from_path(path).unwrap();
    r.records().map(|x| x.unwrap().iter().map(String::from).collect()).collect()
}

#[test]
fn csv_export_merges_into_an_existing_export() {
    let dir = tempfile::tempdir().unwrap();
    let tables = dir.path().join("tables");
    let pdf = fixture(FRONTSHEET);
    let export = |input: &Path| {
        let o = run(&[
            os("export"),
            os("--format"),
            os("csv"),
            os("--out"),
            tables.as_os_str(),
            input.as_os_str(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    };
    export(&tracker_json());
    export(&pdf);
    assert_eq!(csv_rows(&tables.join("documents.csv")).len(), 2, "the first export's document is kept");
    assert_eq!(csv_rows(&tables.join("savings.csv")).len(), 2, "the tracker's two rows");
    export(&tracker_json());
    assert_eq!(csv_rows(&tables.join("documents.csv")).len(), 2, "re-exported: replaced, not added");
    assert_eq!(csv_rows(&tables.join("savings.csv")).len(), 2);
}

#[test]
fn readme_at_risk_sql_counts_undeliverable_too() {
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("sqlite3 papers.db \"").unwrap() + "sqlite3 papers.db \"".len();
    let sql = &readme[start..start + readme[start..].find('"').unwrap()];
    let mut v = read_json(&tracker_json());
    // By construction: 10 at risk + 5 undeliverable, and 7 undeliverable only.
    v["savings"][0]["at_risk"] = 10.into();
    v["savings"][0]["undeliverable"] = 5.into();
    v["savings"][1]["at_risk"] = serde_json::Value::Null;
    v["savings"][1]["undeliverable"] = 7.into();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("t.json");
    std::fs::write(&input, v.to_string()).unwrap();
    let db = dir.path().join("papers.db");
    let o =
        run(&[os("export"), os("--format"), os("sqlite"), os("--out"), db.as_os_str(), input.as_os_str()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let total: i64 = conn.query_row(sql, [], |r| r.get(1)).unwrap();
    assert_eq!(total, 22, "{sql}");
}

#[test]
fn validate_reads_stdin_and_folders_and_reports_every_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(tracker_json(), dir.path().join("good.json")).unwrap();
    let mut bad = read_json(&tracker_json());
    bad["document_type"] = "novel".into();
    std::fs::write(dir.path().join("bad.json"), bad.to_string()).unwrap();
    std::fs::write(dir.path().join("worse.json"), "{not json").unwrap();
    let pdf = fixture(FRONTSHEET);
    let child = Command::new(bin())
        .arg("validate")
        .arg(dir.path())
        .arg(&pdf)
        .arg("-")
        .stdin(std::fs::File::open(tracker_json()).unwrap())
        .output()
        .unwrap();
    let out = stdout(&child);
    assert_eq!(child.status.code(), Some(1));
    assert!(out.contains("good.json#1: valid"), "{out}");
    assert!(out.contains("bad.json#1: INVALID"), "{out}");
    assert!(out.contains("\"novel\" is not one of the allowed values: \"agenda_pack\""), "{out}");
    assert!(out.contains("worse.json: INVALID: not JSON"), "{out}");
    assert!(
        out.contains(
            "kcc-cabinet-2025-01-30-agenda-frontsheet.pdf: INVALID: not JSON (is this a PDF? use extract)"
        ),
        "{out}"
    );
    assert!(out.contains("-#1: valid"), "{out}");
    assert!(stderr(&child).contains("5 files: 2 valid, 3 invalid"), "{}", stderr(&child));
}

/// Well-formed XML, checked by hand: every opened tag is closed in order.
fn assert_well_formed(svg: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').expect("tag closed") + i;
        let tag = &rest[i + 1..end];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "closing {name}");
        } else if !tag.ends_with('/') && !tag.starts_with('?') {
            stack.push(tag.split_whitespace().next().unwrap().to_string());
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn layout_svg_draws_cells_and_labels_records() {
    let dir = tempfile::tempdir().unwrap();
    let svg_path = dir.path().join("p1.svg");
    let pdf = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(TRACKER);
    let o = run(&[os("layout"), pdf.as_os_str(), os("--page"), os("1"), os("--svg"), svg_path.as_os_str()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_well_formed(&svg);
    // The generator's table: 7 rows (header, S01-S05, Total) x 5 columns.
    assert_eq!(svg.matches("class=\"cell\"").count(), 35);
    assert_eq!(svg.matches("class=\"table\"").count(), 1);
    for label in ["savings[0]", "savings[3]", "savings[4]", "savings_totals[0]"] {
        assert!(svg.contains(&format!(">{label}</text>")), "{label}");
    }
    assert!(svg.contains(">Library</text>"), "words are drawn");
    // --svg needs --page.
    let o = run(&[os("layout"), pdf.as_os_str(), os("--svg"), svg_path.as_os_str()]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn layout_text_has_a_legend_grids_and_no_rust_notation() {
    let pdf = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(TRACKER);
    let o = run(&[os("layout"), pdf.as_os_str(), os("--page"), os("1")]);
    let text = stdout(&o);
    assert!(text.starts_with("legend: "), "{text}");
    for rust in ["Some(", "None", "Ruled", "CommitteeReport", "SectionKind"] {
        assert!(!text.contains(rust), "{rust} in {text}");
    }
    assert!(text.contains("document type: committee_report"));
    assert!(text.contains("| S02 ") && text.contains("| Library service redesign "), "{text}");
    assert!(text.contains("table 0: 7 rows x 5 columns, 1 header row, ruled"), "{text}");
    // Coordinates to 0.1 pt, in text and JSON.
    let json = stdout(&run(&[os("layout"), pdf.as_os_str(), os("--page"), os("1"), os("--json")]));
    let re = regex::Regex::new(r"\d+\.\d{2,}").unwrap();
    assert!(!re.is_match(&json), "{:?}", re.find(&json));
    assert!(!re.is_match(&text), "{:?}", re.find(&text));
    // A page that is not there is a usage error.
    let o = run(&[os("layout"), pdf.as_os_str(), os("--page"), os("2")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("out of range"));
}
