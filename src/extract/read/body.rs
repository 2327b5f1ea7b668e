//! What a meeting's body is not: a paper's reference stamp or a fragment of its venue.
//!
//! A front sheet prints the body as a heading ("HOUSE COMMITTEE", "CORPORATE PARENTING PANEL"),
//! often beside a reference stamp ("H/15–16", "HC 123", "CAB/24/05", "2nd Meeting") and above or
//! below the venue ("Council Chamber, County Hall", "Hall, Maidstone.", "Neuadd y Pentref"). The
//! extractors that look for the body skip both.

use regex::Regex;
use std::sync::LazyLock;

/// The longest letter run a reference stamp carries ("CAB" of "CAB/24/05", "HC" of "HC 123").
const STAMP_MAX_LETTERS: usize = 4;

/// A paper's reference stamp: a code of short capital runs and figures ("H/15–16", "HC 123",
/// "CAB/24/05"), or a meeting's ordinal ("2nd Meeting", "1st Meeting").
pub fn is_reference_stamp(text: &str) -> bool {
    static ORDINAL_MEETING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\d{1,3}(?:st|nd|rd|th)\s+meeting(?:\s+of\s+(?:the\s+)?session)?$")
            .expect("valid regex")
    });
    let t = text.trim();
    if ORDINAL_MEETING.is_match(t) {
        return true;
    }
    if !t.chars().any(|c| c.is_ascii_digit()) || t.split_whitespace().count() > 3 {
        return false;
    }
    let runs_short = t
        .split(|c: char| !c.is_alphabetic())
        .all(|run| run.chars().count() <= STAMP_MAX_LETTERS && run.chars().all(char::is_uppercase));
    let only_code = t.chars().all(|c| c.is_alphanumeric() || " /-–—.()".contains(c));
    runs_short && only_code
}

/// Words that name a place a meeting is held in, English and Welsh.
static VENUE_NOUN: &[&str] = &[
    "hall",
    "guildhall",
    "chamber",
    "chambers",
    "room",
    "rooms",
    "house",
    "centre",
    "center",
    "offices",
    "library",
    "pavilion",
    "suite",
    "building",
    "institute",
    "church",
    "neuadd",
    "ystafell",
    "siambr",
    "canolfan",
    "swyddfa",
    "swyddfeydd",
];

/// Welsh puts the place noun first ("Neuadd y Pentref", "Ystafell Ddarllen").
static VENUE_NOUN_FIRST: &[&str] = &["neuadd", "ystafell", "siambr", "canolfan", "swyddfa", "swyddfeydd"];

/// A venue or a piece of one, never a body: a line ending in a full stop ("Hall, Maidstone."),
/// or one naming a place noun that ends it or is followed by a comma ("Council Chamber, County
/// Hall", "Village Hall"), or a Welsh place noun that opens it ("Neuadd y Pentref"). A body
/// whose name holds such a word ("HOUSE COMMITTEE") ends in its own kind of noun.
pub fn is_venue_fragment(text: &str) -> bool {
    let t = text.trim();
    if t.ends_with('.') {
        return true;
    }
    let words: Vec<String> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    let is_noun = |w: &String| VENUE_NOUN.contains(&w.as_str());
    let last_is_noun = words.last().is_some_and(is_noun);
    let first_is_welsh = words.first().is_some_and(|w| VENUE_NOUN_FIRST.contains(&w.as_str()));
    let noun_before_comma = t.split(',').count() > 1
        && t.split(',')
            .any(|part| part.split_whitespace().last().is_some_and(|w| is_noun(&w.to_lowercase())));
    last_is_noun || first_is_welsh || noun_before_comma
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_stamps() {
        for t in ["H/15–16", "HC 123", "CAB/24/05", "2nd Meeting", "1st Meeting"] {
            assert!(is_reference_stamp(t), "{t}");
        }
        for t in ["HOUSE COMMITTEE", "CABINET", "Planning Committee (Area 2)", "S106 PANEL", "Cabinet"] {
            assert!(!is_reference_stamp(t), "{t}");
        }
    }

    #[test]
    fn venue_fragments() {
        for t in ["Hall, Maidstone.", "Council Chamber, County Hall", "Village Hall", "Neuadd y Pentref"] {
            assert!(is_venue_fragment(t), "{t}");
        }
        for t in [
            "HOUSE COMMITTEE",
            "CORPORATE PARENTING PANEL",
            "Children, Families and Education Scrutiny Committee",
            "County Council",
            "Cyngor Cymuned Llanfair",
        ] {
            assert!(!is_venue_fragment(t), "{t}");
        }
    }
}
