//! Minute items, resolutions, minutes actions and the meeting minuted, against values read in
//! the PDFs with `pdftotext -layout`.

use super::util::extract;
use councilpdf::contract::{Attendance, DocumentType, Extraction, MemberRole, MinuteItem};

fn item<'a>(x: &'a Extraction, number: &str) -> &'a MinuteItem {
    x.minute_items.iter().find(|m| m.number.as_deref() == Some(number)).unwrap_or_else(|| {
        panic!(
            "minute {number} missing; got {:?}",
            x.minute_items.iter().map(|m| &m.number).collect::<Vec<_>>()
        )
    })
}

fn no_failures(x: &Extraction) {
    let failed: Vec<_> = x.warnings.iter().filter(|w| w.message.contains("extractor failed")).collect();
    assert!(failed.is_empty(), "{failed:?}");
}

#[test]
fn somerset_pack_minutes_of_5_september_2022() {
    let x = extract("somerset-cf-scrutiny-2022-10-03-agenda-pack.pdf");
    no_failures(&x);
    let want = [
        ("1", "Declarations of Interest", "2"),
        ("2", "Minutes from the previous meeting held on 25 July 2022", "3"),
        ("3", "Public Question Time", "4"),
        ("4", "Scrutiny for Policies, Children and Families Committee Work Programme", "5"),
        ("5", "2022 Key Stage assessment results for Somerset", "6"),
        ("6", "Academisation - moving towards 2030", "7"),
        ("7", "Update on budgetary pressures in Children's Services", "8"),
        ("8", "Homes for children in Somerset - progress update", "9"),
        ("9", "Items for Information - Standing Item", "10"),
        ("10", "Any other urgent items of business", "11"),
    ];
    assert_eq!(x.minute_items.len(), want.len());
    for (n, title, agenda) in want {
        let m = item(&x, n);
        assert_eq!(m.title, title);
        assert_eq!(m.agenda_item.as_deref(), Some(agenda), "minute {n}");
        // Minutes of the previous meeting inside the pack carry that meeting's date.
        assert_eq!(m.meeting_date.as_deref(), Some("2022-09-05"));
        assert!((11..=14).contains(&m.provenance.page));
    }
    assert_eq!(
        item(&x, "4").resolutions,
        [
            "The Home to School Transport Policy item, which is being considered at the Place Scrutiny Committee on 6 September, be brought to the next meeting of this Committee.",
            "Budget monitoring of Children's Services will be reported on an ongoing basis for the Committee.",
            "Members were invited to contact the Chair and Vice Chair, or support Officers if they have any further items they would like the Committee to focus on.",
            "The work plan and outcome tracker be noted.",
        ]
    );
    assert_eq!(item(&x, "6").resolutions, ["a progress update be given to the Committee in 6 months."]);
    let r7 = &item(&x, "7").resolutions;
    assert_eq!(r7.len(), 2);
    assert!(r7[0].contains("'Staying Put' policy"));
    assert_eq!(r7[1], "Children's Services budget monitoring will be discussed at the next meeting.");
    assert!(item(&x, "3").resolutions.is_empty());
    assert!(item(&x, "3").text.starts_with("There were no questions asked"));
    // The pack's own meeting is the front sheet's, not the minutes'.
    assert!(x.meeting.as_ref().is_none_or(|m| m.date.as_deref() != Some("2022-09-05")));
}

#[test]
fn kent_cabinet_printed_minutes() {
    let x = extract("real/kcc-cabinet-2025-01-30-printed-minutes.pdf");
    no_failures(&x);
    assert_eq!(x.document_type, DocumentType::Minutes);
    let numbers: Vec<&str> = x.minute_items.iter().map(|m| m.number.as_deref().unwrap_or("")).collect();
    assert_eq!(numbers, ["84", "85", "86", "87", "88", "89", "90", "91", "92"]);
    assert_eq!(item(&x, "84").title, "Apologies");
    assert_eq!(item(&x, "84").agenda_item.as_deref(), Some("1"));
    assert_eq!(
        item(&x, "88").title,
        "24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25"
    );
    assert_eq!(item(&x, "88").agenda_item.as_deref(), Some("5"));
    assert_eq!(item(&x, "92").agenda_item.as_deref(), Some("9"));
    assert_eq!(item(&x, "86").resolutions, ["the minutes of the meeting on 9 January 2025 were a correct record and that they be signed by the Chair"]);
    let r88 = &item(&x, "88").resolutions;
    assert_eq!(
        r88.first().map(String::as_str),
        Some("Note the forecast revenue overspend of £23.3m (excluding Schools).")
    );
    assert_eq!(r88.len(), 6);
    assert!(r88.iter().any(|r| r == "Agree the Capital budget changes."));
    assert!(item(&x, "89")
        .resolutions
        .iter()
        .any(|r| r.starts_with("Cabinet considered the proposed amendments from Cabinet Committees")));
    assert_eq!(
        item(&x, "92").resolutions,
        ["Cabinet agree the Commissioning Plan for Education Provision in Kent 2025-29"]
    );
    let m = x.meeting.as_ref().expect("meeting");
    assert_eq!(m.date.as_deref(), Some("2025-01-30"));
    assert_eq!(m.body.as_deref(), Some("Cabinet"));
    assert_eq!(m.venue.as_deref(), Some("Council Chamber, Sessions House, County Hall, Maidstone"));
    let gough = m.members.iter().find(|p| p.name.contains("Gough")).expect("Gough");
    assert_eq!((gough.role, gough.attendance), (MemberRole::Chair, Some(Attendance::Present)));
    assert!(m
        .members
        .iter()
        .any(|p| p.name.contains("C Bell") && p.attendance == Some(Attendance::Apologies)));
    assert!(!m.members.iter().any(|p| p.name == "OBE"));
    // "IN ATTENDANCE" and "IN ATTENDANCE VIRTUALLY" list officers, not members of the Cabinet.
    assert!(!m.members.iter().any(|p| p.name.contains("Albiston") || p.name.contains("Ghosh")));
    assert_eq!(m.members.iter().filter(|p| p.attendance == Some(Attendance::Present)).count(), 9);
}

#[test]
fn parish_minutes_with_resolved_colon_forms() {
    let x = extract("real/parish-bcwpc-minutes-2025-09-02.pdf");
    no_failures(&x);
    assert_eq!(x.minute_items.len(), 17);
    assert_eq!(item(&x, "5").title, "Delegated Authority of the Chairman and Clerk");
    assert_eq!(item(&x, "5").resolutions, ["To adopt the policy."]);
    let r6 = &item(&x, "6").resolutions;
    assert_eq!(r6.len(), 4);
    assert!(r6[0].starts_with("That the Council should purchase and maintain a new website domain"));
    assert_eq!(
        r6[3],
        "That the existing website domain should lapse when its current registration period expires."
    );
    assert_eq!(
        item(&x, "10").resolutions,
        ["That the rent for Hudson Quarry should remain at £5.00 per annum."]
    );
    assert_eq!(item(&x, "11").resolutions.len(), 4);
    // Item 12's clauses run over a page end: "(ii) That the switch-on" | "should be on the evening of Sunday 7 December 2025".
    let r12 = &item(&x, "12").resolutions;
    assert!(
        r12.iter().any(|r| r == "That the switch-on should be on the evening of Sunday 7 December 2025"),
        "{r12:?}"
    );
    assert!(item(&x, "17").resolutions.iter().any(|r| r.starts_with(
        "That in addition to any matters mentioned above, the following items should be brought forward"
    )));
    assert!(item(&x, "2").resolutions.is_empty());
    for m in &x.minute_items {
        assert_eq!(m.meeting_date.as_deref(), Some("2025-09-02"));
    }
    let m = x.meeting.as_ref().expect("meeting");
    assert_eq!(m.date.as_deref(), Some("2025-09-02"));
    assert_eq!(m.venue.as_deref(), Some("Village Hall, West Burton"));
    let names: Vec<&str> = m.members.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Miss Jane Ritchie",
            "Mr Andrew Landau",
            "Mrs Sally Sahin",
            "Mr David Dent",
            "Mrs Victoria Whitehead"
        ]
    );
}

#[test]
fn community_council_upper_case_headings() {
    let x = extract("real/community-council-manordeilo-minutes-2019-03-13-en.pdf");
    no_failures(&x);
    assert_eq!(item(&x, "1").title, "WELCOME AND APOLOGIES");
    assert_eq!(item(&x, "4").title, "DECLARATIONS OF INTEREST");
    assert_eq!(item(&x, "10").title, "PLANNING");
    assert!(item(&x, "2")
        .resolutions
        .iter()
        .any(|r| r.starts_with("the minutes of the extraordinary meeting held on the 6")));
    let m = x.meeting.as_ref().expect("meeting");
    assert_eq!(m.date.as_deref(), Some("2019-03-13"));
    assert_eq!(m.time.as_deref(), Some("19:30"));
    assert_eq!(m.venue.as_deref(), Some("Reading Room, Cwmifor"));
    assert!(m.members.iter().any(|p| p.name == "Alun Davies" && p.attendance == Some(Attendance::Present)));
    assert!(m
        .members
        .iter()
        .any(|p| p.name == "Dorian Jenkins" && p.attendance == Some(Attendance::Apologies)));
}

#[test]
fn lords_committee_minutes() {
    let x = extract("real/lords-house-committee-minutes-2016-06-29.pdf");
    no_failures(&x);
    let numbers: Vec<&str> = x.minute_items.iter().map(|m| m.number.as_deref().unwrap_or("")).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7"]);
    assert_eq!(item(&x, "4").title, "ARCHIVES ACCOMMODATION");
    assert_eq!(item(&x, "2").title, "IMPLEMENTING THE RECOMMENDATIONS OF THE LEADER’S GROUP ON GOVERNANCE");
    assert_eq!(item(&x, "4").resolutions, ["ownership and cost of any future Archives building should be shared 60:40 between the House of Lords and House of Commons."]);
    assert!(item(&x, "3")
        .resolutions
        .iter()
        .any(|r| r.starts_with("Agreed to dispense with the requirement for prior approval")));
    let m = x.meeting.as_ref().expect("meeting");
    assert_eq!(m.date.as_deref(), Some("2016-06-29"));
    assert_eq!(m.body.as_deref(), Some("HOUSE COMMITTEE"));
    let chair = m.members.iter().find(|p| p.role == MemberRole::Chair).expect("chair");
    assert_eq!(chair.name, "B. D’Souza");
    assert!(m.members.iter().any(|p| p.name == "L. Stirrup" && p.attendance == Some(Attendance::Apologies)));
}

/// A one-page minutes file written by `fixtures/synthetic/make_minutes_actions.py` (no real
/// minutes in the corpus print ACTION lines); values are those the script prints.
#[test]
fn action_lines_in_minutes() {
    use councilpdf::contract::ActionOrigin;
    let x = extract("synthetic/minutes-actions.pdf");
    no_failures(&x);
    assert_eq!(x.actions.len(), 3);
    let a = &x.actions[0];
    assert_eq!(
        (a.text.as_str(), a.owner.as_deref(), a.due.as_deref()),
        ("write to the Scouts by 31 May 2024", Some("Clerk"), Some("2024-05-31"))
    );
    assert_eq!(
        (a.origin, a.meeting_date.as_deref(), a.agenda_item.as_deref()),
        (ActionOrigin::Minutes, Some("2024-05-14"), Some("3"))
    );
    let b = &x.actions[1];
    assert_eq!(
        (b.owner.as_deref(), b.due.as_deref(), b.agenda_item.as_deref()),
        (Some("Councillor Lee"), Some("the next meeting"), Some("4"))
    );
    assert!(b.text.contains("obtain three quotes"));
    let c = &x.actions[2];
    assert_eq!(
        (c.text.as_str(), c.owner.as_deref()),
        ("The Clerk will report the findings to the next meeting.", Some("Clerk"))
    );
    assert_eq!(item(&x, "2").resolutions, ["That a grant of 500 pounds be made to the Scouts."]);
    let m = x.meeting.as_ref().expect("meeting");
    // The heading "TOWN COUNCIL FINANCE COMMITTEE" names the body in full; the sentence below
    // it says "the Finance Committee".
    assert_eq!(
        (m.body.as_deref(), m.venue.as_deref(), m.time.as_deref()),
        (Some("TOWN COUNCIL FINANCE COMMITTEE"), Some("Guildhall, Market Street"), Some("19:00"))
    );
    let names: Vec<(&str, Option<Attendance>)> =
        m.members.iter().map(|p| (p.name.as_str(), p.attendance)).collect();
    assert_eq!(
        names,
        [
            ("Councillor A Jones", Some(Attendance::Present)),
            ("Councillor B Khan", Some(Attendance::Present)),
            ("Councillor C Lee", Some(Attendance::Present)),
            ("Councillor D Moss", Some(Attendance::Apologies)),
        ]
    );
}

#[test]
fn parish_body_named_in_full_from_the_heading() {
    // The heading reads "BURTON-CUM-WALDEN PARISH COUNCIL", then "MINUTES OF THE PARISH
    // COUNCIL MEETING HELD ON …": the body is the council named in full.
    let e = super::util::extract("real/parish-bcwpc-minutes-2025-09-02.pdf");
    let m = e.meeting.expect("meeting");
    assert_eq!(m.body.as_deref(), Some("BURTON-CUM-WALDEN PARISH COUNCIL"));
    assert_eq!(m.date.as_deref(), Some("2025-09-02"));
}
