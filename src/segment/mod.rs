//! Pack splitting and document type: which pages form which document, and what the file is.
//!
//! A page starts a new section when it is blank, when the page shape changes (portrait papers,
//! landscape tables, 16:9 slides), or when its opening lines name a different kind of paper
//! ("Minutes of …", "Work Programme", "Inspection of … children's services"). Otherwise it
//! continues the section before it.

use regex::Regex;
use std::sync::LazyLock;

use crate::contract::{DocumentType, Section, SectionKind, Warning, WarningCode};
use crate::layout::{Layout, Page};

/// The kinds a page's opening lines announce, most specific first. Each regex is matched
/// against the lowercased text of the page's first lines.
static STARTS: LazyLock<Vec<(SectionKind, Regex)>> = LazyLock::new(|| {
    let r = |s: &str| Regex::new(s).expect("valid regex");
    vec![
        (SectionKind::ActionTracker, r(r"\b(outcome|action)s?\s+(tracker|log)\b|\baction\s+tracker\b")),
        (SectionKind::WorkProgramme, r(r"\bwork\s*(programme|program|plan)\b|\bforward\s+plan\b")),
        (
            SectionKind::Minutes,
            r(
                r"^\s*minutes\b|\bminutes\s+of\s+(a|the)\s+(meeting|proceedings)|\bminutes\s*$|\bminutes\s+of\s+the\b|^\s*cofnodion\b|\bcofnodion\s+(cyfarfod|y\s+cyfarfod)",
            ),
        ),
        (
            SectionKind::OfstedReport,
            r(
                r"inspection\s+of\s+.{0,120}(children|local\s+authority)|focused\s+visit|monitoring\s+visit|\bofsted\b.{0,80}(inspection|visit)|inspection\s+of\s+services\s+for\s+children|re-inspection\s+of\s+services",
            ),
        ),
        (
            SectionKind::Agenda,
            r(
                r"^\s*agenda\s*$|^\s*agenda\b|\bagenda\s+item\s*$|^\s*supplementary\s+agenda|(hereby\s+)?summoned\s+to\s+attend|^\s*notice\s+of\s+(a\s+)?meeting|you\s+are\s+(hereby\s+)?(requested|invited)\s+to\s+attend",
            ),
        ),
        (
            SectionKind::Guidance,
            r(
                r"guidance\s+notes|information\s+(about|on)\s+the\s+(committee|meeting)|notes\s+for\s+(the\s+)?(meeting|members\s+of\s+the\s+public)",
            ),
        ),
        (
            SectionKind::ProgressReport,
            r(
                r"progress\s+(report|summary|update)|highlight\s+report|transformation\s+programme|programme\s+(status|dashboard)",
            ),
        ),
        (
            SectionKind::CommitteeReport,
            r(
                r"\breport\s+(of|to|by)\b|\bdecision\s+no\b|\bsubject\s*:|\bbudget\b|\bappendix\b|\bscrutiny\s+committee\s*[–-]|\brecommendations?\s*:|\bexecutive\s+summary\b",
            ),
        ),
    ]
});

static BLANK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(this\s+page\s+(is\s+)?(intentionally\s+)?(left\s+)?blank\.?|blank\s+page|page\s+intentionally\s+left\s+blank\.?)\s*$").expect("valid regex")
});

/// The page's opening lines, lowercased: its first few body lines above its first third.
fn opening(page: &Page) -> String {
    let limit = page.height * 0.5;
    let lines: Vec<String> =
        page.lines.iter().filter(|l| l.bbox.top < limit).take(12).map(|l| l.text.to_lowercase()).collect();
    // Titles wrap: each line, then each pair of neighbours joined, so a two-line title matches.
    // Each line followed by it joined with the next, in page order, so the earliest wins.
    // A title set large wraps further ("Inspection of the Royal Borough of" / "Windsor and
    // Maidenhead local" / "authority children's services"): lines of one size above the body's
    // are joined up to TITLE_LINES.
    let sized: Vec<(f64, bool)> = page
        .lines
        .iter()
        .filter(|l| l.bbox.top < limit)
        .take(12)
        .map(|l| (l.size, l.size > page.body_size + 0.9))
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len() * 3);
    for (i, l) in lines.iter().enumerate() {
        out.push(l.clone());
        if let Some(n) = lines.get(i + 1) {
            out.push(format!("{l} {n}"));
        }
        let same = |k: usize| match (sized.get(i), sized.get(k)) {
            (Some((a, true)), Some((b, _))) => (a - b).abs() < 0.5,
            _ => false,
        };
        let run = (i + 1..lines.len().min(i + TITLE_LINES)).take_while(|&k| same(k)).last();
        if let Some(end) = run.filter(|&e| e >= i + 2) {
            out.push(lines.get(i..=end).unwrap_or_default().join(" "));
        }
    }
    out.join("\n")
}

/// The most lines a title set large may wrap over.
const TITLE_LINES: usize = 4;

pub fn is_blank(page: &Page) -> bool {
    if !page.has_text {
        return false; // a page with no text layer at all is a scan, not a blank page
    }
    let text = page.text();
    text.trim().is_empty() || BLANK.is_match(text.trim())
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    Portrait,
    Landscape,
    Slide,
}

fn shape(p: &Page) -> Shape {
    let ratio = p.width / p.height.max(1.0);
    if ratio > 1.6 {
        Shape::Slide
    } else if ratio > 1.05 {
        Shape::Landscape
    } else {
        Shape::Portrait
    }
}

/// What kind of paper the page's opening announces, if any.
fn announced(page: &Page) -> Option<SectionKind> {
    // The paper announced first on the page wins ("Minutes of the … Board" above an item
    // called "Forward Plan"); on one line, the more specific kind.
    let text = opening(page);
    text.lines().find_map(|l| STARTS.iter().find(|(_, re)| re.is_match(l)).map(|(k, _)| *k))
}

/// A front sheet: the meeting's date and venue in the first lines, and usually "Membership".
fn is_front_sheet(page: &Page) -> bool {
    let text = page.text().to_lowercase();
    let has_date = text.contains("date:")
        || text.contains("date of meeting")
        || Regex::new(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+\d{1,2}")
            .map(|r| r.is_match(&text))
            .unwrap_or(false);
    let has_venue = [
        "venue",
        "place:",
        "location:",
        "chamber",
        "meeting room",
        " hall",
        "room ",
        "centre",
        "pavilion",
        "guildhall",
        "civic",
        "offices",
    ]
    .iter()
    .any(|w| text.contains(w));
    let has_members = text.contains("membership")
        || text.contains("members of the")
        || text.contains("councillor")
        || text.contains("cllr");
    // Labelled "Date:", "Time:" and "Venue:" rows are a front sheet even without a member list.
    let labelled = text.contains("date:")
        && text.contains("time:")
        && (text.contains("venue:") || text.contains("place:") || text.contains("location:"));
    has_date && has_venue && (has_members || labelled) && page.number <= 2
}

/// A covering letter sent with papers: "Dear Member … I am now able to enclose …".
fn is_covering_letter(page: &Page) -> bool {
    let text = page.text().to_lowercase();
    (text.contains("dear member") || text.contains("dear councillor"))
        && (text.contains("enclose") || text.contains("supplementary"))
}

/// Splits the layout into sections and names the document type.
pub fn segment(layout: &Layout, title: Option<&str>) -> (DocumentType, Vec<Section>) {
    let (doc_type, sections, _) = segment_with_doubt(layout, title);
    (doc_type, sections)
}

/// As [`segment`], with a `document_type_uncertain` warning where the evidence for the type
/// was weak or split (the message names the runner-up type).
pub fn segment_with_doubt(
    layout: &Layout,
    title: Option<&str>,
) -> (DocumentType, Vec<Section>, Option<Warning>) {
    let mut sections: Vec<Section> = Vec::new();
    let mut prev_shape: Option<Shape> = None;
    // What each page says of itself, read for all pages in parallel.
    let own: Vec<(Option<SectionKind>, Shape)> = {
        use rayon::prelude::*;
        layout
            .pages
            .par_iter()
            .map(|page| {
                let kind_here = if is_blank(page) {
                    Some(SectionKind::Blank)
                } else {
                    let announced = announced(page);
                    if page.number == 1
                        && (is_front_sheet(page) || is_covering_letter(page))
                        && announced != Some(SectionKind::Minutes)
                    {
                        Some(SectionKind::Cover)
                    } else {
                        announced
                    }
                };
                (kind_here, shape(page))
            })
            .collect()
    };
    for (page, (kind_here, s)) in layout.pages.iter().zip(own) {
        let current = sections.last().map(|x| x.kind);
        let shape_changed = prev_shape.is_some_and(|p| p != s);
        prev_shape = Some(s);
        let start = match (current, kind_here) {
            (None, _) => true,
            (Some(SectionKind::Blank), Some(SectionKind::Blank)) => false,
            (Some(SectionKind::Blank), _) | (_, Some(SectionKind::Blank)) => true,
            (Some(_), _) if shape_changed => true,
            (Some(cur), Some(k)) => k != cur && starts_document(page, k, cur),
            (Some(_), None) => false,
        };
        if start {
            let kind = kind_here.unwrap_or(match s {
                Shape::Slide => SectionKind::Presentation,
                _ => SectionKind::Other,
            });
            let kind = match (kind, s) {
                (SectionKind::Other, Shape::Slide) | (SectionKind::CommitteeReport, Shape::Slide) => {
                    SectionKind::Presentation
                }
                (k, _) => k,
            };
            sections.push(Section {
                id: String::new(),
                kind,
                title: title_of(page, kind),
                first_page: page.number,
                last_page: page.number,
            });
        } else if let Some(last) = sections.last_mut() {
            last.last_page = page.number;
        }
    }
    // Unclassified sections: a committee report when they read like a paper.
    for s in &mut sections {
        if s.kind == SectionKind::Other && s.title.is_some() {
            s.kind = SectionKind::CommitteeReport;
        }
    }
    let typing = document_type(layout, &sections, title);
    let doc_type = typing.chosen;
    // An Ofsted report only mentioned: the paper's first section is not the report.
    if doc_type != DocumentType::OfstedReport {
        if let Some(first) = sections.first_mut().filter(|s| s.kind == SectionKind::OfstedReport) {
            if typing.runner_up == Some(DocumentType::OfstedReport) {
                first.kind = SectionKind::CommitteeReport;
            }
        }
    }
    // A single paper's opening section is that paper, whatever its first page mentions.
    let main_kind = match doc_type {
        DocumentType::ProgressReport => Some(SectionKind::ProgressReport),
        DocumentType::OfstedReport => Some(SectionKind::OfstedReport),
        DocumentType::Minutes => Some(SectionKind::Minutes),
        DocumentType::Unknown => Some(SectionKind::Other),
        _ => None,
    };
    if let Some(main) = main_kind {
        for (i, s) in sections.iter_mut().enumerate() {
            let generic = matches!(
                s.kind,
                SectionKind::Presentation
                    | SectionKind::Other
                    | SectionKind::CommitteeReport
                    | SectionKind::Guidance
            );
            let relabel =
                (i == 0 && s.kind != SectionKind::Blank) || (generic && main == SectionKind::ProgressReport);
            if relabel && s.kind != main {
                s.kind = main;
                if let Some(t) = layout.page(s.first_page).and_then(|p| title_of(p, main)) {
                    s.title = Some(t);
                }
            }
        }
        merge_adjacent(&mut sections);
    }
    for (i, s) in sections.iter_mut().enumerate() {
        s.id = format!("s{}", i + 1);
    }
    let doubt = typing.runner_up.map(|r| {
        Warning::new(
            WarningCode::DocumentTypeUncertain,
            format!(
                "typed {} on weak or split evidence ({}); the runner-up is {}",
                type_name(doc_type),
                typing.why,
                type_name(r)
            ),
            Some(layout.pages.first().map_or(1, |p| p.number)),
        )
    });
    (doc_type, sections, doubt)
}

/// The contract's name of a document type.
fn type_name(t: DocumentType) -> &'static str {
    match t {
        DocumentType::AgendaPack => "agenda_pack",
        DocumentType::Minutes => "minutes",
        DocumentType::ProgressReport => "progress_report",
        DocumentType::OfstedReport => "ofsted_report",
        DocumentType::CommitteeReport => "committee_report",
        DocumentType::Unknown => "unknown",
    }
}

/// The type chosen and, where the evidence was weak or split, the runner-up and why.
struct Typing {
    chosen: DocumentType,
    runner_up: Option<DocumentType>,
    why: &'static str,
}

impl From<DocumentType> for Typing {
    fn from(chosen: DocumentType) -> Self {
        Typing { chosen, runner_up: None, why: "" }
    }
}

/// How strongly the first pages say "Ofsted inspection report".
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
enum Evidence {
    None,
    /// Mentions only: "Ofsted" and "inspection" in the text, or a page opening on a line
    /// that names an inspection without being set as a title.
    Weak,
    /// A recognised title form set as a title, a table of two or more Ofsted grades, or an
    /// Ofsted letter (the inspectorate's letterhead and an announced visit).
    Strong,
}

/// The Ofsted evidence of the first two pages.
fn ofsted_evidence(layout: &Layout, sections: &[Section], head: &str) -> Evidence {
    let first_is_report = sections.first().map(|s| s.kind) == Some(SectionKind::OfstedReport);
    let pages: Vec<&Page> = layout.pages.iter().filter(|p| !is_blank(p)).take(2).collect();
    let titled = pages.first().is_some_and(|p| p.number == 1 && ofsted_title(p));
    let graded = pages.iter().any(|p| grade_table(p));
    let letter = pages.first().is_some_and(|p| p.number == 1 && ofsted_letter(p));
    if titled || graded || letter {
        return Evidence::Strong;
    }
    let mentions = head.contains("ofsted")
        && score(head, &["inspection", "focused visit", "monitoring visit", "inspector"]) > 0;
    if first_is_report || mentions {
        Evidence::Weak
    } else {
        Evidence::None
    }
}

/// An Ofsted letter: the inspectorate's letterhead ("Ofsted" at the top, its address) and a
/// line naming the visit or inspection ("Focused visit to Norfolk children's services").
fn ofsted_letter(page: &Page) -> bool {
    let Some(re) = STARTS.iter().find(|(k, _)| *k == SectionKind::OfstedReport).map(|(_, r)| r) else {
        return false;
    };
    let lower: Vec<String> = page.lines.iter().map(|l| l.text.to_lowercase()).collect();
    let letterhead = lower.iter().take(3).any(|t| t.trim() == "ofsted")
        || lower.iter().any(|t| t.contains("ofsted.gov.uk") || t.contains("gov.uk/ofsted"));
    letterhead && lower.iter().any(|t| re.is_match(t))
}

/// The page opens with an Ofsted report's title form ("Inspection of X local authority
/// children's services", "Re-inspection of services for children …") set as a title: larger or
/// bolder than the body, among its first lines (a title may wrap over several).
fn ofsted_title(page: &Page) -> bool {
    let Some(re) = STARTS.iter().find(|(k, _)| *k == SectionKind::OfstedReport).map(|(_, r)| r) else {
        return false;
    };
    let emphatic = |l: &crate::layout::Line| l.bold || l.size > page.body_size + 0.9;
    let top: Vec<&crate::layout::Line> =
        page.lines.iter().filter(|l| l.bbox.top < page.height * 0.5).take(8).collect();
    (0..top.len()).any(|i| {
        let run: Vec<&crate::layout::Line> = top
            .iter()
            .skip(i)
            .take(TITLE_LINES)
            .take_while(|l| emphatic(l) && top.get(i).is_some_and(|f| (f.size - l.size).abs() < 0.5))
            .copied()
            .collect();
        (1..=run.len()).any(|n| {
            let text = run.iter().take(n).map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ");
            re.is_match(&text.to_lowercase())
        })
    })
}

/// Grades of the Ofsted frameworks printed as a table's cells (or a label/grade column pair):
/// at least two lines that are only a grade, beside a "Judgement"/"Grade" header or an
/// "Overall effectiveness" row.
fn grade_table(page: &Page) -> bool {
    use crate::extract::ofsted::grade_code;
    let grades = page.lines.iter().filter(|l| grade_code(&l.text).is_some()).count()
        + page
            .tables
            .iter()
            .flat_map(|t| t.rows.iter())
            .filter_map(|r| r.cells.last())
            .filter(|c| c.text.contains('\n') && grade_code(&c.text).is_some())
            .count();
    let text = page.text().to_lowercase();
    let headed = page.lines.iter().any(|l| {
        let t = l.text.to_lowercase();
        t.starts_with("overall effectiveness") || (t.contains("judgement") && t.contains("grade"))
    }) || text.contains("overall effectiveness");
    grades >= 2 && headed
}

fn merge_adjacent(sections: &mut Vec<Section>) {
    let mut out: Vec<Section> = Vec::new();
    for s in sections.drain(..) {
        match out.last_mut() {
            Some(p)
                if p.kind == s.kind && p.kind != SectionKind::Blank && p.last_page + 1 == s.first_page =>
            {
                p.last_page = s.last_page
            }
            _ => out.push(s),
        }
    }
    *sections = out;
}

/// Whether a page announcing `k` inside a section of `cur` opens a new paper rather than
/// mentioning one: its announcing line is at the top and set larger or bolder than the body.
fn starts_document(page: &Page, k: SectionKind, cur: SectionKind) -> bool {
    // Inside a pack, an Ofsted report or minutes mention "report", "budget" in passing.
    if k == SectionKind::CommitteeReport
        && matches!(
            cur,
            SectionKind::OfstedReport
                | SectionKind::Minutes
                | SectionKind::CommitteeReport
                | SectionKind::Presentation
                | SectionKind::ProgressReport
        )
    {
        return false;
    }
    // A front sheet running over pages: items with their printed page ranges ("12. Revenue
    // Budget … (Pages 85 - 140)") go on listing the agenda, whatever their titles mention.
    if k == SectionKind::CommitteeReport
        && matches!(cur, SectionKind::Cover | SectionKind::Agenda)
        && lists_agenda_items(page)
    {
        return false;
    }
    if matches!(
        (k, cur),
        (SectionKind::Guidance, SectionKind::Agenda) | (SectionKind::Agenda, SectionKind::Cover)
    ) {
        return true;
    }
    let Some(re) = STARTS.iter().find(|(kind, _)| *kind == k).map(|(_, r)| r) else { return false };
    let top: Vec<&crate::layout::Line> = page.lines.iter().take(4).collect();
    let emphatic = |l: &crate::layout::Line| l.bold || l.size > page.body_size + 0.9;
    top.iter().any(|l| re.is_match(&l.text.to_lowercase()) && emphatic(l))
        || top
            .windows(2)
            .any(|w| emphatic(w[0]) && re.is_match(&format!("{} {}", w[0].text, w[1].text).to_lowercase()))
}

/// A page that lists agenda items: two or more lines end in a printed page range "(Pages 5 - 12)".
fn lists_agenda_items(page: &Page) -> bool {
    static RANGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\(\s*pages?\s+\d{1,4}(?:\s*(?:-|–|to)\s*\d{1,4})?\s*\)\.?\s*$").expect("valid regex")
    });
    page.lines.iter().filter(|l| RANGE.is_match(l.text.trim())).count() >= 2
}

/// The section's title: the emphatic line that announces its kind (with the next line when the
/// title wraps in the same style), else the largest of the page's first lines. A letter's
/// subject line ("Focused visit to Norfolk children's services") beats its letterhead.
fn title_of(page: &Page, kind: SectionKind) -> Option<String> {
    let emphatic = |l: &crate::layout::Line| l.bold || l.size > page.body_size + 0.9;
    let re = STARTS.iter().find(|(k, _)| *k == kind).map(|(_, r)| r);
    let top: Vec<&crate::layout::Line> =
        page.lines.iter().filter(|l| l.bbox.top < page.height * 0.6).take(25).collect();
    let announced = re.and_then(|re| {
        top.iter().enumerate().find_map(|(i, l)| {
            let next = top.get(i + 1).filter(|n| {
                emphatic(n)
                    && n.bold == l.bold
                    && (n.size - l.size).abs() < 0.5
                    && n.bbox.top - l.bbox.bottom < l.size
            });
            let joined = next.map(|n| format!("{} {}", l.text, n.text));
            let hit = re.is_match(&l.text.to_lowercase())
                || joined.as_ref().is_some_and(|j| re.is_match(&j.to_lowercase()));
            (hit && emphatic(l)).then(|| joined.unwrap_or_else(|| l.text.clone()))
        })
    });
    let largest = page
        .lines
        .iter()
        .take(5)
        .max_by(|a, b| a.size.total_cmp(&b.size).then(b.bbox.top.total_cmp(&a.bbox.top)));
    // The largest opening line names the paper ("CABINET", the council's name), unless it is a
    // bare letterhead ("Ofsted"), when the announcing line further down does.
    let letterhead = largest.is_none_or(|l| l.words.len() <= 2);
    let early = |t: &String| page.lines.iter().take(4).any(|l| t.starts_with(l.text.as_str()));
    let t = announced.filter(|t| letterhead || early(t)).or_else(|| largest.map(|l| l.text.clone()))?;
    let t = t.trim();
    (!t.is_empty() && t.len() < 200).then(|| t.to_string())
}

/// Counts how many of `words` occur in `text`.
/// How many of the three progress lists (working well, not working well, escalations) the
/// paper's short lines head, and how many such headings there are.
fn progress_headings(layout: &Layout) -> (usize, usize) {
    use crate::extract::read::headings::{list_meaning, ListMeaning};
    let found: Vec<ListMeaning> = layout
        .pages
        .iter()
        .take(12)
        .flat_map(|p| p.lines.iter())
        .filter(|l| l.bullet.is_none())
        .filter_map(|l| list_meaning(&l.text))
        .filter(|m| *m != ListMeaning::Projects)
        .collect();
    let mut kinds: Vec<ListMeaning> = found.clone();
    kinds.dedup();
    kinds.sort_by_key(|m| *m as u8);
    kinds.dedup();
    (kinds.len(), found.len())
}

fn score(text: &str, words: &[&str]) -> usize {
    words.iter().filter(|w| text.contains(*w)).count()
}

/// The document type from the strongest evidence; where the Ofsted evidence is only mentions,
/// the paper's own kind wins and Ofsted is the runner-up (a performance report that cites an
/// inspection is not one).
fn document_type(layout: &Layout, sections: &[Section], title: Option<&str>) -> Typing {
    if !layout.pages.iter().any(|p| p.has_text) {
        return DocumentType::Unknown.into();
    }
    let head = head_text(layout);
    let ofsted = ofsted_evidence(layout, sections, &head);
    let without = type_by_kind(layout, sections, title, ofsted == Evidence::Strong);
    match (ofsted, without) {
        (Evidence::Weak, DocumentType::Unknown) => Typing {
            chosen: DocumentType::OfstedReport,
            runner_up: Some(DocumentType::CommitteeReport),
            why: "Ofsted and an inspection are mentioned, but no inspection title or grade table",
        },
        (Evidence::Weak, DocumentType::CommitteeReport) => Typing {
            chosen: DocumentType::CommitteeReport,
            runner_up: Some(DocumentType::OfstedReport),
            why: "the paper mentions Ofsted and an inspection, but has no inspection title or grade table",
        },
        (_, t) => t.into(),
    }
}

/// The lowercased text of the first two non-blank pages.
fn head_text(layout: &Layout) -> String {
    layout
        .pages
        .iter()
        .filter(|p| !is_blank(p))
        .take(2)
        .map(|p| p.text().to_lowercase())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The type by every kind's evidence, Ofsted counted only when `ofsted` (strong) holds.
fn type_by_kind(layout: &Layout, sections: &[Section], title: Option<&str>, ofsted: bool) -> DocumentType {
    let has = |k: SectionKind| sections.iter().any(|s| s.kind == k);
    let head = head_text(layout);
    let title = title.unwrap_or("").to_lowercase();
    // Statutory return forms are not council papers we model.
    if head.contains("annual governance and accountability return") {
        return DocumentType::Unknown;
    }
    let pack_words =
        ["public pack", "supplementary", "i am now able to enclose", "following reports", "agenda item"];
    if has(SectionKind::Cover)
        || has(SectionKind::Agenda)
        || score(&title, &["public pack", "supplementary", "agenda"]) > 0
        || score(&head, &pack_words) >= 2
    {
        return DocumentType::AgendaPack;
    }
    if ofsted {
        return DocumentType::OfstedReport;
    }
    let minutes_words = [
        "minutes",
        "present",
        "apologies",
        "resolved",
        "it was agreed",
        "proposed by",
        "seconded",
        "held their meeting",
        "in attendance",
        "chairman",
        "chair",
        // Welsh: minutes, present, apologies, resolved, proposed, seconded, the Chair.
        "cofnodion",
        "yn bresennol",
        "ymddiheuriadau",
        "penderfynwyd",
        "cynigiwyd",
        "eiliwyd",
        "cadeirydd",
    ];
    if sections.first().map(|s| s.kind) == Some(SectionKind::Minutes) || score(&head, &minutes_words) >= 4 {
        return DocumentType::Minutes;
    }
    let slides = layout.pages.iter().filter(|p| shape(p) == Shape::Slide).count();
    let all_text =
        layout.pages.iter().take(12).map(|p| p.text().to_lowercase()).collect::<Vec<_>>().join("\n");
    let progress_words = [
        "working well",
        "not working well",
        "to escalate",
        "escalations",
        "overarching status",
        "highlight report",
        "workstream",
        "rag status",
    ];
    // List headings by meaning ("Successes", "Concerns", "Asks of the Board"): a report whose
    // headings name at least two of the three lists, more than once, is a progress report.
    let (kinds, headings) = progress_headings(layout);
    if score(&all_text, &progress_words) >= 3
        || (slides * 2 > layout.pages.len() && score(&all_text, &progress_words) >= 1)
        || (kinds >= 2 && headings >= 4)
    {
        return DocumentType::ProgressReport;
    }
    if has(SectionKind::Minutes) {
        return DocumentType::Minutes;
    }
    if sections.iter().any(|s| {
        matches!(
            s.kind,
            SectionKind::CommitteeReport
                | SectionKind::WorkProgramme
                | SectionKind::ActionTracker
                | SectionKind::Presentation
                | SectionKind::Other
        )
    }) {
        return DocumentType::CommitteeReport;
    }
    DocumentType::Unknown
}
