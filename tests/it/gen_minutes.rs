//! Minutes generated with reportlab (`tests/gen/make_minutes.py`): every value asserted here is
//! one the generator printed, so it is known by construction.

use councilpdf::contract::{Attendance, DocumentType, Extraction, MemberRole, MinuteItem, Output};
use std::path::PathBuf;

fn gen(name: &str) -> Extraction {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gen/pdfs").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    match councilpdf::convert(name, &bytes, &Default::default()) {
        Output::Ok(e) => *e,
        Output::Failed(f) => panic!("{name} failed: {:?}", f.error),
    }
}

fn item<'a>(x: &'a Extraction, number: &str) -> &'a MinuteItem {
    x.minute_items.iter().find(|m| m.number.as_deref() == Some(number)).unwrap_or_else(|| {
        panic!(
            "minute {number} missing; got {:?}",
            x.minute_items.iter().map(|m| &m.number).collect::<Vec<_>>()
        )
    })
}

fn numbers_and_titles(x: &Extraction) -> Vec<(&str, &str)> {
    x.minute_items.iter().map(|m| (m.number.as_deref().unwrap_or(""), m.title.as_str())).collect()
}

fn members(x: &Extraction) -> Vec<(&str, MemberRole, Option<Attendance>)> {
    x.meeting
        .as_ref()
        .map_or(Vec::new(), |m| m.members.iter().map(|p| (p.name.as_str(), p.role, p.attendance)).collect())
}

fn meeting_fields(x: &Extraction) -> (Option<&str>, Option<&str>, Option<&str>, Option<&str>) {
    let m = x.meeting.as_ref().expect("meeting");
    (m.body.as_deref(), m.date.as_deref(), m.time.as_deref(), m.venue.as_deref())
}

#[test]
fn district_cabinet_with_minute_number_column() {
    let x = gen("minutes-cabinet-district.pdf");
    assert_eq!(x.document_type, DocumentType::Minutes);
    assert_eq!(
        meeting_fields(&x),
        (
            Some("Cabinet"),
            Some("2025-01-14"),
            Some("18:30"),
            Some("Council Chamber, Civic Offices, Northbrook")
        )
    );
    let m = members(&x);
    assert_eq!(m.first(), Some(&("P Hargreaves", MemberRole::Chair, Some(Attendance::Present))));
    assert_eq!(m.get(1), Some(&("S Okafor", MemberRole::ViceChair, Some(Attendance::Present))));
    assert!(m.contains(&("K Walsh", MemberRole::Member, Some(Attendance::Present))));
    assert!(m.contains(&("Councillor L Finch", MemberRole::Member, Some(Attendance::Apologies))));
    // "Also present" is not a member of the meeting.
    assert!(!m.iter().any(|p| p.0.contains("Price")));
    assert_eq!(
        numbers_and_titles(&x),
        [
            ("C.123", "Declarations of Interest"),
            ("C.124", "Minutes of the previous meeting"),
            ("C.125", "Draft Revenue Budget 2025/26"),
            ("C.126", "Leisure Centre Contract")
        ]
    );
    assert!(x.minute_items.iter().all(|i| i.meeting_date.as_deref() == Some("2025-01-14")));
    assert_eq!(
        item(&x, "C.124").resolutions,
        ["That the minutes of the meeting held on 10 December 2024 be approved as a correct record."]
    );
    assert_eq!(
        item(&x, "C.125").resolutions,
        [
            "That the draft revenue budget be approved for consultation",
            "That the fees and charges schedule be adopted from 1 April 2025",
            "That the Section 151 Officer be authorised to make minor amendments."
        ]
    );
    assert_eq!(
        item(&x, "C.126").resolutions,
        [
            "That the contract be awarded to the preferred bidder",
            "That the Director of Place be authorised to sign the contract."
        ]
    );
    assert!(item(&x, "C.123").resolutions.is_empty());
}

#[test]
fn county_scrutiny_actions_and_attendance() {
    let x = gen("minutes-scrutiny-county.pdf");
    assert_eq!(
        meeting_fields(&x),
        (
            Some("Adults and Health Overview and Scrutiny Committee"),
            Some("2025-06-04"),
            Some("10:00"),
            Some("County Hall, Westshire")
        )
    );
    assert_eq!(
        members(&x),
        [
            ("A Morgan", MemberRole::Chair, Some(Attendance::Present)),
            ("B Singh", MemberRole::ViceChair, Some(Attendance::Present)),
            ("C Evans", MemberRole::Member, Some(Attendance::Present)),
            ("D Foster", MemberRole::Member, Some(Attendance::Present)),
            ("E Gray", MemberRole::Member, Some(Attendance::Present)),
            ("Councillor F Hughes", MemberRole::Member, Some(Attendance::Virtual)),
            ("G Irwin", MemberRole::Member, Some(Attendance::Apologies)),
            ("H Jacobs", MemberRole::Member, Some(Attendance::Apologies)),
        ]
    );
    assert_eq!(
        numbers_and_titles(&x),
        [
            ("1", "Apologies and Substitutions"),
            ("2", "Adult Social Care Budget Monitoring"),
            ("3", "Care Home Quality")
        ]
    );
    assert_eq!(item(&x, "2").agenda_item.as_deref(), Some("4"));
    assert_eq!(item(&x, "3").agenda_item.as_deref(), Some("5"));
    assert_eq!(item(&x, "2").resolutions, ["a further update be brought to the September meeting."]);
    assert_eq!(item(&x, "3").resolutions, ["to note the report."]);
    let acts: Vec<(&str, Option<&str>, Option<&str>, Option<&str>)> = x
        .actions
        .iter()
        .map(|a| (a.text.as_str(), a.owner.as_deref(), a.due.as_deref(), a.agenda_item.as_deref()))
        .collect();
    assert_eq!(
        acts,
        [
            (
                "circulate the report by 30 June 2025",
                Some("Director of Finance"),
                Some("2025-06-30"),
                Some("4")
            ),
            ("Clerk to write to the Care Quality Commission", Some("Clerk"), None, Some("5")),
            (
                "Scrutiny Officer to arrange a site visit before the next meeting",
                Some("Scrutiny Officer"),
                Some("the next meeting"),
                Some("5")
            ),
        ]
    );
    assert!(x.actions.iter().all(|a| a.meeting_date.as_deref() == Some("2025-06-04")));
}

#[test]
fn parish_council_slash_numbers_and_proposed_seconded() {
    let x = gen("minutes-parish.pdf");
    assert_eq!(
        meeting_fields(&x),
        (Some("Little Marsham Parish Council"), Some("2025-03-03"), Some("19:30"), Some("Village Hall"))
    );
    assert_eq!(
        members(&x),
        [
            ("Cllr J Roberts", MemberRole::Chair, Some(Attendance::Present)),
            ("Cllr K Shah", MemberRole::ViceChair, Some(Attendance::Present)),
            ("Cllr L Turner", MemberRole::Member, Some(Attendance::Present)),
            ("Cllr M Wood", MemberRole::Member, Some(Attendance::Present)),
            ("Cllr P Quinn", MemberRole::Member, Some(Attendance::Apologies)),
        ]
    );
    assert_eq!(
        numbers_and_titles(&x),
        [
            ("24/101", "Apologies for absence"),
            ("24/102", "Minutes"),
            ("24/103", "Planning Applications"),
            ("24/104", "Finance")
        ]
    );
    assert_eq!(item(&x, "24/102").resolutions, ["to approve the minutes of 3 February 2025."]);
    assert_eq!(item(&x, "24/103").resolutions, ["the Council has no objection to application 25/00123/FUL."]);
    assert_eq!(item(&x, "24/104").resolutions, ["to pay the invoices listed."]);
    assert!(item(&x, "24/101").resolutions.is_empty());
}

#[test]
fn plain_numbered_headings_and_labelled_front_block() {
    let x = gen("minutes-plain-numbered.pdf");
    assert_eq!(
        meeting_fields(&x),
        (Some("Licensing Committee"), Some("2025-05-21"), Some("14:00"), Some("Committee Room 2, Town Hall"))
    );
    assert_eq!(
        numbers_and_titles(&x),
        [
            ("1", "Election of Chair"),
            ("2", "Declarations of Interest"),
            ("3", "Review of Taxi Licensing Policy"),
            ("4", "Any Other Business")
        ]
    );
    assert_eq!(item(&x, "3").resolutions, ["the revised policy be recommended to Full Council."]);
    assert_eq!(item(&x, "2").text, "None were declared.");
    assert_eq!(members(&x).first(), Some(&("Q Adams", MemberRole::Chair, Some(Attendance::Present))));
}

#[test]
fn two_column_number_and_text() {
    let x = gen("minutes-two-column.pdf");
    assert_eq!(
        meeting_fields(&x),
        (
            Some("Planning Committee"),
            Some("2025-06-12"),
            Some("19:00"),
            Some("Council Chamber, Riverside House")
        )
    );
    assert_eq!(
        numbers_and_titles(&x),
        [("45", "APOLOGIES"), ("46", "MINUTES"), ("47", "LAND AT MILL LANE"), ("48", "APPEALS")]
    );
    assert_eq!(item(&x, "47").resolutions, ["planning permission be granted subject to conditions."]);
    assert!(item(&x, "48").resolutions.is_empty());
    assert!(members(&x).contains(&("Councillor W Grant", MemberRole::Member, Some(Attendance::Apologies))));
}

#[test]
fn full_council_min_decimal_numbers_and_roman_clauses() {
    let x = gen("minutes-full-council.pdf");
    assert_eq!(
        meeting_fields(&x),
        (Some("COUNTY COUNCIL"), Some("2025-02-20"), Some("10:30"), Some("Council Chamber, Shire Hall"))
    );
    assert_eq!(
        numbers_and_titles(&x),
        [
            ("4.1", "Chairman's Announcements"),
            ("4.2", "Council Tax Setting 2025/26"),
            ("4.3", "Questions from Members")
        ]
    );
    assert_eq!(
        item(&x, "4.2").resolutions,
        ["That the Band D council tax be set at £1,650.12", "That the capital strategy be approved."]
    );
    assert_eq!(members(&x).first(), Some(&("Mr A Carter", MemberRole::Chair, Some(Attendance::Present))));
}

#[test]
fn scrutiny_prefixed_slash_numbers() {
    let x = gen("minutes-os-slash.pdf");
    assert_eq!(meeting_fields(&x).1, Some("2025-04-02"));
    assert_eq!(
        numbers_and_titles(&x),
        [("OS 23/44", "Work Programme"), ("OS 23/45", "Call-in: Waste Collection Changes")]
    );
    assert_eq!(
        item(&x, "OS 23/45").resolutions,
        ["the decision be referred back to Cabinet for reconsideration."]
    );
}

#[test]
fn minute_keyword_headings_with_serial_and_year() {
    let x = gen("minutes-minute-prefix.pdf");
    assert_eq!(
        meeting_fields(&x),
        (
            Some("Audit and Governance Committee"),
            Some("2025-10-15"),
            Some("10:00"),
            Some("Council Offices, Market Street")
        )
    );
    assert_eq!(
        members(&x),
        [
            ("Councillor A Bright", MemberRole::Chair, Some(Attendance::Present)),
            ("Councillor B Cole", MemberRole::ViceChair, Some(Attendance::Present)),
            ("Councillor C Dean", MemberRole::Member, Some(Attendance::Present)),
            ("Mr D Earl", MemberRole::CoOpted, Some(Attendance::Present)),
        ]
    );
    // Not bold, not upper case: "Minute" alone marks the headings; the serial is the first part.
    assert_eq!(
        numbers_and_titles(&x),
        [("31/25", "External Audit Plan"), ("32/25", "Internal Audit Progress"), ("33/25", "Risk Register")]
    );
    assert_eq!(item(&x, "33/25").resolutions, ["That the strategic risk register be approved."]);
    let a = x.actions.first().expect("action");
    assert_eq!((a.owner.as_deref(), a.due.as_deref()), (Some("Head of Internal Audit"), Some("2025-12-10")));
    assert!(a.text.starts_with("Head of Internal Audit to report overdue recommendations"));
}

#[test]
fn landscape_table_with_horizontal_rules_front_block() {
    let x = gen("minutes-landscape-hrules.pdf");
    assert_eq!(
        meeting_fields(&x),
        (Some("Environment Committee"), Some("2025-09-08"), Some("18:00"), Some("The Guildhall, Eastbury"))
    );
    assert_eq!(
        members(&x),
        [
            ("V King", MemberRole::Chair, Some(Attendance::Present)),
            ("W Lane", MemberRole::Member, Some(Attendance::Present)),
            ("X Moss", MemberRole::Member, Some(Attendance::Present)),
            ("Y Nash", MemberRole::Member, Some(Attendance::Apologies)),
            ("Z Owen", MemberRole::Member, Some(Attendance::Apologies)),
        ]
    );
}

/// Known failure: in a "Min No. | Subject | Decision" table the three cells of a row share one
/// baseline and are read as one row, so the heading is not bold and its title swallows the
/// decision. Run with `--ignored` to see it.
#[test]
#[ignore = "number | subject | decision table rows are joined into one row (see report)"]
fn landscape_table_items() {
    let x = gen("minutes-landscape-hrules.pdf");
    assert_eq!(
        numbers_and_titles(&x),
        [("12/25", "Climate Action Plan"), ("13/25", "Street Cleansing Review"), ("14/25", "Tree Strategy")]
    );
    assert_eq!(item(&x, "12/25").resolutions, ["the updated Climate Action Plan be adopted."]);
    assert_eq!(x.actions.first().and_then(|a| a.owner.as_deref()), Some("Head of Environment"));
}
