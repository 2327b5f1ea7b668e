//! What a savings table's column means, read from its printed header; units and periods.
//!
//! Headers are matched by meaning (synonyms), never by position: "MTFP Ref" is a ref,
//! "24/25 £" and "2024-25 Savings Target" are targets, "Over-achieved" / "Achieved" / "On Track" /
//! "At Risk" are status columns, "Total Forecast" the forecast. Known limits: a header that names
//! its meaning only in a footnote is read as a plain money column (kept in `columns`).

use std::sync::LazyLock;

use regex::Regex;

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
static THOUSANDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix) £ \s* (?: ['’]? \s* 000 ['’]? s? | k \b | thousands? \b ) | \( \s* ['’]? 000 ['’]? s? \s* \)",
    )
    .expect("valid regex")
});
static MILLIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix) £ \s* (?: m \b | ms \b | mn \b | millions? \b )").expect("valid regex")
});
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"£\s*[1-9]").expect("valid regex"));
static POUNDS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"£").expect("valid regex"));

/// The meaning of a header; `numeric` says whether the column's body holds figures.
pub fn classify(header: &str, numeric: bool) -> Kind {
    let h = header.to_lowercase();
    let h = h.trim();
    let has = |w: &str| h.contains(w);
    if has("%") || has("percent") {
        // "% achieved" is a rate, not money.
        return Kind::Text;
    }
    if has("over") && has("achiev") {
        return Kind::OverAchieved;
    }
    if has("on track") || has("on-track") {
        return Kind::OnTrack;
    }
    if has("at risk") || has("at-risk") {
        return Kind::AtRisk;
    }
    if has("undeliverable")
        || has("un-deliverable")
        || has("not deliverable")
        || has("non-deliverable")
        || has("unachievable")
    {
        return Kind::Undeliverable;
    }
    if has("variance") {
        return Kind::Variance;
    }
    if !numeric
        && (h == "rag"
            || h.starts_with("rag ")
            || h.ends_with(" rag")
            || has("rag status")
            || has("rag rating")
            || h == "status"
            || h.ends_with(" status")
            || has("rating"))
    {
        return Kind::Rag;
    }
    if !numeric
        && (has("comment")
            || has("narrative")
            || has("notes")
            || has("update")
            || has("mitigation")
            || has("explanation"))
    {
        return Kind::Comment;
    }
    if has("target") {
        return Kind::Target;
    }
    if has("forecast") || has("projected") || has("projection") {
        return Kind::Forecast;
    }
    if (has("achieved") || has("delivered")) && !NOT_YET.is_match(h) {
        return Kind::Achieved;
    }
    if !numeric && REF.is_match(h) {
        return Kind::Ref;
    }
    if !numeric && (has("directorate") || has("department") || has("portfolio") || has("service area")) {
        return Kind::Directorate;
    }
    if !numeric
        && (has("description")
            || has("saving")
            || has("proposal")
            || has("title")
            || has("initiative")
            || has("scheme"))
    {
        return Kind::Description;
    }
    if numeric
        && (has("saving")
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

/// The unit a column header prints, where a bare "£" means pounds ("24/25 £").
pub fn header_unit(header: &str) -> Option<u32> {
    unit_of(header).or_else(|| POUNDS.is_match(header).then_some(1))
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
    fn units_and_periods() {
        assert_eq!(unit_of("£000s"), Some(1000));
        assert_eq!(unit_of("(£'000)"), Some(1000));
        assert_eq!(unit_of("All figures in £m"), Some(1_000_000));
        assert_eq!(unit_of("£k"), Some(1000));
        assert_eq!(unit_of("Savings"), None);
        assert_eq!(header_unit("24/25 £"), Some(1));
        assert_eq!(period_of("24/25 £").as_deref(), Some("24/25"));
        assert_eq!(period_of("2024-25 Savings Target").as_deref(), Some("2024-25"));
    }
}
