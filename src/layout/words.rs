//! Glyphs → words → line fragments.
//!
//! Glyphs are grouped into rows by baseline (superscripts folded into the row they sit on),
//! rows into words at gaps wider than a fraction of the font size, and words into line
//! fragments at gaps wide enough to be a column gutter or where a vertical rule runs between.

use super::model::{BBox, Line, Word};
use crate::pdf::{Glyph, Rule};

/// A word before it is placed in a line; `sup` marks a raised, smaller word (footnote marker).
#[derive(Debug, Clone)]
pub struct RawWord {
    pub word: Word,
    pub baseline: f64,
    pub sup: bool,
}

/// Bullet glyphs seen in council papers; private-use glyphs of symbol fonts count too.
pub fn is_bullet(s: &str) -> bool {
    let mut chars = s.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    matches!(
        c,
        '•' | 'o'
            | '●'
            | '○'
            | '◦'
            | '▪'
            | '■'
            | '□'
            | '◼'
            | '◻'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '·'
            | '‣'
            | '⁃'
            | '∙'
            | '–'
            | '—'
            | '-'
            | '§'
            | '\u{F0A7}'
            | '\u{F0B7}'
    ) || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

fn glyph_box(g: &Glyph) -> BBox {
    BBox { x0: g.x0, top: g.top, x1: g.x1.max(g.x0), bottom: g.bottom }
}

/// Groups the page's glyphs into words, each with its baseline.
pub fn words(glyphs: &[Glyph]) -> Vec<RawWord> {
    let any_visible = glyphs.iter().any(|g| g.upright && !g.invisible && !g.text.trim().is_empty());
    let mut gs: Vec<&Glyph> = glyphs.iter().filter(|g| g.upright && (!g.invisible || !any_visible)).collect();
    // Rows by baseline: sort, then cut where the baseline jumps.
    gs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x0.total_cmp(&b.x0)));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in gs {
        match rows.last_mut() {
            Some(row) if (g.baseline - row[0].baseline).abs() <= 0.25 * row[0].size.min(g.size).max(1.0) => {
                row.push(g)
            }
            _ => rows.push(vec![g]),
        }
    }
    let mut out = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        // Drop exact duplicates (fake bold drawn twice).
        row.dedup_by(|b, a| {
            a.text == b.text && (a.x0 - b.x0).abs() < 0.6 && (a.baseline - b.baseline).abs() < 0.6
        });
        let mut cur: Vec<&Glyph> = Vec::new();
        for g in row {
            let is_space = g.text.trim().is_empty();
            let gap_break = cur.last().is_some_and(|p: &&Glyph| {
                let gap = g.x0 - p.x1;
                gap > 0.2 * p.size.max(g.size)
                    || gap < -p.size * 2.0
                    || (p.size - g.size).abs() > p.size.max(g.size) * 0.35
            });
            if (is_space || gap_break) && !cur.is_empty() {
                out.push(make_word(&cur));
                cur.clear();
            }
            if !is_space {
                cur.push(g);
            }
        }
        if !cur.is_empty() {
            out.push(make_word(&cur));
        }
    }
    mark_superscripts(&mut out);
    out
}

fn make_word(gs: &[&Glyph]) -> RawWord {
    let mut bbox = BBox::EMPTY;
    let mut text = String::new();
    for g in gs {
        bbox = bbox.union(&glyph_box(g));
        text.push_str(&g.text);
    }
    let size = gs.iter().map(|g| g.size).fold(0.0, f64::max);
    let first = gs[0];
    RawWord {
        word: Word {
            text: text.trim().to_string(),
            bbox,
            size,
            bold: gs.iter().all(|g| g.font.bold),
            italic: gs.iter().all(|g| g.font.italic),
            color: first.color,
            font: first.font.name.clone(),
        },
        baseline: first.baseline,
        sup: false,
    }
}

/// A short word, smaller than its neighbours, raised above a nearby baseline, is a superscript:
/// it joins that baseline's row (so it does not make a line of its own) and is marked.
fn mark_superscripts(words: &mut [RawWord]) {
    let n = words.len();
    for i in 0..n {
        let w = &words[i];
        if w.word.text.chars().count() > 4 {
            continue;
        }
        let mut best: Option<(f64, f64)> = None;
        for (j, o) in words.iter().enumerate() {
            if j == i || o.word.size < w.word.size * 1.2 {
                continue;
            }
            let raised = o.baseline - w.baseline;
            let near = (o.word.bbox.x0 - w.word.bbox.x1).abs().min((w.word.bbox.x0 - o.word.bbox.x1).abs())
                < o.word.size * 1.5;
            if near && raised > 0.5 && raised < o.word.size * 0.8 {
                best = Some((o.baseline, o.word.size));
                break;
            }
        }
        if let Some((baseline, _)) = best {
            words[i].baseline = baseline;
            words[i].sup = true;
        }
    }
}

/// Groups words into line fragments: same baseline, no column gutter or rule between them.
pub fn lines(mut words: Vec<RawWord>, rules: &[Rule]) -> Vec<Line> {
    words.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.word.bbox.x0.total_cmp(&b.word.bbox.x0)));
    let mut rows: Vec<Vec<RawWord>> = Vec::new();
    for w in words {
        match rows.last_mut() {
            Some(row)
                if (w.baseline - row[0].baseline).abs()
                    <= 0.3 * row[0].word.size.min(w.word.size).max(1.0) =>
            {
                row.push(w)
            }
            _ => rows.push(vec![w]),
        }
    }
    let verticals: Vec<&Rule> = rules.iter().filter(|r| !r.is_horizontal()).collect();
    let mut out = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.word.bbox.x0.total_cmp(&b.word.bbox.x0));
        let mut cur: Vec<RawWord> = Vec::new();
        for w in row {
            if let Some(prev) = cur.last() {
                let gap = w.word.bbox.x0 - prev.word.bbox.x1;
                let size = prev.word.size.max(w.word.size);
                let ruled = verticals.iter().any(|r| {
                    let x = (r.x0 + r.x1) / 2.0;
                    x > prev.word.bbox.x1 - 0.5
                        && x < w.word.bbox.x0 + 0.5
                        && r.top < w.word.bbox.bottom
                        && r.bottom > w.word.bbox.top
                });
                // A bullet set apart from its text by a tab stop still belongs to it.
                let after_bullet = cur.len() == 1 && is_bullet(&prev.word.text) && gap < 6.0 * size;
                if ruled || (gap > 1.6 * size && !after_bullet) {
                    out.push(make_line(std::mem::take(&mut cur)));
                }
            }
            cur.push(w);
        }
        if !cur.is_empty() {
            out.push(make_line(cur));
        }
    }
    out
}

pub fn make_line(words: Vec<RawWord>) -> Line {
    let words: Vec<Word> = words
        .into_iter()
        .map(|mut w| {
            if w.sup {
                w.word.text = format!("\u{2070}{}", w.word.text);
            }
            w.word
        })
        .collect();
    line_from_words(words)
}

/// Builds a line from words already in left-to-right order. Superscript words carry a leading
/// U+2070 marker in `Word::text`, which the line text drops (footnote markers removed).
pub fn line_from_words(words: Vec<Word>) -> Line {
    let bbox = words.iter().fold(BBox::EMPTY, |b, w| b.union(&w.bbox));
    // Footnote markers are dropped; a raised ordinal ("13th", "6TH") stays on its number.
    let mut text = String::new();
    for w in &words {
        match w.text.strip_prefix('\u{2070}') {
            Some(sup) => {
                let ordinal = matches!(sup.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th");
                if ordinal && text.ends_with(|c: char| c.is_ascii_digit()) {
                    text.push_str(sup);
                }
            }
            None => {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&w.text);
            }
        }
    }
    let mut sizes: Vec<f64> = words.iter().map(|w| (w.size * 2.0).round() / 2.0).collect();
    sizes.sort_by(f64::total_cmp);
    let size = mode(&sizes).unwrap_or(0.0);
    let bold = !words.is_empty() && words.iter().all(|w| w.bold || w.text.starts_with('\u{2070}'));
    // A lone "o" is Word's second-level bullet only when set in another font than the text.
    let lone_ok = |w: &Word| w.text != "o" || words.get(1).is_some_and(|n| n.font != w.font);
    let bullet = words
        .first()
        .filter(|w| is_bullet(&w.text) && words.len() > 1 && lone_ok(w))
        .map(|w| w.text.clone())
        .or_else(|| {
            // A bullet glued to its first word: "•Text".
            let first = words.first()?;
            let c = first.text.chars().next()?;
            let rest = &first.text[c.len_utf8()..];
            (!c.is_alphanumeric()
                && c != '-'
                && c != '–'
                && is_bullet(&c.to_string())
                && rest.chars().next().is_some_and(|r| r.is_alphanumeric()))
            .then(|| c.to_string())
        });
    let text = match &bullet {
        Some(b) if !text.starts_with(&format!("{b} ")) && text.starts_with(b.as_str()) => {
            format!("{b} {}", &text[b.len()..])
        }
        _ => text,
    };
    Line { words, bbox, text, size, bold, bullet }
}

fn mode(sorted: &[f64]) -> Option<f64> {
    let mut best = None;
    let mut best_n = 0;
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j < sorted.len() && sorted[j] == sorted[i] {
            j += 1;
        }
        if j - i > best_n {
            best_n = j - i;
            best = Some(sorted[i]);
        }
        i = j;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_of_many_glyphs() {
        for b in ["•", "◼", "–", "\u{F0B7}", "▪", "o"] {
            assert!(is_bullet(b), "{b}");
        }
        for b in ["a", "1.", "(a)", "CFE"] {
            assert!(!is_bullet(b), "{b}");
        }
    }
}
