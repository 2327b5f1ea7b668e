//! Progress reports: programme status, period, director's summary, workstreams and their lists.
//!
//! Reads the pages of `progress_report` sections (or the whole file when it is a progress report
//! and no section says so). Slides of a transformation deck look like:
//!
//! ```text
//!   Priority Workstreams
//!   Local mainstream school is      Families can access          (bold column headings)
//!   the right choice …              support early
//!   • Mainstream Plus               • Best Start In Life         (projects)
//!
//!   Overarching Status: R     May/June 2024
//!   Working Well              Challenges                Escalations
//!   • Board now in place …    • DSG: Costs increased …  • Risk to delivering savings:
//!                                                       – Construction delays …
//! ```
//!
//! - The overview slide: two or more columns, each a bold heading (the workstream's name,
//!   wrapped over lines) over bullets (its projects).
//! - A list slide: headings "Working Well" / "Not working well" / "To Escalate" (and synonyms)
//!   side by side or stacked; every line is given to the nearest heading above it whose column
//!   holds its left edge, so columns are read top to bottom, never across. The slide's title is
//!   matched to a workstream by its words; a slide that matches none and speaks of the
//!   programme, finance or the overall position fills the programme's own lists.
//! - Sub-headings inside a list (a bullet followed by lower-level bullets, or a short bold
//!   line) prefix the items under them: "Neighbourhood Working: Neighbourhood working pilot …".
//! - "N/A", "None" and the like make an empty list.
//!
//! - The overall status: "Overarching Status: R" (letter or word, label and letter may be
//!   separate fragments of one row), or the colour of a box beside or behind a bare
//!   "Overall status:" label. The period: a labelled one ("Reporting period: …"), else the
//!   first month-year or quarter printed, cover first.
//!
//! - A report page with several workstreams: each bold heading with a list heading flush under
//!   it opens that workstream's part of the page, read as a slide of its own.
//! - An overview table (Workstream | Lead | Status): its rows are the workstreams, each status a
//!   word, a letter or the cell's colour (red/amber/green/blue by hue; grey is warned of as
//!   `status_unreadable`); an "Overall programme" row is the programme's status.
//! - A workstream's status may be blue (complete); the programme's is red, amber or green.
//!
//! Known limits: a status shown only as a coloured shape with no label is not read, nor a box
//! drawn with curves (a circle, a rounded rectangle: only straight-edged fills are boxes); a slide
//! whose title shares too few words with any overview name becomes a workstream of its own;
//! stacked and side-by-side headings mixed on one slide may hand a column's tail to the wrong
//! list; a list that runs on to the next page without its heading is lost; several progress
//! reports in one pack give one merged record. The layout stage marks a word starting with "o"
//! as an "o" bullet ("o versight"); that is undone here.

use std::sync::LazyLock;

use regex::Regex;

use super::read::columns::{column_of, find_columns, header_row, Synonyms};
use super::read::headings::{list_meaning, ListMeaning};
use super::read::rag::{rating_in_cell, rating_of_hue, rating_of_word, Hue, Rating};
use super::read::rows::line_rows;
use super::read::text::{is_slide_furniture, squash};
use super::read::tol::{INDENT_PT, SAME_EDGE_PT};
use super::{provenance, Context};
use crate::contract::{
    DocumentType, Extraction, Progress, ProjectDetail, Rag, RagStatus, SectionKind, Warning, WarningCode,
    Workstream,
};
use crate::layout::{join_lines, BBox, Line, Page, TableSource};

/// Which of a slide's lists a heading opens (by meaning, from the reading kit).
type ListKind = ListMeaning;

/// "Overarching Status: R", "Overall RAG status – Amber", "Programme status: Red/Amber".
static STATUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?P<scope>overarching|overall|programme|project|workstream|delivery)?\s*
        (?:(?:rag\s+)?status|rag)\s*[:\-–]?\s*
        (?P<rag>red\s*/\s*amber|amber\s*/\s*red|amber\s*/\s*green|green\s*/\s*amber|red|amber|green|blue|on\s+track|off\s+track|at\s+risk|(?-i:[RAG])(?:\s*/\s*(?-i:[RAG]))?)
        \b",
    )
    .expect("valid regex")
});

/// "June 2024", "May/June 2024", "Q1 2024/25", "Quarter 2 2024-25".
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(
            (?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*(?:/|-|–|&|to|and)\s*)?
            (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}
          | (?:q|quarter\s*)[1-4]\s+\d{4}(?:\s*[/\-–]\s*\d{2,4})?
        )\b",
    )
    .expect("valid regex")
});

/// A list entry that means "nothing": "N/A", "None", "Nil", "None to report".
static NOTHING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:n/?a|none(?:\s+(?:to\s+report|at\s+this\s+time|identified|this\s+(?:period|quarter|month)))?|nil|nothing\s+to\s+(?:escalate|report)|no\s+escalations?|[-–—]+)\s*\.?\s*$").expect("valid regex")
});

/// Slide titles that speak of the programme as a whole, not one workstream.
static PROGRAMME_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:finance|financial|overarching|overall|programme|program|whole|director|director.s|executive|headlines?)\b").expect("valid regex")
});

/// Slide titles of the director's or executive summary.
static SUMMARY_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:summary|key\s+messages|headlines|highlights)\b").expect("valid regex")
});

/// Overview slides that name the workstreams.
static OVERVIEW_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:workstreams?|work\s+streams?|priorities|priority|projects|programme\s+overview)\b")
        .expect("valid regex")
});

/// Words that say nothing about which workstream a slide is about.
const STOP: &[&str] = &[
    "the",
    "and",
    "for",
    "with",
    "are",
    "our",
    "all",
    "its",
    "into",
    "from",
    "summary",
    "priority",
    "update",
    "report",
    "workstream",
    "progress",
];

/// Fills `progress` and `workstreams` from the progress-report pages.
pub fn extract(ctx: &Context, out: &mut Extraction) {
    let pages = report_pages(ctx);
    let Some(first) = pages.first() else {
        return;
    };
    if out.progress.is_some() || !out.workstreams.is_empty() {
        return;
    }
    let mut progress = Progress {
        title: title_of(first),
        period: None,
        overall_status: None,
        summary: vec![],
        working_well: vec![],
        not_working_well: vec![],
        escalations: vec![],
        provenance: provenance(first.number, &title_box(first)),
    };
    let mut workstreams: Vec<Workstream> = vec![];
    // A labelled period wins; else the cover's, else the first slide that prints one.
    progress.period =
        pages.iter().find_map(|p| labelled_period(p)).or_else(|| pages.iter().find_map(|p| period_of(p)));

    for page in &pages {
        // An overview table (Workstream | Lead | Status) names the workstreams and their status.
        read_status_table(page, &mut progress, &mut workstreams, &mut out.warnings);
        // A report page with several workstreams, each a heading over its own lists.
        let parts = workstream_parts(page);
        if parts.len() >= 2 {
            for (title, part) in &parts {
                let heads = list_headings(part);
                read_list_slide(part, title, &heads, &mut progress, &mut workstreams, &mut out.warnings);
            }
            continue;
        }
        let mut title = slide_title(page);
        let heads = list_headings(page);
        if title.text.is_empty() && !heads.is_empty() {
            // A report page rather than a slide: the bold heading over the lists names them.
            title = heading_above(page, &heads);
        }
        if !heads.is_empty() {
            read_list_slide(page, &title, &heads, &mut progress, &mut workstreams, &mut out.warnings);
            continue;
        }
        if workstreams.is_empty() {
            let found = overview(page, &title);
            if !found.is_empty() {
                workstreams = found;
                continue;
            }
        }
        let bulleted = page.lines.iter().any(|l| item_start(l).0.is_some());
        let ruled = page.tables.iter().any(|t| t.source == TableSource::Ruled);
        if progress.summary.is_empty() && bulleted && !ruled && SUMMARY_TITLE.is_match(&title.text) {
            let lines: Vec<&Line> = page.lines.iter().filter(|l| l.bbox.top > title.bottom).collect();
            progress.summary = read_list(&lines);
        }
        if progress.overall_status.is_none() {
            progress.overall_status = status_of(page, true);
        }
    }
    if progress.overall_status.is_none() {
        progress.overall_status = pages.iter().find_map(|p| status_of(p, true));
    }
    out.progress = Some(progress);
    out.workstreams = workstreams;
}

/// The pages to read: the progress-report sections, or every page of a progress report.
fn report_pages<'a>(ctx: &Context<'a>) -> Vec<&'a Page> {
    let mut pages: Vec<&Page> =
        ctx.sections_of(SectionKind::ProgressReport).flat_map(|s| ctx.pages_of(s)).collect();
    if pages.is_empty() && ctx.document_type == DocumentType::ProgressReport {
        pages = ctx.layout.pages.iter().collect();
    }
    pages.retain(|p| p.has_text);
    pages
}

/// A slide's title: its largest lines near the top, joined.
struct Title {
    text: String,
    bottom: f64,
    bbox: BBox,
}

fn slide_title(page: &Page) -> Title {
    let max = page.lines.iter().map(|l| l.size).fold(0.0_f64, f64::max);
    let body = if page.body_size > 0.0 { page.body_size } else { max };
    let mut title = Title { text: String::new(), bottom: 0.0, bbox: BBox::EMPTY };
    if max < body * 1.4 {
        return title;
    }
    let lines: Vec<&Line> =
        page.lines.iter().filter(|l| l.size >= max * 0.85 && l.bbox.top < page.height * 0.4).collect();
    title.text = join_lines(lines.iter().map(|l| l.text.as_str()));
    title.bottom = lines.iter().map(|l| l.bbox.bottom).fold(0.0, f64::max);
    title.bbox = lines.iter().fold(BBox::EMPTY, |b, l| b.union(&l.bbox));
    title
}

/// The bold heading nearest above a page's first list heading (its wrapped lines joined).
fn heading_above(page: &Page, heads: &[(Option<ListKind>, BBox)]) -> Title {
    let first_top =
        heads.iter().filter(|(k, _)| k.is_some()).map(|(_, b)| b.top).fold(f64::INFINITY, f64::min);
    let mut above: Vec<&Line> = page
        .lines
        .iter()
        .filter(|l| {
            l.bold
                && l.bullet.is_none()
                && l.bbox.bottom <= first_top + 0.5
                && !heads.iter().any(|(_, b)| b == &l.bbox)
        })
        .collect();
    above.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top));
    let mut block: Vec<&Line> = vec![];
    for l in above.into_iter().rev() {
        match block.last() {
            Some(prev) if prev.bbox.top - l.bbox.bottom > l.size * 0.8 => break,
            _ => block.push(l),
        }
    }
    block.reverse();
    Title {
        text: join_lines(block.iter().map(|l| l.text.as_str())),
        bottom: block.iter().map(|l| l.bbox.bottom).fold(0.0, f64::max),
        bbox: block.iter().fold(BBox::EMPTY, |b, l| b.union(&l.bbox)),
    }
}

/// The report's title: the first page's largest lines.
fn title_of(page: &Page) -> String {
    let max = page.lines.iter().map(|l| l.size).fold(0.0_f64, f64::max);
    join_lines(page.lines.iter().filter(|l| l.size >= max * 0.85).map(|l| l.text.as_str()))
}

fn title_box(page: &Page) -> BBox {
    let max = page.lines.iter().map(|l| l.size).fold(0.0_f64, f64::max);
    page.lines.iter().filter(|l| l.size >= max * 0.85).fold(BBox::EMPTY, |b, l| b.union(&l.bbox))
}

/// A period given by a label: "Reporting period: April – June 2024".
fn labelled_period(page: &Page) -> Option<String> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:reporting\s+period|period\s+covered|period)\s*[:\-–]\s*(?P<v>\S.*)$")
            .expect("valid regex")
    });
    page.lines.iter().find_map(|l| {
        let v = LABEL.captures(&l.text)?.name("v")?.as_str();
        PERIOD.find(v).map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "))
    })
}

/// The first period printed on a page, read by rows (a month and its year may be two fragments).
fn period_of(page: &Page) -> Option<String> {
    rows(page).iter().find_map(|(text, _, _)| {
        PERIOD.find(text).map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "))
    })
}

/// A RAG status printed on the page; `overall` asks for the programme's (an unscoped or
/// programme-wide status), else any. The label and its letter may be separate fragments of
/// one row, so rows are read whole; a label with no word after it takes the colour of a filled
/// box beside it or behind it.
fn status_of(page: &Page, overall: bool) -> Option<RagStatus> {
    shown_status(page, overall).and_then(|s| s.ok()).and_then(status_of_rating)
}

/// As [`status_of`] with blue kept (a workstream's status may be blue), and a box whose colour
/// is none of red/amber/green/blue (grey) as `Err` with its colour, to be warned of.
fn shown_status(page: &Page, overall: bool) -> Option<Result<Rating, [u8; 3]>> {
    let programme_wide = |scope: Option<regex::Match>| {
        matches!(
            scope.map(|m| m.as_str().to_lowercase()).as_deref(),
            Some("overarching" | "overall" | "programme")
        )
    };
    let printed = rows(page).iter().find_map(|(text, _, _)| {
        let c = STATUS.captures(text)?;
        if overall && !programme_wide(c.name("scope")) {
            return None;
        }
        rating_of_word(c.name("rag")?.as_str())
    });
    if let Some(p) = printed {
        return Some(Ok(p));
    }
    page.lines.iter().find_map(|l| {
        let c = STATUS_LABEL.captures(&l.text)?;
        if overall && !programme_wide(c.name("scope")) {
            return None;
        }
        let (b, size) = (&l.bbox, l.size);
        let fill = page
            .fills
            .iter()
            .filter(|f| {
                (f.x1 - f.x0) < page.width * 0.3 && f.bottom > b.top - size && f.top < b.bottom + size
            })
            .find(|f| (f.x0 >= b.x1 - 1.0 && f.x0 < b.x1 + size * 6.0) || (f.x0 <= b.x0 && f.x1 >= b.x1))?;
        Some(match rating_of_hue(fill.color) {
            Hue::Rating(r) => Ok(r),
            Hue::Unreadable => Err(fill.color),
        })
    })
}

/// A status label with nothing after it: "Overall status:".
static STATUS_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<scope>overarching|overall|programme|project|workstream|delivery)?\s*(?:rag\s+)?(?:status|rag)\s*:?\s*$").expect("valid regex")
});

/// The programme's overall status has no blue (contract: red, amber or green).
fn status_of_rating(r: Rating) -> Option<RagStatus> {
    match r {
        Rating::Red => Some(RagStatus::Red),
        Rating::Amber => Some(RagStatus::Amber),
        Rating::Green => Some(RagStatus::Green),
        Rating::Blue => None,
    }
}

/// The page's rows: fragments on one baseline joined left to right, with their box and size.
fn rows(page: &Page) -> Vec<(String, BBox, f64)> {
    line_rows(&page.lines).into_iter().map(|r| (r.text, r.bbox, r.size)).collect()
}

/// "R", "Red", "Amber/Red" (the worse of two).
#[cfg(test)]
fn rag(text: &str) -> Option<RagStatus> {
    rating_of_word(text).and_then(status_of_rating)
}

/// A workstream's or project's status: red, amber, green or blue (complete).
fn rag_of(r: Rating) -> Rag {
    match r {
        Rating::Red => Rag::Red,
        Rating::Amber => Rag::Amber,
        Rating::Green => Rag::Green,
        Rating::Blue => Rag::Blue,
    }
}

/// The list headings of a slide with the box of each, and the headings of other matter
/// ("Next steps", "Key milestones") that end a list above them (kind `None`). Empty when the
/// slide has no list heading.
fn list_headings(page: &Page) -> Vec<(Option<ListKind>, BBox)> {
    let in_table = |l: &Line| page.tables.iter().any(|t| t.bbox.contains_point(l.bbox.cx(), l.bbox.cy()));
    let short = |l: &Line| l.bullet.is_none() && l.text.split_whitespace().count() <= 6 && !in_table(l);
    let mut heads: Vec<(Option<ListKind>, BBox, f64)> = vec![];
    let mut used: Vec<usize> = vec![];
    for (i, l) in page.lines.iter().enumerate() {
        if !short(l) || used.contains(&i) || wraps_on(page, l) {
            continue;
        }
        // A heading wrapped in a narrow box: "Not working" over "well".
        let below = page.lines.iter().enumerate().find(|(j, m)| {
            *j != i
                && short(m)
                && m.bold == l.bold
                && (m.size - l.size).abs() < 0.6
                && m.bbox.top > l.bbox.top
                && m.bbox.top - l.bbox.bottom < l.size * 0.6
                && ((m.bbox.x0 - l.bbox.x0).abs() < INDENT_PT
                    || (m.bbox.cx() - l.bbox.cx()).abs() < SAME_EDGE_PT)
        });
        let joined = below.map(|(j, m)| (j, m, format!("{} {}", l.text, m.text), l.bbox.union(&m.bbox)));
        let (text, bbox) = match &joined {
            Some((j, m, t, b)) if joins(&l.text, &m.text, t) => {
                used.push(*j);
                (t.as_str(), *b)
            }
            _ => (l.text.as_str(), l.bbox),
        };
        if OTHER_HEADING.is_match(text) {
            heads.push((None, bbox, l.size));
            continue;
        }
        let Some(kind) = list_meaning(text) else {
            continue;
        };
        heads.push((Some(kind), bbox, l.size));
    }
    let Some(size) = heads.iter().filter(|h| h.0.is_some()).map(|h| h.2).reduce(f64::max) else {
        return vec![];
    };
    let first_top = heads.iter().filter(|h| h.0.is_some()).map(|h| h.1.top).fold(f64::INFINITY, f64::min);
    let mut out: Vec<(Option<ListKind>, BBox)> = heads.into_iter().map(|(k, b, _)| (k, b)).collect();
    // A larger bold line below the lists (another panel's title) ends them too.
    out.extend(
        page.lines
            .iter()
            .filter(|l| l.bold && l.bullet.is_none() && l.size > size * 1.15 && l.bbox.top > first_top)
            .map(|l| (None, l.bbox)),
    );
    out
}

/// Whether two stacked lines are one wrapped heading: together they are one, and either a part
/// alone is none ("What needs to" / "improve") or the upper part already means it ("Not
/// working" / "well"); two headings stacked ("Successes" / "Challenges") stay two.
fn joins(upper: &str, lower: &str, joined: &str) -> bool {
    let Some(both) = list_meaning(joined) else { return false };
    match (list_meaning(upper), list_meaning(lower)) {
        (None, _) | (_, None) => true,
        (Some(u), Some(_)) => u == both,
    }
}

/// Whether a line carries on the line just above it (same size and weight, flush, close below)
/// and the two together are no list heading: "Improvement Programme" under "Wessex Adult Care"
/// is a wrapped title, not a heading.
fn wraps_on(page: &Page, l: &Line) -> bool {
    page.lines.iter().any(|m| {
        m.bold == l.bold
            && (m.size - l.size).abs() < 0.6
            && m.bbox.top < l.bbox.top
            && l.bbox.top - m.bbox.bottom < l.size * 0.6
            && (m.bbox.x0 - l.bbox.x0).abs() < INDENT_PT
            && list_meaning(&format!("{} {}", m.text, l.text)).is_none()
            && list_meaning(&m.text).is_none()
    })
}

/// Headings of slide panels that are not one of the three lists.
static OTHER_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(?:
            next\s+steps | key\s+milestones | milestones | upcoming\s+milestones | key\s+dates | timeline
          | recommendations? | (?:next\s+)?actions\s+(?:required|needed) | next\s+actions
          | key\s+(?:performance\s+)?(?:indicators|measures|metrics)
          | priorities\s+for\s+(?:the\s+)?next\s+(?:period|quarter|month) | forward\s+look | look\s+ahead | areas\s+of\s+focus
        )\s*:?\s*$",
    )
    .expect("valid regex")
});

/// The x range a heading's column covers: the table cell it heads, else halfway to the
/// headings beside it on its row.
fn column_range(page: &Page, heads: &[(Option<ListKind>, BBox)], i: usize) -> (f64, f64) {
    let Some((_, me)) = heads.get(i) else {
        return (f64::NEG_INFINITY, f64::INFINITY);
    };
    // Only drawn cells say where a column ends; aligned "cells" are just the text's extent.
    let cell = page
        .tables
        .iter()
        .filter(|t| t.source == TableSource::Ruled)
        .flat_map(|t| t.rows.iter())
        .flat_map(|r| r.cells.iter())
        .find(|c| c.bbox.contains_point(me.cx(), me.cy()) && c.bbox.width() > me.width());
    if let Some(c) = cell {
        return (c.bbox.x0 - 1.0, c.bbox.x1 + 1.0);
    }
    let mut lo = f64::NEG_INFINITY;
    let mut hi = f64::INFINITY;
    for (j, (_, o)) in heads.iter().enumerate() {
        if j == i || (o.top - me.top).abs() > me.height().max(o.height()) {
            continue;
        }
        if o.x0 > me.x0 {
            hi = hi.min((me.x1 + o.x0) / 2.0);
        } else {
            lo = lo.max((o.x1 + me.x0) / 2.0);
        }
    }
    (lo, hi)
}

/// Reads a slide of Working Well / Not working well / To Escalate lists.
fn read_list_slide(
    page: &Page,
    title: &Title,
    heads: &[(Option<ListKind>, BBox)],
    progress: &mut Progress,
    workstreams: &mut Vec<Workstream>,
    warnings: &mut Vec<Warning>,
) {
    let ranges: Vec<(f64, f64)> = (0..heads.len()).map(|i| column_range(page, heads, i)).collect();
    let first_top =
        heads.iter().filter(|(k, _)| k.is_some()).map(|(_, b)| b.top).fold(f64::INFINITY, f64::min);
    let mut columns: Vec<Vec<&Line>> = vec![vec![]; heads.len()];
    for line in &page.lines {
        if line.bbox.top < first_top
            || heads.iter().any(|(_, b)| b.contains_point(line.bbox.cx(), line.bbox.cy()))
        {
            continue;
        }
        let owner = heads
            .iter()
            .enumerate()
            .filter(|(i, (_, b))| {
                let (lo, hi) = ranges.get(*i).copied().unwrap_or((f64::NEG_INFINITY, f64::INFINITY));
                b.top < line.bbox.top && lo <= line.bbox.x0 && line.bbox.x0 < hi
            })
            .max_by(|a, b| a.1 .1.top.total_cmp(&b.1 .1.top))
            .map(|(i, _)| i);
        if let Some(col) = owner.and_then(|i| columns.get_mut(i)) {
            col.push(line);
        }
    }
    let mut lists: [Vec<String>; 4] = [vec![], vec![], vec![], vec![]];
    for ((kind, _), col) in heads.iter().zip(columns.iter_mut()) {
        col.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top).then(a.bbox.x0.total_cmp(&b.bbox.x0)));
        let slot = match kind {
            Some(ListKind::WorkingWell) => 0,
            Some(ListKind::NotWorkingWell) => 1,
            Some(ListKind::Escalations) => 2,
            Some(ListKind::Projects) => 3,
            None => continue,
        };
        if let Some(l) = lists.get_mut(slot) {
            l.extend(read_list(col));
        }
    }
    let [ww, nww, esc, projects] = lists;
    // A slide's own status is printed in its header, above the lists; text inside the lists is
    // not read for it.
    let shown = shown_status(page, false).filter(|_| {
        let first_list =
            heads.iter().filter(|(k, _)| k.is_some()).map(|(_, b)| b.top).fold(f64::INFINITY, f64::min);
        rows(page)
            .iter()
            .any(|(t, b, _)| b.top < first_list && (STATUS.is_match(t) || STATUS_LABEL.is_match(t)))
            || page.lines.iter().any(|l| l.bbox.top < first_list && STATUS_LABEL.is_match(&l.text))
    });
    if let Some(Err([r, g, b])) = shown {
        warnings.push(Warning {
            code: WarningCode::StatusUnreadable,
            message: format!(
                "the status box of \"{}\" is coloured #{r:02x}{g:02x}{b:02x}, none of red, amber, green or blue",
                title.text
            ),
            page: Some(page.number),
        });
    }
    let rating = shown.and_then(Result::ok);
    let status = rating.map(rag_of);
    let details = project_details(page);
    let projects: Vec<String> =
        if details.is_empty() { projects } else { details.iter().map(|d| d.name.clone()).collect() };
    // The workstream whose name's words the title holds best.
    let best = workstreams
        .iter()
        .enumerate()
        .map(|(i, w)| (i, name_match(&w.name, &title.text)))
        .filter(|(_, s)| *s >= 0.6)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i);
    if let Some(w) = best.and_then(|i| workstreams.get_mut(i)) {
        add_projects(w, projects, details);
        w.working_well.extend(ww);
        w.not_working_well.extend(nww);
        w.escalations.extend(esc);
        if w.status.is_none() {
            w.status = status;
        }
        return;
    }
    let programme_empty = progress.working_well.is_empty()
        && progress.not_working_well.is_empty()
        && progress.escalations.is_empty();
    if programme_empty && (title.text.is_empty() || PROGRAMME_TITLE.is_match(&title.text)) {
        progress.working_well = ww;
        progress.not_working_well = nww;
        progress.escalations = esc;
        if progress.overall_status.is_none() {
            progress.overall_status = rating.and_then(status_of_rating);
        }
        return;
    }
    // A short title ("Sufficiency – Summary") names a workstream still without lists when most
    // of its words are in that workstream's name and in no other's.
    let short_name = clean_slide_name(&title.text);
    let scores: Vec<(usize, f64)> = workstreams
        .iter()
        .enumerate()
        .filter(|(_, w)| {
            w.working_well.is_empty() && w.not_working_well.is_empty() && w.escalations.is_empty()
        })
        .map(|(i, w)| (i, share(&short_name, &w.name)))
        .filter(|(_, s)| *s >= 0.5)
        .collect();
    if let [(i, _)] = scores.as_slice() {
        if let Some(w) = workstreams.get_mut(*i) {
            add_projects(w, projects, details);
            w.working_well = ww;
            w.not_working_well = nww;
            w.escalations = esc;
            w.status = w.status.or(status);
            return;
        }
    }
    workstreams.push(Workstream {
        name: short_name,
        projects,
        project_details: details,
        status,
        working_well: ww,
        not_working_well: nww,
        escalations: esc,
        provenance: provenance(page.number, &title.bbox),
    });
}

/// The parts of a report page that holds several workstreams: each bold heading, no smaller than
/// the list headings, whose next line is a list heading flush under it ("Early Help Hubs" over
/// "Highlights") opens a part that runs to the next such heading. Fewer than two such headings:
/// none (the page is read whole).
fn workstream_parts(page: &Page) -> Vec<(Title, Page)> {
    let heads = list_headings(page);
    let is_list_head =
        |l: &Line| heads.iter().any(|(k, b)| k.is_some() && b.contains_point(l.bbox.cx(), l.bbox.cy()));
    let list_size = page.lines.iter().filter(|l| is_list_head(l)).map(|l| l.size).fold(0.0, f64::max);
    let in_table = |l: &Line| page.tables.iter().any(|t| t.bbox.contains_point(l.bbox.cx(), l.bbox.cy()));
    let mut starts: Vec<&Line> = page
        .lines
        .iter()
        .filter(|l| {
            l.bold
                && l.bullet.is_none()
                && l.size > list_size - SIZE_TOL_PT
                && !is_list_head(l)
                && !in_table(l)
                && !OTHER_HEADING.is_match(&l.text)
                && !STATUS_LABEL.is_match(&l.text)
                && !STATUS.is_match(&l.text)
        })
        .filter(|l| {
            // The nearest line below it, across its own column, is a list heading flush under it.
            page.lines
                .iter()
                .filter(|m| {
                    m.bbox.top > l.bbox.bottom - 0.5 && m.bbox.x0 < l.bbox.x1 && m.bbox.x1 > l.bbox.x0
                })
                .min_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top))
                .is_some_and(|m| is_list_head(m) && (m.bbox.x0 - l.bbox.x0).abs() < INDENT_PT)
        })
        .collect();
    if starts.len() < 2 {
        return vec![];
    }
    starts.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top));
    let mut parts = vec![];
    for (i, start) in starts.iter().enumerate() {
        let top = start.bbox.top - 0.5;
        let end = starts.get(i + 1).map_or(f64::INFINITY, |n| n.bbox.top - 0.5);
        let within = |t: f64| t >= top && t < end;
        let mut part = page.clone();
        part.lines.retain(|l| within(l.bbox.top));
        part.blocks.retain(|b| within(b.bbox.top));
        part.tables.retain(|t| within(t.bbox.top));
        part.fills.retain(|f| within(f.top));
        let title = Title { text: start.text.clone(), bottom: start.bbox.bottom, bbox: start.bbox };
        parts.push((title, part));
    }
    parts
}

/// Font sizes closer than this (pt) are one size.
const SIZE_TOL_PT: f64 = 0.5;

/// Header words of an overview table (Workstream | Lead | Status).
const OVERVIEW_HEADERS: &[(ProjectColumn, Synonyms)] = &[
    (ProjectColumn::Status, &["rag", "status", "rating"]),
    (ProjectColumn::Lead, &["lead", "owner", "responsib", "=sro", "sponsor"]),
    (ProjectColumn::Name, &["workstream", "work stream", "=priority", "priorities", "theme", "=area"]),
];

/// A row of an overview table that is the programme's own: "Overall programme", "Overall".
static OVERALL_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:overall|overarching|whole\s+programme|programme(?:\s+(?:overall|status|rag))?\s*$)",
    )
    .expect("valid regex")
});

/// An overview table: a header naming a workstream column and a status column, and no project
/// column (that is a projects table). Its rows are the workstreams (created when no overview
/// named them yet) with their status as a word, a letter or the cell's colour; an "Overall" row
/// gives the programme's status. A colour that is none of red/amber/green/blue is warned of.
fn read_status_table(
    page: &Page,
    progress: &mut Progress,
    workstreams: &mut Vec<Workstream>,
    warnings: &mut Vec<Warning>,
) {
    /// A title row may sit above the header.
    const HEADER_WITHIN: usize = 3;
    for t in &page.tables {
        let Some((h, found)) = header_row(t, HEADER_WITHIN, |cells| {
            let found = find_columns(cells, OVERVIEW_HEADERS);
            let project = cells.iter().any(|c| c.to_lowercase().contains("project"));
            (!project
                && column_of(&found, ProjectColumn::Name).is_some()
                && column_of(&found, ProjectColumn::Status).is_some())
            .then_some(found)
        }) else {
            continue;
        };
        let create = workstreams.is_empty();
        for r in t.rows.iter().skip(h + 1) {
            let cell = |kind| column_of(&found, kind).and_then(|i| r.cells.get(i));
            let Some(name) = cell(ProjectColumn::Name).map(|c| squash(&c.text)).filter(|n| !n.is_empty())
            else {
                continue;
            };
            let shown = cell(ProjectColumn::Status).and_then(|c| {
                rating_in_cell(&c.text).map(Ok).or_else(|| match c.fill.map(rating_of_hue) {
                    Some(Hue::Rating(r)) => Some(Ok(r)),
                    Some(Hue::Unreadable) => c.fill.map(Err),
                    None => None,
                })
            });
            if let Some(Err([r, g, b])) = shown {
                warnings.push(Warning {
                    code: WarningCode::StatusUnreadable,
                    message: format!(
                        "the status of \"{name}\" is coloured #{r:02x}{g:02x}{b:02x}, none of red, amber, green or blue"
                    ),
                    page: Some(page.number),
                });
            }
            let rating = shown.and_then(Result::ok);
            if OVERALL_ROW.is_match(&name) {
                if progress.overall_status.is_none() {
                    progress.overall_status = rating.and_then(status_of_rating);
                }
                continue;
            }
            let known = workstreams.iter_mut().find(|w| name_match(&w.name, &name) >= 0.99);
            match known {
                Some(w) => w.status = w.status.or(rating.map(rag_of)),
                None if create => workstreams.push(Workstream {
                    name,
                    projects: vec![],
                    project_details: vec![],
                    status: rating.map(rag_of),
                    working_well: vec![],
                    not_working_well: vec![],
                    escalations: vec![],
                    provenance: provenance(page.number, &r.bbox),
                }),
                None => {}
            }
        }
    }
}

/// Adds a slide's projects to a workstream's (the overview may have named some already).
fn add_projects(w: &mut Workstream, projects: Vec<String>, details: Vec<ProjectDetail>) {
    for p in projects {
        if !w.projects.contains(&p) {
            w.projects.push(p);
        }
    }
    w.project_details.extend(details);
}

/// What a projects table's column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ProjectColumn {
    Name,
    Lead,
    Status,
    Milestone,
}

/// Header words of a projects table (Project | Lead | RAG | Next milestone).
const PROJECT_HEADERS: &[(ProjectColumn, Synonyms)] = &[
    (ProjectColumn::Milestone, &["milestone", "next step", "key date", "deliverable"]),
    (ProjectColumn::Status, &["rag", "status", "rating"]),
    (ProjectColumn::Lead, &["lead", "owner", "responsib", "=sro", "sponsor"]),
    (ProjectColumn::Name, &["project", "scheme", "initiative", "=name"]),
];

/// The rows of the page's projects tables: a header naming a project column and at least one
/// of lead, status or milestone.
fn project_details(page: &Page) -> Vec<ProjectDetail> {
    let mut out = vec![];
    for t in &page.tables {
        let Some((h, found)) = header_row(t, 2, |cells| {
            let found = find_columns(cells, PROJECT_HEADERS);
            (column_of(&found, ProjectColumn::Name).is_some() && found.len() >= 2).then_some(found)
        }) else {
            continue;
        };
        let cell = |r: &crate::layout::Row, kind| {
            column_of(&found, kind)
                .and_then(|i| r.cells.get(i))
                .map(|c| squash(&c.text))
                .filter(|t| !t.is_empty())
        };
        for r in t.rows.iter().skip(h + 1) {
            let Some(name) = cell(r, ProjectColumn::Name) else { continue };
            let status_cell = column_of(&found, ProjectColumn::Status).and_then(|i| r.cells.get(i));
            let status = status_cell.and_then(|c| {
                rating_in_cell(&c.text).or_else(|| match c.fill.map(rating_of_hue) {
                    Some(Hue::Rating(r)) => Some(r),
                    _ => None,
                })
            });
            out.push(ProjectDetail {
                name,
                lead: cell(r, ProjectColumn::Lead),
                status: status.map(rag_of),
                milestone: cell(r, ProjectColumn::Milestone),
                provenance: provenance(page.number, &r.bbox),
            });
        }
    }
    out
}

/// A slide title without its "– Summary" / "Priority Summary" tail.
fn clean_slide_name(title: &str) -> String {
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s*[-–—:]?\s*(?:priority\s+)?(?:summary|update|progress)(?:\s+report)?\s*$")
            .expect("valid regex")
    });
    static HEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\s*(?:workstream|work\s+stream|priority|project|theme)\s*(?:\d+\s*[:.\-–—]?|[:.\-–—])\s*",
        )
        .expect("valid regex")
    });
    let name = TAIL.replace(title, "");
    HEAD.replace(&name, "").trim().to_string()
}

/// The telling words of a name or title, lower-cased.
fn telling_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !STOP.contains(&w.as_str()))
        .collect()
}

/// Two words alike, or alike in their first five letters ("sufficiency", "sufficient").
fn same_word(a: &str, b: &str) -> bool {
    a == b || (a.chars().count() >= 5 && b.chars().count() >= 5 && a.chars().take(5).eq(b.chars().take(5)))
}

/// The share of `want`'s telling words that `have` holds.
fn share(want: &str, have: &str) -> f64 {
    let want = telling_words(want);
    let have = telling_words(have);
    if want.is_empty() {
        return 0.0;
    }
    want.iter().filter(|w| have.iter().any(|h| same_word(w, h))).count() as f64 / want.len() as f64
}

/// The share of a workstream name's telling words that a slide title holds.
fn name_match(name: &str, title: &str) -> f64 {
    share(name, title)
}

/// The overview slide: columns of a bold name over bulleted projects.
fn overview(page: &Page, title: &Title) -> Vec<Workstream> {
    let below: Vec<&Line> = page
        .lines
        .iter()
        .filter(|l| {
            l.bbox.top > title.bottom && l.size < page.lines.iter().map(|l| l.size).fold(0.0, f64::max)
        })
        .collect();
    let heads: Vec<&Line> = below.iter().copied().filter(|l| l.bold && l.bullet.is_none()).collect();
    let Some(top) = heads.iter().map(|l| l.bbox.top).reduce(f64::min) else {
        return overview_list(page, title, &below);
    };
    // The panels' headings: bold lines near the top of the first, grouped where they overlap
    // across (a wrapped name, or a name set lower in its box than its neighbours).
    let mut band: Vec<&Line> = heads.iter().copied().filter(|l| l.bbox.top - top < l.size * 3.0).collect();
    band.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
    let mut row: Vec<BBox> = vec![];
    for l in band {
        match row.last_mut() {
            Some(b) if l.bbox.x0 < b.x1 => *b = b.union(&l.bbox),
            _ => row.push(l.bbox),
        }
    }
    // Two panels side by side are an overview only when the title says so; more are one by shape.
    if row.len() < 2 || (row.len() < 3 && !OVERVIEW_TITLE.is_match(&title.text)) {
        return vec![];
    }
    let mut out = vec![];
    for (i, anchor) in row.iter().enumerate() {
        let lo = if i == 0 {
            f64::NEG_INFINITY
        } else {
            row.get(i - 1).map_or(f64::NEG_INFINITY, |p| (p.x1 + anchor.x0) / 2.0)
        };
        let hi = row.get(i + 1).map_or(f64::INFINITY, |n| (anchor.x1 + n.x0) / 2.0);
        let mut col: Vec<&Line> = below
            .iter()
            .copied()
            .filter(|l| l.bbox.top >= anchor.top - 1.0 && lo <= l.bbox.x0 && l.bbox.x0 < hi)
            .collect();
        col.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top));
        let name_len = col.iter().take_while(|l| l.bold && l.bullet.is_none()).count();
        let name = join_lines(col.iter().take(name_len).map(|l| l.text.as_str()));
        let rest = col.get(name_len..).unwrap_or(&[]);
        if name.is_empty() || !rest.iter().any(|l| item_start(l).0.is_some()) {
            return vec![];
        }
        let bbox = col.iter().fold(BBox::EMPTY, |b, l| b.union(&l.bbox));
        out.push(Workstream {
            name,
            projects: read_list(rest),
            project_details: vec![],
            status: None,
            working_well: vec![],
            not_working_well: vec![],
            escalations: vec![],
            provenance: provenance(page.number, &bbox),
        });
    }
    out
}

/// An overview printed as one list: "Our workstreams" over bullets, each with its projects as
/// lower-level bullets.
fn overview_list(page: &Page, title: &Title, lines: &[&Line]) -> Vec<Workstream> {
    if !WORKSTREAMS_TITLE.is_match(&title.text) {
        return vec![];
    }
    let mut out: Vec<Workstream> = vec![];
    for e in entries_of(lines) {
        let text = join_lines(e.lines.iter().map(String::as_str));
        if !e.bulleted || text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(w) if e.level >= 2 => w.projects.push(text),
            _ if e.level >= 2 => {}
            _ => out.push(Workstream {
                name: text,
                projects: vec![],
                project_details: vec![],
                status: None,
                working_well: vec![],
                not_working_well: vec![],
                escalations: vec![],
                provenance: provenance(page.number, &e.bbox),
            }),
        }
    }
    out
}

/// Titles of a slide that lists the workstreams themselves.
static WORKSTREAMS_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:workstreams?|work\s+streams?)\b").expect("valid regex"));

/// A line's bullet and the text after it. The layout stage takes the "o" of a word such as
/// "oversight" for a bullet when the word begins the line; such a line is read as plain text.
fn item_start(line: &Line) -> (Option<&str>, String) {
    let Some(b) = line.bullet.as_deref() else {
        return (None, line.text.clone());
    };
    let glued = b.chars().all(char::is_alphanumeric) && line.words.first().is_some_and(|w| *w.text != *b);
    if glued {
        let text = line
            .words
            .iter()
            .filter(|w| !w.text.starts_with('\u{2070}'))
            .map(|w| &*w.text)
            .collect::<Vec<_>>()
            .join(" ");
        return (None, text);
    }
    (Some(b), line.body().to_string())
}

/// A numbered item's start: "1.", "2)", "(a)", "b.".
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?(?:\d{1,2}|[a-z])[.)]\s").expect("valid regex"));

/// One entry of a list before sub-headings are settled.
struct Entry {
    level: u8,
    bulleted: bool,
    bold: bool,
    lines: Vec<String>,
    bottom: f64,
    size: f64,
    bbox: BBox,
}

/// A column's lines (top to bottom) as entries: a bullet and its wrapped lines, or a paragraph.
fn entries_of(lines: &[&Line]) -> Vec<Entry> {
    let min_bullet_x =
        lines.iter().filter(|l| item_start(l).0.is_some()).map(|l| l.bbox.x0).fold(f64::INFINITY, f64::min);
    let mut glyphs: Vec<String> = vec![];
    let mut entries: Vec<Entry> = vec![];
    for line in lines {
        let (bullet, text) = item_start(line);
        if let Some(b) = bullet {
            let indented = line.bbox.x0 > min_bullet_x + line.size * 0.6;
            if !glyphs.iter().any(|g| g == b) {
                glyphs.push(b.to_string());
            }
            let second_glyph = glyphs.first().is_some_and(|g| g != b);
            entries.push(Entry {
                level: if indented || second_glyph { 2 } else { 1 },
                bulleted: true,
                bold: line.bold,
                lines: vec![text],
                bottom: line.bbox.bottom,
                size: line.size,
                bbox: line.bbox,
            });
            continue;
        }
        let numbered = NUMBERED.is_match(&text);
        let continues = !numbered
            && entries.last().is_some_and(|e| {
                line.bbox.top - e.bottom < e.size.max(line.size) * 0.9 && (line.bold == e.bold || e.bulleted)
            });
        match entries.last_mut() {
            Some(e) if continues => {
                e.lines.push(text);
                e.bottom = line.bbox.bottom;
                e.bbox = e.bbox.union(&line.bbox);
            }
            _ => entries.push(Entry {
                level: 1,
                bulleted: false,
                bold: line.bold,
                lines: vec![text],
                bottom: line.bbox.bottom,
                size: line.size,
                bbox: line.bbox,
            }),
        }
    }
    entries
}

/// Reads a column's lines (top to bottom) as list items, sub-headings prefixed to the items
/// under them and "N/A" dropped.
fn read_list(lines: &[&Line]) -> Vec<String> {
    let entries = entries_of(lines);
    let any_bullets = entries.iter().any(|e| e.bulleted);
    let mut items = vec![];
    let mut heading: Option<String> = None;
    let mut parent: Option<String> = None;
    for (i, e) in entries.iter().enumerate() {
        let text = join_lines(e.lines.iter().map(String::as_str));
        if text.is_empty() || NOTHING.is_match(&text) || is_slide_furniture(&text) {
            continue;
        }
        let short = text.split_whitespace().count() <= 8 && !text.ends_with('.');
        // A bold bullet over plain ones at its level names the group, like a bold line does.
        let bold_group = e.bulleted
            && e.bold
            && entries.get(i + 1).is_some_and(|n| !n.bold && n.bulleted && n.level >= e.level)
            && entries.iter().any(|o| !o.bold);
        if short && ((!e.bulleted && (e.bold || (any_bullets && text.ends_with(':')))) || bold_group) {
            heading = Some(text);
            parent = None;
            continue;
        }
        let has_children = entries.get(i + 1).is_some_and(|n| n.level > e.level);
        if e.level <= 1 && has_children {
            parent = Some(text);
            continue;
        }
        if e.level <= 1 {
            parent = None;
        }
        let prefix = if e.level >= 2 { parent.as_ref().or(heading.as_ref()) } else { heading.as_ref() };
        items.push(match prefix {
            Some(p) => format!("{}: {}", p.trim_end_matches([':', ' ']), text),
            None => text,
        });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        let s = |t: &str| STATUS.captures(t).and_then(|c| rag(c.name("rag")?.as_str()));
        assert_eq!(s("Overarching Status: R"), Some(RagStatus::Red));
        assert_eq!(s("Overall RAG status – Amber"), Some(RagStatus::Amber));
        assert_eq!(s("Programme status: Amber/Red"), Some(RagStatus::Red));
        assert_eq!(s("Status: G"), Some(RagStatus::Green));
        assert_eq!(s("Status of the review"), None);
        // Blue (complete) is a workstream's status, never the programme's.
        let w = |t: &str| STATUS.captures(t).and_then(|c| rating_of_word(c.name("rag")?.as_str()));
        assert_eq!(w("Workstream status: Blue"), Some(Rating::Blue));
        assert_eq!(w("RAG: Blue"), Some(Rating::Blue));
        assert_eq!(s("RAG: Blue"), None);
    }

    #[test]
    fn periods() {
        let p = |t: &str| PERIOD.find(t).map(|m| m.as_str().to_string());
        assert_eq!(p("June 2024 – Progress Report").as_deref(), Some("June 2024"));
        assert_eq!(p("May/June 2024").as_deref(), Some("May/June 2024"));
        assert_eq!(p("Q1 2024/25 update").as_deref(), Some("Q1 2024/25"));
    }

    #[test]
    fn nothing_entries() {
        for t in ["N/A", "n/a", "None", "Nil.", "None to report", "None this period"] {
            assert!(NOTHING.is_match(t), "{t}");
        }
        assert!(!NOTHING.is_match("None of the homes are ready"));
    }

    #[test]
    fn names_match_titles_by_words() {
        assert!(
            name_match(
                "Families can access support early",
                "Families Can Access Support Early Priority Summary"
            ) > 0.99
        );
        assert!(
            name_match(
                "Developing an excellent workforce for children",
                "Sufficient homes for children in care"
            ) < 0.6
        );
        assert_eq!(clean_slide_name("Local mainstream school – Summary"), "Local mainstream school");
        assert!(share("Sufficiency", "Sufficient homes for children in care") > 0.99);
        assert_eq!(clean_slide_name("Workstream 2: Early Help update"), "Early Help");
    }
    /// A page built from `(x, top, size, bold, text)` rows, words 0.5 em per character.
    fn page(rows: &[(f64, f64, f64, bool, &str)]) -> Page {
        let lines = rows
            .iter()
            .map(|&(x, top, size, bold, text)| {
                let mut at = x;
                let words = text
                    .split_whitespace()
                    .map(|w| {
                        let width = w.chars().count() as f64 * size * 0.5;
                        let word = crate::layout::Word {
                            text: w.into(),
                            bbox: BBox { x0: at, top, x1: at + width, bottom: top + size },
                            size,
                            bold,
                            italic: false,
                            color: [0, 0, 0],
                            font: std::sync::Arc::new("Test".into()),
                        };
                        at += width + size * 0.3;
                        word
                    })
                    .collect();
                crate::layout::words::line_from_words(words)
            })
            .collect();
        Page {
            number: 3,
            width: 960.0,
            height: 540.0,
            lines,
            blocks: vec![],
            tables: vec![],
            furniture: vec![],
            printed_number: None,
            fills: vec![],
            rules: vec![],
            has_text: true,
            readable: true,
            body_size: 9.0,
        }
    }

    fn lists_of(p: &Page) -> (Progress, Vec<Workstream>) {
        let mut progress = Progress {
            title: String::new(),
            period: None,
            overall_status: None,
            summary: vec![],
            working_well: vec![],
            not_working_well: vec![],
            escalations: vec![],
            provenance: provenance(1, &BBox::EMPTY),
        };
        let mut ws = vec![];
        let heads = list_headings(p);
        let mut title = slide_title(p);
        if title.text.is_empty() {
            title = heading_above(p, &heads);
        }
        read_list_slide(p, &title, &heads, &mut progress, &mut ws, &mut vec![]);
        (progress, ws)
    }

    #[test]
    fn side_by_side_columns_are_read_down_not_across() {
        let p = page(&[
            (40.0, 20.0, 26.0, true, "Better Roads Summary"),
            (40.0, 100.0, 11.0, true, "Working Well"),
            (340.0, 100.0, 11.0, true, "Challenges"),
            (40.0, 115.0, 9.0, false, "• Potholes fixed within"),
            (340.0, 115.0, 9.0, false, "• Contractor capacity"),
            (40.0, 126.0, 9.0, false, "five days"),
            (340.0, 126.0, 9.0, false, "• N/A"),
            (40.0, 137.0, 9.0, false, "• Gritting on time"),
        ]);
        let (_, ws) = lists_of(&p);
        let w = ws.first().expect("a workstream from the slide");
        assert_eq!(w.name, "Better Roads");
        assert_eq!(w.working_well, vec!["Potholes fixed within five days", "Gritting on time"]);
        assert_eq!(w.not_working_well, vec!["Contractor capacity"]);
    }

    #[test]
    fn stacked_lists_stop_at_next_steps_and_keep_sub_headings() {
        let p = page(&[
            (40.0, 20.0, 26.0, true, "Overall Programme Position"),
            (40.0, 100.0, 11.0, true, "What's working well"),
            (40.0, 115.0, 9.0, true, "Early Help"),
            (40.0, 126.0, 9.0, false, "• Hubs open in two towns"),
            (40.0, 150.0, 11.0, true, "Risks and issues"),
            (40.0, 165.0, 9.0, false, "1. Funding ends in March"),
            (40.0, 176.0, 9.0, false, "2. Recruitment is slow"),
            (40.0, 200.0, 11.0, true, "Next steps"),
            (40.0, 215.0, 9.0, false, "• Open a third hub"),
        ]);
        let (progress, ws) = lists_of(&p);
        assert!(ws.is_empty());
        assert_eq!(progress.working_well, vec!["Early Help: Hubs open in two towns"]);
        // Risks are what is not working well (issue 22), not escalations.
        assert_eq!(progress.not_working_well, vec!["1. Funding ends in March", "2. Recruitment is slow"]);
        assert!(progress.escalations.is_empty());
    }

    #[test]
    fn a_report_page_names_its_lists_by_the_bold_heading_above() {
        let p = page(&[
            (40.0, 60.0, 12.0, true, "Workstream 3: Sufficient"),
            (40.0, 74.0, 12.0, true, "homes"),
            (40.0, 100.0, 11.0, true, "Challenges"),
            (40.0, 115.0, 11.0, false, "• Planning delays"),
        ]);
        let (_, ws) = lists_of(&p);
        let got: Vec<(&str, usize)> =
            ws.iter().map(|w| (w.name.as_str(), w.not_working_well.len())).collect();
        assert_eq!(got, vec![("Sufficient homes", 1)]);
    }

    #[test]
    fn a_heading_wrapped_in_a_narrow_box_is_one_heading() {
        let p = page(&[
            (40.0, 20.0, 26.0, true, "Programme Overview"),
            (40.0, 100.0, 11.0, true, "Not working"),
            (40.0, 112.0, 11.0, true, "well"),
            (300.0, 100.0, 11.0, true, "To"),
            (300.0, 112.0, 11.0, true, "Escalate"),
            (40.0, 130.0, 9.0, false, "• Slow recruitment"),
            (300.0, 130.0, 9.0, false, "• Budget gap"),
        ]);
        let (progress, _) = lists_of(&p);
        assert_eq!(progress.not_working_well, vec!["Slow recruitment"]);
        assert_eq!(progress.escalations, vec!["Budget gap"]);
    }

    #[test]
    fn a_status_label_takes_the_colour_of_its_box() {
        let mut p = page(&[(40.0, 60.0, 12.0, false, "Overall status:")]);
        p.fills.push(crate::pdf::Fill {
            x0: 140.0,
            top: 58.0,
            x1: 170.0,
            bottom: 74.0,
            color: [255, 192, 0],
        });
        assert_eq!(status_of(&p, true), Some(RagStatus::Amber));
        let mut p = page(&[
            (40.0, 60.0, 12.0, false, "Overarching Status:"),
            (220.0, 60.0, 12.0, false, "May/June 2024"),
        ]);
        p.fills.push(crate::pdf::Fill { x0: 170.0, top: 58.0, x1: 200.0, bottom: 74.0, color: [192, 0, 0] });
        assert_eq!(status_of(&p, true), Some(RagStatus::Red));
        let p = page(&[(40.0, 60.0, 12.0, false, "Overarching Status:"), (160.0, 60.0, 12.0, false, "R")]);
        assert_eq!(status_of(&p, true), Some(RagStatus::Red));
        let p = page(&[(40.0, 60.0, 12.0, false, "Project status: G")]);
        assert_eq!(status_of(&p, true), None);
        assert_eq!(status_of(&p, false), Some(RagStatus::Green));
    }

    #[test]
    fn a_bold_bullet_over_plain_ones_is_a_sub_heading() {
        let p = page(&[
            (40.0, 60.0, 9.0, true, "• Neighbourhood Working"),
            (40.0, 71.0, 9.0, false, "• Pilot in Wincanton on track"),
            (40.0, 82.0, 9.0, false, "• Roll out in Autumn"),
        ]);
        let lines: Vec<&Line> = p.lines.iter().collect();
        assert_eq!(
            read_list(&lines),
            vec![
                "Neighbourhood Working: Pilot in Wincanton on track",
                "Neighbourhood Working: Roll out in Autumn"
            ]
        );
    }

    #[test]
    fn overview_panels_with_names_set_at_different_heights() {
        let p = page(&[
            (40.0, 20.0, 26.0, true, "Priority Workstreams"),
            (40.0, 100.0, 13.0, true, "Early Help"),
            (300.0, 108.0, 13.0, true, "Sufficiency"),
            (560.0, 100.0, 13.0, true, "Workforce"),
            (40.0, 120.0, 11.0, false, "• Family hubs"),
            (300.0, 126.0, 11.0, false, "• Fostering"),
            (300.0, 139.0, 11.0, false, "• Homes"),
            (560.0, 120.0, 11.0, false, "• Recruitment"),
        ]);
        let ws = overview(&p, &slide_title(&p));
        let got: Vec<(&str, usize)> = ws.iter().map(|w| (w.name.as_str(), w.projects.len())).collect();
        assert_eq!(got, vec![("Early Help", 1), ("Sufficiency", 2), ("Workforce", 1)]);
    }

    #[test]
    fn a_glued_o_is_a_word_not_a_bullet() {
        let p =
            page(&[(40.0, 60.0, 9.0, false, "• Board in place for"), (40.0, 71.0, 9.0, false, "oversight")]);
        let lines: Vec<&Line> = p.lines.iter().collect();
        assert_eq!(read_list(&lines), vec!["Board in place for oversight"]);
    }

    #[test]
    fn an_overview_list_gives_workstreams_and_projects() {
        let p = page(&[
            (40.0, 20.0, 26.0, true, "Our Workstreams"),
            (40.0, 100.0, 11.0, false, "• Early Help"),
            (60.0, 112.0, 11.0, false, "– Family hubs"),
            (60.0, 124.0, 11.0, false, "– Parenting offer"),
            (40.0, 136.0, 11.0, false, "• Sufficiency"),
        ]);
        let title = slide_title(&p);
        let ws = overview(&p, &title);
        let got: Vec<(&str, usize)> = ws.iter().map(|w| (w.name.as_str(), w.projects.len())).collect();
        assert_eq!(got, vec![("Early Help", 2), ("Sufficiency", 0)]);
    }
}
