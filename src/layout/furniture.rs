//! Running headers, footers and page stamps: recognised across pages, kept out of the body,
//! and read for the printed page number.
//!
//! A line in the top or bottom margin is furniture when it is a page stamp or when its text
//! (figures ignored) repeats on several pages. A stamp is also found where the body runs close
//! to it (on its baseline, or inside the same line) and where it shares its line with the
//! running footer ("6 to 17 December 2021   6"): a bare number that sits at the same place as
//! the numbers of other pages, and counts up with the physical page as they do, is a stamp.

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::model::{BBox, Line};
use crate::pdf::RawPage;

/// Share of the page height, at the top and at the bottom, where running headers and footers
/// are looked for.
const MARGIN_ZONE: f64 = 0.09;
/// Share of the page height, at the top and at the bottom, where a bare number confirmed by the
/// other pages' stamps is still a stamp (a page whose text ends higher than usual).
const STAMP_ZONE: f64 = 0.15;
/// Points by which stamps on different pages may differ in their left edge, centre or right
/// edge and still be at the same place (left-, centre- and right-aligned stamps).
const STAMP_ALIGN: f64 = 3.0;
/// Pages, this one included, whose numbers at the same place must count up with the physical
/// page before a number that is not alone on its line is taken for a stamp.
const SEQUENCE_PAGES: usize = 3;
/// Pages on which a margin text must repeat to be a running header or footer. Three are
/// enough: a pack merges papers, each with its own running footer.
const REPEAT_PAGES: usize = 3;
/// Share of the font size below which the gap between two lines makes them one stacked block
/// (a table header's lines), rather than a running header above the body.
const STACKED_GAP: f64 = 0.6;
/// Share of the shorter line's height by which two lines must overlap vertically to share a
/// baseline.
const SAME_ROW: f64 = 0.5;

/// "Page 12", "Page 29 of 54", "- 12 -", "12", "12 of 54", "Page | 12".
static PAGE_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^ (?: page \s* [|:]? \s* (\d{1,4}) (?:\s* (?:of|/) \s* \d{1,4})?
                          | [-–]?\s* (\d{1,3}) \s*[-–]? (?:\s* (?:of|/) \s* \d{1,4})? ) $",
    )
    .expect("valid regex")
});
/// Stamps that carry no page number but are furniture all the same.
static OTHER_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(agenda\s+item\s+\w+|appendix\s+\w+|item\s+\d+\w?)$").expect("valid regex")
});
/// A bare page number as one word of a longer line ("… when they need it. 3").
static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,3}$").expect("valid regex"));

/// A line, or one word of a line, set aside as furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// The line's index on its page.
    pub line: usize,
    /// The one word of the line that is furniture (a stamp the body line ran into); `None`: the
    /// whole line.
    pub word: Option<usize>,
    /// In the top margin.
    pub header: bool,
}

/// Per page: its furniture and its printed page number.
pub type PageFurniture = (Vec<Mark>, Option<u32>);

/// The printed page number a stamp gives, if the text is a page stamp.
pub fn stamp_number(text: &str) -> Option<u32> {
    let caps = PAGE_STAMP.captures(text.trim())?;
    caps.get(1).or_else(|| caps.get(2))?.as_str().parse().ok()
}

/// Repeated margin text counts as furniture only when it has letters (a running title,
/// "OFFICIAL", "H/16–17"): figures such as "0.0" repeat in a table's last rows, and are data.
fn wordy(text: &str) -> bool {
    text.chars().any(|c| c.is_alphabetic())
}

/// A table's repeated header row sits in the top margin of each continuation page: a line in a
/// shaded cell, or between two rules that span it, is table text, not a running header.
fn in_table(l: &Line, raw: &RawPage) -> bool {
    let (cx, cy) = (l.bbox.cx(), l.bbox.cy());
    let shaded = raw.fills.iter().any(|f| {
        f.color.iter().any(|&c| c < 250) && f.x0 <= cx && cx <= f.x1 && f.top <= cy && cy <= f.bottom
    });
    let spans =
        |r: &&crate::pdf::Rule| r.is_horizontal() && r.x0 <= l.bbox.x0 + 2.0 && r.x1 >= l.bbox.x1 - 2.0;
    let above =
        raw.rules.iter().filter(spans).any(|r| r.bottom <= l.bbox.top + 1.0 && l.bbox.top - r.bottom < 40.0);
    let below =
        raw.rules.iter().filter(spans).any(|r| r.top >= l.bbox.bottom - 1.0 && r.top - l.bbox.bottom < 40.0);
    shaded || (above && below)
}

/// The text a running header or footer keeps from page to page: case and spaces ignored, and
/// each run of figures one sign, so "18 to 29 July 2022 9" and "… 2022 10" are the same.
fn normalise(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Whether the line lies in the top (`Some(true)`) or bottom (`Some(false)`) `share` of a page
/// of height `h`.
fn zone(l: &Line, h: f64, share: f64) -> Option<bool> {
    if l.bbox.bottom < h * share {
        Some(true)
    } else if l.bbox.top > h * (1.0 - share) {
        Some(false)
    } else {
        None
    }
}

fn same_row(a: &BBox, b: &BBox) -> bool {
    a.y_overlap(b) > SAME_ROW * a.height().min(b.height())
}

/// Two stamps at the same place: left edges, centres or right edges agree.
fn aligned(a: &BBox, b: &BBox) -> bool {
    (a.x0 - b.x0).abs() <= STAMP_ALIGN
        || (a.cx() - b.cx()).abs() <= STAMP_ALIGN
        || (a.x1 - b.x1).abs() <= STAMP_ALIGN
}

/// A number that may be a page stamp.
struct Candidate {
    page: usize,
    line: usize,
    /// The word of the line the number is, or `None` when it is the whole line.
    word: Option<usize>,
    number: u32,
    bbox: BBox,
    header: bool,
    /// "Page 12": a stamp wherever it stands.
    page_word: bool,
    /// A stamp on its own evidence: a whole line in the margin, alone on its row.
    confident: bool,
}

impl Candidate {
    /// The printed number minus the physical page (0-based here), constant within a paper.
    fn offset(&self) -> i64 {
        i64::from(self.number) - self.page as i64
    }
}

/// Which lines of each page are furniture. `pages[i]` holds `(lines, page_height, raw page)`;
/// returns, per page, its furniture marks (header when in the top margin) and printed number.
pub fn find(pages: &[(&[Line], f64, &RawPage)]) -> Vec<PageFurniture> {
    // How many pages repeat each margin text.
    let mut seen: HashMap<(String, bool), usize> = HashMap::new();
    for (lines, h, _) in pages {
        let mut on_page: Vec<(String, bool)> =
            lines.iter().filter_map(|l| zone(l, *h, MARGIN_ZONE).map(|z| (normalise(&l.text), z))).collect();
        on_page.sort();
        on_page.dedup();
        for k in on_page {
            *seen.entry(k).or_default() += 1;
        }
    }
    let repeat_min = if pages.len() >= REPEAT_PAGES { REPEAT_PAGES } else { usize::MAX };
    // Running headers and footers: margin text with letters repeated on enough pages.
    let mut repeated: Vec<Vec<bool>> = pages
        .iter()
        .map(|(lines, h, raw)| {
            lines
                .iter()
                .map(|l| {
                    zone(l, *h, MARGIN_ZONE).is_some_and(|header| {
                        wordy(&l.text)
                            && !in_table(l, raw)
                            && seen.get(&(normalise(&l.text), header)).copied().unwrap_or(0) >= repeat_min
                    })
                })
                .collect()
        })
        .collect();
    for (p, (lines, h, _)) in pages.iter().enumerate() {
        if let Some(flags) = repeated.get_mut(p) {
            keep_stacked_tops(lines, *h, flags);
        }
    }
    let candidates: Vec<Candidate> =
        pages.iter().enumerate().flat_map(|(p, page)| candidates(p, page, &repeated[p])).collect();
    // Numbers at the same place on other pages that count up with the page as this one does.
    let mut by_offset: HashMap<(i64, bool), Vec<usize>> = HashMap::new();
    for (k, c) in candidates.iter().enumerate() {
        by_offset.entry((c.offset(), c.header)).or_default().push(k);
    }
    let supported = |c: &Candidate| {
        let mut pages: Vec<usize> = by_offset
            .get(&(c.offset(), c.header))
            .into_iter()
            .flatten()
            .filter_map(|&k| candidates.get(k))
            .filter(|o| o.page != c.page && aligned(&o.bbox, &c.bbox))
            .map(|o| o.page)
            .collect();
        pages.sort_unstable();
        pages.dedup();
        pages.len() + 1 >= SEQUENCE_PAGES
    };
    let mut out: Vec<PageFurniture> = pages
        .iter()
        .enumerate()
        .map(|(p, (lines, h, _))| {
            let marks = lines
                .iter()
                .enumerate()
                .filter_map(|(i, l)| {
                    let header = zone(l, *h, MARGIN_ZONE)?;
                    (repeated[p][i] || OTHER_STAMP.is_match(l.text.trim())).then_some(Mark {
                        line: i,
                        word: None,
                        header,
                    })
                })
                .collect();
            (marks, None)
        })
        .collect();
    let mut ranks: Vec<Option<u8>> = vec![None; pages.len()];
    for c in candidates.iter().filter(|c| c.confident || supported(c)) {
        let Some((marks, printed)) = out.get_mut(c.page) else { continue };
        if !marks.iter().any(|m| m.line == c.line && m.word.is_none()) {
            marks.push(Mark { line: c.line, word: c.word, header: c.header });
        }
        // "Page N" beats a bare number (a merged paper's own numbering), and a footer beats a
        // header.
        let rank = u8::from(c.page_word) * 2 + u8::from(!c.header);
        if ranks[c.page].is_none_or(|r| rank >= r) {
            ranks[c.page] = Some(rank);
            *printed = Some(c.number);
        }
    }
    for (marks, _) in &mut out {
        marks.sort_by_key(|m| (m.line, m.word));
    }
    out
}

/// The top line of a stacked block in the top margin ("Forecast" above "against alternative
/// saving (ongoing)" in a table header repeated on every page) is body text, not a running
/// header: it sits directly on a body line below it, in the same column. Checked from the
/// bottom up, so that a stack of several lines is kept whole.
fn keep_stacked_tops(lines: &[Line], h: f64, repeated: &mut [bool]) {
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|&a, &b| {
        let (ta, tb) = (lines.get(a).map_or(0.0, |l| l.bbox.top), lines.get(b).map_or(0.0, |l| l.bbox.top));
        tb.total_cmp(&ta)
    });
    for i in order {
        let (Some(l), Some(true)) = (lines.get(i), repeated.get(i).copied()) else { continue };
        let stacked = lines.iter().enumerate().any(|(j, o)| {
            let gap = o.bbox.top - l.bbox.bottom;
            j != i
                && !repeated.get(j).copied().unwrap_or(true)
                && gap > -SAME_ROW * l.bbox.height()
                && gap < STACKED_GAP * l.size.max(o.size).max(1.0)
                && o.bbox.x_overlap(&l.bbox) > 0.0
                && !same_row(&o.bbox, &l.bbox)
        });
        if stacked && l.bbox.bottom < h * MARGIN_ZONE {
            if let Some(f) = repeated.get_mut(i) {
                *f = false;
            }
        }
    }
}

/// The numbers of one page that may be its stamp: a margin line that is a stamp, and a bare
/// number ending a line near the top or foot (or starting a running footer).
fn candidates(p: usize, (lines, h, _): &(&[Line], f64, &RawPage), repeated: &[bool]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(header) = zone(l, *h, STAMP_ZONE) else { continue };
        let in_margin = zone(l, *h, MARGIN_ZONE).is_some();
        let text = l.text.trim();
        if let Some(number) = stamp_number(text) {
            let page_word = text.to_ascii_lowercase().starts_with("page");
            // A bare number sharing its row with body text is a table's figure or a minute
            // number unless the other pages confirm it; running footers beside it do not count.
            let alone = page_word
                || !lines.iter().enumerate().any(|(j, o)| {
                    j != i && !repeated.get(j).copied().unwrap_or(false) && same_row(&o.bbox, &l.bbox)
                });
            out.push(Candidate {
                page: p,
                line: i,
                word: None,
                number,
                bbox: l.bbox,
                header,
                page_word,
                confident: in_margin && alone,
            });
            continue;
        }
        let n = l.words.len();
        if n < 2 {
            continue;
        }
        let ends = if repeated.get(i).copied().unwrap_or(false) { vec![0, n - 1] } else { vec![n - 1] };
        for w in ends {
            let Some(word) = l.words.get(w) else { continue };
            if !BARE_NUMBER.is_match(&word.text) {
                continue;
            }
            let Ok(number) = word.text.parse() else { continue };
            out.push(Candidate {
                page: p,
                line: i,
                word: Some(w),
                number,
                bbox: word.bbox,
                header,
                page_word: false,
                confident: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps() {
        assert_eq!(stamp_number("Page 12"), Some(12));
        assert_eq!(stamp_number("Page 29 of 54"), Some(29));
        assert_eq!(stamp_number("- 3 -"), Some(3));
        assert_eq!(stamp_number("17"), Some(17));
        assert_eq!(stamp_number("Page 12 of the report says"), None);
        assert_eq!(stamp_number("2022"), None);
        assert_eq!(stamp_number("Page 1024"), Some(1024));
    }

    #[test]
    fn running_footers_keep_their_text_whatever_the_figures() {
        assert_eq!(normalise("18 to 29 July 2022 9"), normalise("18 to 29 July 2022  10"));
        assert_ne!(normalise("Inspection of Devon"), normalise("Inspection of Dorset"));
    }
}
