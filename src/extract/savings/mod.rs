//! Savings trackers and appendices: one `Saving` per printed saving, one `SavingsTotal` per total row.
//!
//! Reads tables whose header is savings-type (a ref or saving column and a target or status
//! column), e.g. a slide's MTFP tracker:
//!
//! ```text
//! MTFP Ref  |                          | 24/25 £ | Over-achieved | Achieved | On Track | At Risk | Comments
//! CFE001    | Home to school transport | 324,500 |               | 149,000  | 175,500  |         | Overachieved …
//!           | TOTALS                   | 9,568,900 |             | 1,371,200 | 4,166,400 | 4,031,300 |
//! ```
//!
//! or an appendix with "£000s" above a stacked header, directorate heading rows, descriptions
//! wrapped over several lines with the figures on the last, and "<Directorate> Total" rows. A row
//! with text but no figures is the start of the next saving's description unless it is a
//! heading (bold over plain rows, or named by a later "… Total" row). Units come from the nearest
//! statement (column header, caption or note, the table continued, the text above, the foot of
//! an earlier page, the title) and carry over to continuation pages. Each total is checked
//! against the rows it covers and, where status columns exist, each row's parts against its target.
//!
//! Known limits: a description whose figures sit on its first line in a table without rules is
//! read as ending there (its later lines start the next saving); a comment column in a table
//! without rules is read into the description.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use crate::contract::{
    Extraction, Money, Rag, Saving, SavingStatus, SavingsTotal, UnitSource, Warning, WarningCode,
};
use crate::extract::read;
use crate::extract::read::columns::{is_savings_table, period_of, Kind};
use crate::extract::read::grid::{Grid, GridRow};
use crate::extract::read::rag::{rating_in_cell, rating_of_colour, Rating};
use crate::extract::read::units::{figure, UnitStatement};
use crate::extract::{provenance, Context};
use crate::layout::BBox;

static TOTAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix) ^ (?: grand \s+ | overall \s+ | net \s+ )? (?: sub \s* -? \s* )? totals? \b | \b (?: sub \s* -? \s* )? totals? \s* :? $")
        .expect("valid regex")
});

/// A total or subtotal row's label: "TOTALS", "Sub-total", "Adult Social Care & Health Total";
/// "Total transport review" (a saving's name starting with the word) is not one.
fn is_total_label(label: &str) -> bool {
    let l = label.trim();
    TOTAL.is_match(l)
        && (l.split_whitespace().count() <= 5
            || l.to_lowercase().trim_end_matches(':').trim_end().ends_with("total")
            || l.to_lowercase().ends_with("totals"))
}
static GRAND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix) ^ (?: grand \s+ | overall \s+ )? totals? (?: \s+ savings? )? \s* :? $")
        .expect("valid regex")
});

static SLIPPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bslip|\bdefer|\bdelayed\b|future\s+years?|carried\s+forward|re-?profiled")
        .expect("valid regex")
});

/// Rows of one table run (a table and its continuation pages).
#[derive(Default)]
struct Run {
    unit: Option<u32>,
    /// Where `unit` was printed (a caption or note of this table or the one it continues).
    unit_source: Option<UnitSource>,
    /// The statement of `unit`, carried to the pages the table continues on.
    statement: Option<UnitStatement>,
    /// No unit was found for the run's table: pounds assumed, `unit_missing` already warned.
    assumed: bool,
    /// The target column's header where it printed the unit, and the page it is printed on.
    header: Option<UnitStatement>,
    directorate: Option<String>,
    /// Indexes into `out.savings` of every row of the run, and of those since the last total.
    all: Vec<usize>,
    segment: Vec<usize>,
    had_subtotal: bool,
    has_status: bool,
    last_page: u32,
    /// The columns of the run's last table, for a continuation page without a header.
    columns: Option<Vec<read::grid::Column>>,
    /// Printed decimals of each row's figures, by column header.
    decimals: BTreeMap<usize, BTreeMap<String, u32>>,
}

/// The unit governing one savings table and the statement that said so (what `councilpdf
/// layout` shows for each table).
#[derive(Debug, Clone, PartialEq)]
pub struct TableUnit {
    /// The physical page of the table (of this part, for a table continued over pages).
    pub page: u32,
    pub bbox: BBox,
    /// The multiplier of the table's target column.
    pub unit: u32,
    pub source: UnitSource,
    /// The statement that governed, where it was printed; `None` when pounds were assumed.
    pub statement: Option<UnitStatement>,
}

/// Finds savings tables on every page and appends their rows and totals.
pub fn extract(ctx: &Context, out: &mut Extraction) {
    read_tables(ctx, out);
}

/// Each savings table's governing unit and its statement, in page order.
pub fn table_units(ctx: &Context) -> Vec<TableUnit> {
    let mut out = Extraction::empty(crate::contract::Source {
        file: String::new(),
        path: None,
        sha256: None,
        bytes: None,
        pages: None,
        producer: None,
        title: None,
    });
    read_tables(ctx, &mut out)
}

/// The target column's own unit and its header, where the header prints one ("Target £k"; a
/// bare "£" only where no unit is printed beside the table).
fn target_header_unit(grid: &Grid) -> Option<(u32, &str)> {
    let c = grid.columns.iter().find(|c| c.kind == Kind::Target)?;
    c.unit.filter(|&u| u != 1 || grid.unit.is_none()).map(|u| (u, c.header.as_str()))
}

/// The one unit every money column that prints its own agrees on ("Target £k", "Forecast £k"),
/// for a money column whose printed header lost or never had it.
fn shared_header_unit(grid: &Grid) -> Option<u32> {
    let mut units = grid.columns.iter().filter(|c| c.kind.is_money()).filter_map(|c| c.unit);
    let first = units.next()?;
    units.all(|u| u == first).then_some(first)
}

fn read_tables(ctx: &Context, out: &mut Extraction) -> Vec<TableUnit> {
    let mut found = Vec::new();
    let mut run = Run::default();
    // What each page gives on its own (its tables' grids; the grid of its words when none of its
    // tables is a savings table), read for all pages in parallel; the run below only adds
    // carried columns.
    let alone: Vec<(Vec<Option<Grid>>, Option<Option<Grid>>)> = {
        use rayon::prelude::*;
        ctx.layout
            .pages
            .par_iter()
            .map(|page| {
                let own: Vec<Option<Grid>> = page
                    .tables
                    .iter()
                    .map(|t| {
                        read::grid::from_table(page, t, None)
                            .filter(|g| is_savings_table(&g.headers(), &g.kinds()))
                    })
                    .collect();
                let words = own.iter().all(Option::is_none).then(|| {
                    read::grid::from_words(page).filter(|g| is_savings_table(&g.headers(), &g.kinds()))
                });
                (own, words)
            })
            .collect()
    };
    for ((at, page), (own_grids, words_grid)) in ctx.layout.pages.iter().enumerate().zip(alone) {
        // The run (its unit, directorate and totals) goes on over pages that follow each other;
        // a table takes the run's columns only where the layout says it continues the last
        // table of the previous page.
        let continues = run.last_page + 1 == page.number;
        // Each grid, and whether it took the columns (and header) of the table it continues.
        let grids: Vec<(Grid, bool)> = {
            let mut from_tables: Vec<(Grid, bool)> = Vec::new();
            for (t, own) in page.tables.iter().zip(own_grids) {
                let carried = || {
                    run.columns
                        .as_deref()
                        .filter(|_| continues && t.continues)
                        .and_then(|cols| read::grid::from_table(page, t, Some(cols)))
                };
                if let Some(g) = own.map(|g| (g, false)).or_else(|| carried().map(|g| (g, true))) {
                    from_tables.push(g);
                }
            }
            if from_tables.is_empty() {
                words_grid
                    .unwrap_or_else(|| {
                        read::grid::from_words(page).filter(|g| is_savings_table(&g.headers(), &g.kinds()))
                    })
                    .map(|g| (g, false))
                    .into_iter()
                    .collect()
            } else {
                from_tables
            }
        };
        if grids.is_empty() {
            continue;
        }
        // A table continues from the previous page when it follows it directly.
        if !continues {
            run = Run::default();
        }
        run.last_page = page.number;
        for (grid, carried) in &grids {
            // The nearest statement wins: a unit printed beside the table (its caption or a
            // note), that of the table it continues, the unit its money columns' headers share,
            // then a statement away from it (the text above, the foot of an earlier page, the
            // title). A column printing its own unit keeps it.
            let beside = grid.unit.map(|unit| UnitStatement {
                unit,
                source: grid.unit_source.unwrap_or(UnitSource::Caption),
                page: page.number,
                text: grid.unit_text.clone().unwrap_or_default(),
            });
            let away = || {
                let section = ctx.section_at(page.number);
                let first = section.map_or(1, |s| s.first_page);
                let title = section.and_then(|s| s.title.as_deref());
                let top = grid.rows.first().map_or(0.0, |r| r.bbox.top);
                read::units::governing_unit(&ctx.layout.pages, at, top, first, title)
            };
            let header = target_header_unit(grid);
            let statement = beside
                .or_else(|| run.statement.clone())
                .or_else(|| {
                    let unit = shared_header_unit(grid).filter(|_| header.is_some())?;
                    Some(UnitStatement {
                        unit,
                        source: UnitSource::Header,
                        page: page.number,
                        text: header.map(|(_, h)| h.to_string()).unwrap_or_default(),
                    })
                })
                .or_else(away);
            if statement.is_none() && header.is_none() && !run.assumed {
                out.warnings.push(Warning::new(
                    WarningCode::UnitMissing,
                    "savings table prints no unit in its header, caption, notes, the text before it \
                     or the title; pounds assumed",
                    Some(page.number),
                ));
            }
            run.assumed = statement.is_none() && header.is_none();
            run.unit = statement.as_ref().map(|s| s.unit);
            run.unit_source =
                statement.as_ref().map(|s| s.source).or(run.assumed.then_some(UnitSource::Assumed));
            // The statement governing the target column, for `layout`.
            let shown = match header {
                // A continuation without its own header: the header printed on an earlier page.
                Some(_) if *carried && run.header.is_some() => run.header.clone(),
                Some((unit, text)) => Some(UnitStatement {
                    unit,
                    source: UnitSource::Header,
                    page: page.number,
                    text: text.to_string(),
                }),
                None => statement.clone(),
            };
            run.header = shown.clone().filter(|s| s.source == UnitSource::Header);
            found.push(TableUnit {
                page: page.number,
                bbox: grid
                    .rows
                    .iter()
                    .skip(1)
                    .fold(grid.rows.first().map_or(BBox::EMPTY, |r| r.bbox), |b, r| b.union(&r.bbox)),
                unit: shown.as_ref().map_or(1, |s| s.unit),
                source: shown.as_ref().map_or(UnitSource::Assumed, |s| s.source),
                statement: shown,
            });
            run.statement = statement.filter(|s| s.source != UnitSource::Header);
            read_grid(grid, page.number, run.unit.unwrap_or(1), &mut run, out);
            run.columns = Some(grid.columns.clone());
        }
    }
    found
}

/// Words a commentary sentence has at least; a wrapped description's tail is shorter.
const COMMENT_MIN_WORDS: usize = 6;

/// Whether a figure-less row is commentary on the saving above: set in italic, or a sentence
/// (a full stop after several words), never a bold heading.
fn is_commentary(row: &GridRow, desc: &str) -> bool {
    let t = desc.trim();
    !row.bold
        && !t.is_empty()
        && (row.italic || (t.ends_with('.') && t.split_whitespace().count() >= COMMENT_MIN_WORDS))
}

/// Whether a figure-less row is a heading rather than the first line of a wrapped description.
fn is_heading(grid: &Grid, i: usize, text: &str, desc_col: usize) -> bool {
    let Some(row) = grid.rows.get(i) else { return false };
    let key = text.trim().to_lowercase();
    let named_by_total = grid.rows.get(i + 1..).unwrap_or(&[]).iter().any(|r| {
        let t = r.cells.get(desc_col).map(|c| c.text.trim().to_lowercase()).unwrap_or_default();
        t.strip_suffix("total").map(str::trim) == Some(key.as_str())
    });
    if named_by_total {
        return true;
    }
    // Bold (or larger) over the plain rows that follow.
    let next = grid
        .rows
        .get(i + 1..)
        .unwrap_or(&[])
        .iter()
        .find(|r| !r.cells.iter().all(|c| c.text.trim().is_empty()));
    match next {
        Some(n) => (row.bold && !n.bold) || row.size > n.size + 0.5,
        None => row.bold,
    }
}

fn read_grid(grid: &Grid, page: u32, unit: u32, run: &mut Run, out: &mut Extraction) {
    let kinds = grid.kinds();
    let col = |k: Kind| kinds.iter().position(|&x| x == k);
    let desc_col = col(Kind::Description).unwrap_or(0);
    let ref_col = col(Kind::Ref);
    // Each row's parts are checked against its target only where the table splits it into two
    // or more parts (status columns, undeliverable, slipped or deferred).
    let parts = kinds
        .iter()
        .zip(&grid.columns)
        .filter(|(k, c)| {
            k.is_status() || **k == Kind::Undeliverable || (k.is_money() && SLIPPED.is_match(&c.header))
        })
        .count();
    run.has_status |= kinds.iter().any(|k| k.is_status()) && parts >= 2;
    let period = col(Kind::Target).and_then(|i| grid.columns.get(i)).and_then(|c| period_of(&c.header));
    // 1.1 `unit_source`: the target column's own header, else the statement that governs the
    // table (its caption or note, the text before it, the title; or that of the table it
    // continues), else nowhere (`assumed`).
    let table_source = run.unit_source.unwrap_or(UnitSource::Assumed);
    let own_header = target_header_unit(grid).is_some();
    let unit_source = if own_header { UnitSource::Header } else { table_source };
    let unit_of_col = |i: usize| {
        grid.columns.get(i).and_then(|c| c.unit).filter(|&u| u != 1 || grid.unit.is_none()).unwrap_or(unit)
    };
    // A lone dash or "nil" is 0 in a money column that prints figures (the table's convention
    // for nil); in a column of no figures it says nothing, and an empty cell is null.
    let figures_in: Vec<bool> = (0..grid.columns.len())
        .map(|c| grid.rows.iter().any(|r| r.cells.get(c).is_some_and(|x| figure(&x.text).is_some())))
        .collect();
    let cell_money = |text: &str, c: usize| -> Option<Money> {
        if read::units::is_nil(text) && figures_in.get(c).copied().unwrap_or(false) {
            return Some(Money::ZERO);
        }
        read::units::money(text, unit_of_col(c))
    };
    let money_of = |row: &GridRow, k: Kind| -> Option<Money> {
        let i = col(k)?;
        row.cells.get(i).and_then(|c| cell_money(&c.text, i))
    };
    let mut pending: Vec<String> = Vec::new();
    let mut pending_bbox: Option<BBox> = None;
    let mut last_saving: Option<usize> = None;
    for (i, row) in grid.rows.iter().enumerate() {
        let text = |c: Option<usize>| {
            c.and_then(|c| row.cells.get(c)).map(|c| c.text.trim().to_string()).unwrap_or_default()
        };
        let desc = text(Some(desc_col));
        let reference = text(ref_col);
        let has_figures =
            kinds.iter().zip(&row.cells).any(|(k, c)| k.is_money() && figure(&c.text).is_some());
        if !has_figures {
            if desc.is_empty() && reference.is_empty() {
                continue;
            }
            // A heading spanning the row may land in the ref column: words, not a code.
            let spanning =
                desc.is_empty() && reference.contains(' ') && !reference.chars().any(|c| c.is_ascii_digit());
            if spanning {
                run.directorate = Some(reference);
                last_saving = None;
                pending.clear();
                pending_bbox = None;
                continue;
            }
            // Commentary under a saving (italic, or a sentence across the row): its comment.
            if reference.is_empty() && is_commentary(row, &desc) {
                let full =
                    row.cells.iter().map(|c| c.text.trim()).filter(|t| !t.is_empty()).collect::<Vec<_>>();
                let line = crate::layout::join_lines(full);
                if let Some(s) = last_saving.and_then(|p| out.savings.get_mut(p)) {
                    s.comment = Some(match s.comment.take() {
                        Some(c) => crate::layout::join_lines([c.as_str(), line.as_str()]),
                        None => line,
                    });
                }
                continue;
            }
            if reference.is_empty() && is_heading(grid, i, &desc, desc_col) {
                run.directorate = Some(desc);
                last_saving = None;
                pending.clear();
                pending_bbox = None;
                continue;
            }
            // A line closer to the saving above than to the row below continues it (figures
            // printed on a description's first line); otherwise it starts the next description.
            let next_top = grid
                .rows
                .get(i + 1..)
                .unwrap_or(&[])
                .iter()
                .find(|r| r.cells.iter().any(|c| !c.text.trim().is_empty()))
                .map(|r| r.bbox.top);
            if let (true, Some(prev), Some(next_top)) =
                (pending.is_empty(), last_saving.filter(|_| reference.is_empty()), next_top)
            {
                let prev_bbox = out.savings.get(prev).map(|s| s.provenance.bbox);
                if let Some([x0, top, x1, bottom]) = prev_bbox {
                    let gap_prev = row.bbox.top - bottom;
                    let gap_next = next_top - row.bbox.bottom;
                    if gap_prev >= -1.0 && gap_prev + 1.0 < gap_next && gap_prev < row.size.max(4.0) {
                        if let Some(s) = out.savings.get_mut(prev) {
                            s.description =
                                crate::layout::join_lines([s.description.as_str(), desc.as_str()]);
                            let b = BBox { x0, top, x1, bottom }.union(&row.bbox);
                            s.provenance = provenance(page, &b);
                        }
                        continue;
                    }
                }
            }
            if !desc.is_empty() {
                pending.push(desc);
                pending_bbox = Some(pending_bbox.map_or(row.bbox, |b| b.union(&row.bbox)));
            }
            continue;
        }
        let mut parts: Vec<&str> = pending.iter().map(String::as_str).collect();
        parts.push(&desc);
        let description = crate::layout::join_lines(parts);
        let bbox = pending_bbox.take().map_or(row.bbox, |b| b.union(&row.bbox));
        pending.clear();
        let mut columns = BTreeMap::new();
        let mut decimals = BTreeMap::new();
        for (c, k) in kinds.iter().enumerate() {
            if !k.is_money() {
                continue;
            }
            let cell = row.cells.get(c).map(|x| x.text.trim()).unwrap_or("");
            let Some(column) = grid.columns.get(c) else { continue };
            let header =
                if column.header.is_empty() { format!("column {}", c + 1) } else { column.header.clone() };
            decimals.insert(
                header.clone(),
                cell.rsplit_once('.')
                    .map_or(0, |(_, d)| d.chars().take_while(char::is_ascii_digit).count() as u32),
            );
            columns.insert(header, cell_money(cell, c));
        }
        let total_label =
            if is_total_label(&description) && (reference.is_empty() || is_total_label(&reference)) {
                Some(description.clone())
            } else if description.is_empty() && is_total_label(&reference) {
                Some(reference.clone())
            } else {
                None
            };
        if let Some(label) = total_label {
            push_total(label, row, &kinds, &money_of, columns, decimals, page, bbox, run, out);
            last_saving = None;
            if !GRAND.is_match(out.savings_totals.last().map_or("", |t| t.label.as_str())) {
                run.directorate = None;
            }
            continue;
        }
        if description.is_empty() && reference.is_empty() {
            out.warnings.push(Warning::new(
                WarningCode::UnparsedValue,
                "a savings row prints figures but no description; left out",
                Some(page),
            ));
            continue;
        }
        let (rag, rag_text) = rag_of(row, &kinds);
        let over_achieved = money_of(row, Kind::OverAchieved);
        let achieved = money_of(row, Kind::Achieved);
        let on_track = money_of(row, Kind::OnTrack);
        let at_risk = money_of(row, Kind::AtRisk);
        // Without status columns, a status column's words ("Achieved", "At risk") say it.
        // A saving only partly delivered ("Delivered" short of its target) is not achieved.
        let target = money_of(row, Kind::Target);
        let short = |m: &Option<Money>| matches!((m, target), (Some(a), Some(t)) if a.0.abs() < t.0.abs());
        let status = status_of(&[over_achieved, achieved, on_track, at_risk])
            .filter(|s| *s != SavingStatus::Achieved || !short(&achieved))
            .or_else(|| rag_text.as_deref().and_then(status_from_text));
        let target_unit = col(Kind::Target).map_or(unit, unit_of_col);
        let saving = Saving {
            reference: (!reference.is_empty()).then_some(reference),
            description: if description.is_empty() { text(ref_col) } else { description },
            directorate: col(Kind::Directorate)
                .map(|c| text(Some(c)))
                .filter(|t| !t.is_empty())
                .or_else(|| run.directorate.clone()),
            period: period.clone(),
            unit: target_unit,
            unit_source: Some(unit_source),
            target,
            over_achieved,
            achieved,
            on_track,
            at_risk,
            forecast: money_of(row, Kind::Forecast),
            variance: money_of(row, Kind::Variance),
            undeliverable: money_of(row, Kind::Undeliverable),
            rag,
            rag_text,
            status,
            comment: col(Kind::Comment).map(|c| text(Some(c))).filter(|t| !t.is_empty()),
            columns,
            provenance: provenance(page, &bbox),
        };
        run.all.push(out.savings.len());
        run.segment.push(out.savings.len());
        run.decimals.insert(out.savings.len(), decimals);
        last_saving = Some(out.savings.len());
        out.savings.push(saving);
    }
}

fn status_from_text(t: &str) -> Option<SavingStatus> {
    let l = t.to_lowercase();
    if l.contains("over") && l.contains("achiev") {
        Some(SavingStatus::OverAchieved)
    } else if l.contains("at risk") {
        Some(SavingStatus::AtRisk)
    } else if l.contains("on track") {
        Some(SavingStatus::OnTrack)
    } else if (l.contains("achieved") || l.contains("delivered")) && !l.contains("not ") && !l.contains("un")
    {
        Some(SavingStatus::Achieved)
    } else {
        None
    }
}

fn status_of(parts: &[Option<Money>; 4]) -> Option<SavingStatus> {
    let held: Vec<usize> =
        parts.iter().enumerate().filter(|(_, m)| m.is_some_and(|m| !m.0.is_zero())).map(|(i, _)| i).collect();
    match held.as_slice() {
        [] => None,
        [0] => Some(SavingStatus::OverAchieved),
        [1] => Some(SavingStatus::Achieved),
        [2] => Some(SavingStatus::OnTrack),
        [3] => Some(SavingStatus::AtRisk),
        _ => Some(SavingStatus::Mixed),
    }
}

/// The RAG rating from the cell's words, or from its fill where only a colour is printed.
fn rag_of(row: &GridRow, kinds: &[Kind]) -> (Option<Rag>, Option<String>) {
    let Some(c) = kinds.iter().position(|&k| k == Kind::Rag) else { return (None, None) };
    let Some(cell) = row.cells.get(c) else { return (None, None) };
    let t = cell.text.trim();
    let from_text = rating_in_cell(t).map(rag_of_rating);
    let from_fill = cell.fill.and_then(rating_of_colour).map(rag_of_rating);
    (from_text.or(from_fill), (!t.is_empty()).then(|| t.to_string()))
}

fn rag_of_rating(r: Rating) -> Rag {
    match r {
        Rating::Red => Rag::Red,
        Rating::Amber => Rag::Amber,
        Rating::Green => Rag::Green,
        Rating::Blue => Rag::Blue,
    }
}

#[allow(clippy::too_many_arguments)]
fn push_total(
    label: String,
    row: &GridRow,
    kinds: &[Kind],
    money_of: &dyn Fn(&GridRow, Kind) -> Option<Money>,
    columns: BTreeMap<String, Option<Money>>,
    decimals: BTreeMap<String, u32>,
    page: u32,
    bbox: BBox,
    run: &mut Run,
    out: &mut Extraction,
) {
    let grand = GRAND.is_match(&label) && run.had_subtotal;
    let covered: Vec<usize> = if grand { run.all.clone() } else { run.segment.clone() };
    let mut discrepancies = Vec::new();
    let mut reconciles = true;
    // Each printed column of the total against the sum of the rows it covers.
    for (header, total) in &columns {
        let Some(total) = total else { continue };
        let sum: Money = covered
            .iter()
            .filter_map(|&i| out.savings.get(i))
            .filter_map(|s| s.columns.get(header).copied().flatten())
            .sum();
        let diff = (total.0 - sum.0).abs();
        if diff.is_zero() {
            continue;
        }
        let places = decimals.get(header).copied().unwrap_or(0);
        let unit = covered.first().and_then(|&i| out.savings.get(i)).map_or(1, |s| s.unit);
        let half = Decimal::from(unit) * Decimal::new(5, places + 1);
        let tolerance = half * Decimal::from(covered.len().max(1) as u64);
        if diff <= tolerance {
            discrepancies
                .push(format!("{header}: rows sum to {sum}, printed {total}; within rounding ({tolerance})"));
        } else {
            reconciles = false;
            discrepancies.push(format!(
                "{header}: rows sum to {sum}, printed {total} (difference {})",
                Money(total.0 - sum.0)
            ));
        }
    }
    // Each row's delivery categories against its target.
    if run.has_status {
        for s in covered.iter().filter_map(|&i| out.savings.get(i)) {
            let Some(target) = s.target else { continue };
            // Undeliverable and slipped (deferred to a later year) amounts are parts of the target too.
            let later: Money =
                s.columns.iter().filter(|(h, _)| SLIPPED.is_match(h)).filter_map(|(_, m)| *m).sum();
            let parts: Money = [s.over_achieved, s.achieved, s.on_track, s.at_risk, s.undeliverable]
                .iter()
                .flatten()
                .copied()
                .sum::<Money>()
                + later;
            if parts != target {
                reconciles = false;
                let name = s.reference.clone().unwrap_or_else(|| s.description.clone());
                discrepancies.push(format!("{name}: parts sum to {parts}, target {target}"));
            }
        }
    }
    if !reconciles {
        for d in discrepancies.iter().filter(|d| !d.contains("within rounding")) {
            out.warnings.push(Warning::new(WarningCode::TotalsMismatch, format!("{label}: {d}"), Some(page)));
        }
    }
    let _ = kinds;
    out.savings_totals.push(SavingsTotal {
        target: money_of(row, Kind::Target),
        over_achieved: money_of(row, Kind::OverAchieved),
        achieved: money_of(row, Kind::Achieved),
        on_track: money_of(row, Kind::OnTrack),
        at_risk: money_of(row, Kind::AtRisk),
        forecast: money_of(row, Kind::Forecast),
        label,
        reconciles,
        discrepancies,
        provenance: provenance(page, &bbox),
    });
    if !grand {
        run.had_subtotal = true;
    }
    run.segment.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::Source;
    use crate::extract::read::columns::classify;
    use crate::extract::read::grid::{Column, GridCell, GridRow};

    fn grid(headers: &[&str], rows: &[(&[&str], bool)], unit: Option<u32>) -> Grid {
        let columns = headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let numeric = rows.iter().any(|(r, _)| r.get(i).is_some_and(|t| figure(t).is_some()));
                Column {
                    header: h.to_string(),
                    kind: classify(h, numeric),
                    unit: crate::extract::read::units::header_unit(h),
                }
            })
            .collect();
        let rows = rows
            .iter()
            .enumerate()
            .map(|(i, (cells, bold))| GridRow {
                cells: cells.iter().map(|t| GridCell { text: t.to_string(), fill: None }).collect(),
                bbox: BBox { x0: 0.0, top: 10.0 * i as f64, x1: 100.0, bottom: 10.0 * i as f64 + 8.0 },
                bold: *bold,
                italic: false,
                size: 10.0,
            })
            .collect();
        Grid { columns, rows, unit, unit_source: unit.map(|_| UnitSource::Caption), unit_text: None }
    }

    fn run_grid(g: &Grid) -> Extraction {
        let mut out = Extraction::empty(Source {
            file: "t.pdf".into(),
            path: None,
            sha256: None,
            bytes: None,
            pages: Some(1),
            producer: None,
            title: None,
        });
        let mut run = Run { unit_source: g.unit_source, ..Run::default() };
        read_grid(g, 1, g.unit.unwrap_or(1), &mut run, &mut out);
        out
    }

    #[test]
    fn brackets_millions_rag_and_wrapped_rows() {
        let g = grid(
            &["Ref", "Savings proposal", "2025/26 Target", "Forecast", "RAG"],
            &[
                (&["", "Adults", "", "", ""], true),
                (&["A1", "Review of care", "(1.5)", "(1.2)", "Dark Amber"], false),
                (&["", "Reduce agency staff across all", "", "", ""], false),
                (&["A2", "teams", "(0.25)", "(0.25)", "Green"], false),
                (&["", "Adults total", "(1.75)", "(1.45)", ""], true),
            ],
            Some(1_000_000),
        );
        let out = run_grid(&g);
        assert_eq!(out.savings.len(), 2);
        assert_eq!(status_from_text("Achieved"), Some(SavingStatus::Achieved));
        assert_eq!(status_from_text("Not achieved"), None);
        assert_eq!(status_from_text("At Risk"), Some(SavingStatus::AtRisk));
        let g2 = grid(
            &["Ref", "Savings proposal", "Target £"],
            &[(&["Children and Families", "", ""], false), (&["C1", "Review", "(5)"], false)],
            None,
        );
        assert_eq!(run_grid(&g2).savings[0].directorate.as_deref(), Some("Children and Families"));
        let a1 = &out.savings[0];
        assert_eq!(a1.target.map(|m| m.to_string()).as_deref(), Some("-1500000"));
        assert_eq!(a1.rag, Some(Rag::Amber));
        assert_eq!(a1.rag_text.as_deref(), Some("Dark Amber"));
        assert_eq!(a1.directorate.as_deref(), Some("Adults"));
        assert_eq!(a1.period.as_deref(), Some("2025/26"));
        let a2 = &out.savings[1];
        assert_eq!(a2.description, "Reduce agency staff across all teams");
        assert_eq!(a2.rag, Some(Rag::Green));
        let t = &out.savings_totals[0];
        assert!(t.reconciles, "{:?}", t.discrepancies);
        assert_eq!(t.forecast.map(|m| m.to_string()).as_deref(), Some("-1450000"));
    }

    #[test]
    fn real_mismatch_is_a_warning() {
        let g = grid(
            &["Ref", "Description", "Target £", "Achieved", "At Risk"],
            &[
                (&["S1", "One", "100", "60", "40"], false),
                (&["S2", "Two", "200", "150", "-"], false),
                (&["", "Total", "310", "210", "40"], false),
            ],
            None,
        );
        let out = run_grid(&g);
        let t = &out.savings_totals[0];
        assert!(!t.reconciles);
        // Target column off by 10; S2's parts (150) short of its target (200).
        assert!(t.discrepancies.iter().any(|d| d.starts_with("Target £")), "{:?}", t.discrepancies);
        assert!(
            t.discrepancies.iter().any(|d| d.starts_with("S2: parts sum to 150")),
            "{:?}",
            t.discrepancies
        );
        assert_eq!(
            out.warnings.iter().filter(|w| w.code == WarningCode::TotalsMismatch).count(),
            t.discrepancies.len()
        );
        assert_eq!(
            out.savings[1].at_risk.map(|m| m.to_string()).as_deref(),
            Some("0"),
            "a dash in a column of figures is nil"
        );
    }

    #[test]
    fn continuation_line_under_first_line_figures() {
        // Figures on a description's first line; its second line sits close under it, the
        // next saving well below.
        let mut g = grid(
            &["Ref", "Description", "Target £000"],
            &[
                (&["", "Home to school transport", "10"], false),
                (&["", "and college routes", ""], false),
                (&["", "Fostering", "5"], false),
            ],
            None,
        );
        for (r, top) in g.rows.iter_mut().zip([0.0, 9.0, 30.0]) {
            r.bbox = BBox { x0: 0.0, top, x1: 100.0, bottom: top + 7.0 };
        }
        let out = run_grid(&g);
        assert_eq!(out.savings.len(), 2);
        assert_eq!(out.savings[0].description, "Home to school transport and college routes");
        assert_eq!(out.savings[0].target.map(|m| m.to_string()).as_deref(), Some("10000"));
        assert_eq!(out.savings[1].description, "Fostering");
    }

    #[test]
    fn total_labels() {
        for l in
            ["TOTALS", "Total", "Grand Total", "Sub-total", "Adult Social Care & Health Total", "Subtotal"]
        {
            assert!(is_total_label(l), "{l}");
        }
        for l in
            ["Total transport review of routes and contracts across the county", "Home to school transport"]
        {
            assert!(!is_total_label(l), "{l}");
        }
    }
}
