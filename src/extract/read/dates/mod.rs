//! Dates and times as printed: "Monday, 3rd October 2022", "03/10/2022", "1.00 pm", and spans
//! ("18 to 29 July 2022").

mod spans;

use regex::Regex;
use std::sync::LazyLock;

pub use spans::{spans, Span};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Welsh month names, January to December, each with the forms a soft or nasal mutation gives it
/// ("o Fawrth", "ym Mehefin" keep the radical; "Orffennaf", "Dachwedd" after "o"/"i").
const WELSH_MONTHS: [&[&str]; 12] = [
    &["ionawr"],
    &["chwefror"],
    &["mawrth", "fawrth"],
    &["ebrill"],
    &["mai", "fai"],
    &["mehefin", "fehefin"],
    &["gorffennaf", "orffennaf", "ngorffennaf"],
    &["awst"],
    &["medi", "fedi"],
    &["hydref"],
    &["tachwedd", "dachwedd", "nhachwedd"],
    &["rhagfyr"],
];

/// The month number of a month name or its common abbreviation ("Sept", "Oct."), English or
/// Welsh ("Mawrth", "Rhagfyr"; Welsh names only in full).
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    if n.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&n) || (n == "sept" && *m == "september"))
        .or_else(|| WELSH_MONTHS.iter().position(|forms| forms.contains(&n.as_str())))
        .map(|i| i as u32 + 1)
}

/// "3 October 2022", "Monday, 3rd October 2022", "30th January, 2025", "13th MARCH 2019",
/// "October 3, 2022", "03/10/2022" (UK order), "2022-10-03", Welsh "13 Mawrth 2019", "13eg o Fawrth
/// 2019", "1af Gorffennaf 2024". Spaces may be line breaks ("13th March,\n2025").
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?P<d1>\d{1,2})(?:st|nd|rd|th|af|il|ydd|edd|ed|fed|eg|ain)?\s+(?:of\s+|o\s+)?(?P<m1>[a-z]{3,10})\.?,?\s+(?P<y1>\d{4})
        | (?P<m2>[a-z]{3,10})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})
        | \b(?P<d3>\d{1,2})[/.](?P<m3>\d{1,2})[/.](?P<y3>\d{4}|\d{2})\b
        | \b(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})\b",
    )
    .expect("valid regex")
});

/// A weekday as printed before a date, English or Welsh: "Thursday", "dydd Llun", "ddydd
/// Mercher", "nos Fawrth" (Welsh mutates "Mawrth" to "Fawrth", "Gwener" to "Wener", "Llun" to
/// "Lun" after "nos").
static WEEKDAY_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?: monday | tuesday | wednesday | thursday | friday | saturday | sunday
             | (?: d?dydd | nos ) \s+ (?: llun | lun | mawrth | fawrth | mercher | fercher | iau
                                        | gwener | wener | sadwrn | sul ) )
        [\s,]* $",
    )
    .expect("valid regex")
});

/// `text` without the weekday that ends it ("CABINET - THURSDAY, " → "CABINET - ", "CYNGOR
/// CYMUNED dydd Llun, " → "CYNGOR CYMUNED ").
///
/// # Example
/// ```
/// use councilpdf::extract::read::dates::trim_weekday;
/// assert_eq!(trim_weekday("PANEL – Thursday, "), "PANEL – ");
/// assert_eq!(trim_weekday("dydd Mercher, "), "");
/// ```
pub fn trim_weekday(text: &str) -> &str {
    match WEEKDAY_AT_END.find(text) {
        Some(m) => text.get(..m.start()).unwrap_or(text),
        None => text,
    }
}

/// `YYYY-MM-DD` for a real calendar date between 1900 and 2100, else None.
pub fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    (d >= 1 && d <= days && (1900..=2100).contains(&y)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Every date printed in `text`, in order, as ISO `YYYY-MM-DD`, with its byte range.
pub fn find_dates(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for c in DATE.captures_iter(text) {
        let m = c.get(0).map(|m| m.range()).unwrap_or(0..0);
        let num = |k: &str| c.name(k).and_then(|v| v.as_str().parse::<u32>().ok());
        let date = if let (Some(d), Some(mo), Some(y)) =
            (num("d1"), c.name("m1").and_then(|m| month_number(m.as_str())), num("y1"))
        {
            iso(y as i32, mo, d)
        } else if let (Some(d), Some(mo), Some(y)) =
            (num("d2"), c.name("m2").and_then(|m| month_number(m.as_str())), num("y2"))
        {
            iso(y as i32, mo, d)
        } else if let (Some(d), Some(mo), Some(y)) = (num("d3"), num("m3"), num("y3")) {
            let y = if y < 100 { 2000 + y } else { y };
            iso(y as i32, mo, d)
        } else if let (Some(d), Some(mo), Some(y)) = (num("d4"), num("m4"), num("y4")) {
            iso(y as i32, mo, d)
        } else {
            None
        };
        if let Some(d) = date {
            out.push((d, m));
        }
    }
    out
}

/// The first date printed in `text`, as ISO.
///
/// # Example
/// ```
/// use councilpdf::extract::read::dates::parse_date;
/// assert_eq!(parse_date("Monday, 3rd October 2022 at 1.00 pm").as_deref(), Some("2022-10-03"));
/// assert_eq!(parse_date("Thursday, 30th January, 2025").as_deref(), Some("2025-01-30"));
/// ```
pub fn parse_date(text: &str) -> Option<String> {
    find_dates(text).into_iter().next().map(|(d, _)| d)
}

/// "1.00 pm", "1pm", "10.00 am", "13:00", "10:30am", "2.15 p.m." → "HH:MM" (24-hour); Welsh
/// "7.30yh" / "7.30 y.h." (yr hwyr, pm) and "10.00yb" (y bore, am).
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix) \b(?P<h>\d{1,2}) (?:[:.](?P<m>\d{2}))? \s* (?P<ap>a\.?m\.?|p\.?m\.?|y\.?h\.?|y\.?b\.?)? (?:\b|$)")
        .expect("valid regex")
});

/// The first time of day printed in `text`, as `HH:MM`. A bare number is only a time with
/// am/pm or with minutes ("13:00").
pub fn parse_time(text: &str) -> Option<String> {
    for c in TIME.captures_iter(text) {
        let h: u32 = c.name("h")?.as_str().parse().ok()?;
        let m: u32 = c.name("m").map(|m| m.as_str().parse().unwrap_or(0)).unwrap_or(0);
        let ap = c.name("ap").map(|a| match a.as_str().to_lowercase().replace('.', "").as_str() {
            "yh" => "pm".to_string(),
            "yb" => "am".to_string(),
            other => other.to_string(),
        });
        if ap.is_none() && c.name("m").is_none() {
            continue;
        }
        // "3.10.2022" or "2,385.5" are not times.
        let end = c.get(0)?.end();
        let start = c.get(0)?.start();
        let before = text[..start].chars().last();
        let after = text[end..].chars().next();
        if before.is_some_and(|b| b.is_ascii_digit() || b == '.' || b == ',' || b == '/')
            || after.is_some_and(|a| a.is_ascii_digit() || a == '.' && ap.is_none() || a == '/')
        {
            continue;
        }
        let h24 = match ap.as_deref() {
            Some("pm") if h < 12 => h + 12,
            Some("am") if h == 12 => 0,
            _ => h,
        };
        if h24 < 24 && m < 60 && (ap.is_some() || h <= 23) {
            return Some(format!("{h24:02}:{m:02}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_many_forms() {
        let cases = [
            ("3 October 2022", "2022-10-03"),
            ("Monday, 3rd October 2022", "2022-10-03"),
            ("13th MARCH 2019", "2019-03-13"),
            ("Thursday, 30th January, 2025", "2025-01-30"),
            ("October 3, 2022", "2022-10-03"),
            ("03/10/2022", "2022-10-03"),
            ("5 Sept 2022", "2022-09-05"),
            ("2024-06-01", "2024-06-01"),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(parse_date("31 February 2022"), None);
        // Welsh: radical and mutated month names, Welsh ordinals; a line break inside the date.
        assert_eq!(parse_date("Dydd Mercher, 13 Mawrth 2019").as_deref(), Some("2019-03-13"));
        assert_eq!(parse_date("13eg o Fawrth 2019").as_deref(), Some("2019-03-13"));
        assert_eq!(parse_date("1af Gorffennaf 2024").as_deref(), Some("2024-07-01"));
        assert_eq!(parse_date("5ed Rhagfyr 2023").as_deref(), Some("2023-12-05"));
        assert_eq!(parse_date("Thursday, 13th March,\n2025 at 10.00 am").as_deref(), Some("2025-03-13"));
        assert_eq!(parse_date("3 Mai 2022").as_deref(), Some("2022-05-03"));
        assert_eq!(parse_date("3 Maid 2022"), None);
        assert_eq!(parse_date("Item 3 of 2022"), None);
        // Welsh weekdays before the date, "Mawrth" both Tuesday and March.
        assert_eq!(parse_date("dydd Mawrth, 14eg Mawrth 2023 am 7.00yh").as_deref(), Some("2023-03-14"));
        assert_eq!(parse_date("nos Lun, 13eg Mawrth 2023").as_deref(), Some("2023-03-13"));
        assert_eq!(parse_date("ddydd Gwener 3 Tachwedd 2023").as_deref(), Some("2023-11-03"));
    }

    #[test]
    fn weekdays_trimmed() {
        assert_eq!(trim_weekday("CABINET - THURSDAY, "), "CABINET - ");
        assert_eq!(trim_weekday("dydd Mercher, "), "");
        assert_eq!(trim_weekday("Cyngor nos Fawrth "), "Cyngor ");
        assert_eq!(trim_weekday("Monday Club "), "Monday Club ");
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("at 1.00 pm").as_deref(), Some("13:00"));
        assert_eq!(parse_time("10.00 am").as_deref(), Some("10:00"));
        assert_eq!(parse_time("2pm").as_deref(), Some("14:00"));
        assert_eq!(parse_time("13:00").as_deref(), Some("13:00"));
        assert_eq!(parse_time("12 noon"), None);
        assert_eq!(parse_time("am 7.30yh").as_deref(), Some("19:30"));
        assert_eq!(parse_time("10.00 y.b.").as_deref(), Some("10:00"));
        assert_eq!(parse_time("3 October 2022"), None);
        assert_eq!(parse_time("£2,385.50"), None);
    }
}
