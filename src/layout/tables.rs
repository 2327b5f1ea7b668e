//! Tables from drawn edges (rules and cell fills) and from column alignment.
//!
//! Ruled: horizontal edges that share an extent stack into rows; columns come from vertical
//! edges where they run down most of the table, else from the gutters of the words (Kent's
//! appendix is ruled with horizontal lines and fill stripes only). Aligned: runs of lines whose
//! fragments start at the same x positions, at least three columns and three rows.

use super::model::{join_lines, BBox, Cell, Line, Row, Table, TableSource, Word};
use super::words::line_from_words;
use crate::pdf::{Fill, Rule};

#[derive(Debug, Clone, Copy)]
struct HEdge {
    y: f64,
    x0: f64,
    x1: f64,
}

#[derive(Debug, Clone, Copy)]
struct VEdge {
    x: f64,
    top: f64,
    bottom: f64,
}

fn edges(rules: &[Rule], fills: &[Fill], page_w: f64, page_h: f64) -> (Vec<HEdge>, Vec<VEdge>) {
    let mut h = Vec::new();
    let mut v = Vec::new();
    for r in rules {
        if r.is_horizontal() {
            h.push(HEdge { y: (r.top + r.bottom) / 2.0, x0: r.x0, x1: r.x1 });
        } else {
            v.push(VEdge { x: (r.x0 + r.x1) / 2.0, top: r.top, bottom: r.bottom });
        }
    }
    for f in fills {
        let (w, hh) = (f.x1 - f.x0, f.bottom - f.top);
        // Page or slide backgrounds are not cells, and white on the white page draws nothing.
        if w * hh > page_w * page_h * 0.5 || w < 3.0 || hh < 3.0 || f.color.iter().all(|&c| c >= 250) {
            continue;
        }
        h.push(HEdge { y: f.top, x0: f.x0, x1: f.x1 });
        h.push(HEdge { y: f.bottom, x0: f.x0, x1: f.x1 });
        v.push(VEdge { x: f.x0, top: f.top, bottom: f.bottom });
        v.push(VEdge { x: f.x1, top: f.top, bottom: f.bottom });
    }
    (merge_h(h), merge_v(v))
}

fn merge_h(mut h: Vec<HEdge>) -> Vec<HEdge> {
    h.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut out: Vec<HEdge> = Vec::new();
    for e in h {
        if let Some(m) = out
            .iter_mut()
            .rev()
            .take(8)
            .find(|m| (m.y - e.y).abs() < 2.0 && e.x0 <= m.x1 + 3.0 && e.x1 >= m.x0 - 3.0)
        {
            m.x0 = m.x0.min(e.x0);
            m.x1 = m.x1.max(e.x1);
            continue;
        }
        out.push(e);
    }
    out
}

fn merge_v(mut v: Vec<VEdge>) -> Vec<VEdge> {
    v.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.top.total_cmp(&b.top)));
    let mut out: Vec<VEdge> = Vec::new();
    for e in v {
        if let Some(m) = out
            .iter_mut()
            .rev()
            .take(8)
            .find(|m| (m.x - e.x).abs() < 2.0 && e.top <= m.bottom + 3.0 && e.bottom >= m.top - 3.0)
        {
            m.top = m.top.min(e.top);
            m.bottom = m.bottom.max(e.bottom);
            continue;
        }
        out.push(e);
    }
    out
}

/// Finds ruled tables; returns them with the words they consumed removed from `words`.
pub fn ruled_tables(
    words: &mut Vec<Word>,
    rules: &[Rule],
    fills: &[Fill],
    page_w: f64,
    page_h: f64,
) -> Vec<Table> {
    let (h, v) = edges(rules, fills, page_w, page_h);
    if h.len() < 3 {
        return vec![];
    }
    // Stack horizontal edges that share most of their extent and follow closely.
    let mut groups: Vec<Vec<HEdge>> = Vec::new();
    for e in &h {
        if e.x1 - e.x0 < 30.0 {
            continue;
        }
        let g = groups.iter_mut().find(|g| {
            let last = g[g.len() - 1];
            let span =
                g.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |s, x| (s.0.min(x.x0), s.1.max(x.x1)));
            let overlap = e.x1.min(span.1) - e.x0.max(span.0);
            let (ew, sw) = (e.x1 - e.x0, span.1 - span.0);
            // Same extent (rows of one table, horizontal rules only), or a vertical edge runs
            // from the last row boundary down to this one (a ruled grid, merged cells too).
            let same_extent = overlap > 0.9 * ew.max(sw);
            let joined = v.iter().any(|ve| {
                ve.top <= last.y + 3.0
                    && ve.bottom >= e.y - 3.0
                    && ve.x >= span.0 - 3.0
                    && ve.x <= span.1 + 3.0
            });
            overlap > 0.8 * ew.min(sw) && e.y - last.y < 200.0 && e.y >= last.y && (same_extent || joined)
        });
        match g {
            Some(g) => g.push(*e),
            None => groups.push(vec![*e]),
        }
    }
    let mut tables = Vec::new();
    for g in groups {
        let x0 = g.iter().map(|e| e.x0).fold(f64::INFINITY, f64::min);
        let x1 = g.iter().map(|e| e.x1).fold(f64::NEG_INFINITY, f64::max);
        let width = x1 - x0;
        // Row boundaries: edges spanning at least half the table.
        let mut ys: Vec<f64> = g.iter().filter(|e| e.x1 - e.x0 >= 0.5 * width).map(|e| e.y).collect();
        ys.dedup_by(|b, a| (*b - *a).abs() < 2.5);
        if ys.len() < 3 {
            continue;
        }
        let bbox = BBox { x0, top: ys[0], x1, bottom: ys[ys.len() - 1] };
        let inside: Vec<usize> = (0..words.len())
            .filter(|&i| bbox.contains_point(words[i].bbox.cx(), words[i].bbox.cy()))
            .collect();
        if inside.len() < 4 {
            continue;
        }
        // Columns from vertical edges that run down a good part of the table.
        let mut xs: Vec<f64> = v
            .iter()
            .filter(|e| {
                e.x > x0 + 2.0
                    && e.x < x1 - 2.0
                    && e.bottom.min(bbox.bottom) - e.top.max(bbox.top)
                        > 0.3 * bbox.height().clamp(10.0, 120.0)
            })
            .map(|e| e.x)
            .collect();
        xs.sort_by(f64::total_cmp);
        xs.dedup_by(|b, a| (*b - *a).abs() < 3.0);
        let in_words: Vec<&Word> = inside.iter().map(|&i| &words[i]).collect();
        let row_bands: Vec<(f64, f64)> = ys.windows(2).map(|w| (w[0], w[1])).collect();
        if xs.len() < 2 {
            // Horizontal rules only: columns from the words' gutters, rule-derived ones kept.
            let mut gut = gutters(&in_words, &row_bands, x0, x1);
            gut.extend(xs.iter().copied());
            gut.sort_by(f64::total_cmp);
            gut.dedup_by(|b, a| (*b - *a).abs() < 3.0);
            xs = gut;
        }
        let mut bounds = vec![x0];
        bounds.extend(xs.iter().copied().filter(|x| *x > x0 + 2.0 && *x < x1 - 2.0));
        bounds.push(x1);
        // A drawn column that holds several figures side by side in most rows is really several
        // columns without rules between them (fill stripes drawn across a whole row): split it
        // at the figures' gutters.
        let mut split = Vec::new();
        for w in bounds.windows(2) {
            let col: Vec<&Word> =
                in_words.iter().copied().filter(|wd| wd.bbox.cx() >= w[0] && wd.bbox.cx() <= w[1]).collect();
            let (mut rows_with, mut rows_multi) = (0, 0);
            for &(t, b) in &row_bands {
                let n = col
                    .iter()
                    .filter(|wd| wd.bbox.cy() > t && wd.bbox.cy() < b && looks_numeric(&wd.text))
                    .count();
                if col.iter().any(|wd| wd.bbox.cy() > t && wd.bbox.cy() < b) {
                    rows_with += 1;
                }
                if n >= 2 {
                    rows_multi += 1;
                }
            }
            if rows_with >= 2 && rows_multi * 2 > rows_with {
                split.extend(gutters(&col, &row_bands, w[0], w[1]));
            }
        }
        if !split.is_empty() {
            bounds.extend(split);
            bounds.sort_by(f64::total_cmp);
            bounds.dedup_by(|b, a| (*b - *a).abs() < 3.0);
        }
        let columns: Vec<[f64; 2]> = bounds.windows(2).map(|w| [w[0], w[1]]).collect();
        if columns.len() < 2 {
            continue;
        }
        let table = build(&in_words, &row_bands, &columns, fills, TableSource::Ruled);
        let Some(table) = table else { continue };
        if table.rows.len() < 2 {
            continue;
        }
        let taken: std::collections::HashSet<usize> = inside.into_iter().collect();
        let mut i = 0;
        words.retain(|_| {
            let keep = !taken.contains(&i);
            i += 1;
            keep
        });
        tables.push(table);
    }
    tables
}

/// Column gutters: x positions where no word of most row bands lies, wide enough not to be a
/// word space. Returns the middle of each gutter.
fn gutters(words: &[&Word], bands: &[(f64, f64)], x0: f64, x1: f64) -> Vec<f64> {
    let n = ((x1 - x0).max(1.0)).ceil() as usize + 1;
    let mut cover = vec![0u32; n];
    let mut rows_with_text = 0u32;
    for &(t, b) in bands {
        let mut row = vec![false; n];
        let mut any = false;
        for w in words.iter().filter(|w| w.bbox.cy() > t && w.bbox.cy() < b) {
            any = true;
            let a = ((w.bbox.x0 - x0).max(0.0)) as usize;
            let z = (((w.bbox.x1 - x0).ceil()) as usize).min(n - 1);
            for c in row.iter_mut().take(z + 1).skip(a) {
                *c = true;
            }
        }
        if any {
            rows_with_text += 1;
            for (c, r) in cover.iter_mut().zip(row) {
                *c += r as u32;
            }
        }
    }
    // A row that spans gutters (a heading, a wrapped description) may cross one: allow 15%.
    let allowed = (rows_with_text as f64 * 0.15).floor() as u32;
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let first_text = cover.iter().position(|&c| c > allowed).unwrap_or(0);
    let last_text = cover.iter().rposition(|&c| c > allowed).unwrap_or(n - 1);
    for (i, &c) in cover.iter().enumerate().take(last_text + 1).skip(first_text) {
        if c <= allowed {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            if i - s >= 6 {
                out.push(x0 + (s + i) as f64 / 2.0);
            }
        }
    }
    out
}

/// Places words into the grid and makes cells.
fn build(
    words: &[&Word],
    bands: &[(f64, f64)],
    columns: &[[f64; 2]],
    fills: &[Fill],
    source: TableSource,
) -> Option<Table> {
    let nc = columns.len();
    let mut grid: Vec<Vec<Vec<Word>>> = vec![vec![Vec::new(); nc]; bands.len()];
    let col_of = |x: f64| {
        columns.iter().position(|c| x >= c[0] && x <= c[1]).unwrap_or_else(|| {
            columns
                .iter()
                .enumerate()
                .min_by(|a, b| dist(x, a.1).total_cmp(&dist(x, b.1)))
                .map(|(i, _)| i)
                .unwrap_or(0)
        })
    };
    let mut cols: Vec<usize> = words.iter().map(|w| col_of(w.bbox.cx())).collect();
    // A wrapped, centred header line can put a short word ("To" of "To be achieved") just
    // across a column boundary: it goes with the neighbour it sits a word-space from, when
    // its own column's nearest word on the line is at least twice as far.
    for i in 0..words.len() {
        let w = words[i];
        // Only short joining words ("To", "in", "of", "&") wrap that way; longer ones are
        // centred in their own column ("2024-25" above "Savings Target").
        if w.text.chars().count() > 3 || !w.text.chars().all(|c| c.is_alphabetic() || c == '&') {
            continue;
        }
        let same_line =
            |o: &Word| (o.bbox.bottom - w.bbox.bottom).abs() < 1.0 && (o.bbox.x0 - w.bbox.x0).abs() > 0.01;
        let right = words
            .iter()
            .enumerate()
            .filter(|(_, o)| same_line(o) && o.bbox.x0 >= w.bbox.x1 - 0.5)
            .min_by(|a, b| a.1.bbox.x0.total_cmp(&b.1.bbox.x0));
        let left = words
            .iter()
            .enumerate()
            .filter(|(_, o)| same_line(o) && o.bbox.x1 <= w.bbox.x0 + 0.5)
            .max_by(|a, b| a.1.bbox.x1.total_cmp(&b.1.bbox.x1));
        let gap_r = right.map(|(_, o)| o.bbox.x0 - w.bbox.x1).unwrap_or(f64::INFINITY);
        let gap_l = left.map(|(_, o)| w.bbox.x0 - o.bbox.x1).unwrap_or(f64::INFINITY);
        let space = 0.45 * w.size.max(1.0);
        if let Some((j, _)) = right {
            if cols[j] != cols[i] && gap_r < space && gap_l >= 2.0 * gap_r.max(0.5) {
                cols[i] = col_of(words[j].bbox.cx());
                continue;
            }
        }
        if let Some((j, _)) = left {
            if cols[j] != cols[i] && gap_l < space && gap_r >= 2.0 * gap_l.max(0.5) {
                cols[i] = col_of(words[j].bbox.cx());
            }
        }
    }
    for (w, &c) in words.iter().zip(&cols) {
        let cy = w.bbox.cy();
        let Some(r) = bands.iter().position(|&(t, b)| cy >= t && cy <= b) else { continue };
        grid[r][c].push((*w).clone());
    }
    let mut rows: Vec<Row> = Vec::new();
    for (r, cells) in grid.into_iter().enumerate() {
        let (t, b) = bands[r];
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        let cells: Vec<Cell> = cells
            .into_iter()
            .enumerate()
            .map(|(c, ws)| {
                let bbox = BBox { x0: columns[c][0], top: t, x1: columns[c][1], bottom: b };
                make_cell(ws, bbox, fills)
            })
            .collect();
        rows.push(Row { cells, bbox: BBox { x0: columns[0][0], top: t, x1: columns[nc - 1][1], bottom: b } });
    }
    // Drop columns with no text anywhere.
    let keep: Vec<usize> = (0..nc).filter(|&c| rows.iter().any(|r| !r.cells[c].is_empty())).collect();
    if keep.len() < 2 || rows.is_empty() {
        return None;
    }
    let columns: Vec<[f64; 2]> = keep.iter().map(|&c| columns[c]).collect();
    for r in &mut rows {
        let cells = std::mem::take(&mut r.cells);
        r.cells = cells.into_iter().enumerate().filter(|(i, _)| keep.contains(i)).map(|(_, c)| c).collect();
    }
    let bbox = rows.iter().fold(BBox::EMPTY, |b, r| b.union(&r.bbox));
    let header_rows = header_rows(&rows);
    Some(Table { bbox, rows, columns, header_rows, source, continues: false })
}

fn dist(x: f64, c: &[f64; 2]) -> f64 {
    if x < c[0] {
        c[0] - x
    } else {
        x - c[1]
    }
}

/// A cell of `bbox` holding `ws` (lines by vertical overlap), with the fill covering most of it.
pub fn make_cell(mut ws: Vec<Word>, bbox: BBox, fills: &[Fill]) -> Cell {
    ws.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top));
    // Lines inside the cell by vertical overlap.
    let mut lines: Vec<Vec<Word>> = Vec::new();
    for w in ws {
        match lines.last_mut() {
            Some(l) if w.bbox.y_overlap(&l[0].bbox) > 0.5 * w.bbox.height().min(l[0].bbox.height()) => {
                l.push(w)
            }
            _ => lines.push(vec![w]),
        }
    }
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|mut l| {
            l.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
            line_from_words(l)
        })
        .collect();
    let texts: Vec<String> = lines.iter().map(|l| l.text.clone()).collect();
    let text = join_lines(texts.iter().map(String::as_str));
    let bold = !lines.is_empty() && lines.iter().all(|l| l.bold);
    let area = bbox.width() * bbox.height();
    let fill = fills
        .iter()
        .rfind(|f| {
            let ix = f.x1.min(bbox.x1) - f.x0.max(bbox.x0);
            let iy = f.bottom.min(bbox.bottom) - f.top.max(bbox.top);
            ix > 0.0 && iy > 0.0 && ix * iy > 0.6 * area
        })
        .map(|f| f.color);
    Cell { text, lines: texts, bbox, fill, bold, line_objs: lines }
}

/// Leading rows that read as a header: all-bold text, or text-only rows above rows of figures.
fn header_rows(rows: &[Row]) -> usize {
    let numeric = |r: &Row| r.cells.iter().any(|c| looks_numeric(&c.text));
    // A header names several columns; a bold row filling one cell is a group row ("Meeting held - 20 June 2022").
    let bold = |r: &Row| {
        let filled = r.cells.iter().filter(|c| !c.is_empty()).count();
        filled >= 2.min(r.cells.len()) && r.cells.iter().filter(|c| !c.is_empty()).all(|c| c.bold)
    };
    let mut n = 0;
    while n < rows.len().saturating_sub(1) && n < 3 && bold(&rows[n]) && !numeric(&rows[n]) {
        n += 1;
    }
    if n == 0
        && rows.len() > 2
        && !numeric(&rows[0])
        && rows[1..].iter().filter(|r| numeric(r)).count() * 2 >= rows.len() - 1
    {
        n = 1;
    }
    n
}

/// A printed figure: digits with separators, signs, brackets, a currency or percent sign.
pub fn looks_numeric(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_digit() || ",.()-−–£%k m".contains(c))
}

/// Tables from alignment alone: runs of consecutive text rows with three or more fragments
/// whose left edges recur at the same x positions.
pub fn aligned_tables(lines: &mut Vec<Line>) -> Vec<Table> {
    // Rows of fragments by baseline.
    let mut idx: Vec<usize> = (0..lines.len()).collect();
    idx.sort_by(|&a, &b| {
        lines[a]
            .bbox
            .bottom
            .total_cmp(&lines[b].bbox.bottom)
            .then(lines[a].bbox.x0.total_cmp(&lines[b].bbox.x0))
    });
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for i in idx {
        match rows.last_mut() {
            Some(r)
                if lines[i].bbox.y_overlap(&lines[r[0]].bbox)
                    > 0.5 * lines[i].bbox.height().min(lines[r[0]].bbox.height()) =>
            {
                r.push(i)
            }
            _ => rows.push(vec![i]),
        }
    }
    let mut tables = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    let mut r = 0;
    while r < rows.len() {
        if rows[r].len() < 3 {
            r += 1;
            continue;
        }
        // Grow a run of rows whose fragments' left edges match the first row's anchors.
        let anchors: Vec<f64> = rows[r].iter().map(|&i| lines[i].bbox.x0).collect();
        let matches = |row: &Vec<usize>| {
            row.iter()
                .filter(|&&i| {
                    anchors
                        .iter()
                        .any(|a| (lines[i].bbox.x0 - a).abs() < 4.0 || (lines[i].bbox.x1 - a).abs() < 4.0)
                })
                .count()
        };
        let mut end = r + 1;
        while end < rows.len() && (rows[end].len() >= 2 && matches(&rows[end]) >= 2) {
            end += 1;
        }
        if end - r >= 3 {
            let members: Vec<usize> = rows[r..end].iter().flatten().copied().collect();
            let x0 = members.iter().map(|&i| lines[i].bbox.x0).fold(f64::INFINITY, f64::min);
            let x1 = members.iter().map(|&i| lines[i].bbox.x1).fold(f64::NEG_INFINITY, f64::max);
            let mut bounds: Vec<f64> = anchors.iter().skip(1).map(|a| a - 2.0).collect();
            bounds.insert(0, x0 - 1.0);
            bounds.push(x1 + 1.0);
            let columns: Vec<[f64; 2]> = bounds.windows(2).map(|w| [w[0], w[1]]).collect();
            let words: Vec<Word> = members.iter().flat_map(|&i| lines[i].words.clone()).collect();
            let wrefs: Vec<&Word> = words.iter().collect();
            let bands: Vec<(f64, f64)> = rows[r..end]
                .iter()
                .map(|row| {
                    let t = row.iter().map(|&i| lines[i].bbox.top).fold(f64::INFINITY, f64::min);
                    let b = row.iter().map(|&i| lines[i].bbox.bottom).fold(f64::NEG_INFINITY, f64::max);
                    (t - 0.5, b + 0.5)
                })
                .collect();
            if let Some(t) = build(&wrefs, &bands, &columns, &[], TableSource::Aligned) {
                // Side-by-side text columns (a slide's lists) align too; a table from alignment
                // alone must have a column of figures.
                let figures = (0..t.ncols()).any(|c| {
                    let cells: Vec<&str> = t
                        .body()
                        .iter()
                        .map(|r| r.cells[c].text.as_str())
                        .filter(|x| !x.trim().is_empty())
                        .collect();
                    cells.len() >= 2
                        && cells.iter().filter(|x| looks_numeric(x)).count() * 10 >= cells.len() * 6
                });
                if t.ncols() >= 3 && figures {
                    tables.push(t);
                    used.extend(members);
                }
            }
            r = end;
        } else {
            r += 1;
        }
    }
    used.sort_unstable();
    for i in used.into_iter().rev() {
        lines.remove(i);
    }
    tables
}
