//! Savings papers whose unit is stated away from the table (tests/gen/savings_units.py): every
//! expected value was written into the PDF by that script.

use super::util::extract;
use councilpdf::contract::{Extraction, Saving, UnitSource, WarningCode};

fn gen(name: &str) -> Extraction {
    extract(&format!("../tests/gen/pdfs/{name}"))
}

fn n(m: Option<councilpdf::contract::Money>) -> Option<String> {
    m.map(|m| m.to_string())
}

fn by_ref<'a>(e: &'a Extraction, r: &str) -> &'a Saving {
    e.savings.iter().find(|s| s.reference.as_deref() == Some(r)).unwrap_or_else(|| panic!("no saving {r}"))
}

fn unit_missing(e: &Extraction) -> Vec<Option<u32>> {
    e.warnings.iter().filter(|w| w.code == WarningCode::UnitMissing).map(|w| w.page).collect()
}

/// Regression (issue 16): "All figures in £m" printed only at the foot of the page before the
/// table was not read, so £m figures came out as pounds.
#[test]
fn footnote_on_the_page_before_governs_the_table() {
    let e = gen("gu_footnote_previous_page.pdf");
    for (r, target, delivered, forecast) in [
        ("AH1", "-1200000", "-800000", "-1000000"),
        ("AH2", "-500000", "-500000", "-500000"),
        ("PL1", "-350000", "-100000", "-200000"),
    ] {
        let s = by_ref(&e, r);
        assert_eq!(s.unit, 1_000_000, "{r}");
        assert_eq!(s.unit_source, Some(UnitSource::Note), "{r}");
        assert_eq!(n(s.target).as_deref(), Some(target), "{r}: brackets");
        assert_eq!(n(s.achieved).as_deref(), Some(delivered), "{r}: Delivered");
        assert_eq!(n(s.forecast).as_deref(), Some(forecast), "{r}: minus sign");
        assert_eq!(s.provenance.page, 2);
    }
    assert!(unit_missing(&e).is_empty());
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
    let s = by_ref(&e, "CS02");
    assert_eq!(
        s.description, "Home to school transport route optimisation across the county's rural bus network",
        "wrapped round its figures"
    );
    assert_eq!(n(s.variance).as_deref(), Some("0"), "nil");
    assert_eq!(by_ref(&e, "CO01").directorate.as_deref(), Some("Corporate"));
    let labels: Vec<&str> = e.savings_totals.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["Children's Services Total", "Corporate Total"]);
    assert!(e.savings_totals.iter().all(|t| t.reconciles), "{:?}", e.savings_totals);
    assert_eq!(n(e.savings_totals[0].target).as_deref(), Some("-1270500"));
}

#[test]
fn spreadsheet_export_header_units_over_two_pages() {
    let e = gen("gu_sheet_header_units.pdf");
    assert_eq!(e.savings.len(), 60);
    for s in &e.savings {
        assert_eq!(s.unit, 1000);
        assert!(s.unit_source.is_some());
    }
    let t: Vec<String> = e.savings.iter().filter_map(|s| n(s.target)).collect();
    for i in 1..=60u32 {
        assert!(t.contains(&(10_000 * i).to_string()), "target of row {i}");
    }
    let under: Vec<String> = e.savings.iter().filter_map(|s| n(s.undeliverable)).collect();
    assert!(under.contains(&"120000".to_string()), "Undeliverable £k of row 60");
}
