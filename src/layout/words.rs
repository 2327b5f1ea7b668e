//! Glyphs → words → line fragments.
//!
//! Glyphs are grouped into rows by baseline (superscripts folded into the row they sit on),
//! rows into words at gaps wider than a fraction of the font size, and words into line
//! fragments at gaps wide enough to be a column gutter or where a vertical rule runs between.

use super::model::{BBox, Line, LineData, Word};
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
        // The row's letters without its space glyphs, each marked when a space glyph precedes it.
        let mut letters: Vec<(&Glyph, bool)> = Vec::with_capacity(row.len());
        let mut spaced = false;
        for g in row {
            if g.text.trim().is_empty() {
                spaced = true;
            } else {
                letters.push((g, spaced));
                spaced = false;
            }
        }
        let breaks = word_breaks(&letters);
        let mut cur: Vec<&Glyph> = Vec::new();
        for (k, (g, _)) in letters.iter().enumerate() {
            if breaks.get(k).copied().unwrap_or(true) && !cur.is_empty() {
                out.push(make_word(&cur));
                cur.clear();
            }
            cur.push(g);
        }
        if !cur.is_empty() {
            out.push(make_word(&cur));
        }
    }
    mark_superscripts(&mut out);
    out
}

/// A gap wider than this share of the font size between two letters is a word break, in text set
/// with ordinary letter spacing.
const WORD_GAP: f64 = 0.2;
/// Letters spaced out glyph by glyph (expanded or justified titles, "A p o l o g i e s"): a word
/// break is this share of the font size wider than the letters' own spacing (as pdftotext adds
/// its word spacing to the minimum letter spacing).
const TRACKED_WORD_GAP: f64 = 0.15;
/// Letter spacing above this share of the font size is not tracking but a gap between cells.
const MAX_TRACKING: f64 = 0.5;
/// Letter gaps on each side of a gap that tell the local letter spacing.
const TRACKING_WINDOW: usize = 4;
/// Letter gaps in the window that must agree before letters count as spaced out.
const TRACKING_PAIRS: usize = 3;
/// The local letter spacing is the gap a quarter of the way up the window's sorted gaps.
const TRACKING_QUANTILE: usize = 4;
/// Glyphs overlapping by more than this share of the size start a new word (text drawn over).
const OVERLAP_BREAK: f64 = 2.0;
/// Sizes differing by more than this share of the larger start a new word.
const SIZE_BREAK: f64 = 0.35;

/// For each letter of a row (with whether a space glyph precedes it), whether a word starts at it.
/// A space glyph always breaks; otherwise a gap breaks when it is wider than the local letter
/// spacing allows, so letters placed one by one with wide spacing stay one word, and so does a
/// capital placed on its own before them (pdftotext reads both so).
fn word_breaks(letters: &[(&Glyph, bool)]) -> Vec<bool> {
    let gap = |k: usize| match (k.checked_sub(1).and_then(|j| letters.get(j)), letters.get(k)) {
        (Some((p, _)), Some((g, _))) => Some(g.x0 - p.x1),
        _ => None,
    };
    // A gap between two letters of one word, spacing included: no space glyph, not a cell gap.
    let letter_gap = |k: usize| -> Option<f64> {
        let (g, spaced) = letters.get(k)?;
        let size = g.size.max(1.0);
        gap(k).filter(|d| !spaced && *d > -WORD_GAP * size && *d <= MAX_TRACKING * size)
    };
    (0..letters.len())
        .map(|k| {
            let Some((g, spaced)) = letters.get(k) else { return true };
            let (Some((p, _)), Some(d)) = (k.checked_sub(1).and_then(|j| letters.get(j)), gap(k)) else {
                return true;
            };
            if *spaced {
                return true;
            }
            let size = p.size.max(g.size);
            if d < -OVERLAP_BREAK * p.size || (p.size - g.size).abs() > size * SIZE_BREAK {
                return true;
            }
            if d <= WORD_GAP * size {
                return false;
            }
            // The letter spacing around this gap: zero in ordinary text, the tracking in text
            // spaced out glyph by glyph. A low quantile, so that a tight pair nearby (the "1."
            // before a spaced title) does not hide the tracking, nor a word gap make it.
            let window = k.saturating_sub(TRACKING_WINDOW)..=k + TRACKING_WINDOW;
            let mut around: Vec<f64> = window.filter(|&j| j != k).filter_map(letter_gap).collect();
            around.sort_by(f64::total_cmp);
            let tracking = if around.len() >= TRACKING_PAIRS {
                around.get(around.len() / TRACKING_QUANTILE).copied().unwrap_or(0.0).max(0.0)
            } else {
                0.0
            };
            let limit = (WORD_GAP * size).max(tracking + TRACKED_WORD_GAP * size);
            d > limit
        })
        .collect()
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
            text: text.trim().into(),
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
    // Each row's baseline, size and left and right edges, for telling justified lines.
    let extents: Vec<Extent> = rows
        .iter()
        .map(|r| Extent {
            baseline: r.first().map_or(0.0, |w| w.baseline),
            size: r.iter().map(|w| w.word.size).fold(0.0, f64::max),
            x0: r.iter().map(|w| w.word.bbox.x0).fold(f64::INFINITY, f64::min),
            x1: r.iter().map(|w| w.word.bbox.x1).fold(f64::NEG_INFINITY, f64::max),
        })
        .collect();
    let mut out = Vec::new();
    for (i, mut row) in rows.into_iter().enumerate() {
        row.sort_by(|a, b| a.word.bbox.x0.total_cmp(&b.word.bbox.x0));
        // Where the row splits: a rule between two words, or a gap wide enough for a gutter.
        let mut cuts: Vec<usize> = Vec::new();
        for k in 1..row.len() {
            let (Some(prev), Some(w)) = (row.get(k - 1), row.get(k)) else { continue };
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
            let start = cuts.last().copied().unwrap_or(0);
            let after_bullet = k - start == 1 && is_bullet(&prev.word.text) && gap < 6.0 * size;
            if ruled || (gap > GUTTER * size && !after_bullet) {
                cuts.push(k);
            }
        }
        let edges_shared = extents.get(i).is_some_and(|e| {
            extents.iter().enumerate().any(|(j, o)| {
                let near = JUSTIFIED_EDGE * e.size.max(1.0);
                j != i
                    && (o.baseline - e.baseline).abs() <= JUSTIFIED_NEIGHBOUR * e.size.max(1.0)
                    && (o.x0 - e.x0).abs() <= near
                    && (o.x1 - e.x1).abs() <= near
            })
        });
        if edges_shared && justified(&row, &cuts, &verticals) {
            cuts.clear();
        }
        let mut cur: Vec<RawWord> = Vec::new();
        for (k, w) in row.into_iter().enumerate() {
            if cuts.contains(&k) && !cur.is_empty() {
                out.push(make_line(std::mem::take(&mut cur)));
            }
            cur.push(w);
        }
        if !cur.is_empty() {
            out.push(make_line(cur));
        }
    }
    out
}

/// A gap between words wider than this share of the font size may be a column gutter.
const GUTTER: f64 = 1.6;
/// Justified gaps of one line are equal to within this share of the font size.
const JUSTIFIED_EQUAL: f64 = 0.15;
/// A justified gap is at most this share of the font size; wider is a gutter whatever it is.
const JUSTIFIED_MAX_GAP: f64 = 6.0;
/// A justified line shares its left and right edges, to within this share of the font size,
/// with a line of its paragraph ...
const JUSTIFIED_EDGE: f64 = 0.25;
/// ... whose baseline is at most this share of the font size away.
const JUSTIFIED_NEIGHBOUR: f64 = 2.5;

/// A row of words: its baseline, largest size and left and right edges.
struct Extent {
    baseline: f64,
    size: f64,
    x0: f64,
    x1: f64,
}

/// A justified line whose wide gaps are word spaces stretched to fill it ("Mr T Cannon,      Miss
/// S J Carey,      Sir Paul Carter": each name's spaces unbreakable, so only the gaps between
/// names stretch): two or more gaps, all equal, none ruled, between pieces of text made of
/// words, most of several words; and (checked by the caller) a line above or below with the same
/// left and right edges. Columns of justified text are told apart by their pieces, which are all
/// as wide as a column.
fn justified(row: &[RawWord], cuts: &[usize], verticals: &[&Rule]) -> bool {
    if cuts.len() < 2 {
        return false;
    }
    let size = row.iter().map(|w| w.word.size).fold(0.0, f64::max).max(1.0);
    let mut bounds = vec![0];
    bounds.extend_from_slice(cuts);
    bounds.push(row.len());
    let pieces: Vec<&[RawWord]> = bounds.windows(2).filter_map(|b| row.get(b[0]..b[1])).collect();
    let gaps: Vec<f64> = cuts
        .iter()
        .filter_map(|&k| Some(row.get(k)?.word.bbox.x0 - row.get(k.checked_sub(1)?)?.word.bbox.x1))
        .collect();
    let widths: Vec<f64> =
        pieces.iter().filter_map(|p| Some(p.last()?.word.bbox.x1 - p.first()?.word.bbox.x0)).collect();
    let spread = |v: &[f64]| {
        v.iter().copied().fold(f64::NEG_INFINITY, f64::max) - v.iter().copied().fold(f64::INFINITY, f64::min)
    };
    let ruled = cuts.iter().any(|&k| {
        let (Some(a), Some(b)) = (k.checked_sub(1).and_then(|j| row.get(j)), row.get(k)) else { return true };
        verticals.iter().any(|r| {
            let x = (r.x0 + r.x1) / 2.0;
            x > a.word.bbox.x1 - 0.5 && x < b.word.bbox.x0 + 0.5
        })
    });
    let wordy = pieces.iter().all(|p| p.iter().any(|w| w.word.text.chars().any(char::is_alphabetic)));
    let several = pieces.iter().filter(|p| p.len() >= 2).count() * 2 >= pieces.len();
    !ruled
        && wordy
        && several
        && gaps.iter().all(|g| *g <= JUSTIFIED_MAX_GAP * size)
        && spread(&gaps) <= JUSTIFIED_EQUAL * size
        && spread(&widths) > JUSTIFIED_EQUAL * size
}

pub fn make_line(words: Vec<RawWord>) -> Line {
    let words: Vec<Word> = words
        .into_iter()
        .map(|mut w| {
            if w.sup {
                w.word.text = format!("\u{2070}{}", w.word.text).into();
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
    let lone_ok = |w: &Word| &*w.text != "o" || words.get(1).is_some_and(|n| n.font != w.font);
    let bullet = words
        .first()
        .filter(|w| is_bullet(&w.text) && words.len() > 1 && lone_ok(w))
        .map(|w| w.text.to_string())
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
    Line::new(LineData { words: words.into(), bbox, text, size, bold, bullet })
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

    /// Glyphs of `text` in 12 pt, each `advance` wide and `gap` apart; a space glyph where the
    /// text has a space when `space_glyphs`, else a gap of `word_gap`.
    fn glyphs(text: &str, advance: f64, gap: f64, word_gap: f64, space_glyphs: bool) -> Vec<Glyph> {
        let font = std::sync::Arc::new(crate::pdf::FontInfo::default());
        let mut x = 0.0;
        let mut out = Vec::new();
        for c in text.chars() {
            if c == ' ' && !space_glyphs {
                x += word_gap - gap;
                continue;
            }
            out.push(Glyph {
                text: c.to_string(),
                x0: x,
                x1: x + advance,
                top: 0.0,
                bottom: 12.0,
                baseline: 10.0,
                size: 12.0,
                font: font.clone(),
                color: [0, 0, 0],
                upright: true,
                invisible: false,
            });
            x += advance + gap;
        }
        out
    }

    fn texts(glyphs: &[Glyph]) -> Vec<String> {
        words(glyphs).into_iter().map(|w| w.word.text.into()).collect()
    }

    #[test]
    fn letters_spaced_out_glyph_by_glyph_stay_words() {
        // Tracking 3 pt (0.25 em), words a space (3.3 pt) further apart, no space glyphs.
        assert_eq!(
            texts(&glyphs("Apologies for Absence", 7.0, 3.0, 6.3, false)),
            ["Apologies", "for", "Absence"]
        );
        // Ordinary text without space glyphs: word gaps of 0.28 em still break.
        assert_eq!(texts(&glyphs("A person came in", 6.0, 0.0, 3.4, false)), ["A", "person", "came", "in"]);
        // Figures in cells 0.6 em apart are not letters of one word.
        assert_eq!(texts(&glyphs("1 2 3 4 5 6", 6.0, 0.0, 7.2, false)), ["1", "2", "3", "4", "5", "6"]);
    }

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
