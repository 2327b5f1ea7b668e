//! `councilpdf export` (CSV or SQLite tables) and `councilpdf schema`.

use anyhow::Context as _;

use super::args::{ExportArgs, ExportFormat};
use super::error_chain;
use councilpdf::contract::ErrorCode;
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
            .map(|(v, (p, given))| {
                serde_json::from_value(v).unwrap_or_else(|e| {
                    councilpdf::failure(
                        councilpdf::source_of_path(p, given),
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
        loaded.outputs.iter().filter_map(|o| o.error_code().map(|c| (o.source(), c))).collect();
    let mut not_found = 0;
    for (src, code) in &failed {
        if *code == ErrorCode::NotFound {
            not_found += 1;
            let path = src.path.as_deref().unwrap_or(&src.file);
            eprintln!("{path}: not_found (the file did not exist when extracted; no documents row)");
        } else {
            eprintln!("{}: {} (recorded in documents with its error code)", src.file, code.as_str());
        }
    }
    let documents = loaded.outputs.len() - not_found;
    let missing = if not_found > 0 { format!(", {not_found} not_found not written") } else { String::new() };
    match args.format {
        ExportFormat::Csv => {
            let files = export::csv::write(&args.out, &loaded.outputs, args.excel)
                .map_err(|e| anyhow::anyhow!(error_chain(&e)))?;
            eprintln!(
                "{documents} document(s){missing} → {} CSV files in {}",
                files.len(),
                args.out.display()
            );
        }
        ExportFormat::Sqlite => {
            let n = export::sqlite::write(&args.out, &loaded.outputs)
                .map_err(|e| anyhow::anyhow!(error_chain(&e)))
                .with_context(|| format!("database {}", args.out.display()))?;
            eprintln!("{n} document(s){missing} → {}", args.out.display());
        }
    }
    Ok(if failed.is_empty() && loaded.errors.is_empty() { 0 } else { 1 })
}

/// `councilpdf schema`: the contract's JSON Schema on stdout.
pub fn schema() -> anyhow::Result<u8> {
    println!("{}", serde_json::to_string_pretty(&councilpdf::contract::schema_json())?);
    Ok(0)
}
