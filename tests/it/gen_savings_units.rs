//! Savings papers whose unit is stated away from the table (tests/gen/savings_units.py): every
//! expected value was written into the PDF by that script.

use super::util::{bin, generated as gen, money as n, saving as by_ref};
use councilpdf::contract::{Extraction, Rag, UnitSource, WarningCode};

fn unit_missing(e: &Extraction) -> Vec<Option<u32>> {
    e.warnings.iter().filter(|w| w.code == WarningCode::UnitMissing).map(|w| w.page).collect()
}

/// Regression (issue 16): "All figures in £m" printed only at the foot of the page before the
/// table was not read, so £m figures came out as pounds. Regression (round 2): the table's
/// column rules are broken by the spanned heading and commentary rows, the grid lost the
/// "Savings proposal | 2025/26 Target" boundary, and "% delivered" (67) was read as £67m delivered.
#[test]
fn footnote_on_the_page_before_governs_the_table() {
    let e = gen("gu_footnote_previous_page.pdf");
    assert_eq!(e.savings.len(), 3, "three savings; headings, commentary and subtotals are none");
    type Row<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, &'a str, &'a str, Rag, &'a str);
    let rows: [Row; 3] = [
        (
            "AH1",
            "Reablement at scale",
            "Adults and Health",
            "-1200000",
            "-800000",
            "-1000000",
            "200000",
            Rag::Amber,
            "Two reablement teams recruited; the third starts in March.",
        ),
        (
            "AH2",
            "Day services redesign",
            "Adults and Health",
            "-500000",
            "-500000",
            "-500000",
            "0",
            Rag::Green,
            "Delivered in full.",
        ),
        (
            "PL1",
            "Parking charges review",
            "Place",
            "-350000",
            "-100000",
            "-200000",
            "150000",
            Rag::Red,
            "Charges approved late; the full year effect falls in 2026/27.",
        ),
    ];
    for (r, desc, dir, target, delivered, forecast, variance, rag, comment) in rows {
        let s = by_ref(&e, r);
        assert_eq!(s.description, desc, "{r}");
        assert_eq!(s.directorate.as_deref(), Some(dir), "{r}");
        assert_eq!(s.unit, 1_000_000, "{r}");
        assert_eq!(s.unit_source, Some(UnitSource::Note), "{r}");
        assert_eq!(n(s.target).as_deref(), Some(target), "{r}: brackets");
        assert_eq!(n(s.achieved).as_deref(), Some(delivered), "{r}: Delivered");
        assert_eq!(n(s.forecast).as_deref(), Some(forecast), "{r}: minus sign");
        assert_eq!(n(s.variance).as_deref(), Some(variance), "{r}: Variance (a dash is 0)");
        assert_eq!(s.rag, Some(rag), "{r}");
        assert_eq!(s.comment.as_deref(), Some(comment), "{r}");
        assert_eq!(s.period.as_deref(), Some("2025/26"), "{r}");
        assert_eq!(s.provenance.page, 2);
        let headers: Vec<&str> = s.columns.keys().map(String::as_str).collect();
        assert_eq!(
            headers,
            ["2025/26 Target", "Delivered", "Forecast outturn", "Variance"],
            "{r}: no % column"
        );
    }
    let totals: Vec<(&str, Option<String>, Option<String>, Option<String>, bool)> = e
        .savings_totals
        .iter()
        .map(|t| (t.label.as_str(), n(t.target), n(t.achieved), n(t.forecast), t.reconciles))
        .collect();
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        totals,
        [
            ("Adults and Health Sub-total", s("-1700000"), s("-1300000"), s("-1500000"), true),
            ("Place Sub-total", s("-350000"), s("-100000"), s("-200000"), true),
            ("Total", s("-2050000"), s("-1400000"), s("-1700000"), true),
        ]
    );
    assert!(unit_missing(&e).is_empty());
    assert!(!e.warnings.iter().any(|w| w.code == WarningCode::TotalsMismatch), "{:?}", e.warnings);
}

#[test]
fn footnote_removed_is_assumed_and_warned_once_with_its_page() {
    let e = gen("gu_footnote_removed.pdf");
    let s = by_ref(&e, "AH1");
    assert_eq!((s.unit, s.unit_source), (1, Some(UnitSource::Assumed)));
    assert_eq!(n(s.target).as_deref(), Some("-1.2"), "as printed, pounds assumed");
    assert_eq!(unit_missing(&e), [Some(2)], "once for the table, with its page");
}

#[test]
fn unit_in_the_title_only() {
    let e = gen("gu_title_unit.pdf");
    assert_eq!(e.savings.len(), 3);
    for (r, target, achieved) in
        [("T1", "400000", "300000"), ("T2", "1250000", "1250000"), ("T3", "600000", "0")]
    {
        let s = by_ref(&e, r);
        assert_eq!((s.unit, s.unit_source), (1_000_000, Some(UnitSource::Title)), "{r}");
        assert_eq!(n(s.target).as_deref(), Some(target), "{r}");
        assert_eq!(n(s.achieved).as_deref(), Some(achieved), "{r}");
    }
    assert!(unit_missing(&e).is_empty());
}

#[test]
fn word_export_unit_in_the_text_commentary_nil_and_slippage() {
    let e = gen("gu_word_text_unit.pdf");
    assert_eq!(e.savings.len(), 3);
    let s = by_ref(&e, "CS01");
    assert_eq!((s.unit, s.unit_source), (1000, Some(UnitSource::Text)));
    assert_eq!(n(s.target).as_deref(), Some("-850500"));
    assert_eq!(n(s.achieved).as_deref(), Some("-600000"), "Achieved to date");
    assert_eq!(n(s.variance).as_deref(), Some("0"), "Shortfall, a dash in a column of figures");
    assert_eq!(n(s.columns.get("Slippage").copied().flatten()).as_deref(), Some("-250500"));
    assert_eq!(s.comment.as_deref(), Some("Three children stepped down to foster care in the quarter."));
    assert_eq!(s.description, "Residential placements step-down", "the commentary is no part of it");
    assert_eq!(s.directorate.as_deref(), Some("Children's Services"), "a heading row under the header");
    assert_eq!(s.status, None, "£600k delivered of £850.5k is not achieved");
    let headers: Vec<&str> = s.columns.keys().map(String::as_str).collect();
    assert_eq!(headers, ["2025/26 Target", "Achieved to date", "Shortfall", "Slippage"]);
    let s = by_ref(&e, "CS02");
    assert_eq!(
        s.description, "Home to school transport route optimisation across the county's rural bus network",
        "wrapped round its figures"
    );
    assert_eq!(n(s.variance).as_deref(), Some("0"), "nil");
    assert_eq!(s.directorate.as_deref(), Some("Children's Services"));
    assert_eq!(by_ref(&e, "CO01").directorate.as_deref(), Some("Corporate"));
    let labels: Vec<&str> = e.savings_totals.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["Children's Services Total", "Corporate Total"]);
    assert!(e.savings_totals.iter().all(|t| t.reconciles), "{:?}", e.savings_totals);
    assert_eq!(n(e.savings_totals[0].target).as_deref(), Some("-1270500"));
}

/// Regression (round 2): the number ending "Efficiency review 1" was read as a figure column
/// (£1,000 of "column 3"), and the "£k" of "Target £k" as a caption over the table.
#[test]
fn spreadsheet_export_header_units_over_two_pages() {
    let e = gen("gu_sheet_header_units.pdf");
    assert_eq!(e.savings.len(), 60);
    for i in 1..=60u32 {
        let r = format!("X{i:02}");
        let s = by_ref(&e, &r);
        assert_eq!(s.description, format!("Efficiency review {i}"), "{r}: the number is the name's");
        assert_eq!((s.unit, s.unit_source), (1000, Some(UnitSource::Header)), "{r}");
        assert_eq!(n(s.target), Some((10_000 * i).to_string()), "{r}: Target £k");
        assert_eq!(n(s.forecast), Some((8_000 * i).to_string()), "{r}: Forecast outturn (header cut short)");
        assert_eq!(n(s.undeliverable), Some((2_000 * i).to_string()), "{r}: Undeliverable £k");
        let headers: Vec<&str> = s.columns.keys().map(String::as_str).collect();
        assert_eq!(
            headers,
            ["Forecast outturn", "Target £k", "Undeliverable £k"],
            "{r}: FTE and % are no money"
        );
        assert_eq!(s.provenance.page, if i <= 35 { 1 } else { 2 }, "{r}");
    }
    let [t] = e.savings_totals.as_slice() else { panic!("one total: {:?}", e.savings_totals) };
    assert_eq!(
        (t.label.as_str(), n(t.target), n(t.forecast)),
        ("Total", Some("18300000".into()), Some("14640000".into()))
    );
    assert!(t.reconciles, "{:?}", t.discrepancies);
    assert!(unit_missing(&e).is_empty());
}

/// `layout` names the statement that governed each savings table: its unit, kind, page and text.
#[test]
fn layout_shows_the_governing_statement() {
    let show = |name: &str| {
        let out = std::process::Command::new(bin())
            .args(["layout", &format!("tests/gen/pdfs/{name}")])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("layout runs");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.trim_start().starts_with("savings table"))
            .map(|l| l.split_once(": unit ").map_or(String::new(), |(_, u)| u.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        show("gu_footnote_previous_page.pdf"),
        ["1000000 (£m) from note on page 1: \"All figures in £m unless otherwise stated\""]
    );
    assert_eq!(show("gu_footnote_removed.pdf"), ["1 (£) assumed: no statement found, pounds assumed"]);
    assert_eq!(
        show("gu_title_unit.pdf"),
        ["1000000 (£m) from title on page 1: \"Savings Programme 2025/26 (£m)\""]
    );
    assert_eq!(
        show("gu_sheet_header_units.pdf"),
        [
            "1000 (£000) from header on page 1: \"Target £k\"",
            "1000 (£000) from header on page 2: \"Target £k\""
        ]
    );
    assert_eq!(
        show("gu_continued_stacked.pdf"),
        [
            "1000 (£000) from header on page 1: \"2025/26 Target\"",
            "1000 (£000) from header on page 1: \"2025/26 Target\""
        ],
        "the continuation prints no header: the one on page 1 governs"
    );
    let svg = std::env::temp_dir().join(format!("councilpdf-units-{}.svg", std::process::id()));
    let status = std::process::Command::new(bin())
        .args(["layout", "tests/gen/pdfs/gu_footnote_previous_page.pdf", "--page", "2", "--svg"])
        .arg(&svg)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("layout --svg runs");
    assert!(status.success());
    let drawn = std::fs::read_to_string(&svg).expect("svg written");
    let _ = std::fs::remove_file(&svg);
    assert!(
        drawn.contains(
            "unit: 1000000 (£m) from note on page 1: &quot;All figures in £m unless otherwise stated&quot;"
        ),
        "the SVG labels the table with its governing statement"
    );
}

/// A table continued on the next page without its header, a running page header and a
/// "continues overleaf" note between the parts; "2025/26 / Target / £'000" stacked headers;
/// brackets and minus signs in neighbouring columns; RAG as a letter, a word or only a red fill;
/// two subtotals and a grand total printed £10,000 short of its rows.
#[test]
fn continued_table_stacked_headers_rag_forms_and_a_short_total() {
    let e = gen("gu_continued_stacked.pdf");
    assert_eq!(e.savings.len(), 28);
    for (dir, code) in [("Adult Social Care", "ASC"), ("Environment", "ENV")] {
        for i in 1..=14i64 {
            let r = format!("{code}{i:02}");
            let s = by_ref(&e, &r);
            let letter = char::from(b'A' + i as u8 - 1);
            assert_eq!(s.description, format!("{dir} saving {letter}"), "{r}");
            assert_eq!(s.directorate.as_deref(), Some(dir), "{r}");
            assert_eq!((s.unit, s.unit_source), (1000, Some(UnitSource::Header)), "{r}");
            assert_eq!(n(s.target), Some((-(10_000 * i + 500)).to_string()), "{r}: (10.5) in brackets");
            assert_eq!(n(s.achieved), Some((-6_000 * i).to_string()), "{r}: -6.0 with a minus sign");
            assert_eq!(n(s.forecast), Some((-9_000 * i).to_string()), "{r}");
            let rag = [Rag::Green, Rag::Amber, Rag::Red][(i % 3) as usize];
            assert_eq!(s.rag, Some(rag), "{r}: a letter, a word, or a red fill alone");
            let page = if code == "ENV" && i >= 9 { 2 } else { 1 };
            assert_eq!(s.provenance.page, page, "{r}");
        }
    }
    let totals: Vec<(&str, Option<String>, bool)> =
        e.savings_totals.iter().map(|t| (t.label.as_str(), n(t.target), t.reconciles)).collect();
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        totals,
        [
            ("Adult Social Care Subtotal", s("-1057000"), true),
            ("Environment Subtotal", s("-1057000"), true),
            ("Grand Total", s("-2104000"), false),
        ]
    );
    let mismatch: Vec<&str> = e
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::TotalsMismatch)
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(
        mismatch,
        ["Grand Total: 2025/26 Target: rows sum to -2114000, printed -2104000 (difference 10000)"],
        "the difference in pounds, after the unit"
    );
    assert!(unit_missing(&e).is_empty());
}

/// Five-line stacked headers ("Savings" / "2025/26" / "Target" / "(one-off)" / "£'000"):
/// the unit line is the column's own, the other lines its name; a dash is nil.
#[test]
fn five_line_stacked_headers() {
    let e = gen("gu_stacked_five.pdf");
    assert_eq!(e.savings.len(), 2);
    for (r, target, achieved, undeliverable, slipped) in
        [("A1", "100000", "60000", "10000", "30000"), ("A2", "50000", "50000", "0", "0")]
    {
        let s = by_ref(&e, r);
        assert_eq!((s.unit, s.unit_source), (1000, Some(UnitSource::Header)), "{r}");
        assert_eq!(s.period.as_deref(), Some("2025/26"), "{r}");
        assert_eq!(n(s.target).as_deref(), Some(target), "{r}");
        assert_eq!(n(s.achieved).as_deref(), Some(achieved), "{r}: Achieved to date");
        assert_eq!(n(s.undeliverable).as_deref(), Some(undeliverable), "{r}");
        let slip = s.columns.get("Slippage to 2026/27").copied().flatten();
        assert_eq!(n(slip).as_deref(), Some(slipped), "{r}: Slippage to 2026/27");
        assert!(s.columns.contains_key("Savings 2025/26 Target (one-off)"), "{r}: {:?}", s.columns);
    }
    let [t] = e.savings_totals.as_slice() else { panic!("one total") };
    assert_eq!((t.label.as_str(), n(t.target).as_deref(), t.reconciles), ("Total", Some("150000"), true));
}
