//! The layout model every extractor reads: pages of words, lines, blocks and tables.

use serde::{Serialize, Serializer};
use std::sync::Arc;

/// A box in points, origin top-left of the page (as pdfplumber).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BBox {
    pub x0: f64,
    pub top: f64,
    pub x1: f64,
    pub bottom: f64,
}

impl BBox {
    pub const EMPTY: BBox =
        BBox { x0: f64::INFINITY, top: f64::INFINITY, x1: f64::NEG_INFINITY, bottom: f64::NEG_INFINITY };

    pub fn union(&self, o: &BBox) -> BBox {
        BBox {
            x0: self.x0.min(o.x0),
            top: self.top.min(o.top),
            x1: self.x1.max(o.x1),
            bottom: self.bottom.max(o.bottom),
        }
    }
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
    pub fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    pub fn cy(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }
    /// Horizontal overlap in points (negative: the gap).
    pub fn x_overlap(&self, o: &BBox) -> f64 {
        self.x1.min(o.x1) - self.x0.max(o.x0)
    }
    pub fn y_overlap(&self, o: &BBox) -> f64 {
        self.bottom.min(o.bottom) - self.top.max(o.top)
    }
    pub fn contains_point(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.top && y <= self.bottom
    }
    /// `[x0, top, x1, bottom]` rounded to 0.01 pt, for provenance.
    pub fn to_array(&self) -> [f64; 4] {
        let r = |v: f64| (v * 100.0).round() / 100.0;
        [r(self.x0), r(self.top), r(self.x1), r(self.bottom)]
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Word {
    /// Boxed, not a `String`: a page keeps hundreds of words, and a word's text never grows.
    pub text: Box<str>,
    pub bbox: BBox,
    /// Font size in points.
    pub size: f64,
    pub bold: bool,
    pub italic: bool,
    pub color: [u8; 3],
    /// The font's name, shared by every word in that font (an `Arc<String>`: one pointer, where
    /// an `Arc<str>` takes two).
    #[serde(serialize_with = "shared_str")]
    pub font: Arc<String>,
}

// A page keeps every word it shows until the extractors have run: 72 bytes a word (text and
// font behind one pointer each), where `String` and `Arc<str>` fields made it 88.
const _: () = assert!(std::mem::size_of::<Word>() <= 72);

fn shared_str<S: Serializer>(s: &Arc<String>, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s)
}

/// A line's words, held once however many copies of the line a page keeps (its reading-order
/// lines, its blocks and its table cells all hold the same lines): a clone shares them, so a
/// page's memory grows with its words once, not once per view. Reads as a slice of words.
#[derive(Clone, Default)]
pub struct Words(Arc<[Word]>);

impl std::ops::Deref for Words {
    type Target = [Word];
    fn deref(&self) -> &[Word] {
        &self.0
    }
}

impl From<Vec<Word>> for Words {
    fn from(words: Vec<Word>) -> Words {
        Words(words.into())
    }
}

impl FromIterator<Word> for Words {
    fn from_iter<I: IntoIterator<Item = Word>>(iter: I) -> Words {
        Words(iter.into_iter().collect())
    }
}

/// Appending copies the words into a new list (only the extractors' merged lines do this).
impl Extend<Word> for Words {
    fn extend<I: IntoIterator<Item = Word>>(&mut self, iter: I) {
        let mut words = self.0.to_vec();
        words.extend(iter);
        self.0 = words.into();
    }
}

impl<'a> IntoIterator for &'a Words {
    type Item = &'a Word;
    type IntoIter = std::slice::Iter<'a, Word>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// By value: copies of the words (they may be shared).
impl IntoIterator for Words {
    type Item = Word;
    type IntoIter = std::vec::IntoIter<Word>;
    // The iterator owns its copies: `self` (and the borrow `iter()` would need) ends here.
    #[allow(clippy::unnecessary_to_owned)]
    fn into_iter(self) -> Self::IntoIter {
        self.0.to_vec().into_iter()
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Words {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// Words on one baseline that belong together (a column's line, or a cell's line).
///
/// A page holds each line in several places (its reading-order lines, its blocks, its table
/// cells), so a line is a shared handle: a clone costs a pointer, and a page's memory grows with
/// its lines once, not once per view. Fields read through it as through a `&LineData`; writing
/// one (`line.text = …`) copies the line first when another view still holds it.
#[derive(Clone)]
pub struct Line(Arc<LineData>);

impl Line {
    pub fn new(data: LineData) -> Line {
        Line(Arc::new(data))
    }

    /// The same line, not an equal copy (two views of one line share it).
    pub fn is_same(&self, other: &Line) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Line {
    type Target = LineData;
    fn deref(&self) -> &LineData {
        &self.0
    }
}

impl std::ops::DerefMut for Line {
    fn deref_mut(&mut self) -> &mut LineData {
        Arc::make_mut(&mut self.0)
    }
}

impl std::fmt::Debug for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Line {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// What a [`Line`] holds.
#[derive(Debug, Clone, Serialize)]
pub struct LineData {
    pub words: Words,
    pub bbox: BBox,
    /// Words joined by single spaces.
    pub text: String,
    /// Most common font size of the line.
    pub size: f64,
    /// Every word is bold.
    pub bold: bool,
    /// The line starts with a bullet glyph (•, ◼, –, ▪, a symbol-font glyph, …); `text` keeps it,
    /// `body()` gives the text after it.
    pub bullet: Option<String>,
}

impl LineData {
    /// The text after any leading bullet.
    pub fn body(&self) -> &str {
        match &self.bullet {
            Some(b) => self.text[b.len()..].trim_start(),
            None => &self.text,
        }
    }
}

/// Consecutive lines of one paragraph or list item region, in reading order.
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    pub lines: Vec<Line>,
    pub bbox: BBox,
}

impl Block {
    /// Lines joined with spaces, hyphenation at line ends repaired.
    pub fn text(&self) -> String {
        join_lines(self.lines.iter().map(|l| l.text.as_str()))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    /// The cell's lines joined (hyphenation repaired).
    pub text: String,
    /// The cell's lines as printed, top to bottom.
    pub lines: Vec<String>,
    pub bbox: BBox,
    /// Fill colour behind the cell (RAG shading), when one covers most of it.
    pub fill: Option<[u8; 3]>,
    pub bold: bool,
    /// The cell's lines with their words and positions.
    #[serde(skip)]
    pub line_objs: Vec<Line>,
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub bbox: BBox,
}

impl Row {
    pub fn texts(&self) -> Vec<&str> {
        self.cells.iter().map(|c| c.text.as_str()).collect()
    }
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableSource {
    /// Found from drawn rulings (both directions, or horizontal rules with aligned columns).
    Ruled,
    /// Found from text alignment alone.
    Aligned,
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub bbox: BBox,
    /// Every row has `columns.len()` cells.
    pub rows: Vec<Row>,
    /// Column extents `[x0, x1]` left to right.
    pub columns: Vec<[f64; 2]>,
    /// How many leading rows are header rows (stacked header lines merged into cells).
    pub header_rows: usize,
    pub source: TableSource,
    /// This table continues the last table of the previous page: same columns, and its header
    /// rows (if any) repeat that table's header.
    pub continues: bool,
}

impl Table {
    pub fn ncols(&self) -> usize {
        self.columns.len()
    }
    /// Each column's header text, header rows joined top to bottom.
    pub fn header(&self) -> Vec<String> {
        (0..self.ncols())
            .map(|c| {
                let parts: Vec<&str> = self.rows[..self.header_rows.min(self.rows.len())]
                    .iter()
                    .map(|r| r.cells[c].text.trim())
                    .filter(|t| !t.is_empty())
                    .collect();
                parts.join(" ")
            })
            .collect()
    }
    pub fn body(&self) -> &[Row] {
        &self.rows[self.header_rows.min(self.rows.len())..]
    }
}

/// What a line is, outside the page body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Furniture {
    Header,
    Footer,
}

#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// 1-based physical page number.
    pub number: u32,
    pub width: f64,
    pub height: f64,
    /// Body lines in reading order (column by column), headers/footers excluded.
    pub lines: Vec<Line>,
    /// Body lines grouped into blocks, in reading order.
    pub blocks: Vec<Block>,
    /// Tables on the page; their lines are also in `lines`.
    pub tables: Vec<Table>,
    /// Repeated running headers/footers and page stamps, kept out of `lines`.
    pub furniture: Vec<(Furniture, Line)>,
    /// The printed page number read from a stamp ("Page 12", "Page 29 of 54", a bare "12").
    pub printed_number: Option<u32>,
    /// Filled rectangles (for colour-only RAG cells and status boxes).
    #[serde(skip)]
    pub fills: Vec<crate::pdf::Fill>,
    #[serde(skip)]
    pub rules: Vec<crate::pdf::Rule>,
    /// The page has any text at all.
    pub has_text: bool,
    /// The PDF layer could read this page.
    pub readable: bool,
    /// Most common body font size on the page.
    pub body_size: f64,
}

impl Page {
    /// The body text, lines joined by newlines.
    pub fn text(&self) -> String {
        self.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n")
    }
    /// The first body line, if any.
    pub fn first_line(&self) -> Option<&Line> {
        self.lines.first()
    }
}

/// The whole document's layout.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    pub pages: Vec<Page>,
}

impl Layout {
    /// The physical page whose stamp prints `printed`. An unstamped page (a blank page
    /// between papers) is found from its neighbours when both agree on the offset.
    pub fn physical_page(&self, printed: u32) -> Option<u32> {
        if let Some(p) = self.pages.iter().find(|p| p.printed_number == Some(printed)) {
            return Some(p.number);
        }
        (1..=self.pages.len() as u32).find(|&n| self.printed_number(n) == Some(printed))
    }

    /// The printed number of physical page `n`: its stamp, or, for an unstamped page, the
    /// number its stamped neighbours imply when they agree (`before + 1 == after - 1`).
    pub fn printed_number(&self, n: u32) -> Option<u32> {
        let page = self.page(n)?;
        if page.printed_number.is_some() {
            return page.printed_number;
        }
        let offset = |p: &Page| p.printed_number.map(|x| x as i64 - p.number as i64);
        let before = self.pages[..(n - 1) as usize].iter().rev().find_map(offset);
        let after = self.pages.get(n as usize..)?.iter().find_map(offset);
        match (before, after) {
            (Some(a), Some(b)) if a == b => u32::try_from(n as i64 + a).ok(),
            (Some(a), None)
                if self.pages[..(n - 1) as usize].iter().rev().take(3).filter_map(offset).count() >= 2 =>
            {
                u32::try_from(n as i64 + a).ok()
            }
            _ => None,
        }
    }
    pub fn page(&self, number: u32) -> Option<&Page> {
        self.pages.get(number.checked_sub(1)? as usize)
    }
}

const KEEP_HYPHEN_PREFIXES: &[&str] = &[
    "re", "co", "pre", "non", "self", "ex", "multi", "cross", "well", "long", "short", "part", "full", "sub",
    "inter", "post", "anti", "semi", "mid", "cost", "high", "low", "year", "day", "one", "two", "three",
    "four", "five",
];

/// Joins printed lines into one string: single spaces, a hyphen at a line end joined to the
/// next word when it breaks one ("imple-" + "mentation"), kept where it is a dash (" -").
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        let broken_word = out.ends_with('-')
            && !out.ends_with(" -")
            && !out.ends_with("--")
            && out[..out.len() - 1].chars().last().is_some_and(|c| c.is_lowercase())
            && line.chars().next().is_some_and(|c| c.is_lowercase());
        if broken_word {
            // "re-" + "project" keeps its hyphen: compounds with common prefixes are written so.
            let fragment =
                out[..out.len() - 1].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
            if !KEEP_HYPHEN_PREFIXES.contains(&fragment.as_str()) {
                out.pop();
            }
        } else {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenation_repaired_only_inside_words() {
        assert_eq!(join_lines(["commission-", "ing review"]), "commissioning review");
        assert_eq!(
            join_lines(["Homes and Horizons additional -", "reduction"]),
            "Homes and Horizons additional - reduction"
        );
        assert_eq!(join_lines(["to re-", "project savings"]), "to re-project savings");
        assert_eq!(join_lines(["16+ DPS", "", "(Spot purchase)"]), "16+ DPS (Spot purchase)");
    }
}
