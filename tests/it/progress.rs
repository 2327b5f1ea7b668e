//! Progress reports: status, period, workstreams and their lists, against values read from the
//! Somerset transformation deck with `pdftotext -layout` and `councilpdf layout`.

use super::util::extract;
use councilpdf::contract::{Extraction, RagStatus, Workstream};

const DECK: &str = "somerset-childrens-transformation-progress-2024-06.pdf";

fn workstream<'a>(e: &'a Extraction, name_starts: &str) -> &'a Workstream {
    e.workstreams.iter().find(|w| w.name.starts_with(name_starts)).unwrap_or_else(|| {
        panic!(
            "no workstream '{name_starts}' in {:?}",
            e.workstreams.iter().map(|w| &w.name).collect::<Vec<_>>()
        )
    })
}

#[test]
fn overarching_status_r_is_red_and_period_from_cover() {
    let e = extract(DECK);
    let p = e.progress.as_ref().expect("a progress record");
    // Page 4: "Overarching Status: R     May/June 2024"; cover: "June 2024 – Progress Report".
    assert_eq!(p.overall_status, Some(RagStatus::Red));
    assert_eq!(p.period.as_deref(), Some("June 2024"));
    assert_eq!(p.provenance.page, 1);
}

#[test]
fn directors_summary_has_its_seven_bullets() {
    let e = extract(DECK);
    let p = e.progress.as_ref().expect("a progress record");
    assert_eq!(p.summary.len(), 7);
    assert_eq!(p.summary.first().map(String::as_str), Some("New Children's Transformation Board and Finance Board established giving greater clarity on pressures, successes and areas of concern."));
    assert_eq!(
        p.summary.get(1).map(String::as_str),
        Some("Majority of projects in each workstream underway, some are still being scoped.")
    );
}

#[test]
fn finance_summary_lists_belong_to_the_programme() {
    let e = extract(DECK);
    let p = e.progress.as_ref().expect("a progress record");
    assert_eq!(p.working_well.len(), 4);
    assert_eq!(p.not_working_well.len(), 3);
    // The "o" of "oversight" starts a line; it is a word, not a bullet.
    assert_eq!(
        p.working_well.first().map(String::as_str),
        Some("Children’s Strategic Transformation Board and Children’s Finance Transformation Board now in place to provide overarching assurance and oversight")
    );
    assert_eq!(
        p.not_working_well.get(1).map(String::as_str),
        Some("National challenge of statutory override")
    );
    // "• Risk to delivering savings:" heads two "–" items.
    assert_eq!(
        p.escalations,
        vec![
            "Risk to delivering savings: Construction delays for Homes and Horizons homes 6 to 8".to_string(),
            "Risk to delivering savings: Lack of move on social housing / private rent accommodation for Thrive 16+, is reducing savings possible through new contract".to_string(),
        ]
    );
    // No finance slide became a workstream.
    assert!(e.workstreams.iter().all(|w| !w.name.contains("Finance")));
}

#[test]
fn four_workstreams_with_their_projects() {
    let e = extract(DECK);
    let names: Vec<&str> = e.workstreams.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Local mainstream school is the right choice for most children",
            "Families can access support early",
            "Developing an excellent workforce for children",
            "Sufficient homes for children in care and school places for children with additional needs in Somerset",
        ]
    );
    let counts: Vec<usize> = e.workstreams.iter().map(|w| w.projects.len()).collect();
    assert_eq!(counts, vec![7, 2, 4, 6]);
    let school = workstream(&e, "Local mainstream");
    // Wrapped project names are joined: "• Assessment post-5 including" / "EHCPs".
    assert_eq!(school.projects.get(1).map(String::as_str), Some("Assessment post-5 including EHCPs"));
    let homes = workstream(&e, "Sufficient homes");
    assert_eq!(
        homes.projects.get(2).map(String::as_str),
        Some("16+ Thrive - preventing homelessness accommodation")
    );
}

#[test]
fn columns_read_top_to_bottom_not_across() {
    let e = extract(DECK);
    let school = workstream(&e, "Local mainstream");
    assert_eq!(
        (school.working_well.len(), school.not_working_well.len(), school.escalations.len()),
        (9, 3, 0)
    );
    assert_eq!(
        school.working_well.first().map(String::as_str),
        Some("All scoping documents have been completed and this has thrown up important issues of understanding / coordination which we are now working through which will result in smoother delivery over time.")
    );
    assert_eq!(school.working_well.get(3).map(String::as_str), Some("Analysis on equalising banding has been completed and will be shared with schools for views about implementation on 11 June."));
    assert_eq!(
        school.not_working_well.first().map(String::as_str),
        Some("Alignment of corporate processes for service redesign with our work")
    );

    let families = workstream(&e, "Families can access");
    assert_eq!(
        (families.working_well.len(), families.not_working_well.len(), families.escalations.len()),
        (5, 2, 1)
    );
    assert_eq!(
        families.escalations.first().map(String::as_str),
        Some("Lack of digital capacity to support Help to Help Yourself database of local resources and other foundations such as a CRM and refreshed Directory.")
    );

    let homes = workstream(&e, "Sufficient homes");
    assert_eq!((homes.working_well.len(), homes.not_working_well.len(), homes.escalations.len()), (3, 3, 3));
    assert_eq!(
        homes.escalations,
        vec![
            "Lack of private rental & housing for Care Leavers",
            "Rising demand for Children Looked After",
            "Marketing support for Fostering"
        ]
    );
}

#[test]
fn sub_headings_prefix_their_items() {
    let e = extract(DECK);
    let wf = workstream(&e, "Developing an excellent workforce");
    // "• Neighbourhood Working" heads six "–" items, "• Education Restructure" one.
    assert_eq!(wf.working_well.len(), 7);
    assert!(wf
        .working_well
        .iter()
        .all(|i| i.starts_with("Neighbourhood Working: ") || i.starts_with("Education Restructure: ")));
    assert!(wf.working_well.contains(
        &"Neighbourhood Working: Neighbourhood working pilot in Wincanton and West Somerset is on track. Following learning from the pilots, the anticipated roll out for the wider Neighbourhood model is for consultation in Autumn 24 with implementation during early 2025".to_string()
    ));
    assert!(!wf.working_well.iter().any(|i| i == "Neighbourhood Working"));
    assert_eq!(wf.not_working_well.len(), 5);
    assert_eq!(
        wf.not_working_well
            .last()
            .map(|s| s.starts_with("Workforce Training programme: This work to establish")),
        Some(true)
    );
    // "• N/A" is an empty list.
    assert!(wf.escalations.is_empty());
}
