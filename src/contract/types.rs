//! Serde types of the output contract v1 (`../shared/CONTRACT.md`, `schemas/councilpdf.schema.json`).
//!
//! Names here are the dashboards' names: extend, never rename.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::money::Money;

/// The version this build writes.
pub const SCHEMA_VERSION: &str = "1.1";

/// Every version this build reads (`validate`, `export`, `check`); a field an older version
/// lacks reads as null or empty.
pub const SCHEMA_VERSIONS: &[&str] = &["1.0", "1.1"];

/// One JSON object per input PDF.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Extraction {
    pub schema_version: String,
    pub tool: Tool,
    pub source: Source,
    pub document_type: DocumentType,
    /// Whose paper this is (1.1); null where no authority is named, or in a 1.0 file.
    #[serde(default)]
    pub authority: Option<Authority>,
    pub sections: Vec<Section>,
    pub meeting: Option<Meeting>,
    pub agenda_items: Vec<AgendaItem>,
    pub minute_items: Vec<MinuteItem>,
    pub actions: Vec<Action>,
    pub work_programme: Vec<ProgrammeEntry>,
    pub savings: Vec<Saving>,
    pub savings_totals: Vec<SavingsTotal>,
    pub inspection: Option<Inspection>,
    pub judgements: Vec<Judgement>,
    pub progress: Option<Progress>,
    pub workstreams: Vec<Workstream>,
    pub warnings: Vec<Warning>,
}

/// The object written for a file that could not be read at all.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Failure {
    pub schema_version: String,
    pub tool: Tool,
    pub source: Source,
    pub error: ErrorObject,
}

/// Either result a file can give; what `extract` writes and `check`/`export` read back.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
#[allow(clippy::large_enum_variant)] // a failure is rare and small enough; boxing it buys nothing
pub enum Output {
    Ok(Box<Extraction>),
    Failed(Failure),
}

impl Output {
    pub fn source(&self) -> &Source {
        match self {
            Output::Ok(e) => &e.source,
            Output::Failed(f) => &f.source,
        }
    }
    pub fn tool(&self) -> &Tool {
        match self {
            Output::Ok(e) => &e.tool,
            Output::Failed(f) => &f.tool,
        }
    }
    pub fn error_code(&self) -> Option<ErrorCode> {
        match self {
            Output::Ok(_) => None,
            Output::Failed(f) => Some(f.error.code),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

impl Tool {
    pub fn this() -> Self {
        Tool { name: "councilpdf".into(), version: env!("CARGO_PKG_VERSION").into() }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub file: String,
    /// The path as given (relative to a walked folder argument; `-` for standard input), 1.1.
    #[serde(default)]
    pub path: Option<String>,
    /// Null only for a `not_found` failure (the file is not there to hash).
    pub sha256: Option<String>,
    /// Null only for a `not_found` failure.
    pub bytes: Option<u64>,
    pub pages: Option<u32>,
    pub producer: Option<String>,
    pub title: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    AgendaPack,
    Minutes,
    ProgressReport,
    OfstedReport,
    CommitteeReport,
    Unknown,
}

/// The council, trust, school or body whose paper this is (1.1).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// In full, as it names itself ("Kent County Council").
    pub name: String,
    pub kind: Option<AuthorityKind>,
    /// The ONS GSS code of a principal council as of the paper's date; null for parish and
    /// community councils and where the project's table has no row.
    pub code: Option<String>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum AuthorityKind {
    County,
    District,
    Unitary,
    Metropolitan,
    LondonBorough,
    WelshPrincipal,
    ScottishCouncil,
    Parish,
    Community,
    Trust,
    School,
    Parliament,
    Other,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Cover,
    Agenda,
    Guidance,
    Minutes,
    WorkProgramme,
    ActionTracker,
    OfstedReport,
    Presentation,
    CommitteeReport,
    ProgressReport,
    Blank,
    Other,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub kind: SectionKind,
    pub title: Option<String>,
    pub first_page: u32,
    pub last_page: u32,
}

/// Where a record was read: 1-based physical page, bbox in points, origin top-left.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    pub page: u32,
    pub bbox: [f64; 4],
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub body: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
    pub venue: Option<String>,
    pub members: Vec<Member>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    pub role: MemberRole,
    pub attendance: Option<Attendance>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    Chair,
    ViceChair,
    Member,
    CoOpted,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Present,
    Virtual,
    Apologies,
    Absent,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PageRange {
    pub first: u32,
    pub last: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub number: String,
    pub title: String,
    pub page_range: Option<PageRange>,
    pub section_ids: Vec<String>,
    pub description: Option<String>,
    pub lead: Option<String>,
    pub time_allowed_minutes: Option<u32>,
    pub exempt: bool,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MinuteItem {
    /// Null for an unnumbered item ("Election of Chair" before minute 1), 1.1.
    pub number: Option<String>,
    pub title: String,
    pub agenda_item: Option<String>,
    pub meeting_date: Option<String>,
    pub text: String,
    pub resolutions: Vec<String>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ActionOrigin {
    Minutes,
    ActionTracker,
    ProgressReport,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Completed,
    Pending,
    Incomplete,
    Open,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub status: Option<ActionStatus>,
    pub status_text: Option<String>,
    pub origin: ActionOrigin,
    pub meeting_date: Option<String>,
    pub agenda_item: Option<String>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeEntry {
    pub meeting_date: Option<String>,
    pub theme: Option<String>,
    pub item: String,
    pub lead: Option<String>,
    pub provisional: bool,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Rag {
    Red,
    Amber,
    Green,
    Blue,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SavingStatus {
    OverAchieved,
    Achieved,
    OnTrack,
    AtRisk,
    Mixed,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Saving {
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    pub description: String,
    pub directorate: Option<String>,
    pub period: Option<String>,
    pub unit: u32,
    /// Where the governing unit was stated (1.1). Always set in what this build writes (the
    /// schema requires it); None only when read from a 1.0 file.
    #[serde(default)]
    pub unit_source: Option<UnitSource>,
    pub target: Option<Money>,
    pub over_achieved: Option<Money>,
    pub achieved: Option<Money>,
    pub on_track: Option<Money>,
    pub at_risk: Option<Money>,
    pub forecast: Option<Money>,
    pub variance: Option<Money>,
    pub undeliverable: Option<Money>,
    pub rag: Option<Rag>,
    pub rag_text: Option<String>,
    pub status: Option<SavingStatus>,
    pub comment: Option<String>,
    pub columns: BTreeMap<String, Option<Money>>,
    pub provenance: Provenance,
}

/// Where a savings table's unit was printed; `assumed` when nowhere (pounds assumed).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum UnitSource {
    Header,
    Caption,
    Note,
    Text,
    Title,
    Assumed,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SavingsTotal {
    pub label: String,
    pub target: Option<Money>,
    pub over_achieved: Option<Money>,
    pub achieved: Option<Money>,
    pub on_track: Option<Money>,
    pub at_risk: Option<Money>,
    pub forecast: Option<Money>,
    pub reconciles: bool,
    pub discrepancies: Vec<String>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    pub subject: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub lead_inspector: Option<String>,
    pub lead_inspector_role: Option<String>,
    pub improvements: Vec<String>,
    pub paragraph_count: u32,
    pub paragraphs: Vec<Paragraph>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub number: String,
    pub section: Option<String>,
    pub text: String,
    pub page: u32,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum GradeCode {
    Outstanding,
    Good,
    RequiresImprovementToBeGood,
    RequiresImprovement,
    Inadequate,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    pub area: String,
    pub grade: String,
    pub grade_code: GradeCode,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RagStatus {
    Red,
    Amber,
    Green,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub title: String,
    pub period: Option<String>,
    pub overall_status: Option<RagStatus>,
    pub summary: Vec<String>,
    pub working_well: Vec<String>,
    pub not_working_well: Vec<String>,
    pub escalations: Vec<String>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Workstream {
    pub name: String,
    pub projects: Vec<String>,
    /// A projects table's rows (1.1); `projects` keeps the names.
    #[serde(default)]
    pub project_details: Vec<ProjectDetail>,
    /// Red, amber, green or blue (complete), as a project's status (1.1).
    pub status: Option<Rag>,
    pub working_well: Vec<String>,
    pub not_working_well: Vec<String>,
    pub escalations: Vec<String>,
    pub provenance: Provenance,
}

/// One row of a workstream's projects table (1.1).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ProjectDetail {
    pub name: String,
    pub lead: Option<String>,
    pub status: Option<Rag>,
    /// As printed.
    pub milestone: Option<String>,
    pub provenance: Provenance,
}

/// Something noticed but not settled. Codes are listed in `WarningCode` and the schema.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    pub code: WarningCode,
    pub message: String,
    pub page: Option<u32>,
}

impl Warning {
    pub fn new(code: WarningCode, message: impl Into<String>, page: Option<u32>) -> Self {
        Warning { code, message: message.into(), page }
    }
}

/// Every warning code the tool emits; each is documented in the schema's `$defs/WarningCode`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// No page has a text layer (a scan): nothing can be extracted without OCR.
    NoTextLayer,
    /// A font maps glyphs to the wrong characters; the text of that page is unreliable.
    GarbledText,
    /// The PDF layer could not read a page; the other pages were read.
    PageUnreadable,
    /// A printed page range could not be mapped to physical pages, or its ends fall inside sections.
    PageRangeUnmatched,
    /// A printed total differs from the sum of the rows it covers.
    TotalsMismatch,
    /// A grade printed in a section heading disagrees with the judgement table.
    GradeMismatch,
    /// A table of money has no unit printed in its header, caption or notes; pounds assumed.
    UnitMissing,
    /// Part of the file was damaged and repaired or skipped (bad references, missing fonts).
    RepairedInput,
    /// The file has pages with text and pages without (a partial scan).
    PartialTextLayer,
    /// A value was printed but could not be read as what its column holds.
    UnparsedValue,
    /// A record expected from the document's structure was not found.
    MissingRecord,
    /// An extractor failed on this file; its records are missing, the others are kept.
    ExtractorFailed,
    /// No authority is named in the paper (1.1).
    AuthorityUnknown,
    /// The document type was a close call; the message names the runner-up type (1.1).
    DocumentTypeUncertain,
    /// Minute, agenda or paragraph numbers go backwards or repeat (1.1).
    NumberingOutOfOrder,
    /// Numbered paragraphs skip a number (1.1).
    ParagraphGap,
    /// Two agenda items' printed page ranges overlap (1.1).
    PageRangesOverlap,
    /// Dates that cannot all be right: an inspection ending before it starts, a meeting date
    /// more than two years from every other date in the paper (1.1).
    DateInconsistent,
    /// A grade was printed that is none of the known grades (1.1).
    GradeUnrecognised,
    /// A page stopped drawing after its work budget; the text read so far is kept (1.1).
    PageBudgetExceeded,
    /// A status printed only as a colour that is not red, amber, green or blue (1.1).
    StatusUnreadable,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ErrorObject {
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input path does not exist (1.1); `source.sha256` and `source.bytes` are null.
    NotFound,
    NotPdf,
    Encrypted,
    Malformed,
    Timeout,
    TooLarge,
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "not_found",
            ErrorCode::NotPdf => "not_pdf",
            ErrorCode::Encrypted => "encrypted",
            ErrorCode::Malformed => "malformed",
            ErrorCode::Timeout => "timeout",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::Internal => "internal",
        }
    }
}

impl Extraction {
    /// An empty extraction for `source`: every list empty, every object null.
    pub fn empty(source: Source) -> Self {
        Extraction {
            schema_version: SCHEMA_VERSION.into(),
            tool: Tool::this(),
            source,
            document_type: DocumentType::Unknown,
            authority: None,
            sections: vec![],
            meeting: None,
            agenda_items: vec![],
            minute_items: vec![],
            actions: vec![],
            work_programme: vec![],
            savings: vec![],
            savings_totals: vec![],
            inspection: None,
            judgements: vec![],
            progress: None,
            workstreams: vec![],
            warnings: vec![],
        }
    }
}
