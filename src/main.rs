//! The `councilpdf` binary: parses arguments and dispatches to one file per subcommand.
#![forbid(unsafe_code)]

mod cli;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc: the PDF layer makes millions of small allocations (content operands, glyph
/// strings); it cut CPU time by about a fifth on a 572-page pack (see README, Benchmark).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // pdf-extract panics on some fonts; those panics are caught per page and reported as
    // warnings, so the default hook's stderr noise would only mislead.
    std::panic::set_hook(Box::new(|_| {}));
    let args = match cli::args::Cli::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("councilpdf: {e:#}");
            ExitCode::from(2)
        }
    }
}
