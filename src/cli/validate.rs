//! `councilpdf validate`: check JSON files (or standard input, or folders of them) against the
//! contract, reporting every file and every object in it.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::args::ValidateArgs;
use super::plural;

/// `-`: the JSON is read from standard input.
const STDIN: &str = "-";

pub fn run(args: ValidateArgs) -> anyhow::Result<u8> {
    let mut files: Vec<PathBuf> = Vec::new();
    for f in &args.files {
        if f.is_dir() {
            let found = councilpdf::inputs::files_under(f, &councilpdf::export::is_json);
            if found.is_empty() {
                println!("{}: no JSON files in this folder", f.display());
            }
            files.extend(found);
        } else {
            files.push(f.clone());
        }
    }
    let (mut valid, mut bad) = (0usize, 0usize);
    for f in &files {
        let (v, b) = validate_file(f);
        valid += v;
        bad += b;
    }
    eprintln!("councilpdf: {}: {valid} valid, {bad} invalid", plural(files.len(), "file", "files"));
    Ok(if bad > 0 { 1 } else { 0 })
}

/// Validates one file, printing a line per object; returns (valid, invalid) objects, where a
/// file that cannot be read or is not JSON counts as one invalid.
fn validate_file(f: &Path) -> (usize, usize) {
    let name = f.display();
    let bytes = if f.as_os_str() == STDIN {
        let mut b = Vec::new();
        std::io::stdin().lock().read_to_end(&mut b).map(|_| b)
    } else {
        std::fs::read(f)
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            println!("{name}: INVALID: cannot read: {e}");
            return (0, 1);
        }
    };
    if bytes.starts_with(b"%PDF") {
        println!("{name}: INVALID: not JSON (is this a PDF? use extract)");
        return (0, 1);
    }
    let text = String::from_utf8_lossy(&bytes);
    // One object (possibly pretty-printed), or NDJSON.
    let values: Vec<serde_json::Value> = match serde_json::from_str(&text) {
        Ok(v) => vec![v],
        Err(_) => {
            let lines: Result<Vec<_>, _> =
                text.lines().filter(|l| !l.trim().is_empty()).map(serde_json::from_str).collect();
            match lines {
                Ok(v) => v,
                Err(e) => {
                    println!("{name}: INVALID: not JSON ({e})");
                    return (0, 1);
                }
            }
        }
    };
    let mut bad = 0;
    for (i, v) in values.iter().enumerate() {
        match councilpdf::contract::validate(v) {
            Ok(()) => println!("{name}#{}: valid", i + 1),
            Err(e) => {
                bad += 1;
                println!("{name}#{}: INVALID: {e}", i + 1);
                // Every violation (up to the validator's cap), so one run shows all that is wrong.
                if let councilpdf::contract::SchemaError::Invalid(all) = &e {
                    for v in all.iter().skip(1) {
                        println!("    {v}");
                    }
                }
            }
        }
    }
    (values.len() - bad, bad)
}
