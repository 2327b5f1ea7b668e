//! Rule-based extractors, one file each, listed once in [`REGISTRY`].
//!
//! Each extractor reads the layout and sections through a [`Context`] and appends records to the
//! [`Extraction`]; what it noticed but could not settle goes to `warnings`.

mod action_tracker;
mod agenda;
pub mod common;
mod meeting;
mod minute_actions;
mod minutes;
mod ofsted;
mod progress;
mod resolutions;
mod savings;
mod work_programme;

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::contract::{DocumentType, Extraction, Provenance, Section, SectionKind, Warning, WarningCode};
use crate::layout::{BBox, Layout, Page};

/// What every extractor reads.
pub struct Context<'a> {
    pub layout: &'a Layout,
    pub sections: &'a [Section],
    pub document_type: DocumentType,
}

impl<'a> Context<'a> {
    /// Sections of `kind`, in page order.
    pub fn sections_of(&self, kind: SectionKind) -> impl Iterator<Item = &'a Section> + '_ {
        self.sections.iter().filter(move |s| s.kind == kind)
    }

    /// The pages of a section.
    pub fn pages_of(&self, s: &Section) -> &'a [Page] {
        let first = (s.first_page.max(1) - 1) as usize;
        let last = (s.last_page as usize).min(self.layout.pages.len());
        self.layout.pages.get(first..last).unwrap_or(&[])
    }

    /// The section a physical page lies in.
    pub fn section_at(&self, page: u32) -> Option<&'a Section> {
        self.sections.iter().find(|s| s.first_page <= page && page <= s.last_page)
    }
}

/// Provenance of something read at `bbox` on physical page `page`.
pub fn provenance(page: u32, bbox: &BBox) -> Provenance {
    let b = if bbox.x0.is_finite() { bbox.to_array() } else { [0.0; 4] };
    Provenance { page, bbox: b }
}

/// An extractor: reads the context, appends to the extraction.
pub type ExtractFn = fn(&Context, &mut Extraction);

/// Every extractor, in the order they run. Adding one is one line here.
pub static REGISTRY: &[(&str, ExtractFn)] = &[
    ("meeting", meeting::extract),
    ("agenda", agenda::extract),
    ("minutes", minutes::extract),
    ("minute_actions", minute_actions::extract),
    ("work_programme", work_programme::extract),
    ("action_tracker", action_tracker::extract),
    ("savings", savings::extract),
    ("ofsted", ofsted::extract),
    ("progress", progress::extract),
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
