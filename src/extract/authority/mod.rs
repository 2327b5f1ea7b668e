//! The authority whose paper this is: one per document, with its kind and, for a principal
//! council, its ONS GSS code from the shipped table ([`table`]).
//!
//! Read, strongest first:
//! ```text
//! Inspection of Somerset local authority children's services   ← Ofsted subject
//! … focused visit to Norfolk County Council …                  ← Ofsted letter
//! Children's services in Norfolk requires improvement to be good
//! BURTON-CUM-WALDEN PARISH COUNCIL                             ← heading or letterhead line
//! Rough Hay Primary School  (+ "Inspection dates")             ← a school report's name line
//! … Kent County Council … (the council named most often in the text or furniture)
//! ```
//! Limits: the code table has no districts or Scottish councils yet; a name with two rows and
//! no date in the paper gets no code. Where none is named: null and `authority_unknown`.

pub mod table;

use std::sync::LazyLock;

use regex::Regex;

use crate::contract::{Authority, AuthorityKind, Extraction, Warning, WarningCode};
use crate::extract::read::{dates::find_dates, text::squash};
use crate::extract::{provenance, Context};
use crate::layout::{BBox, Line};

/// How many of the first pages hold a heading, letterhead or Ofsted subject.
const HEAD_PAGES: usize = 2;

static OFSTED_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\binspection of (?:the )?(.+?) local authority children").expect("static regex")
});
static FOCUSED_VISIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[Vv]isit|[Ii]nspection) to (?:the )?((?:[A-Z][\w’'-]*,? (?:and )?)+?(?:County |City |Borough )?Council)")
        .expect("static regex")
});
static SERVICES_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Children[’']s services in ((?:[A-Z][\w’'-]*,? (?:and )?)*?[A-Z][\w’'-]*) (?:are|is|require|requires)\b")
        .expect("static regex")
});
/// A whole line naming a council: "KENT COUNTY COUNCIL", "Manordeilo & Salem Community Council".
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:the\s)?
          ( (?:[a-z][\w’'&,-]*\s){1,6}?
            (?:county\s|city\s|borough\s|district\s|parish\s|community\s|town\s|metropolitan\sborough\s)?council
          | (?:royal\s|london\s)?borough\sof\s[a-z][\w’' -]+
          | house\sof\s(?:lords|commons)
          | [a-z][\w’'&, -]*children[’']s\strust )$",
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
const TITLE_WORDS: &[&str] =
    &["full", "county", "city", "borough", "district", "parish", "community", "town", "council"];
/// Words that start a capitalised run without being part of a name ("Work with Kent …").
const NOT_A_NAME: &[&str] =
    &["The", "A", "An", "This", "That", "Each", "Every", "Our", "Local", "Work", "Grants", "By"];

/// A name found, how it was found, where.
struct Found {
    name: String,
    page: u32,
    bbox: BBox,
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
    let date = paper_date(ctx, out);
    let row = table::lookup(&found.name, date.as_deref());
    let kind = row.as_ref().map(|r| r.kind).or_else(|| kind_of_words(&found.name));
    out.authority = Some(Authority {
        name: found.name,
        kind,
        code: row.map(|r| r.code),
        provenance: provenance(found.page, &found.bbox),
    });
}

fn find(ctx: &Context) -> Option<Found> {
    let pages = &ctx.layout.pages;
    // 1. Ofsted's own forms, read over the first pages' text joined (titles wrap).
    for p in pages.iter().take(HEAD_PAGES) {
        let joined = squash(&p.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" "));
        let bbox = p.lines.first().map(|l| l.bbox).unwrap_or(BBox::EMPTY);
        if let Some(c) = OFSTED_SUBJECT.captures(&joined).and_then(|c| c.get(1)) {
            let subject = c.as_str().trim().to_string();
            let name = full_name(ctx, &subject).unwrap_or(subject);
            return Some(Found { name, page: p.number, bbox });
        }
        if let Some(c) = FOCUSED_VISIT.captures(&joined).and_then(|c| c.get(1)) {
            return Some(Found { name: c.as_str().to_string(), page: p.number, bbox });
        }
        if let Some(c) = SERVICES_IN.captures(&joined).and_then(|c| c.get(1)) {
            let place = c.as_str().to_string();
            let name = full_name(ctx, &place).unwrap_or(place);
            return Some(Found { name, page: p.number, bbox });
        }
    }
    // 2. A heading or letterhead line naming the body, or a school report's name line.
    let school_report =
        pages.iter().take(HEAD_PAGES).any(|p| p.lines.iter().any(|l| l.text.contains("Inspection date")));
    for p in pages.iter().take(HEAD_PAGES) {
        for l in head_lines(p) {
            let text = squash(&l.text);
            if let Some(c) = HEADING.captures(&text).and_then(|c| c.get(1)) {
                let name = c.as_str().trim_end_matches(',');
                if name.split_whitespace().next().is_some_and(|w| NOT_A_NAME.contains(&w))
                    || names_no_place(name)
                {
                    continue;
                }
                return Some(Found { name: as_printed(ctx, name), page: p.number, bbox: l.bbox });
            }
            if school_report && SCHOOL.is_match(&text) {
                return Some(Found { name: text, page: p.number, bbox: l.bbox });
            }
        }
    }
    // 3. Parliament, named once in a heading block ("House of Lords").
    for p in pages.iter().take(HEAD_PAGES) {
        for l in head_lines(p) {
            for house in ["House of Lords", "House of Commons"] {
                if l.text.contains(house) {
                    return Some(Found { name: house.to_string(), page: p.number, bbox: l.bbox });
                }
            }
        }
    }
    // 4. The council the text and furniture name most often.
    most_named(ctx)
}

/// A page's lines with its furniture (a council's name in a footer).
fn head_lines(p: &crate::layout::Page) -> impl Iterator<Item = &Line> {
    p.lines.iter().chain(p.furniture.iter().map(|(_, l)| l))
}

/// The council's full name where the paper prints it ("Somerset" → "Somerset County Council").
fn full_name(ctx: &Context, place: &str) -> Option<String> {
    if place.to_lowercase().ends_with("council") {
        return Some(place.to_string());
    }
    let want = table::stem(place);
    let mut best: Option<(String, usize)> = None;
    for l in ctx.layout.pages.iter().flat_map(head_lines) {
        for c in IN_TEXT.captures_iter(&l.text).filter_map(|c| c.get(1)) {
            let name = trim_name(c.as_str());
            if table::stem(&name) == want {
                match &mut best {
                    Some((b, n)) if *b == name => *n += 1,
                    Some(_) => {}
                    None => best = Some((name, 1)),
                }
            }
        }
    }
    best.map(|(n, _)| n)
}

fn most_named(ctx: &Context) -> Option<Found> {
    let mut counts: Vec<(String, usize, u32, BBox)> = Vec::new();
    for p in &ctx.layout.pages {
        for l in head_lines(p) {
            for c in IN_TEXT.captures_iter(&l.text).filter_map(|c| c.get(1)) {
                let name = trim_name(c.as_str());
                // "The County Council" names no place; "Kent District Council" in a county's
                // paper is the districts within it ("grants to Kent District Councils").
                if table::stem(&name).split_whitespace().all(|w| TITLE_WORDS.contains(&w))
                    || district_of_a_county(&name)
                {
                    continue;
                }
                match counts.iter_mut().find(|(n, ..)| *n == name) {
                    Some(e) => e.1 += 1,
                    None => counts.push((name, 1, p.number, l.bbox)),
                }
            }
        }
    }
    // The place the paper names most often wins over a partner council named in passing
    // ("Kent" 17 times, "Medway Council" once).
    let lines: Vec<(u32, &Line)> =
        ctx.layout.pages.iter().flat_map(|p| head_lines(p).map(move |l| (p.number, l))).collect();
    let text: String = lines.iter().map(|(_, l)| l.text.to_lowercase() + " ").collect();
    let place_count = |n: &str| text.matches(&format!("{} ", table::stem(n))).count();
    counts.sort_by_key(|(n, k, ..)| std::cmp::Reverse((place_count(n), *k)));
    let best = counts.into_iter().next();
    let best_places = best.as_ref().map_or(0, |(n, ..)| place_count(n));
    // A principal council's place named often without its title ("Kent" in a KCC appendix).
    let place = table::rows()
        .into_iter()
        .map(|r| {
            let n = table::stem(&r.name);
            let k = text.matches(&format!(" {n} ")).count();
            (r.name, k)
        })
        .max_by_key(|(_, k)| *k)
        .filter(|(_, k)| *k >= MIN_PLACE_MENTIONS && *k > best_places);
    if let Some((name, _)) = place {
        let lower = format!("{} ", table::stem(&name));
        let (page, l) = lines.iter().find(|(_, l)| l.text.to_lowercase().contains(&lower))?;
        return Some(Found { name, page: *page, bbox: l.bbox });
    }
    best.map(|(name, _, page, bbox)| Found { name, page, bbox })
}

/// How often a principal council's place must be named, without its title, to be the authority.
const MIN_PLACE_MENTIONS: usize = 5;

/// "Full Council", "The County Council": a title without a place.
fn names_no_place(name: &str) -> bool {
    table::stem(name).split_whitespace().all(|w| TITLE_WORDS.contains(&w))
}

fn district_of_a_county(name: &str) -> bool {
    let n = name.to_lowercase();
    (n.contains("district council") || n.contains("borough council"))
        && table::rows()
            .iter()
            .any(|r| r.kind == AuthorityKind::County && table::stem(&r.name) == table::stem(name))
}

/// Drops leading words that are not part of a name ("Work with Kent District Council").
fn trim_name(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let start =
        words.iter().position(|w| !NOT_A_NAME.contains(w) && !["with", "and", "upon", "on"].contains(w));
    words.get(start.unwrap_or(0)..).unwrap_or(&[]).join(" ")
}

/// A heading printed in capitals, as the paper writes it elsewhere in mixed case, else in
/// title case with the small words of place names kept low ("Burton-cum-Walden").
fn as_printed(ctx: &Context, name: &str) -> String {
    if name.chars().any(|c| c.is_lowercase()) {
        return name.to_string();
    }
    let lower = name.to_lowercase();
    for l in ctx.layout.pages.iter().flat_map(head_lines) {
        let text = squash(&l.text);
        if let Some(at) = text.to_lowercase().find(&lower) {
            if let Some(s) = text.get(at..at + lower.len()) {
                if s.chars().any(|c| c.is_lowercase()) && s.chars().next().is_some_and(|c| c.is_uppercase()) {
                    return s.to_string();
                }
            }
        }
    }
    title_case(name)
}

fn title_case(s: &str) -> String {
    const SMALL: &[&str] = &["and", "of", "the", "cum", "upon", "on", "in", "with", "under", "le", "by"];
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
    } else if n.contains("community council") {
        AuthorityKind::Community
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
    } else if n.contains("district council") || n.contains("borough council") {
        AuthorityKind::District
    } else {
        return None;
    };
    Some(kind)
}

/// The paper's date: its meeting's, its inspection's end, else the first date on page 1.
fn paper_date(ctx: &Context, out: &Extraction) -> Option<String> {
    if let Some(d) = out.meeting.as_ref().and_then(|m| m.date.clone()) {
        return Some(d);
    }
    if let Some(d) = out.inspection.as_ref().and_then(|i| i.end_date.clone().or(i.start_date.clone())) {
        return Some(d);
    }
    ctx.layout.pages.iter().find_map(|p| {
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
        ] {
            let got = HEADING.captures(line).and_then(|c| c.get(1)).map(|m| m.as_str());
            assert_eq!(got, Some(want), "{line}");
        }
        assert!(HEADING.captures("Minutes of the meeting held at the Council").is_none());
    }

    #[test]
    fn title_case_keeps_small_words_low() {
        assert_eq!(title_case("BURTON-CUM-WALDEN PARISH COUNCIL"), "Burton-cum-Walden Parish Council");
        assert_eq!(
            title_case("MANORDEILO & SALEM COMMUNITY COUNCIL"),
            "Manordeilo & Salem Community Council"
        );
    }

    #[test]
    fn ofsted_forms() {
        let s =
            "Inspection of the Royal Borough of Windsor and Maidenhead local authority children’s services";
        assert_eq!(
            &OFSTED_SUBJECT.captures(s).expect("subject")[1],
            "Royal Borough of Windsor and Maidenhead"
        );
        let v = "This letter summarises the findings of a focused visit to Norfolk County Council children’s services";
        assert_eq!(&FOCUSED_VISIT.captures(v).expect("visit")[1], "Norfolk County Council");
        let j = "Children’s services in Norfolk requires improvement to be good";
        assert_eq!(&SERVICES_IN.captures(j).expect("sentence")[1], "Norfolk");
    }
}
