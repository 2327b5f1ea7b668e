//! Resolutions: the clauses a meeting decided, read from the paragraphs of one minute item.
//!
//! Printed forms read: "RESOLVED that …", "RESOLVED: To adopt the policy.", "RESOLVED: (i) That …;
//! (ii) That …", "It was agreed that: -" followed by bullets, "RESOLVED that Cabinet agree to:"
//! followed by "A) … b) …" lines, "It was agreed that …", "… and unanimously agreed that …",
//! "The Committee agreed that …" and list items that begin "Agreed to …".
//!
//! Known limits: a decision phrased without agreed/resolved/decided ("The Committee noted …") is
//! not a resolution; a sentence end is found by ". " before a capital, so an unusual
//! abbreviation can cut a clause short.

use regex::Regex;
use std::sync::LazyLock;

/// One paragraph of an item body: its rows' texts and whether each row starts a list item.
pub struct Para {
    pub rows: Vec<ParaRow>,
}

pub struct ParaRow {
    pub text: String,
    /// The row starts with a bullet glyph or an enumerator ("(a)", "A)", "ii.").
    pub starts_item: bool,
}

/// A decision verb with an institutional subject or at the start of a paragraph.
static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:
            ^ \s* (?: \(? [0-9a-zA-Z]{1,4} [.)] \s+ )?           # paragraph start, maybe numbered
          | (?i: \b it \s+ was \s+ (?: \w+ \s+ )? )              # it was (unanimously) agreed
          | (?i: \b and \s+ (?: unanimously \s+ )? )             # proposed … and unanimously agreed
          | (?i: \b (?: committee | council | cabinet | board | panel | members | sub-committee | group ) \s+ (?: (?: unanimously | also | formally | then | duly | therefore ) \s+ )? )
        )
        (?P<verb> (?i: resolved | agreed | decided | approved | endorsed ) | DECISIONS? | Decisions? ) \b
        \s* (?P<tail> that \b | : \s* [-–—]? | [-–—] | (?i: to \b ) )?",
    )
    .expect("valid regex")
});

/// An enumerator at the start of a clause: "(1)", "(ii)", "a)", "B)".
static ENUM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\(?(?P<l>[ivx]{1,5}|[a-zA-Z]|\d{1,2})\)\s*").expect("valid regex"));

/// Words that end with a full stop without ending a sentence.
const ABBREV: [&str; 12] =
    ["cllr", "cllrs", "mr", "mrs", "ms", "dr", "revd", "rev", "st", "no", "nos", "cttee"];

/// The resolutions decided in an item, in order.
pub fn resolutions(paras: &[Para]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        let Some(p) = paras.get(i) else { break };
        let text = crate::layout::join_lines(p.rows.iter().map(|r| r.text.as_str()));
        let mut from = 0;
        let mut wants_list = false;
        while let Some(c) = text.get(from..).and_then(|t| TRIGGER.captures(t)) {
            let (Some(m), Some(verb)) = (c.get(0), c.name("verb")) else { break };
            let (m_start, m_end) = (from + m.start(), from + m.end());
            // The bare "^" alternative only counts at the paragraph start or after a sentence end.
            let bare = !m.as_str().to_lowercase().contains("it was") && !starts_with_subject(m.as_str());
            if m_start > 0 && bare && !text[..m_start].trim_end().ends_with(['.', ';', ':']) {
                from = next_boundary(&text, m_end.max(m_start + 1));
                continue;
            }
            let tail = c.name("tail").map(|t| t.as_str().trim().to_lowercase()).unwrap_or_default();
            // "Decision" is a label only with a colon or dash after it.
            if verb.as_str().to_lowercase().starts_with("decision")
                && !(tail.starts_with(':') || tail.starts_with(['-', '–', '—']))
            {
                from = next_boundary(&text, m_end.max(m_start + 1));
                continue;
            }
            // "RESOLVED That …", "RESOLVED to approve …": an upper-case verb is a label; the clause follows it.
            let shouty = verb.as_str().chars().all(char::is_uppercase) && (tail.is_empty() || tail == "to");
            let enumerated = tail.is_empty() && text.get(m_end..).is_some_and(|t| ENUM.is_match(t));
            let cut_after_trigger =
                enumerated || tail == "that" || tail.starts_with(':') || tail.starts_with(['-', '–', '—']);
            let clause_start = if cut_after_trigger {
                m_end
            } else if shouty {
                from + verb.end()
            } else {
                sentence_start(&text[..from + verb.start()]).max(from)
            };
            let rest = &text[clause_start..];
            let end = sentence_end(rest);
            let body = rest[..end].trim().trim_start_matches([':', '-', '–', '—', ' ']).trim();
            if body.is_empty() || body.ends_with(':') || body.ends_with(":-") || body.ends_with(": -") {
                // A lead-in ("It was agreed that: -", "RESOLVED that Cabinet agree to:"): the list
                // items that follow are the resolutions; a lead-in that is a clause of its own
                // ("That … the following items be brought forward:") is one too.
                wants_list = true;
                if body.split_whitespace().count() >= 6 {
                    out.push(body.trim_end_matches(['-', ' ']).to_string());
                }
            } else {
                out.extend(split_enumerated(body));
            }
            from = next_boundary(&text, (clause_start + end).max(m_end).max(from + 1));
            if from >= text.len() {
                break;
            }
        }
        i += 1;
        if wants_list {
            i = take_list(paras, i, &mut out);
        }
    }
    out
}

/// The first char boundary at or after byte `k`.
fn next_boundary(text: &str, mut k: usize) -> usize {
    while k < text.len() && !text.is_char_boundary(k) {
        k += 1;
    }
    k
}

fn starts_with_subject(s: &str) -> bool {
    let l = s.trim_start().to_lowercase();
    ["committee", "council", "cabinet", "board", "panel", "members", "group", "and "]
        .iter()
        .any(|w| l.contains(w))
}

/// The list that follows a lead-in ending in a colon: paragraphs whose rows start items.
fn take_list(paras: &[Para], mut i: usize, out: &mut Vec<String>) -> usize {
    let mut items: Vec<String> = Vec::new();
    // One list keeps one kind of marker: bullets, or enumerators; "ii) …" after bullets is the
    // item's next point, not another resolution.
    let mut kind = None;
    while let Some(p) = paras.get(i) {
        let Some(first) = p.rows.first().filter(|r| r.starts_item) else { break };
        let k = ENUM.is_match(&first.text);
        if *kind.get_or_insert(k) != k {
            break;
        }
        for r in &p.rows {
            match items.last_mut() {
                Some(last) if !r.starts_item => {
                    *last = crate::layout::join_lines([last.as_str(), r.text.as_str()])
                }
                _ => items.push(r.text.clone()),
            }
        }
        i += 1;
    }
    // "RESOLVED:" then one plain paragraph: that paragraph is the resolution.
    if items.is_empty() {
        if let Some(p) = paras.get(i) {
            let t = crate::layout::join_lines(p.rows.iter().map(|r| r.text.as_str()));
            let t = t.trim();
            if !t.is_empty() && t.len() < 2000 {
                out.extend(split_enumerated(t));
                return i + 1;
            }
        }
    }
    for it in items {
        let t = ENUM.replace(it.trim(), "");
        let t = t
            .trim()
            .trim_end_matches(';')
            .trim_end_matches("; and")
            .trim_end_matches(" and")
            .trim_end_matches(';')
            .trim();
        if !t.is_empty() {
            out.push(t.to_string());
        }
    }
    i
}

/// Where the sentence holding byte `upto` starts.
fn sentence_start(before: &str) -> usize {
    let b = before.as_bytes();
    let mut k = before.len();
    while k > 1 {
        if b.get(k - 1) == Some(&b' ') && b.get(k - 2) == Some(&b'.') && is_sentence_dot(before, k - 2) {
            return k;
        }
        k -= 1;
    }
    0
}

/// Byte length of the first sentence of `text` (through its full stop).
fn sentence_end(text: &str) -> usize {
    let b = text.as_bytes();
    for (k, &ch) in b.iter().enumerate() {
        if ch != b'.' {
            continue;
        }
        let next = text[k + 1..].chars().next();
        let after = text[k + 1..].trim_start().chars().next();
        if next.is_some_and(|n| n == ' ')
            && after.is_some_and(|a| a.is_uppercase())
            && is_sentence_dot(text, k)
        {
            return k + 1;
        }
    }
    text.len()
}

/// A full stop at byte `k` ends a sentence unless it closes an initial or a known abbreviation.
fn is_sentence_dot(text: &str, k: usize) -> bool {
    let word: String = text[..k]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.chars().count() <= 1 {
        return false;
    }
    !ABBREV.contains(&word.to_lowercase().as_str())
}

/// "(i) That A; (ii) That B, and (iii) C" → [That A, That B, C]; a clause without a leading
/// enumerator is one resolution.
fn split_enumerated(clause: &str) -> Vec<String> {
    let Some(first) = ENUM.captures(clause) else { return vec![clause.to_string()] };
    let Some(label) = first.name("l").map(|l| l.as_str().to_string()) else {
        return vec![clause.to_string()];
    };
    let mut parts = Vec::new();
    let mut rest = &clause[first.get(0).map_or(0, |m| m.end())..];
    let mut label = label;
    while let Some(next) = next_label(&label) {
        let pat = format!("({next})");
        let alt = format!("{next})");
        let pos = rest.find(&pat).or_else(|| rest.find(&format!(" {alt}")).map(|p| p + 1));
        let Some(pos) = pos else { break };
        parts.push(rest[..pos].to_string());
        let skip = if rest[pos..].starts_with('(') { pat.len() } else { alt.len() };
        rest = &rest[pos + skip..];
        label = next;
    }
    parts.push(rest.to_string());
    parts
        .into_iter()
        .map(|p| {
            let t = p.trim().trim_end_matches(',').trim_end_matches(';').trim();
            let t = t
                .strip_suffix(" and")
                .or_else(|| t.strip_suffix(", and"))
                .or_else(|| t.strip_suffix("; and"))
                .unwrap_or(t);
            t.trim_end_matches([',', ';']).trim().to_string()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

fn next_label(l: &str) -> Option<String> {
    const ROMAN: [&str; 12] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
    if let Ok(n) = l.parse::<u32>() {
        return Some((n + 1).to_string());
    }
    let lower = l.to_lowercase();
    if let Some(p) = ROMAN.iter().position(|r| *r == lower) {
        if lower != "v" && lower != "x" || l.len() > 1 {
            return ROMAN.get(p + 1).map(|r| {
                if l.chars().all(char::is_uppercase) {
                    r.to_uppercase()
                } else {
                    r.to_string()
                }
            });
        }
    }
    let c = l.chars().next()?;
    if l.chars().count() == 1 && c.is_ascii_alphabetic() {
        return Some(((c as u8) + 1) as char).map(|n| n.to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(rows: &[(&str, bool)]) -> Para {
        Para { rows: rows.iter().map(|(t, s)| ParaRow { text: t.to_string(), starts_item: *s }).collect() }
    }

    #[test]
    fn printed_forms() {
        let cases: &[(&[&[(&str, bool)]], &[&str])] = &[
            (
                &[&[("RESOLVED that the minutes were a correct record", false)]],
                &["the minutes were a correct record"],
            ),
            (&[&[("RESOLVED: To adopt the policy.", false)]], &["To adopt the policy."]),
            (
                &[&[("RESOLVED: (i) That A be done; (ii) That B be done; and (iii) That C.", false)]],
                &["That A be done", "That B be done", "That C."],
            ),
            (
                &[&[("It was agreed that a progress update be given in 6 months.", false)]],
                &["a progress update be given in 6 months."],
            ),
            (
                &[&[("It was agreed that X will be discussed. The Chair also said Y.", false)]],
                &["X will be discussed."],
            ),
            (
                &[
                    &[("It was agreed that: -", false)],
                    &[("• First thing.", true)],
                    &[("• Second", true), ("thing.", false)],
                    &[("Other text.", false)],
                ],
                &["• First thing.", "• Second thing."],
            ),
            (
                &[
                    &[("3. RESOLVED that Cabinet agree to:", false)],
                    &[("A) Note the forecast.", true), ("b) Agree the changes.", true)],
                ],
                &["Note the forecast.", "Agree the changes."],
            ),
            (
                &[&[("The Committee agreed that ownership should be shared.", false)]],
                &["ownership should be shared."],
            ),
            (&[&[("The Committee noted the report.", false)]], &[]),
            (&[&[("Since July, the Small Business Board had approved over 2 million.", false)]], &[]),
            (
                &[
                    &[("It was agreed to object on these grounds:", false)],
                    &[("Size of the scheme.", true)],
                    &[("ii) The next application.", true)],
                ],
                &["It was agreed to object on these grounds:", "Size of the scheme."],
            ),
            (
                &[&[("The Committee endorsed the new framework.", false)]],
                &["The Committee endorsed the new framework."],
            ),
            (&[&[("The minutes were approved and signed as a correct record.", false)]], &[]),
            (
                &[
                    &[("RESOLVED: That the following items be brought forward:", false)],
                    &[("Succession Planning", true)],
                ],
                &["That the following items be brought forward:", "Succession Planning"],
            ),
            (&[&[("RESOLVED", false), ("That the report be noted.", false)]], &["That the report be noted."]),
            (
                &[
                    &[("RESOLVED:", false)],
                    &[("That the report be noted.", false)],
                    &[("The Chair closed.", false)],
                ],
                &["That the report be noted."],
            ),
            (&[&[("RESOLVED – That the minutes be approved.", false)]], &["That the minutes be approved."]),
            (
                &[&[("Decision: That Cabinet approves the plan.", false)]],
                &["That Cabinet approves the plan."],
            ),
            (&[&[("The decision was made to defer.", false)]], &[]),
            (&[&[("RESOLVED to approve the budget.", false)]], &["to approve the budget."]),
            (&[&[("Mr Wheeler had kindly agreed to organise it.", false)]], &[]),
            // Health and wellbeing boards print "DECISION:" and "Agreed:" labels.
            (
                &[&[(
                    "DECISION: That the Joint Strategic Needs Assessment be approved for publication.",
                    false,
                )]],
                &["That the Joint Strategic Needs Assessment be approved for publication."],
            ),
            (
                &[&[("Agreed: That the Better Care Fund plan be signed off by the Chair.", false)]],
                &["That the Better Care Fund plan be signed off by the Chair."],
            ),
            (
                &[
                    &[("Resolved:", false)],
                    &[("(a) That the contract be awarded;", true)],
                    &[("(b) That the Director be authorised to sign it.", true)],
                ],
                &["That the contract be awarded", "That the Director be authorised to sign it."],
            ),
            (
                &[&[(
                    "Proposed by Cllr Turner, seconded by Cllr Wood, it was RESOLVED to approve the minutes.",
                    false,
                )]],
                &["to approve the minutes."],
            ),
        ];
        for (paras, want) in cases {
            let ps: Vec<Para> = paras.iter().map(|p| para(p)).collect();
            let got = resolutions(&ps);
            let got: Vec<String> = got.iter().map(|g| g.trim_start_matches("• ").to_string()).collect();
            let want: Vec<String> = want.iter().map(|w| w.trim_start_matches("• ").to_string()).collect();
            assert_eq!(got, want, "{:?}", paras);
        }
    }
}
