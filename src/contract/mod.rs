//! The output contract: serde types, exact money, the JSON Schema check, and reading older versions.

mod money;
mod schema;
mod types;
mod upgrade;

pub use money::Money;
pub use schema::{schema_json, validate, SchemaError};
pub use types::*;
pub use upgrade::upgrade;
