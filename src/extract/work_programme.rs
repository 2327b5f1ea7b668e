//! Work programme entries: the items planned for each meeting, and those not yet scheduled.
//!
//! Reads the programme table by its header ("Overarching themes | Committee meeting dates /
//! proposed agenda items | Lead Officer/Item Lead"): a row with one filled cell holding a date
//! ("3 October 2022 @ 1 pm", "Provisional date - 6 March" continued as "2023 @ 1 pm" on the
//! next page) opens a meeting; the rows under it are its entries (theme, item, lead). Entries
//! are provisional under a provisional date, after a "provisional items:-" row, or when their
//! text says "Provisional". Under an "Items to be scheduled" heading, bold or colon-ended lines
//! are themes and the lines under them entries without a date.
//!
//! Limits: only sections of kind `work_programme`; a programme set out as paragraphs rather
//! than a table gives only its "to be scheduled" list.

use regex::Regex;
use std::sync::LazyLock;

use super::read::columns::{column_of, find_columns, header_row, Synonyms};
use super::read::dates::{month_number, parse_date};
use super::read::rows::same_baseline;
use super::{provenance, Context};
use crate::contract::{Extraction, ProgrammeEntry, SectionKind};
use crate::layout::{join_lines, Line, Page, Table};

/// Which column holds what.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Columns {
    theme: Option<usize>,
    item: Option<usize>,
    lead: Option<usize>,
    date: Option<usize>,
}

/// What a work programme's header cells name, the most telling first.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    Lead,
    Theme,
    Item,
    Date,
}

const HEADERS: &[(Slot, Synonyms)] = &[
    (Slot::Lead, &["lead", "officer", "owner", "responsib", "presenter"]),
    (Slot::Theme, &["theme", "priority", "area"]),
    (Slot::Item, &["item", "agenda", "topic", "subject", "report", "title", "business"]),
    (Slot::Date, &["date", "meeting"]),
];

impl Columns {
    fn from_header(cells: &[String]) -> Option<Columns> {
        let found = find_columns(cells, HEADERS);
        let c = Columns {
            theme: column_of(&found, Slot::Theme),
            item: column_of(&found, Slot::Item),
            lead: column_of(&found, Slot::Lead),
            date: column_of(&found, Slot::Date),
        };
        c.item.is_some().then_some(c)
    }
}

/// "Provisional", "provisional items:-", "Provisional date - 6 March".
static PROVISIONAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bprovisional(?:ly)?\b|\btbc\b|\bto\s+be\s+confirmed\b").expect("valid regex")
});

/// A date row without its year yet ("Provisional date - 6 March"), or any text naming a date.
static DATEISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix) \b\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\b | @\s*\d | ^\W*\d{4}\b | \b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b").expect("valid regex")
});

/// The heading of the list of items not yet given a meeting.
static UNSCHEDULED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)items?\s+(?:still\s+)?to\s+be\s+(?:scheduled|programmed|confirmed)|unscheduled\s+items|items\s+not\s+yet\s+scheduled|future\s+items|forward\s+plan\s+items")
        .expect("valid regex")
});

/// Notes that end the unscheduled list.
static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:note\b|notes\b|please\s+contact|members\s+of\s+the)").expect("valid regex")
});

/// A bullet glyph alone on its fragment.
static BULLET_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[•◦▪■◼●○\-–\u{f0b7}\u{f0a7}]$").expect("valid regex"));

/// One meeting's group while rows are read.
#[derive(Default)]
struct Group {
    date_text: String,
    date: Option<String>,
    provisional: bool,
    items_provisional: bool,
}

pub fn extract(ctx: &Context, out: &mut Extraction) {
    let sections: Vec<_> = ctx.sections_of(SectionKind::WorkProgramme).collect();
    if sections.is_empty() || !out.work_programme.is_empty() {
        return;
    }
    for s in sections {
        let pages = ctx.pages_of(s);
        read_tables(pages, out);
        read_unscheduled(pages, out);
    }
}

fn read_tables(pages: &[Page], out: &mut Extraction) {
    let mut cols: Option<(Columns, usize)> = None;
    let mut group = Group::default();
    for page in pages {
        for table in &page.tables {
            let (start, c) = match header_of(table) {
                Some((i, c)) => (i + 1, c),
                None => match cols {
                    Some((c, n)) if n == table.ncols() => (0, c),
                    _ => continue,
                },
            };
            cols = Some((c, table.ncols()));
            for row in table.rows.iter().skip(start) {
                let text = |i: Option<usize>| {
                    i.and_then(|i| row.cells.get(i)).map(|c| c.text.trim().to_string()).unwrap_or_default()
                };
                let filled: Vec<&str> =
                    row.cells.iter().map(|c| c.text.trim()).filter(|t| !t.is_empty()).collect();
                let Some(first) = filled.first().copied() else { continue };
                if filled.len() == 1 && c.date.is_none() {
                    if DATEISH.is_match(first) {
                        open_group(&mut group, first);
                        continue;
                    }
                    if PROVISIONAL.is_match(first) && first.len() < 40 {
                        group.items_provisional = true;
                        continue;
                    }
                }
                let item = text(c.item);
                let theme = text(c.theme);
                let (item, theme) = if item.is_empty() { (theme, String::new()) } else { (item, theme) };
                if item.is_empty() {
                    continue;
                }
                let lead = text(c.lead);
                let meeting_date = match c.date {
                    Some(_) => {
                        let d = text(c.date);
                        if !d.is_empty() {
                            group.provisional = PROVISIONAL.is_match(&d);
                            group.date = parse_date(&d);
                        }
                        group.date.clone()
                    }
                    None => group.date.clone(),
                };
                let provisional = group.provisional || group.items_provisional || PROVISIONAL.is_match(&item);
                out.work_programme.push(ProgrammeEntry {
                    meeting_date,
                    theme: (!theme.is_empty()).then_some(theme),
                    item,
                    lead: (!lead.is_empty()).then_some(lead),
                    provisional,
                    provenance: provenance(page.number, &row.bbox),
                });
            }
        }
    }
}

/// Starts a meeting's group, or completes a date row broken over a page ("6 March" + "2023").
fn open_group(group: &mut Group, text: &str) {
    let continues = group.date.is_none() && !group.date_text.is_empty() && year_only_start(text);
    let joined = if continues { format!("{} {}", group.date_text, text) } else { text.to_string() };
    let date = parse_date(&joined).or_else(|| month_day_with_year(&joined));
    *group = Group {
        provisional: PROVISIONAL.is_match(&joined),
        date,
        date_text: joined,
        items_provisional: false,
    };
}

/// "2023 @ 1 pm": a row that starts with a year.
fn year_only_start(text: &str) -> bool {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:19|20)\d{2}\b").expect("valid regex"));
    YEAR.is_match(text)
}

/// "6 March 2023 @ 1 pm" after joining; parse_date covers it, this catches "March 6 2023".
fn month_day_with_year(text: &str) -> Option<String> {
    static MD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[a-z]{3,9})\s+(?P<y>\d{4})")
            .expect("valid regex")
    });
    let c = MD.captures(text)?;
    month_number(c.name("m")?.as_str())?;
    parse_date(c.get(0)?.as_str())
}

fn header_of(table: &Table) -> Option<(usize, Columns)> {
    header_row(table, 3, Columns::from_header)
}

/// The "Items to be scheduled" list under the table: themes and their entries, no date.
fn read_unscheduled(pages: &[Page], out: &mut Extraction) {
    let mut on = false;
    let mut theme: Option<String> = None;
    for page in pages {
        let below = page.tables.iter().map(|t| t.bbox.bottom).fold(f64::MIN, f64::max);
        let mut lines: Vec<&Line> = page.lines.iter().filter(|l| l.bbox.top > below).collect();
        lines.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top).then(a.bbox.x0.total_cmp(&b.bbox.x0)));
        let mut bulleted_tops: Vec<f64> = Vec::new();
        for l in lines {
            let t = l.body().trim();
            if UNSCHEDULED.is_match(t) {
                on = true;
                theme = None;
                continue;
            }
            if !on || t.is_empty() {
                continue;
            }
            if NOTE.is_match(t) {
                return;
            }
            if BULLET_ONLY.is_match(t) {
                bulleted_tops.push(l.bbox.top);
                continue;
            }
            let bulleted =
                l.bullet.is_some() || bulleted_tops.iter().any(|&top| same_baseline(top, l.bbox.top, l.size));
            if !bulleted && (l.bold || t.ends_with(':')) {
                theme = Some(t.trim_end_matches([':', '-', '–']).trim().to_string());
                continue;
            }
            out.work_programme.push(ProgrammeEntry {
                meeting_date: None,
                theme: if bulleted { theme.clone() } else { None },
                item: join_lines([t]),
                lead: None,
                provisional: PROVISIONAL.is_match(t),
                provenance: provenance(page.number, &l.bbox),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_row_broken_over_a_page() {
        let mut g = Group::default();
        open_group(&mut g, "Provisional date - 6 March");
        assert_eq!(g.date, None);
        open_group(&mut g, "2023 @ 1 pm");
        assert_eq!(g.date.as_deref(), Some("2023-03-06"));
        assert!(g.provisional);
        open_group(&mut g, "3 October 2022 @ 1 pm");
        assert_eq!(g.date.as_deref(), Some("2022-10-03"));
        assert!(!g.provisional);
    }

    #[test]
    fn header_with_lead_before_item() {
        let h = [
            "Overarching themes",
            "Committee meeting dates / proposed agenda items",
            "Lead Officer/Item Lead",
        ]
        .map(String::from);
        let c = Columns::from_header(&h).map(|c| (c.theme, c.item, c.lead, c.date));
        assert_eq!(c, Some((Some(0), Some(1), Some(2), None)));
    }
}
