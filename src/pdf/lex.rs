//! A fast content-stream tokenizer for our own walk, giving exactly the operations lopdf's
//! `Content::decode` gives, but for the bytes of strings, which the walk never reads.
//!
//! lopdf's parser is built from parser combinators and cost about a fifth of a conversion's
//! instructions on a table-heavy pack (the 44-page budget report: 475 M of 2,170 M). This one
//! reads the common forms byte by byte. Whatever it does not read exactly as lopdf does (comments,
//! inline images, `#` escapes in names, `\0` or form feeds between operations, references,
//! deep nesting, numbers that overflow, operands left without an operator) makes it give up on
//! the whole stream, which then goes to lopdf as before: the operations are the same either way.

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Object, StringFormat};

/// Arrays, dictionaries and parenthesised strings nested deeper than this go to lopdf (its own
/// bounds are 100).
const MAX_DEPTH: usize = 16;
/// Integers with more digits than this go to lopdf (they may overflow an i64).
const MAX_INT_DIGITS: usize = 18;

/// The operations of a content stream, as lopdf's `Content::decode` reads them, but for the
/// bytes of the strings this reader reads itself: those are left empty (our walk counts the
/// strings a page shows and never reads them, and a table-heavy page shows thousands).
///
/// # Errors
/// As lopdf's: the stream is not a content stream it can read.
pub(super) fn decode(data: &[u8]) -> lopdf::Result<Content<Vec<Operation>>> {
    match operations_at(data, None, false) {
        Some(operations) => Ok(Content { operations }),
        None => Content::decode(data),
    }
}

/// The operations of a content stream as [`decode`] gives them and, when this reader read the
/// stream itself, where each one lies in `data`: from its first operand (or the operator when it
/// has none) to the end of the operator. Copying those bytes, a line break after each, gives a
/// stream lopdf reads as exactly those operations (with their strings' bytes, which [`decode`]
/// leaves out).
///
/// # Errors
/// As [`decode`].
pub(super) fn decode_with_spans(
    data: &[u8],
) -> lopdf::Result<(Content<Vec<Operation>>, Option<Vec<std::ops::Range<usize>>>)> {
    let mut spans = Vec::new();
    match operations_at(data, Some(&mut spans), false) {
        Some(operations) => Ok((Content { operations }, Some(spans))),
        None => Content::decode(data).map(|c| (c, None)),
    }
}

/// The operations, strings and all, or None where this reader might differ from lopdf's.
#[cfg(test)]
fn operations(data: &[u8]) -> Option<Vec<Operation>> {
    operations_at(data, None, true)
}

/// [`operations`], recording each operation's span in `spans` when given, and the bytes of
/// strings only with `strings` (without, each string is read and checked as before, and left
/// empty).
fn operations_at(
    data: &[u8],
    mut spans: Option<&mut Vec<std::ops::Range<usize>>>,
    strings: bool,
) -> Option<Vec<Operation>> {
    let mut lx = Lexer { data, at: 0, strings };
    let mut ops = Vec::new();
    let mut operands: Vec<Object> = Vec::new();
    let mut first_operand = None;
    loop {
        lx.skip_content_space();
        let Some(&c) = data.get(lx.at) else { break };
        if is_operator_char(c) {
            let start = lx.at;
            while data.get(lx.at).is_some_and(|&b| is_operator_char(b)) {
                lx.at += 1;
            }
            let word = data.get(start..lx.at)?;
            // lopdf tries `null`, `true` and `false` as operands before operators, and reads
            // inline images its own way.
            if [&b"null"[..], b"true", b"false", b"BI"].iter().any(|k| word.starts_with(k)) {
                return None;
            }
            let operator = std::str::from_utf8(word).ok()?.to_string();
            ops.push(Operation { operator, operands: std::mem::take(&mut operands) });
            if let Some(spans) = spans.as_deref_mut() {
                spans.push(first_operand.take().unwrap_or(start)..lx.at);
            }
        } else {
            first_operand.get_or_insert(lx.at);
            operands.push(lx.object(0, false)?);
        }
    }
    // lopdf drops operands left without an operator; rare enough to leave to it.
    operands.is_empty().then_some(ops)
}

fn is_operator_char(c: u8) -> bool {
    c.is_ascii_alphabetic() || matches!(c, b'*' | b'\'' | b'"')
}

fn is_whitespace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\0' | b'\x0C')
}

fn is_delimiter(c: u8) -> bool {
    matches!(c, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn is_regular(c: u8) -> bool {
    !is_whitespace(c) && !is_delimiter(c)
}

struct Lexer<'a> {
    data: &'a [u8],
    at: usize,
    /// Keep the bytes of strings (else they are read, checked and dropped).
    strings: bool,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<u8> {
        self.data.get(self.at).copied()
    }

    /// What lopdf skips between operands and operators.
    fn skip_content_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.at += 1;
        }
    }

    /// What lopdf skips inside arrays and dictionaries (comments excepted: they go to lopdf).
    fn skip_space(&mut self) {
        while self.peek().is_some_and(is_whitespace) {
            self.at += 1;
        }
    }

    /// One object and the space after it: content space at the top level (`nested` false),
    /// any white space inside arrays and dictionaries.
    fn object(&mut self, depth: usize, nested: bool) -> Option<Object> {
        if depth > MAX_DEPTH {
            return None;
        }
        let obj = match self.peek()? {
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number()?,
            b'/' => Object::Name(self.name()?),
            b'(' => Object::String(self.literal()?, StringFormat::Literal),
            b'<' if self.data.get(self.at + 1) == Some(&b'<') => Object::Dictionary(self.dictionary(depth)?),
            b'<' => Object::String(self.hex()?, StringFormat::Hexadecimal),
            b'[' => {
                self.at += 1;
                self.skip_space();
                let mut items = Vec::new();
                loop {
                    match self.peek()? {
                        b']' => break,
                        _ => items.push(self.object(depth + 1, true)?),
                    }
                }
                self.at += 1;
                Object::Array(items)
            }
            _ => return None,
        };
        if nested {
            self.skip_space();
        } else {
            self.skip_content_space();
        }
        Some(obj)
    }

    fn dictionary(&mut self, depth: usize) -> Option<Dictionary> {
        self.at += 2;
        self.skip_space();
        let mut dict = Dictionary::new();
        loop {
            match self.peek()? {
                b'>' if self.data.get(self.at + 1) == Some(&b'>') => {
                    self.at += 2;
                    return Some(dict);
                }
                b'/' => {
                    let key = self.name()?;
                    self.skip_space();
                    let value = self.object(depth + 1, true)?;
                    dict.set(key, value);
                }
                _ => return None,
            }
        }
    }

    /// `[+-]?(digits(.digits*)?|.digits+)`: a real (f32, as lopdf) when it has a point.
    fn number(&mut self) -> Option<Object> {
        let start = self.at;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.at += 1;
        }
        let digits = |lx: &mut Self| {
            let s = lx.at;
            while lx.peek().is_some_and(|c| c.is_ascii_digit()) {
                lx.at += 1;
            }
            lx.at - s
        };
        let int_digits = digits(self);
        if self.peek() == Some(b'.') {
            self.at += 1;
            let frac = digits(self);
            if int_digits == 0 && frac == 0 {
                return None;
            }
            let text = std::str::from_utf8(self.data.get(start..self.at)?).ok()?;
            return text.parse::<f32>().ok().map(Object::Real);
        }
        if int_digits == 0 || int_digits > MAX_INT_DIGITS {
            return None;
        }
        let text = std::str::from_utf8(self.data.get(start..self.at)?).ok()?;
        text.parse::<i64>().ok().map(Object::Integer)
    }

    /// `/Name` of regular characters; `#` escapes go to lopdf.
    fn name(&mut self) -> Option<Vec<u8>> {
        self.at += 1;
        let start = self.at;
        while self.peek().is_some_and(|c| is_regular(c) && c != b'#') {
            self.at += 1;
        }
        if self.peek() == Some(b'#') {
            return None;
        }
        Some(self.data.get(start..self.at)?.to_vec())
    }

    /// A parenthesised string with its escapes read as lopdf reads them.
    fn literal(&mut self) -> Option<Vec<u8>> {
        self.at += 1;
        let mut out = Vec::new();
        let keep = self.strings;
        let push = |out: &mut Vec<u8>, b: u8| {
            if keep {
                out.push(b);
            }
        };
        let mut depth = 0usize;
        loop {
            let c = self.peek()?;
            self.at += 1;
            match c {
                b'(' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return None;
                    }
                    push(&mut out, c);
                }
                b')' if depth == 0 => return Some(out),
                b')' => {
                    depth -= 1;
                    push(&mut out, c);
                }
                b'\\' => {
                    let e = self.peek()?;
                    self.at += 1;
                    match e {
                        b'0'..=b'7' => {
                            let mut v = u16::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u16::from(d - b'0');
                                        self.at += 1;
                                    }
                                    _ => break,
                                }
                            }
                            push(&mut out, v as u8);
                        }
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.at += 1;
                            }
                        }
                        b'\n' => {}
                        b'n' => push(&mut out, b'\n'),
                        b'r' => push(&mut out, b'\r'),
                        b't' => push(&mut out, b'\t'),
                        b'b' => push(&mut out, b'\x08'),
                        b'f' => push(&mut out, b'\x0C'),
                        other => push(&mut out, other),
                    }
                }
                other => push(&mut out, other),
            }
        }
    }

    /// `<hex digits>` with white space between digits; an odd last digit is its high nibble.
    fn hex(&mut self) -> Option<Vec<u8>> {
        self.at += 1;
        let mut out = Vec::new();
        let keep = self.strings;
        let mut high: Option<u8> = None;
        loop {
            self.skip_space();
            let c = self.peek()?;
            self.at += 1;
            let v = match c {
                b'>' => break,
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => return None,
            };
            match high.take() {
                None => {
                    if keep {
                        out.push(v << 4);
                    }
                    high = Some(v);
                }
                Some(_) => {
                    if let Some(last) = out.last_mut() {
                        *last |= v;
                    }
                }
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(data: &[u8]) {
        let ours = operations(data)
            .unwrap_or_else(|| panic!("fast path refused {:?}", String::from_utf8_lossy(data)));
        let theirs = Content::decode(data).expect("lopdf reads it").operations;
        assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{}", String::from_utf8_lossy(data));
    }

    /// The operations with every string's bytes left out, as [`decode`] gives them.
    fn without_string_bytes(ops: Vec<Operation>) -> Vec<Operation> {
        fn empty(o: Object) -> Object {
            match o {
                Object::String(_, f) => Object::String(Vec::new(), f),
                Object::Array(items) => Object::Array(items.into_iter().map(empty).collect()),
                Object::Dictionary(d) => {
                    Object::Dictionary(d.into_iter().map(|(k, v)| (k, empty(v))).collect())
                }
                other => other,
            }
        }
        ops.into_iter()
            .map(|op| Operation {
                operator: op.operator,
                operands: op.operands.into_iter().map(empty).collect(),
            })
            .collect()
    }

    #[test]
    fn decode_reads_every_string_but_keeps_none_of_its_bytes() {
        for data in [
            &b"BT [(A) -120 (B\\051) 3.] TJ <48 65 6c6C 6> Tj ET"[..],
            b"/P <</MCID 0 /Lang (en)>> BDC (a\\\nb\\101(nested)) Tj EMC",
        ] {
            let full = operations(data).expect("fast path");
            let lean = decode(data).expect("read").operations;
            assert_eq!(format!("{lean:?}"), format!("{:?}", without_string_bytes(full)));
        }
        // A string the fast path cannot read still sends the stream to lopdf, bytes and all.
        let deep = format!("{}x{} Tj", "(".repeat(MAX_DEPTH + 2), ")".repeat(MAX_DEPTH + 2));
        let lopdf = Content::decode(deep.as_bytes()).expect("lopdf reads it").operations;
        assert_eq!(format!("{:?}", decode(deep.as_bytes()).expect("read").operations), format!("{lopdf:?}"));
    }

    #[test]
    fn common_operations_read_as_lopdf_reads_them() {
        same(b"q 1 0 0 1 72.5 -.5 cm BT /F1 12 Tf (Hello \\(world\\)) Tj ET Q");
        same(b"BT [(A) -120 (B\\051) 3.] TJ <48 65 6c6C 6> Tj 0 g 0.2 0.3 0.4 rg ET");
        same(b"/P <</MCID 0 /Lang (en) /A [1 2 /N]>> BDC 10 20 m 30 40 l S EMC");
        same(b"(a\\\nb\\rc\\101\\0617(nested (deep)) )Tj 5 6 re f* 12d0 +3 -4 Td");
        same(b"\r\n  q\tQ\n/Sp1 gs /Im1 Do T* 1 2 3 4 5 6 c h n");
        same(b"");
    }

    #[test]
    fn what_lopdf_reads_its_own_way_goes_to_lopdf() {
        for data in [
            &b"% comment\nq Q"[..],
            b"BI /W 1 /H 1 /BPC 8 /CS /G ID x EI",
            b"/A#20B gs",
            b"q\x0CQ",
            b"1 2",
            b"[1 0 R] TJ",
            b"true x",
            b"99999999999999999999 w",
        ] {
            assert!(operations(data).is_none(), "{}", String::from_utf8_lossy(data));
            assert_eq!(
                format!("{:?}", decode(data).map(|c| c.operations).ok()),
                format!("{:?}", Content::decode(data).map(|c| c.operations).ok())
            );
        }
    }

    /// Every content stream and form of every committed fixture PDF: where the fast path reads a
    /// stream, it reads the operations lopdf reads; and it reads most of them.
    #[test]
    fn fixture_streams_read_as_lopdf_reads_them() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut files = vec![root];
        let (mut fast, mut total) = (0usize, 0usize);
        while let Some(p) = files.pop() {
            if p.is_dir() {
                files.extend(std::fs::read_dir(&p).expect("fixtures").map(|e| e.expect("entry").path()));
                continue;
            }
            if p.extension().is_none_or(|e| e != "pdf") {
                continue;
            }
            let Ok(doc) = lopdf::Document::load(&p) else { continue };
            let mut streams: Vec<Vec<u8>> =
                doc.page_iter().filter_map(|id| doc.get_page_content(id).ok()).collect();
            for o in doc.objects.values() {
                if let Object::Stream(s) = o {
                    if matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Form") {
                        streams.extend(s.decompressed_content().ok());
                    }
                }
            }
            for data in streams {
                total += 1;
                if let Some(ours) = operations(&data) {
                    fast += 1;
                    let theirs = Content::decode(&data).map(|c| c.operations).unwrap_or_default();
                    assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{}", p.display());
                    let lean = decode(&data).expect("read above").operations;
                    assert_eq!(
                        format!("{lean:?}"),
                        format!("{:?}", without_string_bytes(ours)),
                        "{}",
                        p.display()
                    );
                }
            }
        }
        assert!(total > 100 && fast * 10 >= total * 9, "{fast} of {total} streams on the fast path");
    }
}
