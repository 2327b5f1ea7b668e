//! Agenda packs: meeting, agenda items linked to sections, outcome tracker, work programme.
//! Every value asserted here was read in the PDFs with `pdftotext -layout`.

use super::util::extract;
use councilpdf::contract::{ActionOrigin, ActionStatus, Extraction, MemberRole, SectionKind, WarningCode};

const SOMERSET: &str = "somerset-cf-scrutiny-2022-10-03-agenda-pack.pdf";
const KENT_AGENDA: &str = "real/kcc-cabinet-2025-01-30-agenda-frontsheet.pdf";
const KENT_SUPPLEMENTARY: &str = "real/kcc-cabinet-2025-01-30-item7-supplementary-pack.pdf";

fn kinds_of(e: &Extraction, ids: &[String]) -> Vec<SectionKind> {
    ids.iter().filter_map(|id| e.sections.iter().find(|s| &s.id == id)).map(|s| s.kind).collect()
}

#[test]
fn somerset_meeting_from_the_front_sheet() {
    let e = extract(SOMERSET);
    let m = e.meeting.clone().expect("meeting");
    assert_eq!(m.date.as_deref(), Some("2022-10-03"));
    assert_eq!(m.time.as_deref(), Some("13:00"));
    assert_eq!(m.venue.as_deref(), Some("Luttrell Room - County Hall, Taunton"));
    assert!(m
        .body
        .as_deref()
        .unwrap_or_default()
        .to_lowercase()
        .contains("scrutiny for policies, children and families"));
    // 13 councillors and 3 co-opted members are printed.
    assert_eq!(m.members.len(), 16);
    let role = |n: &str| m.members.iter().find(|x| x.name.ends_with(n)).map(|x| x.role);
    assert_eq!(role("L Redman"), Some(MemberRole::Chair));
    assert_eq!(role("O Patrick"), Some(MemberRole::ViceChair));
    assert_eq!(role("A Hadley"), Some(MemberRole::Member), "a name broken over two lines");
    assert_eq!(role("J Snell"), Some(MemberRole::Member));
    assert_eq!(role("R Hobbs"), Some(MemberRole::CoOpted));
    assert_eq!(role("T Osmond"), Some(MemberRole::CoOpted));
    assert!(m.members.iter().all(|x| x.attendance.is_none()));
}

#[test]
fn somerset_eleven_agenda_items_linked_to_their_papers() {
    let e = extract(SOMERSET);
    let numbers: Vec<&str> = e.agenda_items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
    assert!(!e.agenda_items.iter().any(|i| i.title.contains("Information on the Committee")));
    let item = |n: &str| e.agenda_items.iter().find(|i| i.number == n).expect("item");

    let cases: [(&str, &str, u32, u32, &[SectionKind]); 5] = [
        ("3", "Minutes from the previous meeting held on 5 September 2022", 11, 14, &[SectionKind::Minutes]),
        (
            "5",
            "Scrutiny for Policies, Children and Families Committee Work Programme",
            15,
            18,
            &[SectionKind::WorkProgramme, SectionKind::ActionTracker, SectionKind::Blank],
        ),
        (
            "6",
            "Ofsted Inspection Result - Children's Social Care Services - update",
            19,
            28,
            &[SectionKind::OfstedReport],
        ),
        ("7", "Home to School Transport", 29, 38, &[SectionKind::Presentation]),
        ("9", "SEND Draft Strategy and Development", 39, 42, &[SectionKind::CommitteeReport]),
    ];
    for (n, title, first, last, kinds) in cases {
        let i = item(n);
        assert_eq!(i.title, title, "item {n}");
        let r = i.page_range.expect("page range");
        assert_eq!((r.first, r.last), (first, last), "item {n}");
        assert_eq!(kinds_of(&e, &i.section_ids), kinds, "item {n}");
    }
    assert_eq!(item("8").title, "Children's Services Budget Monitoring Report");
    assert_eq!(item("8").page_range, None);
    assert!(item("1").section_ids.is_empty());
    assert_eq!(item("7").time_allowed_minutes, Some(35));
    assert_eq!(item("8").time_allowed_minutes, Some(30));
    assert_eq!(item("9").time_allowed_minutes, Some(40));
    assert_eq!(item("4").time_allowed_minutes, None, "'will allow members of the public' is not a time");
    assert!(item("9").lead.as_deref().unwrap_or_default().ends_with("Vikki Hearn"));
    assert!(item("7").lead.as_deref().unwrap_or_default().ends_with("John Perrett"));
    assert_eq!(
        item("3").description.as_deref(),
        Some("The Committee is asked to confirm the minutes are accurate.")
    );
    // Item 8's text continues onto page 3 under the repeated table header, which is not part of it.
    let d8 = item("8").description.clone().unwrap_or_default();
    assert!(d8.contains("Phil Curd") && !d8.contains("1.00 pm Monday 3"), "{d8}");
    assert!(e.agenda_items.iter().all(|i| !i.exempt));
    assert!(!e.warnings.iter().any(|w| w.code == WarningCode::PageRangeUnmatched), "{:?}", e.warnings);
}

#[test]
fn somerset_outcome_tracker_rows_are_actions() {
    let e = extract(SOMERSET);
    let tracker: Vec<_> = e.actions.iter().filter(|a| a.origin == ActionOrigin::ActionTracker).collect();
    // 2 rows under 20 June, 3 under 25 July, 6 under 5 September; the key is not a row.
    assert_eq!(tracker.len(), 11);
    let count = |d: &str| tracker.iter().filter(|a| a.meeting_date.as_deref() == Some(d)).count();
    assert_eq!((count("2022-06-20"), count("2022-07-25"), count("2022-09-05")), (2, 3, 6));
    assert!(!tracker
        .iter()
        .any(|a| a.text.starts_with("Action complete") || a.text.contains("3 months since action agreed")));

    let find =
        |t: &str| tracker.iter().find(|a| a.text.contains(t)).unwrap_or_else(|| panic!("no action with {t}"));
    let a = find("Evaluation Report be circulated");
    assert_eq!(a.owner.as_deref(), Some("Louise Palmer"));
    assert_eq!(a.agenda_item.as_deref(), Some("Family Safeguarding Review"));
    assert_eq!(a.status, Some(ActionStatus::Pending));
    assert_eq!(a.meeting_date.as_deref(), Some("2022-06-20"));

    let a = find("progress update be given to the Committee in 6 months");
    assert_eq!(a.owner.as_deref(), Some("Amelia Walker"));
    assert_eq!(a.status_text.as_deref(), Some("Progress update in Feb / March 2023"));

    let a = find("'Staying Put' policy");
    assert_eq!(a.owner.as_deref(), Some("Claire Winter"));
    assert_eq!(a.status_text.as_deref(), Some("On going work by Committee"));
    assert_eq!(a.status, Some(ActionStatus::Pending));

    let a = find("circulate the presentation");
    assert_eq!(a.status, Some(ActionStatus::Completed), "'Clerk - completed' is completed");

    let a = find("Task and Finish Group report on School Exclusions be");
    assert_eq!(a.owner, None);
    assert_eq!(a.status, Some(ActionStatus::Completed));
    assert_eq!(a.meeting_date.as_deref(), Some("2022-07-25"));

    let a = find("Item DEFERRED");
    assert_eq!(a.status_text.as_deref(), Some("5 September 2022"));
    assert_eq!(a.status, None, "a date is not a status");
    // Statuses that could not be settled are said so.
    assert!(e
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::UnparsedValue && w.message.contains("Oct 22 mtg")));
}

#[test]
fn somerset_work_programme_entries_under_their_dates() {
    let e = extract(SOMERSET);
    let wp = &e.work_programme;
    let find = |t: &str| wp.iter().find(|w| w.item.starts_with(t)).unwrap_or_else(|| panic!("no entry {t}"));

    let w = find("Ofsted Inspection of Children's Services");
    assert_eq!(w.meeting_date.as_deref(), Some("2022-10-03"));
    assert_eq!(w.theme.as_deref(), Some("Training item"));
    assert_eq!(w.lead.as_deref(), Some("Deputy Director Children's Services Claire Winter"));
    assert!(!w.provisional);

    let w = find("Provisional: 2022 Key Stage assessment results");
    assert_eq!(w.meeting_date.as_deref(), Some("2022-11-07"));
    assert!(w.provisional);

    // "Provisional date - 6 March" ends page 15; "2023 @ 1 pm" starts page 16.
    let w = find("Response to SEND Green Paper");
    assert_eq!(w.meeting_date.as_deref(), Some("2023-03-06"));
    assert!(w.provisional);
    assert_eq!(w.provenance.page, 16);

    let dated = |d: &str| wp.iter().filter(|w| w.meeting_date.as_deref() == Some(d)).count();
    assert_eq!(dated("2022-09-05"), 5);
    assert_eq!(dated("2022-12-12"), 2);
    assert_eq!(dated("2023-01-16"), 2);

    let w = find("Early Help");
    assert_eq!(w.meeting_date, None);
    assert_eq!(w.theme.as_deref(), Some("Social Care and Commissioning"));
    let w = find("Peninsula Fostering Framework Agreement");
    assert_eq!(w.meeting_date, None);
    assert!(!wp.iter().any(|w| w.item.starts_with("Note:") || w.item.starts_with("SEND and Inclusion")));
    assert_eq!(wp.iter().filter(|w| w.meeting_date.is_none()).count(), 11);
}

#[test]
fn kent_cabinet_front_sheet() {
    let e = extract(KENT_AGENDA);
    let m = e.meeting.clone().expect("meeting");
    assert_eq!(m.body.as_deref(), Some("CABINET"));
    assert_eq!(m.date.as_deref(), Some("2025-01-30"));
    assert_eq!(m.time.as_deref(), Some("10:00"));
    assert_eq!(m.venue.as_deref(), Some("Council Chamber, Sessions House, County Hall, Maidstone"));

    let numbers: Vec<&str> = e.agenda_items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    let item = |n: &str| e.agenda_items.iter().find(|i| i.number == n).expect("item");
    assert_eq!(
        item("6").title,
        "Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme 2025-35 and Treasury Management Strategy"
    );
    assert_eq!(item("6").page_range.map(|r| (r.first, r.last)), Some((85, 276)));
    assert_eq!(
        item("7").title,
        "24/00109 - Transfer the 18-25 section of the Strengthening Independence Service from the Children Young People and Education Directorate to the Adult Social Care and Health Directorate"
    );
    assert_eq!(item("9").page_range.map(|r| (r.first, r.last)), Some((461, 610)));
    assert_eq!(item("9").description, None, "the exempt-items note is not item 9's text");
    assert!(e.agenda_items.iter().all(|i| !i.exempt), "there were no exempt items");
    // A front sheet without its papers: the ranges cannot be found in the file.
    assert!(e.warnings.iter().any(|w| w.code == WarningCode::PageRangeUnmatched));
}

#[test]
fn kent_supplementary_pack_item_seven() {
    let e = extract(KENT_SUPPLEMENTARY);
    let m = e.meeting.clone().expect("meeting");
    assert_eq!(m.body.as_deref(), Some("CABINET"));
    assert_eq!(m.date.as_deref(), Some("2025-01-30"));
    assert_eq!(e.agenda_items.len(), 1);
    let i = &e.agenda_items[0];
    assert_eq!(i.number, "7");
    assert!(i.title.starts_with("24/00109 - Transfer the 18-25 section"));
    assert!(i.title.ends_with("Adult Social Care and Health Directorate"));
    assert_eq!(i.page_range.map(|r| (r.first, r.last)), Some((1, 20)));
    // Printed pages 1-20 are physical 3-22: report, blank, EQIA, blank (page 22 has no stamp).
    assert_eq!(
        kinds_of(&e, &i.section_ids),
        [SectionKind::CommitteeReport, SectionKind::Blank, SectionKind::CommitteeReport, SectionKind::Blank]
    );
    assert_eq!(i.description, None, "the letter's sign-off is not the item's text");
}

#[test]
fn minutes_get_no_agenda_items_or_front_sheet_meeting_from_the_pack_extractors() {
    for f in ["real/kcc-cabinet-2025-01-30-printed-minutes.pdf", "real/parish-bcwpc-minutes-2025-09-02.pdf"] {
        let e = extract(f);
        assert!(e.agenda_items.is_empty(), "{f}");
        assert!(e.work_programme.is_empty(), "{f}");
        assert!(!e.actions.iter().any(|a| a.origin == ActionOrigin::ActionTracker), "{f}");
    }
}
