//! `councilpdf export` and `councilpdf schema`, read back with the csv crate and rusqlite.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::util::{bin, fixture, read_csv};

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("export-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn export(args: &[&Path], format: &str, out: &Path, extra: &[&str]) -> i32 {
    let o = Command::new(bin())
        .arg("export")
        .args(["--format", format, "--out"])
        .arg(out)
        .args(extra)
        .args(args)
        .output()
        .unwrap();
    o.status.code().unwrap_or(-1)
}

fn tracker_json() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/export/tracker-two-rows.json")
}

/// A folder holding the Norfolk letter and the HTML page saved as a PDF.
fn folder_with_broken_pdf() -> PathBuf {
    let dir = scratch("inputs");
    for name in [
        "real/ofsted-focused-visit-letter-norfolk-2019.pdf",
        "real/ofsted-NOTPDF-birmingham-2012-html-errorpage.pdf",
    ] {
        let p = fixture(name);
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    dir
}

#[test]
fn hand_written_savings_flatten_into_csv() {
    let out = scratch("csv-json");
    assert_eq!(export(&[&tracker_json()], "csv", &out, &[]), 0);
    let (header, rows) = read_csv(&out.join("savings.csv"));
    assert_eq!(&header[..6], ["sha256", "file", "page", "seq", "ref", "description"]);
    assert_eq!(rows.len(), 2);
    let cfe016 = &rows[1];
    assert_eq!(cfe016["ref"], "CFE016");
    assert_eq!(cfe016["file"], "somerset-childrens-transformation-progress-2024-06.pdf");
    assert_eq!(cfe016["page"], "5");
    assert_eq!(
        (cfe016["target"].as_str(), cfe016["on_track"].as_str(), cfe016["at_risk"].as_str()),
        ("3385800", "1482000", "1903800")
    );
    assert_eq!(cfe016["achieved"], "", "an empty cell stays empty, never 0");
    let (_, cols) = read_csv(&out.join("saving_columns.csv"));
    let at_risk: Vec<_> = cols.iter().filter(|r| r["ref"] == "CFE016" && r["header"] == "At Risk").collect();
    assert_eq!(at_risk.len(), 1);
    assert_eq!(at_risk[0]["value"], "1903800");
    assert_eq!(cols.len(), 10, "five printed money columns per saving");
    let (_, totals) = read_csv(&out.join("savings_totals.csv"));
    assert_eq!(
        (totals[0]["label"].as_str(), totals[0]["at_risk"].as_str(), totals[0]["reconciles"].as_str()),
        ("TOTALS", "4031300", "true")
    );
    let (_, docs) = read_csv(&out.join("documents.csv"));
    assert_eq!(
        (docs.len(), docs[0]["document_type"].as_str(), docs[0]["error_code"].as_str()),
        (1, "progress_report", "")
    );
}

#[test]
fn every_table_is_written_with_its_header_even_when_empty() {
    let out = scratch("csv-all");
    assert_eq!(export(&[&tracker_json()], "csv", &out, &["--excel"]), 0);
    for t in councilpdf::export::tables::TABLES {
        let path = out.join(format!("{}.csv", t.name));
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with("\u{feff}".as_bytes()), "{} has no BOM", t.name);
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
        assert_eq!(header, t.column_names().collect::<Vec<_>>(), "{}", t.name);
    }
}

#[test]
fn a_broken_pdf_gets_a_documents_row_and_the_others_are_written() {
    let inputs = folder_with_broken_pdf();
    let out = scratch("csv-broken");
    assert_eq!(export(&[&inputs], "csv", &out, &[]), 1, "a failed document gives exit 1, as extract does");
    let (_, docs) = read_csv(&out.join("documents.csv"));
    assert_eq!(docs.len(), 2);
    let broken =
        docs.iter().find(|d| d["file"] == "ofsted-NOTPDF-birmingham-2012-html-errorpage.pdf").unwrap();
    assert_eq!(broken["error_code"], "not_pdf");
    assert_eq!(broken["pages"], "");
    let letter = docs.iter().find(|d| d["file"] == "ofsted-focused-visit-letter-norfolk-2019.pdf").unwrap();
    assert_eq!((letter["pages"].as_str(), letter["document_type"].as_str()), ("4", "ofsted_report"));
    let (_, sections) = read_csv(&out.join("sections.csv"));
    assert_eq!(sections.len(), 1, "the letter is one section");
    assert_eq!((sections[0]["first_page"].as_str(), sections[0]["last_page"].as_str()), ("1", "4"));
}

fn count(db: &rusqlite::Connection, sql: &str) -> i64 {
    db.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn sqlite_re_export_replaces_rows_instead_of_duplicating() {
    let inputs = folder_with_broken_pdf();
    let db_path = scratch("sqlite").join("papers.db");
    assert_eq!(export(&[&inputs, &tracker_json()], "sqlite", &db_path, &[]), 1);
    let tables = ["documents", "sections", "savings", "saving_columns", "savings_totals", "warnings"];
    let counts = |db: &rusqlite::Connection| tables.map(|t| count(db, &format!("SELECT COUNT(*) FROM {t}")));
    let first = counts(&rusqlite::Connection::open(&db_path).unwrap());
    assert_eq!(&first[..5], [3, 1, 2, 10, 1]);
    assert_eq!(export(&[&inputs, &tracker_json()], "sqlite", &db_path, &[]), 1);
    let db = rusqlite::Connection::open(&db_path).unwrap();
    assert_eq!(counts(&db), first);
    assert_eq!(count(&db, "SELECT SUM(at_risk) FROM savings"), 1903800);
    let code: String = db
        .query_row("SELECT error_code FROM documents WHERE file LIKE '%NOTPDF%'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(code, "not_pdf");
    // Every row points at its document.
    assert_eq!(count(&db, "SELECT COUNT(*) FROM savings s JOIN documents d ON d.sha256 = s.sha256 WHERE d.document_type = 'progress_report'"), 2);
}

#[test]
fn ndjson_input_is_read_line_by_line() {
    let dir = scratch("ndjson");
    let one = std::fs::read_to_string(tracker_json()).unwrap();
    let v: serde_json::Value = serde_json::from_str(&one).unwrap();
    let mut other = v.clone();
    other["source"]["sha256"] = "0".repeat(64).into();
    other["source"]["file"] = "copy.pdf".into();
    let path = dir.join("batch.ndjson");
    std::fs::write(&path, format!("{}\n{}\n", v, other)).unwrap();
    let out = dir.join("csv");
    assert_eq!(export(&[&path], "csv", &out, &[]), 0);
    assert_eq!(read_csv(&out.join("savings.csv")).1.len(), 4);
}

#[test]
fn schema_prints_the_contract() {
    let o = Command::new(bin()).arg("schema").output().unwrap();
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v, councilpdf::contract::schema_json());
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
}

fn samples() -> [PathBuf; 3] {
    [
        fixture("somerset-cf-scrutiny-2022-10-03-agenda-pack.pdf"),
        fixture("somerset-childrens-transformation-progress-2024-06.pdf"),
        fixture("ofsted-ilacs-somerset-2022.pdf"),
    ]
}

#[test]
fn samples_give_the_tracker_rows_in_csv() {
    let out = scratch("samples-csv");
    let s = samples();
    export(&[&s[0], &s[1], &s[2]], "csv", &out, &[]);
    let (_, rows) = read_csv(&out.join("savings.csv"));
    let tracker: Vec<_> = rows
        .iter()
        .filter(|r| r["file"] == "somerset-childrens-transformation-progress-2024-06.pdf")
        .collect();
    assert_eq!(tracker.len(), 15);
    let cfe016 = tracker.iter().find(|r| r["ref"] == "CFE016").unwrap();
    assert_eq!(
        (cfe016["target"].as_str(), cfe016["on_track"].as_str(), cfe016["at_risk"].as_str()),
        ("3385800", "1482000", "1903800")
    );
}

#[test]
fn samples_give_at_risk_sum_and_judgements_in_sqlite() {
    let db_path = scratch("samples-sqlite").join("papers.db");
    let s = samples();
    export(&[&s[0], &s[1], &s[2]], "sqlite", &db_path, &[]);
    let db = rusqlite::Connection::open(&db_path).unwrap();
    let sum = count(&db, "SELECT SUM(at_risk) FROM savings WHERE file = 'somerset-childrens-transformation-progress-2024-06.pdf'");
    assert_eq!(sum, 4031300);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM judgements"), 8);
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM judgements WHERE file = 'ofsted-ilacs-somerset-2022.pdf'"),
        4
    );
}

/// The column order is part of the interface: README's table must say what the code writes.
#[test]
fn readme_documents_every_table_in_column_order() {
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for t in councilpdf::export::tables::TABLES {
        let line = format!("| `{}` | {} |", t.name, t.column_names().collect::<Vec<_>>().join(", "));
        assert!(readme.contains(&line), "README lacks: {line}");
    }
}

/// Date columns (Python's frames read them as dates) hold only ISO dates or nothing, and the
/// pack's meeting date is one of them ("Monday, 3rd October, 2022" on its front sheet).
#[test]
fn date_columns_hold_iso_dates() {
    use councilpdf::export::tables::{flatten, Cell, Kind, TABLES};
    let iso = regex::Regex::new(r"^\d{4}-\d{2}-\d{2}$").unwrap();
    let mut dates = Vec::new();
    for name in ["somerset-cf-scrutiny-2022-10-03-agenda-pack", "ofsted-ilacs-somerset-2022"] {
        let text = std::fs::read_to_string(fixture(&format!("{name}.expected.json"))).unwrap();
        let flat = flatten(&serde_json::from_str(&text).unwrap()).expect("not a not_found object");
        for (t, def) in TABLES.iter().enumerate() {
            for row in &flat.rows[t] {
                for ((column, kind), cell) in def.columns.iter().zip(row) {
                    match (kind, cell) {
                        (Kind::Date, Cell::Text(d)) => {
                            assert!(iso.is_match(d), "{}.{column}: {d:?}", def.name);
                            dates.push(format!("{}.{column}={d}", def.name));
                        }
                        (Kind::Date, c) => assert_eq!(c, &Cell::Null, "{}.{column}", def.name),
                        _ => {}
                    }
                }
            }
        }
    }
    assert!(dates.contains(&"meetings.date=2022-10-03".to_string()), "{dates:?}");
    assert!(dates.contains(&"inspections.start_date=2022-07-18".to_string()), "{dates:?}");
}
