//! Validation of every emitted object against `schemas/councilpdf.schema.json`, and of files
//! written by an earlier version against that version's schema (kept beside it).

use std::sync::LazyLock;

/// The contract's JSON Schema (draft 2020-12), compiled into the binary: the version this build writes.
pub const SCHEMA_TEXT: &str = include_str!("../../schemas/councilpdf.schema.json");

/// The 1.0 schema, kept so that files written before 1.1 still validate as what they declare.
pub const SCHEMA_TEXT_1_0: &str = include_str!("../../schemas/councilpdf-1.0.schema.json");

/// The whole contract, and each of its two shapes alone.
struct Validators {
    any: jsonschema::Validator,
    extraction: jsonschema::Validator,
    failure: jsonschema::Validator,
}

fn compile_validators(text: &str) -> Result<Validators, String> {
    let schema: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
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
    Ok(Validators {
        any: compile(&schema)?,
        extraction: compile(&rooted_at("Extraction"))?,
        failure: compile(&rooted_at("Failure"))?,
    })
}

static CURRENT: LazyLock<Result<Validators, String>> = LazyLock::new(|| compile_validators(SCHEMA_TEXT));
static V1_0: LazyLock<Result<Validators, String>> = LazyLock::new(|| compile_validators(SCHEMA_TEXT_1_0));

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

/// Checks `value` against the contract of the version it declares (`schema_version`): a 1.0
/// file against the 1.0 schema, anything else against the current one (which names the
/// version it expects when the declared one is unknown or missing).
///
/// # Errors
/// `SchemaError::Invalid` with every violation found, `BadSchema` if the bundled schema is broken.
///
/// # Example
/// ```
/// let old = serde_json::json!({"schema_version": "1.0", "tool": {"name": "councilpdf", "version": "0.1.0"}});
/// assert!(councilpdf::contract::validate(&old).is_err()); // no source, no error: invalid in 1.0 too
/// ```
pub fn validate(value: &serde_json::Value) -> Result<(), SchemaError> {
    let declared = value.get("schema_version").and_then(serde_json::Value::as_str);
    let v = match declared {
        Some("1.0") => &*V1_0,
        _ => &*CURRENT,
    };
    let v = v.as_ref().map_err(|e| SchemaError::BadSchema(e.clone()))?;
    if v.any.is_valid(value) {
        return Ok(());
    }
    // Report against the shape the object claims to be: a failure object has `error`.
    let shape = if value.get("error").is_some() { &v.failure } else { &v.extraction };
    let mut errors: Vec<String> = shape.iter_errors(value).flat_map(|e| describe(&e)).take(20).collect();
    if errors.is_empty() {
        errors = v.any.iter_errors(value).flat_map(|e| describe(&e)).take(20).collect();
    }
    // One cause can reach the report by two routes (a `$ref` and the branch that holds it).
    let mut seen = std::collections::HashSet::new();
    errors.retain(|e| seen.insert(e.clone()));
    Err(SchemaError::Invalid(errors))
}

/// `path: message` for one violation. A nullable field is `anyOf [X, null]`, whose own message
/// only says "not valid under any"; where exactly one branch is about the value's actual type,
/// that branch's violations are the ones worth reading.
fn describe(e: &jsonschema::ValidationError<'_>) -> Vec<String> {
    use jsonschema::error::ValidationErrorKind as K;
    let here = e.instance_path().to_string();
    let branches = match e.kind() {
        K::AnyOf { context } | K::OneOfNotValid { context } => context,
        _ => return vec![line(&here, &e.to_string())],
    };
    // A branch that failed only because the value is another type, or not its constant, says nothing.
    let off_topic = |b: &&Vec<jsonschema::ValidationError<'static>>| {
        b.iter().all(|x| {
            matches!(x.kind(), K::Type { .. } | K::Constant { .. }) && x.instance_path().to_string() == here
        })
    };
    let relevant: Vec<_> = branches.iter().filter(|b| !off_topic(b)).collect();
    match relevant.as_slice() {
        [only] => only.iter().flat_map(describe).collect(),
        _ => vec![line(&here, &e.to_string())],
    }
}

/// One report line, cut short: a message may quote a whole record.
fn line(path: &str, message: &str) -> String {
    const MAX: usize = 300;
    match message.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{path}: {}…", &message[..cut]),
        None => format!("{path}: {message}"),
    }
}
