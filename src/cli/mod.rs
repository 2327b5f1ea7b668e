//! Subcommands, one file each.

pub mod args;
mod check;
mod export;
mod extract;
mod layout;
mod validate;
mod worker;

use args::{Cli, Command};

/// Runs a subcommand; the returned code is the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Validate(a) => validate::run(a),
        Command::Layout(a) => layout::run(a),
        Command::Check(a) => check::run(a),
        Command::Export(a) => export::run(a),
        Command::Schema => export::schema(),
        Command::Worker(a) => worker::run(a),
    }
}

pub(crate) use councilpdf::error_chain;

/// `1 file`, `2 files`: counts in messages agree with their noun.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}
