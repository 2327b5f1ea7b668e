//! Exact money: a decimal number of pounds, written as a plain JSON number.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Pounds as an exact decimal, so `66,877.1` in £000 is written `66877100`, never `66877100.00000001`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(pub Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Reads a printed figure: `1,234.5`, `(250)`, `-3,041.1`, `−12`, `£1.4m` is not handled here
    /// (units belong to the table), and `-` alone or an empty cell is `None`.
    ///
    /// # Example
    /// ```
    /// use councilpdf::contract::Money;
    /// assert_eq!(Money::parse_printed("(250)", 1000).unwrap().to_string(), "-250000");
    /// assert_eq!(Money::parse_printed("66,877.1", 1000).unwrap().to_string(), "66877100");
    /// assert!(Money::parse_printed("-", 1).is_none());
    /// ```
    pub fn parse_printed(text: &str, unit: u32) -> Option<Money> {
        let t = text.trim().trim_start_matches('£').trim();
        let (neg_paren, t) = match t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
            Some(inner) => (true, inner.trim()),
            None => (false, t),
        };
        let t = t.trim_start_matches('£');
        let (neg_sign, t) = match t.strip_prefix(['-', '−', '–']) {
            Some(rest) => (true, rest.trim_start_matches('£').trim()),
            None => (false, t),
        };
        if t.is_empty() || !t.chars().next()?.is_ascii_digit() {
            return None;
        }
        let digits: String = t.chars().filter(|c| *c != ',').collect();
        if !digits.chars().all(|c| c.is_ascii_digit() || c == '.') || digits.matches('.').count() > 1 {
            return None;
        }
        let mut d = Decimal::from_str(&digits).ok()?;
        if neg_paren ^ neg_sign {
            d = -d;
        }
        Some(Money((d * Decimal::from(unit)).normalize()))
    }

    pub fn from_pounds(p: i64) -> Money {
        Money(Decimal::from(p))
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0 + o.0)
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, o: Money) -> Money {
        Money(self.0 - o.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0.normalize();
        if d.scale() == 0 {
            if let Ok(i) = i64::try_from(d) {
                return s.serialize_i64(i);
            }
        }
        // Shortest round-trip float printing gives back the same decimal digits.
        let f: f64 = d.to_string().parse().map_err(serde::ser::Error::custom)?;
        s.serialize_f64(f)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Number::deserialize(d)?;
        Decimal::from_str(&v.to_string())
            .or_else(|_| Decimal::from_scientific(&v.to_string()))
            .map(|x| Money(x.normalize()))
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_forms() {
        let p = |s, u| Money::parse_printed(s, u).map(|m| m.to_string());
        assert_eq!(p("324,500", 1).as_deref(), Some("324500"));
        assert_eq!(p("-3,041.1", 1000).as_deref(), Some("-3041100"));
        assert_eq!(p("(250)", 1).as_deref(), Some("-250"));
        assert_eq!(p("£1.4", 1_000_000).as_deref(), Some("1400000"));
        assert_eq!(p("", 1), None);
        assert_eq!(p("-", 1), None);
        assert_eq!(p("n/a", 1), None);
        assert_eq!(p("1.2.3", 1), None);
    }

    #[test]
    fn serializes_exactly() {
        let m = Money::parse_printed("66,877.1", 1000).unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), "66877100");
        let m = Money::parse_printed("1,234.56", 1).unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), "1234.56");
        let back: Money = serde_json::from_str("1234.56").unwrap();
        assert_eq!(back, m);
    }
}
