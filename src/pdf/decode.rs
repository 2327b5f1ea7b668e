//! Stream filters decoded under an output bound, so a decompression bomb is found by decoding at
//! most `limit + 1` bytes of it, whichever filter of a chain expands.

use lopdf::{Object, Stream};
use std::io::{Read, Write};

/// The most one byte of input can become through each filter (an upper bound), so streams that
/// cannot reach the limit are never decoded just to check them.
fn max_expansion(filter: &[u8]) -> u64 {
    match filter {
        // Deflate's best case is about 1032:1.
        b"FlateDecode" | b"Fl" => 1032,
        // A 9-bit LZW code stands for at most 4096 bytes.
        b"LZWDecode" | b"LZW" => 3641,
        // `z` is one byte for four zero bytes.
        b"ASCII85Decode" | b"A85" => 4,
        // A two-byte run stands for 128 bytes.
        b"RunLengthDecode" | b"RL" => 64,
        _ => 1,
    }
}

/// Why a stream's data could not be decoded within the bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoded {
    /// Decodes to at most the limit (or with a filter we do not decode: lopdf fails on it anyway).
    Within,
    /// Decodes past the limit.
    Over,
}

/// The filter names of a stream, in decoding order.
pub fn filters(s: &Stream) -> Vec<Vec<u8>> {
    match s.dict.get(b"Filter") {
        Ok(Object::Name(n)) => vec![n.clone()],
        Ok(Object::Array(a)) => {
            a.iter().filter_map(|f| if let Object::Name(n) = f { Some(n.clone()) } else { None }).collect()
        }
        _ => vec![],
    }
}

/// Whether `s` decodes past `limit` bytes through any filter of its chain. Streams that cannot
/// (their worst-case expansion stays under the limit) are not decoded at all.
pub fn check(s: &Stream, limit: usize) -> Decoded {
    let chain = filters(s);
    let worst = chain.iter().fold(s.content.len() as u64, |n, f| n.saturating_mul(max_expansion(f)).max(n));
    if worst <= limit as u64 {
        return Decoded::Within;
    }
    match decode_chain(&s.content, &chain, limit) {
        Some(_) => Decoded::Within,
        None => Decoded::Over,
    }
}

/// The data decoded through `chain` (predictors not applied: they never grow the data much),
/// or None when some stage passes `limit`. A stage that fails midway keeps what it decoded, as
/// lopdf does.
pub fn decode_chain(data: &[u8], chain: &[Vec<u8>], limit: usize) -> Option<Vec<u8>> {
    let mut cur = data.to_vec();
    for f in chain {
        cur = match stage(f, &cur, limit) {
            Stage::Decoded(out) => out,
            Stage::Over => return None,
            // Filters that do not grow data (images), or that we cannot decode: stop here.
            Stage::Unknown => return Some(cur),
        };
    }
    Some(cur)
}

/// The data decoded through every filter of `chain`, for streams that must be read whole (a
/// font's CMap): None when a filter is not one we decode or a stage passes `limit`.
pub fn decode_all(data: &[u8], chain: &[Vec<u8>], limit: usize) -> Option<Vec<u8>> {
    let mut cur = data.to_vec();
    for f in chain {
        cur = match stage(f, &cur, limit) {
            Stage::Decoded(out) => out,
            Stage::Over | Stage::Unknown => return None,
        };
    }
    Some(cur)
}

/// One filter's output.
enum Stage {
    Decoded(Vec<u8>),
    Over,
    Unknown,
}

fn stage(filter: &[u8], data: &[u8], limit: usize) -> Stage {
    let out = match filter {
        b"FlateDecode" | b"Fl" => flate(data, limit),
        b"LZWDecode" | b"LZW" => lzw(data, limit),
        b"ASCII85Decode" | b"A85" => ascii85(data, limit),
        b"ASCIIHexDecode" | b"AHx" => Some(ascii_hex(data)),
        b"RunLengthDecode" | b"RL" => run_length(data, limit),
        _ => return Stage::Unknown,
    };
    out.map_or(Stage::Over, Stage::Decoded)
}

/// ASCIIHexDecode (PDF 32000-1, 7.4.2): pairs of hex digits up to `>`, white space ignored, an
/// odd last digit followed by 0; it never grows the data.
fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut high: Option<u8> = None;
    for &c in data {
        let digit = match c {
            b'>' => break,
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            // White space is skipped; anything else is an error, after which we keep what we have.
            c if c.is_ascii_whitespace() || c == b'\0' => continue,
            _ => break,
        };
        match high.take() {
            Some(h) => out.push(h << 4 | digit),
            None => high = Some(digit),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    out
}

fn flate(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut dec = flate2::read::ZlibDecoder::new(data).take(limit as u64 + 1);
    if dec.read_to_end(&mut out).is_err() && out.is_empty() && data.len() > 2 {
        // lopdf retries a broken zlib header as raw deflate.
        let mut raw = flate2::read::DeflateDecoder::new(data.get(2..)?).take(limit as u64 + 1);
        let _ = raw.read_to_end(&mut out);
    }
    (out.len() <= limit).then_some(out)
}

/// A writer that refuses bytes past its bound.
struct Bounded {
    out: Vec<u8>,
    limit: usize,
    overflowed: bool,
}

impl Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.out.len() + buf.len() > self.limit {
            self.overflowed = true;
            return Err(std::io::Error::other("decoded data passes the limit"));
        }
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn lzw(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    // As lopdf decodes it: MSB first, early change (the PDF default).
    let mut dec = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
    let mut sink = Bounded { out: Vec::new(), limit, overflowed: false };
    // A broken code stream keeps what was decoded before it, as lopdf does.
    let _ = dec.into_stream(&mut sink).decode_all(data);
    (!sink.overflowed).then_some(sink.out)
}

fn ascii85(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buf, mut count) = (0u64, 0usize);
    for &c in data {
        if out.len() > limit {
            return None;
        }
        match c {
            b'~' => break,
            b'z' if count == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                buf = buf * 85 + u64::from(c - b'!');
                count += 1;
                if count == 5 {
                    out.extend_from_slice(&(buf as u32).to_be_bytes());
                    (buf, count) = (0, 0);
                }
            }
            c if c.is_ascii_whitespace() => {}
            _ => break,
        }
    }
    if count > 1 {
        for _ in count..5 {
            buf = buf * 85 + 84;
        }
        out.extend_from_slice((buf as u32).to_be_bytes().get(..count - 1)?);
    }
    (out.len() <= limit).then_some(out)
}

fn run_length(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&len) = data.get(i) {
        match len {
            128 => break,
            0..=127 => {
                let n = len as usize + 1;
                out.extend_from_slice(data.get(i + 1..i + 1 + n).unwrap_or(&[]));
                i += 1 + n;
            }
            _ => {
                let byte = *data.get(i + 1)?;
                out.extend(std::iter::repeat_n(byte, 257 - len as usize));
                i += 2;
            }
        }
        if out.len() > limit {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use lopdf::Dictionary;

    /// zlib-compressed `data`, for tests that build Flate streams (here and in `walk`).
    pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn stream(filters: &[&str], data: Vec<u8>) -> Stream {
        let mut d = Dictionary::new();
        let names = filters.iter().map(|f| Object::Name(f.as_bytes().to_vec())).collect();
        d.set("Filter", Object::Array(names));
        Stream::new(d, data)
    }

    #[test]
    fn double_flate_bomb_is_found_at_the_second_stage() {
        let inner = deflate(&vec![b' '; 8 << 20]);
        let outer = deflate(&inner);
        assert_eq!(check(&stream(&["FlateDecode", "FlateDecode"], outer.clone()), 1 << 20), Decoded::Over);
        assert_eq!(check(&stream(&["FlateDecode", "FlateDecode"], outer), 16 << 20), Decoded::Within);
    }

    #[test]
    fn lzw_and_ascii85_decode_as_lopdf_does() {
        let text = b"BT /F1 12 Tf (Minutes of the meeting) Tj ET".repeat(50);
        let mut enc = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
        let lzw_data = enc.encode(&text).unwrap();
        assert_eq!(decode_chain(&lzw_data, &[b"LZWDecode".to_vec()], 1 << 20).as_deref(), Some(&text[..]));
        assert_eq!(decode_chain(&lzw_data, &[b"LZWDecode".to_vec()], 100), None);
        // "Man " in ASCII85 is "9jqo^"; `z` is four zero bytes.
        assert_eq!(ascii85(b"9jqo^z~>", 100).as_deref(), Some(&b"Man \0\0\0\0"[..]));
        assert_eq!(run_length(&[2, b'a', b'b', b'c', 254, b'x', 128], 100).as_deref(), Some(&b"abcxxx"[..]));
        assert_eq!(ascii_hex(b"4d 69\n6E7>ff"), b"Min\x70");
        let chain = [b"ASCIIHexDecode".to_vec(), b"FlateDecode".to_vec()];
        let hexed: String = deflate(b"begincmap").iter().map(|b| format!("{b:02X}")).collect();
        assert_eq!(decode_all(hexed.as_bytes(), &chain, 100).as_deref(), Some(&b"begincmap"[..]));
        assert_eq!(decode_all(b"x", &[b"DCTDecode".to_vec()], 100), None);
    }
}
