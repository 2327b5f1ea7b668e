//! Minutes: the numbered minute items of every `minutes` section, and for a minutes document the
//! meeting minuted (body, date, time, venue, members with attendance).
//!
//! Printed forms read:
//! ```text
//! Minutes of a Meeting of the Scrutiny … Committee held in the Luttrell Room - County Hall,
//! Taunton, on Monday 5 September 2022 at 1.00 pm
//! Present: Cllr L Redman (Chair), Cllr O Patrick (Vice-Chair), … R Hobbs and E Tipper – co-opted members
//! Apologies for absence: Cllr J Snell and The Revd T Osmond (co-opted member)
//! 1   Declarations of Interest - Agenda Item 2          (number and bold title)
//! 84. Apologies                                         (Kent: agenda ref on its own line)
//!     (Item 1)
//! 1. WELCOME AND APOLOGIES                               (upper-case title)
//! C.123 | Declarations of Interest                         (number column of a table; HWB 12, Min 4.2)
//! Minute 31/25 - External Audit Plan                      (plain type; "Minute" marks it, serial first)
//! Date: 21 May 2025 / Time: 2.00 pm / Venue: Committee Room 2   (labelled front block)
//! ```
//! A heading is a row that starts with a number and whose title is bold or upper case or carries
//! an agenda reference; numbers must run on from the previous item, so numbered paragraphs inside
//! an item ("1. Mr Oakford introduced …") are not items. Minutes with no styled headings fall
//! back to plain numbered rows that run 1, 2, 3 …. Items taken without a number ("Election of
//! Chair" before minute 1, "Public Questions" between minutes) are items with number null when
//! they stand at the numbered headings' edge and weight and name an item of business.
//!
//! Known limits: a "Min No. | Subject | Decision" table whose three cells share a baseline is read
//! as one row, so its headings are not found; a heading whose number the layout lost (a number set as a superscript) is only
//! recovered when it sits between two items whose numbers leave exactly one gap; names in
//! attendance lists are split on commas and "and", so a name containing "and" is split.

use regex::Regex;
use std::sync::LazyLock;

mod resolutions;

use crate::contract::{
    Attendance, DocumentType, Extraction, Meeting, Member, MemberRole, MinuteItem, Warning, WarningCode,
};
use crate::extract::read::body::{is_reference_stamp, is_venue_fragment};
use crate::extract::read::dates::{find_dates, parse_time};
use crate::extract::read::rows::{meeting_date, para_rows, paragraph_rows, paragraph_texts, Row};
use crate::extract::read::text::squash;
use crate::extract::read::tol::SAME_EDGE_PT;
use crate::extract::{provenance, Context};
use crate::layout::join_lines;
use resolutions::{resolutions, Para, ParaRow};

/// "1 Title", "84. Title", "OS 23/44 Title", "5a. Title".
static HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        ^ (?P<pre> (?i: min (?: ute )? s? \.? ) \s+ (?: (?i: no ) \.? \s* )? )?   # Minute 45/22
        (?P<num> (?: [A-Z]{1,3} [.\s]? )? \d{1,4} (?: [/.] \d{1,4} )? [a-z]? )   # C.123, HWB 12, 23/45, 4.2
        (?: [.):] | \s ) \s* (?: [-–—] \s+ )?
        (?P<title> [\p{Lu}\d'‘“(] .* ) $",
    )
    .expect("valid regex")
});

/// The agenda item a minute refers to, at the end of its title or on its own line:
/// "- Agenda Item 5", "(Item 5)", "Agenda Item 9".
static AGENDA_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?: ^ | [\s\-–—:,]+ )
        (?: \( \s* (?: agenda \s+ )? item \s+ (?P<a>[0-9]{1,3}[a-z]?(?:\([a-z0-9]{1,3}\))?) \s* \)
          | agenda \s+ item \s+ (?P<b>[0-9]{1,3}[a-z]?(?:\([a-z0-9]{1,3}\))?) )
        \s* [.:]? \s* $",
    )
    .expect("valid regex")
});

/// Where the meeting minuted is named: "Minutes of a Meeting of the X held …".
static BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bminutes\s+of\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?meeting\s+of\s+(?:the\s+)?(?P<b>.+?)\s+(?:held|on\b|at\b|,)").expect("valid regex")
});
static BODY_OF_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bminutes\s+of\s+(?:the\s+|a\s+)?(?P<b>[^,.]{3,80}?)\s+(?:meeting\s+)?held\b")
        .expect("valid regex")
});
/// A title paragraph that is only "Minutes of the Licensing Committee" (date and place follow).
static BODY_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^minutes\s+of\s+(?:the\s+|a\s+|an\s+)?(?P<b>[^,.:;]{3,80}?)\s*$").expect("valid regex")
});
static BODY_HELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<b>[\p{Lu}][^.]{3,80}?)\s+(?:held\s+(?:their|its|a)\s+(?:\w+\s+)?meeting|met\b)")
        .expect("valid regex")
});

/// Welsh: "Cynhaliodd Cyngor Cymuned X eu cyfarfod …" (X held their meeting).
static BODY_HELD_CY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^cynhaliodd\s+(?:y\s+)?(?P<b>\p{Lu}[^.]{3,80}?)\s+(?:eu|ei)\s+(?:\w+\s+)?(?:c|ch|g)yfarfod",
    )
    .expect("valid regex")
});

/// Welsh: "Cofnodion cyfarfod Cyngor Cymuned X a gynhaliwyd …" (minutes of the meeting of X held …).
static BODY_CY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^cofnodion\s+(?:y\s+)?cyfarfod\s+(?:o\s+|o'r\s+)?(?P<b>\p{Lu}[^.,]{3,80}?)\s+a\s+gynhaliwyd\b",
    )
    .expect("valid regex")
});

/// Welsh: "a gynhaliwyd yn Neuadd y Pentref nos Lun, …" (held in the village hall on Monday
/// evening), "… 2019 yn yr Ystafell Ddarllen, Cwmifor." (in the reading room).
static VENUE_CY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) (?: \b(?:gynhaliwyd|cynhaliwyd|cynhelir) \s+ (?: \w+ \s+ ){0,2}? | \d{4} \s+ )
        (?: yn | ym ) \s+ (?: yr? \s+ )?
        (?P<v> \p{Lu} [^.;]+? )
        (?: ,? \s+ (?: nos | d?dydd | ar | am ) \b | \. \s | \.? $ )",
    )
    .expect("valid regex")
});

/// "held in the Council Chamber, County Hall, Maidstone on Thursday", "held at X."
static VENUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) \bheld \s+ (?: \w+ \s+ ){0,3}? (?: in | at ) \s+ (?: the \s+ )?
        (?P<v> \p{Lu} .+? )
        (?: ,? \s+ on \s+ (?: the \s+ )? (?: \w+day | \d ) | \s+ at \s+ \d | \. \s | \.? $ )",
    )
    .expect("valid regex")
});
static VENUE_AFTER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{4}\s+(?:at|in)\s+(?:the\s+)?(?P<v>\p{Lu}[^.]+?)\.?$").expect("valid regex")
});
/// "… at 7.00 pm in the Council Chamber, Riverside House", "… at 2.00pm, The Guildhall".
static VENUE_AFTER_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix) \b \d{1,2} (?: [.:] \d{2} )? \s* [ap] \.? m \.?
        (?: ,? \s+ (?: in | at ) \s+ (?: the \s+ )? | , \s+ )
        (?P<v> [\p{Lu}] [^.]+? ) \.? $",
    )
    .expect("valid regex")
});
/// A labelled line of a front block: "Venue: Committee Room 2, Town Hall", "Time: 2.00 pm".
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<k>venue|place|location|time)\s*[:\-–]\s*(?P<v>\S.*)$").expect("valid regex")
});

/// Attendance labels at the start of a paragraph.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        ^ (?P<label>
            (?: other \s+ )? (?: members | councillors | cllrs )? \s* (?: present | attending \s+ virtually | in \s+ attendance \s+ virtually | attending \s+ remotely )
          | in \s+ attendance \s+ virtually
          | apologies (?: \s+ for \s+ absence )? (?: \s+ received )?
          | absent
          | in \s+ attendance
          | also \s+ present
          | yn \s+ bresennol                                  # Welsh: present
          | ymddiheuriadau (?: \s+ am \s+ absenoldeb )?      # Welsh: apologies (for absence)
        ) \s* (?: [:;,\-–] | \s | $ ) \s* (?P<rest> .* ) $",
    )
    .expect("valid regex")
});
static APOLOGIES_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bapologies\s+(?:for\s+absence\s+)?(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:received|submitted|given|tendered)\s+from\s+(?P<n>.+)$|\bderbyniwyd\s+ymddiheuriadau\s+(?:am\s+absenoldeb\s+)?gan\s+(?:y\s+)?(?P<cy>.+)$").expect("valid regex")
});
static ROLE_PAREN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*\(([^)]*)\)").expect("valid regex"));
static HONOUR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:OBE|MBE|CBE|KBE|DBE|JP|KC|QC|MP|DL|BEM|FRS|PhD)$").expect("valid regex")
});

/// A heading found among the rows.
struct Heading {
    row: usize,
    number: String,
    /// The numeric value used to check that numbers run on.
    value: u32,
    /// false for an item printed without a number ("Election of Chair" before minute 1).
    numbered: bool,
}

/// The minute items and, for a minutes document, the meeting.
pub fn extract(ctx: &Context, out: &mut Extraction) {
    let sections = ctx.minutes_sections();
    if sections.is_empty() {
        return;
    }
    for (k, s) in sections.iter().enumerate() {
        let rows = para_rows(ctx, s);
        if rows.is_empty() {
            continue;
        }
        let mut notes = Vec::new();
        let heads = headings(&rows, &mut notes);
        for n in notes {
            out.warnings.push(Warning::new(WarningCode::MissingRecord, n, Some(s.first_page)));
        }
        let preamble_end = heads.first().map_or(rows.len().min(40), |h| h.row);
        let preamble = rows.get(..preamble_end).unwrap_or(&[]);
        let date = meeting_date(preamble);
        if k == 0 && ctx.document_type == DocumentType::Minutes && out.meeting.is_none() {
            out.meeting = meeting(&rows, preamble, date.clone(), heads.get(2).map_or(rows.len(), |h| h.row));
        }
        for (i, h) in heads.iter().enumerate() {
            let end = heads.get(i + 1).map_or(rows.len(), |n| n.row);
            if let Some(item) = rows.get(h.row..end).and_then(|rs| minute_item(rs, h, date.clone())) {
                out.minute_items.push(item);
            }
        }
    }
}

fn numeric(num: &str) -> Option<u32> {
    num.split(|c: char| !c.is_ascii_digit()).rfind(|p| !p.is_empty()).and_then(|p| p.parse().ok())
}

/// "31/25" then "32/25": in a number of two parts the serial may be the first part, the year the
/// second; the number runs on when one part steps by one and the other stays.
fn serial_follows(prev: &str, cur: &str) -> bool {
    let parts = |n: &str| {
        n.split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.parse::<u32>().ok())
            .collect::<Vec<u32>>()
    };
    let (a, b) = (parts(prev), parts(cur));
    if a.len() != 2 || b.len() != 2 {
        return false;
    }
    let first = a.first().zip(b.first()).is_some_and(|(x, y)| *y == x + 1) && a.get(1) == b.get(1);
    let second = a.get(1).zip(b.get(1)).is_some_and(|(x, y)| *y == x + 1) && a.first() == b.first();
    first || second
}

fn is_upper_title(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
}

fn is_ref_row(t: &str) -> bool {
    AGENDA_REF.find(t).is_some_and(|m| m.start() == 0)
}

/// The item headings: styled numbered rows whose numbers run on; else plain ones 1, 2, 3 ….
fn headings(rows: &[Row], warnings: &mut Vec<String>) -> Vec<Heading> {
    let strict = scan_headings(rows, true);
    let mut heads = if strict.len() >= 2 {
        strict
    } else {
        let by_ref = ref_headings(rows);
        if by_ref.len() >= 2 {
            return by_ref;
        }
        scan_headings(rows, false)
    };
    fill_lost_numbers(rows, &mut heads, warnings);
    add_unnumbered(rows, &mut heads);
    heads
}

/// Items a meeting takes without a minute number: the election of its chair, apologies,
/// announcements (contract 1.1: number null).
static UNNUMBERED_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        ^(?: (?:election|appointment) \s+ of \s+ (?:the \s+)? (?:vice[\s-]*)? chair (?:man|person)?
           | apologies (?:\s+ for \s+ absence)? (?:\s+ and \s+ substitut\w+)?
           | declarations? \s+ of \s+ (?:\w+ \s+)? interests?
           | (?:chair(?:man)?|mayor|leader)['’]?s? \s+ announcements | announcements
           | public \s+ (?:questions|participation|question \s+ time|speaking|forum)
           | questions \s+ from \s+ (?:the \s+)? (?:public|members)
           | petitions? | urgent \s+ (?:business|items?) | welcome (?:\s+ and \s+ introductions)?
           | exclusion \s+ of \s+ the \s+ (?:press|public) .*
           | minutes \s+ of \s+ the \s+ (?:previous|last) \s+ meeting
           | (?:date|dates) \s+ of \s+ (?:the \s+)? next \s+ meeting
           | any \s+ other \s+ business
        ) \s* $",
    )
    .expect("valid regex")
});

/// Unnumbered items among numbered ones: a row that starts its own paragraph at the numbered
/// headings' left edge, in their style, naming an item of business (`UNNUMBERED_ITEM`). A
/// sub-heading inside a minute ("Background") names none; a label with names after it
/// ("Apologies: Cllrs …") is an attendance list.
fn add_unnumbered(rows: &[Row], heads: &mut Vec<Heading>) {
    let numbered: Vec<&Row> = heads.iter().filter_map(|h| rows.get(h.row)).collect();
    let Some(first) = numbered.first() else { return };
    let (x, bold) = (first.bbox.x0, first.bold);
    let taken: Vec<usize> = heads.iter().map(|h| h.row).collect();
    let last_row = heads.last().map_or(0, |h| h.row);
    for (i, r) in rows.iter().enumerate() {
        if i >= last_row {
            break;
        }
        let starts_para = i == 0 || rows.get(i - 1).is_some_and(|p| p.para != r.para);
        let own_para = rows.get(i + 1).is_none_or(|n| n.para != r.para || is_ref_row(&n.text));
        let t = r.text.trim();
        if taken.contains(&i)
            || r.bullet
            || !starts_para
            || !own_para
            || r.bold != bold
            || (r.bbox.x0 - x).abs() > SAME_EDGE_PT
            || !UNNUMBERED_ITEM.is_match(t)
        {
            continue;
        }
        let at = heads.iter().position(|h| h.row > i).unwrap_or(heads.len());
        heads.insert(at, Heading { row: i, number: String::new(), value: 0, numbered: false });
    }
}

fn scan_headings(rows: &[Row], styled: bool) -> Vec<Heading> {
    let mut heads: Vec<Heading> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        if r.bullet {
            continue;
        }
        let Some(c) = HEAD.captures(&r.text) else { continue };
        let (Some(num), Some(title)) = (c.name("num"), c.name("title")) else { continue };
        let Some(value) = numeric(num.as_str()) else { continue };
        // A date ("29 June 2016") is not a heading.
        if find_dates(&r.text).first().is_some_and(|(_, range)| range.start == 0) {
            continue;
        }
        // "2.1 Background" is a numbered paragraph, not a minute; "Min 4.2" and "C.123" are.
        let decimal = num.as_str().starts_with(|c: char| c.is_ascii_digit()) && num.as_str().contains('.');
        if (decimal && c.name("pre").is_none())
            || r.text
                .get(num.end()..)
                .is_some_and(|t| t.starts_with('.') && t[1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        let title = title.as_str();
        let next_is_ref = rows.get(i + 1).is_some_and(|n| is_ref_row(&n.text))
            || rows.get(i + 2).is_some_and(|n| is_ref_row(&n.text) && n.para == r.para);
        let has_ref = AGENDA_REF.is_match(title) || next_is_ref;
        // "Minute 31/25 - Title": the word "Minute" marks a heading as surely as bold type.
        let keyword = c.name("pre").is_some();
        let looks = if styled {
            r.bold || is_upper_title(title) || has_ref || keyword
        } else {
            title.chars().count() < 120 && !title.trim_end().ends_with([',', ';'])
        };
        if !looks {
            continue;
        }
        let runs_on = match heads.last() {
            None => value < 1000,
            // A styled heading may skip numbers (minutes taken elsewhere, or headings the layout lost).
            Some(p) => {
                value == p.value + 1
                    || serial_follows(&p.number, num.as_str())
                    || (styled && (r.bold || has_ref || keyword) && value > p.value && value <= p.value + 9)
            }
        };
        if !styled && heads.is_empty() && value != 1 {
            continue;
        }
        if runs_on {
            heads.push(Heading { row: i, number: num.as_str().trim().to_string(), value, numbered: true });
        }
    }
    heads
}

/// Minutes printed without minute numbers: a bold or upper-case title that starts its paragraph,
/// then "(Item 3)" on the next row. The item's number is the agenda item's (contract 1.1).
fn ref_headings(rows: &[Row]) -> Vec<Heading> {
    let mut heads = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let starts_para = i == 0 || rows.get(i - 1).is_some_and(|p| p.para != r.para);
        let styled = r.bold || is_upper_title(&r.text);
        if r.bullet || !starts_para || !styled || r.text.chars().count() >= 120 || is_ref_row(&r.text) {
            continue;
        }
        // The reference under the title, or under its second line.
        let wrapped =
            rows.get(i + 1).filter(|n| n.para == r.para && n.bold == r.bold && !is_ref_row(&n.text));
        let ref_row = if wrapped.is_some() { rows.get(i + 2) } else { rows.get(i + 1) };
        let Some(number) = ref_row.filter(|n| is_ref_row(&n.text)).and_then(|n| agenda_ref(&n.text)) else {
            continue;
        };
        let Some(value) = numeric(&number) else { continue };
        heads.push(Heading { row: i, number, value, numbered: true });
    }
    heads
}

/// Styled, unnumbered heading rows between items a and b are the items whose numbers the layout
/// lost: numbered on from a when they fill the gap exactly; when fewer, and each still shows the
/// number's full stop (". FOOTPATHS"), numbered back from b. Either way a warning says so.
fn fill_lost_numbers(rows: &[Row], heads: &mut Vec<Heading>, warnings: &mut Vec<String>) {
    let mut k = 0;
    while k + 1 < heads.len() {
        let (Some(a), Some(b)) = (heads.get(k), heads.get(k + 1)) else { break };
        let missing = b.value.saturating_sub(a.value + 1) as usize;
        if missing == 0 || !a.number.chars().all(|c| c.is_ascii_digit()) {
            k += 1;
            continue;
        }
        let cands: Vec<usize> = (a.row + 1..b.row).filter(|&i| is_lost_heading(rows, i)).collect();
        let (av, bv) = (a.value, b.value);
        let numbers: Vec<u32> = if cands.len() == missing {
            (1..=missing as u32).map(|d| av + d).collect()
        } else if !cands.is_empty()
            && cands.len() < missing
            && cands.iter().all(|&i| rows.get(i).is_some_and(|r| r.text.starts_with('.')))
        {
            (0..cands.len() as u32).rev().map(|d| bv - 1 - d).collect()
        } else {
            Vec::new()
        };
        if numbers.is_empty() {
            warnings.push(format!("minutes {}-{} are not printed legibly between minutes {} and {}; their text is kept in minute {}", av + 1, bv - 1, a.number, b.number, a.number));
            k += 1;
            continue;
        }
        if cands.len() != missing {
            warnings.push(format!(
                "{} of the headings between minutes {} and {} lost their numbers; numbered back from {}",
                cands.len(),
                a.number,
                b.number,
                b.number
            ));
        }
        for (j, (&i, v)) in cands.iter().zip(numbers).enumerate() {
            heads.insert(k + 1 + j, Heading { row: i, number: v.to_string(), value: v, numbered: true });
        }
        k += 1 + cands.len();
    }
}

/// A bold, upper-case row that starts its paragraph and carries no number of its own.
fn is_lost_heading(rows: &[Row], i: usize) -> bool {
    let Some(r) = rows.get(i) else { return false };
    let starts_para = i == 0 || rows.get(i - 1).is_some_and(|p| p.para != r.para);
    r.bold
        && !r.bullet
        && starts_para
        && is_upper_title(&r.text)
        && r.text.chars().count() < 100
        && !r.text.trim_start_matches(['.', ' ']).starts_with(|c: char| c.is_ascii_digit())
}

fn minute_item(rows: &[Row], h: &Heading, meeting_date: Option<String>) -> Option<MinuteItem> {
    let head = rows.first()?;
    let title0 = HEAD
        .captures(&head.text)
        .and_then(|c| c.name("title").map(|t| t.as_str().to_string()))
        .unwrap_or_else(|| head.text.clone());
    let mut title_parts = vec![title0.trim_start_matches(['.', ' ']).to_string()];
    let mut bbox = head.bbox;
    let mut agenda_item = None;
    let mut k = 1;
    // Title continues on rows of the heading's paragraph set in the same style; an agenda
    // reference may follow on its own row.
    while let Some(r) = rows.get(k) {
        if is_ref_row(&r.text) && k <= 3 {
            agenda_item = agenda_ref(&r.text);
            bbox = bbox.union(&r.bbox);
            k += 1;
            break;
        }
        let same_style = r.para == head.para
            && !r.bullet
            && ((head.bold && r.bold) || (is_upper_title(&head.text) && is_upper_title(&r.text)));
        let ref_bullet = r.bullet && is_ref_row(&r.text);
        if !(same_style || ref_bullet) || k > 3 {
            break;
        }
        title_parts.push(r.text.clone());
        bbox = bbox.union(&r.bbox);
        k += 1;
    }
    let mut title = join_lines(title_parts.iter().map(String::as_str));
    if let Some(m) = AGENDA_REF.find(&title) {
        if m.start() > 0 {
            agenda_item = agenda_item.or_else(|| agenda_ref(m.as_str()));
            title.truncate(m.start());
        }
    }
    let title = title.trim().trim_end_matches([' ', '-', '–', '—', ':']).trim().to_string();
    let body = rows.get(k..).unwrap_or(&[]);
    let body = trim_signature(body);
    let text = join_lines(body.iter().map(|r| r.text.as_str()));
    let paras = paragraphs(body);
    Some(MinuteItem {
        number: h.numbered.then(|| h.number.trim_end_matches('.').to_string()),
        title: squash(&title),
        agenda_item,
        meeting_date,
        text: squash(&text),
        resolutions: resolutions(&paras),
        provenance: provenance(head.page, &bbox),
    })
}

fn agenda_ref(text: &str) -> Option<String> {
    let c = AGENDA_REF.captures(text)?;
    c.name("a").or_else(|| c.name("b")).map(|m| m.as_str().to_string())
}

/// Drops the closing signature block ("CHAIR", "Chairman", "Signed …", "Date …") from the last item.
fn trim_signature(body: &[Row]) -> &[Row] {
    let mut end = body.len();
    while end > 0 {
        let Some(r) = body.get(end - 1) else { break };
        let t = r.text.trim().trim_end_matches(['.', ':']).to_lowercase();
        let sig = t == "chair"
            || t == "chairman"
            || t == "chairperson"
            || t.starts_with("signed")
            || t == "date"
            || t.chars().all(|c| c == '.' || c == '_' || c.is_whitespace());
        if !sig {
            break;
        }
        end -= 1;
    }
    body.get(..end).unwrap_or(body)
}

static DECISION_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}\.\s+)?(?:RESOLVED|Resolved|DECIDED|Decided|AGREED|It\s+was\s+(?:\w+\s+)?(?:agreed|resolved|RESOLVED|AGREED))\b").expect("valid regex")
});
static ENUM_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?(?:[ivx]{1,5}|[a-zA-Z]|\d{1,2})\)\s").expect("valid regex"));

/// The body rows grouped into printed paragraphs for the resolution reader.
fn paragraphs(body: &[Row]) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    let mut last_para = usize::MAX;
    for r in body {
        let starts_item = r.bullet || ENUM_START.is_match(&r.text);
        let decision = DECISION_START.is_match(&r.text);
        // A sentence broken by a page or column end goes on in the next block in lower case.
        let continues = out
            .last()
            .and_then(|p| p.rows.last())
            .is_some_and(|l| !l.text.trim_end().ends_with(['.', '!', '?', ':', ';']))
            && r.text.starts_with(char::is_lowercase)
            && !starts_item;
        // A bullet, enumerated or "RESOLVED" row starts a new paragraph even inside one layout block.
        if (r.para != last_para && !continues)
            || ((starts_item || decision) && out.last().is_some_and(|p| !p.rows.is_empty()))
        {
            out.push(Para { rows: Vec::new() });
            last_para = r.para;
        }
        if let Some(p) = out.last_mut() {
            p.rows.push(ParaRow { text: r.text.clone(), starts_item });
        }
    }
    out
}

/// The meeting minuted: who, when, where, and the attendance lists.
fn meeting(rows: &[Row], preamble: &[Row], date: Option<String>, search_end: usize) -> Option<Meeting> {
    let first = preamble.first().or_else(|| rows.first())?;
    let pre_text: Vec<String> = paragraph_texts(preamble);
    let body = pre_text
        .iter()
        .find_map(|t| BODY.captures(t).and_then(|c| c.name("b").map(|m| m.as_str().to_string())))
        .or_else(|| {
            pre_text.iter().find_map(|t| {
                BODY_OF_MEETING
                    .captures(t)
                    .and_then(|c| c.name("b").map(|m| m.as_str().to_string()))
                    .filter(|b| !b.to_lowercase().contains("meeting"))
            })
        })
        .or_else(|| {
            pre_text.iter().find_map(|t| {
                BODY_TITLE
                    .captures(t)
                    .and_then(|c| c.name("b").map(|m| m.as_str().to_string()))
                    .filter(|b| !b.to_lowercase().contains("meeting"))
            })
        })
        .or_else(|| {
            pre_text
                .iter()
                .find_map(|t| BODY_HELD.captures(t).and_then(|c| c.name("b").map(|m| m.as_str().to_string())))
        })
        .or_else(|| {
            pre_text.iter().find_map(|t| {
                BODY_HELD_CY
                    .captures(t)
                    .or_else(|| BODY_CY.captures(t))
                    .and_then(|c| c.name("b").map(|m| m.as_str().to_string()))
            })
        })
        .or_else(|| {
            preamble
                .iter()
                .take(6)
                .find(|r| {
                    r.bold
                        && !r.text.to_lowercase().starts_with("minutes")
                        && !is_reference_stamp(&r.text)
                        && !is_venue_fragment(&r.text)
                        && find_dates(&r.text).is_empty()
                        && r.text.chars().any(char::is_alphabetic)
                })
                .map(|r| r.text.clone())
        })
        .map(|b| squash(&b))
        // "MINUTES OF THE PARISH COUNCIL MEETING" names the body generically; the heading above
        // it ("BURTON-CUM-WALDEN PARISH COUNCIL") names it in full.
        .map(|b| {
            let lower = b.to_lowercase();
            preamble
                .iter()
                .take(4)
                .map(|r| squash(&r.text))
                .find(|t| {
                    t.len() > b.len()
                        && t.len() < 120
                        && !t.to_lowercase().starts_with("minutes")
                        && t.to_lowercase().ends_with(&lower)
                })
                .unwrap_or(b)
        });
    let field = |key: &[&str]| {
        pre_text.iter().find_map(|t| {
            FIELD
                .captures(t)
                .filter(|c| c.name("k").is_some_and(|k| key.contains(&k.as_str().to_lowercase().as_str())))
                .and_then(|c| c.name("v"))
                .map(|v| v.as_str().to_string())
        })
    };
    let time = pre_text
        .iter()
        .filter(|t| {
            // Welsh: "cynhaliodd … eu cyfarfod" (held … their meeting).
            let l = t.to_lowercase();
            ["held", "meeting", "cynhaliwyd", "cynhaliodd", "cyfarfod"].iter().any(|w| l.contains(w))
        })
        .find_map(|t| parse_time(t))
        .or_else(|| field(&["time"]).and_then(|t| parse_time(&t)));
    let venue = pre_text.iter().find_map(|t| {
        VENUE
            .captures(t)
            .and_then(|c| c.name("v"))
            .or_else(|| VENUE_AFTER_DATE.captures(t).and_then(|c| c.name("v")))
            .or_else(|| VENUE_AFTER_TIME.captures(t).and_then(|c| c.name("v")))
            .or_else(|| VENUE_CY.captures(t).and_then(|c| c.name("v")))
            .map(|v| squash(v.as_str().trim_end_matches([',', '.'])))
    });
    let venue = venue
        .or_else(|| field(&["venue", "place", "location"]).map(|v| squash(v.trim_end_matches([',', '.']))));
    let mut members = Vec::new();
    let scope = rows.get(..search_end.min(rows.len())).unwrap_or(rows);
    let paras = paragraph_rows(scope);
    let mut i = 0;
    while let Some(p) = paras.get(i) {
        let text = join_lines(p.iter().map(|r| r.text.as_str()));
        let first_row = p.first().map_or("", |r| r.text.as_str());
        let label_row = LABEL
            .captures(first_row)
            .filter(|c| c.name("rest").is_some_and(|r| r.as_str().trim().is_empty()));
        if let Some(c) = APOLOGIES_FROM.captures(&text) {
            let welsh = c.name("cy").is_some();
            let n = c.name("n").or_else(|| c.name("cy")).map_or("", |m| m.as_str());
            let n = strip_collective(n);
            let cut = n.find(". ").map_or(n.len(), |k| k);
            members.extend(names_in(n.get(..cut).unwrap_or(n), Attendance::Apologies, welsh));
        } else if let Some(c) = label_row.or_else(|| LABEL.captures(&text)) {
            let label = c.name("label").map_or(String::new(), |l| l.as_str().to_lowercase());
            let attendance = if label.contains("attendance") || label.starts_with("also") {
                // Officers and guests, not members.
                None
            } else if label.contains("virtual") || label.contains("remote") {
                Some(Attendance::Virtual)
            } else if label.starts_with("apolog") || label.starts_with("ymddiheur") {
                Some(Attendance::Apologies)
            } else if label.starts_with("absent") {
                Some(Attendance::Absent)
            } else {
                Some(Attendance::Present)
            };
            let rest = c.name("rest").map_or("", |r| r.as_str()).trim();
            // "Apologies were noted." is a sentence, not a list of names.
            let sentence = rest.starts_with(char::is_lowercase);
            if let Some(att) = attendance.filter(|_| !sentence) {
                if rest.is_empty() && p.len() > 1 {
                    // A label on its own row, then one name per row.
                    for r in p.iter().skip(1) {
                        members.extend(names(&r.text, att));
                    }
                } else if rest.is_empty() {
                    // A label paragraph, then the names as a wrapped paragraph.
                    if let Some(n) = paras.get(i + 1) {
                        members.extend(names(&join_lines(n.iter().map(|r| r.text.as_str())), att));
                    }
                    i += 1;
                } else {
                    members.extend(names(rest, att));
                }
            }
        }
        i += 1;
    }
    let mut seen = std::collections::HashSet::new();
    members.retain(|m: &Member| seen.insert(m.name.to_lowercase()));
    Some(Meeting { body, date, time, venue, members, provenance: provenance(first.page, &first.bbox) })
}

/// "Cllrs. A, B" → "A, B": a plural title in front of a list belongs to every name.
fn strip_collective(s: &str) -> &str {
    let t = s.trim_start();
    // Welsh: "Y Cynghorwyr" (the councillors).
    for p in ["Councillors ", "Cllrs. ", "Cllrs ", "Cllrs.", "Members ", "Y Cynghorwyr ", "Cynghorwyr "] {
        if let Some(r) = t.strip_prefix(p) {
            return r;
        }
    }
    t
}

/// Splits at commas and semicolons that are not inside brackets ("Mr S Jones (Director of
/// Growth, Environment and Transport), Mr M Albiston").
fn split_outside_parens(list: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    for (k, c) in list.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            ',' | ';' if depth == 0 => {
                out.push(&list[start..k]);
                start = k + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&list[start..]);
    out
}

/// Splits "A and B" at " and " outside brackets; a Welsh list also at " a ", " ac " and " a'r "
/// (and, and the).
fn split_and(group: &str, welsh: bool) -> Vec<&str> {
    const AND: &[&str] = &[" and "];
    const AND_CY: &[&str] = &[" and ", " a ", " ac ", " a'r ", " a’r "];
    let words = if welsh { AND_CY } else { AND };
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    let bytes = group.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        match bytes.get(k) {
            Some(b'(') => depth += 1,
            Some(b')') => depth = (depth - 1).max(0),
            Some(b' ') if depth == 0 => {
                if let Some(w) =
                    words.iter().find(|w| group.get(k..).is_some_and(|rest| rest.starts_with(**w)))
                {
                    out.push(group.get(start..k).unwrap_or_default().trim());
                    start = k + w.len();
                    k += w.len() - 1;
                }
            }
            _ => {}
        }
        k += 1;
    }
    out.push(group.get(start..).unwrap_or_default().trim());
    out
}

/// The names of one attendance list, with roles printed beside them.
fn names(list: &str, attendance: Attendance) -> Vec<Member> {
    static WELSH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^\s*(?:y\s+)?cynghorwyr\b|\bcyng\.\s").expect("valid regex"));
    names_in(list, attendance, WELSH.is_match(list))
}

/// A role printed where the name goes, the name in brackets after it: "The Mayor (Councillor A
/// Adams)".
static ROLE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^the\s+(?P<role>mayor|chair(?:man|person)?|vice[\s-]*chair(?:man|person)?|presiding\s+member)\s*\((?P<name>[^)]+)\)\s*$")
        .expect("valid regex")
});

/// The names of one attendance list, English or Welsh ("a", "ac" for "and").
fn names_in(list: &str, attendance: Attendance, welsh: bool) -> Vec<Member> {
    let list = strip_collective(list.trim().trim_end_matches('.'));
    let mut out = Vec::new();
    let parts: Vec<&str> =
        split_outside_parens(list).into_iter().map(str::trim).filter(|p| !p.is_empty()).collect();
    for (k, part) in parts.iter().enumerate() {
        // "R Hobbs and E Tipper – co-opted members": a role after a dash covers the group.
        let (group, group_role) = match part.find(" – ").or_else(|| part.find(" - ")) {
            Some(d)
                if part[d..].to_lowercase().contains("co-opted")
                    || part[d..].to_lowercase().contains("co opted") =>
            {
                (&part[..d], Some(MemberRole::CoOpted))
            }
            Some(d) if part[d..].to_lowercase().contains("vice") => (&part[..d], Some(MemberRole::ViceChair)),
            Some(d) if part[d..].to_lowercase().contains("chair") => (&part[..d], Some(MemberRole::Chair)),
            _ => (*part, None),
        };
        let next_is_role = parts.get(k + 1).is_some_and(|n| {
            let l = n.to_lowercase();
            ["clerk", "officer", "minute taker", "secretary", "rfo", "proper officer"]
                .iter()
                .any(|w| l.starts_with(w))
        });
        if next_is_role {
            continue;
        }
        for name in split_and(group, welsh) {
            // "…, Councillors B Brown, C Clarke": a plural title inside the list.
            let name = strip_collective(name.strip_prefix("and ").unwrap_or(name).trim());
            let mut role = group_role.unwrap_or(MemberRole::Member);
            if let Some(c) = ROLE_FIRST.captures(name) {
                let (r, n) =
                    (c.name("role").map_or("", |m| m.as_str()), c.name("name").map_or("", |m| m.as_str()));
                let role = if r.to_lowercase().starts_with("vice") {
                    MemberRole::ViceChair
                } else {
                    MemberRole::Chair
                };
                out.push(Member { name: squash(n), role, attendance: Some(attendance) });
                continue;
            }
            for c in ROLE_PAREN.captures_iter(name) {
                let r = c.get(1).map_or(String::new(), |m| m.as_str().to_lowercase());
                if r.contains("co-opted") || r.contains("co opted") {
                    role = MemberRole::CoOpted;
                } else if r.contains("vice") {
                    role = MemberRole::ViceChair;
                } else if r.contains("chair") || r.contains("presiding") || r.contains("mayor") {
                    role = MemberRole::Chair;
                }
            }
            let clean = squash(&ROLE_PAREN.replace_all(name, ""));
            let clean = clean
                .trim_matches(|c: char| c == '-' || c == '–' || c == '.' || c.is_whitespace())
                .to_string();
            let lower = clean.to_lowercase();
            let only_role = [
                "councillors",
                "councillor",
                "members",
                "member",
                "co-opted members",
                "clerk",
                "together with",
            ]
            .contains(&lower.as_str());
            if clean.is_empty()
                || only_role
                || HONOUR.is_match(&clean)
                || !clean.chars().any(char::is_alphabetic)
                || clean.split_whitespace().count() > 7
                || lower.starts_with("none")
                || lower.starts_with("there were")
            {
                continue;
            }
            out.push(Member { name: clean, role, attendance: Some(attendance) });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::read::rows::rows_for_test as rows;

    #[test]
    fn attendance_lists() {
        let got = names("Cllr L Redman (Chair), Cllr O Patrick (Vice-Chair), Cllr S Aujla and Cllr M Lovell, R Hobbs and E Tipper – co-opted members", Attendance::Present);
        let want = [
            ("Cllr L Redman", MemberRole::Chair),
            ("Cllr O Patrick", MemberRole::ViceChair),
            ("Cllr S Aujla", MemberRole::Member),
            ("Cllr M Lovell", MemberRole::Member),
            ("R Hobbs", MemberRole::CoOpted),
            ("E Tipper", MemberRole::CoOpted),
        ];
        let got: Vec<(String, MemberRole)> = got.into_iter().map(|m| (m.name, m.role)).collect();
        let want: Vec<(String, MemberRole)> = want.iter().map(|(n, r)| (n.to_string(), *r)).collect();
        assert_eq!(got, want);
        let got = names(
            "Mr S Jones (Director of Growth, Environment and Transport), Mr M Albiston (Director)",
            Attendance::Virtual,
        );
        assert_eq!(got.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["Mr S Jones", "Mr M Albiston"]);
        let got = names("Mr R C Love, OBE, Mr D Murphy", Attendance::Present);
        assert_eq!(got.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["Mr R C Love", "Mr D Murphy"]);
        let got = names(
            "Miss Jane Ritchie and Mrs Victoria Whitehead, Councillors, and Mr Richard Nolan, Clerk",
            Attendance::Present,
        );
        assert_eq!(
            got.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(),
            ["Miss Jane Ritchie", "Mrs Victoria Whitehead"]
        );
    }

    #[test]
    fn welsh_lists_split_at_a_and_ac_only_when_welsh() {
        let got = names("Y Cynghorwyr Siân Morgan, Huw Rees a Dafydd Owen", Attendance::Present);
        assert_eq!(
            got.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(),
            ["Siân Morgan", "Huw Rees", "Dafydd Owen"]
        );
        // An English list keeps a lower-case "a" inside a name's phrase.
        let got = names("Councillor A Jones and Councillor B a Beckett", Attendance::Present);
        assert_eq!(
            got.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(),
            ["Councillor A Jones", "Councillor B a Beckett"]
        );
        let got = names("The Mayor (Councillor A Adams), Councillors B Brown, C Clarke", Attendance::Present);
        let got: Vec<(&str, MemberRole)> = got.iter().map(|m| (m.name.as_str(), m.role)).collect();
        assert_eq!(
            got,
            [
                ("Councillor A Adams", MemberRole::Chair),
                ("B Brown", MemberRole::Member),
                ("C Clarke", MemberRole::Member)
            ]
        );
    }

    #[test]
    fn meeting_minuted() {
        let rs = rows(&[
            "Minutes of the meeting of the Planning Committee held at Civic Centre, High Street on 4 March 2024 at 7.00 pm",
            "Present: Councillor A Jones (in the Chair), Councillor B Khan (Vice-Chairman) and Councillor C Lee",
            "Also present: D Patel (Planning Officer)",
            "Attending virtually: Councillor E Moss",
            "Apologies for absence were received from Councillors F Hill and G Ward.",
            "Absent: Councillor H Young",
        ]);
        let m = meeting(&rs, &rs, Some("2024-03-04".into()), rs.len()).expect("meeting");
        assert_eq!(m.body.as_deref(), Some("Planning Committee"));
        assert_eq!(m.venue.as_deref(), Some("Civic Centre, High Street"));
        assert_eq!(m.time.as_deref(), Some("19:00"));
        let got: Vec<(&str, MemberRole, Option<Attendance>)> =
            m.members.iter().map(|p| (p.name.as_str(), p.role, p.attendance)).collect();
        assert_eq!(
            got,
            [
                ("Councillor A Jones", MemberRole::Chair, Some(Attendance::Present)),
                ("Councillor B Khan", MemberRole::ViceChair, Some(Attendance::Present)),
                ("Councillor C Lee", MemberRole::Member, Some(Attendance::Present)),
                ("Councillor E Moss", MemberRole::Member, Some(Attendance::Virtual)),
                ("F Hill", MemberRole::Member, Some(Attendance::Apologies)),
                ("G Ward", MemberRole::Member, Some(Attendance::Apologies)),
                ("Councillor H Young", MemberRole::Member, Some(Attendance::Absent)),
            ]
        );
    }

    #[test]
    fn headings_run_on_and_skip_numbered_paragraphs() {
        let mut rs = rows(&[
            "84. Apologies",
            "(Item 1)",
            "Apologies were received.",
            "85. Declarations",
            "1. Mr X introduced the report.",
            "2.1 Background",
            "86. Minutes",
        ]);
        for k in [0, 3, 6] {
            rs[k].bold = true;
        }
        let mut notes = Vec::new();
        let heads = headings(&rs, &mut notes);
        assert_eq!(heads.iter().map(|h| h.number.as_str()).collect::<Vec<_>>(), ["84", "85", "86"]);
        let item = minute_item(&rs[0..3], &heads[0], None).expect("item");
        assert_eq!(
            (item.title.as_str(), item.agenda_item.as_deref(), item.text.as_str()),
            ("Apologies", Some("1"), "Apologies were received.")
        );
    }

    #[test]
    fn heading_forms() {
        for (t, num, title) in [
            ("84. Apologies", "84", "Apologies"),
            ("Minute 45/22 – Budget", "45/22", "Budget"),
            ("OS 23/44 Work Programme", "OS 23/44", "Work Programme"),
            ("5a) Planning", "5a", "Planning"),
            ("1 2022 Key Stage results", "1", "2022 Key Stage results"),
        ] {
            let c = HEAD.captures(t).expect(t);
            assert_eq!(
                (c.name("num").map(|m| m.as_str()), c.name("title").map(|m| m.as_str())),
                (Some(num), Some(title)),
                "{t}"
            );
        }
        for t in ["the report", "£5.00 per annum"] {
            assert!(HEAD.captures(t).is_none(), "{t}");
        }
        let b =
            |t: &str| BODY_OF_MEETING.captures(t).and_then(|c| c.name("b")).map(|m| m.as_str().to_string());
        assert_eq!(b("MINUTES of the CABINET meeting held on 4 March").as_deref(), Some("CABINET"));
        assert_eq!(
            b("Minutes of the Planning Committee held at the Town Hall").as_deref(),
            Some("Planning Committee")
        );
    }

    #[test]
    fn agenda_refs() {
        for (t, want) in [
            ("Public Question Time - Agenda Item 4", Some("4")),
            ("(Item 5)", Some("5")),
            ("Agenda Item 9", Some("9")),
            ("Items for Information", None),
            ("Work Item 5 review", None),
        ] {
            assert_eq!(AGENDA_REF.find(t).and_then(|m| agenda_ref(m.as_str())).as_deref(), want, "{t}");
        }
    }

    #[test]
    fn venues() {
        let t = "Minutes of a Meeting of the X Committee held in the Luttrell Room - County Hall, Taunton, on Monday 5 September 2022 at 1.00 pm";
        assert_eq!(
            VENUE.captures(t).and_then(|c| c.name("v")).map(|m| m.as_str()),
            Some("Luttrell Room - County Hall, Taunton")
        );
        assert_eq!(BODY.captures(t).and_then(|c| c.name("b")).map(|m| m.as_str()), Some("X Committee"));
    }
}
