//! CSV export: one RFC 4180 file per table, header row first, columns in [`TABLES`] order.

use std::path::{Path, PathBuf};

use super::tables::{flatten, TABLES};
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
}

/// Writes `DIR/<table>.csv` for every table (empty tables get their header row), replacing
/// files of the same name. `excel` starts each file with a UTF-8 byte order mark.
///
/// # Errors
/// `CsvError` when the folder or a file cannot be written.
pub fn write(dir: &Path, outputs: &[Output], excel: bool) -> Result<Vec<PathBuf>, CsvError> {
    std::fs::create_dir_all(dir).map_err(|source| CsvError::Io { path: dir.to_path_buf(), source })?;
    let flats: Vec<_> = outputs.iter().map(flatten).collect();
    let mut written = Vec::new();
    for (i, table) in TABLES.iter().enumerate() {
        let path = dir.join(format!("{}.csv", table.name));
        let tmp = dir.join(format!(".{}.csv.tmp", table.name));
        let io = |source: std::io::Error| CsvError::Io { path: path.clone(), source };
        let mut file = std::fs::File::create(&tmp).map_err(io)?;
        if excel {
            std::io::Write::write_all(&mut file, "\u{feff}".as_bytes()).map_err(io)?;
        }
        let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(file);
        let cerr = |source: ::csv::Error| CsvError::Csv { path: path.clone(), source };
        w.write_record(table.column_names()).map_err(cerr)?;
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
