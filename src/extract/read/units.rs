//! Money units as printed: "£000", "£'000s", "£k", "£m", "All figures in £m", a bare "£"; and
//! figures that carry their own unit ("£1.4m").

use std::sync::LazyLock;

use regex::Regex;

use crate::contract::{Money, UnitSource};
use crate::layout::{Furniture, Page};

use super::text::furniture_lines;

static THOUSANDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix) £ \s* (?: ['’]? \s* 000 ['’]? s? | k \b | thousands? \b ) | \( \s* ['’]? 000 ['’]? s? \s* \)",
    )
    .expect("valid regex")
});
static MILLIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix) £ \s* (?: m \b | ms \b | mn \b | millions? \b )").expect("valid regex")
});
static POUNDS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"£").expect("valid regex"));

/// The unit a text prints: `£000`, `£'000s`, `£k` → 1000; `£m`, `£ millions` → 1,000,000.
pub fn unit_of(text: &str) -> Option<u32> {
    if THOUSANDS.is_match(text) {
        Some(1000)
    } else if MILLIONS.is_match(text) {
        Some(1_000_000)
    } else {
        None
    }
}

/// A text that is only a unit: "£000s", "(£'000)", "£m", "£ millions" (a caption of the table under it).
pub fn unit_only(text: &str) -> Option<u32> {
    static ONLY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?ix) ^ \(? \s* £ \s* (?: ['’]? \s* 000 ['’]? s? | k | m | ms | mn | millions? | thousands? ) \s* \)? $").expect("valid regex")
    });
    let t = text.trim();
    if ONLY.is_match(t) {
        unit_of(t)
    } else {
        None
    }
}

/// Words that make a line with a unit a statement governing what follows or precedes it ("All
/// figures in £m", "amounts are shown in £000", "… in this section are £000"), not a passing
/// mention ("a £m-scale programme" has no such word).
static STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix) \b (?: figures | amounts | values | numbers | sums | stated | shown | expressed | unless ) \b
               | \b (?: in | are ) \s+ \(? £",
    )
    .expect("valid regex")
});

/// The unit a line states for the figures it governs: a line that is only a unit, or a sentence
/// naming one ("All figures in £m unless otherwise stated", "in this section are £000.").
///
/// # Example
/// ```
/// use councilpdf::extract::read::units::stated_unit;
/// assert_eq!(stated_unit("All figures in £m unless otherwise stated"), Some(1_000_000));
/// assert_eq!(stated_unit("in this section are £000."), Some(1000));
/// assert_eq!(stated_unit("£000s"), Some(1000));
/// assert_eq!(stated_unit("Savings Programme 2025/26"), None);
/// ```
pub fn stated_unit(text: &str) -> Option<u32> {
    unit_only(text).or_else(|| unit_of(text).filter(|_| STATEMENT.is_match(text)))
}

/// A unit statement that governs a table, and where it was printed.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitStatement {
    pub unit: u32,
    pub source: UnitSource,
    /// The physical page the statement is printed on.
    pub page: u32,
    pub text: String,
}

/// The statement governing a table on `pages[at]` whose header starts at `top`, searched away
/// from the table, nearest first: the report's text above it on its page (`text`), the foot of
/// each earlier page back to `first` (a footnote or running footer there is a `note`, other
/// lines `text`), then `title` (the paper's or section's title; `None` for none). Lines beside or
/// just above the table are its caption and are read by the grid.
pub fn governing_unit(
    pages: &[Page],
    at: usize,
    top: f64,
    first: u32,
    title: Option<&str>,
) -> Option<UnitStatement> {
    let found = |p: &Page, text: &str, source: UnitSource| {
        stated_unit(text).map(|unit| UnitStatement {
            unit,
            source,
            page: p.number,
            text: text.trim().to_string(),
        })
    };
    let page = pages.get(at)?;
    let mut above: Vec<_> = page.lines.iter().filter(|l| l.bbox.bottom <= top).collect();
    above.sort_by(|a, b| b.bbox.top.total_cmp(&a.bbox.top));
    if let Some(s) = above.iter().find_map(|l| found(page, &l.text, UnitSource::Text)) {
        return Some(s);
    }
    for p in pages.get(..at).unwrap_or(&[]).iter().rev().take_while(|p| p.number >= first) {
        // The page's foot first: its footer furniture, then its lowest body lines.
        let lowest_body = p.lines.iter().map(|l| l.bbox.bottom).fold(f64::MIN, f64::max);
        if let Some(s) =
            furniture_lines(p, Some(Furniture::Footer)).find_map(|l| found(p, &l.text, UnitSource::Note))
        {
            return Some(s);
        }
        let mut lines: Vec<_> = p.lines.iter().collect();
        lines.sort_by(|a, b| b.bbox.top.total_cmp(&a.bbox.top));
        for l in lines {
            let foot = l.bbox.bottom >= lowest_body - 1.0 && l.bbox.top > p.height * 0.75;
            let source = if foot { UnitSource::Note } else { UnitSource::Text };
            if let Some(s) = found(p, &l.text, source) {
                return Some(s);
            }
        }
    }
    let t = title?;
    unit_of(t).map(|unit| UnitStatement {
        unit,
        source: UnitSource::Title,
        page: first,
        text: t.trim().to_string(),
    })
}

/// The unit a column header prints, where a bare "£" means pounds ("24/25 £").
pub fn header_unit(header: &str) -> Option<u32> {
    unit_of(header).or_else(|| POUNDS.is_match(header).then_some(1))
}

/// A cell printing nil: a lone dash (the accounting convention for 0) or "nil".
pub fn is_nil(text: &str) -> bool {
    matches!(text.trim().to_lowercase().as_str(), "-" | "–" | "—" | "nil")
}

/// A cell's figure: one printed number (or none).
pub fn figure(text: &str) -> Option<Money> {
    let t = text.trim();
    if t.split_whitespace().count() != 1 {
        return None;
    }
    money(t, 1)
}

/// A printed amount in `unit`; a figure carrying its own unit ("£1.4m", "£250k") uses that instead.
pub fn money(text: &str, unit: u32) -> Option<Money> {
    let t = text.trim();
    // "67%" is a rate, never money.
    if t.contains('%') {
        return None;
    }
    Money::parse_printed(t, unit).or_else(|| {
        let (body, own) = if let Some(b) = t.strip_suffix(['m', 'M']) {
            (b, 1_000_000)
        } else if let Some(b) = t.strip_suffix(['k', 'K']) {
            (b, 1000)
        } else {
            return None;
        };
        // "£1.4m" or "(£0.2m)": only a figure that names pounds carries its own unit.
        if !body.contains('£') {
            return None;
        }
        let (body, close) = match body.strip_suffix(')') {
            Some(b) => (b, ")"),
            None => (body, ""),
        };
        Money::parse_printed(&format!("{}{close}", body.trim_end()), own)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        assert_eq!(unit_of("£000s"), Some(1000));
        assert_eq!(unit_of("(£'000)"), Some(1000));
        assert_eq!(unit_of("All figures in £m"), Some(1_000_000));
        assert_eq!(unit_of("£k"), Some(1000));
        assert_eq!(unit_of("Savings"), None);
        assert_eq!(header_unit("24/25 £"), Some(1));
        assert_eq!(unit_only("£ millions"), Some(1_000_000));
        assert_eq!(unit_only("Target £000"), None, "a header naming its unit keeps it");
        assert_eq!(stated_unit("Figures in this section are £m"), Some(1_000_000));
        assert_eq!(stated_unit("The £m programme was approved"), None, "a mention, not a statement");
        assert_eq!(money("67%", 1_000_000), None, "a rate is never money");
        assert_eq!(money("(1.2)", 1_000_000).map(|m| m.to_string()).as_deref(), Some("-1200000"));
    }
}
