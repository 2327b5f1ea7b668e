//! The shipped table of principal councils' ONS GSS codes (`data/authorities.csv`, each row's
//! source in its `source` column), and the look-up of a printed name as of a date.
//!
//! Columns: `code, name, official_name, kind, valid_from, valid_to, source`. `name` is the ONS
//! area name ("Kent", "Bristol, City of"); `official_name` the council's own ("Kent County
//! Council"), empty where the project has not sourced it; the dates are inclusive ISO days, empty
//! when open.

use crate::contract::AuthorityKind;

static CSV: &str = include_str!("../../../data/authorities.csv");

/// One row: a principal council's code, its names and kind, the days it was valid.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub code: String,
    pub name: String,
    pub official_name: Option<String>,
    pub kind: AuthorityKind,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
}

impl Row {
    fn valid_on(&self, day: &str) -> bool {
        self.valid_from.as_deref().is_none_or(|f| f <= day)
            && self.valid_to.as_deref().is_none_or(|t| day <= t)
    }

    /// Still valid: no end day.
    pub fn is_current(&self) -> bool {
        self.valid_to.is_none()
    }
}

/// Every row of the table; a malformed row (none ship: a unit test reads them all) is skipped.
pub fn rows() -> Vec<Row> {
    CSV.lines().skip(1).filter_map(parse_row).collect()
}

/// The fields of one CSV line; a field in double quotes may hold commas ("Bristol, City of").
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
    out
}

fn parse_row(line: &str) -> Option<Row> {
    let f = fields(line);
    let [code, name, official, kind, from, to, _source] = f.as_slice() else {
        return None;
    };
    let kind = match kind.as_str() {
        "county" => AuthorityKind::County,
        "unitary" => AuthorityKind::Unitary,
        "metropolitan" => AuthorityKind::Metropolitan,
        "london_borough" => AuthorityKind::LondonBorough,
        "welsh_principal" => AuthorityKind::WelshPrincipal,
        "scottish_council" => AuthorityKind::ScottishCouncil,
        "district" => AuthorityKind::District,
        _ => return None,
    };
    let some = |s: &String| Some(s.clone()).filter(|s| !s.is_empty());
    Some(Row {
        code: code.clone(),
        name: name.clone(),
        official_name: some(official),
        kind,
        valid_from: some(from),
        valid_to: some(to),
    })
}

/// The place a council's name stands for, lower case: "Kent County Council" → "kent",
/// "Royal Borough of Windsor and Maidenhead" → "windsor and maidenhead", "Bristol, City of" →
/// "bristol", "Bournemouth, Christchurch and Poole Council" → "bournemouth christchurch and poole".
pub fn stem(name: &str) -> String {
    let mut s = name.to_lowercase().replace(['’', '\''], "").replace('&', "and");
    for cut in [", city of", ", county of"] {
        s = s.replace(cut, "");
    }
    let s = s.replace(',', " ");
    let drop = [
        "the",
        "council",
        "county",
        "city",
        "borough",
        "metropolitan",
        "royal",
        "london",
        "district",
        "of",
        "unitary",
        "authority",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    // Leading and trailing title words go; inner ones stay ("Isle of Wight", "City of London").
    let mut a = 0;
    let mut b = words.len();
    while a < b && words.get(a).is_some_and(|w| drop.contains(w)) {
        a += 1;
    }
    while b > a && words.get(b - 1).is_some_and(|w| drop.contains(w)) {
        b -= 1;
    }
    let kept = words.get(a..b).unwrap_or(&[]).join(" ");
    if kept.is_empty() {
        words.join(" ")
    } else {
        kept
    }
}

/// What the look-up found: the row, and whether the paper's date chose it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub row: Row,
    /// The paper has no date and the place had more than one row: this is the current one.
    pub undated_pick: bool,
    /// The other rows the place had (for the warning), "E10000027 until 2023-03-31".
    pub others: Vec<String>,
}

/// The row for a printed council name as of `date` (ISO, the paper's date), if exactly one fits.
/// A name printed exactly as a row's official name ("Somerset Council", "Somerset County
/// Council") is that row; "X County Council" only matches a county. A place with several rows
/// ("Somerset") takes the one valid on the paper's date; with no date, the current row, said so
/// in `undated_pick`.
pub fn lookup(name: &str, date: Option<&str>) -> Option<Found> {
    let all = rows();
    let lower = name.trim().to_lowercase();
    if let Some(row) =
        all.iter().find(|r| r.official_name.as_deref().is_some_and(|o| o.to_lowercase() == lower))
    {
        return Some(Found { row: row.clone(), undated_pick: false, others: Vec::new() });
    }
    let want = stem(name);
    let says_county = lower.contains("county council");
    let place: Vec<&Row> = all.iter().filter(|r| stem(&r.name) == want).collect();
    // "X County Council" prefers the county of that place; "Durham County Council" has only the
    // unitary row ("County Durham"), which it then is.
    let counties: Vec<&Row> = place.iter().copied().filter(|r| r.kind == AuthorityKind::County).collect();
    let fits = if says_county && !counties.is_empty() { counties } else { place };
    let pick = |rows: Vec<&Row>| match rows.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    };
    let others = |chosen: &Row| -> Vec<String> {
        fits.iter()
            .filter(|r| r.code != chosen.code)
            .map(|r| match (&r.valid_from, &r.valid_to) {
                (_, Some(t)) => format!("{} until {t}", r.code),
                (Some(f), None) => format!("{} from {f}", r.code),
                (None, None) => r.code.clone(),
            })
            .collect()
    };
    match date {
        Some(d) => {
            let row = pick(fits.iter().copied().filter(|r| r.valid_on(d)).collect())?;
            Some(Found { row, undated_pick: false, others: Vec::new() })
        }
        None if fits.len() == 1 => {
            pick(fits.clone()).map(|row| Found { row, undated_pick: false, others: Vec::new() })
        }
        None => {
            let row = pick(fits.iter().copied().filter(|r| r.is_current()).collect())?;
            let others = others(&row);
            Some(Found { row, undated_pick: true, others })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_loads_every_row() {
        let rows = rows();
        assert_eq!(rows.len(), CSV.lines().count() - 1);
        assert!(rows.iter().all(|r| r.code.len() == 9));
        let mut codes: Vec<&str> = rows.iter().map(|r| r.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), rows.len(), "a code appears twice");
        // Every row names its source.
        assert!(CSV.lines().skip(1).all(|l| fields(l).last().is_some_and(|s| s.contains('/'))));
    }

    #[test]
    fn somerset_changes_code_in_april_2023() {
        let code = |name: &str, date: Option<&str>| lookup(name, date).map(|f| f.row.code);
        assert_eq!(code("Somerset County Council", Some("2022-10-03")).as_deref(), Some("E10000027"));
        assert_eq!(code("Somerset", Some("2023-03-31")).as_deref(), Some("E10000027"));
        assert_eq!(code("Somerset", Some("2023-04-01")).as_deref(), Some("E06000066"));
        assert_eq!(code("Somerset Council", None).as_deref(), Some("E06000066"));
        let undated = lookup("Somerset", None).expect("the current row");
        assert_eq!((undated.row.code.as_str(), undated.undated_pick), ("E06000066", true));
        assert_eq!(undated.others, vec!["E10000027 until 2023-03-31".to_string()]);
    }

    #[test]
    fn stems_drop_title_words_only_at_the_ends() {
        assert_eq!(stem("Royal Borough of Windsor and Maidenhead"), "windsor and maidenhead");
        assert_eq!(stem("Bristol, City of"), "bristol");
        assert_eq!(stem("Birmingham City Council"), "birmingham");
        assert_eq!(stem("Isle of Wight Council"), "isle of wight");
        assert_eq!(stem("Bournemouth, Christchurch and Poole"), "bournemouth christchurch and poole");
        let kent = lookup("Kent County Council", Some("2025-01-30")).map(|f| f.row.code);
        assert_eq!(kent.as_deref(), Some("E10000016"));
        assert_eq!(lookup("Dorset", Some("2025-03-21")).map(|f| f.row.code).as_deref(), Some("E06000059"));
        assert_eq!(lookup("Dorset", Some("2018-06-01")).map(|f| f.row.code).as_deref(), Some("E10000009"));
        // The council of "County Durham" calls itself "Durham County Council": a unitary.
        let durham = lookup("Durham County Council", Some("2024-01-01")).map(|f| f.row.code);
        assert_eq!(durham.as_deref(), Some("E06000047"));
    }

    #[test]
    fn quoted_fields_keep_their_commas() {
        assert_eq!(fields(r#"a,"b, c",d"#), vec!["a", "b, c", "d"]);
    }
}
