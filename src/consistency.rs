//! The consistency pass: after the extractors, warnings for records that contradict each other
//! (numbers that go backwards or repeat, paragraph numbers that skip, overlapping page ranges,
//! impossible dates). It reads only the [`Extraction`] and the dates printed in the paper, so
//! nothing is measured from today and the output stays deterministic.

use crate::contract::{Extraction, Warning, WarningCode};

/// A meeting date further than this from every other date in the paper is suspect (two years).
const MEETING_DATE_SPREAD_DAYS: i64 = 2 * 365 + 1;

/// Adds the consistency warnings to `out`; `paper_dates` are the ISO dates printed in the paper.
pub fn check(out: &mut Extraction, paper_dates: &[String]) {
    let mut w = Vec::new();
    numbering(
        &mut w,
        "agenda item",
        out.agenda_items.iter().map(|a| (a.number.as_str(), a.provenance.page, "")),
    );
    let minutes = out.minute_items.iter().filter_map(|m| {
        m.number.as_deref().map(|n| (n, m.provenance.page, m.meeting_date.as_deref().unwrap_or("")))
    });
    numbering(&mut w, "minute", minutes);
    if let Some(i) = &out.inspection {
        paragraphs(&mut w, i.paragraphs.iter().map(|p| (p.number.as_str(), p.page)));
        if let (Some(s), Some(e)) = (&i.start_date, &i.end_date) {
            if e < s {
                w.push(Warning::new(
                    WarningCode::DateInconsistent,
                    format!("the inspection ends ({e}) before it starts ({s})"),
                    Some(i.provenance.page),
                ));
            }
        }
    }
    page_ranges(&mut w, out);
    if let Some(m) = &out.meeting {
        if let Some(d) = &m.date {
            meeting_date(&mut w, d, m.provenance.page, paper_dates);
        }
    }
    out.warnings.extend(w);
}

/// The order key of a printed number: the letters before it (a lettered part of an agenda,
/// "B1"), its runs of digits ("4.10" → [4, 10]) and the sub-item after them ("7a", "7(iv)").
#[derive(PartialEq, Eq, PartialOrd, Ord, Clone, Debug)]
struct Key {
    prefix: String,
    numbers: Vec<u64>,
    sub: Sub,
}

/// A sub-item mark: none, a roman numeral ("iv"), or letters ("a", "b").
#[derive(PartialEq, Eq, PartialOrd, Ord, Clone, Debug)]
enum Sub {
    None,
    Roman(u32),
    Letters(String),
}

fn key(number: &str) -> Option<Key> {
    let lower = number.trim().to_lowercase();
    let start = lower.find(|c: char| c.is_ascii_digit())?;
    let prefix: String = lower.get(..start)?.chars().filter(char::is_ascii_alphabetic).collect();
    let rest = lower.get(start..)?;
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/')).unwrap_or(rest.len());
    let numbers: Vec<u64> =
        rest.get(..end)?.split(['.', '/']).filter(|p| !p.is_empty()).filter_map(|p| p.parse().ok()).collect();
    if numbers.is_empty() {
        return None;
    }
    let letters: String = rest.get(end..).unwrap_or("").chars().filter(char::is_ascii_alphabetic).collect();
    let sub = match (letters.is_empty(), roman(&letters)) {
        (true, _) => Sub::None,
        (false, Some(r)) => Sub::Roman(r),
        (false, None) => Sub::Letters(letters),
    };
    Some(Key { prefix, numbers, sub })
}

/// The value of a small lowercase roman numeral of i, v and x ("iv" → 4); None otherwise.
fn roman(text: &str) -> Option<u32> {
    let values: Vec<u32> = text
        .chars()
        .map(|c| match c {
            'i' => Some(1),
            'v' => Some(5),
            'x' => Some(10),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let mut total = 0;
    for (k, v) in values.iter().enumerate() {
        match values.get(k + 1) {
            Some(next) if next > v => total -= *v as i64,
            _ => total += *v as i64,
        }
    }
    u32::try_from(total).ok().filter(|t| *t > 0)
}

/// Numbers that go backwards or repeat, within one group (one meeting's minutes, one lettered
/// part of an agenda); an item without a number is skipped.
fn numbering<'a>(w: &mut Vec<Warning>, what: &str, items: impl Iterator<Item = (&'a str, u32, &'a str)>) {
    let mut prev: Option<(Key, &str, &str)> = None;
    for (number, page, group) in items {
        let Some(k) = key(number) else { continue };
        if let Some((pk, pn, pg)) = &prev {
            if *pg == group && pk.prefix == k.prefix && k <= *pk {
                let how = if k == *pk { "repeats" } else { "goes backwards after" };
                w.push(Warning::new(
                    WarningCode::NumberingOutOfOrder,
                    format!("{what} {number} {how} {what} {pn}"),
                    Some(page),
                ));
            }
        }
        prev = Some((k, number, group));
    }
}

/// Numbered paragraphs that skip a number, go backwards or repeat.
fn paragraphs<'a>(w: &mut Vec<Warning>, items: impl Iterator<Item = (&'a str, u32)>) {
    let mut prev: Option<(u64, &str)> = None;
    for (number, page) in items {
        let Ok(n) = number.trim().parse::<u64>() else { continue };
        if let Some((p, pn)) = prev {
            if n <= p {
                w.push(Warning::new(
                    WarningCode::NumberingOutOfOrder,
                    format!("paragraph {number} follows paragraph {pn}"),
                    Some(page),
                ));
            } else if n > p + 1 {
                w.push(Warning::new(
                    WarningCode::ParagraphGap,
                    format!("paragraph {number} follows paragraph {pn}: {} missing", n - p - 1),
                    Some(page),
                ));
            }
        }
        prev = Some((n, number));
    }
}

/// Printed page ranges that run backwards or overlap the previous item's.
fn page_ranges(w: &mut Vec<Warning>, out: &Extraction) {
    let mut prev: Option<(u32, &str)> = None;
    for a in &out.agenda_items {
        let Some(r) = &a.page_range else { continue };
        if r.last < r.first {
            w.push(Warning::new(
                WarningCode::PageRangesOverlap,
                format!("item {}: its pages run backwards ({} - {})", a.number, r.first, r.last),
                Some(a.provenance.page),
            ));
        }
        if let Some((last, n)) = prev {
            if r.first <= last {
                w.push(Warning::new(
                    WarningCode::PageRangesOverlap,
                    format!(
                        "item {} starts on page {} before item {n} ends (page {last})",
                        a.number, r.first
                    ),
                    Some(a.provenance.page),
                ));
            }
        }
        prev = Some((r.last.max(r.first), a.number.as_str()));
    }
}

fn meeting_date(w: &mut Vec<Warning>, date: &str, page: u32, paper_dates: &[String]) {
    let Some(d) = days(date) else { return };
    let others: Vec<i64> =
        paper_dates.iter().filter(|o| o.as_str() != date).filter_map(|o| days(o)).collect();
    if others.is_empty() || others.iter().any(|o| (o - d).abs() <= MEETING_DATE_SPREAD_DAYS) {
        return;
    }
    w.push(Warning::new(
        WarningCode::DateInconsistent,
        format!("the meeting date {date} is more than two years from every other date in the paper"),
        Some(page),
    ));
}

/// Days since 0000-03-01 of an ISO date (the civil-from-days inverse; enough to compare spans).
fn days(iso: &str) -> Option<i64> {
    let mut p = iso.splitn(3, '-').map(|x| x.parse::<i64>().ok());
    let (y, m, d) = (p.next()??, p.next()??, p.next()??);
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::{AgendaItem, Inspection, Meeting, MinuteItem, PageRange, Paragraph, Provenance};

    fn paper() -> Extraction {
        Extraction::empty(crate::missing_source("t.pdf"))
    }
    fn prov(page: u32) -> Provenance {
        Provenance { page, bbox: [0.0; 4] }
    }
    fn item(n: &str, range: Option<(u32, u32)>) -> AgendaItem {
        AgendaItem {
            number: n.into(),
            title: "t".into(),
            page_range: range.map(|(first, last)| PageRange { first, last }),
            section_ids: vec![],
            description: None,
            lead: None,
            time_allowed_minutes: None,
            exempt: false,
            provenance: prov(2),
        }
    }
    fn minute(n: &str) -> MinuteItem {
        MinuteItem {
            number: Some(n.into()),
            title: "t".into(),
            agenda_item: None,
            meeting_date: Some("2025-01-30".into()),
            text: String::new(),
            resolutions: vec![],
            provenance: prov(3),
        }
    }
    fn inspection(numbers: &[&str], start: &str, end: &str) -> Inspection {
        Inspection {
            subject: None,
            start_date: Some(start.into()),
            end_date: Some(end.into()),
            lead_inspector: None,
            lead_inspector_role: None,
            improvements: vec![],
            paragraph_count: numbers.len() as u32,
            paragraphs: numbers
                .iter()
                .map(|n| Paragraph { number: (*n).into(), section: None, text: String::new(), page: 4 })
                .collect(),
            provenance: prov(1),
        }
    }
    fn codes(out: &Extraction) -> Vec<WarningCode> {
        out.warnings.iter().map(|w| w.code).collect()
    }

    #[test]
    fn clean_paper_has_no_warning() {
        let mut out = paper();
        out.agenda_items =
            vec![item("1", Some((1, 4))), item("2", None), item("2a", Some((5, 8))), item("3", Some((9, 9)))];
        out.minute_items = vec![minute("5"), minute("6"), minute("7")];
        out.inspection = Some(inspection(&["1", "2", "3"], "2022-07-18", "2022-07-29"));
        out.meeting = Some(Meeting {
            body: None,
            date: Some("2025-01-30".into()),
            time: None,
            venue: None,
            members: vec![],
            provenance: prov(1),
        });
        check(&mut out, &["2025-01-30".into(), "2024-12-01".into()]);
        assert_eq!(codes(&out), vec![]);
    }

    #[test]
    fn minute_numbers_going_backwards_or_repeating_are_warned() {
        let mut out = paper();
        out.minute_items = vec![minute("5"), minute("7"), minute("6"), minute("6")];
        check(&mut out, &[]);
        assert_eq!(codes(&out), vec![WarningCode::NumberingOutOfOrder; 2]);
        assert_eq!(out.warnings[0].page, Some(3));
    }

    #[test]
    fn lettered_parts_sub_items_and_null_numbers_are_in_order() {
        let mut out = paper();
        out.agenda_items = [
            "A1", "A2", "B1", "B2", "C1", "7", "7a", "7b", "8", "8(i)", "8(iv)", "8(ix)", "9.2", "9.10", "10",
        ]
        .iter()
        .map(|n| item(n, None))
        .collect();
        out.minute_items = vec![minute("5"), MinuteItem { number: None, ..minute("x") }, minute("6")];
        check(&mut out, &[]);
        assert_eq!(codes(&out), vec![]);
    }

    #[test]
    fn sub_items_out_of_order_are_warned() {
        let mut out = paper();
        out.agenda_items = vec![item("7b", None), item("7a", None), item("9.10", None), item("9.2", None)];
        check(&mut out, &[]);
        assert_eq!(codes(&out), vec![WarningCode::NumberingOutOfOrder; 2]);
        assert_eq!(out.warnings[0].message, "agenda item 7a goes backwards after agenda item 7b");
    }

    #[test]
    fn minutes_of_two_meetings_each_count_from_their_own_start() {
        let mut out = paper();
        let later = |n: &str| MinuteItem { meeting_date: Some("2025-03-06".into()), ..minute(n) };
        out.minute_items = vec![minute("5"), minute("6"), later("1"), later("2")];
        check(&mut out, &[]);
        assert_eq!(codes(&out), vec![]);
    }

    #[test]
    fn overlapping_and_backward_page_ranges_are_warned() {
        let mut out = paper();
        out.agenda_items = vec![item("1", Some((1, 6))), item("2", Some((5, 8))), item("3", Some((12, 10)))];
        check(&mut out, &[]);
        assert_eq!(codes(&out), vec![WarningCode::PageRangesOverlap; 2]);
    }

    #[test]
    fn paragraph_gaps_and_dates_are_warned() {
        let mut out = paper();
        out.inspection = Some(inspection(&["1", "2", "4"], "2022-07-29", "2022-07-18"));
        check(&mut out, &[]);
        assert_eq!(codes(&out), vec![WarningCode::ParagraphGap, WarningCode::DateInconsistent]);
    }

    #[test]
    fn a_meeting_date_years_from_every_other_date_is_warned() {
        let mut out = paper();
        out.meeting = Some(Meeting {
            body: None,
            date: Some("2052-01-30".into()),
            time: None,
            venue: None,
            members: vec![],
            provenance: prov(1),
        });
        check(&mut out, &["2025-01-30".into(), "2025-02-06".into()]);
        assert_eq!(codes(&out), vec![WarningCode::DateInconsistent]);
    }
}
