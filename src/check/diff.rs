//! Field-level differences between an expected output and a fresh one, as JSON paths.
//!
//! Lists are aligned by each record's natural key (`ref` for savings, `number` for agenda and
//! minute items and paragraphs, `area` for judgements, `label` for totals, `id` for sections,
//! the text for everything else), so a row inserted in the middle of a table is one
//! difference, not a cascade of shifted rows. Volatile fields (`tool.version`, the error
//! message of a library we do not control, `source.path`, which depends on where a run
//! started) are never compared; bboxes match within 1 pt;
//! item numbers match with or without a trailing full stop.

use rust_decimal::Decimal;
use serde_json::Value;
use std::fmt;
use std::str::FromStr;

/// How far a bbox edge may move before it counts as a change, in points.
pub const BBOX_TOLERANCE: f64 = 1.0;

/// Above this many cells the key alignment falls back to matching by position.
const MAX_ALIGN_CELLS: usize = 16_000_000;

/// Which parts of the outputs to compare.
#[derive(Debug, Clone, Default)]
pub struct DiffOptions {
    /// Only these top-level fields (`savings`, `judgements`, …); `None` compares everything.
    /// `error` is always compared, so a file that stops (or starts) failing is never hidden.
    pub only: Option<Vec<String>>,
}

/// What happened at one JSON path.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// The value differs.
    Changed { expected: Value, got: Value },
    /// A record (or field) that the expected output does not have.
    Inserted(Value),
    /// A record (or field) of the expected output that is gone.
    Removed(Value),
}

/// One difference: the JSON path (`savings[11].at_risk`) and what changed there.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub path: String,
    pub change: Change,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.change {
            Change::Changed { expected, got } => {
                write!(f, "{}: expected {}, got {}", self.path, short(expected), short(got))
            }
            Change::Inserted(v) => write!(f, "{}: inserted {}", self.path, short(v)),
            Change::Removed(v) => write!(f, "{}: removed {}", self.path, short(v)),
        }
    }
}

/// Compact JSON, cut to a readable length on a character boundary.
fn short(v: &Value) -> String {
    const MAX: usize = 160;
    let s = v.to_string();
    if s.chars().count() <= MAX {
        return s;
    }
    let cut: String = s.chars().take(MAX).collect();
    format!("{cut}…")
}

/// Top-level fields `--only` accepts: the contract's record fields and the document facts.
pub const TOP_LEVEL_FIELDS: &[&str] = &[
    "schema_version",
    "source",
    "document_type",
    "authority",
    "sections",
    "meeting",
    "agenda_items",
    "minute_items",
    "actions",
    "work_programme",
    "savings",
    "savings_totals",
    "inspection",
    "judgements",
    "progress",
    "workstreams",
    "warnings",
];

/// Every difference between `expected` and `got`, in document order.
///
/// # Example
/// ```
/// use councilpdf::check::{diff, DiffOptions};
/// let e = serde_json::json!({"savings": [{"ref": "A1", "at_risk": 10}, {"ref": "A2", "at_risk": 5}]});
/// let g = serde_json::json!({"savings": [{"ref": "A0", "at_risk": 1}, {"ref": "A1", "at_risk": 10}, {"ref": "A2", "at_risk": 6}]});
/// let d: Vec<String> = diff(&e, &g, &DiffOptions::default()).iter().map(|d| d.to_string()).collect();
/// assert_eq!(d, ["savings[0]: inserted {\"ref\":\"A0\",\"at_risk\":1}", "savings[2].at_risk: expected 5, got 6"]);
/// ```
pub fn diff(expected: &Value, got: &Value, opts: &DiffOptions) -> Vec<Difference> {
    let mut out = Vec::new();
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            let keys = union_keys(e, g);
            for k in keys {
                let selected = match &opts.only {
                    None => true,
                    Some(only) => k == "error" || only.iter().any(|o| o == k),
                };
                if selected {
                    field(k, k, e.get(k), g.get(k), &mut out);
                }
            }
        }
        _ => walk("", "", expected, got, &mut out),
    }
    out
}

/// Keys of both objects: the expected order first, then keys only `got` has.
fn union_keys<'a>(
    e: &'a serde_json::Map<String, Value>,
    g: &'a serde_json::Map<String, Value>,
) -> Vec<&'a str> {
    let mut keys: Vec<&str> = e.keys().map(String::as_str).collect();
    keys.extend(g.keys().map(String::as_str).filter(|k| !e.contains_key(*k)));
    keys
}

fn field(path: &str, key: &str, e: Option<&Value>, g: Option<&Value>, out: &mut Vec<Difference>) {
    if ignored(path) {
        return;
    }
    match (e, g) {
        (Some(e), Some(g)) => walk(path, key, e, g, out),
        (Some(e), None) => out.push(Difference { path: path.into(), change: Change::Removed(e.clone()) }),
        (None, Some(g)) => out.push(Difference { path: path.into(), change: Change::Inserted(g.clone()) }),
        (None, None) => {}
    }
}

/// Volatile fields: the tool's version, timings (should a version record them), the wording
/// of a read error (it comes from the PDF library; the error code is what must stay the same),
/// and the path the file was given by (it depends on where the run started).
fn ignored(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    matches!(path, "tool.version" | "error.message" | "source.path")
        || matches!(last, "timings" | "elapsed_ms" | "duration_ms")
}

fn walk(path: &str, key: &str, e: &Value, g: &Value, out: &mut Vec<Difference>) {
    match (e, g) {
        (Value::Object(eo), Value::Object(go)) => {
            for k in union_keys(eo, go) {
                let p = if path.is_empty() { k.to_string() } else { format!("{path}.{k}") };
                field(&p, k, eo.get(k), go.get(k), out);
            }
        }
        (Value::Array(ea), Value::Array(ga)) if key == "bbox" && is_numbers(ea) && is_numbers(ga) => {
            if !bbox_close(ea, ga) {
                out.push(changed(path, e, g));
            }
        }
        (Value::Array(ea), Value::Array(ga)) => list(path, key, ea, ga, out),
        (Value::Number(_), Value::Number(_)) => {
            if !numbers_equal(e, g) {
                out.push(changed(path, e, g));
            }
        }
        (Value::String(es), Value::String(gs)) if is_number_field(key) => {
            if strip_stop(es) != strip_stop(gs) {
                out.push(changed(path, e, g));
            }
        }
        _ => {
            if e != g {
                out.push(changed(path, e, g));
            }
        }
    }
}

fn changed(path: &str, e: &Value, g: &Value) -> Difference {
    Difference { path: path.into(), change: Change::Changed { expected: e.clone(), got: g.clone() } }
}

/// Fields holding item numbers as printed ("5", "5a", "OS 23/44").
fn is_number_field(key: &str) -> bool {
    matches!(key, "number" | "agenda_item")
}

fn strip_stop(s: &str) -> &str {
    s.trim().trim_end_matches('.')
}

fn is_numbers(a: &[Value]) -> bool {
    a.iter().all(Value::is_number)
}

fn bbox_close(e: &[Value], g: &[Value]) -> bool {
    e.len() == g.len()
        && e.iter().zip(g).all(|(a, b)| match (a.as_f64(), b.as_f64()) {
            (Some(a), Some(b)) => (a - b).abs() <= BBOX_TOLERANCE,
            _ => false,
        })
}

/// Exact comparison of JSON numbers as decimals, so `1903800` equals `1903800.0`.
fn numbers_equal(e: &Value, g: &Value) -> bool {
    match (decimal(e), decimal(g)) {
        (Some(a), Some(b)) => a == b,
        _ => e.as_f64() == g.as_f64(),
    }
}

fn decimal(v: &Value) -> Option<Decimal> {
    let s = v.to_string();
    Decimal::from_str(&s).or_else(|_| Decimal::from_scientific(&s)).ok().map(|d| d.normalize())
}

/// The key a list's records are matched by.
fn natural_key(list: &str, item: &Value) -> String {
    let fields: &[&str] = match list {
        "savings" => &["ref", "description"],
        "agenda_items" | "paragraphs" => &["number"],
        // An unnumbered minute (null number) is matched by its title.
        "minute_items" => &["number", "title"],
        "judgements" => &["area"],
        "savings_totals" => &["label"],
        "sections" => &["id"],
        _ => &["text", "name", "item", "title", "label", "message"],
    };
    let Value::Object(o) = item else {
        return item.to_string();
    };
    for f in fields {
        match o.get(*f) {
            Some(Value::String(s)) if is_number_field(f) => return strip_stop(s).to_string(),
            Some(Value::String(s)) => return s.clone(),
            Some(Value::Null) | None => continue,
            Some(v) => return v.to_string(),
        }
    }
    item.to_string()
}

/// Aligns two lists by natural key (longest common subsequence), then compares matched records
/// field by field. Between two matches, as many removed as inserted records are taken to be the
/// same records edited in place (their key changed); otherwise they are reported as removed and
/// inserted.
fn list(path: &str, key: &str, e: &[Value], g: &[Value], out: &mut Vec<Difference>) {
    let ke: Vec<String> = e.iter().map(|v| natural_key(key, v)).collect();
    let kg: Vec<String> = g.iter().map(|v| natural_key(key, v)).collect();
    let pairs = if e.len().saturating_mul(g.len()) > MAX_ALIGN_CELLS { Vec::new() } else { lcs(&ke, &kg) };
    let item = |i: usize| format!("{path}[{i}]");
    let gap = |ei: std::ops::Range<usize>, gi: std::ops::Range<usize>, out: &mut Vec<Difference>| {
        if ei.len() == gi.len() {
            for (a, b) in ei.zip(gi) {
                if let (Some(ev), Some(gv)) = (e.get(a), g.get(b)) {
                    walk(&item(b), key, ev, gv, out);
                }
            }
            return;
        }
        for a in ei {
            if let Some(ev) = e.get(a) {
                out.push(Difference { path: item(a), change: Change::Removed(ev.clone()) });
            }
        }
        for b in gi {
            if let Some(gv) = g.get(b) {
                out.push(Difference { path: item(b), change: Change::Inserted(gv.clone()) });
            }
        }
    };
    let (mut pe, mut pg) = (0, 0);
    for (a, b) in pairs {
        gap(pe..a, pg..b, out);
        if let (Some(ev), Some(gv)) = (e.get(a), g.get(b)) {
            walk(&item(b), key, ev, gv, out);
        }
        pe = a + 1;
        pg = b + 1;
    }
    gap(pe..e.len(), pg..g.len(), out);
}

/// Index pairs of a longest common subsequence of two key lists.
fn lcs(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    // table[i * w + j] = LCS length of a[i..] and b[j..]
    let mut table = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let v = if a.get(i) == b.get(j) {
                table.get((i + 1) * w + j + 1).copied().unwrap_or(0) + 1
            } else {
                let down = table.get((i + 1) * w + j).copied().unwrap_or(0);
                let right = table.get(i * w + j + 1).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(cell) = table.get_mut(i * w + j) {
                *cell = v;
            }
        }
    }
    let at = |i: usize, j: usize| table.get(i * w + j).copied().unwrap_or(0);
    let (mut i, mut j) = (0, 0);
    let mut pairs = Vec::new();
    while i < n && j < m {
        if a.get(i) == b.get(j) {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if at(i + 1, j) >= at(i, j + 1) {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lines(e: Value, g: Value) -> Vec<String> {
        diff(&e, &g, &DiffOptions::default()).iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn a_changed_figure_names_its_path() {
        let e = json!({"savings": [{"ref": "CFE016", "at_risk": 1903800}]});
        let g = json!({"savings": [{"ref": "CFE016", "at_risk": 190380}]});
        assert_eq!(lines(e, g), ["savings[0].at_risk: expected 1903800, got 190380"]);
    }

    #[test]
    fn an_inserted_row_is_one_difference() {
        let rows: Vec<Value> = (1..=6).map(|i| json!({"ref": format!("R{i}"), "target": i * 100})).collect();
        let mut more = rows.clone();
        more.insert(3, json!({"ref": "NEW", "target": 7}));
        let d = lines(json!({ "savings": rows }), json!({ "savings": more }));
        assert_eq!(d, [r#"savings[3]: inserted {"ref":"NEW","target":7}"#]);
    }

    #[test]
    fn a_removed_row_is_one_difference() {
        let rows: Vec<Value> = (1..=4).map(|i| json!({"number": i.to_string(), "title": "t"})).collect();
        let mut fewer = rows.clone();
        fewer.remove(1);
        let d = lines(json!({ "agenda_items": rows }), json!({ "agenda_items": fewer }));
        assert_eq!(d, [r#"agenda_items[1]: removed {"number":"2","title":"t"}"#]);
    }

    #[test]
    fn a_renamed_key_is_compared_in_place() {
        let e =
            json!({"judgements": [{"area": "Overall", "grade": "Good"}, {"area": "Help", "grade": "Good"}]});
        let g = json!({"judgements": [{"area": "Overall effectiveness", "grade": "Good"}, {"area": "Help", "grade": "Good"}]});
        assert_eq!(lines(e, g), [r#"judgements[0].area: expected "Overall", got "Overall effectiveness""#]);
    }

    #[test]
    fn string_lists_are_matched_by_text() {
        let e = json!({"progress": {"summary": ["a", "b", "c"]}});
        let g = json!({"progress": {"summary": ["a", "x", "b", "c"]}});
        assert_eq!(lines(e, g), [r#"progress.summary[1]: inserted "x""#]);
    }

    #[test]
    fn volatile_fields_and_tolerances() {
        let e = json!({"tool": {"name": "councilpdf", "version": "0.1.0"}, "agenda_items": [{"number": "5.", "agenda_item": "3", "provenance": {"page": 2, "bbox": [10.0, 20.0, 30.0, 40.0]}}]});
        let g = json!({"tool": {"name": "councilpdf", "version": "9.9.9"}, "agenda_items": [{"number": "5", "agenda_item": "3.", "provenance": {"page": 2, "bbox": [10.9, 19.2, 30.0, 40.5]}}]});
        assert!(lines(e.clone(), g).is_empty());
        assert!(lines(json!({"timings": {"total": 1}}), json!({"timings": {"total": 2}})).is_empty());
        let moved = json!({"tool": {"name": "councilpdf", "version": "0.1.0"}, "agenda_items": [{"number": "5", "agenda_item": "3", "provenance": {"page": 2, "bbox": [12.0, 20.0, 30.0, 40.0]}}]});
        assert_eq!(
            lines(e, moved),
            ["agenda_items[0].provenance.bbox: expected [10.0,20.0,30.0,40.0], got [12.0,20.0,30.0,40.0]"]
        );
    }

    #[test]
    fn numbers_compare_exactly_as_decimals() {
        assert!(lines(json!({"a": 66877100}), json!({"a": 66877100.0})).is_empty());
        assert_eq!(lines(json!({"a": 0.1}), json!({"a": 0.10000001})), ["a: expected 0.1, got 0.10000001"]);
    }

    #[test]
    fn only_restricts_to_named_fields_but_keeps_errors() {
        let e = json!({"savings": [], "judgements": [{"area": "A", "grade": "Good"}], "warnings": []});
        let g = json!({"savings": [{"ref": "X"}], "judgements": [{"area": "A", "grade": "Inadequate"}], "warnings": [{"code": "x"}]});
        let only = DiffOptions { only: Some(vec!["judgements".into()]) };
        let d: Vec<String> = diff(&e, &g, &only).iter().map(|d| d.to_string()).collect();
        assert_eq!(d, [r#"judgements[0].grade: expected "Good", got "Inadequate""#]);
        let failed = json!({"error": {"code": "not_pdf", "message": "x"}});
        assert_eq!(diff(&failed, &e, &only).len(), 1 + 1);
    }

    #[test]
    fn error_message_wording_is_not_compared() {
        let e = json!({"error": {"code": "not_pdf", "message": "one wording"}});
        let g = json!({"error": {"code": "not_pdf", "message": "another"}});
        assert!(lines(e.clone(), g).is_empty());
        let g = json!({"error": {"code": "malformed", "message": "one wording"}});
        assert_eq!(lines(e, g), [r#"error.code: expected "not_pdf", got "malformed""#]);
    }
}
