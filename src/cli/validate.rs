//! `councilpdf validate`: check JSON files against the contract.

use anyhow::Context as _;

use super::args::ValidateArgs;

pub fn run(args: ValidateArgs) -> anyhow::Result<u8> {
    let mut bad = 0;
    for f in &args.files {
        let text = std::fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?;
        // One object (possibly pretty-printed), or NDJSON.
        let values: Vec<serde_json::Value> = match serde_json::from_str(&text) {
            Ok(v) => vec![v],
            Err(_) => text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(serde_json::from_str)
                .collect::<Result<_, _>>()
                .with_context(|| format!("{} is not JSON", f.display()))?,
        };
        for (i, v) in values.iter().enumerate() {
            match councilpdf::contract::validate(v) {
                Ok(()) => println!("{}#{}: valid", f.display(), i + 1),
                Err(e) => {
                    bad += 1;
                    println!("{}#{}: INVALID: {e}", f.display(), i + 1);
                    // Every violation (up to the validator's cap), so one run shows all that is wrong.
                    if let councilpdf::contract::SchemaError::Invalid(all) = &e {
                        for v in all.iter().skip(1) {
                            println!("    {v}");
                        }
                    }
                }
            }
        }
    }
    Ok(if bad > 0 { 1 } else { 0 })
}
