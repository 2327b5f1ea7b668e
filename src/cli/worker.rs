//! `councilpdf worker` (hidden): the process the batch pool runs. The protocol and its limits
//! are the library's ([`councilpdf::batch::serve_worker`]), shared with Python's
//! `councilpdf._worker`.

use super::args::WorkerArgs;

pub fn run(args: WorkerArgs) -> anyhow::Result<u8> {
    councilpdf::batch::serve_worker(args.max_memory, std::io::stdin().lock(), std::io::stdout().lock())?;
    Ok(0)
}
