//! Agenda items of a pack or front sheet, with their printed page ranges linked to sections.
//!
//! Reads numbered items ("3 Minutes from the previous meeting held on 5 September 2022 (Pages
//! 11 - 14)", "5. 24/00108 - Revenue and Capital Budget Monitoring Report (Pages 11 - 84)",
//! "Agenda Item 7", "5a", "5(a)", "A1" then "B1" in lettered parts; a separate "Pages" column
//! printing "5 - 12" or "(Pages 5 - 12)" on the title's baseline), their wrapped titles, the description under them, the lead ("will be
//! led by ...", "presented by ..."), the time allowed ("the Chair will allow 35 minutes") and exempt items (Schedule
//! 12A, "not for publication", items under an "Exempt items" / "Part 2" heading). Unnumbered
//! rows ("Information on the Committee") are not items. A printed range is mapped to physical
//! pages through the page stamps; `section_ids` are the sections inside it, and a range whose
//! ends fall inside sections (or cannot be mapped) is a `page_range_unmatched` warning.
//!
//! A title runs on over the lines of its paragraph or table cell in its own weight ("Minutes of
//! the Previous" / "Meeting"), and past a range printed mid-line.
//!
//! Limits: the item number must start its line (or be a bare number on the title's baseline);
//! a plain title outside a table ends at its page range, or at its first line unless that line
//! wraps (a plain line under it may be its description).

use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

use super::read::dates::month_number;
use super::read::rows::same_baseline;
use super::read::text::squash;
use super::{provenance, Context};
use crate::contract::{AgendaItem, DocumentType, Extraction, PageRange, SectionKind, Warning, WarningCode};
use crate::layout::{join_lines, Layout, Line, Page};

/// An item line: optional "Agenda Item", the number, the title.
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?ix)
        ^(?:agenda\s+)?(?:item\s+(?:no\.?\s*)?)?
        (?P<num>\d{1,3}[a-z]?|\d{1,3}\.\d{1,2}   # 5, 5a, 5.1
          |\d{1,3}\s?\([a-z]{1,2}\)                # 5(a), 5 (b)
          |[A-H]\d{1,2})                          # A1, B2 (items grouped by part)
        (?P<delim>[.):])?\s+
        (?P<title>[\w'‘"“].*)$                  # the title starts with a word or figure
        "#,
    )
    .expect("valid regex")
});

/// A number alone on its fragment ("7" in a two-column item table).
static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:agenda\s+)?item\s+)?(?P<num>\d{1,3}[a-z]?|\d{1,3}\s?\([a-z]{1,2}\)|[A-H]\d{1,2})[.)]?$",
    )
    .expect("valid regex")
});

/// A page-range cell of an agenda table ("5 - 12", "13", "Pages 13-20") beside the title.
static PAGES_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\(?\s*pages?\s+)?(?P<a>\d{1,4})(?:\s*(?:-|–|to)\s*(?P<b>\d{1,4}))?\s*\)?$")
        .expect("valid regex")
});

/// "(Pages 11 - 16)", "(Page 5)", "Pages 11-16".
static PAGES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(?\s*pages?\s+(?P<a>\d{1,4})(?:\s*(?:-|–|to)\s*(?P<b>\d{1,4}))?\s*\)?")
        .expect("valid regex")
});

/// "led by the Council's ... Phil Curd and ... John Perrett."
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:led|presented|introduced)\s+by\s+(?:the\s+)?(?P<lead>[^.]+?)\s*(?:\.|$)")
        .expect("valid regex")
});

/// Where a lead's sentence ends when the paragraph has no full stop ("... John Perrett For background see ...").
static LEAD_STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\s+(?:For\s+background|Note\b|There\s+(?:are|is)\b|To\s+receive|Please\b|See\b|Background\b)",
    )
    .expect("valid regex")
});

/// The close of a covering letter.
static SIGN_OFF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^yours\s+(?:sincerely|faithfully)").expect("valid regex"));

/// "the Chair will allow 35 minutes", "Time allowed: 30 mins", "(20 minutes)".
static TIME_ALLOWED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \ballow(?:ed|s)?\s+(?:up\s+to\s+|approximately\s+|around\s+)?(?P<a>\d{1,3})\s*(?:minutes|mins)\b
        | time\s+allowed\s*:?\s*(?P<b>\d{1,3})\s*(?:minutes|mins)\b
        | \((?P<c>\d{1,3})\s*(?:minutes|mins)\)",
    )
    .expect("valid regex")
});

/// Words that mark an item as taken in private.
static EXEMPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)schedule\s+12a|not\s+for\s+publication|exempt\s+(?:item|information|report|appendix)|\bpart\s+(?:2|ii)\b|private\s+session|press\s+and\s+public\s+(?:be\s+|are\s+)?excluded")
        .expect("valid regex")
});

/// The motion that takes the rest of the meeting into private session.
static EXCLUSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)exclusion\s+of\s+(?:the\s+)?(?:press|public)|(?:press|public)\s+(?:and\s+(?:press|public)\s+)?(?:to\s+be\s+|be\s+)?excluded").expect("valid regex")
});

/// Headings that open the private or the public part of an agenda.
static PRIVATE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:exempt\s+items?|part\s+(?:2|ii|b)\b|private\s+(?:items?|session)|confidential\s+items?|items?\s+likely\s+to\s+be\s+considered\s+in\s+private)")
        .expect("valid regex")
});
static PUBLIC_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:unrestricted\s+items?|part\s+(?:1|i|a)\b|public\s+items?|open\s+items?)")
        .expect("valid regex")
});

/// A "there were no exempt items" note under the exempt heading is not an item.
struct Found<'a> {
    number: String,
    page: &'a Page,
    line: usize,
    title_lines: usize,
    /// Title text on the item's first line (after the number).
    head: String,
    exempt_part: bool,
}

pub fn extract(ctx: &Context, out: &mut Extraction) {
    if ctx.document_type != DocumentType::AgendaPack || !out.agenda_items.is_empty() {
        return;
    }
    let mut pages: Vec<&Page> = ctx.sections_of(SectionKind::Agenda).flat_map(|s| ctx.pages_of(s)).collect();
    if pages.is_empty() {
        pages = ctx.sections_of(SectionKind::Cover).flat_map(|s| ctx.pages_of(s)).collect();
    }
    if pages.is_empty() {
        return;
    }
    let rows: Vec<(&Page, Vec<Line>)> = pages.iter().map(|p| (*p, merge_bare_numbers(&p.lines))).collect();
    let found = find_items(&rows);
    if found.is_empty() {
        return;
    }
    let preamble = preamble(&rows, &found);
    let mut unmapped = Vec::new();
    let mut after_exclusion = false;
    for (k, f) in found.iter().enumerate() {
        let next = found.get(k + 1);
        let mut item = build_item(ctx, &rows, f, next, &preamble, out, &mut unmapped);
        // Items after "Exclusion of the press and public" are taken in private.
        item.exempt |= after_exclusion;
        if item.page_range.is_none() {
            item.section_ids = stamped_sections(ctx, &item.number);
        }
        after_exclusion |= EXCLUSION.is_match(&item.title);
        out.agenda_items.push(item);
    }
    if !unmapped.is_empty() {
        let mapped_any = out.agenda_items.iter().any(|i| !i.section_ids.is_empty());
        let msg = if mapped_any {
            format!("printed page ranges of items {} are not page stamps of this file", unmapped.join(", "))
        } else {
            format!(
                "printed page ranges of items {} are not in this file (a front sheet without its papers?)",
                unmapped.join(", ")
            )
        };
        out.warnings.push(Warning::new(
            WarningCode::PageRangeUnmatched,
            msg,
            found.first().map(|f| f.page.number),
        ));
    }
}

/// Joins a bare number fragment with the title fragment on its baseline ("7" + "24/00109 - ...").
fn merge_bare_numbers(lines: &[Line]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut used = vec![false; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        if used.get(i).copied().unwrap_or(true) {
            continue;
        }
        if BARE_NUMBER.is_match(l.text.trim()) {
            let partner = lines.iter().enumerate().find(|(j, o)| {
                *j != i
                    && !used.get(*j).copied().unwrap_or(true)
                    && same_baseline(o.bbox.top, l.bbox.top, l.size)
                    && o.bbox.x0 > l.bbox.x1
                    && o.bbox.x0 - l.bbox.x1 < 200.0
            });
            if let Some((j, o)) = partner {
                let mut m = l.clone();
                // The gutter stands for the number's delimiter ("7" | "24/00109 - ...").
                m.text = format!("{}. {}", trim_delimiter(l.text.trim()), o.text.trim());
                m.words.extend(o.words.iter().cloned());
                m.bbox = l.bbox.union(&o.bbox);
                m.bold = o.bold;
                if let Some(u) = used.get_mut(j) {
                    *u = true;
                }
                // A "Pages" column on the same baseline ("5 - 12") becomes the printed range.
                let pages = lines.iter().enumerate().find(|(k, p)| {
                    *k != i
                        && *k != j
                        && !used.get(*k).copied().unwrap_or(true)
                        && same_baseline(p.bbox.top, l.bbox.top, l.size)
                        && p.bbox.x0 > o.bbox.x1
                        && PAGES_CELL.is_match(p.text.trim())
                });
                if let Some((k, p)) = pages {
                    if let Some(c) = PAGES_CELL.captures(p.text.trim()) {
                        let a = c.name("a").map(|x| x.as_str()).unwrap_or_default();
                        m.text = match c.name("b") {
                            Some(b) => format!("{} (Pages {a} - {})", m.text, b.as_str()),
                            None => format!("{} (Page {a})", m.text),
                        };
                        m.words.extend(p.words.iter().cloned());
                        m.bbox = m.bbox.union(&p.bbox);
                        if let Some(u) = used.get_mut(k) {
                            *u = true;
                        }
                    }
                }
                out.push(m);
                continue;
            }
        }
        out.push(l.clone());
    }
    out
}

/// Item lines: at the leftmost number column, numbers in ascending order.
fn find_items<'a>(rows: &[(&'a Page, Vec<Line>)]) -> Vec<Found<'a>> {
    let mut cands = Vec::new();
    let mut exempt_part = false;
    for (page, lines) in rows {
        for (i, l) in lines.iter().enumerate() {
            let t = l.text.trim();
            if PRIVATE_HEADING.is_match(t) {
                exempt_part = true;
                continue;
            }
            if PUBLIC_HEADING.is_match(t) {
                exempt_part = false;
                continue;
            }
            let Some(c) = ITEM.captures(t) else { continue };
            let (Some(num), Some(title)) = (c.name("num"), c.name("title")) else { continue };
            let bare = c.name("delim").is_none();
            if title.as_str().chars().filter(|c| c.is_alphabetic()).count() < 2
                || bare && title.as_str().starts_with(|ch: char| ch.is_ascii_digit())
            {
                continue;
            }
            cands.push((
                *page,
                i,
                l.bbox.x0,
                num.as_str().to_string(),
                title.as_str().to_string(),
                exempt_part,
            ));
        }
    }
    // "3 October 2022 at 1.00 pm" is a date, not item 3.
    cands.retain(|c| {
        c.4.split_whitespace()
            .next()
            .is_none_or(|w| month_number(w.trim_matches(|ch: char| !ch.is_alphabetic())).is_none())
    });
    let Some(min_x) = cands.iter().map(|c| c.2).min_by(f64::total_cmp) else { return Vec::new() };
    cands.retain(|c| c.2 <= min_x + 12.0);
    // Where an item 1 is printed, the list starts there.
    let first = cands.iter().position(|c| leading_int(&c.3) == 1).unwrap_or(0);
    let mut out: Vec<Found> = Vec::new();
    let mut last: Option<(Option<char>, u32, String)> = None;
    for (page, line, _, number, head, exempt_part) in cands.into_iter().skip(first) {
        let part = part_letter(&number);
        let key = leading_int(&number);
        let ok = match &last {
            None => key >= 1,
            // "A3" then "B1": the next part starts its own count.
            Some((p, _, _)) if part != *p => {
                part.is_some() && p.is_some_and(|p| part.is_some_and(|q| q > p)) && key == 1
            }
            Some((_, k, prev)) => {
                key == *k + 1 || (key == *k && number != *prev) || (key > *k && key <= *k + 3)
            }
        };
        if !ok {
            continue;
        }
        last = Some((part, key, number.clone()));
        out.push(Found { number, page, line, title_lines: 1, head, exempt_part });
    }
    for f in out.iter_mut() {
        f.title_lines = title_extent(rows, f);
    }
    out
}

/// The item's count: "5" of "5", "5a", "5(a)", and "2" of "A2".
fn leading_int(n: &str) -> u32 {
    n.trim_start_matches(|c: char| c.is_ascii_uppercase())
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0)
}

/// The part letter of "A2", "B1" (items numbered within lettered parts).
fn part_letter(n: &str) -> Option<char> {
    n.chars().next().filter(char::is_ascii_uppercase)
}

/// "7." → "7", "7)" → "7", but "5(a)" stays whole.
fn trim_delimiter(n: &str) -> &str {
    let n = n.trim_end_matches('.');
    if n.contains('(') {
        n
    } else {
        n.trim_end_matches(')')
    }
}

/// How many lines the title spans: on while a "(Pages" is open or the line wraps.
fn title_extent(rows: &[(&Page, Vec<Line>)], f: &Found) -> usize {
    let Some(lines) = rows.iter().find(|(p, _)| p.number == f.page.number).map(|(_, l)| l) else { return 1 };
    let Some(first) = lines.get(f.line) else { return 1 };
    let right = lines.iter().map(|l| l.bbox.x1).fold(0.0_f64, f64::max);
    let title_x = first.words.iter().skip(1).map(|w| w.bbox.x0).next().unwrap_or(first.bbox.x0);
    let in_cell = f.page.tables.iter().any(|t| t.bbox.contains_point(title_x + 1.0, first.bbox.top + 1.0));
    let mut text = first.text.clone();
    let mut n = 1;
    let mut prev = first;
    while let Some(next) = lines.get(f.line + n) {
        let open_paren = text.matches('(').count() > text.matches(')').count();
        let wraps = prev.bbox.x1 > right - 0.12 * (right - title_x).max(1.0)
            && !text.trim_end().ends_with(['.', ':']);
        // "(Pages 27 - 40)" printed at the end of a bold title's first line: the title goes on
        // when the words before the range run to the margin without a full stop.
        let range_mid_title = n == 1
            && PAGES.find(&text).is_some_and(|m| {
                m.end() == text.trim_end().len()
                    && !text[..m.start()].trim_end().ends_with(['.', ':'])
                    && prev.bbox.x1 > right - 0.12 * (right - title_x).max(1.0)
            })
            // Only a bold title: a plain line under a plain title may be its description.
            && first.bold
            && next.bold
            && !PAGES.is_match(&next.text);
        // A wrapped line starts under the title, or under the number when the title follows it
        // after a tab with no hanging indent (Word's hand-numbered items).
        let aligned = (next.bbox.x0 - title_x).abs() < 4.0 || (next.bbox.x0 - first.bbox.x0).abs() < 4.0;
        let close = next.bbox.top - prev.bbox.bottom < 1.2 * prev.size;
        let same_weight = next.bold == first.bold;
        // A title wrapped inside its paragraph (a table cell, or a bold title block): the next
        // line of the same layout block in the same weight. A plain title only in a table cell,
        // where a description is its own paragraph; in a cell the range is the page column's,
        // so it does not close the title.
        let same_para = same_weight
            && (first.bold || in_cell)
            && same_block(f.page, (title_x, prev.bbox.top), (next.bbox.x0, next.bbox.top));
        // A range ends the title where it ends the line; one printed mid-line ("… (Pages 1 - 26)
        // and" / "matters arising.") leaves the title open.
        let range_ends_line = PAGES.find_iter(&text).last().is_some_and(|m| m.end() >= text.trim_end().len());
        let cell_continues = in_cell && same_para;
        let has_pages = range_ends_line && !(open_paren || range_mid_title || cell_continues);
        if !aligned
            || !close
            || ITEM.is_match(next.text.trim())
            || has_pages
            || !(open_paren || range_mid_title || wraps && same_weight || same_para)
        {
            break;
        }
        text.push(' ');
        text.push_str(&next.text);
        prev = next;
        n += 1;
        if n > MAX_TITLE_LINES {
            break;
        }
    }
    n
}

/// The most lines a title runs to (a long title wrapped in a narrow table cell).
const MAX_TITLE_LINES: usize = 8;

/// Whether two line starts (x, top) lie in one layout block (one paragraph or table cell).
fn same_block(page: &Page, a: (f64, f64), b: (f64, f64)) -> bool {
    page.blocks.iter().any(|blk| {
        blk.bbox.contains_point(a.0 + 1.0, a.1 + 1.0) && blk.bbox.contains_point(b.0 + 1.0, b.1 + 1.0)
    })
}

/// Lines before the first item on the first page (the table header repeated on later pages).
fn preamble(rows: &[(&Page, Vec<Line>)], found: &[Found]) -> HashSet<String> {
    let Some(first) = found.first() else { return HashSet::new() };
    rows.iter()
        .find(|(p, _)| p.number == first.page.number)
        .map(|(_, lines)| lines.iter().take(first.line).map(|l| squash(&l.text)).collect())
        .unwrap_or_default()
}

fn build_item(
    ctx: &Context,
    rows: &[(&Page, Vec<Line>)],
    f: &Found,
    next: Option<&Found>,
    preamble: &HashSet<String>,
    out: &mut Extraction,
    unmapped: &mut Vec<String>,
) -> AgendaItem {
    // Title lines and description lines, across pages up to the next item.
    let mut title_parts = vec![f.head.clone()];
    let mut desc = Vec::new();
    let mut started = false;
    let mut bbox = None;
    let mut prev_bottom: Option<f64> = None;
    'pages: for (page, lines) in rows {
        for (i, l) in lines.iter().enumerate() {
            if page.number == f.page.number && i == f.line {
                started = true;
                bbox = Some(l.bbox);
                prev_bottom = Some(l.bbox.bottom);
                continue;
            }
            if !started {
                continue;
            }
            if let Some(n) = next {
                if page.number == n.page.number && i == n.line {
                    break 'pages;
                }
            }
            let t = l.text.trim();
            if page.number == f.page.number && i < f.line + f.title_lines {
                title_parts.push(t.to_string());
            } else if PRIVATE_HEADING.is_match(t) || PUBLIC_HEADING.is_match(t) {
                break 'pages;
            } else if !preamble.contains(&squash(t)) {
                // The last item's text ends at the left margin, a sign-off or a wide gap.
                // The item's own row (of the merged rows `f.line` indexes).
                let (item_x, item_top) = bbox.map_or((0.0, 0.0), |b| (b.x0, b.top));
                let gap = prev_bottom.map(|b| l.bbox.top - b).unwrap_or(0.0);
                // A line printed above the item on its own page (a reference stamp at the top
                // right, read after the items) is not the item's.
                let above_item = page.number == f.page.number && l.bbox.bottom <= item_top;
                if next.is_none()
                    && (l.bbox.x0 < item_x - 4.0 || SIGN_OFF.is_match(t) || gap > 3.0 * l.size || above_item)
                {
                    break 'pages;
                }
                prev_bottom = Some(l.bbox.bottom);
                desc.push(t.to_string());
            }
        }
    }
    let mut title = join_lines(title_parts.iter().map(String::as_str));
    let mut page_range = None;
    if let Some(c) = PAGES.captures(&title) {
        let a = c.name("a").and_then(|m| m.as_str().parse::<u32>().ok());
        let b = c.name("b").and_then(|m| m.as_str().parse::<u32>().ok()).or(a);
        if let (Some(a), Some(b)) = (a, b) {
            if a <= b {
                page_range = Some(PageRange { first: a, last: b });
            }
        }
        if let Some(m) = c.get(0) {
            title = format!(
                "{}{}",
                title.get(..m.start()).unwrap_or_default(),
                title.get(m.end()..).unwrap_or_default()
            );
        }
    }
    let title = squash(&title).trim_end_matches([',', '-', '–', ':']).trim().to_string();
    let description = (!desc.is_empty()).then(|| join_lines(desc.iter().map(String::as_str)));
    let all = format!("{title} {}", description.as_deref().unwrap_or_default());
    let lead = LEAD.captures(&all).and_then(|c| c.name("lead")).map(|m| {
        let l = m.as_str();
        let end = LEAD_STOP.find(l).map(|s| s.start()).unwrap_or(l.len());
        squash(l.get(..end).unwrap_or(l)).trim_end_matches([',', ';']).to_string()
    });
    let time_allowed_minutes = TIME_ALLOWED
        .captures(&all)
        .and_then(|c| ["a", "b", "c"].iter().find_map(|k| c.name(k)).and_then(|m| m.as_str().parse().ok()));
    let exempt = f.exempt_part || EXEMPT.is_match(&all);

    let mut section_ids = Vec::new();
    if let Some(r) = page_range {
        match (physical(ctx.layout, r.first), physical(ctx.layout, r.last)) {
            (Some(a), Some(b)) if a <= b => {
                section_ids = ctx
                    .sections
                    .iter()
                    .filter(|s| s.first_page <= b && s.last_page >= a)
                    .map(|s| s.id.clone())
                    .collect();
                let starts_on_edge = ctx.section_at(a).is_some_and(|s| s.first_page == a);
                let ends_on_edge = ctx.section_at(b).is_some_and(|s| s.last_page == b);
                if !starts_on_edge || !ends_on_edge {
                    out.warnings.push(Warning::new(
                        WarningCode::PageRangeUnmatched,
                        format!(
                            "item {} prints pages {}-{} (physical {a}-{b}), which {} inside a section",
                            f.number,
                            r.first,
                            r.last,
                            if !starts_on_edge && !ends_on_edge {
                                "start and end"
                            } else if !starts_on_edge {
                                "starts"
                            } else {
                                "ends"
                            }
                        ),
                        Some(a),
                    ));
                }
            }
            _ => unmapped.push(f.number.clone()),
        }
    }
    let bbox = bbox.unwrap_or(crate::layout::BBox { x0: 0.0, top: 0.0, x1: 0.0, bottom: 0.0 });
    AgendaItem {
        number: trim_delimiter(&f.number).split_whitespace().collect::<String>(),
        title,
        page_range,
        section_ids,
        description,
        lead,
        time_allowed_minutes,
        exempt,
        provenance: provenance(f.page.number, &bbox),
    }
}

/// Sections holding pages stamped "Agenda Item N" (an item printed without a page range).
fn stamped_sections(ctx: &Context, number: &str) -> Vec<String> {
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^agenda\s+item\s*(?:no\.?\s*)?(?P<n>\d{1,3}[a-z]?)\.?$").expect("valid regex")
    });
    let stamped = |p: &Page| {
        p.furniture.iter().map(|(_, l)| l).chain(p.lines.iter().take(2)).any(|l| {
            STAMP
                .captures(l.text.trim())
                .and_then(|c| c.name("n"))
                .is_some_and(|n| n.as_str().eq_ignore_ascii_case(number))
        })
    };
    let mut ids: Vec<String> = Vec::new();
    for p in ctx.layout.pages.iter().filter(|p| stamped(p)) {
        if let Some(s) = ctx.section_at(p.number) {
            if !ids.contains(&s.id) && !matches!(s.kind, SectionKind::Agenda | SectionKind::Cover) {
                ids.push(s.id.clone());
            }
        }
    }
    ids
}

/// The physical page of a printed page: its stamp, else the nearest stamped page plus the
/// difference (a blank page at the end of a paper often has no stamp).
fn physical(layout: &Layout, printed: u32) -> Option<u32> {
    if let Some(p) = layout.physical_page(printed) {
        return Some(p);
    }
    let nearest = layout
        .pages
        .iter()
        .filter_map(|p| p.printed_number.map(|n| (p.number, n)))
        .min_by_key(|(_, n)| n.abs_diff(printed))?;
    if nearest.1.abs_diff(printed) > 2 {
        return None;
    }
    let phys = i64::from(nearest.0) + i64::from(printed) - i64::from(nearest.1);
    (phys >= 1 && phys <= layout.pages.len() as i64).then_some(phys as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_lines() {
        let cases = [
            ("3 Minutes from the previous meeting held on 5 September 2022 (Pages 11 - 14)", Some("3")),
            ("5. 24/00108 - Revenue and Capital Budget Monitoring Report", Some("5")),
            ("Agenda Item 7 Home to School Transport", Some("7")),
            ("5a Petitions", Some("5a")),
            ("5(a) Treasury Management Strategy", Some("5(a)")),
            ("A2 Minutes of the meeting held on 5 December 2024", Some("A2")),
            ("2022 Key Stage assessment results", None),
            ("15 - 18)", None),
        ];
        for (t, want) in cases {
            let got = ITEM
                .captures(t)
                .filter(|c| {
                    c.name("delim").is_some()
                        || !c
                            .name("title")
                            .is_some_and(|m| m.as_str().starts_with(|ch: char| ch.is_ascii_digit()))
                })
                .and_then(|c| c.name("num"))
                .map(|m| m.as_str().to_string());
            assert_eq!(got.as_deref(), want, "{t}");
        }
    }

    fn line(x: f64, top: f64, text: &str) -> Line {
        use crate::layout::{BBox, LineData};
        Line::new(LineData {
            words: Default::default(),
            bbox: BBox { x0: x, top, x1: x + 300.0, bottom: top + 11.0 },
            text: text.into(),
            size: 11.0,
            bold: false,
            bullet: None,
        })
    }

    fn page(lines: Vec<Line>) -> Page {
        Page {
            number: 1,
            width: 595.0,
            height: 842.0,
            lines,
            blocks: Vec::new(),
            tables: Vec::new(),
            furniture: Vec::new(),
            printed_number: None,
            fills: Vec::new(),
            rules: Vec::new(),
            has_text: true,
            readable: true,
            body_size: 11.0,
        }
    }

    #[test]
    fn a_date_line_before_item_one_is_not_an_item() {
        let p = page(vec![
            line(50.0, 100.0, "3 October 2022 at 1.00 pm"),
            line(50.0, 130.0, "1. Apologies"),
            line(70.0, 145.0, "1. Not an item: a numbered line of a description"),
            line(50.0, 160.0, "2. Declarations of Interest"),
            line(50.0, 190.0, "3. Minutes (Pages 1 - 4)"),
        ]);
        let rows = vec![(&p, p.lines.clone())];
        let found: Vec<String> =
            find_items(&rows).iter().map(|f| format!("{} {}", f.number, f.head)).collect();
        assert_eq!(found, ["1 Apologies", "2 Declarations of Interest", "3 Minutes (Pages 1 - 4)"]);
    }

    #[test]
    fn lettered_parts_restart_the_count() {
        let p = page(vec![
            line(50.0, 100.0, "A1. Welcome"),
            line(50.0, 130.0, "A2. Minutes"),
            line(50.0, 160.0, "B1. Strategy"),
            line(50.0, 190.0, "A7. Not next: a part does not go back"),
            line(50.0, 220.0, "B2. Better Care Fund"),
        ]);
        let rows = vec![(&p, p.lines.clone())];
        let found: Vec<String> = find_items(&rows).iter().map(|f| f.number.clone()).collect();
        assert_eq!(found, ["A1", "A2", "B1", "B2"]);
    }

    #[test]
    fn numbers_keep_their_bracketed_letter() {
        assert_eq!(trim_delimiter("5(a)"), "5(a)");
        assert_eq!(trim_delimiter("7)"), "7");
        assert_eq!(trim_delimiter("7."), "7");
        assert!(
            PAGES_CELL.is_match("5 - 12")
                && PAGES_CELL.is_match("Pages 13-20")
                && !PAGES_CELL.is_match("2025/26")
        );
    }

    #[test]
    fn time_allowed_forms() {
        let m = |t: &str| {
            TIME_ALLOWED
                .captures(t)
                .and_then(|c| ["a", "b", "c"].iter().find_map(|k| c.name(k)))
                .map(|m| m.as_str().to_string())
        };
        assert_eq!(m("Note – the Chair will allow 35 minutes for this agenda item.").as_deref(), Some("35"));
        assert_eq!(m("Time allowed: 20 mins").as_deref(), Some("20"));
        assert_eq!(m("within 35 days"), None);
    }
}
