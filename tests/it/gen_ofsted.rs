//! Ofsted reports and letters as other authorities' reports print them, generated with
//! reportlab by `tests/gen/ofsted.py`: every expected value below is written in that script.

use super::util::extract;
use super::util::{inspection, j, judgements};
use councilpdf::contract::{DocumentType, Extraction, GradeCode, Inspection, WarningCode};

fn gen(name: &str) -> Extraction {
    extract(&format!("../tests/gen/pdfs/{name}"))
}

fn numbers(i: &Inspection) -> Vec<String> {
    i.paragraphs.iter().map(|p| p.number.clone()).collect()
}

fn sections(i: &Inspection) -> Vec<String> {
    let mut s: Vec<String> = i.paragraphs.iter().map(|p| p.section.clone().unwrap_or_default()).collect();
    s.dedup();
    s
}

const LEADERS: &str = "The impact of leaders on social work practice with children and families";
const HELP: &str = "The experiences and progress of children who need help and protection";
const CARE_BOTH: &str = "The experiences and progress of children in care and care leavers";
const FILLER: &str = "Social workers know their children well and visit them regularly. Their records are up to date and written to the child, and managers oversee plans closely so that drift is rare and decisions are timely.";

#[test]
fn grade_wrapped_in_its_cell_and_a_heading_that_disagrees() {
    let e = gen("ofsted-ilacs-wrapped-grade.pdf");
    assert_eq!(e.document_type, DocumentType::OfstedReport);
    let i = inspection(&e);
    assert_eq!(i.subject.as_deref(), Some("Barsetshire County Council children's services"));
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2023-11-27"), Some("2023-12-08")));
    assert_eq!(i.lead_inspector.as_deref(), Some("Jane Smith"));
    assert_eq!(i.lead_inspector_role.as_deref(), Some("His Majesty's Inspector"));
    let ri = "Requires improvement to be good";
    assert_eq!(
        judgements(&e),
        vec![
            j(LEADERS, ri, GradeCode::RequiresImprovementToBeGood),
            j(HELP, "Good", GradeCode::Good),
            j(CARE_BOTH, "Good", GradeCode::Good),
            j("Overall effectiveness", ri, GradeCode::RequiresImprovementToBeGood),
        ]
    );
    // Bullets "•", "▪", "–"; footnote markers 1 and 2 dropped; the second item wraps.
    assert_eq!(
        i.improvements,
        vec![
            "The timeliness of strategy meetings when children are at risk of significant harm.",
            "The quality and consistency of supervision, so that social workers reflect on the impact of their work for children and are challenged where plans drift.",
            "Sufficiency of local placements for children in care.",
        ]
    );
    assert_eq!(i.paragraph_count, 6);
    assert_eq!(numbers(i), ["1", "2", "3", "4", "5", "6"]);
    assert_eq!(i.paragraphs[0].text, FILLER);
    assert_eq!(i.paragraphs[1].text, format!("Children at risk are seen quickly. {FILLER}"));
    assert_eq!(sections(i), [HELP, CARE_BOTH, LEADERS]);
    // "…children in care and care leavers: inadequate" against the table's Good; the leaders'
    // heading agrees with its table row.
    let w: Vec<_> = e.warnings.iter().filter(|w| w.code == WarningCode::GradeMismatch).collect();
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].page, Some(1));
    assert!(w[0].message.contains("care leavers"), "{}", w[0].message);
}

#[test]
fn grade_on_the_line_above_its_label_in_title_case() {
    let e = gen("ofsted-ilacs-grade-above.pdf");
    let i = inspection(&e);
    assert_eq!(i.subject.as_deref(), Some("Wessex children's services"));
    // Two periods over two years.
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2024-09-30"), Some("2025-01-16")));
    // "Lead inspector: Priya Natarajan" with the role on the next line.
    assert_eq!(i.lead_inspector.as_deref(), Some("Priya Natarajan"));
    assert_eq!(i.lead_inspector_role.as_deref(), Some("His Majesty's Inspector"));
    let ri = "Requires Improvement To Be Good";
    assert_eq!(
        judgements(&e),
        vec![
            j(LEADERS, ri, GradeCode::RequiresImprovementToBeGood),
            j(HELP, "Good", GradeCode::Good),
            j(CARE_BOTH, "Outstanding", GradeCode::Outstanding),
            j("Overall effectiveness", ri, GradeCode::RequiresImprovementToBeGood),
        ]
    );
    assert_eq!(
        i.improvements,
        vec![
            "Management oversight of private fostering arrangements.",
            "The consistency of return home interviews for children who go missing from home or care.",
        ]
    );
    assert_eq!(i.paragraph_count, 3);
    assert!(i.paragraphs.iter().all(|p| p.text == "Children and families receive the right help at the right time from practitioners who know them well."));
    assert_eq!(sections(i), [HELP]);
    assert!(e.warnings.iter().all(|w| w.code != WarningCode::GradeMismatch), "{:?}", e.warnings);
}

#[test]
fn framework_2026_five_judgements_in_capitals_without_overall() {
    let e = gen("ofsted-ilacs-2026-five.pdf");
    let i = inspection(&e);
    assert_eq!(i.subject.as_deref(), Some("Northmoor local authority children's services"));
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2026-03-02"), Some("2026-03-13")));
    assert_eq!(i.lead_inspector.as_deref(), Some("Tom Okafor"));
    assert_eq!(
        judgements(&e),
        vec![
            j(
                "Leadership and management",
                "REQUIRES IMPROVEMENT TO BE GOOD",
                GradeCode::RequiresImprovementToBeGood
            ),
            j("Help and protection", "GOOD", GradeCode::Good),
            j("Children in care", "GOOD", GradeCode::Good),
            j("Care leavers", "INADEQUATE", GradeCode::Inadequate),
            j("Fostering and adoption", "OUTSTANDING", GradeCode::Outstanding),
        ]
    );
    // Numbered improvements, then findings numbered from 1 again.
    assert_eq!(
        i.improvements,
        vec![
            "The quality of pathway plans for care leavers.",
            "Help for care leavers to find suitable homes."
        ]
    );
    assert_eq!(i.paragraph_count, 2);
    assert_eq!(numbers(i), ["1", "2"]);
    assert_eq!(i.paragraphs[0].text, format!("Personal advisers change too often. {FILLER}"));
    assert_eq!(sections(i), ["Care leavers"]);
}

#[test]
fn overall_judgement_only_as_a_sentence() {
    let e = gen("ofsted-sif-sentence.pdf");
    let i = inspection(&e);
    // The authority is the heading printed under the generic title.
    assert!(
        i.subject.as_deref().is_some_and(|s| s.starts_with("Ravenshire County Council")),
        "{:?}",
        i.subject
    );
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2024-06-04"), Some("2024-06-28")));
    assert_eq!(i.lead_inspector, None);
    assert_eq!(judgements(&e), vec![j("Overall effectiveness", "inadequate", GradeCode::Inadequate)]);
    assert_eq!(i.paragraph_count, 3);
    assert_eq!(sections(i), ["Summary"]);
    assert_eq!(i.paragraphs[2].text, FILLER);
}

#[test]
fn overall_sentence_require_improvement_and_wrapped_role() {
    let e = gen("ofsted-sif-sentence-ri.pdf");
    let i = inspection(&e);
    assert_eq!(i.subject.as_deref(), Some("Kingsmere Borough Council children's services"));
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2024-05-06"), Some("2024-05-17")));
    assert_eq!(i.lead_inspector.as_deref(), Some("Oluwaseun Adeyemi-Clarke"));
    assert_eq!(i.lead_inspector_role.as_deref(), Some("His Majesty's Inspector"));
    assert_eq!(
        judgements(&e),
        vec![j(
            "Overall effectiveness",
            "require improvement to be good",
            GradeCode::RequiresImprovementToBeGood
        )]
    );
    assert_eq!(
        i.improvements,
        vec![
            "Improve the timeliness of initial health assessments for children entering care.",
            "Strengthen the voice of children in child protection plans."
        ]
    );
    assert_eq!(i.paragraph_count, 4);
    assert_eq!(numbers(i), ["1", "2", "3", "4"]);
    assert_eq!(sections(i), ["Main findings"]);
    assert_eq!(i.paragraphs[3].text, "Most children are helped by social workers who know them well, but too many plans lack clear outcomes.");
}

#[test]
fn monitoring_visit_letter() {
    let e = gen("ofsted-monitoring-letter.pdf");
    assert_eq!(e.document_type, DocumentType::OfstedReport);
    let i = inspection(&e);
    // The "Ofsted" letterhead is no part of the subject.
    assert_eq!(i.subject.as_deref(), Some("Eastshire children's services"));
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2024-10-08"), Some("2024-10-09")));
    // Two inspectors, no lead.
    assert_eq!(i.lead_inspector, None);
    assert_eq!(i.lead_inspector_role, None);
    assert!(e.judgements.is_empty());
    assert!(i.improvements.is_empty());
    // Findings bulleted "•", "■", "–" and "o", a footnote marker dropped, a wrapped item joined.
    let texts: Vec<&str> = i.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Senior leaders have strengthened the front door so that referrals are screened promptly.",
            "Caseloads have reduced and social workers now have time to build relationships with children and their families over the longer term.",
            "Some plans still lack clear timescales.",
            "Quality assurance is developing but not yet embedded.",
        ]
    );
    assert_eq!(i.paragraph_count, 4);
    assert_eq!(numbers(i), ["1", "2", "3", "4"]);
    assert_eq!(sections(i), ["Headline findings"]);
}

#[test]
fn every_printed_line_its_own_table_row() {
    let e = gen("ofsted-ilacs-row-per-line.pdf");
    let i = inspection(&e);
    assert_eq!(i.subject.as_deref(), Some("Harrowby children's services"));
    // "13 – 24 January 2025".
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2025-01-13"), Some("2025-01-24")));
    assert_eq!(i.lead_inspector.as_deref(), Some("Ann-Marie Lee"));
    assert_eq!(i.lead_inspector_role.as_deref(), Some("Ofsted Inspector"));
    let ri = "Requires improvement to be good";
    assert_eq!(
        judgements(&e),
        vec![
            j("Overall effectiveness", ri, GradeCode::RequiresImprovementToBeGood),
            j(LEADERS, "Inadequate", GradeCode::Inadequate),
            j(HELP, ri, GradeCode::RequiresImprovementToBeGood),
            j(CARE_BOTH, "Good", GradeCode::Good),
        ]
    );
    assert_eq!(i.improvements, vec!["Leaders' oversight of children's plans.", "Timeliness of assessments."]);
    assert_eq!(i.paragraph_count, 2);
    assert_eq!(sections(i), [LEADERS]);
    assert!(e.warnings.iter().all(|w| w.code != WarningCode::GradeMismatch), "{:?}", e.warnings);
}
