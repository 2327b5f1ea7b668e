//! What a list heading means, by its words rather than one wording: "Successes", "Highlights",
//! "Progress this period" all head what is working well; "Concerns", "Risks", "What needs to
//! improve" what is not; "Asks of the Board", "Support required", "Decisions for the board" the
//! escalations.
//!
//! A heading is short and every word of it is either a concept word (a stem in [`CONCEPTS`]) or
//! a filler word ([`FILLER`]); "Working well with schools is key" is a sentence, not a heading.
//! The strongest concept wins: an ask of someone else beats a problem, a problem beats a
//! success, and a negation ("not working well", "what isn't going well") turns a success into a
//! problem. A new wording needs at most one line: its stem in [`CONCEPTS`] or a filler word.

/// Which list a heading opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListMeaning {
    WorkingWell,
    NotWorkingWell,
    Escalations,
    /// A workstream's projects ("Projects", "Key projects", "Our projects").
    Projects,
}

/// Word stems (a word starting with one matches) and the meaning each carries. Stems of three
/// letters or fewer must match the whole word.
pub const CONCEPTS: &[(&str, ListMeaning)] = &[
    ("well", ListMeaning::WorkingWell),
    ("success", ListMeaning::WorkingWell),
    ("achiev", ListMeaning::WorkingWell),
    ("accomplish", ListMeaning::WorkingWell),
    ("highlight", ListMeaning::WorkingWell),
    ("progress", ListMeaning::WorkingWell),
    ("win", ListMeaning::WorkingWell),
    ("wins", ListMeaning::WorkingWell),
    ("positive", ListMeaning::WorkingWell),
    ("strength", ListMeaning::WorkingWell),
    ("celebrat", ListMeaning::WorkingWell),
    ("challeng", ListMeaning::NotWorkingWell),
    ("concern", ListMeaning::NotWorkingWell),
    ("issue", ListMeaning::NotWorkingWell),
    ("risk", ListMeaning::NotWorkingWell),
    ("barrier", ListMeaning::NotWorkingWell),
    ("blocker", ListMeaning::NotWorkingWell),
    ("difficult", ListMeaning::NotWorkingWell),
    ("problem", ListMeaning::NotWorkingWell),
    ("improv", ListMeaning::NotWorkingWell),
    ("better", ListMeaning::NotWorkingWell),
    ("development", ListMeaning::NotWorkingWell),
    ("worr", ListMeaning::NotWorkingWell),
    ("escalat", ListMeaning::Escalations),
    ("ask", ListMeaning::Escalations),
    ("asks", ListMeaning::Escalations),
    ("support", ListMeaning::Escalations),
    ("help", ListMeaning::Escalations),
    ("decision", ListMeaning::Escalations),
    ("exception", ListMeaning::Escalations),
    ("project", ListMeaning::Projects),
];

/// Words that carry no meaning of their own in a heading.
pub const FILLER: &[&str] = &[
    "what",
    "whats",
    "what's",
    "is",
    "are",
    "has",
    "have",
    "been",
    "was",
    "were",
    "be",
    "the",
    "a",
    "an",
    "of",
    "to",
    "for",
    "from",
    "by",
    "and",
    "in",
    "on",
    "this",
    "these",
    "our",
    "we",
    "key",
    "current",
    "main",
    "period",
    "quarter",
    "month",
    "year",
    "made",
    "date",
    "so",
    "far",
    "working",
    "going",
    "gone",
    "went",
    "work",
    "needs",
    "need",
    "needed",
    "required",
    "requested",
    "could",
    "should",
    "areas",
    "area",
    "items",
    "matters",
    "board",
    "boards",
    "programme",
    "sponsor",
    "leadership",
    "team",
    "even",
    "if",
    "where",
    "there",
    "with",
    "it",
    "since",
    "last",
    "top",
    "new",
    "emerging",
    "things",
    "upcoming",
    "next",
];

/// Words that negate a success: "not working well", "what isn't going well".
const NEGATION: &[&str] = &["not", "isn't", "isnt", "aren't", "arent", "hasn't", "hasnt", "no"];

/// The most words a heading has.
const MAX_WORDS: usize = 7;

/// The list a heading opens, or `None` when the text is not a list heading.
///
/// # Example
/// ```
/// use councilpdf::extract::read::headings::{list_meaning, ListMeaning};
/// assert_eq!(list_meaning("Successes"), Some(ListMeaning::WorkingWell));
/// assert_eq!(list_meaning("What needs to improve"), Some(ListMeaning::NotWorkingWell));
/// assert_eq!(list_meaning("Asks of the Board"), Some(ListMeaning::Escalations));
/// assert_eq!(list_meaning("Working well with schools is key"), None);
/// ```
pub fn list_meaning(text: &str) -> Option<ListMeaning> {
    // A sentence's last words ("… areas of concern.") are no heading.
    if text.trim_end().ends_with('.') {
        return None;
    }
    let lower = text.to_lowercase().replace('’', "'");
    // A numbered heading ("2. Challenges") reads as the heading.
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    if words.is_empty() || words.len() > MAX_WORDS {
        return None;
    }
    let mut found: Vec<ListMeaning> = vec![];
    let mut negated = false;
    for w in &words {
        if NEGATION.contains(w) || w.ends_with("n't") {
            negated = true;
            continue;
        }
        let concept =
            CONCEPTS.iter().find(
                |(stem, _)| {
                    if stem.chars().count() <= 3 {
                        w == stem
                    } else {
                        w.starts_with(stem)
                    }
                },
            );
        match concept {
            Some((_, m)) => found.push(*m),
            None if FILLER.contains(w) => {}
            None => return None,
        }
    }
    let has = |m: ListMeaning| found.contains(&m);
    if has(ListMeaning::Escalations) {
        Some(ListMeaning::Escalations)
    } else if has(ListMeaning::NotWorkingWell)
        || (negated && (has(ListMeaning::WorkingWell) || working(&words)))
    {
        Some(ListMeaning::NotWorkingWell)
    } else if has(ListMeaning::WorkingWell) {
        Some(ListMeaning::WorkingWell)
    } else if has(ListMeaning::Projects) {
        Some(ListMeaning::Projects)
    } else {
        None
    }
}

/// "What isn't working": a negated verb of working or going with no other concept.
fn working(words: &[&str]) -> bool {
    words.iter().any(|w| matches!(*w, "working" | "going" | "work"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wordings_by_meaning() {
        use ListMeaning::*;
        let cases: &[(&str, Option<ListMeaning>)] = &[
            ("Working Well", Some(WorkingWell)),
            ("What's working well:", Some(WorkingWell)),
            ("Successes", Some(WorkingWell)),
            ("Progress this period", Some(WorkingWell)),
            ("Highlights", Some(WorkingWell)),
            ("Key achievements", Some(WorkingWell)),
            ("Not working well", Some(NotWorkingWell)),
            ("What isn't working?", Some(NotWorkingWell)),
            ("Challenges", Some(NotWorkingWell)),
            ("Concerns", Some(NotWorkingWell)),
            ("What needs to improve", Some(NotWorkingWell)),
            ("Risks", Some(NotWorkingWell)),
            ("Risks and issues", Some(NotWorkingWell)),
            ("Challenges / Risks", Some(NotWorkingWell)),
            ("Even better if", Some(NotWorkingWell)),
            ("Escalations", Some(Escalations)),
            ("To Escalate", Some(Escalations)),
            ("Escalations to Board", Some(Escalations)),
            ("Support required", Some(Escalations)),
            ("Asks of the Board", Some(Escalations)),
            ("Decisions for the board", Some(Escalations)),
            ("2. Issues to escalate", Some(Escalations)),
            ("Key projects", Some(Projects)),
            // Round 2: wordings met in other councils' reports.
            ("What's gone well", Some(WorkingWell)),
            ("What went well", Some(WorkingWell)),
            ("Things to celebrate", Some(WorkingWell)),
            ("Wins this month", Some(WorkingWell)),
            ("Areas for development", Some(NotWorkingWell)),
            ("Key risks and issues", Some(NotWorkingWell)),
            ("Blockers", Some(NotWorkingWell)),
            ("What's not gone well", Some(NotWorkingWell)),
            ("Help needed from the Board", Some(Escalations)),
            ("Board asks", Some(Escalations)),
            ("Upcoming decisions", Some(Escalations)),
            ("Exceptions", Some(Escalations)),
            ("Key decisions required", Some(Escalations)),
            ("Working well with schools is key", None),
            ("Challenges in recruiting social workers remain", None),
            ("Next steps", None),
            ("Overall RAG", None),
        ];
        for (text, want) in cases {
            assert_eq!(list_meaning(text), *want, "{text}");
        }
    }
}
