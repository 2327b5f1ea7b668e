//! The meeting an agenda pack is for: body, date, time, venue and members, from its front sheet.
//!
//! Reads labelled front sheets ("Date: Monday 3 October 2022", "Time: 1.00 pm", "Venue: ...")
//! and unlabelled ones ("CABINET" / "Thursday, 30th January, 2025, at 10.00 am" / venue lines
//! under it), and member lists such as "Cllr L Redman (Chair), Cllr O Patrick (Vice-Chair), ..."
//! with "R Hobbs, E Tipper – co-opted members", "Councillors A, B and C", one member per line,
//! and parish summonses ("... to be held at the Village Hall on Tuesday 4th March 2025 at 7.30pm"),
//! Welsh ones ("… yn Neuadd y Pentref" / "dydd Mercher, 15fed Mawrth 2023 am 7.00yh"). A reference
//! stamp ("CAB/24/05"), a venue line ("Hall, Maidstone.") or a sentence fragment is never the body.
//!
//! Limits: only agenda packs (minutes are read by the minutes extractor); the front sheet is the
//! first cover or agenda section's first page; a body printed only in a logo image is missed.

use regex::Regex;
use std::sync::LazyLock;

use super::read::body::{is_reference_stamp, is_venue_fragment};
use super::read::dates::{find_dates, parse_date, parse_time, trim_weekday};
use super::read::rows::{line_rows, LineRow as VRow};
use super::read::text::squash;
use super::read::tol::SAME_EDGE_PT;
use super::{provenance, Context};
use crate::contract::{DocumentType, Extraction, Meeting, Member, MemberRole, SectionKind};
use crate::layout::Page;

/// The page's lines regrouped into visual rows, top to bottom.
fn visual_rows(page: &Page) -> Vec<VRow<'_>> {
    line_rows(&page.lines)
}

/// "Date: ...", "Time - ...", "Venue: ...", "Date and time: ...".
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        ^\s*(?P<label>date\s+and\s+time|date|time|venue|place|location|where|when)
        \s*(?::|-|–)?\s+(?P<value>\S.*)$",
    )
    .expect("valid regex")
});

/// Lines with a date that is not the meeting's (publication, previous meetings).
static NOT_MEETING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)issued|publi(?:shed|cation)|despatch|dispatch|circulat|minutes|previous|deadline|copyright",
    )
    .expect("valid regex")
});

/// Contact labels printed beside venue lines ("Ask for:", "Telephone:").
static CONTACT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\b(?:ask\s+for|telephone|tel|phone|e-?mail|contact|enquiries)\s*:.*$")
        .expect("valid regex")
});

/// A row opening another labelled field ("Membership:", "Contact officer:").
static ANY_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[A-Za-z][A-Za-z ]{1,24}:").expect("valid regex"));

/// The addressee line of a summons.
static ADDRESSEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:to\s*:|to\s+(?:all\s+)?(?:the\s+)?members\b|dear\b)").expect("valid regex")
});

/// Headings on a front sheet that are not the body's name.
static NOT_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:public\s+document\s+pack|agenda|supplementary|notice\s+of\s+(?:the\s+)?meeting|summons|dear\b|to:|\.|meeting\s+(?:on|to\s+be\s+held)\b|democratic\s+services|committee\s+services|contact\b|telephone|tel\b|e-?mail)")
        .expect("valid regex")
});

/// A role in brackets after a member's name.
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(\s*(?P<role>vice[\s-]*chair(?:man|person)?|chair(?:man|person)?|co-?opted(?:\s+member)?)\s*\)")
        .expect("valid regex")
});

/// "Cllr ", "Councillor " before a name.
static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:cllrs?\.?|councillors?)\s+").expect("valid regex"));

/// "– co-opted members" after a group of names.
static COOPTED_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s*[-–—:]?\s*\(?co-?opted\s+members?\)?\.?\s*$").expect("valid regex"));

/// A committee paper written for one meeting: "Questions put and answers given" (contract 1.1).
static MEETING_PAPER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bquestions\s+(?:put|asked)\s+and\s+(?:the\s+)?answers\s+given\b").expect("valid regex")
});

pub fn extract(ctx: &Context, out: &mut Extraction) {
    if out.meeting.is_some() {
        return;
    }
    if ctx.document_type == DocumentType::CommitteeReport {
        let Some(page) = ctx.layout.page(1) else { return };
        if MEETING_PAPER.is_match(&page.text()) {
            out.meeting = read_front_sheet(page);
        }
        return;
    }
    if ctx.document_type != DocumentType::AgendaPack {
        return;
    }
    let first = ctx
        .sections
        .iter()
        .find(|s| matches!(s.kind, SectionKind::Cover | SectionKind::Agenda))
        .map(|s| s.first_page)
        .unwrap_or(1);
    let Some(page) = ctx.layout.page(first) else { return };
    if let Some(m) = read_front_sheet(page) {
        out.meeting = Some(m);
    }
}

/// Reads the meeting from one front-sheet page.
fn read_front_sheet(page: &Page) -> Option<Meeting> {
    let rows = visual_rows(page);
    let mut date = None;
    let mut time = None;
    let mut venue = None;
    let mut date_row: Option<usize> = None;
    let mut body_from_date_row = None;

    // Labelled fields first.
    for (i, row) in rows.iter().enumerate() {
        let Some(c) = LABEL.captures(row.text.trim()) else { continue };
        let label = c.name("label").map(|m| m.as_str().to_lowercase()).unwrap_or_default();
        let value = c.name("value").map(|m| m.as_str().trim()).unwrap_or_default();
        if label.starts_with("date") || label == "when" {
            if date.is_none() && row.size >= page.body_size - 0.6 {
                if let Some(d) = parse_date(value) {
                    date = Some(d);
                    date_row = Some(i);
                    time = time.or_else(|| parse_time(value));
                }
            }
        } else if label == "time" {
            time = time.or_else(|| parse_time(value));
        } else if venue.is_none() {
            // "Venue enquiries: ..." leaves nothing once the contact label is cut.
            venue = Some(venue_text(&rows, i, value)).filter(|v| v.chars().any(char::is_alphabetic));
        }
    }

    // Unlabelled: the first row carrying a date that is not a publication or earlier meeting; a
    // date broken over two short rows ("Meeting on Thursday, 13th" / "March, 2025 at 10.00 am")
    // is read from the two joined.
    if date.is_none() {
        for (i, row) in rows.iter().enumerate() {
            if row.size < page.body_size - 0.6 || NOT_MEETING_DATE.is_match(&row.text) {
                continue;
            }
            let next = rows.get(i + 1).filter(|n| {
                n.size >= page.body_size - 0.6
                    && (n.bbox.x0 - row.bbox.x0).abs() < SAME_EDGE_PT
                    && n.bbox.top - row.bbox.bottom < row.size
            });
            // A contact block beside the box shares its rows ("… 13th   Telephone: …").
            let own = CONTACT_TAIL.replace(&row.text, "").trim_end().to_string();
            let joined = next.map(|n| format!("{own} {}", CONTACT_TAIL.replace(&n.text, "").trim()));
            let (text, found, rows_used) = match find_dates(&row.text).into_iter().next() {
                Some(f) => (row.text.clone(), f, 1),
                None => match joined
                    .as_ref()
                    .and_then(|j| find_dates(j).into_iter().next().filter(|(_, r)| r.start < own.len()))
                {
                    Some(f) => (joined.clone().unwrap_or_default(), f, 2),
                    None => continue,
                },
            };
            let (d, range) = found;
            date = Some(d);
            date_row = Some(i);
            // The time may sit on the next short row ("… 2025 at" / "10.00 am").
            let after = match (&joined, rows_used) {
                (Some(j), 1) if text.trim_end().ends_with(" at") => j.get(range.end..).unwrap_or_default(),
                _ => text.get(range.end..).unwrap_or_default(),
            };
            time = time.or_else(|| parse_time(after));
            // "PANEL – Tuesday, 10th December, 2024" / "at 2.00 pm in the Council Chamber …".
            if time.is_none() && rows_used == 1 {
                time = next.filter(|n| TIME_LEAD.is_match(&n.text)).and_then(|n| parse_time(&n.text));
            }
            // The heading as printed ("CORPORATE PARENTING PANEL – 10th December 2024"), else a
            // notice sentence: "... a meeting of X Parish Council to be held on DATE at 7.30pm in
            // the Village Hall".
            body_from_date_row = body_prefix(text.get(..range.start).unwrap_or_default())
                .filter(|b| b.split_whitespace().count() <= MAX_HEADING_WORDS && !SENTENCE_WORDS.is_match(b));
            let around = sentence_around(&rows, i);
            if let Some(c) = NOTICE.captures(&around) {
                body_from_date_row =
                    body_from_date_row.or_else(|| c.name("body").map(|m| squash(m.as_str())));
                time = time.or_else(|| notice_time(&around));
                venue = venue.or_else(|| notice_venue(&around));
            }
            // "… yn Neuadd y Pentref" / "dydd Mercher, 15fed Mawrth 2023": a notice row above the
            // date that names no body still names the venue.
            venue = venue.or_else(|| notice_venue(&around));
            if venue.is_none() {
                venue = venue_after(&rows, i + rows_used - 1);
            }
            break;
        }
    }
    let anchor = rows.get(date_row?)?;
    // A summons naming its body only in its notice ("A meeting of the County Council will be held
    // in …") or its addressee line ("To: All Members of the County Council").
    let notice = notice_anywhere(&rows);
    if let Some(n) = &notice {
        venue = venue.or_else(|| notice_venue(n));
        time = time.or_else(|| notice_time(n));
    }
    let body = body_from_date_row
        .or_else(|| body_above(&rows, anchor.bbox.top))
        .or_else(|| {
            notice.as_deref().and_then(|n| NOTICE.captures(n)?.name("body").map(|m| squash(m.as_str())))
        })
        .or_else(|| body_from_to_line(&rows));
    let members = members(&rows);
    Some(Meeting { body, date, time, venue, members, provenance: provenance(page.number, &anchor.bbox) })
}

/// A row that opens with the meeting's time ("at 2.00 pm in …", "commencing at 10.00 am").
static TIME_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:at|from|commencing\s+at|starting\s+at)\s+\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\b|y\.?[hb]\b)").expect("valid regex")
});

/// A heading before a date names a body in a few words; more is a sentence.
const MAX_HEADING_WORDS: usize = 8;

/// Words of a notice sentence, not of a heading.
static SENTENCE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:held|meeting\s+of|summon(?:s|ed)|you\s+are|will\s+be)").expect("valid regex")
});

/// The first notice sentence on the page ("A meeting of X will be held …"), with the two rows after
/// its opening row.
fn notice_anywhere(rows: &[VRow]) -> Option<String> {
    (0..rows.len()).find_map(|i| {
        let parts: Vec<&str> = rows.iter().skip(i).take(3).map(|r| r.text.as_str()).collect();
        let t = squash(&parts.join(" "));
        let c = NOTICE.captures(&t)?;
        // The notice must open on row i, not on a row after it.
        let first = rows.get(i).map_or(0, |r| r.text.trim().len());
        (c.get(0)?.start() < first).then_some(t)
    })
}

/// The venue a notice sentence names.
fn notice_venue(text: &str) -> Option<String> {
    NOTICE_VENUE
        .captures(text)
        .and_then(|v| ["venue", "before", "cy", "end"].iter().find_map(|k| v.name(k)))
        .map(|m| squash(m.as_str()))
}

/// The time a notice sentence names after "held".
fn notice_time(text: &str) -> Option<String> {
    let c = NOTICE.captures(text)?;
    parse_time(text.get(c.get(0)?.end()..)?)
}

/// The date row with up to two rows before and after it, joined.
fn sentence_around(rows: &[VRow], i: usize) -> String {
    let lo = i.saturating_sub(2);
    let parts: Vec<&str> = rows.iter().skip(lo).take(i - lo + 3).map(|r| r.text.as_str()).collect();
    squash(&parts.join(" "))
}

/// "a meeting of the X Parish Council to be held on", "meeting of X will be held".
static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bmeeting\s+of\s+(?:the\s+)?(?P<body>[A-Z][^.,;]{2,80}?)\s+(?:(?:to|will|which\s+will|shall)\s+be\s+)?held\b")
        .expect("valid regex")
});

/// "... at 7.30pm in the Village Hall, High Street." after a notice's date and time, or
/// "... to be held at the Village Hall on Tuesday 4th March 2025" before them, or "... will be
/// held in the Council Chamber, County Hall, Glenfield." ending its sentence, or Welsh "yn
/// Neuadd y Pentref" (in the village hall) before the weekday, date or time.
static NOTICE_VENUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \d\s*(?:[ap]\.?m\.?|hrs|hours)\s*,?\s+(?:in|at)\s+(?P<venue>(?:the\s+)?[A-Z][^.;]{2,100}?)
            \s*(?:\.|;|$|\s+(?:for\s+the|to\s+transact|to\s+consider))
        | \bheld\s+(?:at|in)\s+(?P<before>(?:the\s+)?[A-Z][^.;]{2,100}?)\s*,?\s+on\s+
            (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)
        | \b(?:yn|ym)\s+(?P<cy>(?:neuadd|ystafell|siambr|canolfan|swyddfa|swyddfeydd)\b[^.;]{0,80}?)
            \s*(?:[.;]|,?\s*$|,?\s+(?:nos|d?dydd|am|ar)\b)
        | \bheld\s+(?:at|in)\s+(?P<end>(?:the\s+)?[A-Z][^.;]{2,100}?)\s*\.(?:\s|$)",
    )
    .expect("valid regex")
});

/// A labelled venue with its continuation rows (at the value's left edge, no label of their own).
fn venue_text(rows: &[VRow], i: usize, value: &str) -> String {
    let mut parts = vec![CONTACT_TAIL.replace(value, "").to_string()];
    let Some(first) = rows.get(i) else { return squash(&parts.join(" ")) };
    let value_x = first.value_x();
    let mut prev = first;
    for next in rows.iter().skip(i + 1).take(3) {
        let aligned = (next.bbox.x0 - value_x).abs() < SAME_EDGE_PT;
        let close = next.bbox.top - prev.bbox.bottom < prev.size * 0.8;
        // "AGENDA" under a "Venue:" row opens the items, it is no part of the venue.
        if !aligned
            || !close
            || LABEL.is_match(&next.text)
            || ANY_LABEL.is_match(&next.text)
            || NOT_BODY.is_match(next.text.trim())
        {
            break;
        }
        parts.push(CONTACT_TAIL.replace(&next.text, "").to_string());
        prev = next;
    }
    squash(&parts.join(" "))
}

/// Unlabelled venue: the rows right under the date row, at its left edge.
fn venue_after(rows: &[VRow], i: usize) -> Option<String> {
    let date_row = rows.get(i)?;
    let mut parts = Vec::new();
    let mut prev = date_row;
    for next in rows.iter().skip(i + 1).take(4) {
        let aligned = (next.bbox.x0 - date_row.bbox.x0).abs() < SAME_EDGE_PT;
        let close = next.bbox.top - prev.bbox.bottom < prev.size * 0.9;
        if !aligned || !close || !find_dates(&next.text).is_empty() {
            break;
        }
        let t = CONTACT_TAIL.replace(&next.text, "").trim().to_string();
        // "To: All Members of the Council", "Dear Councillor" open the summons, not the venue;
        // "am" is the tail of the date row's time.
        let has_word = t.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 3);
        if !has_word || ADDRESSEE.is_match(&t) || NOT_BODY.is_match(&t) || MEETING_PAPER.is_match(&t) {
            break;
        }
        parts.push(t);
        prev = next;
    }
    (!parts.is_empty()).then(|| squash(&parts.join(" ")))
}

/// "CABINET - THURSDAY, 30 JANUARY 2025": the words before the weekday and date.
fn body_prefix(prefix: &str) -> Option<String> {
    let p = trim_weekday(prefix.trim());
    let p = p.trim().trim_end_matches([',', '-', '–', '—', ':']).trim();
    // "COUNTY COUNCIL MEETING – 13 MARCH 2025": the body is the council.
    static MEETING_WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\s+meeting$").expect("valid regex"));
    let p = MEETING_WORD.replace(p, "");
    let p = p.trim();
    static LABEL_WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:date(?:\s+and\s+time)?|time|when|on|held\s+on|meeting(?:\s+date)?|date\s+of\s+meeting)$").expect("valid regex")
    });
    (p.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !NOT_BODY.is_match(p)
        && !is_fragment(p)
        && !LABEL.is_match(p)
        && !LABEL_WORD.is_match(p))
    .then(|| p.to_string())
}

/// A line ending in a preposition ("for a Meeting on"), starting in lower case (a sentence's
/// continuation), a venue ("Hall, Maidstone.") or a reference stamp ("CAB/24/05"): no body.
fn is_fragment(t: &str) -> bool {
    static ENDS_IN_PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:on|at|in|of|for|from|held|to|the|a|an)$").expect("valid regex")
    });
    let t = t.trim();
    ENDS_IN_PREPOSITION.is_match(t)
        || t.starts_with(char::is_lowercase)
        || is_venue_fragment(t)
        || is_reference_stamp(t)
}

/// The largest heading above the date row (joined over its lines), skipping "AGENDA", reference
/// stamps, venue lines and sentence fragments.
fn body_above(rows: &[VRow], date_top: f64) -> Option<String> {
    let cands: Vec<&VRow> = rows
        .iter()
        .filter(|r| {
            r.bbox.top < date_top
                && !NOT_BODY.is_match(r.text.trim())
                && !is_fragment(&r.text)
                && r.text.chars().any(char::is_alphabetic)
        })
        .collect();
    let max = cands.iter().map(|r| r.size).fold(0.0_f64, f64::max);
    if max <= 0.0 {
        return None;
    }
    let parts: Vec<&str> =
        cands.iter().filter(|r| (r.size - max).abs() < 0.6).map(|r| r.text.trim()).collect();
    let body = squash(&parts.join(" "));
    (!body.is_empty()).then_some(body)
}

/// "To: The members of the X Committee" → "X Committee".
fn body_from_to_line(rows: &[VRow]) -> Option<String> {
    static TO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^to:?\s+(?:all\s+)?(?:the\s+)?members\s+of\s+(?:the\s+)?(?P<b>.+)$")
            .expect("valid regex")
    });
    rows.iter().find_map(|r| {
        TO.captures(r.text.trim()).and_then(|c| c.name("b")).map(|m| m.as_str().trim().to_string())
    })
}

/// Members from the list that names the Chair, and any co-opted line after it.
fn members(rows: &[VRow]) -> Vec<Member> {
    let Some(start) = rows.iter().position(|r| ROLE.is_match(&r.text) || ROLE_LABEL.is_match(r.text.trim()))
    else {
        return Vec::new();
    };
    // Group the list's rows into runs with a default role: a run ends at a row ending
    // "co-opted members", and a "Chairman:" / "Members:" label opens a new one.
    let mut groups: Vec<(String, MemberRole)> = Vec::new();
    let mut current = String::new();
    let mut role = MemberRole::Member;
    for row in rows.iter().skip(start).take(16) {
        let mut t = row.text.trim();
        if let Some(c) = ROLE_LABEL.captures(t) {
            if !current.is_empty() {
                groups.push((std::mem::take(&mut current), role));
            }
            role = role_of_label(c.name("label").map(|m| m.as_str()).unwrap_or_default());
            t = c.name("rest").map(|m| m.as_str().trim()).unwrap_or_default();
            if t.is_empty() {
                continue;
            }
        } else if t.is_empty()
            || current.is_empty()
                && !(t.contains(',')
                    || t.contains(" and ")
                    || ROLE.is_match(t)
                    || COOPTED_TAIL.is_match(t)
                    || TITLE.is_match(t))
        {
            break;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(t);
        if COOPTED_TAIL.is_match(t) {
            groups.push((COOPTED_TAIL.replace(&current, "").to_string(), MemberRole::CoOpted));
            current.clear();
        } else if !t.ends_with(',') && !t.ends_with(" and") && !ends_mid_name(t) {
            groups.push((std::mem::take(&mut current), role));
        }
    }
    if !current.is_empty() {
        groups.push((current, role));
    }
    let mut out = Vec::new();
    for (text, default) in groups {
        for part in split_names(&text) {
            let role = match ROLE.captures(&part).and_then(|c| c.name("role")).map(|m| m.as_str()) {
                Some(r) => role_of_label(r),
                None => default,
            };
            let name = squash(&TITLE.replace(ROLE.replace_all(&part, "").trim(), ""));
            if name.chars().any(char::is_alphabetic) && name.split_whitespace().count() <= 6 {
                out.push(Member { name, role, attendance: None });
            }
        }
    }
    out
}

/// "Vice-Chairman" → vice chair, "Chair" → chair, "Co-opted members" → co-opted, else member.
fn role_of_label(label: &str) -> MemberRole {
    let l = label.to_lowercase();
    if l.starts_with("vice") {
        MemberRole::ViceChair
    } else if l.starts_with("chair") {
        MemberRole::Chair
    } else if l.starts_with("co") && l.contains("opted") {
        MemberRole::CoOpted
    } else {
        MemberRole::Member
    }
}

/// "Chairman: Councillor X", "Members: ...", "Co-opted members: ...".
static ROLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<label>vice[\s-]*chair(?:man|person)?|chair(?:man|person)?|co-?opted\s+members?|members(?:hip)?|councillors)\s*:\s*(?P<rest>.*)$")
        .expect("valid regex")
});

/// A line that breaks inside a name ("..., Cllr A" / "Hadley, ...").
fn ends_mid_name(t: &str) -> bool {
    let last = t.split_whitespace().last().unwrap_or_default();
    last.len() <= 2 || TITLE.is_match(&format!("{last} x"))
}

/// "A, B and C" → ["A", "B", "C"].
fn split_names(text: &str) -> Vec<String> {
    static SEP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r",|;|\s+and\s+|\s+&\s+").expect("valid regex"));
    SEP.split(text).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_on_commas_and_and() {
        assert_eq!(split_names("Cllr M Lovell and Cllr J Snell"), vec!["Cllr M Lovell", "Cllr J Snell"]);
        assert_eq!(
            split_names("R Hobbs, E Tipper and The Revd T Osmond"),
            vec!["R Hobbs", "E Tipper", "The Revd T Osmond"]
        );
    }

    #[test]
    fn notice_sentences() {
        let t = "You are hereby summoned to attend a meeting of Bishops Cleeve Parish Council to be held on Tuesday 2 September 2025 at 7.30pm in the Council Chamber, Tithe Barn. Business to be transacted";
        assert_eq!(
            NOTICE.captures(t).and_then(|c| c.name("body")).map(|m| m.as_str()),
            Some("Bishops Cleeve Parish Council")
        );
        assert_eq!(
            NOTICE_VENUE.captures(t).and_then(|c| c.name("venue")).map(|m| m.as_str()),
            Some("the Council Chamber, Tithe Barn")
        );
        let t = "You are hereby summoned to attend a meeting of Little Marsham Parish Council to be held at the Village Hall on Tuesday 4th March 2025 at 7.30pm for the purpose of transacting";
        assert_eq!(
            NOTICE.captures(t).and_then(|c| c.name("body")).map(|m| m.as_str()),
            Some("Little Marsham Parish Council")
        );
        let v =
            NOTICE_VENUE.captures(t).and_then(|c| c.name("venue").or(c.name("before"))).map(|m| m.as_str());
        assert_eq!(v, Some("the Village Hall"));
    }

    #[test]
    fn labelled_member_roles() {
        assert_eq!(role_of_label("Vice-Chairman"), MemberRole::ViceChair);
        assert_eq!(role_of_label("Chair"), MemberRole::Chair);
        assert_eq!(role_of_label("Co-opted members"), MemberRole::CoOpted);
        assert_eq!(role_of_label("Members"), MemberRole::Member);
        let c = ROLE_LABEL
            .captures("Chairman: Councillor A Smith")
            .and_then(|c| c.name("rest"))
            .map(|m| m.as_str());
        assert_eq!(c, Some("Councillor A Smith"));
    }

    #[test]
    fn body_before_a_weekday() {
        assert_eq!(body_prefix("CABINET - THURSDAY, ").as_deref(), Some("CABINET"));
        assert_eq!(body_prefix("Thursday, "), None);
        assert_eq!(body_prefix("Date: "), None);
        assert_eq!(body_prefix("CORPORATE PARENTING PANEL – ").as_deref(), Some("CORPORATE PARENTING PANEL"));
        assert_eq!(body_prefix("COUNTY COUNCIL MEETING – ").as_deref(), Some("COUNTY COUNCIL"));
        assert_eq!(body_prefix("Glenfield on Thursday, "), None);
    }

    #[test]
    fn contact_labels_cut_from_venue_lines() {
        assert_eq!(
            CONTACT_TAIL.replace("Council Chamber, Sessions House, Telephone: Tel: 03000", ""),
            "Council Chamber, Sessions House,"
        );
    }
}
