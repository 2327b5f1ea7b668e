//! Validation of every emitted object against `schemas/councilpdf.schema.json`.

use std::sync::LazyLock;

/// The contract's JSON Schema (draft 2020-12), compiled into the binary.
pub const SCHEMA_TEXT: &str = include_str!("../../schemas/councilpdf.schema.json");

static VALIDATOR: LazyLock<Result<jsonschema::Validator, String>> = LazyLock::new(|| {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA_TEXT).map_err(|e| e.to_string())?;
    jsonschema::draft202012::new(&schema).map_err(|e| e.to_string())
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
    let validator = VALIDATOR.as_ref().map_err(|e| SchemaError::BadSchema(e.clone()))?;
    let errors: Vec<String> = validator
        .iter_errors(value)
        .take(20)
        .map(|e| format!("{}: {}", e.instance_path(), e))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(SchemaError::Invalid(errors))
    }
}
