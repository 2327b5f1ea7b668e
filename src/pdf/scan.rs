//! A flat scanner for content streams and CMaps: operators with their cost and byte spans, found
//! without recursion, so a hostile stream (arrays nested 100,000 deep, a 60 MB comment, millions
//! of operators) is measured before any recursive parser sees it.

/// Arrays, dictionaries and strings nest at most this deep in what the parsers downstream see
/// (lopdf's content parser refuses deeper operands; the CMap parser recurses on each level).
pub const MAX_NESTING: usize = 32;

/// Comments at least this long are cut out of a content stream (they carry nothing, and a long
/// one costs every page that shares the stream a full parse).
pub const LONG_COMMENT: usize = 4096;

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

/// One operator of a content stream.
#[derive(Debug)]
pub struct Op<'a> {
    /// The operator's name (`Tj`, `Do`, …).
    pub operator: &'a [u8],
    /// Where its first operand starts (or the operator, when it has none).
    pub start: usize,
    /// Just past the operator.
    pub end: usize,
    /// The last name operand (the XObject of a `Do`).
    pub name: Option<&'a [u8]>,
    /// Bytes of string operands: an upper bound of the glyphs it shows.
    pub string_bytes: usize,
}

/// Byte ranges to replace in a stream, in order, and with what.
#[derive(Debug, Default)]
pub struct Edits {
    pub spans: Vec<(usize, usize, &'static [u8])>,
}

impl Edits {
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// `data` with every span replaced.
    pub fn apply(&self, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(data.len());
        let mut at = 0;
        for &(s, e, with) in &self.spans {
            if s < at || e > data.len() || s > e {
                continue;
            }
            out.extend_from_slice(data.get(at..s).unwrap_or(&[]));
            out.extend_from_slice(with);
            at = e;
        }
        out.extend_from_slice(data.get(at..).unwrap_or(&[]));
        out
    }
}

/// What a scan found besides the operators.
#[derive(Debug, Default)]
pub struct Scanned {
    /// Operand groups nested past [`MAX_NESTING`] (replaced by an empty array) and long
    /// comments (removed).
    pub edits: Edits,
    /// How many operand groups were too deep.
    pub too_deep: usize,
    /// The deepest nesting of arrays, dictionaries and string parentheses met.
    pub max_depth: usize,
}

/// Scans `data`, calling `on_op` for each operator; `on_op` returns false to stop the scan.
pub fn scan_content<'a>(data: &'a [u8], mut on_op: impl FnMut(&Op<'a>) -> bool) -> Scanned {
    let mut found = Scanned::default();
    let mut i = 0usize;
    // Start of the current operand list, and of the current top-level group.
    let mut operands_start: Option<usize> = None;
    let mut depth = 0usize;
    let mut group: Option<(usize, u8)> = None;
    let mut group_too_deep = false;
    let mut name: Option<&'a [u8]> = None;
    let mut string_bytes = 0usize;
    let n = data.len();
    while i < n {
        let b = data[i];
        if is_white(b) {
            i += 1;
            continue;
        }
        let tok_start = i;
        match b {
            b'%' => {
                let end = data[i..].iter().position(|&c| c == b'\n' || c == b'\r').map_or(n, |p| i + p);
                if end - i >= LONG_COMMENT {
                    found.edits.spans.push((i, end, b""));
                }
                i = end;
                continue;
            }
            b'(' => {
                let (end, deepest) = string_end(data, i);
                found.max_depth = found.max_depth.max(depth + deepest);
                if depth + deepest > MAX_NESTING && group.is_none() {
                    // A string nested too deep at top level: replace it by an empty one.
                    found.edits.spans.push((i, end, b"()"));
                    found.too_deep += 1;
                } else if depth + deepest > MAX_NESTING {
                    group_too_deep = true;
                }
                string_bytes += end - i;
                i = end;
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                open(&mut depth, &mut group, &mut group_too_deep, i, b'<', &mut found);
                i += 2;
            }
            b'<' => {
                let end = data[i..].iter().position(|&c| c == b'>').map_or(n, |p| i + p + 1);
                string_bytes += (end - i) / 2;
                i = end;
            }
            b'>' if data.get(i + 1) == Some(&b'>') => {
                i += 2;
                close(&mut depth, &mut group, &mut group_too_deep, i, &mut found);
            }
            b'[' => {
                open(&mut depth, &mut group, &mut group_too_deep, i, b'[', &mut found);
                i += 1;
            }
            b']' => {
                i += 1;
                close(&mut depth, &mut group, &mut group_too_deep, i, &mut found);
            }
            b'/' => {
                let end = regular_end(data, i + 1);
                if depth == 0 {
                    name = data.get(i + 1..end);
                }
                i = end;
            }
            _ if is_delim(b) => i += 1,
            _ => {
                let end = regular_end(data, i);
                let word = &data[i..end];
                i = end;
                let is_operand = depth > 0
                    || word.first().is_some_and(|c| c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.'))
                    || matches!(word, b"true" | b"false" | b"null");
                if !is_operand {
                    let op = Op {
                        operator: word,
                        start: operands_start.unwrap_or(tok_start),
                        end: i,
                        name: name.take(),
                        string_bytes,
                    };
                    if word == b"ID" {
                        i = inline_image_end(data, i);
                    }
                    operands_start = None;
                    string_bytes = 0;
                    if !on_op(&Op { end: i, ..op }) {
                        return found;
                    }
                    continue;
                }
            }
        }
        if operands_start.is_none() {
            operands_start = Some(tok_start);
        }
    }
    if let (Some((start, with)), true) = (group, group_too_deep) {
        // An unclosed group that went too deep: cut it to the end.
        found.edits.spans.push((start, n, if with == b'[' { b"[]" } else { b"<<>>" }));
        found.too_deep += 1;
    }
    found.edits.spans.sort_by_key(|s| s.0);
    found
}

fn open(
    depth: &mut usize,
    group: &mut Option<(usize, u8)>,
    too_deep: &mut bool,
    at: usize,
    kind: u8,
    found: &mut Scanned,
) {
    if *depth == 0 {
        *group = Some((at, kind));
        *too_deep = false;
    }
    *depth += 1;
    found.max_depth = found.max_depth.max(*depth);
    if *depth > MAX_NESTING {
        *too_deep = true;
    }
}

fn close(
    depth: &mut usize,
    group: &mut Option<(usize, u8)>,
    too_deep: &mut bool,
    end: usize,
    found: &mut Scanned,
) {
    if *depth == 0 {
        return;
    }
    *depth -= 1;
    if *depth == 0 {
        if let (Some((start, kind)), true) = (group.take(), *too_deep) {
            found.edits.spans.push((start, end, if kind == b'[' { b"[]" } else { b"<<>>" }));
            found.too_deep += 1;
        }
        *too_deep = false;
    }
}

/// The end of a literal string starting at `start` (`(`), and its deepest paren nesting.
fn string_end(data: &[u8], start: usize) -> (usize, usize) {
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, start);
    while let Some(&c) = data.get(i) {
        match c {
            b'\\' => i += 1,
            b'(' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return (i + 1, deepest);
                }
            }
            _ => {}
        }
        i += 1;
    }
    (data.len(), deepest)
}

fn regular_end(data: &[u8], from: usize) -> usize {
    data.get(from..)
        .and_then(|rest| rest.iter().position(|&c| is_white(c) || is_delim(c)))
        .map_or(data.len(), |p| from + p)
}

/// Past the `EI` that ends an inline image whose data starts after `ID` at `from`.
fn inline_image_end(data: &[u8], from: usize) -> usize {
    let mut i = from + 1;
    while i + 2 <= data.len() {
        if &data[i..i + 2] == b"EI"
            && data.get(i.wrapping_sub(1)).is_some_and(|&c| is_white(c))
            && data.get(i + 2).is_none_or(|&c| is_white(c))
        {
            return i + 2;
        }
        i += 1;
    }
    data.len()
}

/// The deepest run of `[`, `<<` or `(` in `data`, ignoring what they are inside: an upper
/// bound of the real nesting, cheap enough to run on every content stream.
pub fn max_bracket_run(data: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for &c in data {
        match c {
            b'[' | b'(' | b'<' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b')' | b'>' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The deepest nesting of arrays, dictionaries and string parentheses in `data` (a CMap).
pub fn max_nesting(data: &[u8]) -> usize {
    scan_content(data, |_| true).max_depth
}

/// One `bfrange` of a CMap: the spans of its low and high codes, as hex digits.
#[derive(Debug, Clone)]
pub struct BfRange {
    pub lo: (usize, usize),
    pub hi: (usize, usize),
}

/// The source ranges of every `beginbfrange` … `endbfrange` block in a CMap.
pub fn bf_ranges(data: &[u8]) -> Vec<BfRange> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut in_block = false;
    let mut pending: Vec<(usize, usize)> = Vec::new();
    let mut entry_tokens = 0;
    while i < data.len() {
        let c = data[i];
        if is_white(c) {
            i += 1;
            continue;
        }
        match c {
            b'%' => {
                i = data[i..].iter().position(|&c| c == b'\n' || c == b'\r').map_or(data.len(), |p| i + p);
            }
            b'(' => {
                i = string_end(data, i).0;
                entry_tokens += 1;
            }
            b'[' => {
                // A destination array: skip to its end (depth already checked by the caller).
                let mut depth = 0;
                while let Some(&c) = data.get(i) {
                    match c {
                        b'[' => depth += 1,
                        b']' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        b'(' => i = string_end(data, i).0 - 1,
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
                entry_tokens += 1;
            }
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i..].iter().position(|&c| c == b'>').map_or(data.len(), |p| i + p);
                if in_block && entry_tokens < 2 {
                    pending.push((i + 1, end));
                }
                entry_tokens += 1;
                i = end + 1;
            }
            _ => {
                let end = regular_end(data, i).max(i + 1);
                match &data[i..end] {
                    b"beginbfrange" => in_block = true,
                    b"endbfrange" => in_block = false,
                    _ => {}
                }
                i = end;
                entry_tokens = 0;
                pending.clear();
                continue;
            }
        }
        if in_block && entry_tokens == 3 {
            if let [lo, hi] = pending[..] {
                out.push(BfRange { lo, hi });
            }
            entry_tokens = 0;
            pending.clear();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<String> {
        let mut v = Vec::new();
        scan_content(data, |op| {
            v.push(String::from_utf8_lossy(op.operator).into_owned());
            true
        });
        v
    }

    #[test]
    fn operators_strings_and_inline_images() {
        let data = b"BT /F1 12 Tf (a (b) c) Tj [(x) 3 (y)] TJ ET BI /W 1 ID \x00EI\xff EI Q /Fm1 Do";
        assert_eq!(ops(data), ["BT", "Tf", "Tj", "TJ", "ET", "BI", "ID", "Q", "Do"]);
        let mut names = Vec::new();
        scan_content(data, |op| {
            if op.operator == b"Do" {
                names.push(op.name.map(|n| n.to_vec()));
            }
            true
        });
        assert_eq!(names, [Some(b"Fm1".to_vec())]);
    }

    #[test]
    fn deep_arrays_are_replaced_and_long_comments_cut() {
        let mut data = b"(a) Tj ".to_vec();
        data.extend(std::iter::repeat_n(b'[', 100));
        data.extend(std::iter::repeat_n(b']', 100));
        data.extend(b" TJ\n%");
        data.extend(std::iter::repeat_n(b'x', LONG_COMMENT));
        data.extend(b"\n(b) Tj");
        let found = scan_content(&data, |_| true);
        assert_eq!(found.too_deep, 1);
        assert_eq!(found.edits.apply(&data), b"(a) Tj [] TJ\n\n(b) Tj");
    }

    #[test]
    fn bfranges_are_found_with_their_codes() {
        let cmap = b"1 beginbfrange\n<00000000> <FFFFFFFF> <0041>\n<20> <21> [<0041> <0042>]\nendbfrange";
        let r = bf_ranges(cmap);
        assert_eq!(r.len(), 2);
        assert_eq!(&cmap[r[0].hi.0..r[0].hi.1], b"FFFFFFFF");
        assert_eq!(&cmap[r[1].lo.0..r[1].lo.1], b"20");
    }
}
