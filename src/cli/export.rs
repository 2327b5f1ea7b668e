//! `councilpdf export` (CSV or SQLite tables) and `councilpdf schema`.

use anyhow::Context as _;

use super::args::{ExportArgs, ExportFormat};
use super::error_chain;
use councilpdf::{batch, export};

pub fn run(args: ExportArgs) -> anyhow::Result<u8> {
    if let Some(missing) = args.inputs.iter().find(|p| !p.exists()) {
        anyhow::bail!("{} does not exist", missing.display());
    }
    // PDFs are converted in the worker pool, under the same time and memory limits as `extract`.
    let config = super::extract::pool_config(&args.pool)?;
    let loaded = export::load_with(&args.inputs, |pdfs| {
        batch::convert_all(&config, pdfs)
            .into_iter()
            .zip(pdfs)
            .map(|(v, p)| {
                serde_json::from_value(v).unwrap_or_else(|e| {
                    councilpdf::failure(
                        councilpdf::source_of_path(p),
                        councilpdf::contract::ErrorCode::Internal,
                        format!("the worker's answer is not an output: {e}"),
                    )
                })
            })
            .collect()
    });
    if loaded.outputs.is_empty() && loaded.errors.is_empty() {
        anyhow::bail!("no PDF or JSON files found in the given paths");
    }
    for e in &loaded.errors {
        eprintln!("{}", error_chain(e));
    }
    for d in &loaded.duplicates {
        eprintln!("{d}: same file (sha256) as an earlier input; exported once");
    }
    let failed: Vec<_> =
        loaded.outputs.iter().filter_map(|o| o.error_code().map(|c| (o.source().file.clone(), c))).collect();
    for (file, code) in &failed {
        eprintln!("{file}: {} (recorded in documents with its error code)", code.as_str());
    }
    match args.format {
        ExportFormat::Csv => {
            let files = export::csv::write(&args.out, &loaded.outputs, args.excel)
                .map_err(|e| anyhow::anyhow!(error_chain(&e)))?;
            eprintln!(
                "{} document(s) → {} CSV files in {}",
                loaded.outputs.len(),
                files.len(),
                args.out.display()
            );
        }
        ExportFormat::Sqlite => {
            let n = export::sqlite::write(&args.out, &loaded.outputs)
                .map_err(|e| anyhow::anyhow!(error_chain(&e)))
                .with_context(|| format!("database {}", args.out.display()))?;
            eprintln!("{n} document(s) → {}", args.out.display());
        }
    }
    Ok(if failed.is_empty() && loaded.errors.is_empty() { 0 } else { 1 })
}

/// `councilpdf schema`: the contract's JSON Schema on stdout.
pub fn schema() -> anyhow::Result<u8> {
    println!("{}", serde_json::to_string_pretty(&councilpdf::contract::schema_json())?);
    Ok(0)
}
