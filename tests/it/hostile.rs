//! Hostile inputs: each is generated here (or kept small under `tests/hostile/`) and must give
//! one contract object — a result or an error with a code — within its limit, both through the
//! library in this process and through `councilpdf extract` (the worker pool).

use crate::it::util::{bin, fixture};
use councilpdf::contract::{ErrorCode, Output};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A PDF from object bodies (object i+1 is `objects[i]`), with a correct xref table.
/// `stream:` bodies are `(dictionary, data)`; `/Length` is added unless the dictionary has one.
pub fn build_pdf(objects: &[Obj]) -> Vec<u8> {
    let mut out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        writeln!(out, "{} 0 obj", i + 1).unwrap();
        match o {
            Obj::Plain(s) => out.extend_from_slice(s.as_bytes()),
            Obj::Stream(dict, data) => {
                let dict = if dict.contains("/Length") {
                    dict.to_string()
                } else {
                    format!(
                        "<< /Length {} {} >>",
                        data.len(),
                        dict.trim_start_matches("<<").trim_end_matches(">>")
                    )
                };
                out.extend_from_slice(dict.as_bytes());
                out.extend_from_slice(b"\nstream\n");
                out.extend_from_slice(data);
                out.extend_from_slice(b"\nendstream");
            }
        }
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for off in offsets {
        writeln!(out, "{off:010} 00000 n ").unwrap();
    }
    write!(out, "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
        .unwrap();
    out
}

pub enum Obj {
    Plain(String),
    Stream(String, Vec<u8>),
}

fn plain(s: &str) -> Obj {
    Obj::Plain(s.to_string())
}

/// A one-page PDF whose page shows `content` with Helvetica as /F1.
fn one_page(content: &[u8]) -> Vec<u8> {
    build_pdf(&[
        plain("<< /Type /Catalog /Pages 2 0 R >>"),
        plain("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        plain("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
        Obj::Stream("<< >>".into(), content.to_vec()),
        plain("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
    ])
}

const HELLO: &[u8] = b"BT /F1 12 Tf 72 760 Td (Minutes of the meeting held on 3 October 2022) Tj ET";

/// Converts in this process; asserts it returns within `limit` and that the JSON validates.
fn convert_within(name: &str, bytes: &[u8], limit: Duration) -> Output {
    let t = Instant::now();
    let out = councilpdf::convert(name, bytes, &Default::default());
    let took = t.elapsed();
    assert!(took < limit, "{name} took {took:?}, limit {limit:?}");
    let v = councilpdf::emit::to_checked_json(&out);
    councilpdf::contract::validate(&v).unwrap_or_else(|e| panic!("{name}: invalid output: {e}"));
    assert_ne!(out.error_code(), Some(ErrorCode::Internal), "{name}: internal error: {v}");
    out
}

fn text_of(out: &Output) -> String {
    let v = serde_json::to_value(out).unwrap();
    v.to_string()
}

fn page_count(out: &Output) -> Option<u32> {
    out.source().pages
}

fn corpus_sample() -> Vec<u8> {
    std::fs::read(fixture("somerset-childrens-transformation-progress-2024-06.pdf")).unwrap()
}

fn temp_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

const FAST: Duration = Duration::from_secs(20);

#[test]
fn empty_file_is_not_pdf() {
    let out = convert_within("empty.pdf", b"", FAST);
    assert_eq!(out.error_code(), Some(ErrorCode::NotPdf));
    assert!(text_of(&out).contains("empty"));
}

#[test]
fn html_named_pdf_is_not_pdf() {
    let out = convert_within(
        "page.pdf",
        b"<!DOCTYPE html>\n<html><head><title>404</title></head><body>Not found</body></html>",
        FAST,
    );
    assert_eq!(out.error_code(), Some(ErrorCode::NotPdf));
    assert!(text_of(&out).contains("HTML"));
}

#[test]
fn random_bytes_are_not_pdf() {
    let mut rng = Rng(0x5eed);
    let bytes: Vec<u8> = (0..64 * 1024).map(|_| rng.next() as u8).collect();
    assert_eq!(convert_within("random.pdf", &bytes, FAST).error_code(), Some(ErrorCode::NotPdf));
    // Random bytes behind a PDF header: whatever comes out, it is an object with a code.
    let mut with_header = b"%PDF-1.7\n".to_vec();
    with_header.extend_from_slice(&bytes);
    let out = convert_within("random-with-header.pdf", &with_header, FAST);
    assert!(matches!(out.error_code(), None | Some(ErrorCode::Malformed)), "{:?}", out.error_code());
}

#[test]
fn truncated_at_10_50_90_99_percent() {
    let whole = corpus_sample();
    for pct in [10, 50, 90, 99] {
        let cut = &whole[..whole.len() * pct / 100];
        let out = convert_within(&format!("truncated-{pct}.pdf"), cut, FAST);
        // Either readable with repairs, or malformed: never a crash, never internal.
        assert!(
            matches!(out.error_code(), None | Some(ErrorCode::Malformed)),
            "{pct}%: {:?}",
            out.error_code()
        );
    }
}

#[test]
fn flipped_bytes() {
    let whole = corpus_sample();
    for seed in 1..=8u64 {
        let mut bytes = whole.clone();
        let mut rng = Rng(seed);
        for _ in 0..bytes.len() / 200 {
            let i = (rng.next() as usize) % bytes.len();
            bytes[i] ^= 1 << (rng.next() % 8);
        }
        convert_within(&format!("flipped-{seed}.pdf"), &bytes, FAST);
    }
}

#[test]
fn wrong_startxref_still_reads() {
    let mut bytes = one_page(HELLO);
    let at = find(&bytes, b"startxref\n").unwrap() + b"startxref\n".len();
    let end = at + bytes[at..].iter().position(|&b| b == b'\n').unwrap();
    bytes.splice(at..end, b"99999".iter().copied());
    let out = convert_within("wrong-startxref.pdf", &bytes, FAST);
    assert_eq!(out.error_code(), None, "{}", text_of(&out));
    assert_eq!(page_count(&out), Some(1));
}

#[test]
fn no_xref_still_reads() {
    let bytes = one_page(HELLO);
    let at = find(&bytes, b"xref\n0 ").unwrap();
    let mut cut = bytes[..at].to_vec();
    cut.extend_from_slice(b"trailer\n<< /Size 6 /Root 1 0 R >>\n%%EOF\n");
    let out = convert_within("no-xref.pdf", &cut, FAST);
    assert!(matches!(out.error_code(), None | Some(ErrorCode::Malformed)), "{:?}", out.error_code());
}

#[test]
fn page_tree_that_loops() {
    // The Pages node lists itself among its kids, beside the real page.
    let bytes = build_pdf(&[
        plain("<< /Type /Catalog /Pages 2 0 R >>"),
        plain("<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>"),
        plain("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
        Obj::Stream("<< >>".into(), HELLO.to_vec()),
        plain("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    ]);
    let out = convert_within("page-tree-loop.pdf", &bytes, FAST);
    assert!(matches!(out.error_code(), None | Some(ErrorCode::Malformed)), "{:?}", out.error_code());
}

/// 1 GiB of spaces, deflated (about 1 MB), as a page's content stream.
fn flate_bomb() -> Vec<u8> {
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..1024 {
        enc.write_all(&chunk).unwrap();
    }
    let data = enc.finish().unwrap();
    build_pdf(&[
        plain("<< /Type /Catalog /Pages 2 0 R >>"),
        plain("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        plain("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
        Obj::Stream("<< /Filter /FlateDecode >>".into(), data),
        plain("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    ])
}

#[test]
fn flate_bomb_is_skipped_not_inflated() {
    let bytes = flate_bomb();
    assert!(bytes.len() < 4 << 20, "the bomb should be small: {}", bytes.len());
    let out = convert_within("flate-bomb.pdf", &bytes, FAST);
    let Output::Ok(e) = &out else { panic!("bomb should open: {}", text_of(&out)) };
    assert!(e.warnings.iter().any(|w| w.message.contains("decoding past")), "{:?}", e.warnings);
}

#[test]
fn nested_arrays_100000_deep() {
    let deep =
        format!("<< /Type /Catalog /Pages 2 0 R /Junk {}{} >>", "[".repeat(100_000), "]".repeat(100_000));
    let bytes = build_pdf(&[
        Obj::Plain(deep),
        plain("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        plain("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
        Obj::Stream("<< >>".into(), HELLO.to_vec()),
        plain("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    ]);
    let out = convert_within("nested-arrays.pdf", &bytes, FAST);
    assert!(matches!(out.error_code(), None | Some(ErrorCode::Malformed)), "{:?}", out.error_code());
}

#[test]
fn stream_length_refers_to_itself() {
    let bytes = build_pdf(&[
        plain("<< /Type /Catalog /Pages 2 0 R >>"),
        plain("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        plain("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
        Obj::Stream("<< /Length 4 0 R >>".into(), HELLO.to_vec()),
        plain("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    ]);
    let out = convert_within("length-self.pdf", &bytes, FAST);
    assert!(matches!(out.error_code(), None | Some(ErrorCode::Malformed)), "{:?}", out.error_code());
}

#[test]
fn missing_font_still_gives_the_text() {
    // The content selects /F9, which the page's resources do not have.
    let bytes = one_page(b"BT /F9 12 Tf 72 760 Td (Minutes of the meeting held on 3 October 2022) Tj ET");
    let out = convert_within("missing-font.pdf", &bytes, FAST);
    assert_eq!(out.error_code(), None, "{}", text_of(&out));
    let layout = councilpdf::layout::build(&councilpdf::pdf::read(&bytes, &Default::default()).unwrap());
    let text: String = layout.pages[0].lines.iter().map(|l| l.text.clone()).collect::<Vec<_>>().join(" ");
    assert!(text.contains("3 October 2022"), "{text}");
}

#[test]
fn garbage_operators() {
    let bytes = one_page(b"BT /F1 12 Tf 72 760 Td (Before) Tj ET q 1 2 3 xyzzy ] >> } BI ID \x00\xff EI cm cm cm Tj TJ ' \" BT /F1 12 Tf 72 700 Td (After) Tj ET");
    let out = convert_within("garbage-ops.pdf", &bytes, FAST);
    assert_eq!(out.error_code(), None, "{}", text_of(&out));
}

#[test]
fn five_thousand_empty_pages() {
    let kids: Vec<String> = (0..5000).map(|i| format!("{} 0 R", i + 3)).collect();
    let mut objs = vec![
        plain("<< /Type /Catalog /Pages 2 0 R >>"),
        Obj::Plain(format!("<< /Type /Pages /Kids [{}] /Count 5000 >>", kids.join(" "))),
    ];
    objs.extend((0..5000).map(|_| plain("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")));
    let bytes = build_pdf(&objs);
    let out = convert_within("5000-pages.pdf", &bytes, FAST);
    assert_eq!(out.error_code(), None);
    assert_eq!(page_count(&out), Some(5000));
}

fn hostile(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile").join(name)
}

#[test]
fn encrypted_with_a_user_password() {
    let bytes = std::fs::read(hostile("encrypted-user-password.pdf")).unwrap();
    assert_eq!(
        convert_within("encrypted-user-password.pdf", &bytes, FAST).error_code(),
        Some(ErrorCode::Encrypted)
    );
}

#[test]
fn encrypted_with_an_owner_password_only_opens() {
    let bytes = std::fs::read(hostile("encrypted-owner-password-only.pdf")).unwrap();
    let out = convert_within("encrypted-owner-password-only.pdf", &bytes, FAST);
    assert_eq!(out.error_code(), None, "{}", text_of(&out));
    let layout = councilpdf::layout::build(&councilpdf::pdf::read(&bytes, &Default::default()).unwrap());
    assert!(layout.pages[0].lines.iter().any(|l| l.text.contains("Minutes of the meeting")));
}

/// Every hostile input above, written to a folder and converted by the binary's worker pool:
/// one JSON file each, with a code where it failed, and the run finishes.
#[test]
fn the_pool_converts_every_hostile_input() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let whole = corpus_sample();
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("empty.pdf", vec![]),
        ("html.pdf", b"<html><body>gone</body></html>".to_vec()),
        ("truncated.pdf", whole[..whole.len() / 2].to_vec()),
        ("bomb.pdf", flate_bomb()),
        ("garbage.pdf", one_page(b"q q q Q Q ] ] (x) Tj BT 12 Tf ET")),
        ("fine.pdf", one_page(HELLO)),
    ];
    for (n, b) in &files {
        temp_file(&inputs, n, b);
    }
    std::fs::copy(hostile("encrypted-user-password.pdf"), inputs.join("encrypted.pdf")).unwrap();
    let out = dir.path().join("out");
    let report = dir.path().join("report.json");
    let t = Instant::now();
    let status = std::process::Command::new(bin())
        .args(["extract", "--timeout", "30", "--out"])
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .arg(&inputs)
        .output()
        .unwrap();
    assert!(t.elapsed() < Duration::from_secs(60));
    assert_eq!(status.status.code(), Some(1), "{}", String::from_utf8_lossy(&status.stderr));
    let code = |stem: &str| -> Option<String> {
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join(format!("{stem}.json"))).unwrap()).unwrap();
        councilpdf::contract::validate(&v).unwrap();
        v.pointer("/error/code").and_then(|c| c.as_str()).map(String::from)
    };
    assert_eq!(code("empty").as_deref(), Some("not_pdf"));
    assert_eq!(code("html").as_deref(), Some("not_pdf"));
    assert_eq!(code("encrypted").as_deref(), Some("encrypted"));
    assert_eq!(code("bomb"), None);
    assert_eq!(code("garbage"), None);
    assert_eq!(code("fine"), None);
    assert!(matches!(code("truncated").as_deref(), None | Some("malformed")));
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(r["summary"]["files"], 7);
    assert_eq!(r["summary"]["failed_by_code"]["not_pdf"], 2);
}

/// A small deterministic generator (xorshift), so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0.max(1);
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The stable-toolchain stand-in for `cargo fuzz run convert` (see README): seeded random
/// mutations of small real papers — bit flips, byte runs overwritten, chunks deleted or
/// duplicated, truncation — each converted in this process. A panic that escaped, an abort or
/// a stack overflow would fail the whole test binary; an `internal` error fails this test.
#[test]
fn seeded_mutations_never_crash() {
    let seeds = [
        "real/kcc-cabinet-2025-01-30-agenda-frontsheet.pdf",
        "real/lords-house-committee-minutes-2016-06-29.pdf",
    ];
    let iterations: u64 =
        std::env::var("COUNCILPDF_MUTATIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(60);
    for name in seeds {
        let original = std::fs::read(fixture(name)).unwrap();
        for i in 0..iterations {
            let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ i.wrapping_mul(0x1000_0001));
            let bytes = mutate(&original, &mut rng);
            convert_within(&format!("{name}#mutation{i}"), &bytes, FAST);
        }
    }
}

fn mutate(original: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut b = original.to_vec();
    for _ in 0..1 + rng.next() % 4 {
        if b.is_empty() {
            break;
        }
        let at = (rng.next() as usize) % b.len();
        let len = ((rng.next() % 512) as usize).min(b.len() - at);
        match rng.next() % 5 {
            0 => b[at] ^= 1 << (rng.next() % 8),
            1 => b[at..at + len].iter_mut().for_each(|x| *x = rng.next() as u8),
            2 => drop(b.drain(at..at + len)),
            3 => {
                let chunk = b[at..at + len].to_vec();
                let to = (rng.next() as usize) % b.len();
                b.splice(to..to, chunk);
            }
            _ => b.truncate(at.max(16)),
        }
    }
    b
}
