//! councilpdf: published UK council papers → validated JSON.
//!
//! Steps, each a module:
//! 1. [`pdf`] reads bytes into positioned glyphs, rules and fills per page;
//! 2. [`layout`] builds words, lines, tables, page stamps, reading order and blocks;
//! 3. [`segment`] splits a pack into sections and names the document type;
//! 4. [`extract`] runs every registered extractor over the sections;
//! 5. [`contract`] holds the output types; [`emit`] validates every object before it is written.
//!
//! [`convert`] runs them in order for one file; [`batch`] runs many files in worker processes,
//! each under a time and memory limit.
//!
//! # Limitations
//! - No OCR: a scanned page gives a `no_text_layer` warning and nothing else.
//! - Text shown with the `'` and `"` operators is not read (pdf-extract skips them).
//! - Glyph boxes use a fixed ascent/descent (0.8/0.2 of the font size), not the font's own.
#![forbid(unsafe_code)]

pub mod batch;
pub mod check;
pub mod contract;
pub mod emit;
pub mod export;
pub mod extract;
pub mod inputs;
pub mod layout;
pub mod pdf;
pub mod segment;

use sha2::{Digest, Sha256};
use std::panic::{catch_unwind, AssertUnwindSafe};

use contract::{
    ErrorCode, ErrorObject, Extraction, Failure, Output, Source, Tool, Warning, WarningCode, SCHEMA_VERSION,
};

/// Options for one conversion.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub limits: pdf::Limits,
}

/// The source facts of a file, before it is read.
pub fn source_of(file_name: &str, bytes: &[u8]) -> Source {
    let name = std::path::Path::new(file_name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file_name.to_string());
    Source {
        file: name,
        sha256: format!("{:x}", Sha256::digest(bytes)),
        bytes: bytes.len() as u64,
        pages: None,
        producer: None,
        title: None,
    }
}

/// The error object for a file that could not be read.
pub fn failure(source: Source, code: ErrorCode, message: impl Into<String>) -> Output {
    Output::Failed(Failure {
        schema_version: SCHEMA_VERSION.into(),
        tool: Tool::this(),
        source,
        error: ErrorObject { code, message: message.into() },
    })
}

/// Converts one file's bytes. Never panics: unreadable input gives an error object.
///
/// # Example
/// ```
/// let out = councilpdf::convert("notes.pdf", b"<html>not a pdf</html>", &Default::default());
/// assert_eq!(out.error_code(), Some(councilpdf::contract::ErrorCode::NotPdf));
/// ```
pub fn convert(file_name: &str, bytes: &[u8], options: &Options) -> Output {
    let source = source_of(file_name, bytes);
    match catch_unwind(AssertUnwindSafe(|| convert_inner(source.clone(), bytes, options))) {
        Ok(out) => out,
        Err(_) => failure(source, ErrorCode::Internal, "internal error while converting this file"),
    }
}

fn convert_inner(mut source: Source, bytes: &[u8], options: &Options) -> Output {
    // 1. PDF layer.
    // The first layout steps run on each page as it is read, so its glyphs can go at once.
    let (info, staged) = match pdf::read_with(bytes, &options.limits, layout::stage) {
        Ok(read) => read,
        Err(e) => {
            let code = match e {
                pdf::PdfError::NotPdf(_) => ErrorCode::NotPdf,
                pdf::PdfError::Encrypted => ErrorCode::Encrypted,
                pdf::PdfError::TooLarge(..) => ErrorCode::TooLarge,
                pdf::PdfError::Malformed(_) => ErrorCode::Malformed,
            };
            return failure(source, code, e.to_string());
        }
    };
    source.pages = Some(info.page_count);
    source.producer = info.producer.clone();
    source.title = info.title.clone();
    let mut out = Extraction::empty(source);
    out.warnings.extend(read_warnings(&info, staged.iter().map(layout::StagedPage::raw)));

    // 2. Layout.
    let layout = layout::build_staged(staged);
    out.warnings.extend(layout_warnings(&layout));

    // 3. Sections and document type.
    let (doc_type, sections) = segment::segment(&layout, info.title.as_deref());
    out.document_type = doc_type;
    out.sections = sections;

    // 4. Extractors.
    let ctx = extract::Context { layout: &layout, sections: &out.sections.clone(), document_type: doc_type };
    extract::run_all(&ctx, &mut out);
    Output::Ok(Box::new(out))
}

fn read_warnings<'p>(
    info: &pdf::DocInfo,
    pages: impl Iterator<Item = &'p pdf::RawPage> + Clone,
) -> Vec<Warning> {
    let mut w = Vec::new();
    for p in pages.clone() {
        let total = p.undecodable + p.glyph_count;
        if p.undecodable >= 20 && p.undecodable * 20 >= total {
            w.push(Warning::new(
                WarningCode::GarbledText,
                format!("page {}: {} of {} glyphs have no readable character (a font maps glyphs wrongly); that text is missing", p.number, p.undecodable, total),
                Some(p.number),
            ));
        }
    }
    for r in &info.repairs {
        w.push(Warning::new(WarningCode::RepairedInput, r.clone(), None));
    }
    for p in pages.filter(|p| !p.readable) {
        let why = p.problem.clone().unwrap_or_else(|| "unreadable".into());
        w.push(Warning::new(
            WarningCode::PageUnreadable,
            format!("page {}: {why}", p.number),
            Some(p.number),
        ));
    }
    w
}

fn layout_warnings(layout: &layout::Layout) -> Vec<Warning> {
    let mut w = Vec::new();
    let with_text = layout.pages.iter().filter(|p| p.has_text).count();
    if with_text == 0 && !layout.pages.is_empty() {
        w.push(Warning::new(
            WarningCode::NoTextLayer,
            "no page has a text layer (a scan?): nothing can be extracted without OCR",
            None,
        ));
    } else if with_text < layout.pages.len() {
        let missing: Vec<String> =
            layout.pages.iter().filter(|p| !p.has_text && p.readable).map(|p| p.number.to_string()).collect();
        if !missing.is_empty() {
            w.push(Warning::new(
                WarningCode::PartialTextLayer,
                format!("pages without text: {}", missing.join(", ")),
                None,
            ));
        }
    }
    for p in &layout.pages {
        if let Some(share) = garbled_share(p) {
            w.push(Warning::new(
                WarningCode::GarbledText,
                format!("page {}: {:.0}% of the text looks mis-encoded (a font maps glyphs to the wrong characters)", p.number, share * 100.0),
                Some(p.number),
            ));
        }
    }
    w
}

/// The share of a page's letters in "words" no language has: runs of 20+ letters without a
/// space, or mixed-case runs such as "IROORZLQJWKH". None when the page reads normally.
fn garbled_share(p: &layout::Page) -> Option<f64> {
    let mut total = 0usize;
    let mut bad = 0usize;
    for l in p.lines.iter().chain(p.furniture.iter().map(|(_, l)| l)) {
        for w in &l.words {
            // Addresses and identifiers are long without being garbled.
            if w.text.contains(['/', '.', '@', ':', '_', '=']) || w.text.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            let letters = w.text.chars().filter(|c| c.is_alphabetic()).count();
            total += letters;
            let upper_inside = w.text.chars().skip(1).filter(|c| c.is_uppercase()).count();
            let lower = w.text.chars().filter(|c| c.is_lowercase()).count();
            if letters >= 20 || (letters >= 10 && upper_inside >= 3 && lower >= 3) {
                bad += letters;
            }
        }
    }
    let share = bad as f64 / total.max(1) as f64;
    (total > 50 && share > 0.08).then_some(share)
}
