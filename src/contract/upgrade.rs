//! Reading outputs of an earlier contract version as the current one.
//!
//! 1.1 only added fields, so a 1.0 object becomes a 1.1 object by adding each new field as
//! null or empty; nothing else changes. The serde types do the same on their own (each 1.1
//! field has a default); this is the JSON form, for `check`, which compares JSON values.

use serde_json::{Map, Value};

use super::types::SCHEMA_VERSION;

/// Adds every field 1.1 introduced that `value` lacks (null or empty) and sets its
/// `schema_version` to the current one. Returns the version it declared before, or `None`
/// when it already was current (or is not an object).
///
/// # Example
/// ```
/// let mut v = serde_json::json!({"schema_version": "1.0", "source": {"file": "a.pdf"}, "savings": [{"ref": "A"}]});
/// assert_eq!(councilpdf::contract::upgrade(&mut v).as_deref(), Some("1.0"));
/// assert_eq!(v["schema_version"], "1.1");
/// assert_eq!(v["source"]["path"], serde_json::Value::Null);
/// assert_eq!(v["savings"][0]["unit_source"], serde_json::Value::Null);
/// ```
pub fn upgrade(value: &mut Value) -> Option<String> {
    let obj = value.as_object_mut()?;
    let declared = obj.get("schema_version").and_then(Value::as_str).map(str::to_string);
    if declared.as_deref() == Some(SCHEMA_VERSION) {
        return None;
    }
    if let Some(Value::Object(source)) = obj.get_mut("source") {
        add(source, "path", Value::Null);
    }
    // A failure object has `error` and none of the records.
    if !obj.contains_key("error") {
        add(obj, "authority", Value::Null);
        for saving in records(obj, "savings") {
            add(saving, "unit_source", Value::Null);
        }
        for workstream in records(obj, "workstreams") {
            add(workstream, "project_details", Value::Array(vec![]));
        }
    }
    obj.insert("schema_version".into(), Value::String(SCHEMA_VERSION.into()));
    Some(declared.unwrap_or_default())
}

fn add(obj: &mut Map<String, Value>, key: &str, empty: Value) {
    obj.entry(key).or_insert(empty);
}

fn records<'a>(
    obj: &'a mut Map<String, Value>,
    list: &str,
) -> impl Iterator<Item = &'a mut Map<String, Value>> {
    obj.get_mut(list).and_then(Value::as_array_mut).into_iter().flatten().filter_map(Value::as_object_mut)
}
