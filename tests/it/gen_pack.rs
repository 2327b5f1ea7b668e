//! Generated agenda packs (tests/gen/packs.py, reportlab): front sheets, agenda tables, a
//! stamped pack with a work programme and a colour-only action tracker. Every value asserted
//! here was put into the PDF by the generator, so it is known by construction.

use super::util::extract;
use councilpdf::contract::{ActionStatus, DocumentType, Extraction, MemberRole, SectionKind, WarningCode};

const MODGOV: &str = "../tests/gen/pdfs/pack-modgov-frontsheet.pdf";
const HWB: &str = "../tests/gen/pdfs/pack-hwb-agenda-table-membership.pdf";
const HWB_BARE: &str = "../tests/gen/pdfs/pack-hwb-agenda-table.pdf";
const COUNCIL: &str = "../tests/gen/pdfs/pack-council-word-exempt-members.pdf";
const COUNCIL_BARE: &str = "../tests/gen/pdfs/pack-council-word-exempt.pdf";
const PARISH: &str = "../tests/gen/pdfs/pack-parish-notice.pdf";
const STAMPED: &str = "../tests/gen/pdfs/pack-stamped-scrutiny.pdf";
const FORWARD_PLAN: &str = "../tests/gen/pdfs/pack-landscape-forward-plan.pdf";

fn numbers(e: &Extraction) -> Vec<&str> {
    e.agenda_items.iter().map(|i| i.number.as_str()).collect()
}

fn ranges(e: &Extraction) -> Vec<Option<(u32, u32)>> {
    e.agenda_items.iter().map(|i| i.page_range.as_ref().map(|r| (r.first, r.last))).collect()
}

#[test]
fn modgov_front_sheet_meeting_and_membership() {
    let e = extract(MODGOV);
    assert_eq!(e.document_type, DocumentType::AgendaPack);
    let m = e.meeting.clone().expect("meeting");
    assert_eq!(m.body.as_deref(), Some("Cabinet"));
    assert_eq!(m.date.as_deref(), Some("2025-01-14"));
    assert_eq!(m.time.as_deref(), Some("10:00"));
    assert_eq!(m.venue.as_deref(), Some("Council Chamber, Guildhall, Market Square, Northbridge"));
    let got: Vec<(&str, MemberRole)> = m.members.iter().map(|x| (x.name.as_str(), x.role)).collect();
    assert_eq!(
        got,
        [
            ("Amelia Hartley", MemberRole::Chair),
            ("Ben Okafor", MemberRole::ViceChair),
            ("Clare Dunn", MemberRole::Member), // "Councillors Clare Dunn, ..." names several
            ("Dev Patel", MemberRole::Member),
            ("Ellen Marsh", MemberRole::Member),
            ("Frank Lowe", MemberRole::Member),
            ("Grace Hill", MemberRole::CoOpted),
            ("Harry Shaw", MemberRole::CoOpted),
        ]
    );
}

#[test]
fn modgov_front_sheet_items_and_private_part() {
    let e = extract(MODGOV);
    assert_eq!(numbers(&e), ["1", "2", "3", "4", "5", "6"]);
    assert_eq!(e.agenda_items.get(3).map(|i| i.title.as_str()), Some("Budget Monitoring Report Quarter 2"));
    assert_eq!(ranges(&e), [None, None, Some((5, 12)), Some((13, 20)), None, Some((21, 24))]);
    let exempt: Vec<bool> = e.agenda_items.iter().map(|i| i.exempt).collect();
    assert_eq!(
        exempt,
        [false, false, false, false, true, true],
        "the Schedule 12A item and the one after the exclusion"
    );
    // A front sheet without its papers: the ranges cannot be mapped, and say so.
    assert!(e.agenda_items.iter().all(|i| i.section_ids.is_empty()));
    assert!(e
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::PageRangeUnmatched && w.message.contains("3, 4, 6")));
}

#[test]
fn agenda_table_with_lettered_items_and_a_pages_column() {
    let e = extract(HWB);
    let m = e.meeting.clone().expect("meeting");
    assert_eq!(m.body.as_deref(), Some("Health and Wellbeing Board"));
    assert_eq!(m.date.as_deref(), Some("2025-03-06"));
    assert_eq!(m.time.as_deref(), Some("14:00"));
    assert_eq!(
        m.venue.as_deref(),
        Some("Committee Room 1, County Offices, Eastgate"),
        "'Venue enquiries:' is a contact, not the venue"
    );
    let roles: Vec<(&str, MemberRole)> = m.members.iter().map(|x| (x.name.as_str(), x.role)).collect();
    assert_eq!(
        roles,
        [
            ("Ruth Gale", MemberRole::Chair),
            ("Dr Sam Idris", MemberRole::ViceChair),
            ("Tom Vale", MemberRole::Member)
        ]
    );
    assert_eq!(numbers(&e), ["A1", "A2", "B1", "B2", "C1"]);
    let titles: Vec<&str> = e.agenda_items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Welcome and Apologies",
            "Minutes of the meeting held on 5 December 2024",
            "Joint Local Health and Wellbeing Strategy refresh",
            "Better Care Fund Plan 2025/26",
            "Any Other Business",
        ]
    );
    assert_eq!(ranges(&e), [None, Some((5, 12)), Some((13, 28)), Some((29, 40)), None]);
}

#[test]
fn word_agenda_with_sub_items_lead_time_and_part_two() {
    let e = extract(COUNCIL);
    let m = e.meeting.clone().expect("meeting");
    assert_eq!(m.body.as_deref(), Some("FULL COUNCIL"));
    assert_eq!(m.date.as_deref(), Some("2025-02-10"));
    assert_eq!(m.time.as_deref(), Some("19:00"));
    assert_eq!(
        m.venue.as_deref(),
        Some("Council Chamber, Civic Centre, Westford"),
        "the addressee line is not the venue"
    );
    assert_eq!(numbers(&e), ["1", "2", "3", "4", "5(a)", "5(b)", "6"]);
    assert_eq!(
        ranges(&e),
        [None, None, Some((5, 12)), Some((13, 20)), Some((21, 30)), Some((31, 38)), Some((39, 44))]
    );
    let b = e.agenda_items.get(5).expect("item 5(b)");
    assert_eq!(b.title, "Capital Strategy");
    assert_eq!(b.lead.as_deref(), Some("Director of Finance, Mary Cole"));
    assert_eq!(b.time_allowed_minutes, Some(20));
    let exempt: Vec<&str> = e.agenda_items.iter().filter(|i| i.exempt).map(|i| i.number.as_str()).collect();
    assert_eq!(exempt, ["6"], "only the item under 'PART 2 - NOT FOR PUBLICATION'");
}

#[test]
fn stamped_pack_maps_printed_pages_through_stamps() {
    let e = extract(STAMPED);
    let m = e.meeting.clone().expect("meeting");
    assert_eq!(m.body.as_deref(), Some("Overview and Scrutiny Committee"));
    assert_eq!(m.date.as_deref(), Some("2025-01-22"));
    assert_eq!(m.time.as_deref(), Some("18:30"));
    assert_eq!(m.venue.as_deref(), Some("The Council Chamber, Riverside House"));
    let roles: Vec<(&str, MemberRole)> = m.members.iter().map(|x| (x.name.as_str(), x.role)).collect();
    assert_eq!(
        roles,
        [
            ("R Patel", MemberRole::Chair),
            ("S Evans", MemberRole::ViceChair),
            ("T Nolan", MemberRole::Member),
            ("U Reid", MemberRole::Member)
        ]
    );
    assert_eq!(numbers(&e), ["1", "2", "3", "4"]);
    assert_eq!(ranges(&e), [None, Some((1, 2)), Some((3, 4)), Some((5, 5))]);
    // Printed "Page 1" is physical page 3: minutes 3-4, programme 5-6, tracker 7.
    let kinds: Vec<Vec<(SectionKind, u32, u32)>> = e
        .agenda_items
        .iter()
        .map(|i| {
            i.section_ids
                .iter()
                .filter_map(|id| e.sections.iter().find(|s| &s.id == id))
                .map(|s| (s.kind, s.first_page, s.last_page))
                .collect()
        })
        .collect();
    assert_eq!(
        kinds,
        [
            vec![],
            vec![(SectionKind::Minutes, 3, 4)],
            vec![(SectionKind::WorkProgramme, 5, 6)],
            vec![(SectionKind::ActionTracker, 7, 7)],
        ]
    );
    assert!(!e.warnings.iter().any(|w| w.code == WarningCode::PageRangeUnmatched));
}

#[test]
fn tracker_status_from_colour_and_meeting_from_spanning_row() {
    let e = extract(STAMPED);
    let got: Vec<(&str, Option<&str>, Option<ActionStatus>, Option<&str>, Option<&str>)> = e
        .actions
        .iter()
        .map(|a| {
            (
                a.text.as_str(),
                a.owner.as_deref(),
                a.status,
                a.meeting_date.as_deref(),
                a.agenda_item.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Circulate the housing strategy consultation results",
                Some("Housing Manager"),
                Some(ActionStatus::Completed),
                Some("2024-11-20"),
                Some("23/42")
            ),
            (
                "Report back on fly-tipping enforcement figures",
                Some("Head of Environment"),
                Some(ActionStatus::Pending),
                Some("2024-11-20"),
                Some("23/43")
            ),
            (
                "Arrange a site visit to the depot",
                Some("Democratic Services"),
                Some(ActionStatus::Incomplete),
                Some("2024-11-20"),
                Some("23/44")
            ),
        ]
    );
}

#[test]
fn work_programme_date_rows_and_provisional_entries() {
    let e = extract(STAMPED);
    let got: Vec<(Option<&str>, &str, Option<&str>, bool)> = e
        .work_programme
        .iter()
        .map(|w| (w.meeting_date.as_deref(), w.item.as_str(), w.lead.as_deref(), w.provisional))
        .collect();
    assert_eq!(
        got,
        [
            (Some("2025-01-14"), "Housing Revenue Account Budget", Some("Director of Housing"), false),
            (Some("2025-01-14"), "Waste Collection Contract", Some("Head of Environment"), false),
            (Some("2025-03-11"), "Leisure Centre Review (Provisional)", Some("Head of Leisure"), true),
            (Some("2025-03-11"), "Community Safety Partnership", Some("Community Safety Manager"), false),
            (Some("2025-04-22"), "Climate Emergency Action Plan", Some("Sustainability Officer"), false),
        ]
    );
}

#[test]
fn forward_plan_with_a_meeting_date_column_ruled_horizontally() {
    let e = extract(FORWARD_PLAN);
    let got: Vec<(Option<&str>, &str, Option<&str>, bool)> = e
        .work_programme
        .iter()
        .map(|w| (w.meeting_date.as_deref(), w.item.as_str(), w.lead.as_deref(), w.provisional))
        .collect();
    assert_eq!(
        got,
        [
            (Some("2025-02-13"), "Local Plan Regulation 19 Consultation", Some("Head of Planning"), false),
            (Some("2025-02-13"), "Fees and Charges 2025/26", Some("Chief Finance Officer"), false),
            (Some("2025-03-13"), "Parking Strategy (provisional)", Some("Parking Manager"), true),
            (None, "Asset Management Plan", Some("Head of Property"), true),
        ]
    );
}

// The three below fail on segmentation (src/segment), not on the extractors: an agenda whose
// item reads "Minutes of the meeting held on …", and a parish summons with no "venue" word, are
// typed `minutes`, so no agenda is read. Kept so the fix is measured when segmentation changes.

#[test]
fn agenda_with_a_minutes_item_is_an_agenda_pack() {
    let e = extract(HWB_BARE);
    assert_eq!(e.document_type, DocumentType::AgendaPack);
    assert_eq!(numbers(&e), ["A1", "A2", "B1", "B2", "C1"]);
}

#[test]
fn word_agenda_with_a_minutes_item_is_an_agenda_pack() {
    let e = extract(COUNCIL_BARE);
    assert_eq!(e.document_type, DocumentType::AgendaPack);
    assert_eq!(numbers(&e), ["1", "2", "3", "4", "5(a)", "5(b)", "6"]);
}

#[test]
fn parish_summons_meeting_and_items() {
    let e = extract(PARISH);
    assert_eq!(e.document_type, DocumentType::AgendaPack);
    let m = e.meeting.clone().expect("meeting");
    assert_eq!(m.body.as_deref(), Some("Little Marsham Parish Council"));
    assert_eq!(m.date.as_deref(), Some("2025-03-04"));
    assert_eq!(m.time.as_deref(), Some("19:30"));
    assert_eq!(m.venue.as_deref(), Some("the Village Hall"));
    assert_eq!(numbers(&e), ["1", "2", "3", "4", "5", "6"]);
    assert_eq!(e.agenda_items.get(3).and_then(|i| i.time_allowed_minutes), Some(15));
}

const PLANNING: &str = "../tests/gen/pdfs/pack-planning-member-lines.pdf";
const ACTION_LOG: &str = "../tests/gen/pdfs/pack-action-log.pdf";

#[test]
fn one_member_per_line_and_a_horizontally_ruled_item_table() {
    let e = extract(PLANNING);
    let m = e.meeting.clone().expect("meeting");
    assert_eq!(m.body.as_deref(), Some("Planning Committee"));
    assert_eq!(
        m.date.as_deref(),
        Some("2025-02-05"),
        "'Date and Time: Wednesday, 5th February, 2025 at 6.00 pm'"
    );
    assert_eq!(m.time.as_deref(), Some("18:00"));
    assert_eq!(m.venue.as_deref(), Some("Committee Room 2, Civic Offices, Southgate"));
    let roles: Vec<(&str, MemberRole)> = m.members.iter().map(|x| (x.name.as_str(), x.role)).collect();
    assert_eq!(
        roles,
        [
            ("Priya Shah", MemberRole::Chair),
            ("Owen Pryce", MemberRole::ViceChair),
            ("Nina Frost", MemberRole::Member),
            ("Luke Barnes", MemberRole::Member)
        ]
    );
    assert_eq!(numbers(&e), ["1", "2", "3", "4", "5"]);
    assert_eq!(
        e.agenda_items.get(2).map(|i| i.title.as_str()),
        Some("24/01234/FUL - Land North of Station Road, Southgate")
    );
    assert_eq!(ranges(&e), [None, None, Some((5, 18)), Some((19, 30)), Some((31, 31))]);
}

#[test]
fn action_log_with_meeting_and_due_columns() {
    let e = extract(ACTION_LOG);
    let m = e.meeting.clone().expect("meeting");
    assert_eq!(
        m.venue.as_deref(),
        Some("Meeting Room 3, County Hall"),
        "the Membership: row under the venue is not part of it"
    );
    let item = e.agenda_items.first().expect("item 1");
    assert_eq!(item.page_range.as_ref().map(|r| (r.first, r.last)), Some((1, 1)));
    let tracker: Vec<&str> =
        e.sections.iter().filter(|s| s.kind == SectionKind::ActionTracker).map(|s| s.id.as_str()).collect();
    assert_eq!(item.section_ids.iter().map(String::as_str).collect::<Vec<_>>(), tracker);
    let got: Vec<(&str, Option<&str>, Option<&str>, Option<ActionStatus>, Option<&str>, Option<&str>)> = e
        .actions
        .iter()
        .map(|a| {
            (
                a.text.as_str(),
                a.owner.as_deref(),
                a.due.as_deref(),
                a.status,
                a.meeting_date.as_deref(),
                a.agenda_item.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Provide GP access figures by ward",
                Some("Public Health Lead"),
                Some("2025-03-31"),
                Some(ActionStatus::Completed),
                Some("2024-12-12"),
                Some("HS 24/31")
            ),
            (
                "Share the dental access action plan",
                Some("ICB Director"),
                Some("March 2025"),
                Some(ActionStatus::Pending),
                Some("2024-12-12"),
                Some("HS 24/33")
            ),
            (
                "Arrange briefing on winter pressures",
                Some("Scrutiny Officer"),
                None,
                Some(ActionStatus::Incomplete),
                Some("2025-01-23"),
                Some("HS 25/04")
            ),
        ]
    );
}
