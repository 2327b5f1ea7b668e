//! The hand-written schema against the serde types: a fully populated extraction and every
//! failure validate (the drift test), broken objects are rejected, every fixture's output
//! validates, the schema's code lists are exactly the enums' variants, and `councilpdf validate`.

use super::util::{bin, convert, fixture};
use councilpdf::contract::{self, *};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every variant of an enum. The exhaustive `match` stops this compiling when a variant is added
/// to the type, until it is listed here too (and so used in the populated extraction below).
macro_rules! variants {
    ($t:ident: $($v:ident),+ $(,)?) => {{
        #[allow(dead_code)]
        fn exhaustive(x: $t) {
            match x {
                $($t::$v => {}),+
            }
        }
        vec![$($t::$v),+]
    }};
}

fn document_types() -> Vec<DocumentType> {
    variants!(DocumentType: AgendaPack, Minutes, ProgressReport, OfstedReport, CommitteeReport, Unknown)
}
fn section_kinds() -> Vec<SectionKind> {
    variants!(SectionKind: Cover, Agenda, Guidance, Minutes, WorkProgramme, ActionTracker, OfstedReport, Presentation, CommitteeReport, ProgressReport, Blank, Other)
}
fn member_roles() -> Vec<MemberRole> {
    variants!(MemberRole: Chair, ViceChair, Member, CoOpted)
}
fn attendances() -> Vec<Attendance> {
    variants!(Attendance: Present, Virtual, Apologies, Absent)
}
fn action_origins() -> Vec<ActionOrigin> {
    variants!(ActionOrigin: Minutes, ActionTracker, ProgressReport)
}
fn action_statuses() -> Vec<ActionStatus> {
    variants!(ActionStatus: Completed, Pending, Incomplete, Open)
}
fn rags() -> Vec<Rag> {
    variants!(Rag: Red, Amber, Green, Blue)
}
fn saving_statuses() -> Vec<SavingStatus> {
    variants!(SavingStatus: OverAchieved, Achieved, OnTrack, AtRisk, Mixed)
}
fn grade_codes() -> Vec<GradeCode> {
    variants!(GradeCode: Outstanding, Good, RequiresImprovementToBeGood, RequiresImprovement, Inadequate)
}
fn rag_statuses() -> Vec<RagStatus> {
    variants!(RagStatus: Red, Amber, Green)
}
fn warning_codes() -> Vec<WarningCode> {
    variants!(WarningCode: NoTextLayer, GarbledText, PageUnreadable, PageRangeUnmatched, TotalsMismatch, GradeMismatch, UnitMissing, RepairedInput, PartialTextLayer, UnparsedValue, MissingRecord, ExtractorFailed,
        AuthorityUnknown, DocumentTypeUncertain, NumberingOutOfOrder, ParagraphGap, PageRangesOverlap, DateInconsistent, GradeUnrecognised, PageBudgetExceeded, StatusUnreadable)
}
fn error_codes() -> Vec<ErrorCode> {
    variants!(ErrorCode: NotFound, NotPdf, Encrypted, Malformed, Timeout, TooLarge, Internal)
}
fn authority_kinds() -> Vec<AuthorityKind> {
    variants!(AuthorityKind: County, District, Unitary, Metropolitan, LondonBorough, WelshPrincipal, ScottishCouncil, Parish, Community, Trust, School, Parliament, Other)
}
fn unit_sources() -> Vec<UnitSource> {
    variants!(UnitSource: Header, Caption, Note, Text, Title, Assumed)
}

/// The JSON string a unit enum variant serialises to.
fn code<T: serde::Serialize>(x: T) -> String {
    match serde_json::to_value(x) {
        Ok(Value::String(s)) => s,
        other => panic!("an enum variant should serialise to a string, got {other:?}"),
    }
}

fn codes<T: serde::Serialize + Copy>(xs: &[T]) -> BTreeSet<String> {
    xs.iter().map(|x| code(*x)).collect()
}

/// The values a `$defs` entry allows: its `enum`, or the `const` of each `oneOf` branch.
fn schema_values(def: &str) -> BTreeSet<String> {
    let schema = contract::schema_json();
    let d = &schema["$defs"][def];
    let list: Vec<&Value> = match (d.get("enum"), d.get("oneOf")) {
        (Some(Value::Array(e)), _) => e.iter().collect(),
        (_, Some(Value::Array(o))) => o.iter().map(|b| &b["const"]).collect(),
        _ => panic!("$defs/{def} has neither enum nor oneOf"),
    };
    list.iter()
        .map(|v| v.as_str().unwrap_or_else(|| panic!("$defs/{def}: non-string value {v}")).to_string())
        .collect()
}

fn money(s: &str) -> Option<Money> {
    Some(Money(s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))))
}

fn prov(page: u32) -> Provenance {
    Provenance { page, bbox: [56.7, 102.3, 538.6, 118.9] }
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|s| s.to_string()).collect()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

/// An extraction with every `Option` `Some`, every `Vec` non-empty, and every enum variant used.
fn populated() -> Extraction {
    let sections = section_kinds()
        .into_iter()
        .enumerate()
        .map(|(i, kind)| {
            let page = i as u32 + 1;
            Section {
                id: format!("s{page}"),
                kind,
                title: some("SCRUTINY FOR POLICIES, CHILDREN AND FAMILIES"),
                first_page: page,
                last_page: page,
            }
        })
        .collect();
    let members = member_roles()
        .into_iter()
        .zip(attendances())
        .map(|(role, attendance)| Member {
            name: "Cllr Leigh Redman".into(),
            role,
            attendance: Some(attendance),
        })
        .collect();
    let actions = action_statuses()
        .into_iter()
        .zip(action_origins().into_iter().cycle())
        .map(|(status, origin)| Action {
            text: "Circulate the SEND strategy briefing to the committee".into(),
            owner: some("Clerk"),
            due: some("End of March 2023"),
            status: Some(status),
            status_text: some("Clerk - completed"),
            origin,
            meeting_date: some("2022-07-11"),
            agenda_item: some("5"),
            provenance: prov(17),
        })
        .collect();
    let savings = unit_sources()
        .into_iter()
        .zip(saving_statuses().into_iter().cycle())
        .zip(rags().into_iter().cycle())
        .map(|((unit_source, status), rag)| Saving {
            reference: some("CF-01"),
            description: "Review of home to school transport".into(),
            directorate: some("Children's Services"),
            period: some("24/25"),
            unit: 1000,
            unit_source: Some(unit_source),
            target: money("66877100"),
            over_achieved: money("1234.56"),
            achieved: money("-250000"),
            on_track: money("0"),
            at_risk: money("3041100"),
            forecast: money("66877100"),
            variance: money("-3041100"),
            undeliverable: money("125000"),
            rag: Some(rag),
            rag_text: some("Dark Amber"),
            status: Some(status),
            comment: some("Delivery delayed to quarter 3"),
            columns: BTreeMap::from([
                ("Target £000".to_string(), money("66877100")),
                ("At Risk £000".to_string(), money("3041100")),
            ]),
            provenance: prov(40),
        })
        .collect();
    let judgements = grade_codes()
        .into_iter()
        .map(|grade_code| Judgement {
            area: "Overall effectiveness".into(),
            grade: "Requires improvement to be good".into(),
            grade_code,
            provenance: prov(19),
        })
        .collect();
    let workstreams = rags()
        .into_iter()
        .map(|status| Workstream {
            name: "Neighbourhood Working".into(),
            projects: strings(&["Neighbourhood working pilot in Wincanton"]),
            project_details: rags()
                .into_iter()
                .map(|rag| ProjectDetail {
                    name: "Neighbourhood working pilot in Wincanton".into(),
                    lead: some("Head of Early Help"),
                    status: Some(rag),
                    milestone: some("Pilot evaluation, March 2025"),
                    provenance: prov(3),
                })
                .collect(),
            status: Some(status),
            working_well: strings(&["Recruitment to the pilot is complete"]),
            not_working_well: strings(&["Data sharing agreements are delayed"]),
            escalations: strings(&["Agree the data sharing protocol"]),
            provenance: prov(3),
        })
        .collect();
    let warnings = warning_codes()
        .into_iter()
        .map(|c| Warning::new(c, "page 28: 11% of the text looks mis-encoded", Some(28)))
        .collect();

    Extraction {
        schema_version: SCHEMA_VERSION.into(),
        tool: Tool::this(),
        source: Source {
            file: "somerset-cf-scrutiny-2022-10-03-agenda-pack.pdf".into(),
            path: some("papers/somerset-cf-scrutiny-2022-10-03-agenda-pack.pdf"),
            sha256: some("d26476ffcc87f40372333ff057ead3c9aae587f14795f6f9089fd38f0d164b2b"),
            bytes: Some(636530),
            pages: Some(42),
            producer: some("Aspose.Pdf for .NET 20.4"),
            title: some("Agenda Document for Scrutiny for Policies, Children and Families Committee"),
        },
        document_type: DocumentType::AgendaPack,
        authority: Some(Authority {
            name: "Somerset Council".into(),
            kind: Some(AuthorityKind::Unitary),
            code: some("E06000066"),
            provenance: prov(1),
        }),
        sections,
        meeting: Some(Meeting {
            body: some("Scrutiny for Policies, Children and Families Committee"),
            date: some("2022-10-03"),
            time: some("13:00"),
            venue: some("Luttrell Room, County Hall, Taunton"),
            members,
            provenance: prov(1),
        }),
        agenda_items: vec![AgendaItem {
            number: "5a".into(),
            title: "Scrutiny Work Programme".into(),
            page_range: Some(PageRange { first: 11, last: 16 }),
            section_ids: strings(&["s5", "s6"]),
            description: some("To discuss any items for the work programme."),
            lead: some("Jamie Jackson, Service Manager"),
            time_allowed_minutes: Some(20),
            exempt: true,
            provenance: prov(2),
        }],
        minute_items: vec![MinuteItem {
            number: some("OS 23/44"),
            title: "Declarations of Interest".into(),
            agenda_item: some("2"),
            meeting_date: some("2022-07-11"),
            text: "There were no declarations of interest.".into(),
            resolutions: strings(&["RESOLVED that the minutes be agreed."]),
            provenance: prov(11),
        }],
        actions,
        work_programme: vec![ProgrammeEntry {
            meeting_date: some("2022-11-07"),
            theme: some("SEND"),
            item: "SEND Strategy development".into(),
            lead: some("Director of Children's Services"),
            provisional: true,
            provenance: prov(15),
        }],
        savings,
        savings_totals: vec![SavingsTotal {
            label: "Total".into(),
            target: money("66877100"),
            over_achieved: money("1234.56"),
            achieved: money("-250000"),
            on_track: money("0"),
            at_risk: money("3041100"),
            forecast: money("66877100"),
            reconciles: false,
            discrepancies: strings(&["target: rows add to 66877000, printed 66877100"]),
            provenance: prov(41),
        }],
        inspection: Some(Inspection {
            subject: some("Somerset local authority children's services"),
            start_date: some("2022-06-13"),
            end_date: some("2022-06-24"),
            lead_inspector: some("Jan Edwards"),
            lead_inspector_role: some("His Majesty's Inspector"),
            improvements: strings(&["The quality of supervision of social workers."]),
            paragraph_count: 1,
            paragraphs: vec![Paragraph {
                number: "1".into(),
                section: some("What needs to improve?"),
                text: "Children in Somerset benefit from…".into(),
                page: 20,
            }],
            provenance: prov(19),
        }),
        judgements,
        progress: Some(Progress {
            title: "Children's Transformation Programme".into(),
            period: some("June 2024"),
            overall_status: Some(RagStatus::Amber),
            summary: strings(&["The programme is on track overall."]),
            working_well: strings(&["Finance: savings delivered to plan"]),
            not_working_well: strings(&["Placement costs remain high"]),
            escalations: strings(&["None this period"]),
            provenance: prov(1),
        }),
        workstreams,
        warnings,
    }
}

fn to_json<T: serde::Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap_or_else(|e| panic!("serialise: {e}"))
}

fn errors_of(v: &Value) -> Option<String> {
    match contract::validate(v) {
        Ok(()) => None,
        Err(SchemaError::Invalid(es)) => Some(es.join("\n")),
        Err(e) => panic!("schema itself is broken: {e}"),
    }
}

fn assert_valid(v: &Value, what: &str) {
    if let Some(e) = errors_of(v) {
        panic!("{what} should validate, but:\n{e}");
    }
}

/// Fails if the serialised object has a null, an empty list or an empty map anywhere: the
/// populated extraction must exercise every field's non-empty form.
fn assert_no_empties(v: &Value, path: &str) {
    match v {
        Value::Null => panic!("{path} is null in the populated extraction"),
        Value::Array(a) => {
            assert!(!a.is_empty(), "{path} is an empty list in the populated extraction");
            for (i, x) in a.iter().enumerate() {
                assert_no_empties(x, &format!("{path}/{i}"));
            }
        }
        Value::Object(o) => {
            assert!(!o.is_empty(), "{path} is an empty object in the populated extraction");
            for (k, x) in o {
                assert_no_empties(x, &format!("{path}/{k}"));
            }
        }
        _ => {}
    }
}

/// The string values at `path` (`*` = every element of a list).
fn values_at(v: &Value, path: &[&str]) -> BTreeSet<String> {
    let mut here = vec![v];
    for step in path {
        here = here
            .into_iter()
            .flat_map(|x| match (*step, x) {
                ("*", Value::Array(a)) => a.iter().collect::<Vec<_>>(),
                (k, Value::Object(o)) => o.get(k).into_iter().collect(),
                _ => vec![],
            })
            .collect();
    }
    here.into_iter().filter_map(|x| x.as_str().map(str::to_string)).collect()
}

// (1) The drift test.

#[test]
fn populated_extraction_validates() {
    let e = populated();
    let v = to_json(&e);
    assert_no_empties(&v, "");
    assert_valid(&v, "the populated extraction");
    // What was written reads back the same through the strict serde types.
    let back: Extraction = serde_json::from_value(v.clone()).unwrap_or_else(|err| panic!("read back: {err}"));
    assert_eq!(back, e);
    // Exact money: 66,877.1 in £000 is written as the integer 66877100; pence stay pence.
    assert_eq!(v["savings"][0]["target"], json!(66877100));
    assert_eq!(v["savings"][0]["over_achieved"], json!(1234.56));
    // The serde rename: `reference` is written `ref`.
    assert_eq!(v["savings"][0]["ref"], json!("CF-01"));
    for t in document_types() {
        let mut x = e.clone();
        x.document_type = t;
        assert_valid(&to_json(&x), &format!("an extraction of type {}", code(t)));
    }
    for k in authority_kinds() {
        let mut x = e.clone();
        if let Some(a) = x.authority.as_mut() {
            a.kind = Some(k);
        }
        assert_valid(&to_json(&x), &format!("an authority of kind {}", code(k)));
    }
    // An empty extraction (every list empty, every object null) is valid too.
    assert_valid(&to_json(&Extraction::empty(e.source.clone())), "the empty extraction");
    // 1.1's nullable forms: no authority, an unnumbered minute, an authority without kind or code.
    let mut x = e.clone();
    x.minute_items[0].number = None;
    if let Some(a) = x.authority.as_mut() {
        (a.kind, a.code) = (None, None);
    }
    assert_valid(&to_json(&x), "an unnumbered minute and an authority without kind or code");
    x.authority = None;
    assert_valid(&to_json(&x), "an extraction without authority");
}

#[test]
fn populated_extraction_uses_every_variant() {
    let v = to_json(&populated());
    let used = |path: &[&str]| values_at(&v, path);
    assert_eq!(used(&["sections", "*", "kind"]), schema_values("SectionKind"));
    assert_eq!(used(&["meeting", "members", "*", "role"]), schema_values("MemberRole"));
    assert_eq!(used(&["meeting", "members", "*", "attendance"]), schema_values("Attendance"));
    assert_eq!(used(&["actions", "*", "origin"]), schema_values("ActionOrigin"));
    assert_eq!(used(&["actions", "*", "status"]), schema_values("ActionStatus"));
    assert_eq!(used(&["savings", "*", "rag"]), schema_values("Rag"));
    assert_eq!(used(&["savings", "*", "status"]), schema_values("SavingStatus"));
    assert_eq!(used(&["savings", "*", "unit_source"]), schema_values("UnitSource"));
    assert_eq!(used(&["workstreams", "*", "project_details", "*", "status"]), schema_values("Rag"));
    assert_eq!(used(&["judgements", "*", "grade_code"]), schema_values("GradeCode"));
    assert_eq!(used(&["workstreams", "*", "status"]), schema_values("Rag"));
    assert_eq!(used(&["warnings", "*", "code"]), schema_values("WarningCode"));
}

/// The schema's own discipline: every object closed, every property required.
#[test]
fn every_object_is_closed_and_every_field_required() {
    let schema = contract::schema_json();
    let defs = schema["$defs"].as_object().unwrap_or_else(|| panic!("schema has no $defs"));
    let mut objects = 0;
    for (name, d) in defs {
        let Some(props) = d.get("properties").and_then(Value::as_object) else { continue };
        objects += 1;
        assert_eq!(d["additionalProperties"], json!(false), "$defs/{name} is open");
        let required: BTreeSet<&str> =
            d["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        let declared: BTreeSet<&str> = props.keys().map(String::as_str).collect();
        assert_eq!(required, declared, "$defs/{name}: required differs from properties");
        for (field, p) in props {
            let documented = p.get("description").is_some() || p.get("$ref").is_some();
            assert!(documented, "$defs/{name}/{field} has no description");
        }
    }
    // Extraction, Failure, Tool, Source, Authority (1.1), Section, Provenance, Meeting, Member, PageRange,
    // AgendaItem, MinuteItem, Action, ProgrammeEntry, Saving, SavingsTotal, Inspection, Paragraph,
    // Judgement, Progress, Workstream, ProjectDetail (1.1), Warning, ErrorObject.
    assert_eq!(objects, 24);
}

// (2) Failures.

#[test]
fn failure_for_every_error_code_validates() {
    for c in error_codes() {
        let src = if c == ErrorCode::NotFound {
            councilpdf::missing_source("folder/notes.pdf")
        } else {
            councilpdf::source_of("folder/notes.pdf", b"<html>not a pdf</html>")
        };
        let out = councilpdf::failure(src, c, "why it failed");
        let v = to_json(&out);
        assert_valid(&v, &format!("a {} failure", c.as_str()));
        assert_eq!(v["error"]["code"], json!(c.as_str()));
        assert_eq!(v["source"]["file"], json!("notes.pdf"));
        assert_eq!(v["source"]["pages"], Value::Null);
        assert_eq!(v["source"]["path"], json!("folder/notes.pdf"));
    }
    assert_eq!(codes(&error_codes()), schema_values("ErrorCode"));
}

// (3) Broken objects.

fn set(v: &mut Value, pointer: &str, x: Value) {
    *v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}")) = x;
}

fn remove(v: &mut Value, pointer: &str, key: &str) {
    let obj = v
        .pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {pointer}"));
    assert!(obj.remove(key).is_some(), "{pointer} has no {key}");
}

fn insert(v: &mut Value, pointer: &str, key: &str, x: Value) {
    let obj = v
        .pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {pointer}"));
    obj.insert(key.into(), x);
}

#[test]
fn broken_objects_are_rejected() {
    let good = to_json(&populated());
    assert_valid(&good, "the populated extraction");
    type Breaker = fn(&mut Value);
    // (what is broken, how, a fragment the violation report must contain)
    let cases: &[(&str, Breaker, &str)] = &[
        ("missing top-level field", |v| remove(v, "", "warnings"), "\"warnings\" is a required property"),
        (
            "missing nested field",
            |v| remove(v, "/meeting", "venue"),
            "/meeting: \"venue\" is a required property",
        ),
        ("missing nullable field", |v| remove(v, "/savings/0", "rag_text"), "/savings/0: \"rag_text\""),
        ("unknown top-level field", |v| insert(v, "", "notes", json!("x")), "'notes' was unexpected"),
        (
            "unknown nested field",
            |v| insert(v, "/savings/0", "category", json!("x")),
            "/savings/0: Additional properties",
        ),
        (
            "unknown provenance field",
            |v| insert(v, "/judgements/0/provenance", "column", json!(2)),
            "/judgements/0/provenance",
        ),
        ("bad document_type", |v| set(v, "/document_type", json!("pamphlet")), "/document_type"),
        ("bad section kind", |v| set(v, "/sections/0/kind", json!("appendix")), "/sections/0/kind"),
        ("bad warning code", |v| set(v, "/warnings/0/code", json!("something_odd")), "/warnings/0/code"),
        (
            "enum in wrong case",
            |v| set(v, "/judgements/0/grade_code", json!("Good")),
            "/judgements/0/grade_code",
        ),
        ("money as a string", |v| set(v, "/savings/0/target", json!("66877100")), "/savings/0/target"),
        (
            "money as a printed string",
            |v| set(v, "/savings_totals/0/at_risk", json!("£3,041.1")),
            "/savings_totals/0/at_risk",
        ),
        (
            "column money as a string",
            |v| set(v, "/savings/0/columns/Target £000", json!("66877100")),
            "/savings/0/columns",
        ),
        ("meeting date as printed", |v| set(v, "/meeting/date", json!("3 October 2022")), "/meeting/date"),
        (
            "minute date day-first",
            |v| set(v, "/minute_items/0/meeting_date", json!("03/10/2022")),
            "/minute_items/0/meeting_date",
        ),
        (
            "inspection date unpadded",
            |v| set(v, "/inspection/start_date", json!("2022-6-13")),
            "/inspection/start_date",
        ),
        (
            "programme date with time",
            |v| set(v, "/work_programme/0/meeting_date", json!("2022-11-07T10:00")),
            "/work_programme/0/meeting_date",
        ),
        (
            "action meeting date as words",
            |v| set(v, "/actions/0/meeting_date", json!("July 2022")),
            "/actions/0/meeting_date",
        ),
        ("time in 12-hour form", |v| set(v, "/meeting/time", json!("1pm")), "/meeting/time"),
        ("time with a dot", |v| set(v, "/meeting/time", json!("13.00")), "/meeting/time"),
        (
            "bbox of three numbers",
            |v| set(v, "/actions/0/provenance/bbox", json!([1.0, 2.0, 3.0])),
            "/actions/0/provenance/bbox",
        ),
        (
            "bbox with a string",
            |v| set(v, "/actions/0/provenance/bbox", json!([1.0, 2.0, 3.0, "4"])),
            "/actions/0/provenance/bbox",
        ),
        ("page 0", |v| set(v, "/warnings/0/page", json!(0)), "/warnings/0/page"),
        ("item number as a number", |v| set(v, "/agenda_items/0/number", json!(5)), "/agenda_items/0/number"),
        ("exempt as a string", |v| set(v, "/agenda_items/0/exempt", json!("yes")), "/agenda_items/0/exempt"),
        ("schema version 2", |v| set(v, "/schema_version", json!("2.0")), "/schema_version"),
        ("schema version 1.2", |v| set(v, "/schema_version", json!("1.2")), "/schema_version"),
        // A 1.1 object missing any of the fields 1.1 added.
        ("1.1 without authority", |v| remove(v, "", "authority"), "\"authority\" is a required property"),
        (
            "1.1 without source.path",
            |v| remove(v, "/source", "path"),
            "/source: \"path\" is a required property",
        ),
        (
            "1.1 without unit_source",
            |v| remove(v, "/savings/0", "unit_source"),
            "/savings/0: \"unit_source\" is a required property",
        ),
        (
            "1.1 with a null unit_source",
            |v| set(v, "/savings/0/unit_source", Value::Null),
            "/savings/0/unit_source",
        ),
        (
            "1.1 without project_details",
            |v| remove(v, "/workstreams/0", "project_details"),
            "/workstreams/0: \"project_details\" is a required property",
        ),
        (
            "bad unit_source",
            |v| set(v, "/savings/0/unit_source", json!("footnote")),
            "/savings/0/unit_source",
        ),
        ("bad authority kind", |v| set(v, "/authority/kind", json!("shire")), "/authority/kind"),
        (
            "authority without name",
            |v| remove(v, "/authority", "name"),
            "/authority: \"name\" is a required property",
        ),
        ("GSS code malformed", |v| set(v, "/authority/code", json!("Kent")), "/authority/code"),
        ("null sha256 on a read file", |v| set(v, "/source/sha256", Value::Null), "/source/sha256"),
        ("null bytes on a read file", |v| set(v, "/source/bytes", Value::Null), "/source/bytes"),
        (
            "unknown project field",
            |v| insert(v, "/workstreams/0/project_details/0", "budget", json!(1)),
            "/workstreams/0/project_details/0",
        ),
        ("null for a list", |v| set(v, "/judgements", Value::Null), "/judgements"),
    ];
    for (what, breaker, expect) in cases {
        let mut v = good.clone();
        breaker(&mut v);
        match errors_of(&v) {
            None => panic!("{what}: the broken object validated"),
            Some(e) => {
                assert!(e.contains(expect), "{what}: expected a violation mentioning {expect:?}, got:\n{e}")
            }
        }
    }
}

#[test]
fn due_keeps_printed_words() {
    // `due` is an ISO date only where the text gives a day; otherwise the words as printed.
    let mut v = to_json(&populated());
    for due in ["End of March 2023", "2023-03-31", "ongoing"] {
        set(&mut v, "/actions/0/due", json!(due));
        assert_valid(&v, &format!("an action due {due:?}"));
    }
}

#[test]
fn broken_failures_are_rejected() {
    let good = to_json(&councilpdf::failure(
        councilpdf::source_of("a.pdf", b"%PDF-1.4 truncated"),
        ErrorCode::Malformed,
        "no xref",
    ));
    assert_valid(&good, "a malformed failure");
    type Breaker = fn(&mut Value);
    let cases: &[(&str, Breaker, &str)] = &[
        ("unknown error code", |v| set(v, "/error/code", json!("corrupt")), "/error/code"),
        ("missing message", |v| remove(v, "/error", "message"), "/error: \"message\" is a required property"),
        (
            "extraction field on a failure",
            |v| insert(v, "", "sections", json!([])),
            "'sections' was unexpected",
        ),
        (
            "sha256 in capitals",
            |v| {
                set(
                    v,
                    "/source/sha256",
                    json!("D26476FFCC87F40372333FF057EAD3C9AAE587F14795F6F9089FD38F0D164B2B"),
                )
            },
            "/source/sha256",
        ),
        ("another tool", |v| set(v, "/tool/name", json!("pdfplumber")), "/tool/name"),
        ("null sha256 but not not_found", |v| set(v, "/source/sha256", Value::Null), "/source/sha256"),
        ("null bytes but not not_found", |v| set(v, "/source/bytes", Value::Null), "/source/bytes"),
        ("not_found with a sha256", |v| set(v, "/error/code", json!("not_found")), "/source/sha256"),
        (
            "1.1 failure without source.path",
            |v| remove(v, "/source", "path"),
            "\"path\" is a required property",
        ),
    ];
    for (what, breaker, expect) in cases {
        let mut v = good.clone();
        breaker(&mut v);
        match errors_of(&v) {
            None => panic!("{what}: the broken failure validated"),
            Some(e) => {
                assert!(e.contains(expect), "{what}: expected a violation mentioning {expect:?}, got:\n{e}")
            }
        }
    }
}

// (4) Every fixture's output.

fn pdfs_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")))
        .collect();
    v.sort();
    v
}

#[test]
fn every_fixture_output_validates() {
    let mut names: Vec<String> = pdfs_in(&fixture(""))
        .iter()
        .chain(&pdfs_in(&fixture("real")))
        .map(|p| {
            let rel =
                p.strip_prefix(fixture("")).unwrap_or_else(|_| panic!("{} outside fixtures", p.display()));
            rel.to_string_lossy().into_owned()
        })
        .collect();
    names.sort();
    // The three sample papers and the real ones, including the HTML page saved as .pdf.
    assert!(names.len() >= 19, "only {} fixture PDFs found", names.len());
    let mut failures = 0;
    for name in &names {
        let out = convert(name);
        assert_ne!(out.error_code(), Some(ErrorCode::Internal), "{name} gave an internal error");
        if out.error_code().is_some() {
            failures += 1;
        }
        let v = to_json(&out);
        if let Some(e) = errors_of(&v) {
            panic!("{name}: output breaks the contract:\n{e}");
        }
    }
    // Both shapes are exercised: the saved HTML error page is a not_pdf failure.
    let notpdf = convert("real/ofsted-NOTPDF-birmingham-2012-html-errorpage.pdf");
    assert_eq!(notpdf.error_code(), Some(ErrorCode::NotPdf));
    assert!(failures < names.len(), "every fixture failed to read");
}

// (5) Code lists.

#[test]
fn warning_codes_match_the_schema() {
    let listed = schema_values("WarningCode");
    let emitted = codes(&warning_codes());
    assert_eq!(emitted, listed, "WarningCode variants vs $defs/WarningCode");
    // At least the codes the contract names, 1.0's and 1.1's.
    for c in [
        "authority_unknown",
        "document_type_uncertain",
        "numbering_out_of_order",
        "paragraph_gap",
        "page_ranges_overlap",
        "date_inconsistent",
        "grade_unrecognised",
        "page_budget_exceeded",
        "status_unreadable",
        "no_text_layer",
        "garbled_text",
        "page_unreadable",
        "page_range_unmatched",
        "totals_mismatch",
        "grade_mismatch",
        "unit_missing",
    ] {
        assert!(listed.contains(c), "{c} missing from the schema");
    }
    // Each code has its meaning written beside it.
    let schema = contract::schema_json();
    for b in schema["$defs"]["WarningCode"]["oneOf"].as_array().into_iter().flatten() {
        let d = b["description"].as_str().unwrap_or("");
        assert!(d.len() > 20, "warning code {} has no meaning", b["const"]);
    }
}

#[test]
fn every_enum_matches_the_schema() {
    assert_eq!(codes(&document_types()), schema_values("DocumentType"));
    assert_eq!(codes(&section_kinds()), schema_values("SectionKind"));
    assert_eq!(codes(&member_roles()), schema_values("MemberRole"));
    assert_eq!(codes(&attendances()), schema_values("Attendance"));
    assert_eq!(codes(&action_origins()), schema_values("ActionOrigin"));
    assert_eq!(codes(&action_statuses()), schema_values("ActionStatus"));
    assert_eq!(codes(&rags()), schema_values("Rag"));
    assert_eq!(codes(&saving_statuses()), schema_values("SavingStatus"));
    assert_eq!(codes(&grade_codes()), schema_values("GradeCode"));
    assert_eq!(codes(&rag_statuses()), schema_values("RagStatus"));
    assert_eq!(codes(&error_codes()), schema_values("ErrorCode"));
    assert_eq!(codes(&authority_kinds()), schema_values("AuthorityKind"));
    assert_eq!(codes(&unit_sources()), schema_values("UnitSource"));
}

// The CLI.

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("schema-cli").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

fn run(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let out = Command::new(bin()).args(args).output().unwrap_or_else(|e| panic!("run councilpdf: {e}"));
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn cli_validate_passes_extract_output_and_fails_a_broken_file() {
    let dir = scratch("validate");
    let pdf = fixture("somerset-childrens-transformation-progress-2024-06.pdf");
    let (rc, _) = run(&["extract".as_ref(), pdf.as_os_str(), "--out".as_ref(), dir.as_os_str()]);
    assert_eq!(rc, 0, "extract failed");
    let good = dir.join("somerset-childrens-transformation-progress-2024-06.json");
    let (rc, stdout) = run(&["validate".as_ref(), good.as_os_str()]);
    assert_eq!(rc, 0, "valid file rejected: {stdout}");
    assert!(stdout.contains("#1: valid"), "{stdout}");

    // The same file broken by hand: bytes as a string.
    let text = std::fs::read_to_string(&good).unwrap_or_else(|e| panic!("{e}"));
    let mut v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    set(&mut v, "/source/bytes", json!("60291"));
    let bad = dir.join("broken.json");
    std::fs::write(&bad, serde_json::to_string_pretty(&v).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    let (rc, stdout) = run(&["validate".as_ref(), bad.as_os_str()]);
    assert_eq!(rc, 1, "broken file passed: {stdout}");
    assert!(stdout.contains("INVALID") && stdout.contains("/source/bytes"), "{stdout}");

    // NDJSON: one good line and one broken line; the run fails and says which.
    let mut broken = to_json(&populated());
    remove(&mut broken, "", "document_type");
    let ndjson = format!("{}\n{}\n", to_json(&populated()), broken);
    let nd = dir.join("batch.ndjson");
    std::fs::write(&nd, ndjson).unwrap_or_else(|e| panic!("{e}"));
    let (rc, stdout) = run(&["validate".as_ref(), nd.as_os_str()]);
    assert_eq!(rc, 1, "{stdout}");
    assert!(stdout.contains("#1: valid") && stdout.contains("#2: INVALID"), "{stdout}");
}
