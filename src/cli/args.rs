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
    /// Internal: the worker process of `extract`'s pool.
    #[command(hide = true)]
    Worker(WorkerArgs),
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// PDF files, or folders to search for *.pdf.
    #[arg(required_unless_present = "list")]
    pub paths: Vec<PathBuf>,
    /// Read input paths from FILE, one a line (`-` for stdin), after any given as arguments.
    #[arg(long, value_name = "FILE")]
    pub list: Option<PathBuf>,
    /// Write DIR/<stem>.json for each input instead of printing (atomically; re-runs skip
    /// inputs already converted with the same sha256 and tool version).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// With --out: convert again even when an output for the same input exists.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub pool: PoolArgs,
    /// Write a JSON run report to FILE: every input's status, error and warning count.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Pretty-print JSON (one file on stdout only).
    #[arg(long)]
    pub pretty: bool,
}

/// The worker pool's limits, the same for every command that converts PDFs.
#[derive(Debug, Args)]
pub struct PoolArgs {
    /// Worker processes converting in parallel [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub jobs: Option<u32>,
    /// Seconds one file may take before its worker is stopped (`timeout` error).
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0, value_parser = positive_seconds)]
    pub timeout: f64,
    /// Memory one worker may use, e.g. 1.5G or 500M (`too_large` error past it).
    #[arg(long, value_name = "SIZE", default_value = "1.5G", value_parser = councilpdf::batch::parse_size)]
    pub max_memory: u64,
}

fn positive_seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err(format!("not a positive number of seconds: {s:?}")),
    }
}

#[derive(Debug, Args)]
pub struct WorkerArgs {
    /// Address-space limit in bytes, set on this process at start.
    #[arg(long)]
    pub max_memory: Option<u64>,
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
    #[command(flatten)]
    pub pool: PoolArgs,
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
    #[command(flatten)]
    pub pool: PoolArgs,
}
