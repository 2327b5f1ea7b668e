//! CSV export: one RFC 4180 file per table, header row first, columns in [`TABLES`] order;
//! exporting into a folder that holds tables already adds to them (see [`write`]).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::tables::{flatten, TableDef, TABLES};
use crate::contract::Output;

/// Why the CSV files could not be written.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// The output folder or a file in it could not be written.
    #[error("cannot write {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The CSV writer failed.
    #[error("cannot write {path}")]
    Csv {
        path: PathBuf,
        #[source]
        source: ::csv::Error,
    },
    /// A file of a table's name in the folder has no `sha256` column: not a table this tool wrote.
    #[error("{path} is not a councilpdf table (no sha256 column); move it or choose another folder")]
    Foreign { path: PathBuf },
}

/// Writes `DIR/<table>.csv` for every table (empty tables get their header row). A folder that
/// already holds tables keeps the rows of documents not exported now and loses those of the
/// documents exported again (matched by sha256), as SQLite does; a table written by an earlier
/// version is rewritten with the current header, its rows' new columns empty. `excel` starts
/// each file with a UTF-8 byte order mark.
///
/// # Errors
/// `CsvError` when the folder or a file cannot be read or written, or an existing file is not
/// a table this tool wrote (no `sha256` column).
pub fn write(dir: &Path, outputs: &[Output], excel: bool) -> Result<Vec<PathBuf>, CsvError> {
    std::fs::create_dir_all(dir).map_err(|source| CsvError::Io { path: dir.to_path_buf(), source })?;
    let flats: Vec<_> = outputs.iter().filter_map(flatten).collect();
    let replaced: HashSet<&str> = flats.iter().map(|f| f.sha256.as_str()).collect();
    let mut written = Vec::new();
    for (i, table) in TABLES.iter().enumerate() {
        let path = dir.join(format!("{}.csv", table.name));
        let kept = existing_rows(&path, table, &replaced)?;
        let tmp = dir.join(format!(".{}.csv.tmp", table.name));
        let io = |source: std::io::Error| CsvError::Io { path: path.clone(), source };
        let mut file = std::fs::File::create(&tmp).map_err(io)?;
        if excel {
            std::io::Write::write_all(&mut file, "\u{feff}".as_bytes()).map_err(io)?;
        }
        let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(file);
        let cerr = |source: ::csv::Error| CsvError::Csv { path: path.clone(), source };
        w.write_record(table.column_names()).map_err(cerr)?;
        for row in &kept {
            w.write_record(row).map_err(cerr)?;
        }
        for flat in &flats {
            for row in flat.rows.get(i).map_or(&[][..], Vec::as_slice) {
                w.write_record(row.iter().map(|c| c.to_csv())).map_err(cerr)?;
            }
        }
        w.flush().map_err(io)?;
        drop(w);
        std::fs::rename(&tmp, &path).map_err(io)?;
        written.push(path);
    }
    Ok(written)
}

/// The rows of an existing `path` to keep (those of documents not in `replaced`), each laid
/// out in `table`'s current columns: a column the file lacks is empty, one it has that the
/// table no longer lists is dropped. Nothing when the file does not exist.
fn existing_rows(
    path: &Path,
    table: &TableDef,
    replaced: &HashSet<&str>,
) -> Result<Vec<Vec<String>>, CsvError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
        Err(source) => return Err(CsvError::Io { path: path.to_path_buf(), source }),
    };
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let cerr = |source: ::csv::Error| CsvError::Csv { path: path.to_path_buf(), source };
    let mut r = ::csv::ReaderBuilder::new().flexible(true).from_reader(text);
    let header: Vec<String> = r.headers().map_err(cerr)?.iter().map(String::from).collect();
    let Some(key) = header.iter().position(|h| h == "sha256") else {
        return Err(CsvError::Foreign { path: path.to_path_buf() });
    };
    let at: Vec<Option<usize>> = table.column_names().map(|c| header.iter().position(|h| h == c)).collect();
    let mut rows = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(cerr)?;
        if rec.get(key).is_some_and(|k| replaced.contains(k)) {
            continue;
        }
        rows.push(at.iter().map(|i| i.and_then(|i| rec.get(i)).unwrap_or("").to_string()).collect());
    }
    Ok(rows)
}
