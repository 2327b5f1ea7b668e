//! Repairs on the lopdf `Document` before pdf-extract sees it, so that known panics, endless
//! recursion and runaway work become ordinary, readable pages. Every cycle and every nesting is
//! cut at a bound here: pdf-extract recurses without limits (form XObjects, the page tree's
//! `/Parent` chain, ToUnicode CMaps), and a stack overflow or a loop there cannot be caught.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};

use super::decode::{self, Decoded};
use super::scan::{self, Edits, MAX_NESTING};
use super::Limits;

/// Form XObjects nest at most this deep below a page (pdf-extract recurses once per level).
pub const MAX_FORM_DEPTH: usize = 12;

/// A page's drawing stops after this much work: one unit per operator, plus one per byte of
/// text shown (an upper bound of its glyphs), with each form's work counted at every
/// invocation. A dense real page needs about 10,000; deterministic, unlike a time limit.
pub const PAGE_BUDGET: u64 = 250_000;

/// Work an ordinary dense page may always do, whatever the document has spent: real packs of
/// thousands of pages (about 10,000 units a page) are never cut by the document's budget.
pub const ORDINARY_PAGE_WORK: u64 = 20_000;

/// The whole document's drawing stops after this much work beyond each page's ordinary work
/// (5,000 pages sharing one heavy stream would each stay within the page budget).
pub const DOCUMENT_BUDGET: u64 = 30_000_000;

/// A ToUnicode map may map at most this many codes (a real font maps a few thousand).
const MAX_CMAP_CODES: u64 = 1 << 20;

/// One `bfrange` covers at most a two-byte code space. PDF 32000-1 (9.10.3) lets only the last
/// byte vary, but producers write `<0000> <FFFF> <0000>` for identity maps, which must stay
/// whole; a 4G-code range is clamped instead of expanded.
const MAX_RANGE_CODES: u64 = 1 << 16;

/// The page box used when no page or ancestor gives a usable MediaBox (US Letter, as
/// pdftotext and most viewers assume).
const DEFAULT_MEDIA_BOX: [i64; 4] = [0, 0, 612, 792];

/// What the repairs did: lines for `repaired_input`, and pages whose drawing was cut short.
#[derive(Debug, Default)]
pub struct Repairs {
    pub notes: Vec<String>,
    /// (page, message) for each page cut at its work budget.
    pub over_budget: Vec<(u32, String)>,
}

/// Repairs `doc` in place: one note per kind of repair made.
pub fn repair(doc: &mut Document, limits: &Limits) -> Repairs {
    let mut out = Repairs::default();
    let notes = &mut out.notes;

    // 1. Decompression bombs, through every filter of every chain.
    let bombs = defuse_bombs(doc, limits);
    if bombs > 0 {
        notes.push(format!(
            "{bombs} streams decoding past {} bytes were skipped (a decompression bomb)",
            limits.max_stream_bytes
        ));
    }

    let ids: HashSet<ObjectId> = doc.objects.keys().copied().collect();

    // 2. Dangling references become null: pdf-extract unwraps on them.
    let mut dangling = 0usize;
    for obj in doc.objects.values_mut() {
        null_dangling(obj, &ids, &mut dangling, 0);
    }
    if dangling > 0 {
        notes.push(format!("{dangling} references to missing objects were treated as null"));
    }

    // 3. Images: pdf-extract would parse their pixels as a content stream. We only need their
    //    placement, which our own walk takes from the CTM, so their data is dropped here.
    let mut oversized = 0usize;
    for obj in doc.objects.values_mut() {
        let Object::Stream(s) = obj else { continue };
        if is_image(s) {
            s.dict.remove(b"Filter");
            s.dict.remove(b"DecodeParms");
            s.set_content(Vec::new());
        } else if s.content.len() > limits.max_stream_bytes {
            oversized += 1;
            s.dict.remove(b"Filter");
            s.set_content(Vec::new());
        }
    }
    if oversized > 0 {
        notes.push(format!("{oversized} streams over {} bytes were skipped", limits.max_stream_bytes));
    }

    // 4. The page tree: /Parent chains that loop (pdf-extract's resource lookup would spin),
    //    and pages without a usable MediaBox (pdf-extract needs one).
    let pages: Vec<(u32, ObjectId)> = doc.get_pages().into_iter().collect();
    let loops = cut_parent_cycles(doc, &pages);
    if loops > 0 {
        notes.push(format!("{loops} page-tree /Parent links that looped were cut"));
    }
    let boxes = default_media_boxes(doc, &pages);
    if boxes > 0 {
        notes.push(format!(
            "{boxes} pages had no usable MediaBox; the default {}x{} pt box was used",
            DEFAULT_MEDIA_BOX[2], DEFAULT_MEDIA_BOX[3]
        ));
    }

    // 5. Font CMaps (ToUnicode, Type0 encodings) that the CMap parser would recurse on, expand
    //    without end or fail on.
    notes.extend(check_font_maps(doc, limits));

    // 6. Content streams: operands nested past what the content parser takes, long comments.
    let (deep, comments) = tidy_content_streams(doc, &pages);
    if deep > 0 {
        notes.push(format!("{deep} operand groups nested more than {MAX_NESTING} deep were dropped"));
    }
    if comments > 0 {
        notes.push(format!("{comments} content streams had long comments removed"));
    }

    // 7. Text shown with ' and " is dropped by pdf-extract, and so is their move to the next
    //    line, so what follows lands on the line above: rewrite them as T* Tj.
    let rewritten = rewrite_quote_operators(doc);
    if rewritten > 0 {
        notes.push(format!("{rewritten} content streams used the ' or \" text operators and were rewritten"));
    }

    // 8. Forms: every cycle and every nesting past MAX_FORM_DEPTH is cut, then each page's
    //    drawing is cut at its work budget.
    let mut forms = FormGraph::new(doc);
    let page_cuts = forms.pages(&pages[..pages.len().min(limits.max_pages as usize)], &mut out.over_budget);
    let cycles = forms.cycle_cuts;
    let deep_forms = forms.depth_cuts;
    let form_cuts = std::mem::take(&mut forms.cuts);
    drop(forms);
    apply_form_cuts(doc, form_cuts);
    for (page, content) in page_cuts {
        let id = doc.add_object(Stream::new(Dictionary::new(), content));
        if let Ok(d) = doc.get_dictionary_mut(page) {
            d.set("Contents", Object::Reference(id));
        }
    }
    let notes = &mut out.notes;
    if cycles > 0 {
        notes.push(format!("{cycles} form XObject invocations that drew themselves were cut"));
    }
    if deep_forms > 0 {
        notes.push(format!(
            "{deep_forms} form XObject invocations nested more than {MAX_FORM_DEPTH} deep were cut"
        ));
    }
    out
}

fn is_image(s: &Stream) -> bool {
    matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Image")
}

/// Empties every stream that decodes past `max_stream_bytes` through any filter of its chain
/// (a 2 KB double-Flate or LZW stream can hold 1 GB), before lopdf or pdf-extract decode it.
/// Images are skipped: their data is never decoded. Returns how many were emptied.
fn defuse_bombs(doc: &mut Document, limits: &Limits) -> usize {
    let mut bombs = 0usize;
    for obj in doc.objects.values_mut() {
        let Object::Stream(s) = obj else { continue };
        if is_image(s) || decode::check(s, limits.max_stream_bytes) == Decoded::Within {
            continue;
        }
        bombs += 1;
        s.dict.remove(b"Filter");
        s.dict.remove(b"DecodeParms");
        s.set_content(Vec::new());
    }
    bombs
}

/// Removes the `/Parent` link that closes a loop in each page's chain of ancestors.
fn cut_parent_cycles(doc: &mut Document, pages: &[(u32, ObjectId)]) -> usize {
    let mut cut = 0;
    for &(_, page) in pages {
        let mut seen = HashSet::from([page]);
        let mut node = page;
        while let Some(Object::Reference(parent)) =
            doc.get_dictionary(node).ok().and_then(|d| d.get(b"Parent").ok())
        {
            let parent = *parent;
            if !seen.insert(parent) {
                if let Ok(d) = doc.get_dictionary_mut(node) {
                    d.remove(b"Parent");
                    cut += 1;
                }
                break;
            }
            node = parent;
        }
    }
    cut
}

/// Gives every page without a usable inherited MediaBox the default one.
fn default_media_boxes(doc: &mut Document, pages: &[(u32, ObjectId)]) -> usize {
    let missing: Vec<ObjectId> = pages
        .iter()
        .filter(|(_, id)| {
            doc.get_dictionary(*id).is_ok_and(|d| super::rect_of(doc, d, b"MediaBox").is_none())
        })
        .map(|(_, id)| *id)
        .collect();
    for id in &missing {
        if let Ok(d) = doc.get_dictionary_mut(*id) {
            d.set("MediaBox", Object::Array(DEFAULT_MEDIA_BOX.iter().map(|&v| Object::Integer(v)).collect()));
        }
    }
    missing.len()
}

/// Which map of a font a CMap stream is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum CmapRole {
    /// `/ToUnicode`: codes to text.
    ToUnicode,
    /// A Type0 font's `/Encoding` given as an embedded CMap: codes to CIDs.
    Encoding,
}

/// Every font's CMaps are checked before pdf-extract's CMap parser sees them: each ToUnicode map
/// and each Type0 font's embedded `/Encoding` CMap, whether the font dictionary is an object of
/// its own or written inside a resource dictionary. A map nested past MAX_NESTING (the parser
/// recurses), with a `bfrange` wider than a two-byte code space (clamped to MAX_RANGE_CODES),
/// more codes than any font has, text the parser fails on, a filter lopdf cannot decode (we
/// decode it here, bounded), or that is no stream at all (pdf-extract panics on a direct
/// ToUnicode) is replaced by what the font has without it: the font's own encoding for a
/// ToUnicode map, `Identity-H` for an encoding. `/UseCMap` links that loop or chain past
/// MAX_USECMAP_DEPTH are cut.
fn check_font_maps(doc: &mut Document, limits: &Limits) -> Vec<String> {
    let mut targets: BTreeSet<(CmapRole, ObjectId)> = BTreeSet::new();
    for obj in doc.objects.values() {
        visit_dicts(obj, 0, &mut |d| {
            if let Ok(Object::Reference(r)) = d.get(b"ToUnicode") {
                targets.insert((CmapRole::ToUnicode, *r));
            }
            if is_type0(d) {
                if let Ok(Object::Reference(r)) = d.get(b"Encoding") {
                    targets.insert((CmapRole::Encoding, *r));
                }
            }
        });
    }
    let mut bad: BTreeSet<(CmapRole, ObjectId)> = BTreeSet::new();
    let mut why: BTreeMap<CmapRole, BTreeSet<&'static str>> = BTreeMap::new();
    let (mut clamped, mut decoded) = (0usize, 0usize);
    let mut streams: BTreeSet<ObjectId> = BTreeSet::new();
    for &(role, id) in &targets {
        let verdict = match doc.get_object(id) {
            // pdf-extract takes the name Identity-H for a ToUnicode map and panics on any other;
            // an encoding's name is a predefined CMap, left as it is written in place.
            Ok(Object::Name(n)) if n == b"Identity-H" || role == CmapRole::Encoding => continue,
            Ok(Object::Stream(s)) => match cmap_text(s, limits) {
                Ok((text, lopdf_fails)) => {
                    streams.insert(id);
                    let vetted = match role {
                        CmapRole::ToUnicode => vet_cmap(&text).map(|v| {
                            clamped += usize::from(v.clamped);
                            v.text
                        }),
                        CmapRole::Encoding => vet_encoding_cmap(&text).map(Some),
                    };
                    match vetted {
                        Ok(fixed) => {
                            decoded += usize::from(lopdf_fails);
                            if fixed.is_some() || lopdf_fails {
                                if let Ok(Object::Stream(s)) = doc.get_object_mut(id) {
                                    s.dict.remove(b"Filter");
                                    s.dict.remove(b"DecodeParms");
                                    s.set_content(fixed.unwrap_or(text));
                                }
                            }
                            Ok(())
                        }
                        Err(reason) => Err(reason),
                    }
                }
                Err(reason) => Err(reason),
            },
            Ok(_) => Err("not a stream"),
            Err(_) => Err("missing"),
        };
        if let Err(reason) = verdict {
            bad.insert((role, id));
            why.entry(role).or_default().insert(reason);
        }
    }
    // Maps written in place of a reference: pdf-extract panics on any but the name Identity-H.
    let mut direct: BTreeMap<CmapRole, usize> = BTreeMap::new();
    for obj in doc.objects.values_mut() {
        visit_dicts_mut(obj, 0, &mut |d| {
            match d.get(b"ToUnicode") {
                Ok(Object::Reference(r)) if bad.contains(&(CmapRole::ToUnicode, *r)) => {
                    d.remove(b"ToUnicode");
                }
                Ok(Object::Reference(_)) => {}
                Ok(Object::Name(n)) if n == b"Identity-H" => {}
                Ok(_) => {
                    d.remove(b"ToUnicode");
                    *direct.entry(CmapRole::ToUnicode).or_default() += 1;
                }
                Err(_) => {}
            }
            if is_type0(d) {
                let identity = Object::Name(b"Identity-H".to_vec());
                match d.get(b"Encoding") {
                    Ok(Object::Reference(r)) if bad.contains(&(CmapRole::Encoding, *r)) => {
                        d.set("Encoding", identity);
                    }
                    Ok(Object::Reference(_) | Object::Name(_)) => {}
                    Ok(_) => {
                        d.set("Encoding", identity);
                        *direct.entry(CmapRole::Encoding).or_default() += 1;
                    }
                    Err(_) => {}
                }
            }
        });
    }
    for (role, n) in &direct {
        if *n > 0 {
            why.entry(*role).or_default().insert("not a stream");
        }
    }
    let use_cuts = cut_use_cmap_chains(doc, &streams);

    let count =
        |role: CmapRole| bad.iter().filter(|(r, _)| *r == role).count() + direct.get(&role).unwrap_or(&0);
    let reasons = |role: CmapRole| why.get(&role).map(|w| w.iter().copied().collect::<Vec<_>>().join(", "));
    let mut notes = Vec::new();
    if clamped > 0 {
        notes.push(format!(
            "{clamped} ToUnicode maps had code ranges of more than {MAX_RANGE_CODES} codes; they were clamped"
        ));
    }
    if let (n @ 1.., Some(why)) = (count(CmapRole::ToUnicode), reasons(CmapRole::ToUnicode)) {
        notes.push(format!(
            "{n} ToUnicode maps could not be used ({why}); the fonts' own encodings were used"
        ));
    }
    if let (n @ 1.., Some(why)) = (count(CmapRole::Encoding), reasons(CmapRole::Encoding)) {
        notes.push(format!(
            "{n} Type0 font encodings (embedded CMaps) could not be used ({why}); Identity-H was used"
        ));
    }
    if use_cuts > 0 {
        notes.push(format!(
            "{use_cuts} /UseCMap links that looped or chained more than {MAX_USECMAP_DEPTH} deep were cut"
        ));
    }
    // Decoding a filter lopdf lacks mends nothing in the file: no note.
    let _ = decoded;
    notes
}

/// `/UseCMap` chains are followed at most this deep.
const MAX_USECMAP_DEPTH: usize = 8;

/// Cuts the `/UseCMap` link that closes a loop, or passes MAX_USECMAP_DEPTH, in the chain from
/// each font CMap stream; returns how many links were cut. (pdf-extract does not follow the
/// links, but a reader that did would loop; the cut map keeps its own mappings.)
fn cut_use_cmap_chains(doc: &mut Document, starts: &BTreeSet<ObjectId>) -> usize {
    let mut cuts = 0;
    for &start in starts {
        let mut seen = HashSet::from([start]);
        let mut node = start;
        while let Ok(Object::Stream(s)) = doc.get_object(node) {
            let Ok(Object::Reference(next)) = s.dict.get(b"UseCMap") else { break };
            let next = *next;
            if !seen.insert(next) || seen.len() > MAX_USECMAP_DEPTH {
                if let Ok(Object::Stream(s)) = doc.get_object_mut(node) {
                    s.dict.remove(b"UseCMap");
                    cuts += 1;
                }
                break;
            }
            node = next;
        }
    }
    cuts
}

fn is_type0(d: &Dictionary) -> bool {
    matches!(d.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Type0")
}

/// Calls `f` on every dictionary in `obj` (stream dictionaries included), to a bounded depth.
fn visit_dicts(obj: &Object, depth: usize, f: &mut impl FnMut(&Dictionary)) {
    if depth > MAX_NESTING {
        return;
    }
    match obj {
        Object::Array(items) => items.iter().for_each(|o| visit_dicts(o, depth + 1, f)),
        Object::Dictionary(d) => {
            f(d);
            d.iter().for_each(|(_, o)| visit_dicts(o, depth + 1, f));
        }
        Object::Stream(s) => {
            f(&s.dict);
            s.dict.iter().for_each(|(_, o)| visit_dicts(o, depth + 1, f));
        }
        _ => {}
    }
}

/// As [`visit_dicts`], each dictionary given mutably (before its values are visited).
fn visit_dicts_mut(obj: &mut Object, depth: usize, f: &mut impl FnMut(&mut Dictionary)) {
    if depth > MAX_NESTING {
        return;
    }
    match obj {
        Object::Array(items) => items.iter_mut().for_each(|o| visit_dicts_mut(o, depth + 1, f)),
        Object::Dictionary(d) => {
            f(d);
            d.iter_mut().for_each(|(_, o)| visit_dicts_mut(o, depth + 1, f));
        }
        Object::Stream(s) => {
            f(&mut s.dict);
            s.dict.iter_mut().for_each(|(_, o)| visit_dicts_mut(o, depth + 1, f));
        }
        _ => {}
    }
}

/// A CMap stream's text, and whether lopdf (which pdf-extract uses) fails to decode it: lopdf
/// lacks ASCIIHexDecode and RunLengthDecode, and pdf-extract then parses the raw bytes.
fn cmap_text(s: &Stream, limits: &Limits) -> Result<(Vec<u8>, bool), &'static str> {
    if s.dict.get(b"Filter").is_err() {
        return Ok((s.content.clone(), false));
    }
    if let Ok(text) = s.decompressed_content() {
        return Ok((text, false));
    }
    decode::decode_all(&s.content, &decode::filters(s), limits.max_stream_bytes)
        .map(|text| (text, true))
        .ok_or("undecodable")
}

/// A Type0 font's embedded encoding CMap rewritten into the form pdf-extract reads right, or
/// why it cannot be used: nested past MAX_NESTING (its parser recurses), a parse that fails or
/// panics, no code space, or CIDs past 32 bits.
///
/// pdf-extract 0.12 misreads every embedded encoding: it takes an n-byte code space for n/2
/// bytes, gives a code the CID `code + first CID` (not `code - first code + first CID`), and
/// ignores `cidchar`. The map is written back as code spaces of doubled width, each range's
/// offset as `first CID - first code` (mod 2^32, which its unchecked addition undoes), each
/// `cidchar` as a range of one, and each range in a block of its own.
fn vet_encoding_cmap(data: &[u8]) -> Result<Vec<u8>, &'static str> {
    use adobe_cmap_parser::Value;
    if scan::max_nesting(data) > MAX_NESTING {
        return Err("nested too deep");
    }
    let parsed = catch_unwind(AssertUnwindSafe(|| adobe_cmap_parser::parse(data)));
    let Ok(Ok(lexed)) = parsed else { return Err("unparsable") };
    let code = |v: &Value| match v {
        Value::LiteralString(b) if !b.is_empty() && b.len() <= 4 => {
            Some((b.iter().fold(0u32, |c, &x| c << 8 | u32::from(x)), b.len()))
        }
        _ => None,
    };
    let mut spaces: Vec<(u32, u32, usize)> = Vec::new();
    let mut ranges: Vec<(u32, u32, u32)> = Vec::new();
    let mut i = 0;
    while let Some(v) = lexed.get(i) {
        let Value::Operator(op) = v else {
            i += 1;
            continue;
        };
        // A block's entries are read to its end operator, whatever count it claims.
        let block = |end: &str| {
            let stop = lexed.iter().skip(i + 1).position(|v| matches!(v, Value::Operator(o) if o == end));
            lexed.get(i + 1..i + 1 + stop.unwrap_or(0)).unwrap_or(&[])
        };
        match op.as_str() {
            "begincodespacerange" => {
                let items = block("endcodespacerange");
                for pair in items.chunks_exact(2) {
                    let (Some((lo, n)), Some((hi, m))) = (code(&pair[0]), code(&pair[1])) else {
                        return Err("unreadable code space");
                    };
                    if n != m || hi < lo {
                        return Err("unreadable code space");
                    }
                    spaces.push((lo, hi, n));
                }
                i += items.len() + 1;
            }
            "begincidrange" | "begincidchar" => {
                let ranged = op == "begincidrange";
                let items = block(if ranged { "endcidrange" } else { "endcidchar" });
                for entry in items.chunks_exact(if ranged { 3 } else { 2 }) {
                    let lo = code(&entry[0]).map(|c| c.0);
                    let hi = if ranged { code(&entry[1]).map(|c| c.0) } else { lo };
                    let cid = match entry.last() {
                        Some(Value::Integer(c)) => u32::try_from(*c).ok(),
                        _ => None,
                    };
                    let (Some(lo), Some(hi), Some(cid)) = (lo, hi, cid) else { return Err("unreadable CID") };
                    if hi < lo || (hi - lo).checked_add(cid).is_none() {
                        return Err("CIDs past 32 bits");
                    }
                    ranges.push((lo, hi, cid));
                }
                i += items.len() + 1;
            }
            _ => i += 1,
        }
    }
    if spaces.is_empty() {
        return Err("no code space");
    }
    let mut out = format!("{} begincodespacerange\n", spaces.len());
    for (lo, hi, n) in &spaces {
        out.push_str(&format!("<{lo:0w$X}> <{hi:0w$X}>\n", w = 4 * n));
    }
    out.push_str("endcodespacerange\n");
    // One range a block: adobe-cmap-parser 0.4 steps two values per `cidrange` entry of three,
    // so only a block's first entry is read right.
    for (lo, hi, cid) in &ranges {
        out.push_str(&format!(
            "1 begincidrange\n<{lo:08X}> <{hi:08X}> {}\nendcidrange\n",
            cid.wrapping_sub(*lo)
        ));
    }
    // What pdf-extract will do with it must not panic either.
    let reread = catch_unwind(AssertUnwindSafe(|| adobe_cmap_parser::get_byte_mapping(out.as_bytes())));
    match reread {
        Ok(Ok(_)) => Ok(out.into_bytes()),
        _ => Err("unparsable"),
    }
}

/// A ToUnicode map that pdf-extract can use, as [`vet_cmap`] gives it.
#[derive(Debug, PartialEq)]
struct VettedCmap {
    /// Some of its ranges were wider than a two-byte code space, and were clamped.
    clamped: bool,
    /// The text to put in place of the stream's: [`compact_cmap`]'s when that reads back as
    /// the same map, else the clamped text; None: the stream stays as it is.
    text: Option<Vec<u8>>,
}

/// Ok: the map can be used, as `text` says; Err: unusable.
fn vet_cmap(data: &[u8]) -> Result<VettedCmap, &'static str> {
    if scan::max_nesting(data) > MAX_NESTING {
        return Err("nested too deep");
    }
    let hex = |span: (usize, usize)| -> Option<(u64, usize)> {
        let digits: Vec<u8> =
            data.get(span.0..span.1)?.iter().copied().filter(|c| !c.is_ascii_whitespace()).collect();
        if digits.is_empty() || digits.len() > 16 {
            return None;
        }
        Some((u64::from_str_radix(std::str::from_utf8(&digits).ok()?, 16).ok()?, digits.len()))
    };
    let mut clamped_text: Vec<(usize, usize, String)> = Vec::new();
    let mut codes = 0u64;
    for r in scan::bf_ranges(data) {
        let (Some((lo, lo_len)), Some((hi, _))) = (hex(r.lo), hex(r.hi)) else { return Err("unreadable") };
        let hi_ok = hi.min(lo.saturating_add(MAX_RANGE_CODES - 1));
        if hi_ok != hi {
            clamped_text.push((r.hi.0, r.hi.1, format!("{hi_ok:0width$X}", width = lo_len)));
        }
        codes += hi_ok.saturating_sub(lo) + 1;
    }
    if codes > MAX_CMAP_CODES {
        return Err("too many codes");
    }
    // Edits hold static replacements; the clamped codes are spliced in by hand.
    let fixed = if clamped_text.is_empty() {
        None
    } else {
        let mut out = Vec::with_capacity(data.len());
        let mut at = 0;
        for (s, e, t) in &clamped_text {
            out.extend_from_slice(data.get(at..*s).unwrap_or(&[]));
            out.extend_from_slice(t.as_bytes());
            at = *e;
        }
        out.extend_from_slice(data.get(at..).unwrap_or(&[]));
        Some(out)
    };
    let text = fixed.as_deref().unwrap_or(data);
    // What pdf-extract does with the map: parse it, then read each value as UTF-16BE.
    let parsed = catch_unwind(AssertUnwindSafe(|| adobe_cmap_parser::get_unicode_map(text)));
    let Ok(Ok(map)) = parsed else { return Err("unparsable") };
    for v in map.values() {
        if v.len() % 2 != 0 {
            return Err("odd-length values");
        }
        let units: Vec<u16> = v.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        let lone_surrogate = matches!(units[..], [0xd800..=0xdfff]);
        if !lone_surrogate && String::from_utf16(&units).is_err() {
            return Err("invalid UTF-16");
        }
    }
    let clamped = fixed.is_some();
    let compact = compact_cmap(&map);
    let same = catch_unwind(AssertUnwindSafe(|| adobe_cmap_parser::get_unicode_map(&compact)));
    let text = match same {
        Ok(Ok(again)) if again == map => Some(compact),
        _ => fixed,
    };
    Ok(VettedCmap { clamped, text })
}

/// A ToUnicode map written the way pdf-extract's CMap parser (adobe-cmap-parser over pom)
/// reads it fastest. pdf-extract parses a font's map again on every page that selects the font,
/// and that parser spends about 3 µs a token (every failed alternative formats an error
/// message): the map as a producer writes it (a PostScript preamble, hex strings, single
/// codes) costs some 300 µs a page a font. Written here: no preamble, runs of consecutive
/// codes with consecutive values as one `bfrange`, the rest as `bfchar`, every string literal
/// (raw bytes; the parser tries literals before hex strings): about 40% of the time.
/// The caller keeps it only when the parser reads it back as the same map.
fn compact_cmap(map: &HashMap<u32, Vec<u8>>) -> Vec<u8> {
    fn literal(out: &mut Vec<u8>, bytes: &[u8]) {
        out.push(b'(');
        for &b in bytes {
            if matches!(b, b'\\' | b'(' | b')') {
                out.push(b'\\');
            }
            out.push(b);
        }
        out.push(b')');
    }
    // Two bytes when the code fits in two (the parser reads any width as a number).
    fn code(out: &mut Vec<u8>, c: u32) {
        let bytes = c.to_be_bytes();
        literal(out, if c <= 0xFFFF { &bytes[2..] } else { &bytes });
    }
    // The value a run's next code must map to for the run to go on (the parser steps a
    // two-byte start as u16 and a four-byte one as u32).
    fn next_value(v: &[u8]) -> Option<Vec<u8>> {
        match v.len() {
            2 => u16::from_be_bytes([v[0], v[1]]).checked_add(1).map(|n| n.to_be_bytes().to_vec()),
            4 => {
                u32::from_be_bytes([v[0], v[1], v[2], v[3]]).checked_add(1).map(|n| n.to_be_bytes().to_vec())
            }
            _ => None,
        }
    }
    let mut codes: Vec<u32> = map.keys().copied().collect();
    codes.sort_unstable();
    let (mut chars, mut ranges) = (Vec::new(), Vec::new());
    let (mut n_chars, mut n_ranges) = (0usize, 0usize);
    let mut i = 0;
    while i < codes.len() {
        let mut j = i;
        while let (Some(&next), Some(want)) = (codes.get(j + 1), next_value(&map[&codes[j]])) {
            if next != codes[j] + 1 || map[&next] != want {
                break;
            }
            j += 1;
        }
        if j > i {
            code(&mut ranges, codes[i]);
            code(&mut ranges, codes[j]);
            literal(&mut ranges, &map[&codes[i]]);
            ranges.push(b'\n');
            n_ranges += 1;
        } else {
            code(&mut chars, codes[i]);
            literal(&mut chars, &map[&codes[i]]);
            chars.push(b'\n');
            n_chars += 1;
        }
        i = j + 1;
    }
    let mut out = Vec::with_capacity(chars.len() + ranges.len() + 64);
    if n_chars > 0 {
        out.extend_from_slice(format!("{n_chars} beginbfchar\n").as_bytes());
        out.extend_from_slice(&chars);
        out.extend_from_slice(b"endbfchar\n");
    }
    if n_ranges > 0 {
        out.extend_from_slice(format!("{n_ranges} beginbfrange\n").as_bytes());
        out.extend_from_slice(&ranges);
        out.extend_from_slice(b"endbfrange\n");
    }
    out
}

/// The part of a page's work that counts against the document's budget.
fn excess(work: u64) -> u64 {
    work.saturating_sub(ORDINARY_PAGE_WORK)
}

/// The streams drawn as page content or as XObjects (not images).
fn content_stream_ids(doc: &Document, pages: &[(u32, ObjectId)]) -> BTreeSet<ObjectId> {
    let mut ids: BTreeSet<ObjectId> = pages.iter().flat_map(|(_, p)| doc.get_page_contents(*p)).collect();
    ids.extend(doc.objects.iter().filter_map(|(id, o)| match o {
        Object::Stream(s) if !is_image(s) && is_xobject(s) => Some(*id),
        _ => None,
    }));
    ids
}

fn is_xobject(s: &Stream) -> bool {
    matches!(s.dict.get(b"Type"), Ok(Object::Name(n)) if n == b"XObject")
        || matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Form" || n == b"PS")
        || s.dict.get(b"BBox").is_ok()
}

/// Replaces operand groups nested past MAX_NESTING by empty ones (lopdf's content parser fails
/// on the whole stream otherwise) and removes long comments; returns (groups, streams).
fn tidy_content_streams(doc: &mut Document, pages: &[(u32, ObjectId)]) -> (usize, usize) {
    let (mut deep, mut commented) = (0, 0);
    for id in content_stream_ids(doc, pages) {
        let Ok(Object::Stream(s)) = doc.get_object(id) else { continue };
        let Ok(data) = s.decompressed_content() else { continue };
        // Cheap test first: nothing to do without a deep bracket run or a long comment.
        if !data.contains(&b'%') && scan::max_bracket_run(&data) <= MAX_NESTING {
            continue;
        }
        let found = scan::scan_content(&data, |_| true);
        if found.edits.is_empty() {
            continue;
        }
        deep += found.too_deep;
        if found.edits.spans.len() > found.too_deep {
            commented += 1;
        }
        let fixed = found.edits.apply(&data);
        if let Ok(Object::Stream(s)) = doc.get_object_mut(id) {
            s.dict.remove(b"Filter");
            s.dict.remove(b"DecodeParms");
            s.set_content(fixed);
        }
    }
    (deep, commented)
}

/// What a form invocation costs, and how deep its own forms go below it.
#[derive(Debug, Clone, Copy)]
struct FormCost {
    work: u64,
    height: usize,
}

/// One form's content, scanned once: its own work and the forms it invokes.
struct FormScan {
    own: u64,
    /// (name, start, end) of each `Do`.
    calls: Vec<(Vec<u8>, usize, usize)>,
}

/// The form XObjects reached from each page, walked with the resources pdf-extract would use: a
/// form's own `/Resources`, else the caller's (so forms that use the page's resources and forms
/// of any subtype are followed, as pdf-extract's `Do` follows them).
struct FormGraph<'d> {
    doc: &'d Document,
    scans: HashMap<ObjectId, FormScan>,
    /// (form, resources owner when the form has none of its own) → cost.
    memo: HashMap<(ObjectId, Option<ObjectId>), FormCost>,
    /// Spans of `Do` operators to remove, per form stream.
    cuts: BTreeMap<ObjectId, BTreeSet<(usize, usize)>>,
    cycle_cuts: usize,
    depth_cuts: usize,
    spent: u64,
}

/// A `Do` either costs this much, or must be cut (a cycle or too deep).
enum Invoke {
    Cost(FormCost),
    Cycle,
    TooDeep,
}

impl<'d> FormGraph<'d> {
    fn new(doc: &'d Document) -> Self {
        FormGraph {
            doc,
            scans: HashMap::new(),
            memo: HashMap::new(),
            cuts: BTreeMap::new(),
            cycle_cuts: 0,
            depth_cuts: 0,
            spent: 0,
        }
    }

    fn resources_of(&self, owner: ObjectId) -> Option<&'d Dictionary> {
        let dict = match self.doc.get_object(owner).ok()? {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => return None,
        };
        match dict.get(b"Resources").ok()? {
            Object::Reference(r) => self.doc.get_dictionary(*r).ok(),
            Object::Dictionary(d) => Some(d),
            _ => None,
        }
    }

    /// The page or ancestor whose /Resources a page uses.
    fn page_resources_owner(&self, page: ObjectId) -> Option<ObjectId> {
        let mut node = page;
        for _ in 0..64 {
            if self.resources_of(node).is_some() {
                return Some(node);
            }
            node = match self.doc.get_dictionary(node).ok()?.get(b"Parent").ok()? {
                Object::Reference(p) => *p,
                _ => return None,
            };
        }
        None
    }

    /// The non-image XObject stream `name` resolves to under `owner`'s resources.
    fn resolve(&self, owner: Option<ObjectId>, name: &[u8]) -> Option<ObjectId> {
        let res = self.resources_of(owner?)?;
        let xobjects = match res.get(b"XObject").ok()? {
            Object::Reference(r) => self.doc.get_dictionary(*r).ok()?,
            Object::Dictionary(d) => d,
            _ => return None,
        };
        let Object::Reference(id) = xobjects.get(name).ok()? else { return None };
        match self.doc.get_object(*id).ok()? {
            Object::Stream(s) if !is_image(s) => Some(*id),
            _ => None,
        }
    }

    fn scan_form(&mut self, id: ObjectId) {
        if self.scans.contains_key(&id) {
            return;
        }
        let data = match self.doc.get_object(id) {
            Ok(Object::Stream(s)) => s.decompressed_content().unwrap_or_default(),
            _ => Vec::new(),
        };
        let mut fs = FormScan { own: 0, calls: Vec::new() };
        scan::scan_content(&data, |op| {
            fs.own = fs.own.saturating_add(1 + op.string_bytes as u64);
            if op.operator == b"Do" {
                if let Some(n) = op.name {
                    fs.calls.push((n.to_vec(), op.start, op.end));
                }
            }
            true
        });
        self.scans.insert(id, fs);
    }

    /// The cost of drawing form `id` invoked under `owner`'s resources, with `path` the forms
    /// being drawn above it; cuts the `Do`s inside it that close a cycle or nest too deep.
    fn invoke(&mut self, id: ObjectId, owner: Option<ObjectId>, path: &mut Vec<ObjectId>) -> Invoke {
        if path.contains(&id) {
            return Invoke::Cycle;
        }
        if path.len() >= MAX_FORM_DEPTH {
            return Invoke::TooDeep;
        }
        let own_resources = self.resources_of(id).is_some();
        let ctx = if own_resources { Some(id) } else { owner };
        let key = (id, if own_resources { None } else { owner });
        if let Some(c) = self.memo.get(&key) {
            if path.len() + 1 + c.height > MAX_FORM_DEPTH {
                return Invoke::TooDeep;
            }
            return Invoke::Cost(*c);
        }
        self.scan_form(id);
        let (own, calls) = match self.scans.get(&id) {
            Some(fs) => (fs.own, fs.calls.clone()),
            None => (1, vec![]),
        };
        let mut cost = FormCost { work: own, height: 1 };
        path.push(id);
        for (name, start, end) in calls {
            let Some(child) = self.resolve(ctx, &name) else { continue };
            match self.invoke(child, ctx, path) {
                Invoke::Cost(c) => {
                    cost.work = cost.work.saturating_add(c.work);
                    cost.height = cost.height.max(1 + c.height);
                }
                Invoke::Cycle => {
                    self.cycle_cuts += usize::from(self.cuts.entry(id).or_default().insert((start, end)));
                }
                Invoke::TooDeep => {
                    self.depth_cuts += usize::from(self.cuts.entry(id).or_default().insert((start, end)));
                }
            }
        }
        path.pop();
        self.memo.insert(key, cost);
        Invoke::Cost(cost)
    }

    /// Walks every page; returns the pages whose content must be replaced (a form invocation
    /// cut at page level, or the drawing cut at the budget), with the new content.
    fn pages(
        &mut self,
        pages: &[(u32, ObjectId)],
        over_budget: &mut Vec<(u32, String)>,
    ) -> Vec<(ObjectId, Vec<u8>)> {
        let mut out = Vec::new();
        // Each page's resources owner, and its work when it draws no form, read for all pages in
        // parallel.
        let plain: Vec<(Option<ObjectId>, Option<u64>)> = {
            use rayon::prelude::*;
            let graph = &*self;
            pages
                .par_iter()
                .map(|&(_, page)| {
                    let owner = graph.page_resources_owner(page);
                    (owner, graph.plain_work(page, owner))
                })
                .collect()
        };
        // Pages sharing the same content and resources get the same answer.
        let mut seen: HashMap<(Vec<ObjectId>, Option<ObjectId>), (u64, Option<Vec<u8>>, bool)> =
            HashMap::new();
        for (&(num, page), (owner, plain)) in pages.iter().zip(plain) {
            let key = (self.doc.get_page_contents(page), owner);
            let (work, replacement, cut) = match seen.get(&key) {
                Some(r) if self.spent.saturating_add(excess(r.0)) <= DOCUMENT_BUDGET => r.clone(),
                _ => {
                    // A page within its budget that draws no form is left as it is ([`Self::page`]
                    // would count the same work and change nothing); any other is walked here.
                    let r = match plain {
                        Some(work) if work <= self.page_budget() => (work, None, false),
                        _ => self.page(page, owner),
                    };
                    seen.insert(key, r.clone());
                    r
                }
            };
            self.spent = self.spent.saturating_add(excess(work));
            if cut {
                over_budget.push((
                    num,
                    format!(
                        "page {num}: drawing stopped after {} units of work (operators and glyphs, forms counted at each use{}); the text before that point is kept",
                        work,
                        if self.spent >= DOCUMENT_BUDGET { ", the document's budget spent" } else { "" }
                    ),
                ));
            }
            if let Some(content) = replacement {
                out.push((page, content));
            }
        }
        out
    }

    /// What the next page may spend: its own budget, or less once the document's is spent.
    fn page_budget(&self) -> u64 {
        PAGE_BUDGET.min(ORDINARY_PAGE_WORK.saturating_add(DOCUMENT_BUDGET.saturating_sub(self.spent)))
    }

    /// The work of a page's content, counted as [`Self::page`] counts it, when it invokes no
    /// form; None when it does (forms are costed in page order, with what is cut on the way).
    fn plain_work(&self, page: ObjectId, owner: Option<ObjectId>) -> Option<u64> {
        let content = self.doc.get_page_content(page).unwrap_or_default();
        let mut work = 0u64;
        let mut draws_form = false;
        scan::scan_content(&content, |op| {
            if op.operator == b"Do" && op.name.and_then(|n| self.resolve(owner, n)).is_some() {
                draws_form = true;
                return false;
            }
            work = work.saturating_add(1 + op.string_bytes as u64);
            true
        });
        (!draws_form).then_some(work)
    }

    /// (work, new content when it changes, whether the budget cut it).
    fn page(&mut self, page: ObjectId, owner: Option<ObjectId>) -> (u64, Option<Vec<u8>>, bool) {
        let content = self.doc.get_page_content(page).unwrap_or_default();
        let budget = self.page_budget();
        let mut work = 0u64;
        let mut stop: Option<usize> = None;
        let mut edits = Edits::default();
        let mut path = Vec::new();
        scan::scan_content(&content, |op| {
            let mut cost = 1 + op.string_bytes as u64;
            if op.operator == b"Do" {
                if let Some(child) = op.name.and_then(|n| self.resolve(owner, n)) {
                    match self.invoke(child, owner, &mut path) {
                        Invoke::Cost(c) => cost = cost.saturating_add(c.work),
                        Invoke::Cycle => edits.spans.push((op.start, op.end, b"")),
                        Invoke::TooDeep => {
                            self.depth_cuts += 1;
                            edits.spans.push((op.start, op.end, b""));
                        }
                    }
                }
            }
            if work.saturating_add(cost) > budget {
                stop = Some(op.start);
                return false;
            }
            work += cost;
            true
        });
        if stop.is_none() && edits.is_empty() {
            return (work, None, false);
        }
        let end = stop.unwrap_or(content.len());
        edits.spans.retain(|s| s.1 <= end);
        let kept = edits.apply(content.get(..end).unwrap_or(&[]));
        (work, Some(kept), stop.is_some())
    }
}

/// Removes the cut `Do` operators from each form's content.
fn apply_form_cuts(doc: &mut Document, cuts: BTreeMap<ObjectId, BTreeSet<(usize, usize)>>) {
    for (id, spans) in cuts {
        let Ok(Object::Stream(s)) = doc.get_object_mut(id) else { continue };
        let data = s.decompressed_content().unwrap_or_default();
        let edits = Edits { spans: spans.into_iter().map(|(a, b)| (a, b, &b""[..])).collect() };
        s.dict.remove(b"Filter");
        s.dict.remove(b"DecodeParms");
        s.set_content(edits.apply(&data));
    }
}

fn null_dangling(obj: &mut Object, ids: &HashSet<ObjectId>, count: &mut usize, depth: usize) {
    if depth > 64 {
        *obj = Object::Null;
        return;
    }
    match obj {
        Object::Reference(id) if !ids.contains(id) => {
            *obj = Object::Null;
            *count += 1;
        }
        Object::Array(items) => items.iter_mut().for_each(|o| null_dangling(o, ids, count, depth + 1)),
        // A null dictionary value means the key is absent (PDF 32000-1, 7.3.7): drop it, as
        // pdf-extract treats a present-but-null ToUnicode or Widths as fatal.
        Object::Dictionary(d) => {
            d.iter_mut().for_each(|(_, o)| null_dangling(o, ids, count, depth + 1));
            drop_nulls(d);
        }
        Object::Stream(s) => {
            s.dict.iter_mut().for_each(|(_, o)| null_dangling(o, ids, count, depth + 1));
            drop_nulls(&mut s.dict);
        }
        _ => {}
    }
}

fn drop_nulls(d: &mut Dictionary) {
    let nulls: Vec<Vec<u8>> =
        d.iter().filter(|(_, o)| matches!(o, Object::Null)).map(|(k, _)| k.clone()).collect();
    for k in nulls {
        d.remove(&k);
    }
}

/// Adds a standard font for every font name a page's content selects but its resources lack,
/// and removes `Do` targets that do not exist. Called for a page that failed, before a retry.
pub fn repair_page(doc: &mut Document, page_id: ObjectId) -> bool {
    let Ok(content) = doc.get_page_content(page_id) else { return false };
    let Ok(ops) = lopdf::content::Content::decode(&content) else { return false };
    let mut font_names: BTreeSet<Vec<u8>> = BTreeSet::new();
    for op in &ops.operations {
        if op.operator == "Tf" {
            if let Some(Object::Name(n)) = op.operands.first() {
                font_names.insert(n.clone());
            }
        }
    }
    if font_names.is_empty() {
        return false;
    }
    // Find (or make) the page's own Resources dictionary and its Font dictionary.
    let resources = {
        let Ok(page) = doc.get_dictionary(page_id) else { return false };
        match page.get(b"Resources") {
            Ok(Object::Reference(r)) => doc.get_dictionary(*r).ok().cloned(),
            Ok(Object::Dictionary(d)) => Some(d.clone()),
            _ => super::inherited(doc, page, b"Resources").and_then(|o| o.as_dict().ok()).cloned(),
        }
    };
    let mut resources = resources.unwrap_or_default();
    let mut fonts = match resources.get(b"Font") {
        Ok(Object::Reference(r)) => doc.get_dictionary(*r).ok().cloned().unwrap_or_default(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    let mut changed = false;
    for name in font_names {
        let present = match fonts.get(&name) {
            Ok(Object::Reference(r)) => matches!(doc.get_object(*r), Ok(Object::Dictionary(_))),
            Ok(Object::Dictionary(_)) => true,
            _ => false,
        };
        if !present {
            let mut f = Dictionary::new();
            f.set("Type", Object::Name(b"Font".to_vec()));
            f.set("Subtype", Object::Name(b"Type1".to_vec()));
            f.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
            f.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
            fonts.set(name, Object::Dictionary(f));
            changed = true;
        }
    }
    if changed {
        resources.set("Font", Object::Dictionary(fonts));
        if let Ok(page) = doc.get_dictionary_mut(page_id) {
            page.set("Resources", Object::Dictionary(resources));
        }
    }
    changed
}

/// Rewrites `(s) '` as `T* (s) Tj` and `aw ac (s) "` as `aw Tw ac Tc T* (s) Tj` in page and form
/// content streams; returns how many streams changed.
fn rewrite_quote_operators(doc: &mut Document) -> usize {
    use lopdf::content::{Content, Operation};
    let mut ids: Vec<ObjectId> = Vec::new();
    for page in doc.get_pages().values() {
        ids.extend(doc.get_page_contents(*page));
    }
    ids.extend(doc.objects.iter().filter(|(_, o)| matches!(o, Object::Stream(s) if matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Form"))).map(|(id, _)| *id));
    ids.sort();
    ids.dedup();
    let mut changed = 0;
    for id in ids {
        let Ok(Object::Stream(stream)) = doc.get_object(id) else { continue };
        let data = if stream.dict.get(b"Filter").is_ok() {
            stream.decompressed_content().unwrap_or_default()
        } else {
            stream.content.clone()
        };
        // Cheap test first: no quote byte, no quote operator.
        if !data.iter().any(|&b| b == b'\'' || b == b'"') {
            continue;
        }
        let Ok(content) = Content::decode(&data) else { continue };
        if !content.operations.iter().any(|op| op.operator == "'" || op.operator == "\"") {
            continue;
        }
        let mut ops = Vec::with_capacity(content.operations.len() + 8);
        for op in content.operations {
            match op.operator.as_str() {
                "'" => {
                    ops.push(Operation::new("T*", vec![]));
                    ops.push(Operation::new("Tj", op.operands));
                }
                "\"" if op.operands.len() == 3 => {
                    let mut o = op.operands.into_iter();
                    let (aw, ac, text) = (o.next(), o.next(), o.next());
                    if let (Some(aw), Some(ac), Some(text)) = (aw, ac, text) {
                        ops.push(Operation::new("Tw", vec![aw]));
                        ops.push(Operation::new("Tc", vec![ac]));
                        ops.push(Operation::new("T*", vec![]));
                        ops.push(Operation::new("Tj", vec![text]));
                    }
                }
                _ => ops.push(op),
            }
        }
        let Ok(bytes) = (Content { operations: ops }).encode() else { continue };
        if let Ok(Object::Stream(s)) = doc.get_object_mut(id) {
            s.dict.remove(b"Filter");
            s.dict.remove(b"DecodeParms");
            s.set_content(bytes);
            changed += 1;
        }
    }
    changed
}

/// Whether the xref table sends some object past the end of the file (a truncated or
/// hand-edited file): lopdf then loads without those objects, often without any page.
pub fn xref_past_eof(doc: &Document, len: usize) -> bool {
    doc.reference_table
        .entries
        .values()
        .any(|e| matches!(e, lopdf::xref::XrefEntry::Normal { offset, .. } if *offset as usize >= len))
}

/// The file with a fresh xref table and trailer appended, built from the `N G obj` markers
/// that start lines (the last definition of each object wins, as in an updated file) and the
/// last `/Root` named. None when no catalog can be named.
pub fn rebuild_xref(bytes: &[u8]) -> Option<Vec<u8>> {
    static OBJ: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
        regex::bytes::Regex::new(r"(?m)(?:^|[\r\n])[ \t]*(\d{1,10})[ \t\r\n]+(\d{1,5})[ \t\r\n]+obj\b")
            .unwrap_or_else(|_| unreachable!())
    });
    static ROOT: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
        regex::bytes::Regex::new(r"/Root[ \t\r\n]*(\d{1,10})[ \t\r\n]+(\d{1,5})[ \t\r\n]+R")
            .unwrap_or_else(|_| unreachable!())
    });
    let mut objects: BTreeMap<u32, (usize, u16)> = BTreeMap::new();
    for c in OBJ.captures_iter(bytes) {
        let (Some(num), Some(generation), Some(all)) = (c.get(1), c.get(2), c.get(0)) else { continue };
        let parse = |m: regex::bytes::Match| std::str::from_utf8(m.as_bytes()).ok()?.parse::<u64>().ok();
        let (Some(n), Some(g)) = (parse(num), parse(generation)) else { continue };
        let (Ok(n), Ok(g)) = (u32::try_from(n), u16::try_from(g)) else { continue };
        objects.insert(n, (num.start().max(all.start()), g));
    }
    let root = ROOT.captures_iter(bytes).last()?;
    let root = std::str::from_utf8(root.get(0)?.as_bytes()).ok()?.to_string();
    let size = objects.keys().next_back()? + 1;
    let mut out = bytes.to_vec();
    out.extend_from_slice(b"\n");
    let xref_at = out.len();
    out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for n in 1..size {
        let line = match objects.get(&n) {
            Some((off, g)) => format!("{off:010} {g:05} n \n"),
            None => "0000000000 00000 f \n".to_string(),
        };
        out.extend_from_slice(line.as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {size} {root} >>\nstartxref\n{xref_at}\n%%EOF\n").as_bytes(),
    );
    Some(out)
}

/// The file with every direct stream `/Length` that claims more bytes than the file has left
/// replaced by the distance to its `endstream` (padded with spaces, so no offset moves), or
/// None when no length lies. lopdf drops such a stream's whole object otherwise.
pub fn fix_stream_lengths(bytes: &[u8]) -> Option<Vec<u8>> {
    static LENGTH: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
        regex::bytes::Regex::new(r"/Length[ \t\r\n]+(\d{1,20})[ \t\r\n]*(?:>>|/)")
            .unwrap_or_else(|_| unreachable!())
    });
    let find = |from: usize, needle: &[u8], within: usize| -> Option<usize> {
        let end = from.saturating_add(within).min(bytes.len());
        bytes.get(from..end)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
    };
    let mut fixes: Vec<(usize, usize, usize)> = Vec::new();
    for c in LENGTH.captures_iter(bytes) {
        let Some(digits) = c.get(1) else { continue };
        let Some(claimed) = std::str::from_utf8(digits.as_bytes()).ok().and_then(|d| d.parse::<u64>().ok())
        else {
            continue;
        };
        let Some(kw) = find(digits.end(), b"stream", 4096) else { continue };
        let mut start = kw + b"stream".len();
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        if claimed <= (bytes.len() - start.min(bytes.len())) as u64 {
            continue;
        }
        let Some(end) = find(start, b"endstream", usize::MAX) else { continue };
        let mut actual = end - start;
        while actual > 0 && matches!(bytes.get(start + actual - 1), Some(b'\n' | b'\r')) {
            actual -= 1;
        }
        fixes.push((digits.start(), digits.end(), actual));
    }
    if fixes.is_empty() {
        return None;
    }
    let mut out = bytes.to_vec();
    for (s, e, actual) in fixes {
        let text = format!("{actual:<width$}", width = e - s);
        if text.len() == e - s {
            out.get_mut(s..e)?.copy_from_slice(text.as_bytes());
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmap_ranges_are_clamped_identity_maps_kept_nested_maps_refused() {
        let huge = b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n1 beginbfrange\n<00000000> <FFFFFFFF> <00000041>\nendbfrange";
        // Clamped to 65,536 codes, which parse at once; their values run into the UTF-16
        // surrogates, on which pdf-extract would panic, so the map is refused.
        assert_eq!(vet_cmap(huge), Err("invalid UTF-16"));
        let wide = b"1 beginbfrange\n<000000> <0100FF> <0000>\nendbfrange";
        let clamped = vet_cmap(wide).unwrap();
        assert!(clamped.clamped);
        let map = adobe_cmap_parser::get_unicode_map(clamped.text.as_deref().expect("rewritten")).unwrap();
        assert_eq!((map.len(), map.get(&0xFFFF), map.get(&0x10000)), (65_536, Some(&vec![0xFF, 0xFF]), None));
        // A range of printable ASCII: one literal range, no preamble.
        let small = b"1 beginbfrange\n<20> <7E> <0020>\nendbfrange";
        let vetted = vet_cmap(small).unwrap();
        assert_eq!(
            vetted,
            VettedCmap {
                clamped: false,
                text: Some(b"1 beginbfrange\n(\x00 )(\x00~)(\x00 )\nendbfrange\n".to_vec())
            }
        );
        let identity = b"1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange";
        let vetted = vet_cmap(identity).unwrap();
        assert!(!vetted.clamped);
        assert_eq!(
            adobe_cmap_parser::get_unicode_map(vetted.text.as_deref().expect("rewritten")).unwrap().len(),
            65_536
        );
        let mut nested = b"1 beginbfchar\n<20> <0041>\nendbfchar\n".to_vec();
        nested.extend(std::iter::repeat_n(b'[', 1000));
        assert_eq!(vet_cmap(&nested), Err("nested too deep"));
        assert!(vet_cmap(&[0xA5; 4096]).is_err(), "binary garbage");
    }

    /// A map as a word processor writes it (preamble, hex strings, `bfchar` and `bfrange`
    /// blocks), with values that need escaping in a literal string and a character outside the
    /// BMP: the compact text reads back as the same map, in fewer bytes.
    #[test]
    fn compact_cmap_reads_back_as_the_same_map() {
        let producer = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
6 beginbfchar\n<0003> <0020>\n<0005> <0028>\n<0006> <0029>\n<0007> <005C>\n<0009> <D83DDE00>\n<000A> <00660069>\nendbfchar\n\
2 beginbfrange\n<0010> <0019> <0030>\n<0024> <003D> <0041>\nendbfrange\n\
endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
        let original = adobe_cmap_parser::get_unicode_map(producer).unwrap();
        assert_eq!(original.len(), 6 + 10 + 26);
        let vetted = vet_cmap(producer).unwrap();
        assert!(!vetted.clamped);
        let text = vetted.text.expect("rewritten");
        assert!(text.len() * 2 < producer.len(), "{}", String::from_utf8_lossy(&text));
        assert!(!text.starts_with(b"/CIDInit"));
        assert_eq!(adobe_cmap_parser::get_unicode_map(&text).unwrap(), original);
        // "(" ")" "\\" as values: escaped; "(" and ")" on consecutive codes form a range; a
        // pair of surrogates and a ligature ("fi") are four-byte values, each on its own.
        let has = |part: &[u8]| text.windows(part.len()).any(|w| w == part);
        assert!(has(b"\n(\x00\x05)(\x00\x06)(\x00\\()\n"));
        assert!(has(b"\n(\x00\x07)(\x00\\\\)\n"));
        assert!(has(b"\n(\x00\x09)(\xD8\x3D\xDE\x00)\n(\x00\x0A)(\x00\x66\x00\x69)\n"));
        assert!(has(b"3 beginbfrange\n"), "{}", String::from_utf8_lossy(&text));
    }

    /// `pages` pages all drawing one content stream of `ops` operators (one unit each).
    fn pages_of_work(pages: usize, ops: usize) -> Document {
        use lopdf::dictionary;
        let mut doc = Document::with_version("1.5");
        let content = doc.add_object(Stream::new(dictionary! {}, b"0 0 m\n".repeat(ops)));
        let tree = doc.new_object_id();
        let kids: Vec<Object> = (0..pages)
            .map(|_| {
                doc.add_object(dictionary! {
                    "Type" => "Page", "Parent" => tree, "Contents" => content,
                    "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
                })
                .into()
            })
            .collect();
        let count = kids.len() as i64;
        doc.objects.insert(
            tree,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => tree });
        doc.trailer.set("Root", catalog);
        doc
    }

    #[test]
    fn ordinary_pages_never_spend_the_documents_budget_heavy_ones_do() {
        let limits = Limits { max_pages: 100_000, ..Limits::default() };
        // 2,500 dense but ordinary pages (15,000 units each, 37.5 million in all): every page
        // is read, although their sum passes the document's budget.
        let mut ordinary = pages_of_work(2_500, 15_000);
        const { assert!(2_500 * 15_000 > DOCUMENT_BUDGET) };
        assert_eq!(repair(&mut ordinary, &limits).over_budget, vec![]);
        // 300 heavy pages (200,000 units each, 180,000 beyond the ordinary): the document's
        // budget is spent after 30 million / 180,000 = 166 pages, and every later page is cut.
        let mut heavy = pages_of_work(300, 200_000);
        let cut = repair(&mut heavy, &limits).over_budget;
        let first = cut.first().map(|(page, _)| *page);
        assert_eq!(first, Some(167), "{:?}", cut.first());
        assert_eq!(cut.len(), 300 - 166);
        assert!(cut.iter().all(|(_, message)| message.contains("the document's budget spent")));
    }

    #[test]
    fn embedded_encodings_are_rewritten_as_pdf_extract_reads_them() {
        let cmap = b"1 begincodespacerange <00> <FF> endcodespacerange\n1 begincidrange\n<20> <7E> 1\nendcidrange\n1 begincidchar\n<41> 500\nendcidchar";
        let fixed = String::from_utf8(vet_encoding_cmap(cmap).unwrap()).unwrap();
        // One byte read as one byte (pdf-extract halves the width of what it is given).
        assert!(fixed.contains("<0000> <00FF>"), "{fixed}");
        // Code 0x21 is CID 2: pdf-extract adds the offset 1 - 0x20 (mod 2^32) to the code.
        assert!(fixed.contains("<00000020> <0000007E> 4294967265"), "{fixed}");
        assert!(fixed.contains("<00000041> <00000041> 435"), "{fixed}");
        let map = adobe_cmap_parser::get_byte_mapping(fixed.as_bytes()).unwrap();
        assert_eq!(map.codespace[0].width, 1);
        assert_eq!(map.cid.len(), 2);
        assert_eq!(0x21u32.wrapping_add(map.cid[0].dst_CID_lo), 2);
        assert_eq!(0x41u32.wrapping_add(map.cid[1].dst_CID_lo), 500);
        assert_eq!(vet_encoding_cmap(&[0xA5; 512]), Err("unparsable"));
        let overflow = b"1 begincodespacerange <0000> <FFFF> endcodespacerange 1 begincidrange <0000> <FFFF> 4294967295 endcidrange";
        assert_eq!(vet_encoding_cmap(overflow), Err("CIDs past 32 bits"));
    }

    #[test]
    fn a_lying_length_is_replaced_in_place() {
        let pdf = b"4 0 obj\n<< /Length 2147483648 >>\nstream\nBT ET\nendstream\nendobj\n";
        let fixed = fix_stream_lengths(pdf).expect("fixed");
        assert_eq!(fixed.len(), pdf.len());
        assert!(String::from_utf8_lossy(&fixed).contains("/Length 5          >>"));
        assert_eq!(fix_stream_lengths(b"<< /Length 5 >>\nstream\nBT ET\nendstream"), None);
    }
}
