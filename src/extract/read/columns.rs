//! What a table's column means, read from its printed header: one matcher of header synonyms
//! ([`Synonyms`], [`find_columns`]) for every table reader, and the kinds of a money table's
//! columns ([`Kind`], [`classify`]).
//!
//! Headers are matched by meaning (synonyms), never by position: "MTFP Ref" is a ref,
//! "24/25 £" and "2024-25 Savings Target" are targets, "Over-achieved" / "Achieved" / "On Track" /
//! "At Risk" are status columns, "Total Forecast" the forecast. Known limits: a header that names
//! its meaning only in a footnote is read as a plain money column (kept in `columns`).

use std::sync::LazyLock;

use regex::Regex;

use super::units::header_unit;

/// Header words naming one kind of column, matched in a lower-cased header: `word` matches a
/// header containing it, `^word` one starting with it, `word$` one ending with it, `=word` one
/// that is exactly it.
pub type Synonyms = &'static [&'static str];

/// Whether a lower-cased header prints one of `words`.
///
/// # Example
/// ```
/// use councilpdf::extract::read::columns::names;
/// assert!(names("responsible officer", &["owner", "responsib"]));
/// assert!(names("who", &["^who"]) && !names("to whom", &["^who"]));
/// assert!(names("date", &["=date"]) && !names("target date", &["=date"]));
/// ```
pub fn names(header: &str, words: Synonyms) -> bool {
    words.iter().any(|w| {
        if let Some(w) = w.strip_prefix('^') {
            header.starts_with(w)
        } else if let Some(w) = w.strip_suffix('$') {
            header.ends_with(w)
        } else if let Some(w) = w.strip_prefix('=') {
            header == w
        } else {
            header.contains(w)
        }
    })
}

/// For each kind, the first column whose header names it. A header names the first kind in
/// `rules` whose synonyms it prints, so a more telling kind goes first ("Action status" is a
/// status before it is an action).
pub fn find_columns<K: Copy + PartialEq>(headers: &[String], rules: &[(K, Synonyms)]) -> Vec<(K, usize)> {
    let mut found: Vec<(K, usize)> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let h = h.to_lowercase();
        let Some(&(kind, _)) = rules.iter().find(|(_, words)| names(&h, words)) else { continue };
        if !found.iter().any(|(k, _)| *k == kind) {
            found.push((kind, i));
        }
    }
    found
}

/// The first of a table's leading `within` rows that reads as a header, by `read`, with its index
/// (a title row or a key may sit above the header).
pub fn header_row<C>(
    table: &crate::layout::Table,
    within: usize,
    read: impl Fn(&[String]) -> Option<C>,
) -> Option<(usize, C)> {
    table.rows.iter().take(within).enumerate().find_map(|(i, r)| {
        let cells: Vec<String> = r.cells.iter().map(|c| c.text.clone()).collect();
        read(&cells).map(|c| (i, c))
    })
}

/// The column found for `kind`, if any.
pub fn column_of<K: PartialEq>(found: &[(K, usize)], kind: K) -> Option<usize> {
    found.iter().find(|(k, _)| *k == kind).map(|(_, i)| *i)
}

/// The meaning of one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Ref,
    Description,
    Directorate,
    Target,
    OverAchieved,
    Achieved,
    OnTrack,
    AtRisk,
    Forecast,
    Variance,
    Undeliverable,
    Rag,
    Comment,
    /// Any other money column (kept in `columns` only).
    Money,
    /// Any other text column.
    Text,
}

impl Kind {
    /// Columns holding money.
    pub fn is_money(self) -> bool {
        matches!(
            self,
            Kind::Target
                | Kind::OverAchieved
                | Kind::Achieved
                | Kind::OnTrack
                | Kind::AtRisk
                | Kind::Forecast
                | Kind::Variance
                | Kind::Undeliverable
                | Kind::Money
        )
    }

    /// The delivery categories a target is split into.
    pub fn is_status(self) -> bool {
        matches!(self, Kind::OverAchieved | Kind::Achieved | Kind::OnTrack | Kind::AtRisk)
    }
}

static REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix) ^ (?: [a-z]+ \s+ )? (?: ref(?:erence)?\.? | ref \s* no\.? | id | no\.? | number ) \b")
        .expect("valid regex")
});
static NOT_YET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bto\s+be\b|\bfuture\b|\bnot\s+(?:yet\s+)?achieved|\bun-?achieved").expect("valid regex")
});
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x) \b ( \d{2}/\d{2} | \d{4} \s* [-/–] \s* \d{2,4} | 20\d{2} ) \b").expect("valid regex")
});
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"£\s*[1-9]").expect("valid regex"));
/// The meaning of a header; `numeric` says whether the column's body holds figures.
pub fn classify(header: &str, numeric: bool) -> Kind {
    let h = header.to_lowercase();
    let h = h.trim();
    let has = |words: Synonyms| names(h, words);
    if has(&["%", "percent"]) {
        // "% achieved" is a rate, not money.
        return Kind::Text;
    }
    if has(&["over"]) && has(&["achiev"]) {
        return Kind::OverAchieved;
    }
    if has(&["on track", "on-track"]) {
        return Kind::OnTrack;
    }
    if has(&["at risk", "at-risk"]) {
        return Kind::AtRisk;
    }
    if has(&["undeliverable", "un-deliverable", "not deliverable", "non-deliverable", "unachievable"]) {
        return Kind::Undeliverable;
    }
    if has(&["variance"]) {
        return Kind::Variance;
    }
    if !numeric
        && has(&["=rag", "^rag ", " rag$", "rag status", "rag rating", "=status", " status$", "rating"])
    {
        return Kind::Rag;
    }
    if !numeric && has(&["comment", "narrative", "notes", "update", "mitigation", "explanation"]) {
        return Kind::Comment;
    }
    if has(&["target"]) {
        return Kind::Target;
    }
    if has(&["forecast", "projected", "projection"]) {
        return Kind::Forecast;
    }
    if has(&["achieved", "delivered"]) && !NOT_YET.is_match(h) {
        return Kind::Achieved;
    }
    if !numeric && REF.is_match(h) {
        return Kind::Ref;
    }
    if !numeric && has(&["directorate", "department", "portfolio", "service area"]) {
        return Kind::Directorate;
    }
    if !numeric && has(&["description", "saving", "proposal", "title", "initiative", "scheme"]) {
        return Kind::Description;
    }
    if numeric
        && (has(&["saving"])
            || (PERIOD.is_match(h) && header_unit(h).is_some() && h.split_whitespace().count() <= 3))
    {
        // "Savings £000" or "24/25 £": the amount to be saved.
        return Kind::Target;
    }
    if numeric {
        Kind::Money
    } else {
        Kind::Text
    }
}

/// The year a header names ("24/25 £" → "24/25", "2024-25 Savings Target" → "2024-25").
pub fn period_of(header: &str) -> Option<String> {
    PERIOD.captures(header).and_then(|c| c.get(1)).map(|m| m.as_str().to_string())
}

/// A savings table has a savings-type header: a ref or saving/description column and a target
/// or delivery-status column. Budget/Forecast/Variance alone is a budget statement.
pub fn is_savings_table(headers: &[String], kinds: &[Kind]) -> bool {
    // Headers are labels; a "header" of sentences is a layout of prose, not a table.
    // ... and labels print no amounts ("+£33.2m"); "£000" is a unit.
    if headers.iter().any(|h| h.split_whitespace().count() > 12 || AMOUNT.is_match(h)) {
        return false;
    }
    let says_saving = headers.iter().any(|h| h.to_lowercase().contains("saving"));
    let has_ref = kinds.contains(&Kind::Ref);
    let has_target = kinds.contains(&Kind::Target);
    let has_status = kinds.iter().any(|k| k.is_status() || *k == Kind::Undeliverable);
    let has_rag = kinds.contains(&Kind::Rag);
    (says_saving || has_ref || has_status) && (has_target || has_status || (has_rag && says_saving))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_by_meaning() {
        assert_eq!(classify("MTFP Ref", false), Kind::Ref);
        assert_eq!(classify("24/25 £", true), Kind::Target);
        assert_eq!(classify("2024-25 Savings Target", true), Kind::Target);
        assert_eq!(classify("2025/26 Target £000", true), Kind::Target);
        assert_eq!(classify("Over-achieved", true), Kind::OverAchieved);
        assert_eq!(classify("Achieved", true), Kind::Achieved);
        assert_eq!(classify("On Track", true), Kind::OnTrack);
        assert_eq!(classify("At Risk", true), Kind::AtRisk);
        assert_eq!(classify("Total Forecast", true), Kind::Forecast);
        assert_eq!(classify("Un-deliverable", true), Kind::Undeliverable);
        assert_eq!(classify("To be achieved in future years", true), Kind::Money);
        assert_eq!(classify("Saving", false), Kind::Description);
        assert_eq!(classify("RAG", false), Kind::Rag);
        assert_eq!(classify("Comments", false), Kind::Comment);
        assert_eq!(classify("Budget", true), Kind::Money);
    }

    #[test]
    fn budget_statement_is_not_savings() {
        let h: Vec<String> =
            ["Service", "Budget", "Forecast", "Variance"].iter().map(|s| s.to_string()).collect();
        let k: Vec<Kind> = h.iter().enumerate().map(|(i, s)| classify(s, i > 0)).collect();
        assert!(!is_savings_table(&h, &k));
        let h: Vec<String> =
            ["MTFP Ref", "", "24/25 £", "Achieved", "At Risk"].iter().map(|s| s.to_string()).collect();
        let k: Vec<Kind> = h.iter().enumerate().map(|(i, s)| classify(s, i > 1)).collect();
        assert!(is_savings_table(&h, &k));
    }

    #[test]
    fn periods() {
        assert_eq!(period_of("24/25 £").as_deref(), Some("24/25"));
        assert_eq!(period_of("2024-25 Savings Target").as_deref(), Some("2024-25"));
    }
}
