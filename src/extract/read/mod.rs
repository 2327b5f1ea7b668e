//! The reading kit: what every extractor needs to read a printed page, in one place.
//!
//! Extractors import from here and never from each other. See DESIGN.md, "The reading kit".

pub mod body;
pub mod columns;
pub mod dates;
pub mod grid;
pub mod headings;
pub mod rag;
pub mod rows;
pub mod text;
pub mod tol;
pub mod units;
