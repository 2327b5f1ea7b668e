//! Writing outputs: every object is validated against the contract before it is written.

use crate::contract::{self, ErrorCode, Output};

/// The output as JSON, validated. An object that breaks the contract is replaced by an
/// `internal` error object for the same source (which itself validates), never written as is.
pub fn to_checked_json(out: &Output) -> serde_json::Value {
    let value = serde_json::to_value(out).unwrap_or(serde_json::Value::Null);
    match contract::validate(&value) {
        Ok(()) => value,
        Err(e) => {
            let fallback = crate::failure(
                out.source().clone(),
                ErrorCode::Internal,
                format!("output failed the contract check: {e}"),
            );
            serde_json::to_value(&fallback).unwrap_or(serde_json::Value::Null)
        }
    }
}
