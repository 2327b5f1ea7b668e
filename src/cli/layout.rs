//! `councilpdf layout`: what the layout stage found, for people writing extractors: as text,
//! as JSON, or drawn over the page as SVG.

use anyhow::Context as _;
use std::fmt::Write as _;

use super::args::LayoutArgs;
use councilpdf::layout::{BBox, Furniture, Page, Table};

/// Coordinates are shown to this many points (0.1 pt): finer is noise to a reader.
const SHOWN_PRECISION: f64 = 10.0;
/// The widest a table cell is printed in the text grid (longer text is cut with `…`).
const GRID_CELL_CHARS: usize = 24;

pub fn run(args: LayoutArgs) -> anyhow::Result<u8> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let raw = councilpdf::pdf::read(&bytes, &Default::default())
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let layout = councilpdf::layout::build(&raw);
    if let Some(n) = args.page {
        if n == 0 || n as usize > layout.pages.len() {
            anyhow::bail!(
                "--page {n} is out of range: {} has pages 1 to {}",
                args.file.display(),
                layout.pages.len()
            );
        }
    }
    let pages: Vec<&Page> = layout.pages.iter().filter(|p| args.page.is_none_or(|n| p.number == n)).collect();
    let (doc_type, sections) = councilpdf::segment::segment(&layout, raw.title.as_deref());
    let ctx = councilpdf::extract::Context { layout: &layout, sections: &sections, document_type: doc_type };
    let units = councilpdf::extract::table_units(&ctx);
    if let (Some(out), Some(page)) = (&args.svg, pages.first()) {
        let name = args.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut records = records_on(&councilpdf::convert(&name, &bytes, &Default::default()), page.number);
        records.extend(
            units
                .iter()
                .filter(|u| u.page == page.number)
                .map(|u| Placed { label: format!("unit: {}", unit_text(u)), bbox: u.bbox.to_array() }),
        );
        std::fs::write(out, svg(page, &records))
            .with_context(|| format!("cannot write {}", out.display()))?;
        eprintln!("page {} drawn in {} ({})", page.number, out.display(), plural_records(records.len()));
        return Ok(0);
    }
    if args.json {
        let mut v = serde_json::to_value(&pages)?;
        round_numbers(&mut v);
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(0);
    }
    print!("{}", text(&pages, &name_of(&doc_type), &sections, &units)?);
    Ok(0)
}

/// Which unit statement governed a savings table: the multiplier, where it was printed and
/// its text, e.g. `1000000 (£m) from note on page 1: "All figures in £m"`.
fn unit_text(u: &councilpdf::extract::TableUnit) -> String {
    let name = match u.unit {
        1 => "£",
        1000 => "£000",
        1_000_000 => "£m",
        _ => "",
    };
    match &u.statement {
        Some(st) => {
            format!("{} ({name}) from {} on page {}: \"{}\"", u.unit, name_of(&st.source), st.page, st.text)
        }
        None => format!("{} ({name}) {}: no statement found, pounds assumed", u.unit, name_of(&u.source)),
    }
}

fn plural_records(n: usize) -> String {
    super::plural(n, "record", "records")
}

/// A contract enum as the contract spells it (`agenda_pack`), not as Rust does.
fn name_of(v: &impl serde::Serialize) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// Rounds every float to 0.1 (what the text shows): integers stay integers.
fn round_numbers(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Number(n) if n.is_f64() => {
            if let Some(r) = n.as_f64().map(round).and_then(serde_json::Number::from_f64) {
                *n = r;
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(round_numbers),
        serde_json::Value::Object(o) => o.values_mut().for_each(round_numbers),
        _ => {}
    }
}

fn round(x: f64) -> f64 {
    (x * SHOWN_PRECISION).round() / SHOWN_PRECISION
}

fn bbox_text(b: &BBox) -> String {
    format!("[{:.1}, {:.1}, {:.1}, {:.1}]", b.x0, b.top, b.x1, b.bottom)
}

/// The text view: a legend, the sections, then per page its furniture, blocks and lines, and
/// tables drawn as grids.
fn text(
    pages: &[&Page],
    doc_type: &str,
    sections: &[councilpdf::contract::Section],
    units: &[councilpdf::extract::TableUnit],
) -> anyhow::Result<String> {
    let mut s = String::new();
    writeln!(
        s,
        "legend: boxes are [x0, top, x1, bottom] in points from the page's top-left, to 0.1 pt; \
         line columns are x0, top, font size; B = bold, • = bullet; [header]/[footer] = page furniture"
    )?;
    writeln!(s, "document type: {doc_type}")?;
    for sec in sections {
        let title = sec.title.as_deref().map(|t| format!(" \"{t}\"")).unwrap_or_default();
        writeln!(
            s,
            "section {}: {}, pages {}-{}{title}",
            sec.id,
            name_of(&sec.kind),
            sec.first_page,
            sec.last_page
        )?;
    }
    for p in pages {
        let printed =
            p.printed_number.map_or_else(|| "no printed number".to_string(), |n| format!("printed {n}"));
        writeln!(
            s,
            "\n=== page {} ({:.1} x {:.1} pt), {printed}, body text {:.1} pt{}",
            p.number,
            p.width,
            p.height,
            p.body_size,
            if p.readable { "" } else { ", UNREADABLE" }
        )?;
        for (kind, l) in &p.furniture {
            let k = if *kind == Furniture::Header { "header" } else { "footer" };
            writeln!(s, "  [{k}] {:>6.1} {:>6.1}  {}", round(l.bbox.x0), round(l.bbox.top), l.text)?;
        }
        for (bi, b) in p.blocks.iter().enumerate() {
            writeln!(s, "  block {bi} {}", bbox_text(&b.bbox))?;
            for l in &b.lines {
                let flags = format!(
                    "{}{}",
                    if l.bold { "B" } else { " " },
                    if l.bullet.is_some() { "•" } else { " " }
                );
                writeln!(
                    s,
                    "    {flags} {:>6.1} {:>6.1} {:>4.1}  {}",
                    round(l.bbox.x0),
                    round(l.bbox.top),
                    l.size,
                    l.text
                )?;
            }
        }
        for (ti, t) in p.tables.iter().enumerate() {
            writeln!(
                s,
                "  table {ti}: {} rows x {} columns, {} header row{}, {}{}, {}",
                t.rows.len(),
                t.ncols(),
                t.header_rows,
                if t.header_rows == 1 { "" } else { "s" },
                name_of(&t.source),
                if t.continues { ", continues the previous page's table" } else { "" },
                bbox_text(&t.bbox)
            )?;
            s.push_str(&grid(t));
        }
        for u in units.iter().filter(|u| u.page == p.number) {
            writeln!(s, "  savings table {}: unit {}", bbox_text(&u.bbox), unit_text(u))?;
        }
    }
    Ok(s)
}

/// A table as a text grid: one row a line, cells in columns as wide as their widest text (up
/// to [`GRID_CELL_CHARS`]); a filled cell shows its colour as `{#rrggbb}`; a rule under the header.
fn grid(t: &Table) -> String {
    let cell_text = |c: &councilpdf::layout::Cell| {
        let mut text: String = c.text.replace('\n', " ");
        if text.chars().count() > GRID_CELL_CHARS {
            text = text.chars().take(GRID_CELL_CHARS - 1).collect::<String>() + "…";
        }
        match c.fill {
            Some(f) if f != [255, 255, 255] => format!("{text} {{#{:02x}{:02x}{:02x}}}", f[0], f[1], f[2]),
            _ => text,
        }
    };
    let rows: Vec<Vec<String>> = t.rows.iter().map(|r| r.cells.iter().map(cell_text).collect()).collect();
    let mut widths = vec![0usize; t.ncols()];
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let rule = format!("    +{}+\n", widths.iter().map(|w| "-".repeat(w + 2)).collect::<Vec<_>>().join("+"));
    let mut s = rule.clone();
    for (ri, r) in rows.iter().enumerate() {
        let cells: Vec<String> = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let c = r.get(i).map_or("", String::as_str);
                format!(" {c}{} ", " ".repeat(w.saturating_sub(c.chars().count())))
            })
            .collect();
        s.push_str(&format!("    |{}|\n", cells.join("|")));
        if ri + 1 == t.header_rows {
            s.push_str(&rule.replace('-', "="));
        }
    }
    s.push_str(&rule);
    s
}

/// An extracted record on the page: its field path (`savings[3]`) and bbox `[x0, top, x1, bottom]`.
#[derive(Debug)]
struct Placed {
    label: String,
    bbox: [f64; 4],
}

/// Every record of `out` whose provenance is on `page`, labelled with its path in the output.
fn records_on(out: &councilpdf::contract::Output, page: u32) -> Vec<Placed> {
    let mut found = Vec::new();
    if let Ok(v) = serde_json::to_value(out) {
        walk(&v, String::new(), page, &mut found);
    }
    found
}

fn walk(v: &serde_json::Value, path: String, page: u32, found: &mut Vec<Placed>) {
    match v {
        serde_json::Value::Object(o) => {
            if let Some(p) = o.get("provenance") {
                let on = p.get("page").and_then(|n| n.as_u64()) == Some(u64::from(page));
                let bbox: Option<Vec<f64>> = p
                    .get("bbox")
                    .and_then(|b| b.as_array())
                    .map(|b| b.iter().filter_map(|x| x.as_f64()).collect());
                if let (true, Some([x0, y0, x1, y1])) = (on, bbox.as_deref()) {
                    found.push(Placed { label: path.clone(), bbox: [*x0, *y0, *x1, *y1] });
                }
            }
            for (k, child) in o.iter().filter(|(k, _)| k.as_str() != "provenance") {
                let sub = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                walk(child, sub, page, found);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                walk(child, format!("{path}[{i}]"), page, found);
            }
        }
        _ => {}
    }
}

/// Colours of the SVG view: one per kind of thing drawn.
const BLOCK_COLOUR: &str = "#1f77b4";
const TABLE_COLOUR: &str = "#e6550d";
const FURNITURE_COLOUR: &str = "#999999";
const RECORD_COLOUR: &str = "#d62728";
const WORD_COLOUR: &str = "#333333";

fn esc(t: &str) -> String {
    t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn rect(b: &BBox, class: &str, style: &str) -> String {
    format!(
        "<rect class=\"{class}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" {style}/>\n",
        b.x0,
        b.top,
        (b.x1 - b.x0).max(0.0),
        (b.bottom - b.top).max(0.0)
    )
}

/// The page as SVG, in points with the page's top-left at 0,0 (as the bboxes are): words as
/// text in their boxes, blocks outlined in one colour, tables and their cells in another,
/// furniture in grey, and each extracted record's bbox dashed with its field as a label.
fn svg(p: &Page, records: &[Placed]) -> String {
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.1}pt\" height=\"{h:.1}pt\" viewBox=\"0 0 {w:.1} {h:.1}\">\n\
         <title>page {n}: words (black), blocks ({BLOCK_COLOUR}), tables and cells ({TABLE_COLOUR}), \
         furniture (grey), records ({RECORD_COLOUR}, labelled)</title>\n\
         <rect class=\"page\" x=\"0\" y=\"0\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"white\" stroke=\"black\"/>\n",
        w = p.width,
        h = p.height,
        n = p.number
    );
    let word = |w: &councilpdf::layout::Word, colour: &str| {
        format!(
            "<text class=\"word\" x=\"{:.1}\" y=\"{:.1}\" font-size=\"{:.1}\" fill=\"{colour}\">{}</text>\n",
            w.bbox.x0,
            w.bbox.bottom,
            (w.bbox.bottom - w.bbox.top).max(1.0) * 0.8,
            esc(&w.text)
        )
    };
    for (_, l) in &p.furniture {
        s.push_str(&rect(&l.bbox, "furniture", &format!("fill=\"#eeeeee\" stroke=\"{FURNITURE_COLOUR}\"")));
        for w in &l.words {
            s.push_str(&word(w, FURNITURE_COLOUR));
        }
    }
    for b in &p.blocks {
        s.push_str(&rect(
            &b.bbox,
            "block",
            &format!("fill=\"none\" stroke=\"{BLOCK_COLOUR}\" stroke-width=\"0.8\""),
        ));
        for l in &b.lines {
            for w in &l.words {
                s.push_str(&word(w, WORD_COLOUR));
            }
        }
    }
    for t in &p.tables {
        s.push_str(&rect(
            &t.bbox,
            "table",
            &format!("fill=\"none\" stroke=\"{TABLE_COLOUR}\" stroke-width=\"1.5\""),
        ));
        for r in &t.rows {
            for c in &r.cells {
                s.push_str(&rect(
                    &c.bbox,
                    "cell",
                    &format!("fill=\"none\" stroke=\"{TABLE_COLOUR}\" stroke-width=\"0.4\""),
                ));
                // Its words are drawn with the blocks they also belong to.
            }
        }
    }
    for r in records {
        let [x0, top, x1, bottom] = r.bbox;
        let b = BBox { x0, top, x1, bottom };
        s.push_str(&rect(
            &b,
            "record",
            &format!(
                "fill=\"none\" stroke=\"{RECORD_COLOUR}\" stroke-dasharray=\"3,2\" stroke-width=\"0.8\""
            ),
        ));
        s.push_str(&format!(
            "<text class=\"label\" x=\"{:.1}\" y=\"{:.1}\" font-size=\"6\" fill=\"{RECORD_COLOUR}\">{}</text>\n",
            x0,
            (top - 1.0).max(6.0),
            esc(&r.label)
        ));
    }
    s.push_str("</svg>\n");
    s
}
