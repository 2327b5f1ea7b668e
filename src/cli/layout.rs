//! `councilpdf layout`: what the layout stage found, for people writing extractors.

use anyhow::Context as _;
use std::fmt::Write as _;

use super::args::LayoutArgs;
use councilpdf::layout::{Furniture, Page};

pub fn run(args: LayoutArgs) -> anyhow::Result<u8> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let raw = councilpdf::pdf::read(&bytes, &Default::default())
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let layout = councilpdf::layout::build(&raw);
    let (doc_type, sections) = councilpdf::segment::segment(&layout, raw.title.as_deref());
    let pages: Vec<&Page> = layout.pages.iter().filter(|p| args.page.is_none_or(|n| p.number == n)).collect();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&pages)?);
        return Ok(0);
    }
    let mut s = String::new();
    writeln!(s, "document_type: {doc_type:?}")?;
    for sec in &sections {
        writeln!(
            s,
            "section {} {:?} pages {}-{} {:?}",
            sec.id, sec.kind, sec.first_page, sec.last_page, sec.title
        )?;
    }
    for p in pages {
        writeln!(
            s,
            "\n=== page {} ({:.0}x{:.0}) printed {:?} body size {:.1}{}",
            p.number,
            p.width,
            p.height,
            p.printed_number,
            p.body_size,
            if p.readable { "" } else { " UNREADABLE" }
        )?;
        for (kind, l) in &p.furniture {
            let k = if *kind == Furniture::Header { "header" } else { "footer" };
            writeln!(s, "  [{k}] {:>6.1} {:>6.1}  {}", l.bbox.x0, l.bbox.top, l.text)?;
        }
        for (bi, b) in p.blocks.iter().enumerate() {
            writeln!(
                s,
                "  block {bi} [{:.1},{:.1},{:.1},{:.1}]",
                b.bbox.x0, b.bbox.top, b.bbox.x1, b.bbox.bottom
            )?;
            for l in &b.lines {
                let flags = format!(
                    "{}{}",
                    if l.bold { "B" } else { " " },
                    if l.bullet.is_some() { "•" } else { " " }
                );
                writeln!(
                    s,
                    "    {flags} {:>6.1} {:>6.1} {:>4.1}  {}",
                    l.bbox.x0, l.bbox.top, l.size, l.text
                )?;
            }
        }
        for (ti, t) in p.tables.iter().enumerate() {
            writeln!(
                s,
                "  table {ti}: {} rows x {} cols, {} header row(s), {:?}{}, [{:.1},{:.1},{:.1},{:.1}]",
                t.rows.len(),
                t.ncols(),
                t.header_rows,
                t.source,
                if t.continues { ", continues the previous page's table" } else { "" },
                t.bbox.x0,
                t.bbox.top,
                t.bbox.x1,
                t.bbox.bottom
            )?;
            for (ri, r) in t.rows.iter().enumerate() {
                let cells: Vec<String> = r
                    .cells
                    .iter()
                    .map(|c| match c.fill {
                        Some(f) if f != [255, 255, 255] => {
                            format!("{} {{#{:02x}{:02x}{:02x}}}", c.text, f[0], f[1], f[2])
                        }
                        _ => c.text.clone(),
                    })
                    .collect();
                writeln!(s, "    r{ri}: {}", cells.join(" | "))?;
            }
        }
    }
    print!("{s}");
    Ok(0)
}
