//! The contract flattened into named tables with a fixed column order.
//!
//! Every table but `documents` starts with `sha256, file, page`: the document the row came
//! from (its key in `documents`) and the physical page, so a figure can be traced to the paper.
//! Records with a bbox end with `x0, y0, x1, y1` (points, origin top-left). `seq` is the
//! record's 1-based position in its list, which child tables use to point at their parent
//! (`saving_columns.saving_seq`, `resolutions.minute_seq`, `list_items.workstream_seq`,
//! `projects.workstream_seq`). A `not_found` failure has no sha256 and gives no rows.
//! Money is pounds after the unit, dates ISO, booleans `true`/`false` (0/1 in SQLite), lists
//! of short strings joined with `; ` (section_ids) or a line break (discrepancies).

use rust_decimal::Decimal;

use crate::contract::{Extraction, Output, Provenance};

/// What a column holds, which sets its SQLite type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Int,
    /// Exact pounds.
    Money,
    Real,
    Bool,
}

/// One table: its name and its columns in their fixed order.
#[derive(Debug, Clone, Copy)]
pub struct TableDef {
    pub name: &'static str,
    pub columns: &'static [(&'static str, Kind)],
}

impl TableDef {
    pub fn column_names(&self) -> impl Iterator<Item = &'static str> {
        self.columns.iter().map(|(n, _)| *n)
    }
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Text(String),
    Int(i64),
    Money(Decimal),
    Real(f64),
    Bool(bool),
}

impl Cell {
    /// The CSV form: money as plain digits, booleans as `true`/`false`, null as empty.
    pub fn to_csv(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Money(d) => d.normalize().to_string(),
            Cell::Real(f) => f.to_string(),
            Cell::Bool(b) => b.to_string(),
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}
impl From<&String> for Cell {
    fn from(s: &String) -> Cell {
        Cell::Text(s.clone())
    }
}
impl From<Option<&String>> for Cell {
    fn from(s: Option<&String>) -> Cell {
        s.map_or(Cell::Null, |s| Cell::Text(s.clone()))
    }
}
impl From<&Option<String>> for Cell {
    fn from(s: &Option<String>) -> Cell {
        s.as_ref().into()
    }
}
impl From<u32> for Cell {
    fn from(v: u32) -> Cell {
        Cell::Int(i64::from(v))
    }
}
impl From<usize> for Cell {
    fn from(v: usize) -> Cell {
        Cell::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<Option<u32>> for Cell {
    fn from(v: Option<u32>) -> Cell {
        v.map_or(Cell::Null, Cell::from)
    }
}
impl From<bool> for Cell {
    fn from(b: bool) -> Cell {
        Cell::Bool(b)
    }
}
impl From<Option<crate::contract::Money>> for Cell {
    fn from(m: Option<crate::contract::Money>) -> Cell {
        m.map_or(Cell::Null, |m| Cell::Money(m.0))
    }
}

/// An enum's snake_case name as the contract writes it.
fn name_of<T: serde::Serialize>(v: &T) -> Cell {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Cell::Text(s),
        _ => Cell::Null,
    }
}

fn opt_name<T: serde::Serialize>(v: &Option<T>) -> Cell {
    v.as_ref().map_or(Cell::Null, name_of)
}

use Kind::{Bool as B, Int as I, Money as M, Real as R, Text as T};

/// Prefix of every table but `documents`.
const SRC: [(&str, Kind); 3] = [("sha256", T), ("file", T), ("page", I)];
/// Suffix of tables whose records carry a bbox.
const BOX: [(&str, Kind); 4] = [("x0", R), ("y0", R), ("x1", R), ("y1", R)];

/// Concatenates column lists at compile time.
macro_rules! cols {
    ($($part:expr),* $(,)?) => {{
        const PARTS: &[&[(&str, Kind)]] = &[$(&$part),*];
        const N: usize = { let mut n = 0; let mut i = 0; while i < PARTS.len() { n += PARTS[i].len(); i += 1; } n };
        const ALL: [(&str, Kind); N] = {
            let mut out = [("", Kind::Text); N];
            let (mut k, mut i) = (0, 0);
            while i < PARTS.len() {
                let mut j = 0;
                while j < PARTS[i].len() { out[k] = PARTS[i][j]; k += 1; j += 1; }
                i += 1;
            }
            out
        };
        &ALL
    }};
}

/// Every table, in the order they are written and documented.
pub const TABLES: &[TableDef] = &[
    TableDef {
        name: "documents",
        columns: cols!([
            ("sha256", T),
            ("file", T),
            ("path", T),
            ("bytes", I),
            ("pages", I),
            ("producer", T),
            ("title", T),
            ("document_type", T),
            ("authority", T),
            ("authority_kind", T),
            ("authority_code", T),
            ("schema_version", T),
            ("tool_version", T),
            ("error_code", T),
            ("error_message", T),
        ]),
    },
    TableDef {
        name: "sections",
        columns: cols!(
            SRC,
            [("seq", I), ("id", T), ("kind", T), ("title", T), ("first_page", I), ("last_page", I)]
        ),
    },
    TableDef {
        name: "meetings",
        columns: cols!(SRC, [("body", T), ("date", T), ("time", T), ("venue", T)], BOX),
    },
    TableDef {
        name: "members",
        columns: cols!(SRC, [("meeting_date", T), ("seq", I), ("name", T), ("role", T), ("attendance", T)]),
    },
    TableDef {
        name: "agenda_items",
        columns: cols!(
            SRC,
            [
                ("seq", I),
                ("number", T),
                ("title", T),
                ("page_range_first", I),
                ("page_range_last", I),
                ("section_ids", T),
                ("description", T),
                ("lead", T),
                ("time_allowed_minutes", I),
                ("exempt", B),
            ],
            BOX
        ),
    },
    TableDef {
        name: "minute_items",
        columns: cols!(
            SRC,
            [("seq", I), ("number", T), ("title", T), ("agenda_item", T), ("meeting_date", T), ("text", T)],
            BOX
        ),
    },
    TableDef {
        name: "resolutions",
        columns: cols!(
            SRC,
            [("minute_seq", I), ("minute_number", T), ("meeting_date", T), ("seq", I), ("text", T)]
        ),
    },
    TableDef {
        name: "actions",
        columns: cols!(
            SRC,
            [
                ("seq", I),
                ("text", T),
                ("owner", T),
                ("due", T),
                ("status", T),
                ("status_text", T),
                ("origin", T),
                ("meeting_date", T),
                ("agenda_item", T),
            ],
            BOX
        ),
    },
    TableDef {
        name: "work_programme",
        columns: cols!(
            SRC,
            [("seq", I), ("meeting_date", T), ("theme", T), ("item", T), ("lead", T), ("provisional", B)],
            BOX
        ),
    },
    TableDef {
        name: "savings",
        columns: cols!(
            SRC,
            [
                ("seq", I),
                ("ref", T),
                ("description", T),
                ("directorate", T),
                ("period", T),
                ("unit", I),
                ("unit_source", T),
                ("target", M),
                ("over_achieved", M),
                ("achieved", M),
                ("on_track", M),
                ("at_risk", M),
                ("forecast", M),
                ("variance", M),
                ("undeliverable", M),
                ("rag", T),
                ("rag_text", T),
                ("status", T),
                ("comment", T),
            ],
            BOX
        ),
    },
    TableDef {
        name: "saving_columns",
        columns: cols!(SRC, [("saving_seq", I), ("ref", T), ("seq", I), ("header", T), ("value", M)]),
    },
    TableDef {
        name: "savings_totals",
        columns: cols!(
            SRC,
            [
                ("seq", I),
                ("label", T),
                ("target", M),
                ("over_achieved", M),
                ("achieved", M),
                ("on_track", M),
                ("at_risk", M),
                ("forecast", M),
                ("reconciles", B),
                ("discrepancies", T),
            ],
            BOX
        ),
    },
    TableDef {
        name: "judgements",
        columns: cols!(SRC, [("seq", I), ("area", T), ("grade", T), ("grade_code", T)], BOX),
    },
    TableDef {
        name: "inspections",
        columns: cols!(
            SRC,
            [
                ("subject", T),
                ("start_date", T),
                ("end_date", T),
                ("lead_inspector", T),
                ("lead_inspector_role", T),
                ("paragraph_count", I)
            ],
            BOX
        ),
    },
    TableDef { name: "improvements", columns: cols!(SRC, [("seq", I), ("text", T)]) },
    TableDef {
        name: "paragraphs",
        columns: cols!(SRC, [("seq", I), ("number", T), ("section", T), ("text", T)]),
    },
    TableDef {
        name: "progress",
        columns: cols!(SRC, [("title", T), ("period", T), ("overall_status", T)], BOX),
    },
    TableDef { name: "workstreams", columns: cols!(SRC, [("seq", I), ("name", T), ("status", T)], BOX) },
    TableDef {
        name: "projects",
        columns: cols!(
            SRC,
            [("workstream_seq", I), ("seq", I), ("name", T), ("lead", T), ("status", T), ("milestone", T)],
            BOX
        ),
    },
    TableDef {
        name: "list_items",
        columns: cols!(
            SRC,
            [("owner", T), ("workstream_seq", I), ("workstream", T), ("list", T), ("seq", I), ("text", T)]
        ),
    },
    TableDef { name: "warnings", columns: cols!(SRC, [("seq", I), ("code", T), ("message", T)]) },
];

/// The definition of a table by name.
pub fn table(name: &str) -> Option<&'static TableDef> {
    TABLES.iter().find(|t| t.name == name)
}

/// One document's rows, one list per entry of [`TABLES`] (same order).
#[derive(Debug, Clone)]
pub struct Flat {
    /// The document's key: the sha256 of the file.
    pub sha256: String,
    pub rows: Vec<Vec<Vec<Cell>>>,
}

impl Flat {
    /// The rows of a table by name (empty for an unknown name).
    pub fn rows_of(&self, name: &str) -> &[Vec<Cell>] {
        TABLES.iter().position(|t| t.name == name).and_then(|i| self.rows.get(i)).map_or(&[], Vec::as_slice)
    }

    fn push(&mut self, name: &str, row: Vec<Cell>) {
        let Some(i) = TABLES.iter().position(|t| t.name == name) else { return };
        debug_assert_eq!(TABLES.get(i).map(|t| t.columns.len()), Some(row.len()), "row width of {name}");
        if let Some(rows) = self.rows.get_mut(i) {
            rows.push(row);
        }
    }
}

/// Flattens one output into rows of every table; `None` for a `not_found` failure, which has
/// no sha256 to key a `documents` row (export reports it instead).
pub fn flatten(out: &Output) -> Option<Flat> {
    let src = out.source();
    let sha256 = src.sha256.clone()?;
    let mut flat = Flat { sha256: sha256.clone(), rows: vec![Vec::new(); TABLES.len()] };
    let (doc_type, error_code, error_message, schema_version) = match out {
        Output::Ok(e) => (name_of(&e.document_type), Cell::Null, Cell::Null, Cell::from(&e.schema_version)),
        Output::Failed(f) => (
            Cell::Null,
            Cell::from(f.error.code.as_str()),
            Cell::from(&f.error.message),
            Cell::from(&f.schema_version),
        ),
    };
    let authority = match out {
        Output::Ok(e) => e.authority.as_ref(),
        Output::Failed(_) => None,
    };
    flat.push(
        "documents",
        vec![
            Cell::from(&sha256),
            Cell::from(&src.file),
            (&src.path).into(),
            src.bytes.map_or(Cell::Null, |b| Cell::Int(i64::try_from(b).unwrap_or(i64::MAX))),
            src.pages.into(),
            (&src.producer).into(),
            (&src.title).into(),
            doc_type,
            authority.map_or(Cell::Null, |a| (&a.name).into()),
            authority.map_or(Cell::Null, |a| opt_name(&a.kind)),
            authority.map_or(Cell::Null, |a| (&a.code).into()),
            schema_version,
            Cell::from(&out.tool().version),
            error_code,
            error_message,
        ],
    );
    if let Output::Ok(e) = out {
        records(e, &mut flat);
    }
    Some(flat)
}

/// `sha256, file, page` for a row on `page`.
fn src(e: &Extraction, page: Option<u32>) -> Vec<Cell> {
    vec![(&e.source.sha256).into(), Cell::from(&e.source.file), page.into()]
}

fn with_box(mut row: Vec<Cell>, p: &Provenance) -> Vec<Cell> {
    row.extend(p.bbox.iter().map(|v| Cell::Real(*v)));
    row
}

fn cat(mut a: Vec<Cell>, b: Vec<Cell>) -> Vec<Cell> {
    a.extend(b);
    a
}

fn records(e: &Extraction, flat: &mut Flat) {
    for (i, s) in e.sections.iter().enumerate() {
        let row = vec![
            (i + 1).into(),
            (&s.id).into(),
            name_of(&s.kind),
            (&s.title).into(),
            s.first_page.into(),
            s.last_page.into(),
        ];
        flat.push("sections", cat(src(e, Some(s.first_page)), row));
    }
    if let Some(m) = &e.meeting {
        let row = vec![(&m.body).into(), (&m.date).into(), (&m.time).into(), (&m.venue).into()];
        flat.push("meetings", with_box(cat(src(e, Some(m.provenance.page)), row), &m.provenance));
        for (i, p) in m.members.iter().enumerate() {
            let row = vec![
                (&m.date).into(),
                (i + 1).into(),
                (&p.name).into(),
                name_of(&p.role),
                opt_name(&p.attendance),
            ];
            flat.push("members", cat(src(e, Some(m.provenance.page)), row));
        }
    }
    for (i, a) in e.agenda_items.iter().enumerate() {
        let row = vec![
            (i + 1).into(),
            (&a.number).into(),
            (&a.title).into(),
            a.page_range.map(|r| r.first).into(),
            a.page_range.map(|r| r.last).into(),
            Cell::Text(a.section_ids.join("; ")),
            (&a.description).into(),
            (&a.lead).into(),
            a.time_allowed_minutes.into(),
            a.exempt.into(),
        ];
        flat.push("agenda_items", with_box(cat(src(e, Some(a.provenance.page)), row), &a.provenance));
    }
    for (i, m) in e.minute_items.iter().enumerate() {
        let row = vec![
            (i + 1).into(),
            (&m.number).into(),
            (&m.title).into(),
            (&m.agenda_item).into(),
            (&m.meeting_date).into(),
            (&m.text).into(),
        ];
        flat.push("minute_items", with_box(cat(src(e, Some(m.provenance.page)), row), &m.provenance));
        for (j, r) in m.resolutions.iter().enumerate() {
            let row =
                vec![(i + 1).into(), (&m.number).into(), (&m.meeting_date).into(), (j + 1).into(), r.into()];
            flat.push("resolutions", cat(src(e, Some(m.provenance.page)), row));
        }
    }
    for (i, a) in e.actions.iter().enumerate() {
        let row = vec![
            (i + 1).into(),
            (&a.text).into(),
            (&a.owner).into(),
            (&a.due).into(),
            opt_name(&a.status),
            (&a.status_text).into(),
            name_of(&a.origin),
            (&a.meeting_date).into(),
            (&a.agenda_item).into(),
        ];
        flat.push("actions", with_box(cat(src(e, Some(a.provenance.page)), row), &a.provenance));
    }
    for (i, w) in e.work_programme.iter().enumerate() {
        let row = vec![
            (i + 1).into(),
            (&w.meeting_date).into(),
            (&w.theme).into(),
            (&w.item).into(),
            (&w.lead).into(),
            w.provisional.into(),
        ];
        flat.push("work_programme", with_box(cat(src(e, Some(w.provenance.page)), row), &w.provenance));
    }
    for (i, s) in e.savings.iter().enumerate() {
        let row = vec![
            (i + 1).into(),
            (&s.reference).into(),
            (&s.description).into(),
            (&s.directorate).into(),
            (&s.period).into(),
            s.unit.into(),
            opt_name(&s.unit_source),
            s.target.into(),
            s.over_achieved.into(),
            s.achieved.into(),
            s.on_track.into(),
            s.at_risk.into(),
            s.forecast.into(),
            s.variance.into(),
            s.undeliverable.into(),
            opt_name(&s.rag),
            (&s.rag_text).into(),
            opt_name(&s.status),
            (&s.comment).into(),
        ];
        flat.push("savings", with_box(cat(src(e, Some(s.provenance.page)), row), &s.provenance));
        for (j, (header, value)) in s.columns.iter().enumerate() {
            let row =
                vec![(i + 1).into(), (&s.reference).into(), (j + 1).into(), header.into(), (*value).into()];
            flat.push("saving_columns", cat(src(e, Some(s.provenance.page)), row));
        }
    }
    for (i, t) in e.savings_totals.iter().enumerate() {
        let row = vec![
            (i + 1).into(),
            (&t.label).into(),
            t.target.into(),
            t.over_achieved.into(),
            t.achieved.into(),
            t.on_track.into(),
            t.at_risk.into(),
            t.forecast.into(),
            t.reconciles.into(),
            Cell::Text(t.discrepancies.join("\n")),
        ];
        flat.push("savings_totals", with_box(cat(src(e, Some(t.provenance.page)), row), &t.provenance));
    }
    for (i, j) in e.judgements.iter().enumerate() {
        let row = vec![(i + 1).into(), (&j.area).into(), (&j.grade).into(), name_of(&j.grade_code)];
        flat.push("judgements", with_box(cat(src(e, Some(j.provenance.page)), row), &j.provenance));
    }
    if let Some(ins) = &e.inspection {
        let page = Some(ins.provenance.page);
        let row = vec![
            (&ins.subject).into(),
            (&ins.start_date).into(),
            (&ins.end_date).into(),
            (&ins.lead_inspector).into(),
            (&ins.lead_inspector_role).into(),
            ins.paragraph_count.into(),
        ];
        flat.push("inspections", with_box(cat(src(e, page), row), &ins.provenance));
        for (i, t) in ins.improvements.iter().enumerate() {
            flat.push("improvements", cat(src(e, page), vec![(i + 1).into(), t.into()]));
        }
        for (i, p) in ins.paragraphs.iter().enumerate() {
            let row = vec![(i + 1).into(), (&p.number).into(), (&p.section).into(), (&p.text).into()];
            flat.push("paragraphs", cat(src(e, Some(p.page)), row));
        }
    }
    if let Some(p) = &e.progress {
        let row = vec![(&p.title).into(), (&p.period).into(), opt_name(&p.overall_status)];
        flat.push("progress", with_box(cat(src(e, Some(p.provenance.page)), row), &p.provenance));
        let lists: [(&str, &Vec<String>); 4] = [
            ("summary", &p.summary),
            ("working_well", &p.working_well),
            ("not_working_well", &p.not_working_well),
            ("escalations", &p.escalations),
        ];
        for (list, items) in lists {
            for (i, t) in items.iter().enumerate() {
                let row =
                    vec!["programme".into(), Cell::Null, Cell::Null, list.into(), (i + 1).into(), t.into()];
                flat.push("list_items", cat(src(e, Some(p.provenance.page)), row));
            }
        }
    }
    for (w_i, w) in e.workstreams.iter().enumerate() {
        let page = Some(w.provenance.page);
        let row = vec![(w_i + 1).into(), (&w.name).into(), opt_name(&w.status)];
        flat.push("workstreams", with_box(cat(src(e, page), row), &w.provenance));
        let lists: [(&str, &Vec<String>); 4] = [
            ("projects", &w.projects),
            ("working_well", &w.working_well),
            ("not_working_well", &w.not_working_well),
            ("escalations", &w.escalations),
        ];
        for (i, p) in w.project_details.iter().enumerate() {
            let row = vec![
                (w_i + 1).into(),
                (i + 1).into(),
                (&p.name).into(),
                (&p.lead).into(),
                opt_name(&p.status),
                (&p.milestone).into(),
            ];
            flat.push("projects", with_box(cat(src(e, Some(p.provenance.page)), row), &p.provenance));
        }
        for (list, items) in lists {
            for (i, t) in items.iter().enumerate() {
                let row = vec![
                    "workstream".into(),
                    (w_i + 1).into(),
                    (&w.name).into(),
                    list.into(),
                    (i + 1).into(),
                    t.into(),
                ];
                flat.push("list_items", cat(src(e, page), row));
            }
        }
    }
    for (i, w) in e.warnings.iter().enumerate() {
        let row = vec![(i + 1).into(), name_of(&w.code), (&w.message).into()];
        flat.push("warnings", cat(src(e, w.page), row));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_the_source_prefix_and_unique_columns() {
        for t in TABLES {
            let names: Vec<&str> = t.column_names().collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), names.len(), "duplicate column in {}", t.name);
            if t.name != "documents" {
                assert_eq!(names.get(..3), Some(&["sha256", "file", "page"][..]), "{}", t.name);
            }
        }
    }

    #[test]
    fn the_tables_the_issue_names_exist() {
        for name in [
            "documents",
            "sections",
            "meetings",
            "members",
            "agenda_items",
            "minute_items",
            "resolutions",
            "actions",
            "work_programme",
            "savings",
            "saving_columns",
            "savings_totals",
            "judgements",
            "inspections",
            "improvements",
            "paragraphs",
            "progress",
            "workstreams",
            "projects",
            "list_items",
            "warnings",
        ] {
            assert!(table(name).is_some(), "{name}");
        }
        assert_eq!(TABLES.len(), 21);
    }
}
