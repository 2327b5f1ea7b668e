//! `councilpdf check`: compare fixture PDFs with their expected files; `--bless` updates them.

use super::args::CheckArgs;
use super::error_chain;
use councilpdf::batch;
use councilpdf::check::{self, DiffOptions, Outcome, TOP_LEVEL_FIELDS};
use councilpdf::contract::SCHEMA_VERSION;

pub fn run(args: CheckArgs) -> anyhow::Result<u8> {
    if args.bless && check::in_ci() {
        anyhow::bail!("refusing to bless under CI (the CI variable is set): expected files are reviewed and blessed by hand, then committed");
    }
    if let Some(only) = &args.only {
        if let Some(bad) = only.iter().find(|o| !TOP_LEVEL_FIELDS.contains(&o.as_str())) {
            anyhow::bail!("--only: unknown field `{bad}`; known: {}", TOP_LEVEL_FIELDS.join(", "));
        }
    }
    if let Some(missing) = args.paths.iter().find(|p| !p.exists()) {
        anyhow::bail!("{} does not exist", missing.display());
    }
    let opts = DiffOptions { only: args.only.clone() };
    let found = check::find_fixtures(&args.paths);

    // A PDF without an expected file is only converted when blessing.
    let (todo, skip): (Vec<_>, Vec<_>) = found.fixtures.iter().partition(|f| args.bless || f.has_expected());
    for f in &skip {
        println!(
            "{}: skipped, no expected file (`councilpdf check --bless` writes {})",
            f.name,
            f.expected.display()
        );
    }
    let skipped = skip.len();

    // Convert in the worker pool (a hostile fixture costs its own result, never the run); report
    // in name order so the output is the same on every run.
    let pdfs: Vec<(std::path::PathBuf, String)> = todo.iter().map(|f| (f.pdf.clone(), f.given())).collect();
    let outputs = batch::convert_all(&super::extract::pool_config(&args.pool)?, &pdfs);
    let mut results: Vec<(String, Result<Outcome, check::CheckError>)> =
        todo.iter().zip(outputs).map(|(f, got)| (f.name.clone(), check::compare(f, got, &opts))).collect();
    results.sort_by(|a, b| a.0.cmp(&b.0));

    let (mut passed, mut failed, mut blessed) = (0usize, 0usize, 0usize);
    for (name, result) in results {
        let outcome = match result {
            Ok(o) => o,
            Err(e) => {
                failed += 1;
                println!("{name}: {}", error_chain(&e));
                continue;
            }
        };
        for d in &outcome.differences {
            println!("{name}: {d}");
        }
        if !args.bless {
            if let Some(old) = &outcome.upgraded_from {
                println!("note: {name}: expected file is contract {old}, read as {SCHEMA_VERSION} (its new fields null or empty)");
            }
            if outcome.differences.is_empty() {
                passed += 1;
            } else {
                failed += 1;
            }
            continue;
        }
        if outcome.expected.is_some() && outcome.differences.is_empty() && outcome.upgraded_from.is_none() {
            passed += 1;
            continue;
        }
        match check::write_expected(&outcome.fixture.expected, &check::blessed(&outcome, &opts)) {
            Ok(()) => {
                blessed += 1;
                passed += 1;
                let what = if outcome.expected.is_none() {
                    "new expected file".to_string()
                } else if let Some(old) =
                    outcome.upgraded_from.as_deref().filter(|_| outcome.differences.is_empty())
                {
                    format!("rewritten from contract {old} to {SCHEMA_VERSION}, nothing else changed")
                } else {
                    format!("{} difference(s) blessed", outcome.differences.len())
                };
                println!("{name}: {what}: {}", outcome.fixture.expected.display());
            }
            Err(e) => {
                failed += 1;
                println!("{name}: {}", error_chain(&e));
            }
        }
    }
    for orphan in &found.orphans {
        failed += 1;
        println!("{}: expected file without a PDF beside it", orphan.display());
    }
    if skipped > 0 {
        println!("{skipped} skipped without an expected file");
    }
    if blessed > 0 {
        println!(
            "{blessed} expected file(s) written; read the differences against the PDFs before committing"
        );
    }
    println!("{passed} passed, {failed} failed");
    Ok(if failed > 0 { 1 } else { 0 })
}
