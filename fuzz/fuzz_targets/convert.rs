//! Fuzz target: any bytes through the library entry point give one contract object (a result
//! or an error with a code) and never a panic, abort or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys aborts on any panic, even one the library catches on purpose (pdf-extract
    // panics on some fonts; `convert` turns that into a warning). A silent hook, as in main.rs,
    // keeps those from counting; a panic that escapes `convert` still aborts.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let out = councilpdf::convert("fuzz.pdf", data, &Default::default());
    // The JSON must be produced and must pass the contract check (else `emit` substitutes an
    // `internal` error object, which is itself a finding).
    let v = councilpdf::emit::to_checked_json(&out);
    assert!(v.get("schema_version").is_some());
});
