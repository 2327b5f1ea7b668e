//! Actions recorded in minutes: "ACTION: owner – what by when" lines and their relatives.
//!
//! Printed forms read:
//! ```text
//! ACTION: Clerk – write to the highways team by 30 September 2025
//! Action: Scrutiny Manager to circulate the report before the next meeting
//! Clerk to obtain three quotes.   Action: Clerk           (owner after the text)
//! ACTION: Democratic Services                              (owner alone: the paragraph above is the action)
//! ```
//! Each action carries the minutes' meeting date and the agenda item of the minute it sits in.
//!
//! Known limits: actions shown only as a name in a right-hand column, with no "Action" label,
//! are not read; a due phrase that is not a date is kept as printed.

use regex::Regex;
use std::sync::LazyLock;

use crate::contract::{Action, ActionOrigin, Extraction};
use crate::extract::read::dates::parse_date;
use crate::extract::read::rows::{meeting_date, para_rows, Row};
use crate::extract::read::text::squash;
use crate::extract::{provenance, Context};
use crate::layout::join_lines;

/// "ACTION: rest", "Actions – rest", "ACTION BY: rest" at the start of a row.
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        ^ \s* (?: \d{1,3}\.?\s+ )?
        (?: ACTIONS? | Actions? | Action \s+ [Pp]oint )
        (?: \s+ (?i:by) )?
        \s* [:\-–—]+ \s* (?P<rest> .* ) $",
    )
    .expect("valid regex")
});

/// "… Action: Clerk" at the end of a row.
static TRAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<what>.{8,}?)\s*[(\[]?\b(?:ACTION|Action)(?:\s+(?i:by))?\s*[:\-–—]\s*(?P<owner>[^.:]{2,60}?)[)\]]?\.?\s*$").expect("valid regex")
});

/// "Owner – what" or "Owner: what".
static OWNER_DASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<owner>[^–—:]{2,60}?)\s+[–—-]\s+(?P<what>.+)$|^(?P<owner2>[^–—:]{2,60}?)\s*:\s+(?P<what2>.+)$",
    )
    .expect("valid regex")
});

/// "Clerk to write …", "Head of Internal Audit to report …", "Cllr A Smith and the Clerk to arrange …".
static OWNER_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<owner>(?:the\s+)?[\p{Lu}][\w.'’&/-]*(?:\s+(?:(?:of|for)\s+)?(?:the\s+)?[\p{Lu}][\w.'’&/-]*){0,6}(?:\s*(?:and|&)\s+(?:the\s+)?[\p{Lu}][\w.'’-]*(?:\s+[\p{Lu}][\w.'’-]*){0,4})?)\s+to\s+(?P<what>\w.+)$").expect("valid regex")
});

/// "… by 30 September 2025", "… by the next meeting", "… before the end of March".
static DUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b (?: by | before | no \s+ later \s+ than | deadline :? | due :? ) \s+
        (?P<due> (?: the \s+ )? (?: (?: end \s+ of \s+ )? (?: \w+day,? \s+ )? \d{1,2} (?:st|nd|rd|th)? \s+ [a-z]{3,9} (?: ,? \s+ \d{4} )?
                 | (?: end \s+ of \s+ | mid-? \s* )? (?: january|february|march|april|may|june|july|august|september|october|november|december ) (?: \s+ \d{4} )?
                 | \d{1,2}/\d{1,2}/\d{2,4}
                 | next \s+ meeting | (?: the \s+ )? next \s+ \w+ \s+ meeting | end \s+ of \s+ (?: the \s+ )? (?: month | week | year | quarter )
                 | q[1-4] (?: \s+ \d{4} )? ) )
        [\s.;,]* $",
    )
    .expect("valid regex")
});

/// Actions in every minutes section.
pub fn extract(ctx: &Context, out: &mut Extraction) {
    for s in ctx.minutes_sections() {
        let rows = para_rows(ctx, &s);
        let meeting_date = meeting_date(&rows);
        let mut i = 0;
        while let Some(r) = rows.get(i) {
            i += 1;
            let Some(a) = action_at(&rows, i - 1) else { continue };
            let (text, owner) = a;
            let (text, due) = split_due(&text);
            if text.is_empty() {
                continue;
            }
            out.actions.push(Action {
                text,
                owner,
                due,
                status: None,
                status_text: None,
                origin: ActionOrigin::Minutes,
                meeting_date: meeting_date.clone(),
                agenda_item: agenda_item_above(&rows, i - 1),
                provenance: provenance(r.page, &r.bbox),
            });
        }
    }
}

/// The action a row holds, if any: (what, owner).
fn action_at(rows: &[Row], i: usize) -> Option<(String, Option<String>)> {
    let r = rows.get(i)?;
    if let Some(c) = LEAD.captures(&r.text) {
        // The label's paragraph may wrap onto following rows.
        let mut parts = vec![c.name("rest").map_or("", |m| m.as_str()).to_string()];
        parts.extend(
            rows.iter()
                .skip(i + 1)
                .take_while(|n| n.para == r.para && !LEAD.is_match(&n.text))
                .map(|n| n.text.clone()),
        );
        let rest = join_lines(parts.iter().map(String::as_str));
        let rest = rest.trim();
        if rest.is_empty() {
            return None;
        }
        if let Some(c) = OWNER_DASH.captures(rest) {
            let owner = c.name("owner").or_else(|| c.name("owner2")).map(|m| m.as_str().trim().to_string());
            let what = c.name("what").or_else(|| c.name("what2")).map_or("", |m| m.as_str());
            if owner.as_deref().is_some_and(looks_like_owner) {
                return Some((squash(what), owner));
            }
        }
        if let Some(c) = OWNER_TO.captures(rest) {
            let owner = c.name("owner").map(|m| m.as_str().trim().to_string());
            if owner.as_deref().is_some_and(looks_like_owner) {
                return Some((squash(rest), owner));
            }
        }
        // The label names only an owner: the action is the paragraph above.
        if looks_like_owner(rest) && rest.split_whitespace().count() <= 5 {
            let above = previous_paragraph(rows, i)?;
            return Some((above, Some(rest.trim_end_matches('.').to_string())));
        }
        return Some((squash(rest), None));
    }
    if let Some(c) = TRAIL.captures(&r.text) {
        let owner = c.name("owner").map(|m| m.as_str().trim().to_string())?;
        if !looks_like_owner(&owner) {
            return None;
        }
        let mut parts: Vec<String> = rows
            .get(..i)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take_while(|p| p.para == r.para)
            .map(|p| p.text.clone())
            .collect();
        parts.reverse();
        parts.push(c.name("what").map_or("", |m| m.as_str()).to_string());
        return Some((squash(&join_lines(parts.iter().map(String::as_str))), Some(owner)));
    }
    None
}

/// An owner is a short name or role, not a sentence.
fn looks_like_owner(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && s.chars().next().is_some_and(|c| c.is_uppercase() || c == 't')
        && !s.ends_with(':')
        && !s.to_lowercase().starts_with("none")
}

fn previous_paragraph(rows: &[Row], i: usize) -> Option<String> {
    let prev = rows.get(i.checked_sub(1)?)?;
    let mut parts: Vec<&str> = rows
        .get(..i)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|p| p.para == prev.para)
        .map(|p| p.text.as_str())
        .collect();
    parts.reverse();
    let t = squash(&join_lines(parts));
    (!t.is_empty()).then_some(t)
}

/// Splits a trailing "by <when>" off the action; ISO when it is a full date.
fn split_due(text: &str) -> (String, Option<String>) {
    // The text keeps "by …" as printed; only the due field is normalised.
    let due = DUE.captures(text).and_then(|c| c.name("due")).map(|d| {
        let d = d.as_str().trim();
        parse_date(d).unwrap_or_else(|| d.to_string())
    });
    (text.trim().to_string(), due)
}

/// The agenda item of the minute an action row sits under: the nearest "Agenda Item N" or
/// "(Item N)" above it.
fn agenda_item_above(rows: &[Row], i: usize) -> Option<String> {
    static REF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:\(\s*(?:agenda\s+)?item|\bagenda\s+item)\s+(?P<n>[0-9]{1,3}[a-z]?)")
            .expect("valid regex")
    });
    rows.get(..=i.min(rows.len().saturating_sub(1))).unwrap_or(&[]).iter().rev().find_map(|r| {
        if r.bold || r.text.trim_start().starts_with('(') || r.text.to_lowercase().starts_with("agenda item")
        {
            REF.captures(&r.text).and_then(|c| c.name("n")).map(|m| m.as_str().to_string())
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::read::rows::rows_for_test as rows;

    #[test]
    fn action_lines() {
        let cases: &[(&[&str], usize, Option<(&str, Option<&str>)>)] = &[
            (
                &["ACTION: Clerk – write to the highways team by 30 September 2025"],
                0,
                Some(("write to the highways team by 30 September 2025", Some("Clerk"))),
            ),
            (
                &["Action: Scrutiny Manager to circulate the report"],
                0,
                Some(("Scrutiny Manager to circulate the report", Some("Scrutiny Manager"))),
            ),
            (
                &["Clerk to obtain three quotes. Action: Clerk"],
                0,
                Some(("Clerk to obtain three quotes.", Some("Clerk"))),
            ),
            (
                &["The report is to be circulated to members.", "ACTION: Democratic Services"],
                1,
                Some(("The report is to be circulated to members.", Some("Democratic Services"))),
            ),
            (&["The Committee took no action on this item."], 0, None),
            (&["Actions arising from the last meeting were reviewed."], 0, None),
        ];
        for (texts, i, want) in cases {
            let rs = rows(texts);
            let got = action_at(&rs, *i);
            let want = want.map(|(t, o)| (t.to_string(), o.map(str::to_string)));
            assert_eq!(got, want, "{texts:?}");
        }
        assert_eq!(split_due("write to X by 30 September 2025").1.as_deref(), Some("2025-09-30"));
        assert_eq!(split_due("report back by the next meeting").1.as_deref(), Some("the next meeting"));
        assert_eq!(split_due("write to X").1, None);
    }
}
