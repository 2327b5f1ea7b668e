//! Actions: rows of an action tracker table, and "ACTION:" lines in minutes.

pub mod minutes;
pub mod tracker;
