//! Issue 17's Ofsted forms, generated with reportlab by `tests/gen/ofsted_forms.py`: every
//! expected value below is written in that script (and read back with `pdftotext -layout`).

use super::util::extract;
use super::util::{inspection, j, judgements};
use councilpdf::contract::{DocumentType, Extraction, GradeCode, WarningCode};

fn gen(name: &str) -> Extraction {
    extract(&format!("../tests/gen/pdfs/{name}"))
}

fn codes(e: &Extraction) -> Vec<WarningCode> {
    e.warnings.iter().map(|w| w.code).collect()
}

const LEADERS: &str = "The impact of leaders on social work practice with children and families";
const HELP: &str = "The experiences and progress of children who need help and protection";
const CARE_BOTH: &str = "The experiences and progress of children in care and care leavers";
const RI_GOOD: &str = "Requires improvement to be good";

#[test]
fn windsor_title_over_three_lines_is_an_ofsted_report() {
    // "Inspection of the Royal Borough of" / "Windsor and Maidenhead local" / "authority
    // children's services" at 26 pt, no "Ofsted" in the text, an unruled Judgement | Grade table.
    let e = gen("forms-ilacs-windsor.pdf");
    assert_eq!(e.document_type, DocumentType::OfstedReport);
    assert_eq!(codes(&e), vec![], "a clear report: no doubt, no contradiction");
    let i = inspection(&e);
    assert_eq!(
        i.subject.as_deref(),
        Some("the Royal Borough of Windsor and Maidenhead local authority children’s services")
    );
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2023-03-06"), Some("2023-03-10")));
    assert_eq!(i.lead_inspector.as_deref(), Some("Lisa Summers"));
    assert_eq!(i.lead_inspector_role.as_deref(), Some("His Majesty's Inspector"));
    assert_eq!(
        judgements(&e),
        vec![
            j(LEADERS, RI_GOOD, GradeCode::RequiresImprovementToBeGood),
            j(HELP, RI_GOOD, GradeCode::RequiresImprovementToBeGood),
            j(CARE_BOTH, "Good", GradeCode::Good),
            j("Overall effectiveness", RI_GOOD, GradeCode::RequiresImprovementToBeGood),
        ]
    );
    assert_eq!(i.paragraph_count, 3);
}

#[test]
fn a_performance_report_that_mentions_ofsted_is_a_committee_report_with_doubt() {
    // "2. Quarter 3 Performance Report", "Ofsted's inspection of local authority children's
    // services in July 2022 judged services good": mentions, no inspection title or grade table.
    let e = gen("forms-performance-q3.pdf");
    assert_eq!(e.document_type, DocumentType::CommitteeReport);
    assert!(e.inspection.is_none());
    assert!(e.judgements.is_empty());
    // The paper names no council either (issue 17's authority pass says so).
    assert_eq!(codes(&e), vec![WarningCode::DocumentTypeUncertain, WarningCode::AuthorityUnknown]);
    assert_eq!(e.warnings[0].page, Some(1));
    assert!(e.warnings[0].message.contains("runner-up is ofsted_report"), "{}", e.warnings[0].message);
}

#[test]
fn single_inspection_framework_2015_overall_judgement_only_as_a_wrapped_sentence() {
    // "The overall judgement is requires" / "improvement. There are no widespread …"; grade
    // cells wrapped "Requires" / "improvement"; no overall row; "Lead inspector: Peter Grant HMI".
    let e = gen("forms-sif-2015.pdf");
    assert_eq!(e.document_type, DocumentType::OfstedReport);
    assert_eq!(codes(&e), vec![]);
    let ri = |a: &str| j(a, "Requires improvement", GradeCode::RequiresImprovement);
    assert_eq!(
        judgements(&e),
        vec![
            ri("Children who need help and protection"),
            ri("Children looked after and achieving permanence"),
            j("Adoption performance", "Good", GradeCode::Good),
            ri("Experiences and progress of care leavers"),
            ri("Leadership, management and governance"),
            j("Overall effectiveness", "requires improvement", GradeCode::RequiresImprovement),
        ]
    );
    let i = inspection(&e);
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2015-01-12"), Some("2015-02-04")));
    // The title after the name goes to the role; the deputy is not the lead.
    assert_eq!(i.lead_inspector.as_deref(), Some("Peter Grant"));
    assert_eq!(i.lead_inspector_role.as_deref(), Some("HMI"));
    assert_eq!(i.paragraph_count, 4);
}

#[test]
fn single_inspection_framework_2016_sentence_previous_inspection_and_reporting_inspector() {
    // "Children's services in the London Borough of Eastfield are inadequate" over two lines;
    // "Overall effectiveness at previous inspection | Adequate" is no current judgement (and no
    // unrecognised grade); "Reporting inspector: Ann Cole HMI" and no lead inspector.
    let e = gen("forms-sif-2016.pdf");
    assert_eq!(e.document_type, DocumentType::OfstedReport);
    assert_eq!(codes(&e), vec![]);
    let ri = |a: &str| j(a, "Requires improvement", GradeCode::RequiresImprovement);
    let bad = |a: &str| j(a, "Inadequate", GradeCode::Inadequate);
    assert_eq!(
        judgements(&e),
        vec![
            bad("Children who need help and protection"),
            ri("Children looked after and achieving permanence"),
            ri("Adoption performance"),
            bad("Experiences and progress of care leavers"),
            bad("Leadership, management and governance"),
            j("Overall effectiveness", "inadequate", GradeCode::Inadequate),
        ]
    );
    let i = inspection(&e);
    assert!(
        i.subject.as_deref().is_some_and(|s| s.starts_with("London Borough of Eastfield: ")),
        "{:?}",
        i.subject
    );
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2016-05-09"), Some("2016-06-02")));
    assert_eq!(i.lead_inspector.as_deref(), Some("Ann Cole"));
    assert_eq!(i.lead_inspector_role.as_deref(), Some("HMI"));
}

#[test]
fn school_inspection_report() {
    // "Rough Hay Primary School", "Inspection dates 5–6 March 2019", a table of overall
    // effectiveness and key judgements, and on page 3 "Jane Smith, lead inspector | Her
    // Majesty's Inspector" beside "Mark Evans | Ofsted Inspector".
    let e = gen("forms-school-2019.pdf");
    assert_eq!(e.document_type, DocumentType::OfstedReport);
    assert_eq!(codes(&e), vec![]);
    let good = |a: &str| j(a, "Good", GradeCode::Good);
    assert_eq!(
        judgements(&e),
        vec![
            good("Overall effectiveness"),
            good("Effectiveness of leadership and management"),
            good("Quality of teaching, learning and assessment"),
            j("Personal development, behaviour and welfare", "Outstanding", GradeCode::Outstanding),
            j("Outcomes for pupils", "Requires improvement", GradeCode::RequiresImprovement),
            good("Early years provision"),
        ],
        "'Overall effectiveness at previous inspection' is not a current judgement"
    );
    let i = inspection(&e);
    assert_eq!(i.subject.as_deref(), Some("Rough Hay Primary School"));
    assert_eq!((i.start_date.as_deref(), i.end_date.as_deref()), (Some("2019-03-05"), Some("2019-03-06")));
    assert_eq!(i.lead_inspector.as_deref(), Some("Jane Smith"));
    assert_eq!(i.lead_inspector_role.as_deref(), Some("Her Majesty's Inspector"));
}

#[test]
fn misspelt_and_old_framework_grades_and_a_skipped_paragraph_are_warned() {
    // "Requires improvment to be good" is nearest one grade; "Adequate" (the pre-2013 grade)
    // is none of today's and near none unambiguously; paragraphs 1, 2, 4.
    let e = gen("forms-grade-typo.pdf");
    assert_eq!(e.document_type, DocumentType::OfstedReport);
    assert_eq!(
        judgements(&e),
        vec![
            j(LEADERS, "Good", GradeCode::Good),
            j(HELP, "Requires improvment to be good", GradeCode::RequiresImprovementToBeGood),
            j("Overall effectiveness", "Good", GradeCode::Good),
        ]
    );
    assert_eq!(
        codes(&e),
        vec![WarningCode::GradeUnrecognised, WarningCode::GradeUnrecognised, WarningCode::ParagraphGap]
    );
    assert!(e.warnings.iter().all(|w| w.page == Some(1)));
    assert!(e.warnings[1].message.contains("'Adequate'"), "{}", e.warnings[1].message);
    assert!(e.warnings[2].message.contains("paragraph 4 follows paragraph 2"), "{}", e.warnings[2].message);
    let numbers: Vec<&str> = inspection(&e).paragraphs.iter().map(|p| p.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "4"]);
}

#[test]
fn real_ofsted_reports_keep_their_type_without_doubt_or_contradiction() {
    for name in [
        "real/ofsted-sif-norfolk-2018-reinspection.pdf",
        "real/ofsted-focused-visit-letter-norfolk-2019.pdf",
        "real/ofsted-ilacs-dorset-2025.pdf",
        "ofsted-ilacs-somerset-2022.pdf",
    ] {
        let e = extract(name);
        assert_eq!(e.document_type, DocumentType::OfstedReport, "{name}");
        assert_eq!(codes(&e), vec![], "{name}");
    }
}

#[test]
fn real_papers_have_no_contradiction_or_doubt() {
    // Every real paper in fixtures/ (minutes with lettered and unnumbered items, agenda packs
    // with page ranges, Ofsted reports): read clean, none of the consistency codes is raised.
    let raised = [
        WarningCode::DocumentTypeUncertain,
        WarningCode::NumberingOutOfOrder,
        WarningCode::PageRangesOverlap,
        WarningCode::ParagraphGap,
        WarningCode::GradeUnrecognised,
        WarningCode::DateInconsistent,
    ];
    let dir = super::util::fixture("real");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures/real") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if !name.ends_with(".pdf") || name.contains("NOTPDF") {
            continue;
        }
        let e = extract(&format!("real/{name}"));
        let bad: Vec<_> = e.warnings.iter().filter(|w| raised.contains(&w.code)).collect();
        assert!(bad.is_empty(), "{name}: {bad:?}");
        seen += 1;
    }
    assert!(seen >= 14, "{seen} real papers read");
}
