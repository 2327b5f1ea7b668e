//! Text exactly as printed (issue 13): page stamps kept out of the body, words not broken by
//! glyph spacing, justified lines read in order, stacked table headers kept. The generated
//! papers are made by `tests/gen/layout_text.py`, which writes every value asserted here.

use super::util::{extract, layout};
use councilpdf::contract::{DocumentType, Extraction};
use councilpdf::layout::{Furniture, Layout};
use std::path::{Path, PathBuf};

fn gen(name: &str) -> String {
    format!("../tests/gen/pdfs/{name}")
}

/// Every PDF under `dir`, searched recursively.
fn pdfs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            pdfs(&p, out);
        } else if p.extension().is_some_and(|x| x == "pdf") {
            out.push(p);
        }
    }
}

/// Ofsted reports of the project's fixtures and, where it lies beside the project, of
/// `../shared/corpus` (the same papers when both are present).
fn ofsted_reports() -> Vec<(PathBuf, Extraction, Layout)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    pdfs(&root.join("fixtures"), &mut files);
    pdfs(&root.join("../shared/corpus"), &mut files);
    let mut out = Vec::new();
    for f in files {
        let Ok(bytes) = std::fs::read(&f) else { continue };
        let councilpdf::contract::Output::Ok(e) = councilpdf::convert("x.pdf", &bytes, &Default::default())
        else {
            continue;
        };
        if e.document_type != DocumentType::OfstedReport {
            continue;
        }
        let Ok(raw) = councilpdf::pdf::read(&bytes, &Default::default()) else { continue };
        out.push((f, *e, councilpdf::layout::build(&raw)));
    }
    out
}

/// The printed numbers of pages `first..=last`.
fn stamps(l: &Layout, first: u32, last: u32) -> Vec<String> {
    (first..=last).filter_map(|n| l.printed_number(n)).map(|n| n.to_string()).collect()
}

/// Bournemouth 2022, Birmingham 2023 and Dorset 2025 (Word): the page number in 20 pt beside
/// the running footer's second line ("6 to 17 December 2021   6") was read as body text, so a
/// paragraph running to the page foot ended "… with a minority being left to manage
/// independently. 6", and the last before the back page "… not part of core business. 9 10".
#[test]
fn ofsted_paragraph_swallowed_the_page_stamp_beside_the_running_footer() {
    let reports = ofsted_reports();
    assert!(reports.len() >= 5, "Ofsted reports found: {}", reports.len());
    for (f, e, l) in &reports {
        let Some(i) = &e.inspection else { continue };
        for (k, p) in i.paragraphs.iter().enumerate() {
            let last = i.paragraphs.get(k + 1).map_or(l.pages.len() as u32, |n| n.page);
            let stamps = stamps(l, p.page, last);
            let tail = p.text.split_whitespace().next_back().unwrap_or("");
            assert!(
                !stamps.iter().any(|s| s == tail),
                "{}: paragraph {} ends with a page stamp of pages {}-{}: …{}",
                f.display(),
                p.number,
                p.page,
                last,
                &p.text[p.text.len().saturating_sub(60)..]
            );
        }
    }
    // The stamps are read, not lost: each page's printed number as pdftotext shows it (the
    // reports' first pages carry none).
    for (name, first, pages) in [
        ("real/ofsted-ilacs-bcp-2022-inadequate.pdf", 2, 10),
        ("real/ofsted-ilacs-birmingham-2023.pdf", 2, 12),
        ("real/ofsted-ilacs-dorset-2025.pdf", 2, 12),
        ("ofsted-ilacs-somerset-2022.pdf", 1, 10),
        ("real/ofsted-sif-norfolk-2018-reinspection.pdf", 1, 21),
    ] {
        let l = layout(name);
        let printed: Vec<Option<u32>> = l.pages.iter().map(|p| p.printed_number).collect();
        let want: Vec<Option<u32>> = (1..=pages).map(|n| (n >= first).then_some(n)).collect();
        assert_eq!(printed, want, "{name}");
    }
}

/// The Bournemouth paragraph 35 and 53 as printed (pdftotext -layout, pages 6 and 9).
#[test]
fn bournemouth_paragraphs_end_as_printed() {
    let e = extract("real/ofsted-ilacs-bcp-2022-inadequate.pdf");
    let i = e.inspection.as_ref().expect("an inspection");
    let para =
        |n: &str| i.paragraphs.iter().find(|p| p.number == n).map(|p| p.text.clone()).unwrap_or_default();
    assert!(para("35").ends_with("with a minority being left to manage independently."), "{}", para("35"));
    assert!(
        para("53").ends_with("training on key and emerging issues is not part of core business."),
        "{}",
        para("53")
    );
    // Paragraph 27 runs from page 5 to page 6: the stamp "5" no longer sits inside it.
    assert!(para("27").contains("The majority of children in care are in the right place"), "{}", para("27"));
}

const SENTENCES: [&str; 6] = [
    "Social workers know their children well and visit them regularly.",
    "Their records are up to date and written to the child.",
    "Managers oversee plans closely so that drift is rare and decisions are timely.",
    "Partners share information quickly when concerns first arise.",
    "Children are seen alone and their wishes shape the plans made for them.",
    "Families receive the help they need from practitioners who stay with them.",
];

/// `para_text` of the generator: `n` sentences from the `k`-th on.
fn para_text(k: usize, n: usize) -> String {
    (0..n).map(|j| SENTENCES[(k + j) % SENTENCES.len()]).collect::<Vec<_>>().join(" ")
}

fn paragraphs(e: &Extraction) -> Vec<(String, String)> {
    let i = e.inspection.as_ref().expect("an inspection");
    i.paragraphs.iter().map(|p| (p.number.clone(), p.text.clone())).collect()
}

fn footer_texts(l: &Layout, page: u32) -> Vec<String> {
    l.page(page)
        .map(|p| {
            p.furniture.iter().filter(|(k, _)| *k == Furniture::Footer).map(|(_, l)| l.text.clone()).collect()
        })
        .unwrap_or_default()
}

/// Generated in the Word reports' form: a two-line running footer, the page number in 20 pt
/// beside its second line, paragraphs that run to the page foot and a back page without any.
#[test]
fn generated_report_with_the_stamp_beside_the_footer_keeps_it_out_of_paragraphs() {
    let name = gen("layout-ofsted-stamp-beside-footer.pdf");
    let want: Vec<(String, String)> =
        (0..26).map(|k| ((k + 1).to_string(), para_text(k, 4 + k % 3))).collect();
    assert_eq!(paragraphs(&extract(&name)), want);
    let l = layout(&name);
    for n in 1..=5u32 {
        assert_eq!(l.page(n).and_then(|p| p.printed_number), Some(n));
        assert_eq!(
            footer_texts(&l, n),
            [
                "Inspection of Wessex local authority children's services".to_string(),
                "4 to 15 March 2024".to_string(),
                n.to_string()
            ]
        );
    }
}

/// Generated: the body runs onto the page number's own baseline, on page 2 far left of the
/// stamp, on page 3 in a justified line ending 7 pt before it (so the stamp joins the line as
/// its last word). The stamp is set aside; the line keeps its words.
#[test]
fn generated_report_whose_body_runs_onto_the_stamp_baseline_keeps_it_out() {
    let name = gen("layout-ofsted-stamp-in-body-line.pdf");
    let want: Vec<(String, String)> = [
        (1, para_text(0, 3)),
        (2, para_text(1, 4)),
        (3, para_text(2, 3) + " Children get help when they need it."),
        (4, para_text(3, 4)),
        (5, para_text(4, 5)),
        (6, para_text(5, 3)),
    ]
    .into_iter()
    .map(|(n, t)| (n.to_string(), t))
    .collect();
    assert_eq!(paragraphs(&extract(&name)), want);
    let l = layout(&name);
    for n in 1..=4u32 {
        assert_eq!(l.page(n).and_then(|p| p.printed_number), Some(n));
        assert_eq!(footer_texts(&l, n), [n.to_string()]);
    }
    let p3 = l.page(3).expect("page 3");
    let last = p3.lines.iter().max_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top)).expect("lines");
    assert_eq!(
        last.text,
        "their children well and visit them regularly. Their records are up to date and written to the"
    );
}

/// Kent County Council's printed minutes (Aspose.Words) read "A pologies for Absence",
/// "D eclarations …", "M inutes …" for every minute title: the titles' letters are placed one
/// by one with wide spacing, the capital sometimes in a text object of its own. Generated: one
/// title spaced glyph by glyph, one with its capital apart, one with a larger capital apart,
/// one set with character spacing (Tc), which the minute's text line below inherits.
#[test]
fn aspose_minute_titles_placed_glyph_by_glyph_read_as_whole_words() {
    let name = gen("layout-minutes-spaced-titles.pdf");
    let e = extract(&name);
    assert_eq!(e.document_type, DocumentType::Minutes);
    let items: Vec<(&str, &str, &str)> = e
        .minute_items
        .iter()
        .map(|m| (m.number.as_deref().unwrap_or(""), m.title.as_str(), m.text.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            ("1", "Apologies for Absence", "Apologies were received from Councillor Finch."),
            ("2", "Declarations of Interest", "No declarations of interest were made."),
            ("3", "Minutes of the Previous Meeting", "The minutes of 4 February 2025 were approved."),
            ("4", "Planning Applications", "The Council had no objection to application 25/00123/FUL."),
        ]
    );
    let l = layout(&name);
    let lines: Vec<&str> = l.pages[0].lines.iter().map(|l| l.text.as_str()).collect();
    for title in [
        "1. Apologies for Absence",
        "2. Declarations of Interest",
        "3. Minutes of the Previous Meeting",
        "4. Planning Applications",
    ] {
        assert!(lines.contains(&title), "{title} not in {lines:?}");
    }
}

/// Kent County Council's minutes list those present in a justified paragraph whose names keep
/// their own spaces ("Mr T Cannon,      Miss S J Carey,     Sir Paul Carter"): the wide gaps
/// cut each line into blocks, read column by column. Generated: two justified lines of four
/// names, then a last line set ragged.
#[test]
fn justified_member_list_with_wide_gaps_reads_in_order() {
    let l = layout(&gen("layout-justified-names.pdf"));
    let page = &l.pages[0];
    let lines: Vec<&str> = page.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        lines,
        [
            "KENT COUNTY COUNCIL",
            "PRESENT:",
            "Mr T Cannon, Miss S J Carey, Sir Paul Carter, Mr A Cook,",
            "Mrs P T Cole, Mr N J D Chard, Mr D Crow-Brown, Mr M C Dance,",
            "Mr P Oakford and Mr H Rayner",
            "The meeting opened at 10.00 am.",
        ]
    );
    let list = page.blocks.iter().find(|b| b.text().starts_with("PRESENT:")).expect("the list's block");
    assert_eq!(
        list.text(),
        "PRESENT: Mr T Cannon, Miss S J Carey, Sir Paul Carter, Mr A Cook, Mrs P T Cole, Mr N J D Chard, \
         Mr D Crow-Brown, Mr M C Dance, Mr P Oakford and Mr H Rayner"
    );
}

/// A savings tracker whose header repeats at the top of every page, bottom-aligned, with one
/// header stacked over two lines ("Forecast" above "against alternative saving (ongoing)"):
/// the top line, alone in the top margin on every page, was set aside as a running header and
/// the column lost its name. Generated over three pages.
#[test]
fn stacked_table_header_top_line_in_the_top_margin_keeps_its_column_name() {
    let name = gen("layout-stacked-header.pdf");
    let l = layout(&name);
    for p in &l.pages {
        assert!(p.furniture.is_empty(), "page {}: {:?}", p.number, p.furniture);
        let header = p
            .blocks
            .iter()
            .find(|b| b.text().contains("against alternative saving (ongoing)"))
            .expect("the stacked header");
        assert_eq!(header.text(), "Forecast against alternative saving (ongoing)");
    }
    let e = extract(&name);
    let first = e.savings.first().expect("savings rows");
    assert_eq!(first.reference.as_deref(), Some("ASC-01"));
    let keys: Vec<&str> = first.columns.keys().map(String::as_str).collect();
    assert!(keys.contains(&"Forecast against alternative saving (ongoing)"), "{keys:?}");
}
