//! Fuzz target for small inputs (run with `-max_len=65536`): the PDF layer alone — load, the
//! repair pass (form cycles, nesting, budgets, CMaps, filter chains) and the page walk — so
//! each execution is cheap and the fuzzer spends its time on hostile structure, not on layout.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // pdf-extract's panics are caught per page on purpose; see convert.rs.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    // Ok or an error: both are answers. A panic that escapes, an abort, a stack overflow or a
    // hang (-timeout) is a finding.
    let _ = councilpdf::pdf::read(data, &Default::default());
});
