//! The page walk: every page read once, pages in parallel.
//!
//! pdf-extract's per-page entry point rebuilds the whole page list for every page it reads
//! (quadratic: 5,000 pages cost minutes), so its whole-document entry point `output_doc` is
//! used instead, with an `OutputDev` that splits what it shows by page. To read pages in
//! parallel, the pages are cut into contiguous chunks, one per thread; each chunk runs on its
//! own copy of the document whose catalog points at a page list holding only that chunk's pages.
//! A page on which pdf-extract fails (it panics on some real fonts) is kept with what it showed
//! so far and a problem, and the walk restarts after it.
//!
//! Each page is finished (glyphs placed with our own walk's facts) and handed to the caller's
//! `per_page` as soon as pdf-extract ends it, so no more than one page's glyphs per thread are
//! alive at a time.

use lopdf::{Dictionary, Document, Object, ObjectId};
use rayon::prelude::*;
use std::any::Any;
use std::collections::HashMap;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

use super::content::{PageGraphics, RunInfo, Walker};
use super::decode;
use super::geom::{Matrix, PageFrame};
use super::{convert_graphics, inherited, place, reading_frame, rect_of, Limits, RawPage, UserGlyph};

/// A chunk is worth its own copy of the document only with at least this many pages to read.
const MIN_PAGES_PER_CHUNK: usize = 8;
/// Weight of a page in the split besides its content bytes (fonts, resources, layout).
const PAGE_WEIGHT_BYTES: usize = 4_096;
/// Pages walked ahead of pdf-extract in one run: their cut content and our walk's facts are
/// alive together, so this bounds what a chunk holds beyond the page being read.
const WINDOW_PAGES: usize = 32;
/// pdf-extract's glyphs kept per page at most (a hostile page can show millions).
const MAX_GLYPHS_PER_PAGE: usize = 2_000_000;
/// Stack of the page threads: the depth bounds (form nesting, object nesting) were set for
/// the main thread's 8 MB, and rayon's threads have 2 MB by default.
const PAGE_THREAD_STACK: usize = 8 << 20;

/// The filters the bounded decoder decodes byte for byte as lopdf does (without
/// `/DecodeParms`); a chain of anything else is left to lopdf.
const INFLATED_HERE: [&[u8]; 2] = [b"FlateDecode", b"LZWDecode"];

/// Makes the global rayon pool with stacks as deep as the main thread's, once, unless the
/// caller built it first.
pub(crate) fn init_pool() {
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(|| {
        let _ = rayon::ThreadPoolBuilder::new().stack_size(PAGE_THREAD_STACK).build_global();
    });
}

/// Inflates every page content stream and form XObject in place (Filter removed), once, so
/// the repairs, our walk and pdf-extract read the same decoded bytes instead of each
/// decompressing them again, and the font streams pdf-extract reads again for every page that
/// uses them. Decoding goes through the bounded decoder ([`decode::decode_chain`]):
/// no stage of a chain ever produces more than `max_stream_bytes + 1` bytes. A stream that
/// does not decode within the bound is left as it is, for the repairs to defuse as a bomb; one
/// whose chain or parameters the bounded decoder does not decode exactly as lopdf would (other
/// filters, `/DecodeParms`: predictors, early change) is left for lopdf to decode lazily, after
/// the repairs have checked its bound.
pub(super) fn inflate_contents(doc: &mut Document, limits: &Limits) {
    let mut ids: Vec<ObjectId> = doc.page_iter().flat_map(|p| doc.get_page_contents(p)).collect();
    ids.extend(doc.objects.iter().filter(|(_, o)| is_form(o)).map(|(id, _)| *id));
    // Font streams pdf-extract decodes again for every page that uses the font: the ToUnicode
    // and encoding CMaps and the Type 1 and CFF programs it reads encodings from.
    let mut font_files2 = Vec::new();
    for o in doc.objects.values() {
        let Object::Dictionary(d) = o else { continue };
        for key in [&b"ToUnicode"[..], b"Encoding", b"FontFile", b"FontFile3"] {
            if let Ok(Object::Reference(id)) = d.get(key) {
                ids.push(*id);
            }
        }
        if let Ok(Object::Reference(id)) = d.get(b"FontFile2") {
            font_files2.push(*id);
        }
    }
    // pdf-extract inflates a TrueType program for every page that uses the font and never
    // reads it; nothing else does either, so its data is dropped once here.
    for id in font_files2 {
        if let Some(Object::Stream(s)) = doc.objects.get_mut(&id) {
            s.dict.remove(b"Filter");
            s.dict.remove(b"DecodeParms");
            s.set_content(Vec::new());
        }
    }
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let Some(Object::Stream(s)) = doc.objects.get_mut(&id) else { continue };
        let chain = decode::filters(s);
        // lopdf reads a /Filter array holding anything but names as no filter at all.
        let all_names = match s.dict.get(b"Filter") {
            Ok(Object::Array(a)) => a.len() == chain.len(),
            _ => true,
        };
        if chain.is_empty()
            || !all_names
            || s.dict.get(b"DecodeParms").is_ok()
            || s.content.len() > limits.max_stream_bytes
            || !chain.iter().all(|f| INFLATED_HERE.contains(&f.as_slice()))
        {
            continue;
        }
        if let Some(data) = decode::decode_chain(&s.content, &chain, limits.max_stream_bytes) {
            s.dict.remove(b"Filter");
            s.set_content(data);
        }
    }
}

fn is_form(o: &Object) -> bool {
    matches!(o, Object::Stream(s) if matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Form"))
}

/// Reads `jobs` (page number, page id), in parallel on the current rayon pool, and returns
/// for each page whether it was readable and what `per_page` made of it, in `jobs` order.
///
/// With `cut` (always, but in a test that compares both ways), pdf-extract reads each page's
/// content cut to its text operations ([`PageGraphics::text_only`]); without, the content itself.
///
/// With `release`, each page's object and the content streams no page still to read draws are
/// dropped from the document as soon as the page is read (see [`Release`]): the document must
/// not be read for those pages again. A page that fails is kept, to be read again.
pub(super) fn read_pages<T: Send>(
    doc: &mut Document,
    jobs: &[(u32, ObjectId)],
    per_page: &(impl Fn(RawPage) -> T + Sync),
    cut: bool,
    release: bool,
) -> Vec<(bool, T)> {
    init_pool();
    let ranges = split(doc, jobs, rayon::current_num_threads());
    if ranges.len() <= 1 {
        let release = release.then(|| Release::new(doc, jobs, &[]));
        return read_chunk(doc, jobs, per_page, cut, release);
    }
    // The document itself reads the first chunk and keeps every other chunk's pages and
    // streams: a page that fails on a copy is read again from it.
    let releases: Vec<Option<Release>> = ranges
        .iter()
        .enumerate()
        .map(|(k, r)| {
            // Chunks are contiguous from the first page: the others' pages follow the first's.
            let others: &[(u32, ObjectId)] = if k == 0 { jobs.get(r.end..).unwrap_or_default() } else { &[] };
            release.then(|| Release::new(doc, jobs.get(r.clone()).unwrap_or_default(), others))
        })
        .collect();
    let mut copies: Vec<Document> = ranges[1..].iter().map(|r| copy_for_chunk(doc, jobs, r)).collect();
    let mut docs: Vec<&mut Document> = Vec::with_capacity(ranges.len());
    docs.push(doc);
    docs.extend(copies.iter_mut());
    let parts: Vec<Vec<(bool, T)>> = docs
        .into_par_iter()
        .zip(ranges.into_par_iter().zip(releases))
        .map(|(d, (r, release))| read_chunk(d, jobs.get(r).unwrap_or_default(), per_page, cut, release))
        .collect();
    parts.into_iter().flatten().collect()
}

/// A page's object and the content streams it draws.
fn page_and_contents(doc: &Document, page: ObjectId) -> impl Iterator<Item = ObjectId> {
    std::iter::once(page).chain(doc.get_page_contents(page))
}

/// What a chunk's document may drop as its pages are read, so that the PDF layer's memory
/// does not grow with the pages already read: a page object (some 7 KB of lopdf's objects)
/// once no job still to read is that page, and a content stream once no such page draws it.
/// Kept whatever the count: whatever `keep` lists (pages read from elsewhere that may be read
/// again from this document), a page that is another page's `/Parent` (a malformed tree
/// inherits through it), and a stream with a `/Subtype` (a form or image that is drawn too).
struct Release {
    /// Jobs still to read that are, or draw, the object.
    uses: HashMap<ObjectId, usize>,
}

impl Release {
    fn new(doc: &Document, jobs: &[(u32, ObjectId)], keep: &[(u32, ObjectId)]) -> Release {
        let mut uses: HashMap<ObjectId, usize> = HashMap::new();
        for &(_, id) in jobs {
            for obj in page_and_contents(doc, id) {
                *uses.entry(obj).or_default() += 1;
            }
        }
        let parents = jobs
            .iter()
            .filter_map(|&(_, id)| doc.get_dictionary(id).ok()?.get(b"Parent").ok()?.as_reference().ok());
        let kept: Vec<ObjectId> = keep
            .iter()
            .flat_map(|&(_, id)| page_and_contents(doc, id))
            .chain(parents.collect::<Vec<_>>())
            .collect();
        for obj in kept {
            uses.insert(obj, usize::MAX);
        }
        Release { uses }
    }

    /// Page `id` has been read.
    fn page_read(&mut self, doc: &mut Document, id: ObjectId) {
        for obj in page_and_contents(doc, id) {
            let Some(n) = self.uses.get_mut(&obj) else { continue };
            if *n == usize::MAX {
                continue;
            }
            *n = n.saturating_sub(1);
            let drawn_elsewhere =
                matches!(doc.objects.get(&obj), Some(Object::Stream(s)) if s.dict.has(b"Subtype"));
            if *n == 0 && !drawn_elsewhere {
                doc.objects.remove(&obj);
            }
        }
    }
}

/// A copy of `doc` for the thread that reads `jobs[chunk]`: without the other pages' objects
/// and the content streams only they draw (a page object alone holds some 7 KB of lopdf's
/// objects, and a pack's page content is most of its bytes), which that thread never reads.
/// They are taken out of `doc` while it is cloned and put back after.
fn copy_for_chunk(doc: &mut Document, jobs: &[(u32, ObjectId)], chunk: &std::ops::Range<usize>) -> Document {
    let ours: std::collections::HashSet<ObjectId> = jobs
        .get(chunk.clone())
        .unwrap_or_default()
        .iter()
        .flat_map(|&(_, id)| page_and_contents(doc, id))
        .collect();
    let mut theirs: Vec<ObjectId> = Vec::new();
    for (i, &(_, id)) in jobs.iter().enumerate() {
        if !chunk.contains(&i) {
            theirs.push(id);
            theirs.extend(doc.get_page_contents(id));
        }
    }
    theirs.retain(|id| !ours.contains(id));
    theirs.sort_unstable();
    theirs.dedup();
    let taken: Vec<(ObjectId, Object)> =
        theirs.into_iter().filter_map(|id| doc.objects.remove(&id).map(|o| (id, o))).collect();
    let copy = doc.clone();
    doc.objects.extend(taken);
    copy
}

/// Contiguous ranges of `jobs` of about equal weight (content bytes), at most `threads`.
fn split(doc: &Document, jobs: &[(u32, ObjectId)], threads: usize) -> Vec<std::ops::Range<usize>> {
    let n = threads.min(jobs.len() / MIN_PAGES_PER_CHUNK).max(1);
    if n == 1 {
        return std::iter::once(0..jobs.len()).collect();
    }
    let weights: Vec<usize> = jobs
        .iter()
        .map(|&(_, id)| {
            PAGE_WEIGHT_BYTES
                + doc
                    .get_page_contents(id)
                    .iter()
                    .filter_map(|c| match doc.objects.get(c) {
                        Some(Object::Stream(s)) => Some(s.content.len()),
                        _ => None,
                    })
                    .sum::<usize>()
        })
        .collect();
    let total: usize = weights.iter().sum();
    let mut ranges = Vec::with_capacity(n);
    let (mut start, mut acc) = (0, 0usize);
    for (i, w) in weights.iter().enumerate() {
        acc += w;
        // Close chunk k once its share of the total is reached.
        if ranges.len() + 1 < n && acc * n >= total * (ranges.len() + 1) {
            ranges.push(start..i + 1);
            start = i + 1;
        }
    }
    ranges.push(start..jobs.len());
    ranges.retain(|r| !r.is_empty());
    ranges
}

/// A page's frame and our walk of its content, before pdf-extract shows its glyphs.
struct Prepared {
    frame: PageFrame,
    graphics: PageGraphics,
    blank: bool,
}

fn empty_page(number: u32) -> RawPage {
    RawPage {
        number,
        width: 612.0,
        height: 792.0,
        glyphs: vec![],
        rules: vec![],
        fills: vec![],
        image_cover: 0.0,
        readable: false,
        problem: None,
        undecodable: 0,
        glyph_count: 0,
    }
}

/// The page's frame and our own walk (fonts, colours, rulings, forms); None when the page
/// object is missing.
fn prepare(doc: &Document, id: ObjectId) -> Option<Prepared> {
    let dict = doc.get_dictionary(id).ok()?;
    let media = rect_of(doc, dict, b"MediaBox").unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let crop = rect_of(doc, dict, b"CropBox")
        .map(|c| [c[0].max(media[0]), c[1].max(media[1]), c[2].min(media[2]), c[3].min(media[3])])
        .filter(|c| c[2] > c[0] && c[3] > c[1])
        .unwrap_or(media);
    let rotate = match inherited(doc, dict, b"Rotate") {
        Some(Object::Integer(r)) => r.rem_euclid(360) / 90 * 90,
        _ => 0,
    };
    let frame = PageFrame { crop, rotate };
    let resources: Option<&Dictionary> = match inherited(doc, dict, b"Resources") {
        Some(Object::Dictionary(d)) => Some(d),
        _ => None,
    };
    let (graphics, blank) = catch_unwind(AssertUnwindSafe(|| {
        let content = doc.get_page_content(id).unwrap_or_default();
        let blank = content.iter().all(|b| b.is_ascii_whitespace());
        (Walker::new(doc).walk_page(&content, resources), blank)
    }))
    .unwrap_or_default();
    Some(Prepared { frame, graphics, blank })
}

/// What pdf-extract showed on one page so far.
#[derive(Default)]
struct Shown {
    run_index: Option<usize>,
    glyphs: Vec<UserGlyph>,
    undecodable: usize,
}

/// The page from our walk and pdf-extract's glyphs.
fn finish(number: u32, prep: Prepared, shown: Shown, problem: Option<String>) -> RawPage {
    let mut page = empty_page(number);
    let frame = prep.frame;
    page.width = frame.width();
    page.height = frame.height();
    let graphics = prep.graphics;
    page.readable = problem.is_none();
    page.problem = problem;
    let runs_matched = shown.run_index.map(|i| i + 1).unwrap_or(0) == graphics.runs.len();
    page.undecodable = shown.undecodable;
    let frame = reading_frame(frame, &shown.glyphs);
    page.width = frame.width();
    page.height = frame.height();
    // When our walk and pdf-extract disagree on how many strings the page shows, font facts
    // could sit on the wrong glyphs: drop them rather than mislead.
    let runs: &[RunInfo] = if runs_matched { &graphics.runs } else { &[] };
    page.glyphs = shown.glyphs.into_iter().filter_map(|g| place(&frame, g, runs)).collect();
    page.glyph_count = page.glyphs.len();
    convert_graphics(&graphics, &frame, &mut page);
    page
}

/// A blank page: nothing for pdf-extract to show.
fn finish_blank(number: u32, prep: Prepared) -> RawPage {
    let mut page = empty_page(number);
    page.width = prep.frame.width();
    page.height = prep.frame.height();
    page.readable = true;
    convert_graphics(&prep.graphics, &prep.frame, &mut page);
    page
}

fn panic_message(panic: &(dyn Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "unknown failure".into())
}

/// Reads one chunk of pages on `doc` (whose catalog is pointed at the chunk's page list while
/// pdf-extract runs, and restored after).
fn read_chunk<T: Send>(
    doc: &mut Document,
    jobs: &[(u32, ObjectId)],
    per_page: &(impl Fn(RawPage) -> T + Sync),
    cut: bool,
    mut release: Option<Release>,
) -> Vec<(bool, T)> {
    let mut out: Vec<Option<(bool, T)>> = (0..jobs.len()).map(|_| None).collect();
    // Missing pages first: pdf-extract never sees them.
    let mut pending: Vec<usize> = Vec::with_capacity(jobs.len());
    for (i, &(number, id)) in jobs.iter().enumerate() {
        if doc.get_dictionary(id).is_err() {
            let mut page = empty_page(number);
            page.problem = Some("page object missing".into());
            out[i] = Some((false, per_page(page)));
            continue;
        }
        pending.push(i);
    }

    let mut done = 0usize;
    while done < pending.len() {
        // Our walk of the next pages first; pdf-extract then reads each page's content cut to its text operations (see
        // `PageGraphics::text_only`), put in for this run only. Blank pages are finished here:
        // pdf-extract never sees them (it would fail on a blank page without a MediaBox that
        // needs nothing read).
        let mut prepared: Vec<Option<Prepared>> = Vec::with_capacity(WINDOW_PAGES);
        let mut end = done;
        while end < pending.len() && prepared.len() < WINDOW_PAGES {
            let (number, id) = jobs[pending[end]];
            match prepare(doc, id) {
                Some(prep) if prep.blank => {
                    out[pending[end]] = Some((true, per_page(finish_blank(number, prep))));
                    pending.remove(end);
                    if let Some(r) = release.as_mut() {
                        r.page_read(doc, id);
                    }
                }
                prep => {
                    prepared.push(prep);
                    end += 1;
                }
            }
        }
        let window = &pending[done..end];
        if window.is_empty() {
            break;
        }
        if !cut {
            prepared.iter_mut().flatten().for_each(|p| p.graphics.text_only = None);
        }
        let swapped = swap_in_text_only(doc, window.iter().filter_map(|&i| jobs.get(i)), &mut prepared);
        let Some(restore) = point_catalog_at(doc, window.iter().filter_map(|&i| jobs.get(i))) else {
            swapped.undo(doc);
            // No catalog to point: every remaining page fails as pdf-extract would.
            fail_rest(doc, jobs, &pending[done..], &mut out, per_page, "no catalog");
            break;
        };
        let doc_ref: &Document = doc;
        let mut dev = Demux {
            doc: doc_ref,
            jobs,
            pending: window,
            prepared,
            next: 0,
            current: None,
            out: &mut out,
            per_page,
            panic: None,
        };
        let result = catch_unwind(AssertUnwindSafe(|| pdf_extract::output_doc(doc_ref, &mut dev)));
        if let Some(p) = dev.panic.take() {
            restore.undo(doc);
            swapped.undo(doc);
            resume_unwind(p);
        }
        let (next, current) = (dev.next, dev.current.take());
        let problem = match result {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(unreadable(&e.to_string())),
            Err(panic) => Some(unreadable(panic_message(panic.as_ref()).lines().next().unwrap_or(""))),
        };
        done += next;
        restore.undo(doc);
        swapped.undo(doc);
        if let Some(r) = release.as_mut() {
            for &i in &window[..next.min(window.len())] {
                r.page_read(doc, jobs[i].1);
            }
        }
        let Some(problem) = problem else {
            if next == 0 {
                // pdf-extract showed none of the pages it was given: read them one at a time.
                fail_rest(doc, jobs, &pending[done..], &mut out, per_page, "the page was not reached");
                break;
            }
            continue;
        };
        // The page being read when pdf-extract failed keeps what it showed so far.
        let Some(&i) = pending.get(done) else { break };
        let (number, id) = jobs[i];
        let page = match current {
            Some((prep, shown)) => finish(number, prep, shown, Some(problem)),
            None => failed_page(doc, number, id, problem),
        };
        out[i] = Some((false, per_page(page)));
        done += 1;
    }
    out.into_iter()
        .zip(jobs)
        .map(|(o, &(number, _))| o.unwrap_or_else(|| (false, per_page(empty_page(number)))))
        .collect()
}

/// A page pdf-extract failed on before showing anything: our walk's graphics, no glyphs.
fn failed_page(doc: &Document, number: u32, id: ObjectId, problem: String) -> RawPage {
    match prepare(doc, id) {
        Some(prep) => finish(number, prep, Shown::default(), Some(problem)),
        None => empty_page(number),
    }
}

fn unreadable(why: &str) -> String {
    format!("text layer unreadable: {why}")
}

fn fail_rest<T>(
    doc: &Document,
    jobs: &[(u32, ObjectId)],
    rest: &[usize],
    out: &mut [Option<(bool, T)>],
    per_page: &impl Fn(RawPage) -> T,
    why: &str,
) {
    for &i in rest {
        let (number, id) = jobs[i];
        out[i] = Some((false, per_page(failed_page(doc, number, id, unreadable(why)))));
    }
}

/// Page `/Contents` replaced for one run of pdf-extract, to put back after it.
struct Swapped {
    /// (page, its `/Contents` as it was, the stream put in its place).
    pages: Vec<(ObjectId, Option<Object>, ObjectId)>,
}

impl Swapped {
    fn undo(self, doc: &mut Document) {
        for (page, contents, added) in self.pages {
            put_back(doc, added, page, b"Contents", contents);
        }
    }
}

/// Undoes one swap: removes the object `added` for a run and sets `owner`'s `key` back to
/// what it was (`None`: the key was absent).
fn put_back(doc: &mut Document, added: ObjectId, owner: ObjectId, key: &[u8], was: Option<Object>) {
    doc.objects.remove(&added);
    if let Ok(d) = doc.get_dictionary_mut(owner) {
        match was {
            Some(v) => d.set(key.to_vec(), v),
            None => {
                d.remove(key);
            }
        }
    }
}

/// Points each page that has a text-only cut of its content at a new stream holding it.
fn swap_in_text_only<'j>(
    doc: &mut Document,
    pages: impl Iterator<Item = &'j (u32, ObjectId)>,
    prepared: &mut [Option<Prepared>],
) -> Swapped {
    let mut swapped = Swapped { pages: Vec::new() };
    for (&(_, id), prep) in pages.zip(prepared) {
        let Some(text) = prep.as_mut().and_then(|p| p.graphics.text_only.take()) else { continue };
        if doc.get_dictionary(id).is_err() || swapped.pages.iter().any(|s| s.0 == id) {
            continue;
        }
        let added = doc.add_object(lopdf::Stream::new(Dictionary::new(), text));
        if let Ok(d) = doc.get_dictionary_mut(id) {
            let old = d.get(b"Contents").ok().cloned();
            d.set("Contents", Object::Reference(added));
            swapped.pages.push((id, old, added));
        }
    }
    swapped
}

/// The catalog's `/Pages` as it was, to put back after a run.
struct Restore {
    root: ObjectId,
    pages: Option<Object>,
    node: ObjectId,
}

impl Restore {
    fn undo(self, doc: &mut Document) {
        put_back(doc, self.node, self.root, b"Pages", self.pages);
    }
}

/// Adds a page-tree node whose kids are `pages` and points the catalog at it, so pdf-extract's
/// `output_doc` reads exactly those pages, in that order. None without a catalog.
fn point_catalog_at<'j>(
    doc: &mut Document,
    pages: impl Iterator<Item = &'j (u32, ObjectId)>,
) -> Option<Restore> {
    let root = doc.trailer.get(b"Root").and_then(Object::as_reference).ok()?;
    let kids: Vec<Object> = pages.map(|&(_, id)| Object::Reference(id)).collect();
    doc.get_dictionary(root).ok()?;
    let mut node = Dictionary::new();
    node.set("Type", Object::Name(b"Pages".to_vec()));
    node.set("Count", Object::Integer(kids.len() as i64));
    node.set("Kids", Object::Array(kids));
    let node = doc.add_object(Object::Dictionary(node));
    let cat = doc.get_dictionary_mut(root).ok()?;
    let pages = cat.get(b"Pages").ok().cloned();
    cat.set("Pages", Object::Reference(node));
    Some(Restore { root, pages, node })
}

/// pdf-extract's output, split by page: each page is finished and handed to `per_page` at its
/// `end_page`.
struct Demux<'a, T, F> {
    doc: &'a Document,
    jobs: &'a [(u32, ObjectId)],
    /// Indices into `jobs` of the pages this run reads, in order.
    pending: &'a [usize],
    /// Our walk of each of `pending`, taken at its `begin_page`.
    prepared: Vec<Option<Prepared>>,
    /// How many of `pending` have ended.
    next: usize,
    current: Option<(Prepared, Shown)>,
    out: &'a mut [Option<(bool, T)>],
    per_page: &'a F,
    /// A panic of ours (not pdf-extract's) in `per_page`, re-raised after the run.
    panic: Option<Box<dyn Any + Send>>,
}

impl<T, F: Fn(RawPage) -> T> pdf_extract::OutputDev for Demux<'_, T, F> {
    fn begin_page(
        &mut self,
        _: u32,
        _: &pdf_extract::MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        let Some(&(_, id)) = self.pending.get(self.next).and_then(|&i| self.jobs.get(i)) else {
            return Err(pdf_extract::OutputError::PdfError(lopdf::Error::PageNumberNotFound(0)));
        };
        let prep = self
            .prepared
            .get_mut(self.next)
            .and_then(Option::take)
            .or_else(|| prepare(self.doc, id))
            .ok_or(pdf_extract::OutputError::PdfError(lopdf::Error::ObjectNotFound(id)))?;
        self.current = Some((prep, Shown::default()));
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        let (Some(&i), Some((prep, shown))) = (self.pending.get(self.next), self.current.take()) else {
            return Ok(());
        };
        let Some(&(number, _)) = self.jobs.get(i) else { return Ok(()) };
        let per_page = self.per_page;
        match catch_unwind(AssertUnwindSafe(|| per_page(finish(number, prep, shown, None)))) {
            Ok(t) => {
                if let Some(slot) = self.out.get_mut(i) {
                    *slot = Some((true, t));
                }
                self.next += 1;
                Ok(())
            }
            Err(p) => {
                self.panic = Some(p);
                Err(pdf_extract::OutputError::PdfError(lopdf::Error::PageNumberNotFound(number)))
            }
        }
    }
    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        if let Some((_, s)) = self.current.as_mut() {
            s.run_index = Some(s.run_index.map_or(0, |i| i + 1));
        }
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        let Some((prep, shown)) = self.current.as_mut() else { return Ok(()) };
        if shown.glyphs.len() > MAX_GLYPHS_PER_PAGE {
            return Ok(());
        }
        let run = shown.run_index.and_then(|i| prep.graphics.runs.get(i));
        let base = run.map(|r| r.base).unwrap_or(Matrix::IDENTITY);
        let m = Matrix([trm.m11, trm.m12, trm.m21, trm.m22, trm.m31, trm.m32]).then(&base);
        if !m.is_finite() || !font_size.is_finite() {
            return Ok(());
        }
        let text: String =
            ch.chars().filter(|c| (!c.is_control() || *c == '\t') && *c != '\u{FFFD}').collect();
        if text.is_empty() {
            shown.undecodable += 1;
            return Ok(());
        }
        shown.glyphs.push(UserGlyph {
            origin: m.apply(0.0, 0.0),
            adv: m.apply_vec(width * font_size, 0.0),
            up: m.apply_vec(0.0, font_size),
            text,
            run: shown.run_index,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::decode::tests::deflate;
    use lopdf::{dictionary, Stream};

    /// Four pages: 1 and 2 draw stream A, 3 draws A and B, 4 draws C. The copy for pages 3-4
    /// keeps their objects and every stream they draw (A too, which page 1 shares), and lacks
    /// pages 1 and 2; the document itself is left as it was.
    #[test]
    fn a_chunks_copy_holds_its_pages_and_what_they_draw() {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let mut stream = |text: &str| doc.add_object(Stream::new(dictionary! {}, text.as_bytes().to_vec()));
        let (a, b, c) = (stream("A"), stream("B"), stream("C"));
        let contents = [
            Object::Reference(a),
            Object::Reference(a),
            Object::Array(vec![Object::Reference(a), Object::Reference(b)]),
            Object::Reference(c),
        ];
        let jobs: Vec<(u32, ObjectId)> = contents
            .into_iter()
            .zip(1..)
            .map(|(c, n)| {
                (n, doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => c }))
            })
            .collect();
        let kids: Vec<Object> = jobs.iter().map(|&(_, id)| Object::Reference(id)).collect();
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 4 }),
        );
        let before = format!("{:?}", doc.objects);
        let copy = copy_for_chunk(&mut doc, &jobs, &(2..4));
        assert_eq!(format!("{:?}", doc.objects), before, "the document is left as it was");
        for id in [jobs[2].1, jobs[3].1, a, b, c, pages_id] {
            assert_eq!(copy.objects.get(&id), doc.objects.get(&id));
        }
        assert!(!copy.objects.contains_key(&jobs[0].1) && !copy.objects.contains_key(&jobs[1].1));
        // The copy for pages 1-2 keeps A and lacks B and C, which only pages 3 and 4 draw.
        let copy = copy_for_chunk(&mut doc, &jobs, &(0..2));
        assert!(
            copy.objects.contains_key(&a) && !copy.objects.contains_key(&b) && !copy.objects.contains_key(&c)
        );
    }

    /// Pages 1-3 are this chunk's, page 4 another's (kept: it may be read again from this
    /// document). 1 and 2 draw stream A, 3 draws a form-typed stream F, 4 draws A and B.
    /// Page 2 is listed twice (a malformed tree), and page 3's /Parent is page 1.
    #[test]
    fn read_pages_and_the_streams_only_they_draw_are_dropped() {
        let mut doc = Document::with_version("1.5");
        let a = doc.add_object(Stream::new(dictionary! {}, b"A".to_vec()));
        let b = doc.add_object(Stream::new(dictionary! {}, b"B".to_vec()));
        let f = doc.add_object(Stream::new(dictionary! { "Subtype" => "Form" }, b"F".to_vec()));
        let p1 = doc.add_object(dictionary! { "Type" => "Page", "Contents" => a });
        let p2 = doc.add_object(dictionary! { "Type" => "Page", "Contents" => a });
        let p3 = doc.add_object(dictionary! { "Type" => "Page", "Contents" => f, "Parent" => p1 });
        let p4 = doc.add_object(dictionary! { "Type" => "Page", "Contents" => vec![a.into(), b.into()] });
        let jobs = [(1, p1), (2, p2), (3, p3), (4, p2)];
        let mut release = Release::new(&doc, &jobs, &[(5, p4)]);
        release.page_read(&mut doc, p2);
        assert!(doc.objects.contains_key(&p2), "page 2 is still to be read again");
        release.page_read(&mut doc, p2);
        assert!(!doc.objects.contains_key(&p2));
        assert!(doc.objects.contains_key(&a), "page 1 and the other chunk's page 4 draw A");
        release.page_read(&mut doc, p3);
        assert!(!doc.objects.contains_key(&p3));
        assert!(doc.objects.contains_key(&f), "a form may be drawn elsewhere");
        release.page_read(&mut doc, p1);
        assert!(doc.objects.contains_key(&p1), "page 3 inherits through page 1");
        assert!(
            doc.objects.contains_key(&a) && doc.objects.contains_key(&b) && doc.objects.contains_key(&p4)
        );
        // Without the other chunk's page, A goes with the last page of this chunk that draws it.
        let mut release = Release::new(&doc, &[(4, p4)], &[]);
        release.page_read(&mut doc, p4);
        assert!(
            !doc.objects.contains_key(&p4) && !doc.objects.contains_key(&a) && !doc.objects.contains_key(&b)
        );
    }

    fn form(filters: &[&str], data: Vec<u8>) -> Object {
        let names = filters.iter().map(|f| Object::Name(f.as_bytes().to_vec())).collect();
        Object::Stream(Stream::new(
            dictionary! { "Subtype" => "Form", "Filter" => Object::Array(names) },
            data,
        ))
    }

    #[test]
    fn contents_are_inflated_under_the_bound_and_bombs_left_for_the_repairs() {
        let text = b"BT /F1 12 Tf (Minutes of the meeting) Tj ET".to_vec();
        let limits = Limits { max_stream_bytes: 1 << 20, ..Default::default() };
        let mut doc = Document::with_version("1.5");
        let plain = doc.add_object(form(&["FlateDecode"], deflate(&text)));
        // 8 MB of spaces through two Flate stages: the second stage passes the 1 MB bound.
        let bomb =
            doc.add_object(form(&["FlateDecode", "FlateDecode"], deflate(&deflate(&vec![b' '; 8 << 20]))));
        let a85 = doc.add_object(form(&["ASCII85Decode"], b"9jqo^~>".to_vec()));
        inflate_contents(&mut doc, &limits);
        let stream = |id| match doc.objects.get(&id) {
            Some(Object::Stream(s)) => s.clone(),
            _ => panic!("not a stream"),
        };
        assert_eq!(stream(plain).content, text);
        assert!(stream(plain).dict.get(b"Filter").is_err());
        assert!(stream(bomb).dict.get(b"Filter").is_ok(), "the bomb is left compressed");
        assert!(stream(a85).dict.get(b"Filter").is_ok(), "left to lopdf");
    }
}
