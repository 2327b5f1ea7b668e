//! Ofsted reports and letters: judgements, inspection facts, improvements, paragraphs.
//! Every expected value was read from the PDFs with `pdftotext -layout` and `councilpdf layout`.

use super::util::extract;
use super::util::{inspection, j, judgements};
use councilpdf::contract::{DocumentType, Extraction, GradeCode, Inspection, WarningCode};

/// Paragraph numbers run 1..=n without a gap.
fn numbered_in_order(i: &Inspection) -> bool {
    i.paragraphs.iter().enumerate().all(|(k, p)| p.number == (k + 1).to_string())
}

const LEADERS: &str = "The impact of leaders on social work practice with children and families";
const HELP: &str = "The experiences and progress of children who need help and protection";
const CARE_BOTH: &str = "The experiences and progress of children in care and care leavers";
const IN_CARE: &str = "The experiences and progress of children in care";
const LEAVERS: &str = "The experiences and progress of care leavers";

fn somerset_checks(e: &Extraction, first_page: u32) {
    assert_eq!(
        judgements(e),
        vec![
            j(LEADERS, "Good", GradeCode::Good),
            j(HELP, "Good", GradeCode::Good),
            j(CARE_BOTH, "Good", GradeCode::Good),
            j("Overall effectiveness", "Good", GradeCode::Good),
        ]
    );
    let i = inspection(e);
    assert_eq!(i.subject.as_deref(), Some("Somerset local authority children’s services"));
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2022-07-18"), Some("2022-07-29")));
    assert_eq!(i.lead_inspector.as_deref(), Some("Kendra Bell"));
    assert_eq!(i.lead_inspector_role.as_deref(), Some("Her Majesty’s Inspector"));
    assert_eq!(
        i.improvements,
        vec![
            "Placement sufficiency, including for emergency admissions, for older children with complex needs.",
            "The take-up of return home interviews and use of data to inform individual and service planning.",
        ]
    );
    assert_eq!(i.paragraph_count, 45);
    assert_eq!(i.paragraphs.len(), 45);
    assert!(numbered_in_order(i));
    // Paragraph 1 runs over the page break: its last words are on the report's page 2.
    let p1 = &i.paragraphs[0];
    assert_eq!(p1.page, first_page);
    assert!(
        p1.text.starts_with(
            "When children need early support, they receive a timely and proportionate response"
        ),
        "{}",
        p1.text
    );
    assert!(p1.text.ends_with("signpost children to the right services to meet their needs."), "{}", p1.text);
    assert_eq!(p1.section.as_deref(), Some(HELP));
    // Three graded sections hold the 45 paragraphs.
    let mut sections: Vec<&str> = i.paragraphs.iter().filter_map(|p| p.section.as_deref()).collect();
    sections.dedup();
    assert_eq!(sections, vec![HELP, CARE_BOTH, LEADERS]);
    assert!(!e.warnings.iter().any(|w| w.code == WarningCode::GradeMismatch));
    assert_eq!(e.judgements[0].provenance.page, first_page);
}

#[test]
fn somerset_report() {
    let e = extract("ofsted-ilacs-somerset-2022.pdf");
    assert_eq!(e.document_type, DocumentType::OfstedReport);
    somerset_checks(&e, 1);
}

#[test]
fn somerset_report_inside_the_pack() {
    // Pages 19-28 of the pack; the pack's "18 to 29 July 2022 N" footer is not furniture there
    // and must not cut paragraph 1 short at the page break.
    let e = extract("somerset-cf-scrutiny-2022-10-03-agenda-pack.pdf");
    somerset_checks(&e, 19);
    let i = inspection(&e);
    assert_eq!(i.provenance.page, 19);
    assert_eq!(i.paragraphs.last().map(|p| p.page), Some(27));
}

#[test]
fn birmingham_2023_five_judgements() {
    let e = extract("real/ofsted-ilacs-birmingham-2023.pdf");
    assert_eq!(
        judgements(&e),
        vec![
            j(LEADERS, "Good", GradeCode::Good),
            j(HELP, "Good", GradeCode::Good),
            j(IN_CARE, "Good", GradeCode::Good),
            j(LEAVERS, "Good", GradeCode::Good),
            j("Overall effectiveness", "Good", GradeCode::Good),
        ]
    );
    let i = inspection(&e);
    assert_eq!(i.subject.as_deref(), Some("Birmingham City Council local authority children’s services"));
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2023-02-20"), Some("2023-03-03")));
    assert_eq!(i.lead_inspector.as_deref(), Some("John Roughton"));
    assert_eq!(i.lead_inspector_role.as_deref(), Some("His Majesty’s Inspector"));
    // Four ◼ items; the second wraps over three lines.
    assert_eq!(i.improvements.len(), 4);
    assert_eq!(i.improvements[0], "The effectiveness of the response to domestic abuse.");
    assert_eq!(
        i.improvements[1],
        "Earlier pre-birth assessments to support early permanence planning, and timely action to progress permanence plans for children in stable placements through changes to legal status."
    );
    assert_eq!(i.improvements[3], "Consistency of written plans.");
    assert_eq!(i.paragraph_count, 62);
    assert!(numbered_in_order(i));
}

#[test]
fn bcp_2022_inadequate_and_december_dates() {
    let e = extract("real/ofsted-ilacs-bcp-2022-inadequate.pdf");
    assert_eq!(
        judgements(&e),
        vec![
            j(LEADERS, "Inadequate", GradeCode::Inadequate),
            j(HELP, "Inadequate", GradeCode::Inadequate),
            j(CARE_BOTH, "Requires improvement to be good", GradeCode::RequiresImprovementToBeGood),
            j("Overall effectiveness", "Inadequate", GradeCode::Inadequate),
        ]
    );
    let i = inspection(&e);
    assert_eq!(
        i.subject.as_deref(),
        Some("Bournemouth, Christchurch and Poole local authority children’s services")
    );
    // Published in 2022, inspected 6 to 17 December 2021.
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2021-12-06"), Some("2021-12-17")));
    assert_eq!(i.lead_inspector.as_deref(), Some("Steve Lowe"));
    assert_eq!(i.improvements.len(), 7);
    assert_eq!(i.improvements[6], "Care leavers’ access to their health records.");
    assert_eq!(i.paragraph_count, 53);
    assert!(numbered_in_order(i));
    assert!(!e.warnings.iter().any(|w| w.code == WarningCode::GradeMismatch));
}

#[test]
fn dorset_2025_outstanding() {
    let e = extract("real/ofsted-ilacs-dorset-2025.pdf");
    assert_eq!(
        judgements(&e),
        vec![
            j(LEADERS, "Outstanding", GradeCode::Outstanding),
            j(HELP, "Outstanding", GradeCode::Outstanding),
            j(IN_CARE, "Outstanding", GradeCode::Outstanding),
            j(LEAVERS, "Good", GradeCode::Good),
            j("Overall effectiveness", "Outstanding", GradeCode::Outstanding),
        ]
    );
    let i = inspection(&e);
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2025-03-17"), Some("2025-03-21")));
    assert_eq!(i.lead_inspector.as_deref(), Some("Sarah Canto"));
    assert_eq!(i.lead_inspector_role.as_deref(), Some("His Majesty’s Inspector"));
    assert_eq!(
        i.improvements,
        vec!["The clarity and detail of the care leaver offer, including for care leavers who are parents. (Outcome four, National Framework)"]
    );
    assert_eq!(i.paragraph_count, 59);
    assert!(numbered_in_order(i));
}

#[test]
fn norfolk_2018_single_inspection_framework() {
    let e = extract("real/ofsted-sif-norfolk-2018-reinspection.pdf");
    assert_eq!(
        judgements(&e),
        vec![
            j(
                "Children who need help and protection",
                "Requires improvement",
                GradeCode::RequiresImprovement
            ),
            // The grade sits between the label's two lines.
            j(
                "Children looked after and achieving permanence",
                "Requires improvement",
                GradeCode::RequiresImprovement
            ),
            j("Adoption performance", "Outstanding", GradeCode::Outstanding),
            j(
                "Experiences and progress of care leavers",
                "Requires improvement",
                GradeCode::RequiresImprovement
            ),
            j(
                "Leadership, management and governance",
                "Requires improvement",
                GradeCode::RequiresImprovement
            ),
            // Printed only as the sentence "Children's services in Norfolk requires improvement to be good".
            j(
                "Overall effectiveness",
                "requires improvement to be good",
                GradeCode::RequiresImprovementToBeGood
            ),
        ]
    );
    let i = inspection(&e);
    assert!(i.subject.as_deref().is_some_and(|s| s.starts_with("Norfolk Council")), "{:?}", i.subject);
    // Report published 19 January 2018; inspected 13 to 24 November 2017.
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2017-11-13"), Some("2017-11-24")));
    // "Lead inspector: Donna Marriott" in the inspection team list, with no role beside it;
    // "Deputy lead inspector: Mandy Nightingale" is not the lead.
    assert_eq!(i.lead_inspector.as_deref(), Some("Donna Marriott"));
    // Seven numbered recommendations; the fourth carries its three bullets.
    assert_eq!(i.improvements.len(), 7);
    assert!(i.improvements[3].starts_with("Strengthen the response to children who go missing"));
    assert!(
        i.improvements[3].contains("governance arrangements are clear and understood by all"),
        "{}",
        i.improvements[3]
    );
    assert!(i.improvements[6]
        .starts_with("Implement a system for ensuring that the authorisation of private fostering"));
    // Paragraphs 1-7 are the recommendations, 8-64 the findings.
    assert_eq!(i.paragraph_count, 64);
    assert!(numbered_in_order(i));
    assert_eq!(
        i.paragraphs[7].section.as_deref(),
        Some("The experiences and progress of children who need help and protection")
    );
    assert!(i.paragraphs[7].text.starts_with("Despite some progress since the last inspection"));
    // Paragraph 13 holds "… level of analysis": the layout's stray "o" bullet is no new item.
    assert!(
        i.paragraphs[12].text.contains("an appropriate level of analysis. However, a small number"),
        "{}",
        i.paragraphs[12].text
    );
    assert!(!e.warnings.iter().any(|w| w.code == WarningCode::GradeMismatch));
}

#[test]
fn norfolk_2019_focused_visit_letter() {
    let e = extract("real/ofsted-focused-visit-letter-norfolk-2019.pdf");
    assert_eq!(e.document_type, DocumentType::OfstedReport);
    assert!(e.judgements.is_empty());
    let i = inspection(&e);
    assert_eq!(i.subject.as_deref(), Some("Norfolk children’s services"));
    // "on 8 and 9 October 2019"; the letter itself is dated 31 October 2019.
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2019-10-08"), Some("2019-10-09")));
    // Two inspectors (Nigel Parkes, HMI, and Marcie Taylor, HMI), none named as lead.
    assert_eq!(i.lead_inspector, None);
    assert_eq!(i.improvements.len(), 2);
    assert!(i.improvements[0].starts_with("The timeliness and quality of assessments"));
    // Twelve ◼ findings, numbered by ordinal.
    assert_eq!(i.paragraph_count, 12);
    assert!(numbered_in_order(i));
    assert!(i.paragraphs[0].text.starts_with("Norfolk no longer uses referral forms."));
    assert!(i.paragraphs[11].text.starts_with("Workforce stability continues to be problematic"));
    assert!(i.paragraphs[11].text.ends_with("caseloads are far too high."));
    assert!(i.paragraphs.iter().all(|p| p.section.as_deref() == Some("Findings")));
}

#[test]
fn papers_that_are_not_ofsted_have_no_inspection() {
    let e = extract("real/kcc-cabinet-2025-01-30-printed-minutes.pdf");
    assert!(e.inspection.is_none());
    assert!(e.judgements.is_empty());
}
