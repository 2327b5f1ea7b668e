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
