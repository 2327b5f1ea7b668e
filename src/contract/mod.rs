//! The output contract: serde types, exact money, and the JSON Schema check.

mod money;
mod schema;
mod types;

pub use money::Money;
pub use schema::{schema_json, validate, SchemaError};
pub use types::*;
