//! Rule-based extractors, one file or folder per record type, listed once in [`REGISTRY`]; what
//! they share lives in the reading kit, [`read`].
//!
//! Each extractor reads the layout and sections through a [`Context`] and appends records to the
//! [`Extraction`]; what it noticed but could not settle goes to `warnings`.

mod actions;
mod agenda;
mod authority;
mod context;
mod meeting;
mod minutes;
pub(crate) mod ofsted;
mod progress;
pub mod read;
mod savings;
mod work_programme;

use std::panic::{catch_unwind, AssertUnwindSafe};

pub use context::{provenance, Context};
pub use savings::{table_units, TableUnit};

use crate::contract::{Extraction, Warning, WarningCode};

/// An extractor: reads the context, appends to the extraction.
pub type ExtractFn = fn(&Context, &mut Extraction);

/// Every extractor, in the order they run. Adding one is one line here.
pub static REGISTRY: &[(&str, ExtractFn)] = &[
    ("meeting", meeting::extract),
    ("agenda", agenda::extract),
    ("minutes", minutes::extract),
    ("minute_actions", actions::minutes::extract),
    ("work_programme", work_programme::extract),
    ("action_tracker", actions::tracker::extract),
    ("savings", savings::extract),
    ("ofsted", ofsted::extract),
    ("progress", progress::extract),
    // Last: it reads the meeting and inspection dates the extractors above filled.
    ("authority", authority::extract),
];

/// Runs every registered extractor; one that fails leaves a warning and the rest still run.
pub fn run_all(ctx: &Context, out: &mut Extraction) {
    for (name, f) in REGISTRY {
        let result = catch_unwind(AssertUnwindSafe(|| f(ctx, out)));
        if result.is_err() {
            out.warnings.push(Warning::new(
                WarningCode::ExtractorFailed,
                format!("the {name} extractor failed on this file; its records are missing"),
                None,
            ));
        }
    }
}
