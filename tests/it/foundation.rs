//! The foundation: PDF layer, layout, tables, page stamps, sections, document types, bad input.
//! Every expected value below was read from the PDF (pdftotext -layout, councilpdf layout).

use super::util::{convert, extract, fixture, layout};
use councilpdf::contract::{DocumentType, ErrorCode, SectionKind, WarningCode};

const PACK: &str = "somerset-cf-scrutiny-2022-10-03-agenda-pack.pdf";
const PROGRESS: &str = "somerset-childrens-transformation-progress-2024-06.pdf";
const OFSTED: &str = "ofsted-ilacs-somerset-2022.pdf";

#[test]
fn pack_sections_match_the_printed_pack() {
    let e = extract(PACK);
    assert_eq!(e.document_type, DocumentType::AgendaPack);
    let got: Vec<(SectionKind, u32, u32)> =
        e.sections.iter().map(|s| (s.kind, s.first_page, s.last_page)).collect();
    use SectionKind::*;
    assert_eq!(
        got,
        vec![
            (Cover, 1, 1),
            (Agenda, 2, 3),
            (Guidance, 4, 6),
            (Blank, 7, 10),
            (Minutes, 11, 14),
            (WorkProgramme, 15, 16),
            (ActionTracker, 17, 17),
            (Blank, 18, 18),
            (OfstedReport, 19, 28),
            (Presentation, 29, 38),
            (CommitteeReport, 39, 42),
        ]
    );
    let ids: Vec<&str> = e.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids[0], "s1");
    assert_eq!(ids.len(), 11);
}

#[test]
fn document_types_of_the_samples() {
    assert_eq!(extract(PROGRESS).document_type, DocumentType::ProgressReport);
    assert_eq!(extract(OFSTED).document_type, DocumentType::OfstedReport);
    assert_eq!(
        extract("real/ofsted-focused-visit-letter-norfolk-2019.pdf").document_type,
        DocumentType::OfstedReport
    );
    assert_eq!(
        extract("real/kcc-cabinet-2025-01-30-printed-minutes.pdf").document_type,
        DocumentType::Minutes
    );
    assert_eq!(
        extract("real/community-council-manordeilo-minutes-2019-03-13-en.pdf").document_type,
        DocumentType::Minutes
    );
    assert_eq!(
        extract("real/kcc-cabinet-2025-01-30-agenda-frontsheet.pdf").document_type,
        DocumentType::AgendaPack
    );
    assert_eq!(
        extract("real/kcc-cabinet-2025-01-30-item7-supplementary-pack.pdf").document_type,
        DocumentType::AgendaPack
    );
    assert_eq!(
        extract("real/kcc-budget-monitoring-appendix-key-service-statement.pdf").document_type,
        DocumentType::CommitteeReport
    );
}

#[test]
fn mtfp_tracker_is_one_table_of_17_rows_and_8_columns() {
    let l = layout(PROGRESS);
    let page = l.page(5).expect("page 5");
    assert_eq!(page.tables.len(), 1);
    let t = &page.tables[0];
    assert_eq!((t.rows.len(), t.ncols()), (17, 8));
    assert_eq!(t.header_rows, 1);
    let header = t.header();
    assert_eq!(header[0], "MTFP Ref");
    assert_eq!(header[2], "24/25 £");
    assert_eq!(header[3], "Over-achieved");
    assert_eq!(header[7], "Comments");
    // CFE016: 16+ placements (Block contract) 3,385,800 — on track 1,482,000, at risk 1,903,800.
    let row = t.rows.iter().find(|r| r.cells[0].text == "CFE016").expect("CFE016 row");
    assert_eq!(
        row.texts()[..7],
        ["CFE016", "16+ placements (Block contract)", "3,385,800", "", "", "1,482,000", "1,903,800"]
    );
    // A wrapped description is one cell, its lines joined.
    let row = t.rows.iter().find(|r| r.cells[0].text == "CFE003").expect("CFE003 row");
    assert_eq!(
        row.cells[1].text,
        "Utilise more centrally retained Early Years funding & reduce use of external partners"
    );
    assert_eq!(row.cells[1].lines.len(), 2);
    let last = t.rows.last().expect("rows");
    assert_eq!(last.cells[1].text, "TOTALS");
    assert_eq!(last.cells[2].text, "9,568,900");
}

#[test]
fn ruled_work_programme_and_tracker_tables() {
    let l = layout(PACK);
    let wp = &l.page(15).expect("page 15").tables[0];
    assert_eq!(wp.ncols(), 3);
    assert_eq!(
        wp.header(),
        ["Overarching themes", "Committee meeting dates / proposed agenda items", "Lead Officer/Item Lead"]
    );
    assert_eq!(wp.rows[1].cells[0].text, "5 September 2022 @ 1 pm");
    let tracker = l.page(17).expect("page 17");
    // The tracker and its status key below it are two tables.
    assert_eq!(tracker.tables.len(), 2);
    assert_eq!(tracker.tables[0].header(), ["Agenda items", "Lead / Owner", "Agreed Outcome", "RAG Status"]);
    let completed =
        tracker.tables[0].rows.iter().find(|r| r.cells[0].text == "Information Items").expect("row");
    assert_eq!(completed.cells[3].text, "Completed");
    // The status cell is shaded green.
    let fill = completed.cells[3].fill.expect("a fill");
    assert!(fill[1] > 150 && fill[0] < 200 && fill[2] < 120, "{fill:?}");
    assert_eq!(tracker.tables[1].rows[0].cells[0].text, "Completed");
}

#[test]
fn page_stamps_map_printed_to_physical_pages() {
    let l = layout(PACK);
    // The pack prints "Page N" on every page, N the physical page.
    for p in &l.pages {
        assert_eq!(p.printed_number, Some(p.number), "page {}", p.number);
        assert!(p.furniture.iter().any(|(_, line)| line.text == format!("Page {}", p.number)));
        assert!(!p.lines.iter().any(|line| line.text == format!("Page {}", p.number)));
    }
    // The supplementary pack numbers its papers from 1 on physical page 3; page 12 is an
    // unstamped blank page between "Page 9" (p11) and "Page 11" (p13).
    let s = layout("real/kcc-cabinet-2025-01-30-item7-supplementary-pack.pdf");
    assert_eq!(s.page(3).and_then(|p| p.printed_number), Some(1));
    assert_eq!(s.physical_page(9), Some(11));
    assert_eq!(s.physical_page(10), Some(12));
    assert_eq!(s.physical_page(11), Some(13));
    // "Agenda Item 7" is a stamp, not body text.
    let p3 = s.page(3).expect("page 3");
    assert!(p3.furniture.iter().any(|(_, line)| line.text == "Agenda Item 7"));
}

#[test]
fn first_lines_of_pages() {
    let l = layout(OFSTED);
    assert_eq!(
        l.page(1).and_then(|p| p.first_line()).map(|x| x.text.as_str()),
        Some("Inspection of Somerset local authority children’s")
    );
    // The title wraps: its second line is "services".
    assert_eq!(l.page(1).and_then(|p| p.lines.get(1)).map(|x| x.text.as_str()), Some("services"));
    let p = layout(PROGRESS);
    assert_eq!(
        p.page(5).and_then(|p| p.first_line()).map(|x| x.text.as_str()),
        Some("Children's Transformation Programme – MTFP Tracker")
    );
}

#[test]
fn slide_columns_read_column_by_column() {
    // Page 8 of the progress deck: "Working Well" | "Not working well" | "To Escalate".
    let l = layout(PROGRESS);
    let page = l.page(8).expect("page 8");
    let texts: Vec<&str> = page.lines.iter().map(|l| l.text.as_str()).collect();
    let pos = |needle: &str| {
        texts
            .iter()
            .position(|t| t.starts_with(needle))
            .unwrap_or_else(|| panic!("{needle} not in {texts:?}"))
    };
    // The first column's bullets all come before the second column's heading's items.
    assert!(pos("• JTAI visit was very positive") < pos("• Roll-out of Transform Family View"));
    assert!(pos("• New group offer in 10 areas") < pos("• Gap in comms capacity"));
    assert!(pos("• Gap in comms capacity") < pos("• Public Health Nursing Forest"));
}

#[test]
fn bold_and_bullets_from_fonts() {
    let l = layout(PROGRESS);
    let page = l.page(5).expect("page 5");
    let header_cell = &page.tables[0].rows[0].cells[0];
    assert!(header_cell.bold, "the tracker's header is set in bold");
    let p3 = l.page(3).expect("page 3");
    let bullets = p3.lines.iter().filter(|l| l.bullet.as_deref() == Some("•")).count();
    assert!(bullets >= 7, "the director's summary has 7 bullets, got {bullets}");
}

#[test]
fn every_corpus_file_gives_one_object() {
    let mut names: Vec<String> = Vec::new();
    for dir in ["", "real/"] {
        for e in std::fs::read_dir(fixture(dir)).expect("fixtures") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "pdf") {
                names.push(format!("{dir}{}", p.file_name().unwrap_or_default().to_string_lossy()));
            }
        }
    }
    assert!(names.len() >= 19);
    for n in names {
        let out = convert(&n);
        let v = councilpdf::emit::to_checked_json(&out);
        assert!(v.get("document_type").is_some() || v.get("error").is_some(), "{n}");
    }
}

#[test]
fn bad_inputs_give_error_objects_and_warnings() {
    let html = convert("real/ofsted-NOTPDF-birmingham-2012-html-errorpage.pdf");
    assert_eq!(html.error_code(), Some(ErrorCode::NotPdf));
    let scan = extract("real/parish-bcwpc-agar-2024-25-SCANNED-no-text.pdf");
    assert!(scan.warnings.iter().any(|w| w.code == WarningCode::NoTextLayer));
    assert_eq!(scan.document_type, DocumentType::Unknown);
    let broken = extract("real/parish-bcwpc-agar-form2-2021-22-broken-font-xref.pdf");
    assert!(broken.warnings.iter().any(|w| w.code == WarningCode::GarbledText), "{:?}", broken.warnings);
    // pdf-extract panics on page 3 of these minutes (font /F5 missing from its resources): the
    // page is repaired and read, with a warning.
    let parish = extract("real/parish-bcwpc-minutes-2025-09-02.pdf");
    assert!(parish.warnings.iter().any(|w| w.code == WarningCode::RepairedInput));
    let l = layout("real/parish-bcwpc-minutes-2025-09-02.pdf");
    assert!(l.page(3).is_some_and(|p| p.readable && p.text().contains("Sunday 7 December 2025")));
}

#[test]
fn source_block() {
    let e = extract(PACK);
    assert_eq!(e.source.file, PACK);
    assert_eq!(e.source.pages, Some(42));
    assert_eq!(e.source.bytes, Some(636530));
    assert_eq!(e.source.producer.as_deref(), Some("Aspose.Pdf for .NET 20.4"));
    assert_eq!(e.source.sha256.as_deref().map(str::len), Some(64));
}

#[test]
fn a_page_whose_text_runs_sideways_is_read_upright() {
    // Rotate page 1 of the Ofsted report by 90°: its text now runs down the displayed page, as
    // on a landscape table drawn sideways; the layout turns it back to read left to right.
    let mut doc = lopdf::Document::load(fixture(OFSTED)).expect("fixture loads");
    let first = *doc.get_pages().get(&1).expect("page 1");
    doc.get_dictionary_mut(first).expect("page dict").set("Rotate", lopdf::Object::Integer(90));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saves");
    let raw = councilpdf::pdf::read(&bytes, &Default::default()).expect("reads");
    let l = councilpdf::layout::build(&raw);
    let p = l.page(1).expect("page 1");
    assert_eq!(
        p.first_line().map(|x| x.text.as_str()),
        Some("Inspection of Somerset local authority children’s")
    );
    assert!(p.width < p.height, "read in its upright frame");
}

#[test]
fn kent_savings_appendix_ruled_by_fill_stripes() {
    // Page 8: no vertical rules between the figures, a five-line stacked header, rows drawn as
    // alternating fill stripes.
    let l = layout("real/kcc-budget-monitoring-appendix-key-service-statement.pdf");
    let t = &l.page(8).expect("page 8").tables[0];
    let header = t.header();
    let want = [
        "2024-25 Savings Target",
        "Forecast against original saving",
        "Forecast against alternative saving (ongoing)",
        "Forecast against alternative saving (one-off)",
        "Total Forecast",
        "Variance",
        "Un-deliverable",
        "To be achieved in future years",
    ];
    // "£000s" is printed inside the shaded header band, above the one-off column: it is that
    // cell's first line as far as geometry goes (the savings extractor reads it as the unit).
    for w in want {
        assert!(header.iter().any(|h| h == w || h == &format!("£000s {w}")), "{w} not in {header:?}");
    }
    let row = t
        .rows
        .iter()
        .find(|r| r.cells[0].text == "Technology Enabled Lives Service (TELS)")
        .expect("TELS row");
    let figures: Vec<&str> =
        row.cells[1..].iter().map(|c| c.text.as_str()).filter(|x| !x.is_empty()).collect();
    assert_eq!(figures, ["-2,049.0", "-3,768.4", "0.0", "0.0", "-3,768.4", "-1,719.4", "0.0", "0.0"]);
    // A description wrapped over three lines is one cell, its figures in the same row.
    let wrapped = t
        .rows
        .iter()
        .find(|r| {
            r.cells[0].text.starts_with("Uplift in social care client contributions")
                && r.cells[0].text.ends_with("Older People")
        })
        .expect("wrapped row");
    assert_eq!(wrapped.cells[0].lines.len(), 3);
    assert!(wrapped.cells.iter().any(|c| c.text == "-6,400.0"));
}
