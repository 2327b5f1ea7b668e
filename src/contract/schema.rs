//! Validation of every emitted object against `schemas/councilpdf.schema.json`.

use std::sync::LazyLock;

/// The contract's JSON Schema (draft 2020-12), compiled into the binary.
pub const SCHEMA_TEXT: &str = include_str!("../../schemas/councilpdf.schema.json");

/// The whole contract, and each of its two shapes alone.
struct Validators {
    any: jsonschema::Validator,
    extraction: jsonschema::Validator,
    failure: jsonschema::Validator,
}

static VALIDATORS: LazyLock<Result<Validators, String>> = LazyLock::new(|| {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA_TEXT).map_err(|e| e.to_string())?;
    let compile = |v: &serde_json::Value| jsonschema::draft202012::new(v).map_err(|e| e.to_string());
    // The top level is `oneOf` [Extraction, Failure]; a failed `oneOf` reports only "not valid
    // under any", so the same schema rooted at one shape gives the paths of what is wrong.
    let rooted_at = |def: &str| {
        let mut s = schema.clone();
        if let Some(obj) = s.as_object_mut() {
            obj.remove("oneOf");
            obj.insert("$ref".into(), serde_json::Value::String(format!("#/$defs/{def}")));
        }
        s
    };
    Ok(Validators { any: compile(&schema)?, extraction: compile(&rooted_at("Extraction"))?, failure: compile(&rooted_at("Failure"))? })
});

/// Why an object does not meet the contract.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    /// The schema shipped with the binary does not compile (a build defect).
    #[error("the bundled schema is invalid: {0}")]
    BadSchema(String),
    /// The object breaks the contract; each entry is `path: message`.
    #[error("{} schema violation(s), first: {}", .0.len(), .0.first().map(String::as_str).unwrap_or(""))]
    Invalid(Vec<String>),
}

/// The contract as a JSON value (what `councilpdf schema` prints).
pub fn schema_json() -> serde_json::Value {
    serde_json::from_str(SCHEMA_TEXT).unwrap_or(serde_json::Value::Null)
}

/// Checks `value` against the contract.
///
/// # Errors
/// `SchemaError::Invalid` with every violation found, `BadSchema` if the bundled schema is broken.
pub fn validate(value: &serde_json::Value) -> Result<(), SchemaError> {
    let v = VALIDATORS.as_ref().map_err(|e| SchemaError::BadSchema(e.clone()))?;
    if v.any.is_valid(value) {
        return Ok(());
    }
    // Report against the shape the object claims to be: a failure object has `error`.
    let shape = if value.get("error").is_some() { &v.failure } else { &v.extraction };
    let mut errors: Vec<String> = shape.iter_errors(value).take(20).map(|e| format!("{}: {}", e.instance_path(), e)).collect();
    if errors.is_empty() {
        errors = v.any.iter_errors(value).take(20).map(|e| format!("{}: {}", e.instance_path(), e)).collect();
    }
    Err(SchemaError::Invalid(errors))
}
