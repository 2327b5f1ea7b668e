//! Date spans as inspection reports print them.
//!
//! "18 to 29 July 2022", "3 December 2018 to 14 December 2018", "8 and 9 October 2019",
//! "30 September to 11 October 2024 and 13 to 16 January 2025": a run of day parts joined by
//! "to", "and" or a dash, where a part lacking its month or year borrows them from the next part
//! that prints them. The span is the start of the first part and the end of the last.

use std::sync::LazyLock;

use regex::Regex;

use super::{iso, month_number};

/// A run of day parts ending in a full date.
const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b";

static SPAN: LazyLock<Regex> = LazyLock::new(|| {
    let month = format!(r"{MONTH}\.?");
    let part = format!(r"\d{{1,2}}(?:st|nd|rd|th)?(?:\s+{month})?(?:,?\s+\d{{4}})?");
    // A first part, then parts joined by "to", "and", "until" or a dash.
    Regex::new(&format!(r"(?i)\b{part}(?:\s*(?:to|and|until|-|–|—|&)\s*{part})*")).expect("valid regex")
});

/// One day part: a day, and the month and year where printed.
static PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+({MONTH})\.?)?(?:,?\s+(\d{{4}}))?"))
        .expect("valid regex")
});

/// A printed span of dates: (first, last, whether it joins two or more parts).
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub start: String,
    pub end: String,
    pub parts: usize,
    /// Byte offset of the span in the text searched.
    pub at: usize,
}

/// Every date span in `text`, in order. A part whose word after the day is not a month ends
/// the run there (so "12 months" is no date).
pub fn spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for m in SPAN.find_iter(text) {
        // (day, month, year) with month/year None where not printed.
        let mut parts: Vec<(u32, Option<u32>, Option<i32>)> = Vec::new();
        for c in PART.captures_iter(m.as_str()) {
            let Some(day) = c.get(1).and_then(|d| d.as_str().parse::<u32>().ok()) else { continue };
            let month = match c.get(2) {
                Some(w) => match month_number(w.as_str()) {
                    Some(mo) => Some(mo),
                    None => break,
                },
                None => None,
            };
            let year = c.get(3).and_then(|y| y.as_str().parse::<i32>().ok());
            parts.push((day, month, year));
        }
        // Borrow month and year from the next part that prints them.
        let mut next_month = None;
        let mut next_year = None;
        let mut dates = Vec::new();
        for &(d, mo, y) in parts.iter().rev() {
            let mo = mo.or(next_month);
            let y = y.or(next_year);
            next_month = mo;
            next_year = y;
            if let (Some(mo), Some(y)) = (mo, y) {
                if let Some(iso) = iso(y, mo, d) {
                    dates.push(iso);
                }
            }
        }
        dates.reverse();
        if let (Some(first), Some(last)) = (dates.first(), dates.last()) {
            out.push(Span { start: first.clone(), end: last.clone(), parts: dates.len(), at: m.start() });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (String, String) {
        let s = spans(text);
        let f = s.first().expect("a span");
        (f.start.clone(), f.end.clone())
    }

    #[test]
    fn printed_forms() {
        assert_eq!(one("Inspection dates: 18 to 29 July 2022"), ("2022-07-18".into(), "2022-07-29".into()));
        assert_eq!(one("3 December 2018 to 14 December 2018"), ("2018-12-03".into(), "2018-12-14".into()));
        assert_eq!(one("on 8 and 9 October 2019."), ("2019-10-08".into(), "2019-10-09".into()));
        assert_eq!(
            one("30 September to 11 October 2024 and 13 to 16 January 2025"),
            ("2024-09-30".into(), "2025-01-16".into())
        );
        assert_eq!(one("20 February to 3 March 2023"), ("2023-02-20".into(), "2023-03-03".into()));
        assert_eq!(one("6 – 17 December 2021"), ("2021-12-06".into(), "2021-12-17".into()));
    }

    #[test]
    fn not_dates() {
        assert!(spans("over the last 12 months").is_empty());
        assert_eq!(
            spans("children’s services on 8 and 9 October 2019. The")
                .first()
                .map(|s| (s.start.as_str(), s.end.as_str())),
            Some(("2019-10-08", "2019-10-09"))
        );
        assert_eq!(spans("31 October 2019").first().map(|s| s.parts), Some(1));
    }
}
