//! A money table (savings, budgets) as a grid of header-named columns and rows, from a ruled
//! table or from words.
//!
//! Ruled and aligned tables (`page.tables`) are used as they are when each money column holds one
//! figure per cell, e.g. Kent's appendix:
//!
//! ```text
//! Saving | | 2024-25 Savings Target | … | £000s / Forecast against alternative saving (one-off) | …
//! Adult Social Care & Health (bold) / Alternate Provision Brand New Starts (DP) | | -3,041.1 | 0.0 …
//! ```
//!
//! with these repairs: a header line that is only a unit ("£000s", "£'000", "£m") is the unit,
//! not part of the column's key; a bold heading sharing the description cell with the first
//! saving under it is a row of its own; description words overflowing into the cells beside it
//! on the same baselines go back to the description; a named header over an empty column gives
//! its name to the unnamed figure column next to it; figures the layout took for a page stamp
//! are read back into their empty cell; a total row printed just under an aligned table is
//! read; a ruled table whose vertical rules are broken by spanned rows is re-cut at every rule
//! crossing most of its rows. Where no table carries the figures (one wide cell of numbers), the
//! columns are rebuilt from the words: right-aligned figures share a right edge, and each stacked header word
//! belongs to the column whose right edge is the first at or after its own (a phrase of header
//! words moves as one; a left-aligned header with no body under it names the figures to its right);
//! a number a word space after a word ends that text ("Efficiency review 1"). Known limits:
//! left-aligned figure columns in a table without rules are not recognised by the word rebuild.

use crate::layout::{join_lines, BBox, Line, Page, Table, TableSource, Word};

use super::columns::{classify, Kind};
use super::rows::same_baseline;
use super::text::furniture_lines;
use super::tol::{SAME_BASELINE_PT, SAME_EDGE_PT};
use super::units::figure;
use super::units::{header_unit, stated_unit, unit_of, unit_only};
use crate::contract::UnitSource;

#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    pub kind: Kind,
    /// The unit the column's own header prints ("24/25 £", "Target £000").
    pub unit: Option<u32>,
}

#[derive(Debug, Clone, Default)]
pub struct GridCell {
    pub text: String,
    pub fill: Option<[u8; 3]>,
}

#[derive(Debug, Clone)]
pub struct GridRow {
    pub cells: Vec<GridCell>,
    pub bbox: BBox,
    pub bold: bool,
    /// Every word of the row is italic (commentary under a saving is often set so).
    pub italic: bool,
    pub size: f64,
}

#[derive(Debug, Clone)]
pub struct Grid {
    pub columns: Vec<Column>,
    pub rows: Vec<GridRow>,
    /// The unit printed above, beside or below the table (not in a column header).
    pub unit: Option<u32>,
    /// Where `unit` was printed: `caption` (a unit line above the header or in it), `note` (a
    /// sentence just above or below the table), `text` (elsewhere on the page).
    pub unit_source: Option<UnitSource>,
    /// The line that printed `unit`, as printed.
    pub unit_text: Option<String>,
}

impl Grid {
    pub fn headers(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.header.clone()).collect()
    }
    pub fn kinds(&self) -> Vec<Kind> {
        self.columns.iter().map(|c| c.kind).collect()
    }
}

fn words_text(line: &Line) -> String {
    line.words.iter().map(|w| &*w.text).collect::<Vec<_>>().join(" ")
}

/// Gives every column a kind once all are known: the first unnamed text column describes the saving.
fn settle_kinds(columns: &mut [Column]) {
    if !columns.iter().any(|c| c.kind == Kind::Description) {
        if let Some(c) = columns.iter_mut().find(|c| c.kind == Kind::Text) {
            c.kind = Kind::Description;
        }
    }
    // Several forecast columns: the total one is the forecast, the rest stay in `columns`.
    let forecasts: Vec<usize> =
        columns.iter().enumerate().filter(|(_, c)| c.kind == Kind::Forecast).map(|(i, _)| i).collect();
    if forecasts.len() > 1 {
        let keep = forecasts
            .iter()
            .copied()
            .find(|&i| columns[i].header.to_lowercase().contains("total"))
            .unwrap_or(forecasts[forecasts.len() - 1]);
        for i in forecasts {
            if i != keep {
                columns[i].kind = Kind::Money;
            }
        }
    }
    let targets: Vec<usize> =
        columns.iter().enumerate().filter(|(_, c)| c.kind == Kind::Target).map(|(i, _)| i).collect();
    for &i in targets.iter().skip(1) {
        columns[i].kind = Kind::Money;
    }
}

/// A ruled table read as a grid, when its money columns hold one figure per cell.
///
/// `inherited` is the previous page's columns, for a continuation that does not repeat its header.
pub fn from_table(page: &Page, table: &Table, inherited: Option<&[Column]>) -> Option<Grid> {
    let by_rules = ruled_columns(page, table);
    let table = by_rules.as_ref().unwrap_or(table);
    if table.ncols() < 3 {
        return None;
    }
    let row_has_figures = |r: &crate::layout::Row| r.cells.iter().any(|c| figure(&c.text).is_some());
    let mut caption: Option<(u32, String)> = None;
    let (columns, body) = match inherited {
        Some(cols) => {
            // Only a continuation: same columns, and no header of its own.
            let own_header = table.rows.iter().take(table.header_rows).any(|r| !row_has_figures(r));
            if cols.len() != table.ncols() || own_header {
                return None;
            }
            (cols.to_vec(), &table.rows[..])
        }
        None => {
            // No header row found by the layout: a first row of labels over rows of figures is one.
            let header_rows = match table.header_rows {
                0 => match table.rows.first() {
                    Some(r)
                        if !row_has_figures(r)
                            && r.cells.iter().filter(|c| !c.text.trim().is_empty()).count() >= 3 =>
                    {
                        1
                    }
                    _ => return None,
                },
                n => n,
            };
            // A heading row under the header (a directorate across the table, one cell of text)
            // is the body's first row, not a header line.
            let filled = |r: &crate::layout::Row| r.cells.iter().filter(|c| !c.is_empty()).count();
            let mut header_rows = header_rows;
            while header_rows > 1
                && table.rows.get(header_rows - 1).is_some_and(|r| filled(r) == 1)
                && table.rows.first().is_some_and(|r| filled(r) >= 3)
            {
                header_rows -= 1;
            }
            let body = table.rows.get(header_rows..).unwrap_or(&[]);
            // A line of a header cell that is only a unit ("£000s" above the header) is a caption.
            let mut captions: Vec<(usize, u32, String)> = Vec::new();
            let headers: Vec<String> = (0..table.ncols())
                .map(|c| {
                    let mut parts: Vec<String> = Vec::new();
                    for cell in table.rows.iter().take(header_rows).filter_map(|r| r.cells.get(c)) {
                        let lines: Vec<String> = if cell.line_objs.is_empty() {
                            vec![cell.text.clone()]
                        } else {
                            cell.line_objs.iter().map(words_text).collect()
                        };
                        for l in lines {
                            match unit_only(&l) {
                                Some(u) => captions.push((c, u, l.trim().to_string())),
                                None if !l.trim().is_empty() => parts.push(l.trim().to_string()),
                                None => {}
                            }
                        }
                    }
                    join_lines(parts.iter().map(String::as_str))
                })
                .collect();
            // A header set wider than its right-aligned figures can give a named column with an
            // empty body beside an unnamed column of figures: the name belongs to the figures.
            let mut headers = headers;
            let body_empty = |c: usize| body.iter().all(|r| r.cells.get(c).is_none_or(|x| x.is_empty()));
            for c in 0..headers.len() {
                if !headers[c].is_empty() || body_empty(c) {
                    continue;
                }
                let named_empty = |i: usize| headers.get(i).is_some_and(|h| !h.is_empty()) && body_empty(i);
                let from = if c > 0 && named_empty(c - 1) {
                    Some(c - 1)
                } else if named_empty(c + 1) {
                    Some(c + 1)
                } else {
                    None
                };
                if let Some(f) = from {
                    headers[c] = std::mem::take(&mut headers[f]);
                    if let Some(pos) = captions.iter().position(|(i, _, _)| *i == f) {
                        captions[pos].0 = c;
                    }
                }
            }
            let mut columns = Vec::with_capacity(table.ncols());
            for (c, h) in headers.iter().enumerate() {
                let texts: Vec<&str> = body
                    .iter()
                    .filter_map(|r| r.cells.get(c))
                    .map(|x| x.text.trim())
                    .filter(|t| !t.is_empty())
                    .collect();
                let figures = texts.iter().filter(|t| figure(t).is_some()).count();
                let numeric = !texts.is_empty() && figures * 10 >= texts.len() * 6;
                let own = captions.iter().find(|(i, _, _)| *i == c).map(|&(_, u, _)| u);
                columns.push(Column {
                    header: h.clone(),
                    kind: classify(h, numeric),
                    unit: own.or_else(|| header_unit(h)),
                });
            }
            // One caption over the header is the whole table's unit.
            if let [(_, u, text)] = captions.as_slice() {
                caption = Some((*u, text.clone()));
            }
            settle_kinds(&mut columns);
            (columns, body)
        }
    };
    // A money column whose cells hold several figures is a merged column: read the words instead.
    let merged = body.iter().any(|r| {
        r.cells.iter().zip(&columns).any(|(c, col)| {
            col.kind.is_money() && c.text.split_whitespace().filter(|w| figure(w).is_some()).count() >= 2
        }) || r.cells.iter().any(|c| {
            c.text.split_whitespace().count() >= 4 && c.text.split_whitespace().all(|w| figure(w).is_some())
        })
    });
    if merged || !columns.iter().any(|c| c.kind.is_money()) {
        return None;
    }
    let stray: Vec<&Word> = page.furniture.iter().flat_map(|(_, l)| l.words.iter()).collect();
    let mut rows = body_rows(body, &columns, &stray);
    rows.extend(trailing_rows(page, table, columns.len()));
    let header_bbox = table.rows.len().checked_sub(body.len()).map_or(table.bbox, |n| {
        table
            .rows
            .iter()
            .take(n.max(1))
            .fold(table.rows.first().map_or(table.bbox, |r| r.bbox), |a, r| a.union(&r.bbox))
    });
    let (unit, unit_source, unit_text) = match caption {
        Some((u, text)) => (Some(u), Some(UnitSource::Caption), Some(text)),
        None => caption_unit(page, &header_bbox, &table.bbox)
            .map_or((None, None, None), |(u, s, t)| (Some(u), Some(s), Some(t))),
    };
    Some(Grid { columns, rows, unit, unit_source, unit_text })
}

/// A vertical rule bounds a column where it crosses more than this share of the table's rows:
/// a rule broken by spanned rows (a heading or commentary across the table) still counts.
const RULE_ROWS_SHARE: f64 = 0.5;

/// The table re-cut at its drawn column rules, where the layout's columns miss one: a vertical
/// rule that crosses most rows, not all, is a column boundary (merged cells break it). In a row
/// the rule does not cross, the words stay in the cell that spans it (the one at its left).
/// `None` when the table has no such rule or its columns already stand on every one.
fn ruled_columns(page: &Page, table: &Table) -> Option<Table> {
    if table.source != TableSource::Ruled || table.rows.len() < 3 {
        return None;
    }
    let (left, right) = (table.columns.first()?[0], table.columns.last()?[1]);
    let mid = |r: &crate::layout::Row| (r.bbox.top + r.bbox.bottom) / 2.0;
    let mut xs: Vec<f64> = page
        .rules
        .iter()
        .filter(|r| !r.is_horizontal() && r.bottom > table.bbox.top && r.top < table.bbox.bottom)
        .map(|r| (r.x0 + r.x1) / 2.0)
        .filter(|x| *x > left + SAME_EDGE_PT && *x < right - SAME_EDGE_PT)
        .collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup_by(|b, a| (*b - *a).abs() < SAME_EDGE_PT);
    let crosses = |x: f64, row: &crate::layout::Row| {
        let y = mid(row);
        page.rules.iter().any(|r| {
            !r.is_horizontal()
                && ((r.x0 + r.x1) / 2.0 - x).abs() < SAME_EDGE_PT
                && r.top <= y
                && r.bottom >= y
        })
    };
    let bounds: Vec<f64> = xs
        .into_iter()
        .filter(|&x| {
            let n = table.rows.iter().filter(|r| crosses(x, r)).count();
            n >= 2 && n as f64 > RULE_ROWS_SHARE * table.rows.len() as f64
        })
        .collect();
    let edges: Vec<f64> = table.columns.iter().skip(1).map(|c| c[0]).collect();
    let stands = |x: f64| edges.iter().any(|e| (e - x).abs() < SAME_EDGE_PT);
    // A row the rule does not cross, with words on both sides of it: one spanning cell the
    // layout cut in two ("Children's | Services").
    let cut_span = |x: f64| {
        table.rows.iter().any(|r| {
            let mut words = r.cells.iter().flat_map(|c| c.line_objs.iter()).flat_map(|l| l.words.iter());
            !crosses(x, r) && words.clone().any(|w| w.bbox.cx() < x) && words.any(|w| w.bbox.cx() > x)
        })
    };
    if bounds.len() < 2 || bounds.iter().all(|&x| stands(x) && !cut_span(x)) {
        return None;
    }
    let mut cuts = vec![left];
    cuts.extend(bounds.iter().copied());
    cuts.push(right);
    let ncols = cuts.len() - 1;
    let mut rows = Vec::with_capacity(table.rows.len());
    for r in &table.rows {
        let mut words: Vec<Vec<Word>> = vec![Vec::new(); ncols];
        for w in r.cells.iter().flat_map(|c| c.line_objs.iter()).flat_map(|l| l.words.iter()) {
            let cx = w.bbox.cx();
            let mut c = cuts.windows(2).position(|e| cx < e[1]).unwrap_or(ncols - 1);
            // A rule absent from this row: the cell at its left spans it.
            while c > 0 && !bounds.get(c - 1).is_some_and(|&x| crosses(x, r)) {
                c -= 1;
            }
            if let Some(ws) = words.get_mut(c) {
                ws.push(w.clone());
            }
        }
        let cells = words
            .into_iter()
            .zip(cuts.windows(2))
            .map(|(ws, e)| {
                let bbox = BBox { x0: e[0], top: r.bbox.top, x1: e[1], bottom: r.bbox.bottom };
                crate::layout::tables::make_cell(ws, bbox, &page.fills)
            })
            .collect();
        rows.push(crate::layout::Row { cells, bbox: r.bbox });
    }
    let columns = cuts.windows(2).map(|e| [e[0], e[1]]).collect();
    Some(Table { rows, columns, ..table.clone() })
}

/// Words in a cell that are no figure: a nil marker ("-", "n/a") stays, other words may be spilled text.
fn is_nil_word(t: &str) -> bool {
    let l = t.trim().to_lowercase();
    matches!(l.as_str(), "-" | "–" | "—" | "n/a" | "na" | "nil" | "tbc" | "tbd" | "£" | "£-" | "0")
}

/// One word with where it sits.
struct Placed {
    top: f64,
    x0: f64,
    text: String,
}

/// Text lines (top, words) of a cell, grouped by baseline.
fn join_placed(mut words: Vec<Placed>) -> String {
    words.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<(f64, String)> = Vec::new();
    for w in words {
        match lines.last_mut() {
            Some((t, l)) if (w.top - *t).abs() < SAME_BASELINE_PT => {
                l.push(' ');
                l.push_str(&w.text);
            }
            _ => lines.push((w.top, w.text)),
        }
    }
    join_lines(lines.iter().map(|(_, l)| l.as_str()))
}

/// Body rows of a ruled table. Two repairs by meaning: a bold heading sharing the description
/// cell with the first saving under it becomes a row of its own (where such cells are the
/// exception, not every row's bold title), and description words that spill over into the empty
/// or figure cells on the same baseline (an Excel export's overflowing text) go back to the
/// description.
///
/// `stray` are words the layout kept out of the body (a figure row at the page foot read as a
/// page stamp); an empty cell takes those lying inside it.
fn body_rows(body: &[crate::layout::Row], columns: &[Column], stray: &[&Word]) -> Vec<GridRow> {
    let desc = columns.iter().position(|c| c.kind == Kind::Description);
    let spill_target = |c: usize| {
        columns.get(c).is_some_and(|col| {
            col.kind.is_money() || (col.kind == Kind::Text && col.header.trim().is_empty())
        })
    };
    let bold_lead = |r: &crate::layout::Row| -> Option<usize> {
        let cell = r.cells.get(desc?)?;
        let n = cell.line_objs.iter().take_while(|l| l.bold).count();
        (n > 0 && n < cell.line_objs.len() && r.cells.iter().any(|c| figure(&c.text).is_some())).then_some(n)
    };
    let with_figures = body.iter().filter(|r| r.cells.iter().any(|c| figure(&c.text).is_some())).count();
    let leads = body.iter().filter(|r| bold_lead(r).is_some()).count();
    let split_headings = leads * 2 < with_figures;
    let mut rows = Vec::with_capacity(body.len());
    for r in body {
        let mut texts: Vec<String> = r
            .cells
            .iter()
            .map(|c| {
                if c.line_objs.is_empty() {
                    c.text.clone()
                } else {
                    let lines: Vec<String> = c.line_objs.iter().map(words_text).collect();
                    join_lines(lines.iter().map(String::as_str))
                }
            })
            .collect();
        for (c, t) in r.cells.iter().zip(texts.iter_mut()) {
            if t.trim().is_empty() {
                let inside: Vec<&str> = stray
                    .iter()
                    .filter(|w| {
                        let (x, y) = ((w.bbox.x0 + w.bbox.x1) / 2.0, (w.bbox.top + w.bbox.bottom) / 2.0);
                        x > c.bbox.x0 && x < c.bbox.x1 && y > c.bbox.top && y < c.bbox.bottom
                    })
                    .map(|w| &*w.text)
                    .collect();
                *t = inside.join(" ");
            }
        }
        let mut bbox = r.bbox;
        if let (Some(d), Some(n)) = (desc, bold_lead(r).filter(|_| split_headings)) {
            if let Some(cell) = r.cells.get(d) {
                let head: Vec<&Line> = cell.line_objs.iter().take(n).collect();
                let head_text = join_lines(head.iter().map(|l| l.text.as_str()));
                let head_box = head
                    .iter()
                    .skip(1)
                    .fold(head.first().map_or(r.bbox, |l| l.bbox), |a, l| a.union(&l.bbox));
                let mut cells: Vec<GridCell> = vec![GridCell::default(); r.cells.len()];
                if let Some(c) = cells.get_mut(d) {
                    c.text = head_text;
                }
                rows.push(GridRow {
                    cells,
                    bbox: BBox { x0: r.bbox.x0, top: head_box.top, x1: r.bbox.x1, bottom: head_box.bottom },
                    bold: true,
                    italic: false,
                    size: head.iter().map(|l| l.size).fold(0.0, f64::max),
                });
                let rest: Vec<String> = cell.line_objs.iter().skip(n).map(words_text).collect();
                if let Some(t) = texts.get_mut(d) {
                    *t = join_lines(rest.iter().map(String::as_str));
                }
                bbox.top = head_box.bottom;
            }
        }
        if let Some(d) = desc {
            let desc_tops: Vec<f64> =
                r.cells.get(d).map(|c| c.line_objs.iter().map(|l| l.bbox.top).collect()).unwrap_or_default();
            let mut spilled: Vec<Placed> = Vec::new();
            for (c, cell) in r.cells.iter().enumerate() {
                if c == d || !spill_target(c) {
                    continue;
                }
                let mut kept: Vec<&str> = Vec::new();
                let mut moved = false;
                for l in &cell.line_objs {
                    let on_desc_line = desc_tops.iter().any(|t| (t - l.bbox.top).abs() < SAME_BASELINE_PT);
                    for w in &l.words {
                        let wordy = figure(&w.text).is_none()
                            && !is_nil_word(&w.text)
                            && w.text.chars().any(char::is_alphabetic);
                        if wordy && on_desc_line {
                            spilled.push(Placed { top: l.bbox.top, x0: w.bbox.x0, text: w.text.to_string() });
                            moved = true;
                        } else {
                            kept.push(&w.text);
                        }
                    }
                }
                if moved {
                    if let Some(t) = texts.get_mut(c) {
                        *t = kept.join(" ");
                    }
                }
            }
            if !spilled.is_empty() {
                if let Some(cell) = r.cells.get(d) {
                    let lead = if split_headings { bold_lead(r).unwrap_or(0) } else { 0 };
                    let own = cell.line_objs.iter().skip(lead).flat_map(|l| {
                        l.words.iter().map(move |w| Placed {
                            top: l.bbox.top,
                            x0: w.bbox.x0,
                            text: w.text.to_string(),
                        })
                    });
                    spilled.extend(own);
                    if let Some(t) = texts.get_mut(d) {
                        *t = join_placed(spilled);
                    }
                }
            }
        }
        rows.push(GridRow {
            cells: r.cells.iter().zip(texts).map(|(c, text)| GridCell { text, fill: c.fill }).collect(),
            bbox,
            bold: r.cells.iter().filter(|c| !c.is_empty()).all(|c| c.bold),
            italic: {
                let mut words = r.cells.iter().flat_map(|c| c.line_objs.iter()).flat_map(|l| l.words.iter());
                let first = words.next();
                first.is_some_and(|w| w.italic) && words.all(|w| w.italic)
            },
            size: r.cells.iter().flat_map(|c| c.line_objs.iter()).map(|l| l.size).fold(0.0, f64::max),
        });
    }
    rows
}

/// Rows printed straight under a table without rules that the layout left out of it (a bold
/// total row in another font): body lines on the next baselines, their words put in the column
/// whose span they overlap. Stops at the first band that is not close under the last or holds no figure.
fn trailing_rows(page: &Page, table: &Table, ncols: usize) -> Vec<GridRow> {
    let spans: Vec<(f64, f64)> = (0..ncols)
        .map(|c| {
            let cells = table.rows.iter().filter_map(|r| r.cells.get(c)).filter(|x| !x.is_empty());
            cells.fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(x.bbox.x0), b.max(x.bbox.x1)))
        })
        .collect();
    let pitch = table
        .rows
        .windows(2)
        .map(|w| w[1].bbox.top - w[0].bbox.top)
        .filter(|d| *d > 0.0)
        .fold(f64::MAX, f64::min);
    if table.source != crate::layout::TableSource::Aligned
        || !pitch.is_finite()
        || pitch > 60.0
        || table.rows.len() < 3
    {
        return Vec::new();
    }
    let mut bottom = table.bbox.bottom;
    let mut last_top = table.rows.last().map_or(table.bbox.top, |r| r.bbox.top);
    let mut out = Vec::new();
    loop {
        let band: Vec<&Line> = page
            .lines
            .iter()
            .filter(|l| {
                l.bbox.top > bottom - 1.0
                    && l.bbox.top - last_top <= pitch * 1.6
                    && l.bbox.top > last_top + 2.0
            })
            .collect();
        let Some(top) = band.iter().map(|l| l.bbox.top).reduce(f64::min) else { break };
        let band: Vec<&Line> =
            band.into_iter().filter(|l| (l.bbox.top - top).abs() < SAME_BASELINE_PT).collect();
        let mut cells = vec![GridCell::default(); ncols];
        let mut placed = 0;
        for w in band.iter().flat_map(|l| l.words.iter()) {
            let overlap = |&(a, b): &(f64, f64)| (w.bbox.x1.min(b) - w.bbox.x0.max(a)).max(0.0);
            let best = spans
                .iter()
                .enumerate()
                .map(|(i, s)| (i, overlap(s)))
                .filter(|(_, o)| *o > 0.0)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some(cell) = best.and_then(|(i, _)| cells.get_mut(i)) {
                if !cell.text.is_empty() {
                    cell.text.push(' ');
                }
                cell.text.push_str(&w.text);
                placed += 1;
            }
        }
        let words = band.iter().map(|l| l.words.len()).sum::<usize>();
        // A row of a table is several fragments on one baseline; prose is one line.
        if band.len() < 2 || placed < words || !cells.iter().any(|c| figure(&c.text).is_some()) {
            break;
        }
        let bbox =
            band.iter().skip(1).fold(band.first().map_or(table.bbox, |l| l.bbox), |a, l| a.union(&l.bbox));
        out.push(GridRow {
            cells,
            bbox,
            bold: band.iter().all(|l| l.bold),
            italic: band.iter().flat_map(|l| l.words.iter()).all(|w| w.italic),
            size: band.iter().map(|l| l.size).fold(0.0, f64::max),
        });
        bottom = bbox.bottom;
        last_top = top;
    }
    out
}

/// How far above a table's header a caption or note may sit, in points.
const CAPTION_ABOVE_PT: f64 = 80.0;
/// How far below a table a note may sit, in points.
const NOTE_BELOW_PT: f64 = 60.0;

/// The unit printed in a caption above the header (`caption`: a line that is only a unit), a
/// note just above or below the table (`note`), or a statement elsewhere on the page ("All
/// figures are in £m", `text`), with where it was printed.
pub fn caption_unit(page: &Page, header: &BBox, table: &BBox) -> Option<(u32, UnitSource, String)> {
    let lines = page.lines.iter().chain(furniture_lines(page, None));
    let mut best: Option<(f64, u32, UnitSource, &str)> = None;
    for l in lines {
        let above = l.bbox.bottom <= header.bottom + 1.0 && l.bbox.top >= header.top - CAPTION_ABOVE_PT;
        let below = l.bbox.top >= table.bottom - 1.0 && l.bbox.top <= table.bottom + NOTE_BELOW_PT;
        if !(above || below) {
            continue;
        }
        if let Some(u) = unit_of(&l.text) {
            let d = (l.bbox.top - header.top).abs();
            let source =
                if above && unit_only(&l.text).is_some() { UnitSource::Caption } else { UnitSource::Note };
            if best.as_ref().is_none_or(|(bd, _, _, _)| d < *bd) {
                best = Some((d, u, source, l.text.as_str()));
            }
        }
    }
    best.map(|(_, u, s, t)| (u, s, t.trim().to_string())).or_else(|| {
        // "All figures are in £m" anywhere on the page.
        page.lines.iter().find_map(|l| {
            let u = stated_unit(&l.text).filter(|_| l.text.to_lowercase().contains("figures"))?;
            Some((u, UnitSource::Text, l.text.trim().to_string()))
        })
    })
}

/// A header word: its top, its left edge, its text.
type HeaderWord = (f64, f64, String);

/// Words of one visual row (one baseline band), left to right.
struct VRow {
    words: Vec<Word>,
    top: f64,
    bottom: f64,
}

fn visual_rows(page: &Page) -> Vec<VRow> {
    let mut words: Vec<Word> =
        page.lines.iter().chain(furniture_lines(page, None)).flat_map(|l| l.words.iter().cloned()).collect();
    words.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top).then(a.bbox.x0.total_cmp(&b.bbox.x0)));
    let mut rows: Vec<VRow> = Vec::new();
    for w in words {
        match rows.last_mut() {
            Some(r) if same_baseline(r.top, w.bbox.top, w.size) => {
                r.bottom = r.bottom.max(w.bbox.bottom);
                r.words.push(w);
            }
            _ => rows.push(VRow { top: w.bbox.top, bottom: w.bbox.bottom, words: vec![w] }),
        }
    }
    for r in &mut rows {
        r.words.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
    }
    rows
}

fn is_figure_word(w: &Word) -> bool {
    figure(&w.text).is_some() || matches!(w.text.trim(), "-" | "–" | "—")
}

/// Words closer than this fraction of their font size are one phrase (a word space is about a
/// quarter of an em; a column gutter is wider).
const WORD_SPACE_EM: f64 = 0.5;

/// Whether the `i`th word of a row (left to right) is a number ending a phrase ("Efficiency
/// review 1", "Phase 2"): it follows a word a word space away, so it is text, not a figure.
fn ends_phrase(words: &[Word], i: usize) -> bool {
    let (Some(w), Some(prev)) = (words.get(i), i.checked_sub(1).and_then(|p| words.get(p))) else {
        return false;
    };
    prev.text.chars().any(char::is_alphabetic)
        && !is_figure_word(prev)
        && w.bbox.x0 - prev.bbox.x1 < WORD_SPACE_EM * w.size.max(prev.size)
}

fn header_like(r: &VRow) -> bool {
    let text: String = r.words.iter().map(|w| w.text.to_lowercase()).collect::<Vec<_>>().join(" ");
    ["saving", "target", "forecast", "variance", "ref", "achieved", "risk", "track", "rag", "£"]
        .iter()
        .any(|k| text.contains(k))
        && r.words.iter().filter(|w| figure(&w.text).is_some()).count() == 0
}

/// A table whose columns are only word gutters, rebuilt from the page's words.
pub fn from_words(page: &Page) -> Option<Grid> {
    let vrows = visual_rows(page);
    // The first row of two or more figures starts the body; the header sits just above it.
    let first_data =
        vrows.iter().position(|r| r.words.iter().filter(|w| figure(&w.text).is_some()).count() >= 2)?;
    let header_end = vrows[..first_data].iter().rposition(header_like)?;
    let mut header_start = header_end;
    while header_start > 0 {
        let (prev, cur) = (&vrows[header_start - 1], &vrows[header_start]);
        let size = cur.words.first().map_or(10.0, |w| w.size);
        if cur.top - prev.bottom > 1.2 * size {
            break;
        }
        header_start -= 1;
    }
    let header_rows = &vrows[header_start..=header_end];
    let body = &vrows[header_end + 1..];

    // Figure columns: right edges shared by figures on two or more rows.
    let mut rights: Vec<(f64, f64, usize)> = Vec::new(); // (right edge, leftmost x0, count)
    for r in body {
        // Dashes ("-" for nil) join columns the figures made; alone they are punctuation.
        let figures = r
            .words
            .iter()
            .enumerate()
            .filter(|&(i, w)| figure(&w.text).is_some() && !ends_phrase(&r.words, i));
        for (_, w) in figures {
            match rights.iter_mut().find(|(x, _, _)| (w.bbox.x1 - *x).abs() <= SAME_EDGE_PT) {
                Some(c) => {
                    c.1 = c.1.min(w.bbox.x0);
                    c.2 += 1;
                }
                None => rights.push((w.bbox.x1, w.bbox.x0, 1)),
            }
        }
    }
    rights.retain(|c| c.2 >= 2);
    rights.sort_by(|a, b| a.0.total_cmp(&b.0));
    if rights.is_empty() {
        return None;
    }
    let em = header_rows.iter().flat_map(|r| r.words.iter()).map(|w| w.size).fold(0.0, f64::max).max(6.0);
    let first_left = rights[0].1 - 1.6 * em;
    let money_col = |x1: f64| -> Option<usize> {
        let mut prev = first_left;
        for (i, c) in rights.iter().enumerate() {
            if x1 > prev && x1 <= c.0 + SAME_EDGE_PT {
                return Some(i);
            }
            prev = c.0 + SAME_EDGE_PT;
        }
        None
    };

    // Header words: under a figure column, or in a text column of their own.
    let mut money_headers: Vec<Vec<HeaderWord>> = vec![Vec::new(); rights.len()];
    let mut text_groups: Vec<(f64, f64, Vec<HeaderWord>)> = Vec::new(); // x0, x1, words
    let mut unit: Option<(u32, String)> = None;
    for r in header_rows {
        // A unit alone on its header line is the table's ("£000s" over the header); one
        // beside other header words ("Target £k") is its column's own.
        if let [w] = r.words.as_slice() {
            if unit_of(&w.text).is_some()
                && w.text.split_whitespace().count() == 1
                && w.text.trim().starts_with('£')
                && w.text.len() <= 8
            {
                unit = unit_of(&w.text).map(|u| (u, w.text.trim().to_string()));
                continue;
            }
        }
        // Words a word space apart are one phrase of one header ("Target £k"): the phrase goes
        // where its last word goes.
        let mut phrases: Vec<Vec<&Word>> = Vec::new();
        for w in &r.words {
            match phrases.last_mut() {
                Some(p)
                    if p.last()
                        .is_some_and(|l| w.bbox.x0 - l.bbox.x1 < WORD_SPACE_EM * w.size.max(l.size)) =>
                {
                    p.push(w)
                }
                _ => phrases.push(vec![w]),
            }
        }
        for phrase in phrases {
            let (Some(first), Some(w)) = (phrase.first(), phrase.last()) else { continue };
            let words = phrase.iter().map(|w| (w.bbox.top, w.bbox.x0, w.text.to_string()));
            // A header word wider than its right-aligned figures belongs to the column whose
            // span (its figures' left edge less an em, to its right edge) holds the word's centre.
            let centre = (w.bbox.x0 + w.bbox.x1) / 2.0;
            let spanning = rights.iter().position(|c| centre >= c.1 - em && centre <= c.0 + SAME_EDGE_PT);
            let (x0, x1) = (first.bbox.x0, w.bbox.x1);
            match spanning.or_else(|| money_col(w.bbox.x1)) {
                Some(i) => money_headers[i].extend(words),
                None => match text_groups.iter_mut().find(|g| x0 <= g.1 + em && x1 >= g.0 - em) {
                    Some(g) => {
                        g.0 = g.0.min(x0);
                        g.1 = g.1.max(x1);
                        g.2.extend(words);
                    }
                    None => text_groups.push((x0, x1, words.collect())),
                },
            }
        }
    }
    let joined = |mut ws: Vec<HeaderWord>| -> String {
        ws.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        // One string per printed line, then lines joined so "(one-" + "off)" is "(one-off)".
        let mut lines: Vec<(f64, String)> = Vec::new();
        for (top, _, text) in ws {
            match lines.last_mut() {
                Some((t, l)) if (top - *t).abs() < SAME_BASELINE_PT => {
                    l.push(' ');
                    l.push_str(&text);
                }
                _ => lines.push((top, text)),
            }
        }
        join_lines(lines.iter().map(|(_, l)| l.as_str()))
    };
    text_groups.sort_by(|a, b| a.0.total_cmp(&b.0));
    if text_groups.is_empty() || text_groups[0].0 > rights[0].1 {
        text_groups.insert(0, (0.0, 0.0, Vec::new()));
    }
    // Columns: text columns first (by x), then figure columns.
    // A header printed left of the right-aligned figures it names (a spreadsheet's
    // left-aligned header in a wide column) makes a text column no body word falls in: it
    // names the first unnamed figure column to its right, before the next text column.
    let starts: Vec<f64> = text_groups.iter().map(|g| g.0).collect();
    let body_text = |t: usize| {
        body.iter().any(|r| {
            r.words.iter().enumerate().any(|(i, w)| {
                let money = is_figure_word(w)
                    && !ends_phrase(&r.words, i)
                    && rights.iter().any(|c| (w.bbox.x1 - c.0).abs() <= SAME_EDGE_PT);
                !money && starts.iter().rposition(|&x| x <= w.bbox.x0 + 2.0).unwrap_or(0) == t
            })
        })
    };
    let mut has_body: Vec<bool> = (0..text_groups.len()).map(body_text).collect();
    let mut t = 1;
    while t < text_groups.len() {
        let (x1, next) = (text_groups[t].1, text_groups.get(t + 1).map_or(f64::MAX, |g| g.0));
        let figures = (0..rights.len())
            .find(|&j| rights[j].0 > x1 && rights[j].0 < next + em && money_headers[j].is_empty());
        match figures {
            Some(j) if !text_groups[t].2.is_empty() && !has_body.get(t).copied().unwrap_or(true) => {
                money_headers[j] = text_groups.remove(t).2;
                has_body.remove(t);
            }
            _ => t += 1,
        }
    }
    let text_x0: Vec<f64> = text_groups.iter().map(|g| g.0).collect();
    let mut columns: Vec<Column> = text_groups
        .into_iter()
        .map(|g| joined(g.2))
        .map(|h| Column { kind: classify(&h, false), unit: header_unit(&h), header: h })
        .collect();
    let ntext = columns.len();
    for ws in money_headers {
        let h = joined(ws);
        columns.push(Column { kind: classify(&h, true), unit: header_unit(&h), header: h });
    }
    settle_kinds(&mut columns);
    // A table, not prose with a few numbers: two named figure columns, two rows of figures.
    let named = columns[ntext..].iter().filter(|c| !c.header.is_empty()).count();
    let figure_rows = body
        .iter()
        .filter(|r| {
            r.words.iter().filter(|w| is_figure_word(w) && money_col(w.bbox.x1).is_some()).count() >= 2
        })
        .count();
    if named < 2 || figure_rows < 2 {
        return None;
    }

    // Body rows: figures to their column, other words to the text column they start in.
    let mut rows = Vec::new();
    for r in body {
        let mut cells: Vec<Vec<&Word>> = vec![Vec::new(); columns.len()];
        for (i, w) in r.words.iter().enumerate() {
            let money = if is_figure_word(w) && !ends_phrase(&r.words, i) {
                rights.iter().position(|c| (w.bbox.x1 - c.0).abs() <= SAME_EDGE_PT)
            } else {
                None
            };
            match money {
                Some(i) => cells[ntext + i].push(w),
                None => {
                    let t = text_x0.iter().rposition(|&x| x <= w.bbox.x0 + 2.0).unwrap_or(0);
                    cells[t].push(w);
                }
            }
        }
        let text_words: Vec<&&Word> = cells[..ntext].iter().flatten().collect();
        let bold = if text_words.is_empty() {
            r.words.iter().all(|w| w.bold)
        } else {
            text_words.iter().all(|w| w.bold)
        };
        let bbox = r.words.iter().skip(1).fold(
            r.words.first().map_or(BBox { x0: 0.0, top: r.top, x1: 0.0, bottom: r.bottom }, |w| w.bbox),
            |a, w| a.union(&w.bbox),
        );
        rows.push(GridRow {
            cells: cells
                .into_iter()
                .map(|ws| GridCell {
                    text: ws.iter().map(|w| &*w.text).collect::<Vec<_>>().join(" "),
                    fill: None,
                })
                .collect(),
            bbox,
            bold,
            italic: r.words.iter().all(|w| w.italic),
            size: r.words.iter().map(|w| w.size).fold(0.0, f64::max),
        });
    }
    let hb = header_rows.iter().flat_map(|r| r.words.iter()).skip(1).fold(
        header_rows
            .first()
            .and_then(|r| r.words.first())
            .map_or(BBox { x0: 0.0, top: 0.0, x1: 0.0, bottom: 0.0 }, |w| w.bbox),
        |a, w| a.union(&w.bbox),
    );
    let table_bbox = rows.iter().fold(hb, |a, r| a.union(&r.bbox));
    let (unit, unit_source, unit_text) = match unit {
        Some((u, text)) => (Some(u), Some(UnitSource::Caption), Some(text)),
        None => caption_unit(page, &hb, &table_bbox)
            .map_or((None, None, None), |(u, s, t)| (Some(u), Some(s), Some(t))),
    };
    Some(Grid { columns, rows, unit, unit_source, unit_text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_only_captions() {
        assert_eq!(unit_only("£000s"), Some(1000));
        assert_eq!(unit_only("(£'000)"), Some(1000));
        assert_eq!(unit_only("£m"), Some(1_000_000));
        assert_eq!(unit_only("£"), None);
        assert!(is_nil_word("n/a") && is_nil_word("-") && !is_nil_word("beds;"));
    }
}
