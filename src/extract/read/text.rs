//! Text helpers: whitespace, the body text size of a run of lines, a page's furniture lines.

use crate::layout::{Furniture, Line, Page};

/// Collapses whitespace runs to single spaces and trims.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The most common text size of `lines`, weighted by characters and read to the half point;
/// 12 pt when there is no text. For a whole paper, where the layout's `Page.body_size` is one
/// page's.
pub fn body_size<'a>(lines: impl IntoIterator<Item = &'a Line>) -> f64 {
    let mut counts: Vec<(i64, usize)> = Vec::new();
    for l in lines {
        let k = (l.size * 2.0).round() as i64;
        match counts.iter_mut().find(|(s, _)| *s == k) {
            Some((_, n)) => *n += l.text.len(),
            None => counts.push((k, l.text.len())),
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).map_or(DEFAULT_BODY_SIZE, |(s, _)| *s as f64 / 2.0)
}

/// The body size assumed for a paper with no text, in points.
const DEFAULT_BODY_SIZE: f64 = 12.0;

/// The page's furniture lines (running headers and footers, page stamps) of one kind, or of
/// both with `None`: set aside from the body, still there to read ("All figures in £m" in a
/// footer, a bare item number taken for a stamp).
pub fn furniture_lines(page: &Page, kind: Option<Furniture>) -> impl Iterator<Item = &Line> {
    page.furniture.iter().filter(move |(k, _)| kind.is_none_or(|want| *k == want)).map(|(_, l)| l)
}

/// Slide furniture that is never a list item: a bare slide number ("4", "Page 4", "4 of 12"), a
/// protective marking ("OFFICIAL", "Official – Sensitive", "NOT PROTECTIVELY MARKED"), or a
/// marking and a page number in one footer line ("OFFICIAL – SENSITIVE Page 2", "3 | OFFICIAL").
pub fn is_slide_furniture(text: &str) -> bool {
    static FURNITURE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?ix)^\s*(?:
                (?P<n1>(?:page\s+|slide\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?)?
                \s*[|\-–—]?\s*
                (?P<mark>(?:official|sensitive|restricted|not\s+protectively\s+marked)
                  (?:\s*[-–—:]?\s*(?:official|sensitive|restricted))?)?
                \s*[|\-–—]?\s*
                (?P<n2>(?:page\s+|slide\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?)?
            )\s*$",
        )
        .expect("valid regex")
    });
    FURNITURE.captures(text).is_some_and(|c| {
        let (n1, mark, n2) = (c.name("n1").is_some(), c.name("mark").is_some(), c.name("n2").is_some());
        // A number alone, a marking alone, or a marking with one number.
        (mark && !(n1 && n2)) || (n1 != n2 && !mark)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slide_furniture() {
        for t in [
            "4",
            "Page 4",
            "4 of 12",
            "OFFICIAL",
            "Official – Sensitive",
            "OFFICIAL-SENSITIVE",
            "OFFICIAL – SENSITIVE Page 2",
            "3 | OFFICIAL",
        ] {
            assert!(is_slide_furniture(t), "{t}");
        }
        assert!(!is_slide_furniture("4 new homes opened"));
        assert!(!is_slide_furniture("Official launch in May"));
        assert!(!is_slide_furniture("4 5"));
        assert!(!is_slide_furniture(""));
    }

    #[test]
    fn squash_collapses_runs() {
        assert_eq!(squash("  Apologies \n for   absence "), "Apologies for absence");
    }
}
