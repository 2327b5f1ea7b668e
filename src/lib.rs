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
pub mod consistency;
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

/// The source facts of a file, before it is read. `given` is the path as given (recorded as
/// `source.path`); `source.file` is its last component.
pub fn source_of(given: &str, bytes: &[u8]) -> Source {
    Source {
        sha256: Some(format!("{:x}", Sha256::digest(bytes))),
        bytes: Some(bytes.len() as u64),
        ..missing_source(given)
    }
}

/// The source facts of a path that does not exist: its name and path, no hash, no size.
pub fn missing_source(given: &str) -> Source {
    let name = std::path::Path::new(given)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| given.to_string());
    Source {
        file: name,
        path: Some(given.to_string()),
        sha256: None,
        bytes: None,
        pages: None,
        producer: None,
        title: None,
    }
}

/// An error and its sources on one line, for per-file messages.
///
/// # Example
/// ```
/// let e = std::io::Error::other("disk full");
/// assert_eq!(councilpdf::error_chain(&e), "disk full");
/// ```
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s
}

/// The source facts of a file on disk, recorded as `given` (`source.path`), without holding it
/// in memory: a regular file is hashed in blocks; a missing path has null sha256 and bytes
/// (contract 1.1 `not_found`); anything else (a FIFO, a device, a folder) is never opened and
/// gets the facts of no bytes.
pub fn source_of_path(path: &std::path::Path, given: &str) -> Source {
    if std::fs::metadata(path).is_err() {
        return missing_source(given);
    }
    let mut source = source_of(given, &[]);
    if let Some((sha256, bytes)) = inputs::sha256_of(path) {
        source.sha256 = Some(sha256);
        source.bytes = Some(bytes);
    }
    source
}

/// Converts the file at `path`, recorded as `given` (`source.path`: the path as given, or
/// relative to the folder it was found in). Only a regular file within the size limit is read;
/// what cannot be read still gives an object: a missing path `not_found`, a folder, FIFO or
/// device `not_pdf` (never opened), a file over the size limit `too_large` before it is read
/// (hashed as a stream), a read error `malformed`.
///
/// # Example
/// ```
/// let out = councilpdf::convert_path(std::path::Path::new("no/such.pdf"), "no/such.pdf", &Default::default());
/// assert_eq!(out.error_code(), Some(councilpdf::contract::ErrorCode::NotFound));
/// assert_eq!(out.source().sha256, None);
/// let out = councilpdf::convert_path(std::path::Path::new("/"), "/", &Default::default());
/// assert_eq!(out.error_code(), Some(councilpdf::contract::ErrorCode::NotPdf));
/// ```
pub fn convert_path(path: &std::path::Path, given: &str, options: &Options) -> Output {
    let (code, message) = match inputs::regular_file(path, options.limits.max_file_bytes) {
        Ok(_) => match std::fs::read(path) {
            Ok(bytes) => return convert(given, &bytes, options),
            Err(e) => (ErrorCode::Malformed, format!("cannot read file: {e}")),
        },
        Err(inputs::NotReadable::Missing(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return failure(missing_source(given), ErrorCode::NotFound, format!("no such file: {given}"));
        }
        Err(e @ inputs::NotReadable::Missing(_)) => (ErrorCode::Malformed, e.to_string()),
        Err(e @ inputs::NotReadable::NotRegular(_)) => (ErrorCode::NotPdf, e.to_string()),
        Err(e @ inputs::NotReadable::TooLarge(..)) => (ErrorCode::TooLarge, e.to_string()),
    };
    failure(source_of_path(path, given), code, message)
}

/// [`convert_path`] recording the path as it is written.
pub fn convert_file(path: &std::path::Path, options: &Options) -> Output {
    convert_path(path, &path.to_string_lossy(), options)
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
    // The whole conversion runs on a page thread (`rayon::join` from outside the pool runs
    // there): the document is then loaded and dropped on the threads that lay out the pages,
    // and the allocator reuses what each page's read frees, where memory freed by a thread
    // that allocates no more (the caller's) would stay mapped.
    pdf::init_pool();
    let run = || rayon::join(|| convert_inner(source.clone(), bytes, options), || ()).0;
    match catch_unwind(AssertUnwindSafe(run)) {
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
    let (doc_type, sections, doubt) = segment::segment_with_doubt(&layout, info.title.as_deref());
    out.document_type = doc_type;
    out.sections = sections;
    out.warnings.extend(doubt);

    // 4. Extractors.
    let ctx = extract::Context { layout: &layout, sections: &out.sections.clone(), document_type: doc_type };
    extract::run_all(&ctx, &mut out);

    // 5. Records that contradict each other, against the dates printed in the paper.
    // Pages in parallel, their dates kept in page order.
    let paper_dates: Vec<String> = {
        use rayon::prelude::*;
        let per_page: Vec<Vec<String>> = layout
            .pages
            .par_iter()
            .map(|p| {
                p.lines
                    .iter()
                    .flat_map(|l| extract::read::dates::find_dates(&l.text).into_iter().map(|(d, _)| d))
                    .collect()
            })
            .collect();
        per_page.into_iter().flatten().collect()
    };
    consistency::check(&mut out, &paper_dates);
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
    for (page, why) in &info.over_budget {
        w.push(Warning::new(WarningCode::PageBudgetExceeded, why.clone(), Some(*page)));
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
