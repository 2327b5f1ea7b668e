//! Ofsted inspection reports and letters: `inspection` facts and `judgements`.
//!
//! Reads every printed form of one report (the first `ofsted_report` section):
//! ```text
//! Inspection of Somerset local authority children's services          ← subject
//! Inspection dates: 18 to 29 July 2022                                  ← start/end
//! Lead inspector: Kendra Bell, Her Majesty's Inspector                  ← lead + role
//! Judgement                                              Grade          ← ruled table
//! The impact of leaders on social work practice with     Good
//! children and families
//! What needs to improve?                                                ← improvements
//! •  Placement sufficiency, …
//! The experiences and progress of children who need help and
//! protection: good                                                      ← heading grade check
//! 1. When children need early support, …                                ← numbered paragraphs
//! ```
//! The older single inspection framework prints its judgements without a Judgement/Grade
//! header ("1. Children who need help and protection   Requires improvement", "2.1 Adoption
//! performance   Outstanding") and the overall judgement as a sentence ("Children's services in
//! Norfolk requires improvement to be good"); both are read, ruled or not.
//!
//! Letters (focused and monitoring visits) have no grades: `judgements` stays empty and, where
//! they have no numbered paragraphs, each finding (a bullet, or else a paragraph of body text
//! after the improvements) becomes a paragraph numbered by its ordinal ("1", "2", …).
//!
//! Generated variants (tests/gen/ofsted.py) cover other producers: a grade wrapped in its cell
//! or into the next row, a grade on the line above its label, title-case and capital grades, the
//! 2026 framework's five judgements with no overall row, "Lead inspector: X" with the role on the
//! next line, letterheads ("Ofsted") and an authority named under a generic title, list items
//! marked "o", and footnote markers dropped from improvements.
//!
//! Limits: one report per file (the first section); an area is matched to its heading by words,
//! so a heading worded unlike its table row is not cross-checked.

mod grades;

use std::sync::LazyLock;

use regex::Regex;

use crate::contract::{GradeCode, Inspection, Judgement, Paragraph, SectionKind, Warning, WarningCode};
use crate::extract::{provenance, Context, Extraction};
use crate::layout::{join_lines, BBox, Page};

use crate::extract::read::dates::{spans, Span};
use crate::extract::read::rows::{reading_rows, FragRow as Row};
use crate::extract::read::text::{body_size, squash};
use crate::extract::read::tol::{INDENT_PT, SAME_BASELINE_PT, SAME_EDGE_PT};
pub use grades::grade_code;

/// "1. text", "12 text" (number alone, text in the next fragment).
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})\.?(?:\s+(\S.*))?$").expect("valid regex"));
/// Headings over the list of what must improve.
static IMPROVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:what needs to improve|areas? for (?:improvement|priority action)|recommendations\b|priority action)").expect("valid regex")
});
/// "Lead inspector: Kendra Bell, Her Majesty's Inspector".
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?:^|[^a-z\s]\s*|^\s*)            # not 'Deputy lead inspector'
        lead\s+inspector\s*(?::|was|is)\s*
        (?P<name>[^,]+?)                  # the name, up to a comma or the end
        \s*(?:,\s*(?P<role>.+?))?\s*$",
    )
    .expect("valid regex")
});
/// "Jane Smith, lead inspector   Her Majesty's Inspector" (a school report's inspection team).
static LEAD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<name>[^,:]+?),\s*lead\s+inspector\b\s*[,:]?\s*(?P<role>.*?)\s*$")
        .expect("valid regex")
});
/// "Reporting inspector: Ann Cole HMI": the lead where no lead inspector is named.
static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*reporting\s+inspector\s*(?::|was|is)\s*(?P<name>[^,]+?)\s*(?:,\s*(?P<role>.+?))?\s*$",
    )
    .expect("valid regex")
});
/// A title printed after the name without a comma: "Peter Grant HMI", "Mark Evans Ofsted Inspector".
static ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<name>.+?)\s+\(?(?P<role>hmi|(?:her|his)\s+majesty['’]s\s+inspector|ofsted\s+inspector|social\s+care\s+regulatory\s+inspector)\)?$")
        .expect("valid regex")
});
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:her|his)\s+majesty['’]s(?:\s+inspector)?|hmi|ofsted inspector|social care regulatory inspector)\b").expect("valid regex")
});
/// "Focused visit to Norfolk children's services", "Inspection of X", "Re-inspection of X".
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:focused|monitoring|joint targeted area|follow-up|assurance)\s+(?:visit|inspection)\s+(?:to|of|in)\s+|(?:re-?)?inspection\s+of\s+)(?P<subject>.+)$")
        .expect("valid regex")
});
/// "Children's services in Norfolk requires improvement to be good".
static OVERALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        ^\s*(?:
          # 'The overall judgement is requires improvement' (2014-2016 single inspection framework)
          the\s+overall\s+judgement\s+is\s+(?:that\s+)?
            (?:children['’]s\s+services\s+(?:in\s+.{1,80}?\s+)?(?:are|is|require|requires)\s+)?
          | (?:children['’]s\s+services\s+in\s+.{1,80}?|overall\s+effectiveness\s+(?:in\s+.{1,80}?)?)
            \s+(?:are\s+|is\s+|was\s+|were\s+)?(?:judged\s+(?:to\s+be\s+)?)?
        )
        (?P<grade>requires?\s+improvement\s+to\s+be\s+good|requires?\s+improvement|good|outstanding|inadequate)
        \s*\.?\s*$",
    )
    .expect("valid regex")
});
/// "Overall effectiveness at previous inspection": an earlier inspection's judgement.
static PREVIOUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:at|from)\s+(?:the\s+)?(?:previous|last)\s+inspection\b").expect("valid regex")
});
/// A heading that names a council ("Ravenshire County Council", "London Borough of X").
static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:council|borough|county|city|district|metropolitan|unitary|local\s+authority)\b")
        .expect("valid regex")
});
/// "…help and protection: good".
static HEADING_GRADE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<area>.+?)\s*:\s*(?P<grade>[^:]+)$").expect("valid regex"));

/// Fills `inspection` and `judgements` from the first Ofsted report section.
pub fn extract(ctx: &Context, out: &mut Extraction) {
    let mut reports = ctx.sections_of(SectionKind::OfstedReport);
    let Some(first_section) = reports.next() else { return };
    // A report the segmenter split in two (adjacent sections) is still one report.
    let mut section = first_section.clone();
    for next in reports {
        if next.first_page != section.last_page + 1 {
            break;
        }
        section.last_page = next.last_page;
    }
    let pages = ctx.pages_of(&section);
    if pages.is_empty() || out.inspection.is_some() {
        return;
    }
    let rows = reading_rows(pages);
    if rows.is_empty() {
        return;
    }
    let body = body_size(rows.iter().flat_map(|r| r.frags.iter().copied()));
    let (judgements, grade_warnings) = judgements(pages);
    out.warnings.extend(grade_warnings);
    let subject = subject(&rows, body);
    let text = Reading::read(&rows, body, subject.as_deref().unwrap_or(""));

    let first = &rows[0];
    let (start_date, end_date) = inspection_dates(&rows);
    let (lead_inspector, lead_inspector_role) = lead(&rows);
    for (page, area, grade) in &text.heading_grades {
        cross_check(&judgements, area, *grade, *page, &mut out.warnings);
    }
    let prov_bbox =
        rows.iter().take(3).map(|r| r.bbox()).reduce(|a, b| a.union(&b)).unwrap_or_else(|| first.bbox());
    out.inspection = Some(Inspection {
        subject,
        start_date,
        end_date,
        lead_inspector,
        lead_inspector_role,
        improvements: text.improvements,
        paragraph_count: text.paragraphs.len() as u32,
        paragraphs: text.paragraphs,
        provenance: provenance(first.page, &prov_bbox),
    });
    out.judgements.extend(judgements);
}

/// What the running text of the report says: improvements, paragraphs, heading grades.
#[derive(Default)]
struct Reading {
    improvements: Vec<String>,
    paragraphs: Vec<Paragraph>,
    /// (page, heading area, grade) of headings that print a grade.
    heading_grades: Vec<(u32, String, GradeCode)>,
}

enum Mode {
    Outside,
    Improve { x0: f64 },
    Para { x0: f64, hang: Option<f64> },
    Bullet { x0: f64 },
}

impl Reading {
    /// `subject`: the report's title, whose headings (the authority's name) head no section.
    fn read(rows: &[Row], body: f64, subject: &str) -> Reading {
        let mut r = Reading::default();
        let mut numbered: Vec<(Paragraph, Vec<String>)> = Vec::new();
        let mut bullets: Vec<(Paragraph, Vec<String>)> = Vec::new();
        // A letter's plain paragraphs under its second heading after the salutation onwards
        // (the first names the visit), for letters with neither numbers nor bullets.
        let mut plain: Vec<(Paragraph, Vec<String>)> = Vec::new();
        let mut headings_after_dear: Option<u32> = None;
        let mut last_plain: Option<(u32, f64)> = None;
        let mut improve: Vec<Vec<String>> = Vec::new();
        let mut major: Option<String> = None;
        let mut minor: Option<String> = None;
        let mut major_is_list = false;
        let mut mode = Mode::Outside;
        let mut ended = false;
        // Under a "What needs to improve?"/"Recommendations" heading: numbered items are both.
        let mut improve_open = false;
        let mut numbered_in_improve = 0usize;
        let mut i = 0;
        while i < rows.len() {
            let row = &rows[i];
            let text = row.text();
            let lower = text.to_lowercase();
            if headings_after_dear.is_none() && lower.starts_with("dear ") {
                headings_after_dear = Some(0);
            }
            if lower.starts_with("yours sincerely") || lower.starts_with("yours faithfully") {
                ended = true;
            }
            if ended {
                i += 1;
                continue;
            }
            // Small print (footnotes, a footer the layout kept as text) interrupts nothing.
            if row.size() < body - 1.5 {
                i += 1;
                continue;
            }
            // The next printed number, or one further (a paragraph the report skips, which the
            // consistency pass reports as a gap) where the row opens a new sentence.
            let next = numbered.last().and_then(|(p, _)| p.number.parse::<u32>().ok()).map_or(1, |n| n + 1);
            let mut number = numbered_start(row, next)
                .or_else(|| prev_ends_sentence(rows, i).then(|| numbered_start(row, next + 1)).flatten());
            // Numbered improvements, then findings numbered from 1 again: the findings are the
            // report's paragraphs (the improvements stay improvements).
            if number.is_none()
                && !improve_open
                && !numbered.is_empty()
                && numbered.len() == numbered_in_improve
            {
                number = numbered_start(row, 1);
                if number.is_some() {
                    numbered.clear();
                    numbered_in_improve = 0;
                }
            }
            // A heading: bold or larger, not a list item; consecutive heading rows join.
            if number.is_none() && is_heading(row, body) {
                let mut j = i + 1;
                while j < rows.len()
                    && is_heading(&rows[j], body)
                    && continues_heading(&rows[j - 1], &rows[j])
                {
                    j += 1;
                }
                // A grade box beside a heading comes after the heading's lines in reading order.
                if let Some(next) = rows.get(j) {
                    let beside = next.page == row.page
                        && next.top() <= rows[j - 1].bbox().bottom
                        && next.x0() > row.x0() + 0.25 * row.width
                        && grade_code(&next.text()).is_some();
                    if beside {
                        j += 1;
                    }
                }
                let (area, grade) = heading_parts(&rows[i..j]);
                if let Some(g) = grade {
                    r.heading_grades.push((row.page, area.clone(), g));
                }
                improve_open = IMPROVE.is_match(&area);
                mode = if improve_open { Mode::Improve { x0: f64::MAX } } else { Mode::Outside };
                headings_after_dear = headings_after_dear.map(|n| n + 1);
                last_plain = None;
                // A letterhead ("Ofsted") or the overall judgement as a sentence heads no section.
                let in_title = !subject.is_empty() && area.len() > 3 && subject.contains(area.as_str());
                let titles = !is_letterhead(&area)
                    && OVERALL.captures(&squash(&area)).is_none()
                    && !in_title
                    && !SUBJECT.is_match(&area);
                if !titles {
                } else if row.size() >= body + 1.0 {
                    major_is_list = improve_open;
                    major = Some(area);
                    minor = None;
                } else {
                    // A smaller heading after the improvements list starts a section of its own.
                    if major_is_list {
                        major = None;
                        major_is_list = false;
                    }
                    minor = Some(area);
                }
                i = j;
                continue;
            }
            let section = major.clone().or_else(|| minor.clone());
            if let Some((n, rest)) = number {
                let mut parts = vec![rest.clone()];
                let mut hang = None;
                if rest.is_empty() {
                    // The number alone on its baseline: the text is the next row.
                    if let Some(next) = rows.get(i + 1) {
                        parts = vec![next.text()];
                        hang = Some(next.x0());
                        i += 1;
                    }
                }
                if improve_open {
                    improve.push(parts.clone());
                    numbered_in_improve += 1;
                }
                let para = Paragraph { number: n.to_string(), section, text: String::new(), page: row.page };
                numbered.push((para, parts));
                mode = Mode::Para { x0: row.x0(), hang };
                i += 1;
                continue;
            }
            let is_bullet = row.bullet().is_some_and(|b| {
                !b.chars().all(|c| c.is_ascii_alphanumeric()) || prev_ends_sentence(rows, i)
            }) || letter_o_bullet(row, &mode, rows, i);
            // A list inside a numbered paragraph ("…by ensuring that:" + bullets) belongs to it.
            let inside = matches!(mode, Mode::Para { x0, .. } if row.x0() >= x0 + INDENT_PT);
            if is_bullet && inside {
                if let Some((_, parts)) = numbered.last_mut() {
                    parts.push(row.body());
                }
                if improve_open {
                    if let Some(last) = improve.last_mut() {
                        last.push(row.body());
                    }
                }
                i += 1;
                continue;
            }
            if is_bullet {
                let item = if row.bullet().is_some() { row.body() } else { strip_letter_o(&row.text()) };
                if let Mode::Improve { .. } = mode {
                    improve.push(vec![item]);
                    mode = Mode::Improve { x0: row.x0() };
                } else {
                    bullets.push((
                        Paragraph { number: String::new(), section, text: String::new(), page: row.page },
                        vec![item],
                    ));
                    mode = Mode::Bullet { x0: row.x0() };
                }
                i += 1;
                continue;
            }
            // A continuation line, or text outside any item. A letter taken for a bullet in
            // mid-sentence is the first letter of a word the layout split ("o f analysis").
            let text = match row.bullet() {
                Some(b) if b.chars().all(|c| c.is_ascii_alphanumeric()) => format!("{b}{}", row.body()),
                _ => text,
            };
            match &mut mode {
                Mode::Para { x0, hang } => {
                    let ok = match hang {
                        Some(h) => row.x0() >= *h - 4.0,
                        None => row.x0() >= *x0 - INDENT_PT,
                    };
                    if ok {
                        if hang.is_none() {
                            *hang = Some(row.x0());
                        }
                        if let Some((_, parts)) = numbered.last_mut() {
                            parts.push(text.clone());
                        }
                        if improve_open {
                            if let Some(last) = improve.last_mut() {
                                last.push(text);
                            }
                        }
                    } else {
                        mode = Mode::Outside;
                    }
                }
                Mode::Improve { x0 } => {
                    if row.x0() > *x0 + INDENT_PT && !improve.is_empty() {
                        if let Some(last) = improve.last_mut() {
                            last.push(text);
                        }
                    } else if *x0 != f64::MAX {
                        mode = Mode::Outside;
                    }
                }
                Mode::Bullet { x0 } => {
                    if row.x0() > *x0 + INDENT_PT {
                        if let Some((_, parts)) = bullets.last_mut() {
                            parts.push(text);
                        }
                    } else {
                        mode = Mode::Outside;
                    }
                }
                Mode::Outside => {
                    if headings_after_dear.is_some_and(|n| n >= 2) && !improve_open {
                        // A new paragraph after a gap wider than the line spacing, or a new page
                        // after a finished sentence.
                        let joins = last_plain.is_some_and(|(page, bottom)| {
                            if page == row.page {
                                row.top() - bottom < 0.6 * row.size()
                            } else {
                                !plain
                                    .last()
                                    .and_then(|(_, p)| p.last())
                                    .is_some_and(|t| t.trim_end().ends_with(['.', '?', '!']))
                            }
                        });
                        match plain.last_mut() {
                            Some((_, parts)) if joins => parts.push(text),
                            _ => plain.push((
                                Paragraph {
                                    number: String::new(),
                                    section,
                                    text: String::new(),
                                    page: row.page,
                                },
                                vec![text],
                            )),
                        }
                        last_plain = Some((row.page, row.bbox().bottom));
                    }
                }
            }
            i += 1;
        }
        r.improvements = improve
            .iter()
            .map(|p| tidy(&join_lines(p.iter().map(String::as_str))))
            .filter(|s| !s.is_empty())
            .collect();
        let chosen = if !numbered.is_empty() {
            numbered
        } else if !bullets.is_empty() {
            bullets
        } else {
            plain
        };
        let is_ordinal = chosen.iter().all(|(p, _)| p.number.is_empty());
        for (k, (mut p, parts)) in chosen.into_iter().enumerate() {
            p.text = tidy(&join_lines(parts.iter().map(String::as_str)));
            if is_ordinal {
                p.number = (k + 1).to_string();
            }
            if !p.text.is_empty() {
                r.paragraphs.push(p);
            }
        }
        r
    }
}

/// A list item marked with a letter "o" (Word's second-level bullet in a font without the
/// glyph), which the layout does not flag: "o Quality assurance …" level with the list's items.
fn letter_o_bullet(row: &Row, mode: &Mode, rows: &[Row], i: usize) -> bool {
    static O: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^o\s+\p{Lu}").expect("valid regex"));
    let level = match mode {
        Mode::Bullet { x0 } | Mode::Improve { x0 } => (row.x0() - x0).abs() < INDENT_PT,
        _ => false,
    };
    row.bullet().is_none() && level && O.is_match(&row.text()) && prev_ends_sentence(rows, i)
}

fn strip_letter_o(text: &str) -> String {
    text.trim_start().strip_prefix('o').unwrap_or(text).trim_start().to_string()
}

/// A space left before punctuation where a footnote marker was dropped ("in care .").
fn tidy(text: &str) -> String {
    static GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+([.,;:?!)])").expect("valid regex"));
    GAP.replace_all(text, "$1").into_owned()
}

/// The inspectorate's name printed as a letterhead.
fn is_letterhead(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.').to_lowercase();
    t == "ofsted"
        || t == "office for standards in education, children's services and skills"
        || t == "office for standards in education, children’s services and skills"
}

/// The number and text of a row that starts numbered paragraph `expect`.
fn numbered_start(row: &Row, expect: u32) -> Option<(u32, String)> {
    if row.bullet().is_some() {
        return None;
    }
    let text = row.text();
    let c = NUMBERED.captures(&text)?;
    let n: u32 = c.get(1)?.as_str().parse().ok()?;
    if n != expect {
        return None;
    }
    // "2022 was…" or a bare "12" mid-text is no paragraph: a number needs its full stop or gutter.
    let has_stop = text.trim_start().starts_with(&format!("{n}."));
    let gutter = row.frags.first().is_some_and(|f| f.text.trim().trim_end_matches('.') == n.to_string());
    if !has_stop && !gutter {
        return None;
    }
    Some((n, c.get(2).map_or(String::new(), |m| m.as_str().to_string())))
}

fn prev_ends_sentence(rows: &[Row], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|k| rows.get(k)) else { return true };
    prev.text().trim_end().ends_with(['.', ':', ';', '?', '!']) || prev.bold()
}

fn is_heading(row: &Row, body: f64) -> bool {
    let text = row.text();
    row.bullet().is_none()
        && text.chars().any(char::is_alphabetic)
        && ((row.bold() && row.size() >= body - 0.5) || row.size() >= body + 1.5)
        && text.len() < 200
}

fn continues_heading(prev: &Row, next: &Row) -> bool {
    prev.page == next.page
        && (prev.size() - next.size()).abs() < 1.0
        && next.top() - prev.top() < 2.0 * prev.size().max(1.0)
        && prev.bold() == next.bold()
}

/// A heading's area and printed grade: "…protection: good", or a grade in a right-hand box.
fn heading_parts(rows: &[Row]) -> (String, Option<GradeCode>) {
    let mut left: Vec<&str> = Vec::new();
    let mut right: Vec<&str> = Vec::new();
    let x_first = rows.first().map_or(0.0, |r| r.x0());
    for row in rows {
        for f in &row.frags {
            if f.bbox.x0 > x_first + 0.25 * row.width {
                right.push(f.text.as_str());
            } else {
                left.push(f.text.as_str());
            }
        }
    }
    let area = join_lines(left.iter().copied());
    if let Some(g) = grade_code(&join_lines(right.iter().copied())) {
        return (area, Some(g));
    }
    let all = join_lines(rows.iter().flat_map(|r| r.frags.iter().map(|f| f.text.as_str())));
    if let Some(c) = HEADING_GRADE.captures(&all) {
        if let (Some(a), Some(g)) = (c.name("area"), c.name("grade").and_then(|g| grade_code(g.as_str()))) {
            return (a.as_str().to_string(), Some(g));
        }
    }
    (all, None)
}

/// The judgements: the first table (or, unruled, the first page's label/grade pairs) that
/// grades two or more areas, and an overall judgement printed as a sentence. A grade cell of
/// that table that is none of the framework's grades is warned (`grade_unrecognised`) and kept
/// only where the nearest grade is unambiguous. The judgement "at previous inspection" is not
/// a current one.
fn judgements(pages: &[Page]) -> (Vec<Judgement>, Vec<Warning>) {
    let mut out: Vec<Judgement> = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    let mut overall: Option<Judgement> = None;
    for page in pages.iter().take(3) {
        for table in &page.tables {
            let mut found = Vec::new();
            // (its place among the judgements, area, grade as printed, bbox)
            let mut unknown: Vec<(usize, String, String, BBox)> = Vec::new();
            let mut rows = table.rows.iter().peekable();
            while let Some(row) = rows.next() {
                let cells: Vec<&str> =
                    row.cells.iter().map(|c| c.text.trim()).filter(|t| !t.is_empty()).collect();
                let Some((last, rest)) = cells.split_last() else { continue };
                let joined = cells.join(" ");
                if PREVIOUS.is_match(&joined) {
                    continue;
                }
                if let Some(j) = overall_sentence(&joined, page.number, &row.bbox) {
                    overall.get_or_insert(j);
                    continue;
                }
                let Some(mut code) = grade_code(last) else {
                    if !rest.is_empty() && grades::grade_like(last) {
                        unknown.push((found.len(), clean_area(&rest.join(" ")), squash(last), row.bbox));
                    }
                    continue;
                };
                let mut grade = squash(last);
                let mut area = rest.join(" ");
                let mut bbox = row.bbox;
                // A grade wrapped into the next row ("Requires improvement" / "to be good").
                let wrapped = rows.peek().and_then(|next| {
                    let cells: Vec<&str> =
                        next.cells.iter().map(|c| c.text.trim()).filter(|t| !t.is_empty()).collect();
                    let (tail, label) = cells.split_last()?;
                    tail.eq_ignore_ascii_case("to be good")
                        .then(|| (squash(tail), label.join(" "), next.bbox))
                });
                if let Some((tail, label, next_bbox)) =
                    wrapped.filter(|_| code == GradeCode::RequiresImprovement)
                {
                    grade = format!("{grade} {tail}");
                    code = GradeCode::RequiresImprovementToBeGood;
                    area = format!("{area} {label}");
                    bbox = bbox.union(&next_bbox);
                    rows.next();
                }
                let area = clean_area(&area);
                if area.is_empty() {
                    continue;
                }
                found.push(Judgement {
                    area,
                    grade,
                    grade_code: code,
                    provenance: provenance(page.number, &bbox),
                });
            }
            if found.len() >= 2 && out.is_empty() {
                let mut unread = Vec::new();
                for (at, area, grade, bbox) in unknown.into_iter().rev() {
                    let nearest = grades::nearest(&grade);
                    let kept = match nearest {
                        Some(code) => format!("read as the nearest grade, {}", grades::code_name(code)),
                        None => "no grade is near enough to read it as one; the judgement is left out".into(),
                    };
                    unread.push(Warning::new(
                        WarningCode::GradeUnrecognised,
                        format!("'{area}' is graded '{grade}', none of the framework's grades: {kept}"),
                        Some(page.number),
                    ));
                    if let (Some(grade_code), false) = (nearest, area.is_empty()) {
                        let j =
                            Judgement { area, grade, grade_code, provenance: provenance(page.number, &bbox) };
                        found.insert(at.min(found.len()), j);
                    }
                }
                unread.reverse();
                warnings.extend(unread);
                out = found;
            }
        }
        if out.is_empty() {
            let found = unruled(page);
            if found.len() >= 2 {
                out = found;
            }
        }
        if overall.is_none() {
            // The block is the sentence, or the sentence opens its paragraph.
            overall = page.blocks.iter().find_map(|b| {
                let text = squash(&b.text());
                let first = text.split_once(". ").map_or(text.as_str(), |(s, _)| s);
                overall_sentence(&text, page.number, &b.bbox)
                    .or_else(|| overall_sentence(first, page.number, &b.bbox))
            });
        }
        if overall.is_none() {
            // The sentence may be split into fragments on one baseline.
            let mut k = 0;
            while k < page.lines.len() {
                let top = page.lines[k].bbox.top;
                let mut j = k;
                while j < page.lines.len() && (page.lines[j].bbox.top - top).abs() < SAME_BASELINE_PT {
                    j += 1;
                }
                let group = &page.lines[k..j.max(k + 1)];
                let text = group.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ");
                let bbox = group.iter().map(|l| l.bbox).reduce(|a, b| a.union(&b));
                if let (Some(j), true) = (bbox.and_then(|b| overall_sentence(&text, page.number, &b)), true) {
                    overall = Some(j);
                    break;
                }
                k = j.max(k + 1);
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    if let Some(o) = overall {
        if !out.iter().any(|j| j.area.eq_ignore_ascii_case("overall effectiveness")) {
            out.push(o);
        }
    }
    (out, warnings)
}

fn overall_sentence(text: &str, page: u32, bbox: &BBox) -> Option<Judgement> {
    let text = squash(text);
    let c = OVERALL.captures(&text)?;
    let g = c.name("grade")?.as_str();
    Some(Judgement {
        area: "Overall effectiveness".into(),
        grade: g.to_string(),
        grade_code: grade_code(g)?,
        provenance: provenance(page, bbox),
    })
}

/// Label/grade pairs printed without a table: a block that is only a grade, and the label
/// block to its left that overlaps it vertically (the grade may sit between a label's lines).
fn unruled(page: &Page) -> Vec<Judgement> {
    let mut out = Vec::new();
    for g in &page.blocks {
        // "Requires improvement" with "to be good" in the block below it is one grade.
        let below = page.blocks.iter().find(|b| {
            (b.bbox.x0 - g.bbox.x0).abs() < SAME_EDGE_PT
                && b.bbox.top >= g.bbox.top + 1.0
                && b.bbox.top - g.bbox.bottom < 0.8 * g.bbox.height().max(1.0)
                && b.text().trim().eq_ignore_ascii_case("to be good")
        });
        let gtext = match below {
            Some(b) => format!("{} {}", g.text(), b.text()),
            None => g.text(),
        };
        let Some(code) = grade_code(&gtext) else { continue };
        // The label left of the grade that it overlaps, or else the nearest within a line's
        // height (a grade printed on the line above or below its label).
        let label = page
            .blocks
            .iter()
            .filter(|b| b.bbox.x1 < g.bbox.x0 && grade_code(&b.text()).is_none())
            .filter(|b| {
                !b.text().trim().trim_end_matches('.').chars().all(|c| c.is_ascii_digit() || c == '.')
            })
            .map(|b| (b, (b.bbox.top - g.bbox.bottom).max(g.bbox.top - b.bbox.bottom).max(0.0)))
            .filter(|(_, gap)| *gap < g.bbox.height().max(1.0))
            .min_by(|(a, ga), (b, gb)| ga.total_cmp(gb).then(b.bbox.x1.total_cmp(&a.bbox.x1)))
            .map(|(b, _)| b);
        let Some(label) = label else { continue };
        if PREVIOUS.is_match(&label.text()) {
            continue;
        }
        let area = clean_area(&label.text());
        if area.is_empty() {
            continue;
        }
        out.push(Judgement {
            area,
            grade: squash(&gtext),
            grade_code: code,
            provenance: provenance(page.number, &label.bbox.union(&g.bbox)),
        });
    }
    out
}

/// An area without its printed number ("2.1 Adoption performance" → "Adoption performance").
fn clean_area(text: &str) -> String {
    static NUM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+").expect("valid regex"));
    squash(&NUM.replace(text, ""))
}

/// Words of an area, for matching a heading to its table row.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2 && !["the", "and", "with", "who", "need", "for"].contains(w))
        .map(str::to_string)
        .collect()
}

/// A heading's grade against the judgement of the same area.
fn cross_check(
    judgements: &[Judgement],
    area: &str,
    grade: GradeCode,
    page: u32,
    warnings: &mut Vec<Warning>,
) {
    let hw = words(area);
    if hw.is_empty() {
        return;
    }
    // The judgement whose words the heading covers best (all of them, or all of the heading's).
    let best = judgements
        .iter()
        .filter(|j| {
            let jw = words(&j.area);
            !jw.is_empty() && (jw.iter().all(|w| hw.contains(w)) || hw.iter().all(|w| jw.contains(w)))
        })
        .max_by_key(|j| words(&j.area).len());
    let Some(j) = best else { return };
    if !same_grade(j.grade_code, grade) {
        warnings.push(Warning::new(
            WarningCode::GradeMismatch,
            format!("the heading '{area}' grades it {grade:?}, the judgements table '{}'", j.grade),
            Some(page),
        ));
    }
}

/// Headings print "requires improvement" for a table's "requires improvement to be good".
fn same_grade(a: GradeCode, b: GradeCode) -> bool {
    use GradeCode::*;
    a == b
        || matches!(
            (a, b),
            (RequiresImprovement, RequiresImprovementToBeGood)
                | (RequiresImprovementToBeGood, RequiresImprovement)
        )
}

/// The authority or service the report is about.
fn subject(rows: &[Row], body: f64) -> Option<String> {
    let first_page = rows.first()?.page;
    let page_rows: Vec<&Row> = rows.iter().filter(|r| r.page == first_page).collect();
    // Joined heading groups of the first page.
    let mut groups: Vec<(f64, String)> = Vec::new();
    let mut k = 0;
    while k < page_rows.len() {
        let r = page_rows[k];
        let mut j = k + 1;
        if is_heading(r, body) {
            while j < page_rows.len()
                && is_heading(page_rows[j], body)
                && continues_heading(page_rows[j - 1], page_rows[j])
            {
                j += 1;
            }
        }
        let text = join_lines(page_rows[k..j].iter().flat_map(|r| r.frags.iter().map(|f| f.text.as_str())));
        groups.push((if is_heading(r, body) { r.size() } else { 0.0 }, text));
        k = j;
    }
    let largest = groups
        .iter()
        .filter(|(s, t)| *s > 0.0 && !is_letterhead(t) && !OVERALL.is_match(&squash(t)))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    for (k, (_, text)) in groups.iter().enumerate() {
        if let Some(s) = SUBJECT.captures(text).and_then(|c| c.name("subject")) {
            let s = s.as_str().trim().to_string();
            // "Norfolk Council" over "Re-inspection of services for children…": the authority
            // is the larger title printed first.
            // "Inspection of services for children …" names no authority: the heading printed
            // next does ("Ravenshire County Council").
            let after = groups.get(k + 1).filter(|(size, t)| {
                *size > 0.0 && AUTHORITY.is_match(t) && !SUBJECT.is_match(t) && !AUTHORITY.is_match(&s)
            });
            return match (largest, after) {
                (Some((_, t)), _)
                    if groups.iter().position(|(_, g)| g == t).is_some_and(|p| p < k)
                        && !SUBJECT.is_match(t) =>
                {
                    Some(format!("{t}: {s}"))
                }
                (_, Some((_, t))) => Some(format!("{t}: {s}")),
                _ => Some(s),
            };
        }
    }
    groups.iter().filter(|(s, _)| *s > 0.0).max_by(|a, b| a.0.total_cmp(&b.0)).map(|(_, t)| t.clone())
}

/// The inspection's first and last day: the "Inspection date(s):" line, else the first span of
/// two or more days in the opening text (a letter's "on 8 and 9 October 2019").
fn inspection_dates(rows: &[Row]) -> (Option<String>, Option<String>) {
    for (i, row) in rows.iter().enumerate().take(80) {
        let text = row.text();
        let lower = text.to_lowercase();
        let Some(at) = lower
            .find("inspection date")
            .or_else(|| lower.find("dates of inspection"))
            .or_else(|| lower.find("visit date"))
        else {
            continue;
        };
        let mut tail = text.get(at..).unwrap_or("").to_string();
        if let Some(next) = rows.get(i + 1) {
            tail = format!("{tail} {}", next.text());
        }
        if let Some(s) = spans(&tail).into_iter().next() {
            return (Some(s.start), Some(s.end));
        }
    }
    let opening = join_lines(
        rows.iter()
            .take(120)
            .map(|r| r.frags.iter().map(|f| f.text.as_str()).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    );
    let lower = opening.to_lowercase();
    let mentions = |at: usize| {
        let from = lower.char_indices().map(|(b, _)| b).find(|&b| b + 300 >= at).unwrap_or(0);
        let window = lower.get(from..at).unwrap_or("");
        window.contains("visit") || window.contains("inspect")
    };
    let all: Vec<(usize, Span)> = spans(&opening).into_iter().map(|s| (s.at, s)).collect();
    if let Some((_, s)) = all.iter().find(|(at, s)| s.parts >= 2 && mentions(*at)) {
        return (Some(s.start.clone()), Some(s.end.clone()));
    }
    if let Some((_, s)) = all.iter().find(|(at, _)| {
        *at > 0 && mentions(*at) && lower.get(..*at).is_some_and(|b| b.trim_end().ends_with(" on"))
    }) {
        return (Some(s.start.clone()), Some(s.end.clone()));
    }
    (None, None)
}

/// The lead inspector and their role, where one is named as lead; else the reporting inspector.
fn lead(rows: &[Row]) -> (Option<String>, Option<String>) {
    for re in [&*LEAD, &*LEAD_AFTER, &*REPORTING] {
        if let Some(found) = named(rows, re) {
            return found;
        }
    }
    (None, None)
}

/// The first row `re` names an inspector in: the name alone, and the role printed after it
/// ("Jane Smith HMI", "Jane Smith, Her Majesty's Inspector", the role on the next line).
fn named(rows: &[Row], re: &Regex) -> Option<(Option<String>, Option<String>)> {
    for (i, row) in rows.iter().enumerate() {
        let text = squash(&row.text());
        let Some(c) = re.captures(&text) else { continue };
        let Some(printed) = c.name("name").map(|m| m.as_str().trim().trim_end_matches('.')) else {
            continue;
        };
        // "Peter Grant HMI": the title printed after the name is the role.
        let (name, title) = match ROLE_AFTER.captures(printed) {
            Some(t) => (
                t.name("name").map_or("", |m| m.as_str()).trim().to_string(),
                t.name("role").map(|m| m.as_str().to_string()),
            ),
            None => (printed.to_string(), None),
        };
        if !looks_like_name(&name) {
            continue;
        }
        let role = title
            .or_else(|| {
                c.name("role")
                    .map(|m| m.as_str().trim().trim_end_matches('.').to_string())
                    .filter(|r| ROLE.is_match(r))
            })
            .or_else(|| {
                rows.get(i + 1).map(|r| squash(&r.text())).filter(|t| ROLE.is_match(t) && t.len() < 60)
            })
            .or_else(|| beside(rows, row));
        // "His Majesty's" / "Inspector" wrapped over two lines.
        let role = match (role, rows.get(i + 1).map(|r| squash(&r.text()))) {
            (Some(r), Some(next))
                if r.to_lowercase().ends_with("majesty’s") || r.to_lowercase().ends_with("majesty's") =>
            {
                if next.to_lowercase().starts_with("inspector") {
                    Some(format!("{r} Inspector"))
                } else {
                    Some(r)
                }
            }
            (r, _) => r,
        };
        return Some((Some(name), role));
    }
    None
}

/// A role printed on the same baseline to the right of the name (an inspection team's table,
/// which reading order gives column by column).
fn beside(rows: &[Row], row: &Row) -> Option<String> {
    let right = row.bbox().x1;
    rows.iter()
        .filter(|r| r.page == row.page && (r.top() - row.top()).abs() < SAME_BASELINE_PT && r.x0() > right)
        .map(|r| squash(&r.text()))
        .find(|t| ROLE.is_match(t) && t.len() < 60)
}

fn looks_like_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=5).contains(&words.len()) && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overall_sentences() {
        let b = BBox { x0: 0.0, top: 0.0, x1: 1.0, bottom: 1.0 };
        let j = overall_sentence("Children’s services in Norfolk requires improvement to be good", 1, &b)
            .expect("overall");
        assert_eq!(j.grade_code, GradeCode::RequiresImprovementToBeGood);
        assert_eq!(j.grade, "requires improvement to be good");
        assert!(overall_sentence("Children’s services in Norfolk have improved since 2015", 1, &b).is_none());
        let j = overall_sentence("The overall judgement is requires improvement", 1, &b).expect("overall");
        assert_eq!(j.grade_code, GradeCode::RequiresImprovement);
        let j = overall_sentence(
            "The overall judgement is that children's services in Westmoor are inadequate.",
            1,
            &b,
        )
        .expect("overall");
        assert_eq!(j.grade_code, GradeCode::Inadequate);
        assert!(overall_sentence("Good", 1, &b).is_none());
        assert!(overall_sentence("The overall judgement is that services have improved", 1, &b).is_none());
    }

    #[test]
    fn areas_lose_their_numbers() {
        assert_eq!(clean_area("2.1 Adoption performance"), "Adoption performance");
        assert_eq!(
            clean_area("1. Children who need help and protection"),
            "Children who need help and protection"
        );
        assert_eq!(clean_area("The impact of leaders"), "The impact of leaders");
    }

    fn judgement(area: &str, code: GradeCode) -> Judgement {
        Judgement {
            area: area.into(),
            grade: format!("{code:?}"),
            grade_code: code,
            provenance: provenance(1, &BBox { x0: 0.0, top: 0.0, x1: 1.0, bottom: 1.0 }),
        }
    }

    #[test]
    fn heading_grade_disagreeing_with_table_warns() {
        let table = vec![
            judgement("The experiences and progress of children in care", GradeCode::Good),
            judgement("The experiences and progress of care leavers", GradeCode::Inadequate),
            judgement("Children who need help and protection", GradeCode::RequiresImprovement),
        ];
        let mut warnings = Vec::new();
        cross_check(
            &table,
            "The experiences and progress of children in care",
            GradeCode::Good,
            4,
            &mut warnings,
        );
        cross_check(
            &table,
            "The experiences and progress of children who need help and protection",
            GradeCode::RequiresImprovementToBeGood,
            2,
            &mut warnings,
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        cross_check(
            &table,
            "The experiences and progress of care leavers",
            GradeCode::Good,
            7,
            &mut warnings,
        );
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, WarningCode::GradeMismatch);
        assert_eq!(warnings[0].page, Some(7));
    }

    fn fixture_layout(name: &str) -> crate::layout::Layout {
        let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let Ok(bytes) = std::fs::read(&path) else { panic!("fixture {path}") };
        let Ok(raw) = crate::pdf::read(&bytes, &Default::default()) else { panic!("readable") };
        crate::layout::build(&raw)
    }

    #[test]
    fn grade_wrapped_into_the_next_table_row() {
        // BCP's table, with "Requires improvement to be good" split over two rows as some
        // producers' tables are ruled.
        let layout = fixture_layout("real/ofsted-ilacs-bcp-2022-inadequate.pdf");
        let Some(mut page) = layout.pages.first().cloned() else { panic!("a page") };
        let Some(table) = page.tables.first_mut() else { panic!("a table") };
        let Some(mut row) = table.rows.get(3).cloned() else { panic!("row 3") };
        let Some(mut tail) = table.rows.get(3).cloned() else { panic!("row 3") };
        if let Some(c) = row.cells.last_mut() {
            c.text = "Requires improvement".into();
        }
        for c in tail.cells.iter_mut() {
            c.text = String::new();
        }
        if let Some(c) = tail.cells.last_mut() {
            c.text = "to be good".into();
        }
        table.rows[3] = row;
        table.rows.insert(4, tail);
        let got: Vec<(String, String, GradeCode)> =
            judgements(&[page]).0.into_iter().map(|j| (j.area, j.grade, j.grade_code)).collect();
        assert_eq!(got.len(), 4);
        assert_eq!(
            got[2],
            (
                "The experiences and progress of children in care and care leavers".to_string(),
                "Requires improvement to be good".to_string(),
                GradeCode::RequiresImprovementToBeGood
            )
        );
        assert_eq!(got[3].0, "Overall effectiveness");
    }

    #[test]
    fn unruled_grade_wrapped_into_the_block_below() {
        let layout = fixture_layout("real/ofsted-sif-norfolk-2018-reinspection.pdf");
        let Some(mut page) = layout.pages.first().cloned() else { panic!("a page") };
        // "Leadership, management and governance   Requires improvement" + "to be good" below.
        let Some(grade) = page.blocks.iter().rfind(|b| b.text() == "Requires improvement").cloned() else {
            panic!("grade block")
        };
        let mut below = grade.clone();
        let dy = grade.bbox.height() + 2.0;
        below.bbox.top += dy;
        below.bbox.bottom += dy;
        for l in below.lines.iter_mut() {
            l.text = "to be good".into();
            l.bbox.top += dy;
            l.bbox.bottom += dy;
        }
        page.blocks.push(below);
        let got = unruled(&page);
        let last = got.last().map(|j| (j.area.as_str(), j.grade.as_str(), j.grade_code));
        assert_eq!(
            last,
            Some((
                "Leadership, management and governance",
                "Requires improvement to be good",
                GradeCode::RequiresImprovementToBeGood
            ))
        );
    }

    #[test]
    fn unruled_pairs_on_the_sif_front_page() {
        // Read without its ruled table: label blocks and grade blocks only (the grade of
        // "Children looked after and achieving / permanence" sits between its two lines).
        let path =
            concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/real/ofsted-sif-norfolk-2018-reinspection.pdf");
        let Ok(bytes) = std::fs::read(path) else { panic!("fixture {path}") };
        let Ok(raw) = crate::pdf::read(&bytes, &Default::default()) else { panic!("readable") };
        let layout = crate::layout::build(&raw);
        let Some(page) = layout.pages.first() else { panic!("a page") };
        let got: Vec<(String, GradeCode)> =
            unruled(page).into_iter().map(|j| (j.area, j.grade_code)).collect();
        let want = vec![
            ("Children who need help and protection".to_string(), GradeCode::RequiresImprovement),
            ("Children looked after and achieving permanence".to_string(), GradeCode::RequiresImprovement),
            ("Adoption performance".to_string(), GradeCode::Outstanding),
            ("Experiences and progress of care leavers".to_string(), GradeCode::RequiresImprovement),
            ("Leadership, management and governance".to_string(), GradeCode::RequiresImprovement),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn dropped_footnote_markers_leave_no_gap() {
        assert_eq!(tidy("placements for children in care ."), "placements for children in care.");
        assert_eq!(tidy("the front door , so that ( see below )"), "the front door, so that ( see below)");
        assert_eq!(strip_letter_o("o Quality assurance is developing"), "Quality assurance is developing");
    }

    #[test]
    fn letterheads_and_authorities() {
        assert!(is_letterhead("Ofsted"));
        assert!(!is_letterhead("Ofsted inspection of Kent"));
        assert!(AUTHORITY.is_match("London Borough of Hackney"));
        assert!(!AUTHORITY.is_match("Summary"));
        let c = LEAD.captures("Lead inspector: Ann Lee, HMI").expect("match");
        assert_eq!(c.name("name").map(|m| m.as_str()), Some("Ann Lee"));
        assert!(ROLE.is_match(c.name("role").map_or("", |m| m.as_str())));
    }

    #[test]
    fn lead_inspector_lines() {
        let c = LEAD.captures("Lead inspector: Kendra Bell, Her Majesty’s Inspector").expect("match");
        assert_eq!(c.name("name").map(|m| m.as_str()), Some("Kendra Bell"));
        assert!(ROLE.is_match(c.name("role").map_or("", |m| m.as_str())));
        assert!(LEAD.captures("Deputy lead inspector: Mandy Nightingale").is_none());
    }
}
