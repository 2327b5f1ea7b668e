//! Named tolerances of the reading kit, each with what it is relative to.
//!
//! Geometry is in PDF points (1/72 inch), origin top-left. A tolerance that scales with the
//! text is a fraction of the font size of the text it compares.

/// Two fragments sit on one baseline when their tops differ by less than this fraction of the
/// (larger) font size: a wrapped line sits at least a line height (≈ 1.2 × size) below.
pub const SAME_BASELINE: f64 = 0.4;

/// Where only positions are known (a header's words reduced to their tops, a band of cell lines),
/// two tops are one baseline when they differ by less than this, in points: less than half
/// the smallest text's height, so the next wrapped line (≥ 7 pt below) stays apart.
pub const SAME_BASELINE_PT: f64 = 2.0;

/// How many rows at the start of minutes are searched for the meeting's date.
pub const OPENING_ROWS: usize = 20;

/// Two left (or right, or centre) edges are one alignment when within this, in points: a column
/// of right-aligned figures, a value under the value above it.
pub const SAME_EDGE_PT: f64 = 3.0;

/// A line starts further in than another (an indent, a nested item) when its left edge lies more
/// than this to the right, in points; within it the two are flush.
pub const INDENT_PT: f64 = 2.0;
