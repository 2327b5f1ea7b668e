//! SQLite export: the tables of [`TABLES`] in one database file.
//!
//! `documents.sha256` is the primary key; every other table's `sha256` references it. A
//! document is written in one transaction that first deletes its earlier rows, so exporting
//! the same paper again replaces it, and an interrupted export never leaves half a document.
//! A database written by an earlier version is migrated first: each column it lacks is added
//! (`ALTER TABLE ADD COLUMN`, so at the end of its table), its rows keep null there.

use rusqlite::{params_from_iter, Connection, ToSql};
use std::path::Path;

use super::tables::{flatten, Cell, Kind, TableDef, TABLES};
use crate::contract::Output;

/// Why the database could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SqliteError {
    /// SQLite refused an operation (a locked or read-only file, a database of another shape).
    #[error("sqlite")]
    Sql(#[from] rusqlite::Error),
}

/// Indexes on the keys analysts join and filter on.
const INDEXES: &[(&str, &str)] = &[
    ("savings", "ref"),
    ("saving_columns", "saving_seq"),
    ("savings_totals", "label"),
    ("meetings", "date"),
    ("members", "meeting_date"),
    ("minute_items", "meeting_date"),
    ("resolutions", "minute_seq"),
    ("actions", "meeting_date"),
    ("work_programme", "meeting_date"),
    ("judgements", "area"),
    ("list_items", "workstream_seq"),
    ("projects", "workstream_seq"),
];

fn sql_type(k: Kind) -> &'static str {
    match k {
        Kind::Text => "TEXT",
        Kind::Int | Kind::Bool => "INTEGER",
        Kind::Money => "NUMERIC",
        Kind::Real => "REAL",
    }
}

/// The `CREATE TABLE` statement of a table (what README documents).
pub fn create_sql(t: &TableDef) -> String {
    let cols: Vec<String> = t
        .columns
        .iter()
        .map(|(name, kind)| match (t.name, *name) {
            ("documents", "sha256") => "sha256 TEXT PRIMARY KEY".to_string(),
            (_, "sha256") => {
                "sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE".to_string()
            }
            _ => format!("\"{name}\" {}", sql_type(*kind)),
        })
        .collect();
    format!("CREATE TABLE IF NOT EXISTS {} (\n  {}\n)", t.name, cols.join(",\n  "))
}

/// The whole schema: tables, then indexes.
pub fn schema_sql() -> String {
    let mut s: Vec<String> = TABLES.iter().map(|t| format!("{};", create_sql(t))).collect();
    for t in TABLES.iter().filter(|t| t.name != "documents") {
        s.push(format!("CREATE INDEX IF NOT EXISTS {0}_sha256 ON {0}(sha256);", t.name));
    }
    for (t, c) in INDEXES {
        s.push(format!("CREATE INDEX IF NOT EXISTS {t}_{c} ON {t}(\"{c}\");"));
    }
    s.join("\n")
}

impl ToSql for Cell {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, Value};
        Ok(ToSqlOutput::Owned(match self {
            Cell::Null => Value::Null,
            Cell::Text(s) => Value::Text(s.clone()),
            Cell::Int(i) => Value::Integer(*i),
            Cell::Bool(b) => Value::Integer(i64::from(*b)),
            Cell::Real(f) => Value::Real(*f),
            // Whole pounds stay exact integers; pence go in as the nearest double.
            Cell::Money(d) => {
                let d = d.normalize();
                match i64::try_from(d) {
                    Ok(i) if d.scale() == 0 => Value::Integer(i),
                    _ => d.to_string().parse::<f64>().map_or(Value::Null, Value::Real),
                }
            }
        }))
    }
}

/// Adds the columns an existing table lacks (a database written by an earlier version); a
/// table that does not exist yet is created whole by [`schema_sql`]. Returns the columns added
/// as `table.column`.
///
/// # Errors
/// `SqliteError` when the table cannot be read or altered.
pub fn migrate(conn: &Connection) -> Result<Vec<String>, SqliteError> {
    let mut added = Vec::new();
    for t in TABLES {
        let mut stmt = conn.prepare(&format!("PRAGMA table_info({})", t.name))?;
        let have: Vec<String> = stmt.query_map([], |r| r.get::<_, String>(1))?.collect::<Result<_, _>>()?;
        if have.is_empty() {
            continue;
        }
        for (name, kind) in t.columns.iter().filter(|(n, _)| !have.iter().any(|h| h == n)) {
            conn.execute_batch(&format!("ALTER TABLE {} ADD COLUMN \"{name}\" {}", t.name, sql_type(*kind)))?;
            added.push(format!("{}.{name}", t.name));
        }
    }
    Ok(added)
}

/// Writes every output into the database at `path` (created if missing, migrated if written by
/// an earlier version), one transaction per document, replacing that document's earlier rows.
/// A `not_found` failure has no sha256 and is not written. Returns how many documents were written.
///
/// # Errors
/// `SqliteError` when the file cannot be opened or a statement fails; documents committed
/// before the failure stay.
pub fn write(path: &Path, outputs: &[Output]) -> Result<usize, SqliteError> {
    let mut conn = Connection::open(path)?;
    conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    migrate(&conn)?;
    conn.execute_batch(&schema_sql())?;
    let inserts: Vec<String> = TABLES
        .iter()
        .map(|t| {
            let names: Vec<String> = t.column_names().map(|n| format!("\"{n}\"")).collect();
            let marks = vec!["?"; names.len()].join(", ");
            format!("INSERT INTO {} ({}) VALUES ({marks})", t.name, names.join(", "))
        })
        .collect();
    let mut written = 0;
    for flat in outputs.iter().filter_map(flatten) {
        let tx = conn.transaction()?;
        // Children first, then the document itself.
        for t in TABLES.iter().rev() {
            tx.execute(&format!("DELETE FROM {} WHERE sha256 = ?1", t.name), [&flat.sha256])?;
        }
        for ((rows, sql), _) in flat.rows.iter().zip(&inserts).zip(TABLES) {
            let mut stmt = tx.prepare_cached(sql)?;
            for row in rows {
                stmt.execute(params_from_iter(row.iter()))?;
            }
        }
        tx.commit()?;
        written += 1;
    }
    Ok(written)
}
