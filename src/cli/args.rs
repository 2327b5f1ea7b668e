//! Every command-line argument, in one place.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Turns published UK council papers into validated JSON.
#[derive(Debug, Parser)]
#[command(name = "councilpdf", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert PDFs to JSON: one object for one file, NDJSON for several, or files with --out.
    Extract(ExtractArgs),
    /// Check JSON files against the contract's schema.
    Validate(ValidateArgs),
    /// Show the lines, blocks and tables found on a file's pages, with coordinates.
    Layout(LayoutArgs),
    /// Compare each fixture PDF with its NAME.expected.json and list every changed field.
    Check(CheckArgs),
    /// Flatten outputs into CSV files or a SQLite database, one table per record type.
    Export(ExportArgs),
    /// Print the JSON Schema of the output contract.
    Schema,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// PDF files, or folders to search for *.pdf.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Write DIR/<stem>.json for each input instead of printing.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Pretty-print JSON (one file on stdout only).
    #[arg(long)]
    pub pretty: bool,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// JSON files (one object, or NDJSON).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LayoutArgs {
    /// The PDF to show.
    pub file: PathBuf,
    /// Only this physical page (1-based).
    #[arg(long)]
    pub page: Option<u32>,
    /// Print the layout as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Fixture folders (searched recursively for NAME.pdf beside NAME.expected.json) or PDFs.
    #[arg(default_value = "fixtures")]
    pub paths: Vec<PathBuf>,
    /// Compare only these top-level fields, e.g. `savings,judgements` (`error` always counts).
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    pub only: Option<Vec<String>>,
    /// Write or update the expected files, printing what changed (refused when CI is set).
    #[arg(long)]
    pub bless: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One RFC 4180 file per table in the --out folder.
    Csv,
    /// One SQLite database file holding every table.
    Sqlite,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// PDFs (extracted on the way), JSON written by `extract` (an object or NDJSON), or folders of either.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// The folder for CSV files, or the database file for SQLite.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Start each CSV file with a UTF-8 byte order mark, so Excel shows £ and – correctly.
    #[arg(long)]
    pub excel: bool,
}
