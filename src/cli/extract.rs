//! `councilpdf extract`: convert PDFs to JSON.

use anyhow::Context as _;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::args::ExtractArgs;
use councilpdf::contract::Output;

/// Expands folders into their `*.pdf` files (sorted), keeping files as given.
pub fn expand_inputs(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found, 0);
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > 32 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out, depth + 1);
        } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")) {
            out.push(p);
        }
    }
}

/// Converts one path: a file that cannot be read becomes an error object too.
pub fn convert_path(path: &Path) -> Output {
    let name = path.to_string_lossy();
    match std::fs::read(path) {
        Ok(bytes) => councilpdf::convert(&name, &bytes, &Default::default()),
        Err(e) => councilpdf::failure(councilpdf::source_of(&name, &[]), councilpdf::contract::ErrorCode::Malformed, format!("cannot read file: {e}")),
    }
}

pub fn run(args: ExtractArgs) -> anyhow::Result<u8> {
    let inputs = expand_inputs(&args.paths);
    if inputs.is_empty() {
        anyhow::bail!("no PDF files found in the given paths");
    }
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let outputs: Vec<(PathBuf, serde_json::Value, Option<String>)> = inputs
        .par_iter()
        .map(|p| {
            let out = convert_path(p);
            let err = match &out {
                Output::Failed(f) => Some(format!("{}: {}", f.error.code.as_str(), f.error.message)),
                Output::Ok(_) => None,
            };
            (p.clone(), councilpdf::emit::to_checked_json(&out), err)
        })
        .collect();
    let mut failed = 0;
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    for (path, value, err) in &outputs {
        if let Some(e) = err {
            failed += 1;
            eprintln!("{}: {e}", path.display());
        }
        match &args.out {
            Some(dir) => {
                let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
                let target = dir.join(format!("{stem}.json"));
                let tmp = dir.join(format!(".{stem}.json.tmp"));
                std::fs::write(&tmp, serde_json::to_vec_pretty(value)?).with_context(|| format!("cannot write {}", tmp.display()))?;
                std::fs::rename(&tmp, &target).with_context(|| format!("cannot write {}", target.display()))?;
            }
            None => {
                let text = if args.pretty && outputs.len() == 1 { serde_json::to_string_pretty(value)? } else { serde_json::to_string(value)? };
                writeln!(lock, "{text}")?;
            }
        }
    }
    Ok(if failed > 0 { 1 } else { 0 })
}
