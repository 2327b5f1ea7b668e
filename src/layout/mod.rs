//! Glyphs → words → lines → tables → furniture → reading order → blocks.

mod furniture;
pub mod model;
mod order;
pub mod tables;
pub mod words;

pub use model::*;

use crate::pdf::{RawDocument, RawPage};
use order::Item;
use rayon::prelude::*;

/// A page after its first layout steps (words and line fragments), its glyphs dropped.
pub struct StagedPage {
    raw: RawPage,
    lines: Vec<Line>,
}

/// Steps 1-2 of one page: words and line fragments, before we know what repeats. The page's
/// glyphs are dropped here, so memory holds lines, not glyphs, for the pages read so far.
pub fn stage(mut raw: RawPage) -> StagedPage {
    let lines = page_lines(&raw);
    raw.glyphs = Vec::new();
    StagedPage { raw, lines }
}

impl StagedPage {
    /// The page as the PDF layer read it, without its glyphs.
    pub fn raw(&self) -> &RawPage {
        &self.raw
    }
}

/// Builds the layout of every page, then recognises furniture across pages.
pub fn build(doc: &RawDocument) -> Layout {
    let staged = doc
        .pages
        .par_iter()
        .map(|p| {
            let lines = page_lines(p);
            StagedPage { raw: p.clone_without_glyphs(), lines }
        })
        .collect();
    build_staged(staged)
}

/// Builds the layout from pages already staged (see [`stage`]).
pub fn build_staged(staged: Vec<StagedPage>) -> Layout {
    // Step 3: furniture and printed page numbers need every page.
    let views: Vec<(&[Line], f64, &RawPage)> =
        staged.iter().map(|s| (s.lines.as_slice(), s.raw.height, &s.raw)).collect();
    let furniture = furniture::find(&views);
    // Steps 4-6 per page, in parallel; the order of pages is kept.
    let mut pages: Vec<Page> = staged
        .into_par_iter()
        .zip(furniture)
        .map(|(s, (furn, printed))| finish_page(s.raw, s.lines, furn, printed))
        .collect();
    // Step 7: tables that carry on from the previous page.
    for i in 1..pages.len() {
        let (before, after) = pages.split_at_mut(i);
        let (Some(prev), Some(next)) = (before[i - 1].tables.last(), after[0].tables.first_mut()) else {
            continue;
        };
        next.continues = continues(prev, next);
    }
    Layout { pages }
}

/// The same number of columns at the same places (within 6 pt), and a repeated header when the
/// next part has one.
fn continues(prev: &Table, next: &Table) -> bool {
    let same_columns = prev.ncols() == next.ncols()
        && prev
            .columns
            .iter()
            .zip(&next.columns)
            .all(|(a, b)| (a[0] - b[0]).abs() < 6.0 && (a[1] - b[1]).abs() < 6.0);
    let norm = |h: Vec<String>| {
        h.into_iter()
            .map(|x| x.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
    };
    same_columns
        && (next.header_rows == 0 || prev.header_rows == 0 || norm(prev.header()) == norm(next.header()))
}

fn page_lines(p: &RawPage) -> Vec<Line> {
    let raw = words::words(&p.glyphs);
    words::lines(raw, &p.rules)
}

fn finish_page(raw: RawPage, lines: Vec<Line>, marks: Vec<furniture::Mark>, printed: Option<u32>) -> Page {
    let mut furniture = Vec::new();
    let mut body = Vec::new();
    for (i, l) in lines.into_iter().enumerate() {
        let kind = |header: bool| if header { Furniture::Header } else { Furniture::Footer };
        let mine: Vec<&furniture::Mark> = marks.iter().filter(|m| m.line == i).collect();
        if let Some(m) = mine.iter().find(|m| m.word.is_none()) {
            furniture.push((kind(m.header), l));
            continue;
        }
        if mine.is_empty() {
            body.push(l);
            continue;
        }
        // A stamp the body line ran into: the stamp is set aside, the rest stays body.
        let (mut kept, mut set_aside) = (Vec::new(), Vec::new());
        for (w, word) in l.words.iter().cloned().enumerate() {
            match mine.iter().find(|m| m.word == Some(w)) {
                Some(m) => set_aside.push((m.header, word)),
                None => kept.push(word),
            }
        }
        for (header, word) in set_aside {
            furniture.push((kind(header), words::line_from_words(vec![word])));
        }
        if !kept.is_empty() {
            body.push(words::line_from_words(kept));
        }
    }
    let has_text = !body.is_empty() || !furniture.is_empty();
    let body_size = body_size(&body);

    // Step 4: tables. Ruled ones work on words (a cell's words may sit in several fragments).
    let mut words: Vec<Word> = body.iter().flat_map(|l| l.words.iter().cloned()).collect();
    let mut tables = tables::ruled_tables(&mut words, &raw.rules, &raw.fills, raw.width, raw.height);
    let mut rest: Vec<Line> = if tables.is_empty() {
        body
    } else {
        body.into_iter()
            .filter(|l| !tables.iter().any(|t| t.bbox.contains_point(l.bbox.cx(), l.bbox.cy())))
            .collect()
    };
    tables.extend(tables::aligned_tables(&mut rest));
    tables.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top));

    // Step 5: reading order, each table one unit read row by row.
    let mut items: Vec<Item> = rest.into_iter().map(Item::Line).collect();
    items.extend(tables.iter().enumerate().map(|(i, t)| Item::Table(i, t.bbox)));
    let ordered = order::order(items, body_size);
    let mut lines = Vec::new();
    for it in ordered {
        match it {
            Item::Line(l) => lines.push(l),
            Item::Table(i, _) => lines.extend(table_lines(&tables[i])),
        }
    }
    // Step 6: blocks.
    let blocks = order::blocks(&lines);
    Page {
        number: raw.number,
        width: raw.width,
        height: raw.height,
        lines,
        blocks,
        tables,
        furniture,
        printed_number: printed,
        fills: raw.fills,
        rules: raw.rules,
        has_text,
        readable: raw.readable,
        body_size,
    }
}

/// A table's text as lines, row by row, each cell's lines in order (for text-reading rules).
fn table_lines(t: &Table) -> Vec<Line> {
    t.rows.iter().flat_map(|r| r.cells.iter().flat_map(|c| c.line_objs.iter().cloned())).collect()
}

fn body_size(lines: &[Line]) -> f64 {
    let mut counts: Vec<(f64, usize)> = Vec::new();
    for l in lines {
        let n = l.text.len();
        match counts.iter_mut().find(|(s, _)| (*s - l.size).abs() < 0.01) {
            Some(c) => c.1 += n,
            None => counts.push((l.size, n)),
        }
    }
    counts.into_iter().max_by_key(|c| c.1).map(|c| c.0).filter(|s| *s > 0.0).unwrap_or(10.0)
}

#[cfg(test)]
mod tests {
    /// A page's blocks and its tables' cells hold the page's own lines, not copies: the layout of
    /// every page is kept until the extractors have run, so a copy per view would double it.
    #[test]
    fn blocks_and_cells_share_the_pages_lines() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let (mut blocks, mut cells) = (0, 0);
        for name in [
            "somerset-cf-scrutiny-2022-10-03-agenda-pack.pdf",
            "somerset-childrens-transformation-progress-2024-06.pdf",
        ] {
            let bytes = std::fs::read(root.join(name)).expect("fixture");
            let Ok(raw) = crate::pdf::read(&bytes, &Default::default()) else { panic!("{name} reads") };
            for page in super::build(&raw).pages {
                let held = |l: &super::Line| page.lines.iter().any(|p| p.is_same(l));
                for l in page.blocks.iter().flat_map(|b| &b.lines) {
                    assert!(held(l), "{name} p{}: block line {:?} is a copy", page.number, l.text);
                    blocks += 1;
                }
                for l in
                    page.tables.iter().flat_map(|t| &t.rows).flat_map(|r| &r.cells).flat_map(|c| &c.line_objs)
                {
                    assert!(held(l), "{name} p{}: cell line {:?} is a copy", page.number, l.text);
                    cells += 1;
                }
            }
        }
        assert!(blocks > 500 && cells > 100, "{blocks} block lines, {cells} cell lines");
    }
}
