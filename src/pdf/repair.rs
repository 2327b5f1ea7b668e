//! Repairs on the lopdf `Document` before pdf-extract sees it, so that known panics and
//! runaway work become ordinary, readable pages.

use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::{BTreeSet, HashSet};

use super::Limits;

/// Repairs `doc` in place and returns one line per kind of repair made.
pub fn repair(doc: &mut Document, limits: &Limits) -> Vec<String> {
    let mut notes = Vec::new();
    let ids: HashSet<ObjectId> = doc.objects.keys().copied().collect();

    // 1. Dangling references become null: pdf-extract unwraps on them.
    let mut dangling = 0usize;
    for obj in doc.objects.values_mut() {
        null_dangling(obj, &ids, &mut dangling, 0);
    }
    if dangling > 0 {
        notes.push(format!("{dangling} references to missing objects were treated as null"));
    }

    // 2. Images: pdf-extract would parse their pixels as a content stream. We only need their
    //    placement, which our own walk takes from the CTM, so their data is dropped here.
    let mut oversized = 0usize;
    for obj in doc.objects.values_mut() {
        let Object::Stream(s) = obj else { continue };
        let is_image = matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Image");
        if is_image {
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

    // 3. Text shown with ' and " is dropped by pdf-extract, and so is their move to the next
    //    line, so what follows lands on the line above: rewrite them as T* Tj.
    let rewritten = rewrite_quote_operators(doc);
    if rewritten > 0 {
        notes.push(format!("{rewritten} content streams used the ' or \" text operators and were rewritten"));
    }

    // 4. Form XObjects that draw themselves (directly or through others) would recurse forever.
    let cycles = break_form_cycles(doc);
    if cycles > 0 {
        notes.push(format!("{cycles} self-referencing form XObjects were cut"));
    }
    notes
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

/// The form XObjects that a resource dictionary names, by object id.
fn forms_of(doc: &Document, resources: &Dictionary) -> Vec<(Vec<u8>, ObjectId)> {
    let xobjects = match resources.get(b"XObject") {
        Ok(Object::Reference(id)) => doc.get_dictionary(*id).ok(),
        Ok(Object::Dictionary(d)) => Some(d),
        _ => None,
    };
    let Some(xobjects) = xobjects else { return vec![] };
    xobjects
        .iter()
        .filter_map(|(name, o)| match o {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(Object::Stream(s)) if matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Form") => Some((name.clone(), *id)),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// A form's decoded content, if it can be decoded (else the walk assumes it draws every form).
fn form_content(doc: &Document, id: ObjectId) -> Option<Vec<u8>> {
    let Ok(Object::Stream(s)) = doc.get_object(id) else { return None };
    if s.dict.get(b"Filter").is_ok() {
        s.decompressed_content().ok()
    } else {
        Some(s.content.clone())
    }
}

/// Whether content shows `/name … Do` (the name followed by whitespace and `Do`).
fn names_do(content: &[u8], name: &[u8]) -> bool {
    let mut needle = b"/".to_vec();
    needle.extend_from_slice(name);
    content.windows(needle.len()).enumerate().any(|(i, w)| {
        w == needle.as_slice() && {
            let rest = content.get(i + needle.len()..).unwrap_or(&[]);
            let after = rest.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(rest.len());
            after > 0 && rest.get(after..after + 2) == Some(b"Do".as_slice())
        }
    })
}

fn form_resources(doc: &Document, id: ObjectId) -> Option<Dictionary> {
    let Ok(Object::Stream(s)) = doc.get_object(id) else { return None };
    match s.dict.get(b"Resources") {
        Ok(Object::Reference(r)) => doc.get_dictionary(*r).ok().cloned(),
        Ok(Object::Dictionary(d)) => Some(d.clone()),
        _ => None,
    }
}

/// Removes every form entry that leads back to a form already on the path; returns how many.
fn break_form_cycles(doc: &mut Document) -> usize {
    let forms: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| matches!(o, Object::Stream(s) if matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Form")))
        .map(|(id, _)| *id)
        .collect();
    if forms.is_empty() {
        return 0;
    }
    let mut cut: BTreeSet<(ObjectId, Vec<u8>)> = BTreeSet::new();
    for &start in &forms {
        // Depth-first walk from each form with an explicit stack: no recursion to overflow.
        let mut stack: Vec<(ObjectId, Vec<ObjectId>)> = vec![(start, vec![start])];
        let mut steps = 0usize;
        while let Some((id, path)) = stack.pop() {
            steps += 1;
            if steps > 10_000 || path.len() > 16 {
                break;
            }
            let Some(res) = form_resources(doc, id) else { continue };
            // Only a form its content draws counts: LibreOffice gives every form of a page one
            // shared resource dictionary that lists each form, itself included, without a cycle.
            let content = form_content(doc, id);
            for (name, child) in forms_of(doc, &res) {
                if content.as_deref().is_some_and(|c| !names_do(c, &name)) {
                    continue;
                }
                if path.contains(&child) {
                    cut.insert((id, name));
                } else {
                    let mut p = path.clone();
                    p.push(child);
                    stack.push((child, p));
                }
            }
        }
    }
    for (form, name) in &cut {
        let res_ref = match doc.get_object(*form) {
            Ok(Object::Stream(s)) => s.dict.get(b"Resources").ok().cloned(),
            _ => None,
        };
        let remove_in = |d: &mut Dictionary| {
            if let Ok(Object::Dictionary(x)) = d.get_mut(b"XObject") {
                x.remove(name);
            }
        };
        match res_ref {
            Some(Object::Reference(r)) => {
                let xref = match doc.get_dictionary(r).ok().and_then(|d| d.get(b"XObject").ok()) {
                    Some(Object::Reference(x)) => Some(*x),
                    _ => None,
                };
                match xref {
                    Some(x) => {
                        if let Ok(d) = doc.get_dictionary_mut(x) {
                            d.remove(name);
                        }
                    }
                    None => {
                        if let Ok(d) = doc.get_dictionary_mut(r) {
                            remove_in(d);
                        }
                    }
                }
            }
            Some(Object::Dictionary(_)) => {
                if let Ok(Object::Stream(s)) = doc.get_object_mut(*form) {
                    if let Ok(Object::Dictionary(d)) = s.dict.get_mut(b"Resources") {
                        let xref = match d.get(b"XObject") {
                            Ok(Object::Reference(x)) => Some(*x),
                            _ => None,
                        };
                        if xref.is_none() {
                            remove_in(d);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    cut.len()
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
