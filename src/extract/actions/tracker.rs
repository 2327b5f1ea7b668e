//! Rows of an outcome or action tracker as actions (origin `action_tracker`).
//!
//! Reads the tracker's table by its header ("Agenda items | Lead / Owner | Agreed Outcome | RAG
//! Status"), keeps the meeting each row came from ("Meeting held - 20 June 2022" group rows),
//! the owner, the outcome as text and the status as printed ("Clerk - completed") and
//! normalised; a status shown only as the cell's colour follows the tracker's printed key
//! ("Completed  Action complete ...") where its entries are coloured, else green completed,
//! amber pending, red incomplete.
//!
//! Limits: only sections of kind `action_tracker`; a tracker laid out without table cells is
//! not read; the key and "Version as at" rows are recognised by their wording.

use regex::Regex;
use std::sync::LazyLock;

use crate::contract::{Action, ActionOrigin, ActionStatus, Extraction, SectionKind, Warning, WarningCode};
use crate::extract::read::columns::{column_of, find_columns, header_row, Synonyms};
use crate::extract::read::dates::parse_date;
use crate::extract::read::rag::{rating_of_colour, Rating};
use crate::extract::{provenance, Context};
use crate::layout::{Row, Table};

/// Which column holds what, found from the header's words.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Columns {
    item: Option<usize>,
    owner: Option<usize>,
    text: Option<usize>,
    status: Option<usize>,
    due: Option<usize>,
    meeting: Option<usize>,
}

/// What a tracker's header cells name, the most telling first.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    Status,
    Owner,
    Due,
    Text,
    Item,
    Meeting,
}

const HEADERS: &[(Slot, Synonyms)] = &[
    (Slot::Status, &["status", "rag", "progress", "update"]),
    (Slot::Owner, &["owner", "lead", "responsib", "officer", "^who"]),
    (Slot::Due, &["due", "deadline", "by when", "timescale", "target date"]),
    (Slot::Text, &["outcome", "action", "agreed", "decision", "recommendation", "request"]),
    (Slot::Item, &["item", "subject", "topic", "minute", "title"]),
    (Slot::Meeting, &["meeting", "=date"]),
];

impl Columns {
    fn from_header(cells: &[String]) -> Option<Columns> {
        let found = find_columns(cells, HEADERS);
        let c = Columns {
            item: column_of(&found, Slot::Item),
            owner: column_of(&found, Slot::Owner),
            text: column_of(&found, Slot::Text),
            status: column_of(&found, Slot::Status),
            due: column_of(&found, Slot::Due),
            meeting: column_of(&found, Slot::Meeting),
        };
        let found = [c.item, c.owner, c.text, c.status, c.due].iter().filter(|x| x.is_some()).count();
        (found >= 2 && (c.text.is_some() || c.item.is_some())).then_some(c)
    }
}

/// "Meeting held - 20 June 2022", "Committee 5 September 2022", "20 June 2022".
static GROUP_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:meeting|held|committee|mtg)\b|^\W*\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}\W*$")
        .expect("valid regex")
});

/// A key entry: a status word, then what it means ("Pending Action on-going or ...").
static KEY_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<word>completed?|pending|incomplete|open|closed|on\s*-?going|green|amber|red|blue)\b\s*[-–:=]?\s+\S").expect("valid regex")
});

/// "Version as at 13.09.22", "Last updated ...".
static VERSION_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:version|last\s+updated|updated|key\b|as\s+at)").expect("valid regex")
});

pub fn extract(ctx: &Context, out: &mut Extraction) {
    let trackers: Vec<_> = ctx.sections_of(SectionKind::ActionTracker).collect();
    if trackers.is_empty() {
        return;
    }
    for section in trackers {
        let before = out.actions.len();
        read_tracker(ctx, section, out);
        if out.actions.len() == before {
            out.warnings.push(Warning::new(
                WarningCode::MissingRecord,
                format!(
                    "no rows were read from the action tracker on pages {}-{}",
                    section.first_page, section.last_page
                ),
                Some(section.first_page),
            ));
        }
    }
}

/// A key entry's word and the colour printed beside it.
struct KeyEntry {
    status: ActionStatus,
    fill: Option<[u8; 3]>,
}

fn read_tracker(ctx: &Context, section: &crate::contract::Section, out: &mut Extraction) {
    let mut cols: Option<(Columns, usize)> = None;
    let mut meeting_date: Option<String> = None;
    let mut found: Vec<(Action, Option<[u8; 3]>)> = Vec::new();
    let mut key: Vec<KeyEntry> = Vec::new();
    for page in ctx.pages_of(section) {
        for table in &page.tables {
            let (start, c) = match header_of(table) {
                Some((i, c)) => (i + 1, c),
                None => match cols {
                    Some((c, n)) if n == table.ncols() => (0, c),
                    _ => continue,
                },
            };
            cols = Some((c, table.ncols()));
            let mut in_key = false;
            for (ri, row) in table.rows.iter().enumerate().skip(start) {
                let cell = |i: Option<usize>| {
                    i.and_then(|i| row.cells.get(i)).map(|c| c.text.trim().to_string()).unwrap_or_default()
                };
                let joined = row
                    .cells
                    .iter()
                    .map(|c| c.text.trim())
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                if joined.is_empty() {
                    continue;
                }
                let filled: Vec<usize> = (0..row.cells.len())
                    .filter(|&i| row.cells.get(i).is_some_and(|c| !c.is_empty()))
                    .collect();
                // Group rows: one filled cell naming a meeting and its date (a spanning cell
                // may come split at the column edges: "Meeting" | "held on 20 November 2024").
                let spans = filled.len() == 1
                    || (cell(c.owner).is_empty() && cell(c.status).is_empty() && joined.len() < 60);
                if spans && GROUP_ROW.is_match(&joined) {
                    if let Some(d) = parse_date(&joined) {
                        meeting_date = Some(d);
                        continue;
                    }
                }
                if VERSION_ROW.is_match(&joined) && filled.len() == 1 {
                    in_key = true;
                    continue;
                }
                let status_text = cell(c.status);
                if let Some(k) = KEY_ROW.captures(&joined) {
                    if status_text.is_empty() || in_key {
                        in_key = true;
                        if let Some(s) = k.name("word").and_then(|w| status_from_text(w.as_str())) {
                            let fill = row.cells.first().and_then(|c| c.fill);
                            key.push(KeyEntry { status: s, fill });
                        }
                        continue;
                    }
                }
                if in_key {
                    continue;
                }
                let text = cell(c.text);
                let item = cell(c.item);
                let owner = cell(c.owner);
                // A row broken over a page: its rest comes with the item and owner cells empty.
                if ri == start && item.is_empty() && owner.is_empty() && status_text.is_empty() && start == 0
                {
                    if let Some((prev, _)) = found.last_mut() {
                        prev.text = format!("{} {}", prev.text, text);
                        continue;
                    }
                }
                if text.is_empty() && item.is_empty() {
                    continue;
                }
                let fill = c.status.and_then(|i| row.cells.get(i)).and_then(|c| c.fill);
                let status = status_from_text(&status_text);
                let due =
                    c.due.map(|_| cell(c.due)).filter(|d| !d.is_empty()).map(|d| parse_date(&d).unwrap_or(d));
                let row_meeting = c.meeting.map(|_| cell(c.meeting)).and_then(|m| parse_date(&m));
                found.push((
                    Action {
                        text: if text.is_empty() { item.clone() } else { text },
                        owner: (!owner.is_empty()).then_some(owner),
                        due,
                        status,
                        status_text: (!status_text.is_empty()).then_some(status_text),
                        origin: ActionOrigin::ActionTracker,
                        meeting_date: row_meeting.or_else(|| meeting_date.clone()),
                        agenda_item: (!item.is_empty()).then_some(item),
                        provenance: provenance(page.number, &row_bbox(row)),
                    },
                    fill,
                ));
            }
        }
    }
    // Colour-only statuses, now that the key (printed after the rows) is known.
    let mut unsettled = Vec::new();
    for (mut a, fill) in found {
        if a.status.is_none() {
            a.status = fill.and_then(|f| status_from_key(&key, f).or_else(|| status_from_colour(f)));
        }
        if a.status.is_none() {
            if let Some(t) = &a.status_text {
                unsettled.push(format!("\"{t}\""));
            }
        }
        out.actions.push(a);
    }
    if !unsettled.is_empty() {
        out.warnings.push(Warning::new(
            WarningCode::UnparsedValue,
            format!(
                "tracker statuses read as no status (not a status word or colour): {}",
                unsettled.join(", ")
            ),
            Some(section.first_page),
        ));
    }
}

/// The header row (its index) and the columns it names.
fn header_of(table: &Table) -> Option<(usize, Columns)> {
    header_row(table, 4, Columns::from_header)
}

fn row_bbox(row: &Row) -> crate::layout::BBox {
    row.bbox
}

/// Normalised status from printed words; the last status word printed wins
/// ("Prov – Nov 22 mtg / Clerk - completed" is completed).
pub fn status_from_text(text: &str) -> Option<ActionStatus> {
    static WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)
            (?P<inc>\bincomplete\b|\bnot\s+(?:complete|done|started)\b|\boverdue\b|\bred\b)
            | (?P<done>\bcomplete[d]?\b|\bdone\b|\bclosed\b|\bachieved\b|\bgreen\b|\bcirculated\b)
            | (?P<pend>\bpending\b|\bon\s*-?\s*going\b|\bin\s+progress\b|\bunderway\b|\bamber\b|\bdeferred\b)
            | (?P<open>\bopen\b|\bnew\b)",
        )
        .expect("valid regex")
    });
    WORD.captures_iter(text).last().and_then(|c| {
        if c.name("inc").is_some() {
            Some(ActionStatus::Incomplete)
        } else if c.name("done").is_some() {
            Some(ActionStatus::Completed)
        } else if c.name("pend").is_some() {
            Some(ActionStatus::Pending)
        } else if c.name("open").is_some() {
            Some(ActionStatus::Open)
        } else {
            None
        }
    })
}

/// The key entry whose colour is nearest the cell's, if close.
fn status_from_key(key: &[KeyEntry], fill: [u8; 3]) -> Option<ActionStatus> {
    key.iter()
        .filter_map(|k| k.fill.map(|f| (k.status, distance(f, fill))))
        .filter(|(_, d)| *d < 60)
        .min_by_key(|(_, d)| *d)
        .map(|(s, _)| s)
}

fn distance(a: [u8; 3], b: [u8; 3]) -> u32 {
    a.iter().zip(b.iter()).map(|(x, y)| u32::from(x.abs_diff(*y))).sum()
}

/// Green completed, amber pending, red incomplete; greys, white and blue say nothing.
pub fn status_from_colour(c: [u8; 3]) -> Option<ActionStatus> {
    match rating_of_colour(c)? {
        Rating::Green => Some(ActionStatus::Completed),
        Rating::Amber => Some(ActionStatus::Pending),
        Rating::Red => Some(ActionStatus::Incomplete),
        Rating::Blue => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_from_printed_words() {
        let cases = [
            ("Pending", Some(ActionStatus::Pending)),
            ("Completed", Some(ActionStatus::Completed)),
            ("Prov – Nov 22 mtg Clerk - completed", Some(ActionStatus::Completed)),
            ("Incomplete", Some(ActionStatus::Incomplete)),
            ("On going work by Committee", Some(ActionStatus::Pending)),
            ("5 September 2022", None),
            ("Oct 22 mtg", None),
        ];
        for (t, want) in cases {
            assert_eq!(status_from_text(t), want, "{t}");
        }
    }

    #[test]
    fn statuses_from_colours() {
        assert_eq!(status_from_colour([0x92, 0xd0, 0x50]), Some(ActionStatus::Completed));
        assert_eq!(status_from_colour([0xff, 0xc0, 0x00]), Some(ActionStatus::Pending));
        assert_eq!(status_from_colour([0xff, 0x00, 0x00]), Some(ActionStatus::Incomplete));
        assert_eq!(status_from_colour([0xd9, 0xd9, 0xd9]), None);
    }

    #[test]
    fn header_synonyms() {
        let h = ["Agenda items", "Lead / Owner", "Agreed Outcome", "RAG Status"].map(String::from);
        let c = Columns::from_header(&h);
        assert_eq!(
            c.map(|c| (c.item, c.owner, c.text, c.status)),
            Some((Some(0), Some(1), Some(2), Some(3)))
        );
        assert_eq!(Columns::from_header(&["Budget".to_string(), "£000".to_string()]), None);
    }
}
