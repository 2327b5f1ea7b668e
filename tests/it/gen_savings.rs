//! Generated savings papers (tests/gen/savings.py): every expected value was written into the PDF
//! by that script, so these assert known figures across the forms councils publish.

use super::util::{generated, money, saving};
use councilpdf::contract::{Extraction, Rag, SavingStatus, WarningCode};

fn mismatches(e: &Extraction) -> usize {
    e.warnings.iter().filter(|w| w.code == WarningCode::TotalsMismatch).count()
}

#[test]
fn tracker_in_thousands_with_rag_words_and_letters() {
    let e = generated("gs_tracker_rag_text.pdf");
    let rows = [
        ("S01", "Review of home care commissioning", "450000", "450000", Rag::Green, "Green"),
        ("S02", "Library service redesign", "120000", "80000", Rag::Amber, "Amber"),
        ("S03", "Reduce agency staffing", "300000", "0", Rag::Red, "Red"),
        ("S04", "Waste collection round optimisation", "75000", "60000", Rag::Amber, "Dark Amber"),
        ("S05", "Digital customer contact", "55000", "55000", Rag::Green, "G"),
    ];
    assert_eq!(e.savings.len(), rows.len());
    for (r, desc, target, forecast, rag, rag_text) in rows {
        let s = saving(&e, r);
        assert_eq!(s.description, desc);
        assert_eq!(s.unit, 1000, "{r}");
        assert_eq!(money(s.target).as_deref(), Some(target), "{r}");
        assert_eq!(money(s.forecast).as_deref(), Some(forecast), "{r}");
        assert_eq!(s.rag, Some(rag), "{r}");
        assert_eq!(s.rag_text.as_deref(), Some(rag_text), "{r}");
        assert_eq!(s.period.as_deref(), Some("2025/26"));
        assert!(s.columns.keys().all(|k| !k.contains('£')), "{:?}", s.columns.keys());
    }
    assert_eq!(e.savings_totals.len(), 1);
    let t = &e.savings_totals[0];
    assert_eq!(
        (money(t.target).as_deref(), money(t.forecast).as_deref(), t.reconciles),
        (Some("1000000"), Some("645000"), true)
    );
    assert!(!e.warnings.iter().any(|w| w.code == WarningCode::UnitMissing));
}

#[test]
fn rag_from_fill_colour_only() {
    let e = generated("gs_rag_fill_key.pdf");
    assert_eq!(e.savings.len(), 3);
    for (r, rag, target) in
        [("HW1", Rag::Green, "210000"), ("HW2", Rag::Amber, "95000"), ("HW3", Rag::Red, "60000")]
    {
        let s = saving(&e, r);
        assert_eq!(s.rag, Some(rag), "{r}");
        assert_eq!(s.rag_text, None, "{r}: nothing printed in the cell");
        assert_eq!(money(s.target).as_deref(), Some(target), "{r}: £'000");
    }
    assert_eq!(money(saving(&e, "HW2").forecast).as_deref(), Some("40000"));
}

#[test]
fn millions_in_brackets_with_caption_above() {
    let e = generated("gs_millions_brackets.pdf");
    assert_eq!(e.savings.len(), 3);
    let s = saving(&e, "CS-1");
    assert_eq!(s.unit, 1_000_000);
    assert_eq!(money(s.target).as_deref(), Some("-250000"));
    assert_eq!(money(s.forecast).as_deref(), Some("-200000"));
    assert_eq!(money(s.variance).as_deref(), Some("50000"));
    assert_eq!(money(saving(&e, "CS-3").variance).as_deref(), Some("250000"));
    assert_eq!(saving(&e, "CS-2").description, "Procurement category management");
    // The bold Total row is printed under the rows (the layout leaves it out of the table).
    assert_eq!(e.savings_totals.len(), 1);
    let t = &e.savings_totals[0];
    assert_eq!(t.label, "Total");
    assert_eq!(money(t.target).as_deref(), Some("-1750000"));
    assert_eq!(money(t.forecast).as_deref(), Some("-1450000"));
    assert!(t.reconciles, "{:?}", t.discrepancies);
    assert!(!e.warnings.iter().any(|w| w.code == WarningCode::UnitMissing));
}

#[test]
fn refs_and_directorate_column() {
    let e = generated("gs_ref_directorate.pdf");
    let rows = [
        ("ASC-01", "Adult Social Care", "Reablement at scale", "1200000", "900000", "300000"),
        ("CYP 2.3", "Children and Young People", "Edge of care support", "800000", "800000", "0"),
        ("2025-26/012", "Place", "Parking charges review", "350000", "500000", "-150000"),
    ];
    assert_eq!(e.savings.len(), rows.len());
    for (r, dir, desc, target, forecast, variance) in rows {
        let s = saving(&e, r);
        assert_eq!(s.directorate.as_deref(), Some(dir), "{r}");
        assert_eq!(s.description, desc, "{r}");
        assert_eq!(money(s.target).as_deref(), Some(target), "{r}");
        assert_eq!(money(s.forecast).as_deref(), Some(forecast), "{r}");
        assert_eq!(money(s.variance).as_deref(), Some(variance), "{r}");
    }
}

#[test]
fn delivered_slipped_unachievable() {
    let e = generated("gs_delivered_slipped.pdf");
    assert_eq!(e.savings.len(), 3);
    let s = saving(&e, "E2");
    assert_eq!(money(s.target).as_deref(), Some("200000"));
    assert_eq!(money(s.achieved).as_deref(), Some("120000"), "Delivered");
    assert_eq!(money(s.columns.get("Slipped").copied().flatten()).as_deref(), Some("80000"));
    assert_eq!(money(s.undeliverable).as_deref(), Some("0"));
    assert_eq!(s.status, None, "120 delivered of 200 is not achieved");
    let s = saving(&e, "E3");
    assert_eq!(money(s.undeliverable).as_deref(), Some("90000"), "Unachievable");
    assert_eq!(saving(&e, "E1").status, Some(SavingStatus::Achieved));
    // Delivered + slipped + unachievable make each target: the total reconciles.
    let t = &e.savings_totals[0];
    assert_eq!(money(t.target).as_deref(), Some("440000"));
    assert_eq!(money(t.achieved).as_deref(), Some("270000"));
    assert!(t.reconciles, "{:?}", t.discrepancies);
    assert_eq!(mismatches(&e), 0);
}

#[test]
fn table_over_two_pages_keeps_unit_and_every_row() {
    let e = generated("gs_two_pages.pdf");
    assert_eq!(e.savings.len(), 40);
    for i in 1..=40u32 {
        let s = saving(&e, &format!("R{i:02}"));
        assert_eq!(s.unit, 1000, "R{i:02}");
        assert_eq!(money(s.target), Some((10_000 * i).to_string()), "R{i:02}");
        assert_eq!(money(s.achieved), Some((9_000 * i).to_string()), "R{i:02}");
        assert_eq!(money(s.at_risk), Some((1_000 * i).to_string()), "R{i:02}");
        assert_eq!(s.status, Some(SavingStatus::Mixed));
    }
    assert_eq!(saving(&e, "R40").provenance.page, 2);
    assert_eq!(saving(&e, "R38").provenance.page, 1, "the last row at the page foot");
    let t = &e.savings_totals[0];
    assert_eq!(money(t.target).as_deref(), Some("8200000"));
    assert!(t.reconciles, "{:?}", t.discrepancies);
}

#[test]
fn subtotals_and_a_grand_total_that_does_not_add_up() {
    let e = generated("gs_subtotals_mismatch.pdf");
    assert_eq!(e.savings.len(), 4);
    assert_eq!(saving(&e, "H2").directorate.as_deref(), Some("Highways"));
    assert_eq!(saving(&e, "L1").directorate.as_deref(), Some("Libraries"));
    let labels: Vec<&str> = e.savings_totals.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["Highways Sub-total", "Libraries Sub-total", "Grand Total"]);
    assert!(e.savings_totals[0].reconciles && e.savings_totals[1].reconciles);
    let g = &e.savings_totals[2];
    assert_eq!(money(g.target).as_deref(), Some("1050000"));
    assert!(!g.reconciles);
    assert!(
        g.discrepancies.iter().any(|d| d.contains("1000000") && d.contains("1050000")),
        "{:?}",
        g.discrepancies
    );
    assert_eq!(mismatches(&e), 1);
}

#[test]
fn budget_and_capital_tables_are_not_savings() {
    for f in ["gs_nearmiss_revenue.pdf", "gs_nearmiss_capital.pdf"] {
        let e = generated(f);
        assert!(e.savings.is_empty(), "{f}: {:?}", e.savings.first().map(|s| &s.description));
        assert!(e.savings_totals.is_empty(), "{f}");
    }
}

#[test]
fn slide_without_rules_rag_letters_and_comments() {
    let e = generated("gs_slide_letters.pdf");
    assert_eq!(e.savings.len(), 3);
    for (r, target, forecast, rag, comment) in [
        ("T1", "180000", "180000", Rag::Green, "Vehicles sold"),
        ("T2", "260000", "130000", Rag::Amber, "One lease delayed"),
        ("T3", "90000", "0", Rag::Red, "Not started"),
    ] {
        let s = saving(&e, r);
        assert_eq!(s.unit, 1000, "{r}: £k");
        assert_eq!(money(s.target).as_deref(), Some(target), "{r}");
        assert_eq!(money(s.forecast).as_deref(), Some(forecast), "{r}");
        assert_eq!(s.rag, Some(rag), "{r}");
        assert_eq!(s.comment.as_deref(), Some(comment), "{r}");
    }
}

#[test]
fn stacked_header_and_status_words() {
    // The layout splits the right-aligned figures from their wider header into a column of their
    // own; the extractor gives the header back to the figures.
    let e = generated("gs_stacked_status_words.pdf");
    assert_eq!(e.savings.len(), 3);
    for (r, target, status, text) in [
        ("P/01", "35000", SavingStatus::Achieved, "Achieved"),
        ("P/02", "12000", SavingStatus::OnTrack, "On track"),
        ("P/03", "140000", SavingStatus::AtRisk, "At risk"),
    ] {
        let s = saving(&e, r);
        assert_eq!(money(s.target).as_deref(), Some(target), "{r}: £'000");
        assert_eq!(s.status, Some(status), "{r}");
        assert_eq!(s.rag_text.as_deref(), Some(text), "{r}");
        assert_eq!(s.period.as_deref(), Some("2025/26"));
    }
}
