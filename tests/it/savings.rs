//! Savings trackers and appendices, asserted against figures read from the PDFs (pdftotext -layout).

use super::util::{extract, money, saving};
use councilpdf::contract::{Extraction, Saving, SavingStatus, SavingsTotal};

const SOMERSET: &str = "somerset-childrens-transformation-progress-2024-06.pdf";
const KENT: &str = "real/kcc-budget-monitoring-appendix-key-service-statement.pdf";

fn by_desc<'a>(e: &'a Extraction, start: &str) -> &'a Saving {
    e.savings
        .iter()
        .find(|s| s.description.starts_with(start))
        .unwrap_or_else(|| panic!("no saving starting {start:?}"))
}

fn total<'a>(e: &'a Extraction, label: &str) -> &'a SavingsTotal {
    e.savings_totals.iter().find(|t| t.label == label).unwrap_or_else(|| panic!("no total {label:?}"))
}

#[test]
fn somerset_tracker_every_row() {
    let e = extract(SOMERSET);
    // ref, target, over-achieved, achieved, on track, at risk — as printed on page 5.
    let rows: &[(&str, &str, Option<&str>, Option<&str>, Option<&str>, Option<&str>)] = &[
        ("CFE001", "324500", None, Some("149000"), Some("175500"), None),
        ("CFE003", "398100", None, Some("398100"), None, None),
        ("CFE005", "410000", None, Some("410000"), None, None),
        ("CFE006", "132000", None, Some("132000"), None, None),
        ("CFE007", "141000", None, Some("141000"), None, None),
        ("CFE008", "100000", None, Some("100000"), None, None),
        ("CFE009", "125000", None, None, None, Some("125000")),
        ("CFE010", "11100", None, Some("11100"), None, None),
        ("CFE012", "35000", None, None, Some("35000"), None),
        ("CFE013", "30000", None, Some("30000"), None, None),
        ("CFE015", "67000", None, None, Some("67000"), None),
        ("CFE016", "3385800", None, None, Some("1482000"), Some("1903800")),
        ("CFE017", "1714900", None, None, Some("1714900"), None),
        ("CFE018", "1585500", None, None, None, Some("1585500")),
        ("CFE2324-05", "1109000", None, None, Some("692000"), Some("417000")),
    ];
    assert_eq!(e.savings.len(), rows.len());
    for &(r, target, over, achieved, on_track, at_risk) in rows {
        let s = saving(&e, r);
        assert_eq!(money(s.target).as_deref(), Some(target), "{r} target");
        assert_eq!(money(s.over_achieved).as_deref(), over, "{r} over-achieved");
        assert_eq!(money(s.achieved).as_deref(), achieved, "{r} achieved");
        assert_eq!(money(s.on_track).as_deref(), on_track, "{r} on track");
        assert_eq!(money(s.at_risk).as_deref(), at_risk, "{r} at risk");
        assert_eq!(s.unit, 1, "{r}: '24/25 £' is pounds");
        assert_eq!(s.period.as_deref(), Some("24/25"));
        assert_eq!(s.provenance.page, 5);
    }
}

#[test]
fn somerset_wrapped_cells_stay_in_their_row() {
    let e = extract(SOMERSET);
    let s = saving(&e, "CFE009");
    assert_eq!(
        s.description,
        "Using Council staff to draft all EHC assessments and plans, instead of using an external provider"
    );
    assert_eq!(s.status, Some(SavingStatus::AtRisk));
    let s = saving(&e, "CFE003");
    assert_eq!(
        s.comment.as_deref(),
        Some("Education savings achieved but likely budget overspend impacting on financial position")
    );
    assert_eq!(saving(&e, "CFE016").status, Some(SavingStatus::Mixed));
    assert_eq!(
        money(saving(&e, "CFE001").columns.get("24/25 £").copied().flatten()).as_deref(),
        Some("324500")
    );
}

#[test]
fn somerset_totals_reconcile() {
    let e = extract(SOMERSET);
    assert_eq!(e.savings_totals.len(), 1);
    let t = total(&e, "TOTALS");
    assert_eq!(money(t.target).as_deref(), Some("9568900"));
    assert_eq!(t.over_achieved, None);
    assert_eq!(money(t.achieved).as_deref(), Some("1371200"));
    assert_eq!(money(t.on_track).as_deref(), Some("4166400"));
    assert_eq!(money(t.at_risk).as_deref(), Some("4031300"));
    assert!(t.reconciles, "{:?}", t.discrepancies);
    assert!(t.discrepancies.is_empty());
}

#[test]
fn kent_appendix_rows_with_unit_and_directorate() {
    let e = extract(KENT);
    // 106 savings rows and 8 total rows on pages 8-11 (counted in pdftotext -layout).
    assert_eq!(e.savings.len(), 106);
    assert!(e.savings.iter().all(|s| (8..=11).contains(&s.provenance.page)));
    assert!(e.savings.iter().all(|s| s.unit == 1000 && s.reference.is_none()));

    let s = by_desc(&e, "Alternate Provision Brand New Starts (DP)");
    assert_eq!(s.directorate.as_deref(), Some("Adult Social Care & Health"));
    assert_eq!(money(s.target).as_deref(), Some("-3041100"));
    assert_eq!(money(s.forecast).as_deref(), Some("0"));
    assert_eq!(money(s.variance).as_deref(), Some("3041100"));
    assert_eq!(money(s.undeliverable).as_deref(), Some("3041100"));
    assert_eq!(s.period.as_deref(), Some("2024-25"));
    assert_eq!(s.columns.len(), 8);
    assert_eq!(
        money(s.columns.get("To be achieved in future years").copied().flatten()).as_deref(),
        Some("0")
    );

    let s = by_desc(&e, "Technology Enabled Lives Service (TELS)");
    assert_eq!(money(s.target).as_deref(), Some("-2049000"));
    assert_eq!(money(s.forecast).as_deref(), Some("-3768400"));
    assert_eq!(money(s.variance).as_deref(), Some("-1719400"));

    // Wrapped over three lines, figures on the last.
    let s = by_desc(&e, "Uplift in social care client contributions");
    assert!(
        s.description.ends_with("in relation to existing service income streams - Older People"),
        "{}",
        s.description
    );
    assert_eq!(money(s.target).as_deref(), Some("-6400000"));
    // Wrapped over four lines, with a fragment the layout splits off mid-line.
    let s = by_desc(&e, "Adult Social Care - Consistently adhere");
    assert!(
        s.description.contains("external purchasing of short term beds; people in residential care"),
        "{}",
        s.description
    );
    assert!(s.description.ends_with("timely reviews of Section 117 status with regard to charging"));
    assert_eq!(money(s.target).as_deref(), Some("-851400"));
    assert_eq!(
        money(s.columns.get("To be achieved in future years").copied().flatten()).as_deref(),
        Some("-262700")
    );
    // Description on one line, figures alone on the next.
    let s = by_desc(&e, "Work with Kent District Councils");
    assert_eq!(s.description, "Work with Kent District Councils to deliver savings from improving kerbside food waste recycling rates");
    assert_eq!(s.directorate.as_deref(), Some("Growth, Environment & Transport"));
    assert_eq!(money(s.target).as_deref(), Some("-80000"));
    // A positive figure (invest to save) and a heading on a continuation page.
    let s = by_desc(&e, "Development of in-house residential units");
    assert_eq!(money(s.target).as_deref(), Some("100000"));
    assert_eq!(s.directorate.as_deref(), Some("Children, Young People & Education"));
    let s = by_desc(&e, "Review of Office Assets");
    assert_eq!(s.directorate.as_deref(), Some("Deputy Chief Executive's Department"));
    assert_eq!(
        money(s.columns.get("Forecast against alternative saving (one-off)").copied().flatten()).as_deref(),
        Some("-388900")
    );
}

#[test]
fn kent_directorate_and_grand_totals() {
    let e = extract(KENT);
    let expected = [
        ("Adult Social Care & Health Total", "-66877100", "-40675200"),
        ("Children, Young People & Education Total", "-16730000", "-16049000"),
        ("Growth, Environment & Transport Total", "-8712700", "-6866700"),
        ("Chief Executive's Department Total", "-357500", "-357500"),
        ("Deputy Chief Executive's Department Total", "-969900", "-969900"),
        ("Non Attributable Costs Total", "-14467600", "-15338000"),
        ("Corporately Held Budgets Total", "-3050000", "0"),
        ("Total", "-111164800", "-80256300"),
    ];
    assert_eq!(e.savings_totals.len(), expected.len());
    for (label, target, forecast) in expected {
        let t = total(&e, label);
        assert_eq!(money(t.target).as_deref(), Some(target), "{label}");
        assert_eq!(money(t.forecast).as_deref(), Some(forecast), "{label}");
        // The printed figures are rounded to £100; sums differ by at most £100.
        assert!(t.reconciles, "{label}: {:?}", t.discrepancies);
    }
    // -38,361.8 printed, the rows add to -38,361.7: within rounding, noted.
    let t = total(&e, "Adult Social Care & Health Total");
    assert!(t
        .discrepancies
        .iter()
        .any(|d| d.contains("Forecast against original saving") && d.contains("within rounding")));
    assert!(!e.warnings.iter().any(|w| w.code == councilpdf::contract::WarningCode::TotalsMismatch));
}

#[test]
fn budget_statements_give_no_savings() {
    let e = extract(KENT);
    assert!(
        e.savings.iter().all(|s| s.provenance.page >= 8),
        "pages 1-7 are Budget/Forecast/Variance by service"
    );
    let e = extract("real/kcc-draft-revenue-budget-mtfp-2025-28.pdf");
    assert!(e.savings.is_empty(), "{:?}", e.savings.first().map(|s| &s.description));
    assert!(e.savings_totals.is_empty());
}
