//! Generated progress reports (tests/gen/progress.py: python-pptx → LibreOffice Impress,
//! reportlab, python-docx → LibreOffice Writer): headings in other words, status boxes, a
//! projects table, slide numbers and markings. Every value is known by construction.

use super::util::extract;
use councilpdf::contract::{DocumentType, Extraction, Rag, RagStatus, WarningCode, Workstream};

fn gen(name: &str) -> Extraction {
    extract(&format!("../tests/gen/pdfs/{name}"))
}

fn ws<'a>(e: &'a Extraction, name: &str) -> &'a Workstream {
    e.workstreams.iter().find(|w| w.name == name).unwrap_or_else(|| panic!("no workstream {name}"))
}

/// Lists under "Successes"/"Concerns"/"Asks of the Board", "Highlights"/"What needs to
/// improve"/"Support required" ("None this period"), "Progress this period"/"Challenges"/
/// "Escalations" ("N/A"); slide numbers and "OFFICIAL" never items.
fn lists_by_meaning(e: &Extraction) {
    assert_eq!(e.document_type, DocumentType::ProgressReport);
    let p = e.progress.as_ref().expect("progress");
    assert_eq!(p.period.as_deref(), Some("Quarter 2 2025/26"));
    assert_eq!(p.overall_status, Some(RagStatus::Amber));
    let names: Vec<&str> = e.workstreams.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(names, vec!["Home First Discharge", "Digital Care Records", "Workforce Recovery"]);
    let h = ws(e, "Home First Discharge");
    assert_eq!(
        h.working_well,
        vec![
            "Discharge to assess pathway live in all three hospitals",
            "Average delay down from 9 to 4 days"
        ]
    );
    assert_eq!(h.not_working_well, vec!["Reablement capacity in the west of the county"]);
    assert_eq!(h.escalations, vec!["Agree funding for winter surge beds"]);
    let d = ws(e, "Digital Care Records");
    assert_eq!(d.status, Some(Rag::Amber));
    assert_eq!(d.working_well, vec!["Shared care record used by 40 GP practices"]);
    assert_eq!(
        d.not_working_well,
        vec!["Data quality in provider returns", "Training uptake among agency staff"]
    );
    assert!(d.escalations.is_empty());
    let w = ws(e, "Workforce Recovery");
    assert_eq!(w.status, None);
    assert_eq!(w.working_well, vec!["International recruits started in October"]);
    assert_eq!(w.not_working_well, vec!["Vacancy rate still 14%"]);
    assert!(w.escalations.is_empty());
}

fn projects(e: &Extraction) {
    let h = ws(e, "Home First Discharge");
    assert_eq!(h.projects, vec!["Discharge hub", "Reablement expansion"]);
    let rows: Vec<(&str, Option<&str>, Option<Rag>, Option<&str>)> = h
        .project_details
        .iter()
        .map(|d| (d.name.as_str(), d.lead.as_deref(), d.status, d.milestone.as_deref()))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("Discharge hub", Some("J. Patel"), Some(Rag::Green), Some("Hub open 7 days – Nov 2025")),
            (
                "Reablement expansion",
                Some("M. Okafor"),
                Some(Rag::Amber),
                Some("Recruit 12 carers – Dec 2025")
            ),
        ]
    );
    assert_eq!(ws(e, "Digital Care Records").projects, vec!["Shared care record", "Provider portal"]);
}

#[test]
fn reportlab_deck_gives_every_workstream_fact() {
    let e = gen("progress-reportlab-deck.pdf");
    lists_by_meaning(&e);
    projects(&e);
    // A green box with no text is green; a grey one is null with a warning.
    assert_eq!(ws(&e, "Home First Discharge").status, Some(Rag::Green));
    assert!(e.warnings.iter().any(|w| w.code == WarningCode::StatusUnreadable && w.page == Some(4)));
}

#[test]
fn impress_deck_gives_lists_projects_and_letter_status() {
    let e = gen("progress-impress-deck.pdf");
    lists_by_meaning(&e);
    projects(&e);
    // Impress draws a shape's rectangle from the middle of an edge: still a filled box.
    assert_eq!(ws(&e, "Home First Discharge").status, Some(Rag::Green));
    assert!(e.warnings.iter().any(|w| w.code == WarningCode::StatusUnreadable && w.page == Some(4)));
}

fn names(e: &Extraction) -> Vec<&str> {
    e.workstreams.iter().map(|w| w.name.as_str()).collect()
}

/// tests/gen/progress_more.py: Impress status boxes with no text (amber overall, green, red and
/// blue per slide), headings "Highlights"/"Risks"/"Decisions for the board", "Achievements"/
/// "What needs to improve"/"Asks of the Board" ("Nil"), "Highlights"/"Issues" ("N/A"), two to
/// four columns, "OFFICIAL – SENSITIVE" and slide numbers.
#[test]
fn impress_colour_only_boxes_and_blue_complete() {
    let e = gen("progress-impress-boxes.pdf");
    assert_eq!(e.document_type, DocumentType::ProgressReport);
    let p = e.progress.as_ref().expect("progress");
    assert_eq!(p.period.as_deref(), Some("September 2025"));
    assert_eq!(p.overall_status, Some(RagStatus::Amber));
    assert_eq!(names(&e), vec!["Early Help Hubs", "Fostering Sufficiency", "SEND Transport Review"]);
    let h = ws(&e, "Early Help Hubs");
    assert_eq!(h.status, Some(Rag::Green));
    assert_eq!(h.working_well, vec!["Four hubs open across the county", "Waiting list halved since June"]);
    assert_eq!(h.not_working_well, vec!["Lease on the Eastgate building ends in March"]);
    assert_eq!(h.escalations, vec!["Approve the fifth hub in Westford"]);
    assert_eq!(h.projects, vec!["Eastgate hub", "Westford hub"]);
    let f = ws(&e, "Fostering Sufficiency");
    assert_eq!(f.status, Some(Rag::Red));
    assert_eq!(f.working_well, vec!["Twelve new foster carers approved"]);
    assert_eq!(
        f.not_working_well,
        vec!["Placement stability for teenagers", "Carer retention after year one"]
    );
    assert!(f.escalations.is_empty());
    let s = ws(&e, "SEND Transport Review");
    // Blue is a contract value (complete): read, and no status_unreadable.
    assert_eq!(s.status, Some(Rag::Blue));
    assert_eq!(s.working_well, vec!["New routes in place for the autumn term"]);
    assert!(s.not_working_well.is_empty() && s.escalations.is_empty());
    assert!(!e.warnings.iter().any(|w| w.code == WarningCode::StatusUnreadable), "{:?}", e.warnings);
}

/// tests/gen/progress_more.py: a Word report with an overview table (Workstream | Lead | Status:
/// a word, a letter, a blue and a grey cell with no text, an "Overall programme" row) and several
/// workstreams on one page, each a heading over its own lists.
#[test]
fn word_report_with_overview_table_and_several_workstreams_a_page() {
    let e = gen("progress-word-multi.pdf");
    assert_eq!(e.document_type, DocumentType::ProgressReport);
    let p = e.progress.as_ref().expect("progress");
    assert_eq!(p.overall_status, Some(RagStatus::Amber));
    assert_eq!(p.period.as_deref(), Some("September 2025"));
    assert_eq!(
        names(&e),
        vec![
            "Early Help Hubs",
            "Fostering Sufficiency",
            "SEND Transport Review",
            "Youth Justice Partnership"
        ]
    );
    let statuses: Vec<Option<Rag>> = e.workstreams.iter().map(|w| w.status).collect();
    assert_eq!(statuses, vec![Some(Rag::Green), Some(Rag::Red), Some(Rag::Blue), None]);
    let unreadable: Vec<Option<u32>> =
        e.warnings.iter().filter(|w| w.code == WarningCode::StatusUnreadable).map(|w| w.page).collect();
    assert_eq!(unreadable, vec![Some(1)], "only the grey cell warns");
    let h = ws(&e, "Early Help Hubs");
    assert_eq!(h.working_well, vec!["Four hubs open across the county"]);
    assert_eq!(h.not_working_well, vec!["Lease on the Eastgate building ends in March"]);
    assert!(h.escalations.is_empty());
    let f = ws(&e, "Fostering Sufficiency");
    assert_eq!(f.working_well, vec!["Twelve new foster carers approved"]);
    assert_eq!(f.not_working_well, vec!["Placement stability for teenagers"]);
    assert_eq!(f.escalations, vec!["Agree the carer fee uplift"]);
    let s = ws(&e, "SEND Transport Review");
    assert_eq!(s.working_well, vec!["New routes in place for the autumn term"]);
    assert!(s.not_working_well.is_empty() && s.escalations.is_empty());
    let y = ws(&e, "Youth Justice Partnership");
    assert!(y.working_well.is_empty() && y.project_details.is_empty());
}

#[test]
fn word_report_is_a_progress_report_with_its_lists() {
    let e = gen("progress-word-report.pdf");
    lists_by_meaning(&e);
    assert_eq!(ws(&e, "Home First Discharge").status, Some(Rag::Green));
}
