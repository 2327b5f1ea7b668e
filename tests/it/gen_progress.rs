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
    assert_eq!(d.status, Some(RagStatus::Amber));
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
    assert_eq!(ws(&e, "Home First Discharge").status, Some(RagStatus::Green));
    assert!(e.warnings.iter().any(|w| w.code == WarningCode::StatusUnreadable && w.page == Some(4)));
}

#[test]
fn impress_deck_gives_lists_projects_and_letter_status() {
    let e = gen("progress-impress-deck.pdf");
    lists_by_meaning(&e);
    projects(&e);
}

#[test]
fn word_report_is_a_progress_report_with_its_lists() {
    let e = gen("progress-word-report.pdf");
    lists_by_meaning(&e);
    assert_eq!(ws(&e, "Home First Discharge").status, Some(RagStatus::Green));
}
