//! The authority of every paper (issue 17): every fixture and every generated paper, with the
//! name read in the PDF itself (`pdftotext -layout FILE -`), its kind, and the code the shipped
//! table (`data/authorities.csv`) gives it as of the paper's date; or null with the warning
//! that says none is named.

use super::util::extract;
use councilpdf::contract::{AuthorityKind, Extraction, WarningCode};

use AuthorityKind::*;

/// (file, name, kind, code, page of the provenance): the name as printed on that page.
type Case = (&'static str, &'static str, Option<AuthorityKind>, Option<&'static str>, u32);

const GEN: &str = "../tests/gen/pdfs/";

fn named(
    file: &str,
    e: &Extraction,
    (name, kind, code, page): (&str, Option<AuthorityKind>, Option<&str>, u32),
) {
    let a = e.authority.as_ref().unwrap_or_else(|| panic!("{file}: no authority"));
    assert_eq!(
        (a.name.as_str(), a.kind, a.code.as_deref(), a.provenance.page),
        (name, kind, code, page),
        "{file}"
    );
    assert!(e.warnings.iter().all(|w| w.code != WarningCode::AuthorityUnknown), "{file}");
}

fn unnamed(file: &str, e: &Extraction) {
    assert_eq!(e.authority, None, "{file}");
    let w = e.warnings.iter().find(|w| w.code == WarningCode::AuthorityUnknown);
    assert!(w.is_some_and(|w| w.message.contains("no council")), "{file}: {:?}", e.warnings);
}

#[test]
fn every_fixture_names_its_authority() {
    let cases: &[Case] = &[
        // Title "Inspection of Somerset local authority children's services"; "Somerset County
        // Council" printed in the text; inspected July 2022: the county's code.
        ("ofsted-ilacs-somerset-2022.pdf", "Somerset County Council", Some(County), Some("E10000027"), 1),
        // Page 2's heading of the 3 October 2022 pack names "Somerset County Council".
        (
            "somerset-cf-scrutiny-2022-10-03-agenda-pack.pdf",
            "Somerset County Council",
            Some(County),
            Some("E10000027"),
            2,
        ),
        // "Somerset Council will build a fairer, greener …" (page 1): the unitary's own name.
        (
            "somerset-childrens-transformation-progress-2024-06.pdf",
            "Somerset Council",
            Some(Unitary),
            Some("E06000066"),
            1,
        ),
        (
            "real/community-council-manordeilo-minutes-2019-03-13-en.pdf",
            "Manordeilo and Salem Community Council",
            Some(Community),
            None,
            1,
        ),
        // Item 8: "Kent County Council Integrated Care Strategy (KCC ICS) Delivery Plan".
        (
            "real/kcc-cabinet-2025-01-30-agenda-frontsheet.pdf",
            "Kent County Council",
            Some(County),
            Some("E10000016"),
            1,
        ),
        (
            "real/kcc-cabinet-2025-01-30-item7-supplementary-pack.pdf",
            "Kent County Council",
            Some(County),
            Some("E10000016"),
            3,
        ),
        (
            "real/kcc-cabinet-2025-01-30-printed-minutes.pdf",
            "Kent County Council",
            Some(County),
            Some("E10000016"),
            1,
        ),
        ("real/lords-house-committee-minutes-2016-06-29.pdf", "House of Lords", Some(Parliament), None, 2),
        // "… focused visit to Norfolk County Council children's services" (October 2019).
        (
            "real/ofsted-focused-visit-letter-norfolk-2019.pdf",
            "Norfolk County Council",
            Some(County),
            Some("E10000020"),
            1,
        ),
        // "Inspection of Bournemouth, Christchurch and Poole local authority children's
        // services", December 2021: the council formed in April 2019.
        (
            "real/ofsted-ilacs-bcp-2022-inadequate.pdf",
            "Bournemouth, Christchurch and Poole",
            Some(Unitary),
            Some("E06000058"),
            1,
        ),
        (
            "real/ofsted-ilacs-birmingham-2023.pdf",
            "Birmingham City Council",
            Some(Metropolitan),
            Some("E08000025"),
            1,
        ),
        // "Inspection of Dorset local authority children's services", March 2025: the unitary.
        ("real/ofsted-ilacs-dorset-2025.pdf", "Dorset", Some(Unitary), Some("E06000059"), 1),
        // The 2018 report's first line is "Norfolk Council".
        (
            "real/ofsted-sif-norfolk-2018-reinspection.pdf",
            "Norfolk Council",
            Some(County),
            Some("E10000020"),
            1,
        ),
        (
            "real/parish-bcwpc-minutes-2025-09-02.pdf",
            "Burton-cum-Walden Parish Council",
            Some(Parish),
            None,
            1,
        ),
    ];
    for (file, name, kind, code, page) in cases {
        named(file, &extract(file), (name, *kind, *code, *page));
    }
}

/// Papers that never print their council's name in full: the table's one council for the
/// place they name over and over is the best reading, given with a warning that says so.
#[test]
fn a_council_inferred_from_its_place_is_given_with_a_warning() {
    let cases: &[(Case, usize)] = &[
        // No council title printed ("KCC" only, in running text); "Kent" in every directorate
        // line (first on page 5).
        (
            (
                "real/kcc-budget-monitoring-appendix-key-service-statement.pdf",
                "Kent County Council",
                Some(County),
                Some("E10000016"),
                5,
            ),
            19,
        ),
        // "Proposed Council Tax", "the County Council" are no names; "Kent" over and over and
        // the officers' kent.gov.uk addresses on page 1.
        (
            (
                "real/kcc-draft-revenue-budget-mtfp-2025-28.pdf",
                "Kent County Council",
                Some(County),
                Some("E10000016"),
                1,
            ),
            36,
        ),
    ];
    for &((file, name, kind, code, page), mentions) in cases {
        let e = extract(file);
        let a = e.authority.as_ref().unwrap_or_else(|| panic!("{file}: no authority"));
        assert_eq!(
            (a.name.as_str(), a.kind, a.code.as_deref(), a.provenance.page),
            (name, kind, code, page),
            "{file}"
        );
        let w: Vec<_> = e.warnings.iter().filter(|w| w.code == WarningCode::AuthorityUnknown).collect();
        assert_eq!(w.len(), 1, "{file}: {w:?}");
        let want = format!("{name} is inferred from \"Kent\", named {mentions} times");
        assert!(w[0].message.contains(&want), "{file}: {}", w[0].message);
    }
}

#[test]
fn fixtures_naming_no_authority_say_why() {
    // A scan (no text) and a form whose text layer the reader loses: null with the warning.
    for file in [
        "real/parish-bcwpc-agar-2024-25-SCANNED-no-text.pdf",
        "real/parish-bcwpc-agar-form2-2021-22-broken-font-xref.pdf",
    ] {
        unnamed(file, &extract(file));
    }
}

#[test]
fn every_generated_paper_names_its_authority() {
    let cases: &[Case] = &[
        ("layout-justified-names.pdf", "Kent County Council", Some(County), Some("E10000016"), 1),
        ("layout-minutes-spaced-titles.pdf", "Little Marsham Parish Council", Some(Parish), None, 1),
        ("layout-ofsted-stamp-beside-footer.pdf", "Wessex", None, None, 1),
        ("layout-ofsted-stamp-in-body-line.pdf", "Mercia", None, None, 1),
        ("minutes-cabinet-district.pdf", "Northbrook District Council", Some(District), None, 1),
        // "CYNGOR CYMUNED MANORDEILO A SALEM", printed in the text as "Cyngor Cymuned
        // Manordeilo a Salem".
        ("minutes-cy-manordeilo-docx.pdf", "Cyngor Cymuned Manordeilo a Salem", Some(Community), None, 1),
        (
            "minutes-cy-manordeilo-reportlab.pdf",
            "Cyngor Cymuned Manordeilo a Salem",
            Some(Community),
            None,
            1,
        ),
        ("minutes-parish.pdf", "Little Marsham Parish Council", Some(Parish), None, 1),
        ("ofsted-ilacs-2026-five.pdf", "Northmoor", None, None, 1),
        ("ofsted-ilacs-grade-above.pdf", "Wessex", None, None, 1),
        ("ofsted-ilacs-row-per-line.pdf", "Harrowby", None, None, 1),
        ("ofsted-ilacs-wrapped-grade.pdf", "Barsetshire County Council", Some(County), None, 1),
        ("ofsted-monitoring-letter.pdf", "Eastshire", None, None, 1),
        ("ofsted-sif-sentence.pdf", "Ravenshire County Council", Some(County), None, 1),
        // A borough council may be a district, a unitary or a metropolitan borough: no kind.
        ("ofsted-sif-sentence-ri.pdf", "Kingsmere Borough Council", None, None, 1),
        ("pack-parish-notice.pdf", "Little Marsham Parish Council", Some(Parish), None, 1),
        ("authority-school-front.pdf", "Rough Hay Primary School", Some(School), None, 1),
        // Papers merged beside this test (issues 15, 17B): names read with pdftotext.
        ("agenda-cy-weekday.pdf", "Cyngor Cymuned Llanfair", Some(Community), None, 1),
        ("minutes-bilingual-cy.pdf", "Cyngor Cymuned Llanfair", Some(Community), None, 1),
        ("minutes-bilingual-en.pdf", "Llanfair Community Council", Some(Community), None, 1),
        // "Inspection of Lowbridge local authority children's services".
        ("forms-grade-typo.pdf", "Lowbridge", None, None, 1),
        // "Inspection of the Royal Borough of / Windsor and Maidenhead local authority …": a unitary.
        (
            "forms-ilacs-windsor.pdf",
            "Royal Borough of Windsor and Maidenhead",
            Some(Unitary),
            Some("E06000040"),
            1,
        ),
        ("forms-school-2019.pdf", "Rough Hay Primary School", Some(School), None, 1),
        ("forms-sif-2015.pdf", "Westmoor County Council", Some(County), None, 1),
        ("forms-sif-2016.pdf", "London Borough of Eastfield", Some(LondonBorough), None, 1),
    ];
    for (file, name, kind, code, page) in cases {
        let path = format!("{GEN}{file}");
        named(&path, &extract(&path), (name, *kind, *code, *page));
    }
}

#[test]
fn generated_papers_naming_no_authority_say_why() {
    // Each read with pdftotext: a committee, a place or "the County Council", "FULL COUNCIL",
    // "Council Chamber", never a council's name.
    let files = [
        "agenda-panel-heading.pdf",
        "agenda-summons-box.pdf",
        "agenda-table-docx.pdf",
        "gs_delivered_slipped.pdf",
        "gs_millions_brackets.pdf",
        "gs_nearmiss_capital.pdf",
        "gs_nearmiss_revenue.pdf",
        "gs_rag_fill_key.pdf",
        "gs_ref_directorate.pdf",
        "gs_slide_letters.pdf",
        "gs_stacked_status_words.pdf",
        "gs_subtotals_mismatch.pdf",
        "gs_tracker_rag_text.pdf",
        "gs_two_pages.pdf",
        "gu_footnote_previous_page.pdf",
        "gu_footnote_removed.pdf",
        "gu_sheet_header_units.pdf",
        "gu_title_unit.pdf",
        "gu_word_text_unit.pdf",
        "layout-stacked-header.pdf",
        "minutes-full-council.pdf",
        "minutes-hwb.pdf",
        "minutes-item-refs.pdf",
        "minutes-landscape-hrules.pdf",
        "minutes-minute-prefix.pdf",
        "minutes-os-slash.pdf",
        "minutes-plain-numbered.pdf",
        "minutes-scrutiny-county.pdf",
        "minutes-two-column.pdf",
        "pack-action-log.pdf",
        // "FULL COUNCIL … Westford" and a "Budget and Council Tax" item: no council's name.
        "pack-council-word-exempt-members.pdf",
        "pack-council-word-exempt.pdf",
        "pack-hwb-agenda-table-membership.pdf",
        "pack-hwb-agenda-table.pdf",
        "pack-landscape-forward-plan.pdf",
        "pack-modgov-frontsheet.pdf",
        "pack-planning-member-lines.pdf",
        "pack-stamped-scrutiny.pdf",
        "progress-impress-deck.pdf",
        "progress-reportlab-deck.pdf",
        "progress-word-report.pdf",
        "questions-put.pdf",
        // Merged beside this test: "the County Council", "the Council", "Council Chamber",
        // "HOUSE COMMITTEE", "the council", "the county": no council's name.
        "agenda-area-committee-docx.pdf",
        "agenda-panel-weekday.pdf",
        "agenda-stamp-cabinet-docx.pdf",
        "agenda-summons-docx.pdf",
        "agenda-summons-three-lines.pdf",
        "agenda-venue-fragment.pdf",
        "agenda-wrapped-cells-docx.pdf",
        "agenda-wrapped-cells-reportlab.pdf",
        "forms-performance-q3.pdf",
        "gu_continued_stacked.pdf",
        "gu_stacked_five.pdf",
        "minutes-item-refs-docx.pdf",
        "minutes-recorded-vote-docx.pdf",
        "minutes-recorded-vote.pdf",
        "minutes-stamp-house.pdf",
        "minutes-unnumbered-docx.pdf",
        "minutes-unnumbered-reportlab.pdf",
        "minutes-venue-first-docx.pdf",
        "progress-impress-boxes.pdf",
        "progress-word-multi.pdf",
    ];
    for file in files {
        let path = format!("{GEN}{file}");
        unnamed(&path, &extract(&path));
    }
}

#[test]
fn every_generated_paper_is_covered() {
    // A new generated paper must be added to one of the lists above.
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gen/pdfs");
    let listed = include_str!("authority.rs");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/gen/pdfs") {
        let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
        if name.ends_with(".pdf") && !listed.contains(&name) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "generated papers with no authority case: {missing:?}");
}

#[test]
fn somerset_takes_the_code_valid_on_the_papers_date() {
    // tests/gen/authority.py: one Ofsted form naming "Somerset", inspected in July 2022 (the
    // county, E10000027 until 2023-03-31), in March 2024 (Somerset Council, E06000066 from
    // 2023-04-01), and with no date at all (the current row, and a warning saying so).
    let e = extract(&format!("{GEN}authority-somerset-2022.pdf"));
    named("2022", &e, ("Somerset", Some(County), Some("E10000027"), 1));
    let e = extract(&format!("{GEN}authority-somerset-2024.pdf"));
    named("2024", &e, ("Somerset", Some(Unitary), Some("E06000066"), 1));
    assert!(e.warnings.iter().all(|w| w.code != WarningCode::MissingRecord));
    let e = extract(&format!("{GEN}authority-somerset-undated.pdf"));
    named("undated", &e, ("Somerset", Some(Unitary), Some("E06000066"), 1));
    let w = e.warnings.iter().find(|w| w.code == WarningCode::MissingRecord).expect("undated warning");
    assert!(
        w.message.contains("no date") && w.message.contains("E10000027 until 2023-03-31"),
        "{}",
        w.message
    );
}
