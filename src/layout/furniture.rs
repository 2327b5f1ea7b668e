//! Running headers, footers and page stamps: recognised across pages, kept out of the body,
//! and read for the printed page number.

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::model::Line;
use crate::pdf::RawPage;

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

/// Per page: the indices of its furniture lines (true: header) and its printed page number.
pub type PageFurniture = (Vec<(usize, bool)>, Option<u32>);

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

fn normalise(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c.to_ascii_lowercase() })
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Which lines of each page are furniture. `pages[i]` holds `(lines, page_height)`; returns, per
/// page, the indices of furniture lines (header when above the middle) and the printed number.
pub fn find(pages: &[(&[Line], f64, &RawPage)]) -> Vec<PageFurniture> {
    let zone = |l: &Line, h: f64| -> Option<bool> {
        if l.bbox.bottom < h * 0.09 {
            Some(true)
        } else if l.bbox.top > h * 0.91 {
            Some(false)
        } else {
            None
        }
    };
    // How many pages repeat each margin text.
    let mut seen: HashMap<(String, bool), usize> = HashMap::new();
    for (lines, h, _) in pages {
        let mut on_page: Vec<(String, bool)> =
            lines.iter().filter_map(|l| zone(l, *h).map(|z| (normalise(&l.text), z))).collect();
        on_page.sort();
        on_page.dedup();
        for k in on_page {
            *seen.entry(k).or_default() += 1;
        }
    }
    // Three pages are enough: a pack merges papers, each with its own running footer.
    let repeat_min = if pages.len() >= 3 { 3 } else { usize::MAX };
    pages
        .iter()
        .map(|(lines, h, raw)| {
            let mut furniture = Vec::new();
            let mut printed = None;
            for (i, l) in lines.iter().enumerate() {
                let Some(is_header) = zone(l, *h) else { continue };
                let text = l.text.trim();
                // A bare number sharing its baseline with other text is a table's figure or a
                // minute number, not a page stamp; "Page N" is a stamp wherever it stands.
                let alone = text.to_ascii_lowercase().starts_with("page")
                    || !lines.iter().enumerate().any(|(j, o)| {
                        j != i && o.bbox.y_overlap(&l.bbox) > 0.5 * l.bbox.height().min(o.bbox.height())
                    });
                let number = stamp_number(text).filter(|_| alone);
                let repeated = wordy(text)
                    && !in_table(l, raw)
                    && seen.get(&(normalise(text), is_header)).copied().unwrap_or(0) >= repeat_min;
                if number.is_some() || OTHER_STAMP.is_match(text) || repeated {
                    furniture.push((i, is_header));
                    if let Some(n) = number {
                        // "Page N" beats a bare number (a merged paper's own numbering), and a
                        // footer beats a header.
                        let rank =
                            (text.to_ascii_lowercase().starts_with("page") as u8) * 2 + (!is_header) as u8;
                        if printed.is_none_or(|(_, r)| rank >= r) {
                            printed = Some((n, rank));
                        }
                    }
                }
            }
            (furniture, printed.map(|(n, _)| n))
        })
        .collect()
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
}
