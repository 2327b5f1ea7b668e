//! The authority of every paper (issue 17), with names read from the PDFs (pdftotext -layout):
//! the heading, letterhead, Ofsted subject or the council the text names.

use super::util::extract;
use councilpdf::contract::{AuthorityKind, WarningCode};

#[test]
fn every_paper_names_its_authority_or_warns() {
    use AuthorityKind::*;
    // (fixture, name, kind, code): each name as printed on the page the provenance gives.
    let cases: &[(&str, &str, Option<AuthorityKind>, Option<&str>)] = &[
        // "Inspection of Somerset local authority children's services" (July 2022: the county).
        ("ofsted-ilacs-somerset-2022.pdf", "Somerset County Council", Some(County), Some("E10000027")),
        // Page 2 heading of the 3 October 2022 pack; "Somerset County Council" in its text.
        (
            "somerset-cf-scrutiny-2022-10-03-agenda-pack.pdf",
            "Somerset County Council",
            Some(County),
            Some("E10000027"),
        ),
        // "Somerset Council" printed once; no dated line, so no code rather than a guess.
        ("somerset-childrens-transformation-progress-2024-06.pdf", "Somerset Council", None, None),
        (
            "real/community-council-manordeilo-minutes-2019-03-13-en.pdf",
            "Manordeilo and Salem Community Council",
            Some(Community),
            None,
        ),
        // "Kent" in every directorate line; no council title printed.
        (
            "real/kcc-budget-monitoring-appendix-key-service-statement.pdf",
            "Kent",
            Some(County),
            Some("E10000016"),
        ),
        (
            "real/kcc-cabinet-2025-01-30-agenda-frontsheet.pdf",
            "Kent County Council",
            Some(County),
            Some("E10000016"),
        ),
        (
            "real/kcc-cabinet-2025-01-30-item7-supplementary-pack.pdf",
            "Kent County Council",
            Some(County),
            Some("E10000016"),
        ),
        (
            "real/kcc-cabinet-2025-01-30-printed-minutes.pdf",
            "Kent County Council",
            Some(County),
            Some("E10000016"),
        ),
        ("real/lords-house-committee-minutes-2016-06-29.pdf", "House of Lords", Some(Parliament), None),
        (
            "real/ofsted-focused-visit-letter-norfolk-2019.pdf",
            "Norfolk County Council",
            Some(County),
            Some("E10000020"),
        ),
        (
            "real/ofsted-ilacs-bcp-2022-inadequate.pdf",
            "Bournemouth, Christchurch and Poole",
            Some(Unitary),
            Some("E06000058"),
        ),
        (
            "real/ofsted-ilacs-birmingham-2023.pdf",
            "Birmingham City Council",
            Some(Metropolitan),
            Some("E08000025"),
        ),
        ("real/ofsted-ilacs-dorset-2025.pdf", "Dorset", Some(Unitary), Some("E06000059")),
        // The 2018 report's first line is "Norfolk Council".
        ("real/ofsted-sif-norfolk-2018-reinspection.pdf", "Norfolk Council", Some(County), Some("E10000020")),
        ("real/parish-bcwpc-minutes-2025-09-02.pdf", "Burton-cum-Walden Parish Council", Some(Parish), None),
    ];
    for (file, name, kind, code) in cases {
        let e = extract(file);
        let a = e.authority.as_ref().unwrap_or_else(|| panic!("{file}: no authority"));
        assert_eq!((a.name.as_str(), a.kind, a.code.as_deref()), (*name, *kind, *code), "{file}");
        assert!(e.warnings.iter().all(|w| w.code != WarningCode::AuthorityUnknown), "{file}");
    }
}

#[test]
fn papers_naming_no_authority_say_why() {
    // A scan (no text) and a form whose text layer the reader loses: null with a warning.
    for file in [
        "real/parish-bcwpc-agar-2024-25-SCANNED-no-text.pdf",
        "real/parish-bcwpc-agar-form2-2021-22-broken-font-xref.pdf",
    ] {
        let e = extract(file);
        assert_eq!(e.authority, None, "{file}");
        assert!(e.warnings.iter().any(|w| w.code == WarningCode::AuthorityUnknown), "{file}");
    }
}
