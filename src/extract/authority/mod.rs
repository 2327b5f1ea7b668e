//! The authority whose paper this is: one per document, with its kind and, for a principal
//! council, its ONS GSS code from the shipped table ([`table`]) as of the paper's date.
//!
//! Read, strongest first:
//! ```text
//! Inspection of Somerset local authority children's services   ← Ofsted subject
//! … focused visit to Norfolk County Council children's services  ← Ofsted letter
//! Children's services in Norfolk requires improvement to be good
//! BURTON-CUM-WALDEN PARISH COUNCIL                             ← heading or letterhead line
//! CYNGOR CYMUNED MANORDEILO A SALEM                            ← Welsh heading
//! Rough Hay Primary School  (+ "Inspection dates")             ← a school report's name line
//! … Kent County Council … (the council the text and footers name most often)
//! Kent, Kent, Kent … (a principal council's place, named often, with one row in the table)
//! ```
//! A name is a proper authority name ("Kent County Council", "London Borough of Camden",
//! "Little Marsham Parish Council"), never a phrase that merely ends in "Council" ("Proposed
//! Council Tax", "Budget and Council", "the County Council"). Where none is named: null and
//! `authority_unknown`.

pub mod table;

use std::sync::LazyLock;

use regex::Regex;

use crate::contract::{Authority, AuthorityKind, Extraction, Warning, WarningCode};
use crate::extract::read::{dates::find_dates, text::squash};
use crate::extract::{provenance, Context};
use crate::layout::{BBox, Line, Page};

/// How many of the first pages hold a heading, letterhead or Ofsted subject.
const HEAD_PAGES: usize = 2;

/// How often a principal council's place must be named, without its title, for the table to
/// give the authority of a paper that prints no council's name ("Kent" in a KCC appendix).
const MIN_PLACE_MENTIONS: usize = 5;

/// The longest subject an Ofsted title form is read to hold, in characters.
const MAX_SUBJECT_CHARS: usize = 90;

static OFSTED_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[Ii]nspection of (?:the )?([A-Z][^.:;]*?) (?:local authority )?children[’']s services")
        .expect("static regex")
});
static VISIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[Ff]ocused|[Mm]onitoring) visit to (?:the )?([A-Z][^.:;]*?)(?:[’']s?)? children[’']s services",
    )
    .expect("static regex")
});
static SERVICES_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Children[’']s services in ((?:[A-Z][\w’'-]*,? (?:and )?)*?[A-Z][\w’'-]*) (?:are|is|require|requires)\b")
        .expect("static regex")
});
/// A whole line naming a council: "KENT COUNTY COUNCIL", "Manordeilo & Salem Community Council",
/// "Royal Borough of Windsor and Maidenhead", "Cyngor Cymuned Manordeilo a Salem".
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:the\s)?
          ( (?:[a-z&][\w’'&,.-]*\s){1,6}?
            (?:county\s|city\s|borough\s|district\s|parish\s|community\s|town\s|metropolitan\sborough\s|county\sborough\s)?council
          | (?:royal\s|london\s)?borough\sof\s[a-z][\w’'\x20-]+
          | city\sof\s[a-z][\w’'\x20-]+\scouncil
          | cyngor\s(?:cymuned|tref|sir|dinas|bwrdeistref\ssirol)\s[a-z][\w’'&\x20-]+
          | house\sof\s(?:lords|commons)
          | [a-z][\w’'&,\x20-]*children[’']s\strust
          | [a-z][\w’'&,\x20-]*\scombined\sauthority )$",
    )
    .expect("static regex")
});
/// A council named inside running text: "at Kent County Council", "Somerset Council".
static IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:[A-Z][\w’'-]+ (?:and |upon |on |with )?){1,4}(?:County |City |Borough |Parish |Community |Town )?Council)\b")
        .expect("static regex")
});
static SCHOOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:[A-Z][\w’'.&-]*\s)+(?:School|Academy|College|Nursery|Infants|Juniors))$")
        .expect("static regex")
});
/// Words of a council's title, naming no place.
const TITLE_WORDS: &[&str] = &[
    "the",
    "full",
    "county",
    "city",
    "borough",
    "district",
    "parish",
    "community",
    "town",
    "council",
    "metropolitan",
    "royal",
    "london",
    "of",
    "cyngor",
    "cymuned",
    "tref",
    "sir",
    "dinas",
];
/// Words that make a "… Council" a phrase rather than a name ("Proposed Council Tax", "Budget
/// and Council", "Full Council", "Each Council"): governance words, determiners, adjectives.
const PHRASE_WORDS: &[&str] = &[
    "all",
    "annual",
    "any",
    "budget",
    "by",
    "cabinet",
    "committee",
    "draft",
    "each",
    "every",
    "executive",
    "existing",
    "extraordinary",
    "for",
    "former",
    "from",
    "grants",
    "his",
    "her",
    "its",
    "local",
    "meeting",
    "member",
    "members",
    "minutes",
    "new",
    "next",
    "other",
    "our",
    "partner",
    "previous",
    "proposed",
    "relevant",
    "report",
    "respective",
    "revised",
    "special",
    "tax",
    "that",
    "their",
    "this",
    "to",
    "whole",
    "with",
    "work",
    "your",
];

/// A name found, how it was found, where.
struct Found {
    name: String,
    page: u32,
    bbox: BBox,
    /// (place, mentions) when the name is not printed but completed from the table.
    inferred: Option<(String, usize)>,
}

pub fn extract(ctx: &Context, out: &mut Extraction) {
    let Some(found) = find(ctx) else {
        out.warnings.push(Warning::new(
            WarningCode::AuthorityUnknown,
            "no council, trust, school or other body is named in the heading, title, text or footers",
            None,
        ));
        return;
    };
    let words_kind = kind_of_words(&found.name);
    let principal = !matches!(
        words_kind,
        Some(
            AuthorityKind::Parish
                | AuthorityKind::Community
                | AuthorityKind::School
                | AuthorityKind::Trust
                | AuthorityKind::Parliament
        )
    );
    let date = paper_date(ctx, out);
    let hit = if principal { table::lookup(&found.name, date.as_deref()) } else { None };
    if let Some(h) = hit.as_ref().filter(|h| h.undated_pick) {
        out.warnings.push(Warning::new(
            WarningCode::MissingRecord,
            format!(
                "the paper prints no date: {} is {}'s current code ({}); the code as of the paper's date is unknown",
                h.row.code,
                h.row.name,
                h.others.join(", ")
            ),
            Some(found.page),
        ));
    }
    if let Some((place, mentions)) = &found.inferred {
        // The best reading, and a warning that it is not printed.
        out.warnings.push(Warning::new(
            WarningCode::AuthorityUnknown,
            format!(
                "no council is named in full: {} is inferred from \"{place}\", named {mentions} times, the only council for that place in the table",
                found.name
            ),
            Some(found.page),
        ));
    }
    let kind = hit.as_ref().map(|h| h.row.kind).or(words_kind);
    out.authority = Some(Authority {
        name: found.name,
        kind,
        code: hit.map(|h| h.row.code),
        provenance: provenance(found.page, &found.bbox),
    });
}

fn find(ctx: &Context) -> Option<Found> {
    ofsted_subject(ctx)
        .or_else(|| heading(ctx))
        .or_else(|| parliament(ctx))
        .or_else(|| most_named(ctx))
        .or_else(|| place_in_table(ctx))
}

/// Ofsted's own forms, read over the first pages' text joined (titles wrap).
fn ofsted_subject(ctx: &Context) -> Option<Found> {
    for p in ctx.layout.pages.iter().take(HEAD_PAGES) {
        let joined = squash(&p.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" "));
        let bbox = p.lines.first().map(|l| l.bbox).unwrap_or(BBox::EMPTY);
        let subject = [&OFSTED_SUBJECT, &VISIT, &SERVICES_IN]
            .iter()
            .find_map(|re| re.captures(&joined).and_then(|c| c.get(1)))
            .map(|m| m.as_str().trim().trim_end_matches(',').to_string())
            .filter(|s| s.chars().count() <= MAX_SUBJECT_CHARS && is_proper_name(s));
        if let Some(subject) = subject {
            let name = full_name(ctx, &subject).unwrap_or(subject);
            return Some(Found { name, page: p.number, bbox, inferred: None });
        }
    }
    None
}

/// A heading or letterhead line naming the body, or a school report's name line.
fn heading(ctx: &Context) -> Option<Found> {
    let pages = &ctx.layout.pages;
    let school_report =
        pages.iter().take(HEAD_PAGES).any(|p| p.lines.iter().any(|l| l.text.contains("Inspection date")));
    for p in pages.iter().take(HEAD_PAGES) {
        for l in head_lines(p) {
            let text = squash(&l.text);
            if let Some(c) = HEADING.captures(&text).and_then(|c| c.get(1)) {
                let name = c.as_str().trim_end_matches(',');
                if is_proper_name(name) {
                    return Some(Found {
                        name: as_printed(ctx, name),
                        page: p.number,
                        bbox: l.bbox,
                        inferred: None,
                    });
                }
            }
            if school_report && SCHOOL.is_match(&text) {
                return Some(Found { name: text, page: p.number, bbox: l.bbox, inferred: None });
            }
        }
    }
    None
}

/// Parliament, named in a heading block ("House of Lords").
fn parliament(ctx: &Context) -> Option<Found> {
    for p in ctx.layout.pages.iter().take(HEAD_PAGES) {
        for l in head_lines(p) {
            for house in ["House of Lords", "House of Commons"] {
                if l.text.contains(house) {
                    return Some(Found {
                        name: house.to_string(),
                        page: p.number,
                        bbox: l.bbox,
                        inferred: None,
                    });
                }
            }
        }
    }
    None
}

/// A page's lines with its furniture (a council's name in a footer).
fn head_lines(p: &Page) -> impl Iterator<Item = &Line> {
    p.lines.iter().chain(p.furniture.iter().map(|(_, l)| l))
}

/// The proper council names a line prints: "… Kent County Council …", not "Council Tax"
/// (the tax, whatever word comes before it: "Proposed Council Tax") nor "the County Council"
/// (no place).
fn names_in(text: &str) -> Vec<String> {
    IN_TEXT
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .filter(|m| {
            let rest = text.get(m.end()..).unwrap_or("").trim_start().to_lowercase();
            !rest.starts_with("tax")
        })
        .map(|m| trim_name(m.as_str()))
        .filter(|n| is_proper_name(n) && !district_of_a_county(n))
        .collect()
}

/// The council's full name where the paper prints it ("Somerset" → "Somerset County Council").
fn full_name(ctx: &Context, place: &str) -> Option<String> {
    if place.to_lowercase().ends_with("council") {
        return Some(place.to_string());
    }
    let want = table::stem(place);
    ctx.layout
        .pages
        .iter()
        .flat_map(head_lines)
        .flat_map(|l| names_in(&l.text))
        .find(|n| table::stem(n) == want)
}

/// The council the text and furniture name most often; a principal council's place named more
/// often still (and with one row in the table) wins over a partner council named in passing
/// ("Kent" 31 times, "Medway Council" once).
fn most_named(ctx: &Context) -> Option<Found> {
    // The names on each page (pages in parallel), counted in page order.
    let named: Vec<Vec<(String, u32, BBox)>> = {
        use rayon::prelude::*;
        ctx.layout
            .pages
            .par_iter()
            .map(|p| {
                head_lines(p)
                    .flat_map(|l| names_in(&l.text).into_iter().map(|n| (n, p.number, l.bbox)))
                    .collect()
            })
            .collect()
    };
    let mut counts: Vec<(String, usize, u32, BBox)> = Vec::new();
    for (name, page, bbox) in named.into_iter().flatten() {
        match counts.iter_mut().find(|(n, ..)| *n == name) {
            Some(e) => e.1 += 1,
            None => counts.push((name, 1, page, bbox)),
        }
    }
    let text = all_text(ctx);
    let place_count = |n: &str| place_mentions(&text, &table::stem(n));
    // Most named first; on a tie, the one whose place the paper names most (each place counted
    // once: the sort keeps equal names in the order they were first met).
    counts.sort_by_cached_key(|(n, k, ..)| std::cmp::Reverse((*k, place_count(n))));
    let (name, _, page, bbox) = counts.into_iter().next()?;
    if let Some(table_pick) = place_in_table(ctx) {
        if place_count(&table_pick.name) > place_count(&name) {
            return Some(table_pick);
        }
    }
    Some(Found { name, page, bbox, inferred: None })
}

/// The principal council whose place the paper names most often, at least
/// [`MIN_PLACE_MENTIONS`] times, where the table has one council for that place with an official
/// name ("Kent" → "Kent County Council"). Two councils for one place ("Somerset") give none.
fn place_in_table(ctx: &Context) -> Option<Found> {
    let text = all_text(ctx);
    let rows = table::rows();
    let mut best: Option<(&table::Row, usize)> = None;
    let mut tie = false;
    // Every place counted over the whole text: the rows in parallel, then weighed in order.
    let candidates: Vec<&table::Row> = rows.iter().filter(|r| r.official_name.is_some()).collect();
    let counts: Vec<usize> = {
        use rayon::prelude::*;
        candidates.par_iter().map(|r| place_mentions(&text, &table::stem(&r.name))).collect()
    };
    for (r, k) in candidates.into_iter().zip(counts) {
        match best {
            Some((_, b)) if k < b => {}
            Some((_, b)) if k == b => tie = true,
            _ if k >= MIN_PLACE_MENTIONS => {
                best = Some((r, k));
                tie = false;
            }
            _ => {}
        }
    }
    let (row, mentions) = best.filter(|_| !tie)?;
    let stem = table::stem(&row.name);
    if rows.iter().filter(|r| table::stem(&r.name) == stem).count() != 1 {
        return None;
    }
    let name = row.official_name.clone()?;
    let (page, bbox) = ctx.layout.pages.iter().find_map(|p| {
        head_lines(p).find(|l| place_mentions(&l.text.to_lowercase(), &stem) > 0).map(|l| (p.number, l.bbox))
    })?;
    Some(Found { name, page, bbox, inferred: Some((row.name.clone(), mentions)) })
}

/// Every line of the paper, body and furniture, lower case, one space between lines.
fn all_text(ctx: &Context) -> String {
    let mut s = String::from(" ");
    for l in ctx.layout.pages.iter().flat_map(head_lines) {
        s.push_str(&l.text.to_lowercase());
        s.push(' ');
    }
    s
}

/// How often `place` (lower case) stands as whole words in `text` (lower case).
fn place_mentions(text: &str, place: &str) -> usize {
    if place.is_empty() {
        return 0;
    }
    text.match_indices(place)
        .filter(|(at, _)| {
            let before = text.get(..*at).and_then(|s| s.chars().next_back());
            let after = text.get(at + place.len()..).and_then(|s| s.chars().next());
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .count()
}

/// A proper authority name: a place (or school, trust, house) and not a phrase. "Kent County
/// Council", "Wessex", "Burton-cum-Walden Parish Council" pass; "Proposed Council", "Budget and
/// Council", "the County Council", "Full Council" do not.
fn is_proper_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let place: Vec<String> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty() && !TITLE_WORDS.contains(&w.as_str()))
        .collect();
    let first_capital = words
        .iter()
        .find(|w| !TITLE_WORDS.contains(&w.to_lowercase().as_str()))
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    first_capital
        && !place.is_empty()
        && place.iter().all(|w| !PHRASE_WORDS.contains(&w.as_str()))
        && !(place.len() == 1 && place.first().is_some_and(|w| w == "and"))
}

/// "Kent District Council" in a county's paper is the districts within it ("grants to Kent
/// District Councils"), not the paper's own council.
fn district_of_a_county(name: &str) -> bool {
    let n = name.to_lowercase();
    (n.contains("district council") || n.contains("borough council"))
        && table::rows()
            .iter()
            .any(|r| r.kind == AuthorityKind::County && table::stem(&r.name) == table::stem(name))
}

/// Drops leading words that are not part of a name ("Work with Kent County Council").
fn trim_name(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let start = words.iter().position(|w| {
        let lw = w.to_lowercase();
        !PHRASE_WORDS.contains(&lw.as_str()) && !["the", "and", "upon", "on"].contains(&lw.as_str())
    });
    words.get(start.unwrap_or(0)..).unwrap_or(&[]).join(" ")
}

/// A heading printed in capitals, as the paper writes it elsewhere in mixed case, else in
/// title case with the small words of place names kept low ("Burton-cum-Walden").
fn as_printed(ctx: &Context, name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    // "MANORDEILO & SALEM COMMUNITY COUNCIL" is written "Manordeilo and Salem Community Council".
    let lower = name.to_lowercase();
    let forms = [lower.clone(), lower.replace(" & ", " and ")];
    for l in ctx.layout.pages.iter().flat_map(head_lines) {
        let text = squash(&l.text);
        let text_lower = text.to_lowercase();
        for form in &forms {
            let Some(at) = text_lower.find(form.as_str()) else { continue };
            if let Some(s) = text.get(at..at + form.len()) {
                if s.chars().any(char::is_lowercase) && s.chars().next().is_some_and(char::is_uppercase) {
                    return s.to_string();
                }
            }
        }
    }
    title_case(name)
}

fn title_case(s: &str) -> String {
    const SMALL: &[&str] =
        &["and", "of", "the", "cum", "upon", "on", "in", "with", "under", "le", "by", "a", "ac", "yr", "y"];
    let word = |w: &str, first: bool| -> String {
        let lw = w.to_lowercase();
        if !first && SMALL.contains(&lw.as_str()) {
            return lw;
        }
        let mut c = lw.chars();
        c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
    };
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            w.split('-').enumerate().map(|(j, p)| word(p, i == 0 && j == 0)).collect::<Vec<_>>().join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn kind_of_words(name: &str) -> Option<AuthorityKind> {
    let n = name.to_lowercase();
    let kind = if n.contains("parish council") || n.contains("town council") {
        AuthorityKind::Parish
    } else if n.contains("community council")
        || n.starts_with("cyngor cymuned")
        || n.starts_with("cyngor tref")
    {
        AuthorityKind::Community
    } else if n.starts_with("cyngor sir")
        || n.starts_with("cyngor bwrdeistref sirol")
        || n.contains("county borough council")
    {
        AuthorityKind::WelshPrincipal
    } else if n.contains("county council") {
        AuthorityKind::County
    } else if n.starts_with("house of") {
        AuthorityKind::Parliament
    } else if n.contains("trust") {
        AuthorityKind::Trust
    } else if ["school", "academy", "college", "nursery", "infants", "juniors"].iter().any(|w| n.ends_with(w))
    {
        AuthorityKind::School
    } else if n.contains("london borough") {
        AuthorityKind::LondonBorough
    } else if n.contains("combined authority") {
        AuthorityKind::Other
    } else if n.contains("district council") {
        AuthorityKind::District
    } else {
        // "X Borough Council" may be a district, a unitary or a metropolitan borough: the
        // table says which, the words alone do not.
        return None;
    };
    Some(kind)
}

/// The paper's date: its meeting's, its inspection's end, else the first date its first pages
/// print.
fn paper_date(ctx: &Context, out: &Extraction) -> Option<String> {
    if let Some(d) = out.meeting.as_ref().and_then(|m| m.date.clone()) {
        return Some(d);
    }
    if let Some(d) = out.inspection.as_ref().and_then(|i| i.end_date.clone().or(i.start_date.clone())) {
        return Some(d);
    }
    ctx.layout.pages.iter().take(HEAD_PAGES).find_map(|p| {
        let text = p.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n");
        find_dates(&text).into_iter().next().map(|(d, _)| d)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_councils() {
        for (line, want) in [
            ("BURTON-CUM-WALDEN PARISH COUNCIL", "BURTON-CUM-WALDEN PARISH COUNCIL"),
            ("KENT COUNTY COUNCIL", "KENT COUNTY COUNCIL"),
            ("MANORDEILO & SALEM COMMUNITY COUNCIL", "MANORDEILO & SALEM COMMUNITY COUNCIL"),
            ("Royal Borough of Windsor and Maidenhead", "Royal Borough of Windsor and Maidenhead"),
            ("CYNGOR CYMUNED MANORDEILO A SALEM", "CYNGOR CYMUNED MANORDEILO A SALEM"),
        ] {
            let got = HEADING.captures(line).and_then(|c| c.get(1)).map(|m| m.as_str());
            assert_eq!(got, Some(want), "{line}");
            assert!(is_proper_name(want), "{want}");
        }
        assert!(HEADING.captures("Minutes of the meeting held at the Council").is_none());
    }

    #[test]
    fn phrases_are_not_names() {
        for phrase in
            ["Proposed Council", "Budget and Council", "the County Council", "FULL COUNCIL", "Each Council"]
        {
            assert!(!is_proper_name(phrase), "{phrase}");
        }
        for name in ["Kent County Council", "Wessex", "Somerset Council", "Stoke-on-Trent City Council"] {
            assert!(is_proper_name(name), "{name}");
        }
        // "Council Tax": a council's name used as an adjective is no council.
        assert_eq!(names_in("the administration's Proposed Council Tax increase"), Vec::<String>::new());
        assert_eq!(names_in("This would increase the County Council share"), Vec::<String>::new());
        assert_eq!(names_in("a report to Kent County Council on"), vec!["Kent County Council".to_string()]);
    }

    #[test]
    fn title_case_keeps_small_words_low() {
        assert_eq!(title_case("BURTON-CUM-WALDEN PARISH COUNCIL"), "Burton-cum-Walden Parish Council");
        assert_eq!(
            title_case("MANORDEILO & SALEM COMMUNITY COUNCIL"),
            "Manordeilo & Salem Community Council"
        );
        assert_eq!(title_case("CYNGOR CYMUNED MANORDEILO A SALEM"), "Cyngor Cymuned Manordeilo a Salem");
    }

    #[test]
    fn ofsted_forms() {
        let s =
            "Inspection of the Royal Borough of Windsor and Maidenhead local authority children’s services";
        assert_eq!(
            &OFSTED_SUBJECT.captures(s).expect("subject")[1],
            "Royal Borough of Windsor and Maidenhead"
        );
        let s = "Inspection of Wessex children's services Inspection dates: 30 September";
        assert_eq!(&OFSTED_SUBJECT.captures(s).expect("subject")[1], "Wessex");
        let v = "This letter summarises the findings of a focused visit to Norfolk County Council children’s services";
        assert_eq!(&VISIT.captures(v).expect("visit")[1], "Norfolk County Council");
        let v = "Monitoring visit to Eastshire children's services";
        assert_eq!(&VISIT.captures(v).expect("visit")[1], "Eastshire");
        let j = "Children’s services in Norfolk requires improvement to be good";
        assert_eq!(&SERVICES_IN.captures(j).expect("sentence")[1], "Norfolk");
    }

    #[test]
    fn places_count_as_whole_words() {
        assert_eq!(place_mentions(" kent, kentish kent. east kent ", "kent"), 3);
        assert_eq!(place_mentions(" somerset ", ""), 0);
    }
}
