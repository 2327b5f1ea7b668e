//! Contract 1.1: files written under 1.0 still validate, export and check; a 1.1 object
//! missing a 1.1 field is rejected; an old SQLite database or CSV folder is migrated;
//! `source.path`, `not_found`, and resume re-converting a 1.0 output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::util::{bin, fixture, read_csv};
use councilpdf::contract::{self, ErrorCode, Output as Extracted, UnitSource};
use serde_json::{json, Value};

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("contract-1-1").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(bin()).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A hand-written `extract` output of contract 1.0 (two rows of the Somerset MTFP tracker).
fn tracker_1_0() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/export/tracker-two-rows.json")
}

/// The frontsheet's expected file as blessed under contract 1.0, before 1.1 existed.
fn frontsheet_1_0() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/contract/kcc-cabinet-2025-01-30-agenda-frontsheet.v1.0.expected.json")
}

const FRONTSHEET: &str = "real/kcc-cabinet-2025-01-30-agenda-frontsheet.pdf";

fn read_json(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn columns_of(table: &str) -> Vec<&'static str> {
    councilpdf::export::tables::table(table).unwrap().column_names().collect()
}

#[test]
fn a_1_0_object_validates_against_the_1_0_schema() {
    for f in [tracker_1_0(), frontsheet_1_0()] {
        let v = read_json(&f);
        assert_eq!(v["schema_version"], "1.0");
        assert!(v.get("authority").is_none() && v["source"].get("path").is_none());
        contract::validate(&v).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let o = run(&["validate".as_ref(), f.as_os_str()]);
        assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    }
    // The serde types read it with the 1.1 fields null or empty.
    let out: Extracted = serde_json::from_value(read_json(&tracker_1_0())).unwrap();
    let Extracted::Ok(e) = out else { panic!("the tracker is an extraction") };
    assert_eq!((e.authority, e.source.path), (None, None));
    assert!(e.savings.iter().all(|s| s.unit_source.is_none()));
}

#[test]
fn a_1_1_object_missing_a_1_1_field_is_rejected() {
    // The 1.0 file declared 1.1 without adding 1.1's fields: every missing one is named.
    let mut v = read_json(&tracker_1_0());
    v["schema_version"] = json!("1.1");
    let Err(contract::SchemaError::Invalid(errors)) = contract::validate(&v) else {
        panic!("a 1.1 object without the 1.1 fields validated")
    };
    let all = errors.join("\n");
    for missing in ["\"authority\"", "/source: \"path\"", "/savings/0: \"unit_source\""] {
        assert!(all.contains(missing), "no violation for {missing}:\n{all}");
    }
    let dir = scratch("missing-field");
    let f = dir.join("claims-1.1.json");
    std::fs::write(&f, v.to_string()).unwrap();
    let o = run(&["validate".as_ref(), f.as_os_str()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    // export refuses it too, rather than reading the missing fields as null.
    let o = run(&[
        "export".as_ref(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--out".as_ref(),
        dir.join("csv").as_os_str(),
        f.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("does not meet the contract"), "{}", stderr(&o));
}

#[test]
fn a_1_0_object_exports_with_the_new_columns_empty() {
    let dir = scratch("export-1-0");
    let out = dir.join("csv");
    let o = run(&[
        "export".as_ref(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
        tracker_1_0().as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (header, docs) = read_csv(&out.join("documents.csv"));
    assert_eq!(header, columns_of("documents"));
    let d = &docs[0];
    assert_eq!(d["schema_version"], "1.0");
    for c in ["path", "authority", "authority_kind", "authority_code"] {
        assert_eq!(d[c], "", "{c}");
    }
    let (_, savings) = read_csv(&out.join("savings.csv"));
    assert_eq!(savings.len(), 2);
    assert!(savings.iter().all(|s| s["unit_source"].is_empty()));
    let (header, projects) = read_csv(&out.join("projects.csv"));
    assert_eq!(header, columns_of("projects"));
    assert!(projects.is_empty());
}

#[test]
fn a_1_0_expected_file_still_checks() {
    let dir = scratch("check-1-0");
    let pdf = fixture(FRONTSHEET);
    std::fs::copy(&pdf, dir.join(pdf.file_name().unwrap())).unwrap();
    std::fs::copy(frontsheet_1_0(), dir.join("kcc-cabinet-2025-01-30-agenda-frontsheet.expected.json"))
        .unwrap();
    let o = run(&["check".as_ref(), dir.as_os_str()]);
    let out = stdout(&o);
    assert!(out.contains("expected file is contract 1.0, read as 1.1"), "{out}");
    // The 1.0 file has no `authority`, read as null; this build names the frontsheet's council
    // (issue 17), and that is the one difference: every 1.0 field still compares equal.
    let diffs: Vec<&str> = out.lines().filter(|l| l.starts_with("kcc-cabinet")).collect();
    assert_eq!(diffs.len(), 1, "{out}");
    assert!(
        diffs.iter().all(|l| l.contains(": authority: expected null, got {\"name\":\"Kent County Council\"")),
        "{out}"
    );
    assert!(out.contains("0 passed, 1 failed"), "{out}");
}

#[test]
fn check_compares_authority_and_ignores_source_path() {
    let opts = councilpdf::check::DiffOptions::default();
    let e = json!({"source": {"file": "a.pdf", "path": "papers/a.pdf"}, "authority": null});
    let moved = json!({"source": {"file": "a.pdf", "path": "elsewhere/a.pdf"}, "authority": null});
    assert!(councilpdf::check::diff(&e, &moved, &opts).is_empty());
    let named =
        json!({"source": {"file": "a.pdf", "path": "a.pdf"}, "authority": {"name": "Kent County Council"}});
    let d: Vec<String> = councilpdf::check::diff(&e, &named, &opts).iter().map(|d| d.to_string()).collect();
    assert_eq!(d, [r#"authority: expected null, got {"name":"Kent County Council"}"#]);
}

/// Deletes columns from a table of a database written by this version, so it has the shape
/// the 1.0 export wrote.
fn drop_columns(db: &rusqlite::Connection, table: &str, cols: &[&str]) {
    for c in cols {
        db.execute_batch(&format!("ALTER TABLE {table} DROP COLUMN \"{c}\"")).unwrap();
    }
}

#[test]
fn an_old_sqlite_database_is_migrated() {
    let dir = scratch("sqlite-migrate");
    let db_path = dir.join("papers.db");
    let export = |input: &Path| {
        run(&[
            "export".as_ref(),
            "--format".as_ref(),
            "sqlite".as_ref(),
            "--out".as_ref(),
            db_path.as_os_str(),
            input.as_os_str(),
        ])
    };
    assert_eq!(export(&tracker_1_0()).status.code(), Some(0));
    {
        let db = rusqlite::Connection::open(&db_path).unwrap();
        drop_columns(&db, "documents", &["path", "authority", "authority_kind", "authority_code"]);
        drop_columns(&db, "savings", &["unit_source"]);
        db.execute_batch("DROP TABLE projects").unwrap();
    }
    // The tracker is two rows of the Somerset progress report (same sha256): add another paper.
    let o = export(&fixture(FRONTSHEET));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let db = rusqlite::Connection::open(&db_path).unwrap();
    let count = |sql: &str| db.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    // The 1.0 document's rows stay (their new columns null); the new one is written whole.
    assert_eq!(count("SELECT COUNT(*) FROM documents"), 2);
    assert_eq!(
        count("SELECT COUNT(*) FROM documents WHERE schema_version = '1.0' AND path IS NULL AND authority IS NULL"),
        1
    );
    assert_eq!(count("SELECT COUNT(*) FROM savings WHERE unit_source IS NULL"), 2);
    let path: String =
        db.query_row("SELECT path FROM documents WHERE schema_version = '1.1'", [], |r| r.get(0)).unwrap();
    assert!(path.ends_with("kcc-cabinet-2025-01-30-agenda-frontsheet.pdf"), "{path}");
    // Exporting the 1.0 document again into the migrated database replaces its rows.
    assert_eq!(export(&tracker_1_0()).status.code(), Some(0));
    assert_eq!(count("SELECT COUNT(*) FROM documents"), 2);
    assert_eq!(count("SELECT COUNT(*) FROM savings"), 2);
    assert_eq!(count("SELECT COUNT(*) FROM projects"), 0);
}

const LARGER: &str = "somerset-childrens-transformation-progress-2024-06.pdf";

/// Rewrites a CSV file keeping only the columns not in `drop` (as the 1.0 export wrote it).
fn drop_csv_columns(path: &Path, drop: &[&str]) {
    let (header, rows) = read_csv(path);
    let keep: Vec<&String> = header.iter().filter(|h| !drop.contains(&h.as_str())).collect();
    let mut w = csv::Writer::from_path(path).unwrap();
    w.write_record(&keep).unwrap();
    for r in &rows {
        w.write_record(keep.iter().map(|h| r[*h].as_str())).unwrap();
    }
    w.flush().unwrap();
}

#[test]
fn an_old_csv_folder_is_migrated() {
    let dir = scratch("csv-migrate");
    let out = dir.join("tables");
    let export = |input: &Path| {
        run(&[
            "export".as_ref(),
            "--format".as_ref(),
            "csv".as_ref(),
            "--out".as_ref(),
            out.as_os_str(),
            input.as_os_str(),
        ])
    };
    assert_eq!(export(&tracker_1_0()).status.code(), Some(0));
    drop_csv_columns(&out.join("documents.csv"), &["path", "authority", "authority_kind", "authority_code"]);
    drop_csv_columns(&out.join("savings.csv"), &["unit_source"]);
    std::fs::remove_file(out.join("projects.csv")).unwrap();
    assert_eq!(read_csv(&out.join("savings.csv")).0.len(), columns_of("savings").len() - 1);

    let frontsheet = fixture(FRONTSHEET);
    let o = export(&frontsheet);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (header, docs) = read_csv(&out.join("documents.csv"));
    assert_eq!(header, columns_of("documents"), "rewritten with the new header");
    assert_eq!(docs.len(), 2, "the earlier document is kept");
    let old = docs.iter().find(|d| d["schema_version"] == "1.0").unwrap();
    assert_eq!(
        (old["file"].as_str(), old["path"].as_str()),
        ("somerset-childrens-transformation-progress-2024-06.pdf", "")
    );
    let new = docs.iter().find(|d| d["schema_version"] == "1.1").unwrap();
    assert_eq!(new["file"], "kcc-cabinet-2025-01-30-agenda-frontsheet.pdf");
    let (header, savings) = read_csv(&out.join("savings.csv"));
    assert_eq!(header, columns_of("savings"));
    assert_eq!(savings.len(), 2);
    assert_eq!(savings[1]["ref"], "CFE016", "kept rows keep their values under the new header");
    assert_eq!(savings[1]["at_risk"], "1903800");
    assert!(out.join("projects.csv").is_file());

    // Exporting a document again replaces its rows rather than adding a second copy.
    assert_eq!(export(&tracker_1_0()).status.code(), Some(0));
    assert_eq!(read_csv(&out.join("documents.csv")).1.len(), 2);
    assert_eq!(read_csv(&out.join("savings.csv")).1.len(), 2);
}

#[test]
fn a_missing_input_is_not_found_and_gets_no_documents_row() {
    let dir = scratch("not-found");
    let missing = dir.join("gone/minutes.pdf");
    let o = run(&["extract".as_ref(), missing.as_os_str()]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["error"]["code"], "not_found");
    assert_eq!(
        (&v["source"]["sha256"], &v["source"]["bytes"], &v["source"]["pages"]),
        (&Value::Null, &Value::Null, &Value::Null)
    );
    assert_eq!(v["source"]["file"], "minutes.pdf");
    assert_eq!(v["source"]["path"], json!(missing.to_string_lossy()));
    contract::validate(&v).unwrap();
    assert!(stderr(&o).contains("failed (not_found 1)"), "{}", stderr(&o));

    // Exported: reported, and no documents row (there is no sha256 to key it).
    let json = dir.join("out.json");
    std::fs::write(&json, v.to_string()).unwrap();
    let db = dir.join("p.db");
    let o = run(&[
        "export".as_ref(),
        "--format".as_ref(),
        "sqlite".as_ref(),
        "--out".as_ref(),
        db.as_os_str(),
        json.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    // With no other document there is nothing to export: nothing is written, and it says so.
    assert!(
        stderr(&o).contains("not_found (the file did not exist") && stderr(&o).contains("nothing exported"),
        "{}",
        stderr(&o)
    );
    assert!(!db.exists());
    // Beside a readable document: that one is written, the not_found one reported.
    let o = run(&[
        "export".as_ref(),
        "--format".as_ref(),
        "sqlite".as_ref(),
        "--out".as_ref(),
        db.as_os_str(),
        json.as_os_str(),
        tracker_1_0().as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("1 not_found not written"), "{}", stderr(&o));
    let conn = rusqlite::Connection::open(&db).unwrap();
    assert_eq!(conn.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0)).unwrap(), 1);

    // A folder named like a PDF is not a regular file: not_pdf.
    let folder = dir.join("folder.pdf");
    std::fs::create_dir_all(&folder).unwrap();
    let out = councilpdf::convert_path(&folder, "folder.pdf", &Default::default());
    assert_eq!(out.error_code(), Some(ErrorCode::NotPdf));
    assert!(out.source().sha256.is_some(), "only not_found has a null sha256");

    // A file over the size limit is too_large before it is read, its sha256 and size still known.
    let mut small = councilpdf::Options::default();
    small.limits.max_file_bytes = 1000;
    let pdf = fixture(FRONTSHEET);
    let out = councilpdf::convert_path(&pdf, "front.pdf", &small);
    assert_eq!(out.error_code(), Some(ErrorCode::TooLarge));
    let whole = councilpdf::source_of("front.pdf", &std::fs::read(&pdf).unwrap());
    assert_eq!((&out.source().sha256, out.source().bytes), (&whole.sha256, whole.bytes));
}

#[test]
fn source_path_is_relative_to_a_walked_folder() {
    let dir = scratch("paths");
    let sub = dir.join("papers/kent");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(fixture(FRONTSHEET), sub.join("front.pdf")).unwrap();
    let o = run(&["extract".as_ref(), dir.join("papers").as_os_str()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(
        (v["source"]["file"].as_str(), v["source"]["path"].as_str()),
        (Some("front.pdf"), Some("kent/front.pdf"))
    );
    // A file given directly keeps the path as given.
    let given = sub.join("front.pdf");
    let v: Value =
        serde_json::from_str(stdout(&run(&["extract".as_ref(), given.as_os_str()])).trim()).unwrap();
    assert_eq!(v["source"]["path"], json!(given.to_string_lossy()));
}

#[test]
fn resume_re_converts_a_1_0_output() {
    let dir = scratch("resume");
    let pdf = fixture(FRONTSHEET);
    let out = dir.join("out");
    let report = dir.join("run.json");
    let extract = || {
        run(&[
            "extract".as_ref(),
            pdf.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
            "--report".as_ref(),
            report.as_os_str(),
        ])
    };
    let status = || read_json(&report)["files"][0]["status"].as_str().unwrap().to_string();
    assert_eq!(extract().status.code(), Some(0));
    assert_eq!(extract().status.code(), Some(0));
    assert_eq!(status(), "skipped", "a current output is kept");
    // The output as a 1.0 run of the same tool version would have left it.
    let target = out.join("kcc-cabinet-2025-01-30-agenda-frontsheet.json");
    let mut old = read_json(&frontsheet_1_0());
    old["tool"]["version"] = json!(env!("CARGO_PKG_VERSION"));
    std::fs::write(&target, old.to_string()).unwrap();
    assert_eq!(extract().status.code(), Some(0));
    assert_eq!(status(), "converted", "a 1.0 output is out of date");
    assert_eq!(read_json(&target)["schema_version"], "1.1");
}

#[test]
fn the_savings_unit_source_says_where_the_unit_was_printed() {
    // Somerset's tracker prints "24/25 £" over its target column (page 5); KCC's savings
    // appendix prints "£000s" above the table's headers (pages 8-11).
    let unit_sources = |name: &str| -> Vec<(u32, Option<UnitSource>)> {
        super::util::extract(name).savings.iter().map(|s| (s.unit, s.unit_source)).collect()
    };
    let somerset = unit_sources(LARGER);
    assert_eq!(somerset.len(), 15);
    assert!(somerset.iter().all(|&u| u == (1, Some(UnitSource::Header))), "{somerset:?}");
    let kcc = unit_sources("real/kcc-budget-monitoring-appendix-key-service-statement.pdf");
    assert!(!kcc.is_empty());
    assert!(kcc.iter().all(|&u| u == (1000, Some(UnitSource::Caption))), "{kcc:?}");
}
