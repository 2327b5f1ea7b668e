//! Reading order: a recursive XY-cut that reads columns column by column, keeps label/value
//! rows (a narrow column of short labels) row by row, and treats each table as one unit.

use super::model::{BBox, Block, Line};

/// An item to order: a body line, or a whole table (its index).
#[derive(Debug, Clone)]
pub enum Item {
    Line(Line),
    Table(usize, BBox),
}

impl Item {
    pub fn bbox(&self) -> BBox {
        match self {
            Item::Line(l) => l.bbox,
            Item::Table(_, b) => *b,
        }
    }
}

/// Orders items for reading; `size` is the page's body font size.
pub fn order(items: Vec<Item>, size: f64) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len());
    cut(items, size, &mut out, 0);
    out
}

fn cut(mut items: Vec<Item>, size: f64, out: &mut Vec<Item>, depth: usize) {
    if items.len() <= 1 || depth > 40 {
        sort_rows(&mut items);
        out.extend(items);
        return;
    }
    // 1. A vertical gutter through the whole region splits it into columns.
    if let Some(x) = gutter(&items, size) {
        let (left, right): (Vec<Item>, Vec<Item>) = items.into_iter().partition(|i| i.bbox().cx() < x);
        if !left.is_empty() && !right.is_empty() && !is_label_column(&left, &right) {
            cut(left, size, out, depth + 1);
            cut(right, size, out, depth + 1);
            return;
        }
        items = left.into_iter().chain(right).collect();
    }
    // 2. Else a wide horizontal gap splits it into bands, read top to bottom.
    items.sort_by(|a, b| a.bbox().top.total_cmp(&b.bbox().top));
    let mut bottom = f64::NEG_INFINITY;
    let mut best: Option<(f64, usize)> = None;
    for (i, it) in items.iter().enumerate() {
        let b = it.bbox();
        if i > 0 {
            let gap = b.top - bottom;
            if gap > size * 0.9 && best.is_none_or(|(g, _)| gap > g) {
                best = Some((gap, i));
            }
        }
        bottom = bottom.max(b.bottom);
    }
    if let Some((_, i)) = best {
        let rest = items.split_off(i);
        cut(items, size, out, depth + 1);
        cut(rest, size, out, depth + 1);
        return;
    }
    sort_rows(&mut items);
    out.extend(items);
}

/// Rows top to bottom, left to right within a row.
fn sort_rows(items: &mut [Item]) {
    items.sort_by(|a, b| {
        let (a, b) = (a.bbox(), b.bbox());
        if a.y_overlap(&b) > 0.5 * a.height().min(b.height()) {
            a.x0.total_cmp(&b.x0)
        } else {
            a.top.total_cmp(&b.top)
        }
    });
    // The comparison above is not transitive for every layout; a stable second pass by row
    // bands keeps the result sensible.
    let mut i = 0;
    while i + 1 < items.len() {
        let (a, b) = (items[i].bbox(), items[i + 1].bbox());
        if a.y_overlap(&b) > 0.5 * a.height().min(b.height()) && b.x0 < a.x0 {
            items.swap(i, i + 1);
            i = i.saturating_sub(1);
        } else {
            i += 1;
        }
    }
}

/// The widest x where no item lies, if it is wide enough to be a gutter.
fn gutter(items: &[Item], size: f64) -> Option<f64> {
    let mut spans: Vec<(f64, f64)> = items.iter().map(|i| (i.bbox().x0, i.bbox().x1)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut reach = spans[0].1;
    let mut best: Option<(f64, f64)> = None;
    for s in &spans[1..] {
        if s.0 > reach {
            let gap = s.0 - reach;
            if gap >= size * 1.2 && best.is_none_or(|(g, _)| gap > g) {
                best = Some((gap, (reach + s.0) / 2.0));
            }
        }
        reach = reach.max(s.1);
    }
    best.map(|(_, x)| x)
}

/// A narrow left column of short texts beside the right side, row for row: labels and values
/// ("Date:" | "Monday, 3 October 2022", "5" | "Work Programme"), read row by row.
fn is_label_column(left: &[Item], right: &[Item]) -> bool {
    let lines: Vec<&Line> =
        left.iter().filter_map(|i| if let Item::Line(l) = i { Some(l) } else { None }).collect();
    if lines.len() != left.len() {
        return false;
    }
    let lw = left.iter().map(|i| i.bbox().x1).fold(f64::NEG_INFINITY, f64::max)
        - left.iter().map(|i| i.bbox().x0).fold(f64::INFINITY, f64::min);
    let rw = right.iter().map(|i| i.bbox().x1).fold(f64::NEG_INFINITY, f64::max)
        - right.iter().map(|i| i.bbox().x0).fold(f64::INFINITY, f64::min);
    let short = lines.iter().filter(|l| l.words.len() <= 4).count() * 10 >= lines.len() * 8;
    let paired = lines.iter().filter(|l| right.iter().any(|r| r.bbox().y_overlap(&l.bbox) > 0.0)).count()
        * 10
        >= lines.len() * 7;
    short && paired && lw < rw * 0.6
}

/// Groups ordered lines into blocks: a block ends at a wider gap, a change of size or weight,
/// a new bullet, or a jump to another column.
pub fn blocks(lines: &[Line]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for l in lines {
        let start_new = match out.last().and_then(|b| b.lines.last()) {
            None => true,
            Some(p) => {
                let gap = l.bbox.top - p.bbox.bottom;
                gap > p.size.max(l.size) * 0.75
                    || gap < -p.size
                    || (p.size - l.size).abs() > 1.0
                    || p.bold != l.bold
                    || l.bullet.is_some()
                    || l.bbox.x_overlap(&p.bbox) < 0.0
            }
        };
        if start_new {
            out.push(Block { lines: vec![l.clone()], bbox: l.bbox });
        } else if let Some(b) = out.last_mut() {
            b.bbox = b.bbox.union(&l.bbox);
            b.lines.push(l.clone());
        }
    }
    out
}
