//! Rows on a baseline: the fragments a layout line-finder leaves apart (a number and its title,
//! a label and its value) joined into the row a reader sees.

use regex::Regex;
use std::sync::LazyLock;

use super::dates::find_dates;
use super::text::furniture_lines;
use super::tol::{OPENING_ROWS, SAME_BASELINE};
use crate::contract::Section;
use crate::extract::Context;
use crate::layout::{join_lines, BBox, Line, Page};

/// Whether two pieces of text with tops `a` and `b` sit on one baseline, for text of `size`
/// points (the larger of the two): their tops differ by less than [`SAME_BASELINE`] of it.
pub fn same_baseline(a: f64, b: f64, size: f64) -> bool {
    (a - b).abs() < SAME_BASELINE * size.max(MIN_SIZE)
}

/// Sizes below this (points) are read as this: a zero-size fragment still has a baseline.
const MIN_SIZE: f64 = 1.0;

/// Lines on one baseline, left to right ("Date:" and "Monday 3 October 2022").
pub struct LineRow<'a> {
    pub parts: Vec<&'a Line>,
    /// The parts' texts joined by spaces.
    pub text: String,
    pub bbox: BBox,
    /// The largest part's size.
    pub size: f64,
}

impl LineRow<'_> {
    /// Left edge of the value after a label part (or of the row).
    pub fn value_x(&self) -> f64 {
        self.parts.get(1).or(self.parts.first()).map(|l| l.bbox.x0).unwrap_or(self.bbox.x0)
    }
}

/// The lines regrouped into rows on a baseline, top to bottom, whatever their reading order
/// (a label and its value in two columns of a front sheet).
pub fn line_rows<'a>(lines: impl IntoIterator<Item = &'a Line>) -> Vec<LineRow<'a>> {
    let mut lines: Vec<&Line> = lines.into_iter().collect();
    lines.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top).then(a.bbox.x0.total_cmp(&b.bbox.x0)));
    let mut rows: Vec<Vec<&Line>> = Vec::new();
    for l in lines {
        match rows.last_mut() {
            Some(r)
                if r.first().is_some_and(|f| same_baseline(f.bbox.top, l.bbox.top, f.size.max(l.size))) =>
            {
                r.push(l)
            }
            _ => rows.push(vec![l]),
        }
    }
    rows.into_iter()
        .filter_map(|mut parts| {
            parts.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
            let first = parts.first()?;
            let bbox = parts.iter().fold(first.bbox, |b, l| b.union(&l.bbox));
            let size = parts.iter().map(|l| l.size).fold(0.0_f64, f64::max);
            let text = parts.iter().map(|l| l.text.trim()).collect::<Vec<_>>().join(" ");
            Some(LineRow { parts, text, bbox, size })
        })
        .collect()
}

/// One printed baseline of body text in reading order: the line fragments on it (a numbered
/// paragraph's number and its text, a heading and its grade box).
pub struct FragRow<'a> {
    pub page: u32,
    pub frags: Vec<&'a Line>,
    /// The page's width.
    pub width: f64,
}

impl FragRow<'_> {
    pub fn text(&self) -> String {
        self.frags.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ")
    }
    pub fn bbox(&self) -> BBox {
        let mut b =
            self.frags.first().map(|l| l.bbox).unwrap_or(BBox { x0: 0.0, top: 0.0, x1: 0.0, bottom: 0.0 });
        for l in &self.frags {
            b = b.union(&l.bbox);
        }
        b
    }
    pub fn x0(&self) -> f64 {
        self.frags.first().map_or(0.0, |l| l.bbox.x0)
    }
    pub fn top(&self) -> f64 {
        self.frags.first().map_or(0.0, |l| l.bbox.top)
    }
    pub fn size(&self) -> f64 {
        self.frags.iter().map(|l| l.size).fold(0.0, f64::max)
    }
    pub fn bold(&self) -> bool {
        self.frags.iter().all(|l| l.bold)
    }
    pub fn bullet(&self) -> Option<&str> {
        self.frags.first().and_then(|l| l.bullet.as_deref())
    }
    /// Text after the bullet.
    pub fn body(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        for (i, l) in self.frags.iter().enumerate() {
            parts.push(if i == 0 { l.body() } else { l.text.as_str() });
        }
        parts.join(" ")
    }
}

/// Rows of every page in reading order: consecutive fragments on one baseline joined, the lines
/// of tables of [`BIG_TABLE_ROWS`] or more rows (a report's judgement table) left out.
pub fn reading_rows(pages: &[Page]) -> Vec<FragRow<'_>> {
    let mut rows: Vec<FragRow> = Vec::new();
    for page in pages {
        let big: Vec<BBox> =
            page.tables.iter().filter(|t| t.rows.len() >= BIG_TABLE_ROWS).map(|t| t.bbox).collect();
        let start = rows.len();
        for line in &page.lines {
            if line.text.trim().is_empty()
                || big.iter().any(|b| b.contains_point(line.bbox.cx(), line.bbox.cy()))
            {
                continue;
            }
            let fresh = rows.len() == start;
            if let Some(last) = rows.last_mut().filter(|_| !fresh) {
                if same_baseline(last.top(), line.bbox.top, line.size) {
                    last.frags.push(line);
                    continue;
                }
            }
            rows.push(FragRow { page: page.number, frags: vec![line], width: page.width });
        }
    }
    rows
}

/// A table of this many rows or more is a table, not running text.
const BIG_TABLE_ROWS: usize = 3;

/// One printed row of running text (minutes, a letter): the fragments on one baseline joined left to right.
#[derive(Debug, Clone)]
pub struct Row {
    pub page: u32,
    pub text: String,
    pub bbox: BBox,
    /// The row's lettered fragments are bold.
    pub bold: bool,
    /// The row starts with a bullet glyph.
    pub bullet: bool,
    /// Rows of one printed paragraph share this id.
    pub para: usize,
}

/// Every row of the given section's pages, in reading order, paragraphs numbered across pages.
pub fn para_rows(ctx: &Context, s: &Section) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut para = 0usize;
    for page in ctx.pages_of(s) {
        // A bare item number at the foot of a page can be taken for a page stamp; it is still
        // the number of the heading printed on its baseline.
        let stamps: Vec<&Line> =
            furniture_lines(page, None).filter(|l| BARE_NUMBER.is_match(l.text.trim())).collect();
        for block in &page.blocks {
            para += 1;
            let mut block_para = para;
            for (k, line) in block.lines.iter().enumerate() {
                let text = line.body().trim().to_string();
                if text.is_empty() {
                    continue;
                }
                let lettered = text.chars().any(char::is_alphabetic);
                // A fragment on the baseline of the previous row (a number beside its title, a
                // right-hand "Signed by the Chair") joins that row.
                if let Some(prev) = rows.last_mut() {
                    if prev.page == page.number
                        && same_baseline(prev.bbox.top, line.bbox.top, line.size)
                        && line.bbox.x0 > prev.bbox.x0
                    {
                        // A minute number in its own column ("C.123", "HWB 12") takes the title's style.
                        let prev_lettered = prev.text.chars().any(char::is_alphabetic)
                            && !NUMBER_CELL.is_match(prev.text.trim());
                        prev.text = format!("{} {}", prev.text, text);
                        prev.bbox = prev.bbox.union(&line.bbox);
                        if lettered {
                            prev.bold = if prev_lettered { prev.bold && line.bold } else { line.bold };
                        }
                        if k == 0 {
                            block_para = prev.para;
                        }
                        continue;
                    }
                }
                let stamp = stamps.iter().find(|st| {
                    same_baseline(st.bbox.top, line.bbox.top, line.size.max(st.size))
                        && st.bbox.x1 < line.bbox.x0
                });
                let (text, bbox) = match stamp {
                    Some(st) if k == 0 => (format!("{} {}", st.text.trim(), text), st.bbox.union(&line.bbox)),
                    _ => (text, line.bbox),
                };
                rows.push(Row {
                    page: page.number,
                    text,
                    bbox,
                    bold: line.bold,
                    bullet: line.bullet.is_some(),
                    para: block_para,
                });
            }
        }
    }
    rows
}

/// A cell holding only a minute number: "12", "C.123", "HWB 12", "24/101", "Min 4.2".
static NUMBER_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:min(?:ute)?s?\.?\s+(?:no\.?\s*)?)?(?:[A-Z]{1,4}[.\s]?)?\d{1,4}(?:[/.]\d{1,4})?[a-z]?[.):]?$",
    )
    .expect("valid regex")
});
static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,4}\.?$").expect("valid regex"));

/// The rows grouped by printed paragraph.
pub fn paragraph_rows(rows: &[Row]) -> Vec<Vec<&Row>> {
    let mut out: Vec<Vec<&Row>> = Vec::new();
    let mut last = usize::MAX;
    for r in rows {
        if r.para != last {
            out.push(Vec::new());
            last = r.para;
        }
        if let Some(p) = out.last_mut() {
            p.push(r);
        }
    }
    out
}

/// Each printed paragraph's text, its rows joined.
pub fn paragraph_texts(rows: &[Row]) -> Vec<String> {
    paragraph_rows(rows).iter().map(|p| join_lines(p.iter().map(|r| r.text.as_str()))).collect()
}

/// The date of the meeting minuted: the first date printed in the opening paragraphs, before
/// the first item.
pub fn meeting_date(preamble: &[Row]) -> Option<String> {
    // Read per paragraph: "… on Monday 3 March" / "2025 at 7.30pm" wraps the date over two rows.
    let head = preamble.get(..preamble.len().min(OPENING_ROWS)).unwrap_or(preamble);
    paragraph_texts(head).iter().find_map(|t| find_dates(t).into_iter().next().map(|(d, _)| d))
}

/// Rows of one paragraph each, 12 pt apart on page 1, for extractors' unit tests.
#[cfg(test)]
pub fn rows_for_test(texts: &[&str]) -> Vec<Row> {
    texts
        .iter()
        .enumerate()
        .map(|(k, t)| Row {
            page: 1,
            text: t.to_string(),
            bbox: BBox { x0: 0.0, top: k as f64 * 12.0, x1: 100.0, bottom: k as f64 * 12.0 + 10.0 },
            bold: false,
            bullet: false,
            para: k,
        })
        .collect()
}
