//! PDF bytes → positioned glyphs, rulings and fills per page. The only module that sees lopdf
//! and pdf-extract types.

mod content;
mod decode;
mod geom;
mod lex;
mod repair;
mod scan;
mod walk;
pub(crate) use walk::init_pool;

use lopdf::{Dictionary, Document, Object, ObjectId};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

pub use content::FontInfo;
use content::{PageGraphics, RunInfo};
pub use geom::{Matrix, PageFrame};

/// Limits that keep one hostile file from costing more than it is worth.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Files larger than this are refused (`too_large`).
    pub max_file_bytes: u64,
    /// Pages beyond this are not read (a warning says so).
    pub max_pages: u32,
    /// A content stream that inflates beyond this is treated as unreadable.
    pub max_stream_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_bytes: 512 << 20, max_pages: 5_000, max_stream_bytes: 64 << 20 }
    }
}

/// Why a file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The bytes do not start like a PDF (an HTML page saved as .pdf, an empty file).
    #[error("not a PDF: {0}")]
    NotPdf(String),
    /// A user password is needed to open the file.
    #[error("encrypted with a user password")]
    Encrypted,
    /// The file is larger than the limit.
    #[error("file of {0} bytes exceeds the limit of {1} bytes")]
    TooLarge(u64, u64),
    /// lopdf could not parse the file even after recovery.
    #[error("malformed PDF: {0}")]
    Malformed(String),
}

/// One glyph in the page's visual frame (points, origin top-left).
#[derive(Debug, Clone)]
pub struct Glyph {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    /// Top and bottom of the glyph's em box, and its baseline.
    pub top: f64,
    pub bottom: f64,
    pub baseline: f64,
    pub size: f64,
    pub font: Arc<FontInfo>,
    pub color: [u8; 3],
    /// Reads left to right (not rotated or vertical).
    pub upright: bool,
    /// Render mode 3 (the OCR layer of a scan) or 7.
    pub invisible: bool,
}

/// A horizontal or vertical line in the visual frame: `x0 <= x1`, `top <= bottom`.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub x0: f64,
    pub top: f64,
    pub x1: f64,
    pub bottom: f64,
    pub color: [u8; 3],
}

impl Rule {
    pub fn is_horizontal(&self) -> bool {
        (self.x1 - self.x0) >= (self.bottom - self.top)
    }
}

/// A filled rectangle in the visual frame.
#[derive(Debug, Clone, Copy)]
pub struct Fill {
    pub x0: f64,
    pub top: f64,
    pub x1: f64,
    pub bottom: f64,
    pub color: [u8; 3],
}

#[derive(Debug, Clone)]
pub struct RawPage {
    /// 1-based physical page number.
    pub number: u32,
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    /// Stroked lines and thin filled rectangles, as horizontal/vertical rules.
    pub rules: Vec<Rule>,
    /// Filled rectangles that are not rules (cell shading, boxes, slide backgrounds).
    pub fills: Vec<Fill>,
    /// Fraction of the page covered by images (a scan is ~1.0).
    pub image_cover: f64,
    /// False when the PDF layer failed on this page (it is then empty).
    pub readable: bool,
    /// Why the page could not be read, when it could not.
    pub problem: Option<String>,
    /// Glyphs whose font decoded them to control characters or U+FFFD (a broken font).
    pub undecodable: usize,
    /// How many glyphs the page had when it was read (`glyphs` may since have been dropped).
    pub glyph_count: usize,
}

impl RawPage {
    /// A copy of everything but the glyphs.
    pub fn clone_without_glyphs(&self) -> RawPage {
        RawPage {
            number: self.number,
            width: self.width,
            height: self.height,
            glyphs: Vec::new(),
            rules: self.rules.clone(),
            fills: self.fills.clone(),
            image_cover: self.image_cover,
            readable: self.readable,
            problem: self.problem.clone(),
            undecodable: self.undecodable,
            glyph_count: self.glyph_count,
        }
    }
}

#[derive(Debug, Clone)]
pub struct RawDocument {
    pub producer: Option<String>,
    pub title: Option<String>,
    pub page_count: u32,
    pub pages: Vec<RawPage>,
    /// What was repaired or skipped while reading (one line each).
    pub repairs: Vec<String>,
    /// (page, message) for each page whose drawing stopped at its work budget.
    pub over_budget: Vec<(u32, String)>,
}

/// Opens `bytes` and reads every page.
///
/// # Errors
/// `NotPdf`, `Encrypted`, `TooLarge` or `Malformed` when the file cannot be read at all. A page
/// that fails is returned with `readable: false`; the other pages are still read.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<RawDocument, PdfError> {
    let (info, pages) = read_with(bytes, limits, |p| p)?;
    Ok(RawDocument {
        producer: info.producer,
        title: info.title,
        page_count: info.page_count,
        pages,
        repairs: info.repairs,
        over_budget: info.over_budget,
    })
}

/// What [`read_with`] says about the file besides its pages.
#[derive(Debug, Clone)]
pub struct DocInfo {
    pub producer: Option<String>,
    pub title: Option<String>,
    pub page_count: u32,
    /// What was repaired or skipped while reading (one line each).
    pub repairs: Vec<String>,
    /// (page, message) for each page whose drawing stopped at its work budget.
    pub over_budget: Vec<(u32, String)>,
}

/// Opens `bytes`, reads every page and hands each to `per_page` as soon as it is read, so a
/// page's glyphs can be dropped before the next page is read. Pages are read in parallel (on
/// the current rayon pool); the results come back in page order and are the same whatever the
/// number of threads.
///
/// # Errors
/// As [`read`].
pub fn read_with<T: Send>(
    bytes: &[u8],
    limits: &Limits,
    per_page: impl Fn(RawPage) -> T + Sync,
) -> Result<(DocInfo, Vec<T>), PdfError> {
    read_cut(bytes, limits, per_page, true)
}

/// [`read_with`]; `cut` as [`walk::read_pages`] takes it.
fn read_cut<T: Send>(
    bytes: &[u8],
    limits: &Limits,
    per_page: impl Fn(RawPage) -> T + Sync,
    cut: bool,
) -> Result<(DocInfo, Vec<T>), PdfError> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(PdfError::TooLarge(bytes.len() as u64, limits.max_file_bytes));
    }
    // Before anything runs on the pool (the repairs scan pages on it too).
    walk::init_pool();
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        let what = if bytes.is_empty() {
            "the file is empty".to_string()
        } else if String::from_utf8_lossy(head).to_ascii_lowercase().contains("<html")
            || String::from_utf8_lossy(head).to_ascii_lowercase().contains("<!doctype")
        {
            "the file is an HTML page".to_string()
        } else {
            "no %PDF- header".to_string()
        };
        return Err(PdfError::NotPdf(what));
    }
    // Stream lengths that claim more than the file holds lose their whole object in lopdf.
    let relengthed = repair::fix_stream_lengths(bytes);
    let bytes = relengthed.as_deref().unwrap_or(bytes);
    let (mut doc, mut repairs) = match load(bytes) {
        Ok(doc) => (doc, vec![]),
        Err(PdfError::Malformed(why)) => match with_startxref_fixed(bytes).and_then(|b| load(&b).ok()) {
            Some(doc) => {
                (doc, vec!["the startxref offset was wrong; the last xref table was used".to_string()])
            }
            None => match repair::rebuild_xref(bytes).and_then(|b| load(&b).ok()) {
                Some(doc) => (
                    doc,
                    vec!["the xref table was unreadable; objects were found by their markers".to_string()],
                ),
                None => return Err(PdfError::Malformed(why)),
            },
        },
        Err(e) => return Err(e),
    };
    if relengthed.is_some() {
        repairs.push(
            "stream lengths past the end of the file were replaced by the distance to endstream".into(),
        );
    }
    if repair::xref_past_eof(&doc, bytes.len()) {
        if let Some(rebuilt) = repair::rebuild_xref(bytes).and_then(|b| load(&b).ok()) {
            doc = rebuilt;
            repairs.push(
                "the xref table pointed past the end of the file; objects were found by their markers".into(),
            );
        }
    }
    // Every content stream is inflated once here, under the decoder's output bound; the repairs,
    // our walk and pdf-extract then read the same decoded bytes. What does not decode within the
    // bound is left compressed, for the repairs to defuse as a bomb.
    walk::inflate_contents(&mut doc, limits);
    let fixed = repair::repair(&mut doc, limits);
    repairs.extend(fixed.notes);
    let over_budget = fixed.over_budget;
    let producer = info_string(&doc, b"Producer");
    let title = info_string(&doc, b"Title").filter(|t| !t.trim().is_empty());
    let page_ids: Vec<(u32, ObjectId)> = doc.get_pages().into_iter().collect();
    let page_count = page_ids.len() as u32;
    if page_count > limits.max_pages {
        repairs.push(format!("only the first {} of {} pages were read", limits.max_pages, page_count));
    }
    let jobs = &page_ids[..page_ids.len().min(limits.max_pages as usize)];
    // Each page's object and content are dropped as soon as it is read (not a failed page's).
    let mut pages = walk::read_pages(&mut doc, jobs, &per_page, cut, true);
    // A page that failed may select a font its resources lack: add one and read it again.
    for (i, &(num, id)) in jobs.iter().enumerate() {
        let Some(slot) = pages.get_mut(i) else { continue };
        if !slot.0 && repair::repair_page(&mut doc, id) {
            let again = walk::read_pages(&mut doc, &[(num, id)], &per_page, cut, false);
            if let Some(again) = again.into_iter().next().filter(|a| a.0) {
                repairs.push(format!(
                    "page {num}: a font missing from the page resources was replaced by Helvetica"
                ));
                *slot = again;
            }
        }
    }
    let pages = pages.into_iter().map(|(_, t)| t).collect();
    Ok((DocInfo { producer, title, page_count, repairs, over_budget }, pages))
}

fn load(bytes: &[u8]) -> Result<Document, PdfError> {
    let loaded = catch_unwind(AssertUnwindSafe(|| Document::load_mem(bytes)));
    let doc = match loaded {
        Ok(Ok(doc)) => doc,
        Ok(Err(lopdf::Error::Decryption(_))) => return Err(PdfError::Encrypted),
        Ok(Err(e)) => {
            let msg = e.to_string();
            if msg.to_ascii_lowercase().contains("password") || msg.to_ascii_lowercase().contains("decrypt") {
                return Err(PdfError::Encrypted);
            }
            return Err(PdfError::Malformed(msg));
        }
        Err(_) => return Err(PdfError::Malformed("the PDF parser failed on this file".into())),
    };
    if doc.encryption_state.is_none() && doc.trailer.get(b"Encrypt").is_ok() {
        // Encrypted, and the empty user password did not open it.
        return Err(PdfError::Encrypted);
    }
    Ok(doc)
}

/// The file with its last `startxref` pointing at its last `xref` table, when it points
/// elsewhere (a file edited by hand or cut and re-joined). None when there is nothing to fix.
fn with_startxref_fixed(bytes: &[u8]) -> Option<Vec<u8>> {
    let find_last =
        |needle: &[u8], before: usize| bytes.get(..before)?.windows(needle.len()).rposition(|w| w == needle);
    let sx = find_last(b"startxref", bytes.len())?;
    // The last `xref` keyword at the start of a line that is not part of `startxref`.
    let mut end = sx;
    let table = loop {
        let at = find_last(b"xref", end)?;
        if at == 0 || matches!(bytes.get(at - 1), Some(b'\n' | b'\r')) {
            break at;
        }
        end = at;
    };
    let num_start = sx + b"startxref".len();
    let rest = bytes.get(num_start..)?;
    let skip = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let digits = rest.get(skip..)?.iter().take_while(|b| b.is_ascii_digit()).count();
    let old: usize = std::str::from_utf8(rest.get(skip..skip + digits)?).ok()?.parse().ok()?;
    if old == table {
        return None;
    }
    let mut fixed = bytes.get(..num_start + skip)?.to_vec();
    fixed.extend_from_slice(table.to_string().as_bytes());
    fixed.extend_from_slice(bytes.get(num_start + skip + digits..)?);
    Some(fixed)
}

fn info_string(doc: &Document, key: &[u8]) -> Option<String> {
    let info = match doc.trailer.get(b"Info").ok()? {
        Object::Reference(id) => doc.get_dictionary(*id).ok()?,
        Object::Dictionary(d) => d,
        _ => return None,
    };
    let v = match info.get(key).ok()? {
        Object::Reference(id) => doc.get_object(*id).ok()?,
        o => o,
    };
    match v {
        Object::String(bytes, _) => Some(decode_text_string(bytes)),
        _ => None,
    }
}

/// PDF text strings: UTF-16BE with a BOM, else PDFDocEncoding (Latin-1 is close enough here).
fn decode_text_string(bytes: &[u8]) -> String {
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..].chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    } else if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(&bytes[3..]).into_owned()
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
    .trim_matches(char::from(0))
    .trim()
    .to_string()
}

fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut dict = page;
    for _ in 0..32 {
        if let Ok(v) = dict.get(key) {
            return match v {
                Object::Reference(id) => doc.get_object(*id).ok(),
                o => Some(o),
            };
        }
        dict = match dict.get(b"Parent").ok()? {
            Object::Reference(id) => doc.get_dictionary(*id).ok()?,
            _ => return None,
        };
    }
    None
}

fn rect_of(doc: &Document, page: &Dictionary, key: &[u8]) -> Option<[f64; 4]> {
    let Object::Array(a) = inherited(doc, page, key)? else { return None };
    if a.len() != 4 {
        return None;
    }
    let mut v = [0.0; 4];
    for (i, o) in a.iter().enumerate() {
        let o = match o {
            Object::Reference(id) => doc.get_object(*id).ok()?,
            o => o,
        };
        v[i] = match o {
            Object::Integer(n) => *n as f64,
            Object::Real(r) => *r as f64,
            _ => return None,
        };
    }
    let r = [v[0].min(v[2]), v[1].min(v[3]), v[0].max(v[2]), v[1].max(v[3])];
    (r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0 && r.iter().all(|x| x.is_finite())).then_some(r)
}

fn convert_graphics(g: &PageGraphics, frame: &PageFrame, page: &mut RawPage) {
    let vis = |x: f64, y: f64| frame.to_visual(x, y);
    for s in &g.segments {
        let (a, b) = (vis(s.x0, s.y0), vis(s.x1, s.y1));
        let (dx, dy) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
        let half = (s.width / 2.0).max(0.1);
        if dy < 1.0 && dx > 2.0 {
            let y = (a.1 + b.1) / 2.0;
            page.rules.push(Rule {
                x0: a.0.min(b.0),
                x1: a.0.max(b.0),
                top: y - half,
                bottom: y + half,
                color: s.color,
            });
        } else if dx < 1.0 && dy > 2.0 {
            let x = (a.0 + b.0) / 2.0;
            page.rules.push(Rule {
                x0: x - half,
                x1: x + half,
                top: a.1.min(b.1),
                bottom: a.1.max(b.1),
                color: s.color,
            });
        }
    }
    let page_area = (page.width * page.height).max(1.0);
    for f in &g.fills {
        let (a, b) = (vis(f.x0, f.y0), vis(f.x1, f.y1));
        let (x0, x1, top, bottom) = (a.0.min(b.0), a.0.max(b.0), a.1.min(b.1), a.1.max(b.1));
        let (w, h) = (x1 - x0, bottom - top);
        if w <= 0.0 && h <= 0.0 {
            continue;
        }
        if (h < 2.5 && w > 4.0) || (w < 2.5 && h > 4.0) {
            page.rules.push(Rule { x0, x1, top, bottom, color: f.color });
        } else if w * h < page_area * 0.9 {
            page.fills.push(Fill { x0, x1, top, bottom, color: f.color });
        }
    }
    let mut cover = 0.0;
    for im in &g.images {
        let (a, b) = (vis(im[0], im[1]), vis(im[2], im[3]));
        let w = (a.0.max(b.0).min(page.width) - a.0.min(b.0).max(0.0)).max(0.0);
        let h = (a.1.max(b.1).min(page.height) - a.1.min(b.1).max(0.0)).max(0.0);
        cover += w * h / page_area;
    }
    page.image_cover = cover.min(1.0);
}

/// A glyph in PDF user space, before the page's visual frame is settled.
struct UserGlyph {
    origin: (f64, f64),
    adv: (f64, f64),
    up: (f64, f64),
    text: String,
    run: Option<usize>,
}

fn is_upright(frame: &PageFrame, g: &UserGlyph) -> bool {
    let (ax, _) = frame.vec_to_visual(g.adv.0, g.adv.1);
    let (ux, uy) = frame.vec_to_visual(g.up.0, g.up.1);
    uy < 0.0 && uy.abs() > ux.abs() * 2.0 && ax >= -0.01
}

/// The frame in which most glyphs read left to right: the page's own rotation, unless most of
/// its text runs another way (a landscape table drawn sideways on a portrait page).
fn reading_frame(frame: PageFrame, glyphs: &[UserGlyph]) -> PageFrame {
    let count = |f: &PageFrame| glyphs.iter().filter(|g| is_upright(f, g)).count();
    let own = count(&frame);
    if glyphs.is_empty() || own * 2 >= glyphs.len() {
        return frame;
    }
    [90, 180, 270]
        .iter()
        .map(|r| PageFrame { crop: frame.crop, rotate: (frame.rotate + r) % 360 })
        .map(|f| (count(&f), f))
        .filter(|(n, _)| *n > own && n * 2 > glyphs.len())
        .max_by_key(|(n, _)| *n)
        .map(|(_, f)| f)
        .unwrap_or(frame)
}

fn place(frame: &PageFrame, g: UserGlyph, runs: &[RunInfo]) -> Option<Glyph> {
    let (ox, oy) = frame.to_visual(g.origin.0, g.origin.1);
    let (ax, _) = frame.vec_to_visual(g.adv.0, g.adv.1);
    let (ux, uy) = frame.vec_to_visual(g.up.0, g.up.1);
    let size = ux.hypot(uy);
    if !(0.5..=1000.0).contains(&size) {
        return None;
    }
    let upright = is_upright(frame, &g);
    let (x0, x1) = if upright { (ox, ox + ax.max(0.0)) } else { (ox, ox + size * 0.5) };
    let run = g.run.and_then(|i| runs.get(i));
    let render_mode = run.map(|r| r.render_mode).unwrap_or(0);
    Some(Glyph {
        text: g.text,
        x0,
        x1,
        top: oy - size * 0.8,
        bottom: oy + size * 0.2,
        baseline: oy,
        size,
        font: run.map(|r| r.font.clone()).unwrap_or_default(),
        color: run.map(|r| r.fill).unwrap_or([0, 0, 0]),
        upright,
        invisible: render_mode == 3 || render_mode == 7,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// pdf-extract reading each page's content cut to its text operations shows what it shows
    /// from the whole content: the same glyphs (text, place, size, font, colour), rules, fills,
    /// problems and repairs, on every PDF the tests hold (the corpus, the generated papers and
    /// the hostile files).
    #[test]
    fn the_text_cut_shows_what_the_whole_content_shows() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dirs = [
            "fixtures",
            "fixtures/real",
            "fixtures/synthetic",
            "tests/gen/pdfs",
            "tests/hostile",
            "tests/check",
            "tests/check/real",
        ];
        let mut files: Vec<_> = dirs
            .iter()
            .filter_map(|d| std::fs::read_dir(root.join(d)).ok())
            .flat_map(|entries| entries.flatten().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")))
            .collect();
        files.sort();
        assert!(files.len() >= 140, "expected the fixture and test PDFs, found {}", files.len());
        let limits = Limits::default();
        let mut glyphs = 0usize;
        for f in files {
            let bytes = std::fs::read(&f).expect("readable PDF");
            let mut read = |cut| {
                read_cut(&bytes, &limits, |p| p, cut)
                    .map(|(info, pages)| {
                        glyphs += pages.iter().map(|p| p.glyphs.len()).sum::<usize>() * usize::from(cut);
                        format!("{info:?}\n{pages:?}")
                    })
                    .map_err(|e| e.to_string())
            };
            let cut = read(true);
            assert!(cut == read(false), "{}: the cut content reads differently", f.display());
        }
        assert!(glyphs > 100_000, "only {glyphs} glyphs read: the comparison compared little");
    }
}
