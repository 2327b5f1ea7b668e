//! Money units as printed: "£000", "£'000s", "£k", "£m", "All figures in £m", a bare "£"; and
//! figures that carry their own unit ("£1.4m").

use std::sync::LazyLock;

use regex::Regex;

use crate::contract::Money;

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

/// The unit a column header prints, where a bare "£" means pounds ("24/25 £").
pub fn header_unit(header: &str) -> Option<u32> {
    unit_of(header).or_else(|| POUNDS.is_match(header).then_some(1))
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
    }
}
