//! Ofsted grades as printed: "Good", "Requires improvement to be good".

use crate::contract::GradeCode;

/// The grade code of a text that is only a grade ("Good", "Requires Improvement to be good",
/// "requires improvement" over two lines); None for anything else.
pub fn grade_code(text: &str) -> Option<GradeCode> {
    let t: String = text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    let t = t.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    match t {
        "outstanding" => Some(GradeCode::Outstanding),
        "good" => Some(GradeCode::Good),
        "requires improvement to be good" | "require improvement to be good" => {
            Some(GradeCode::RequiresImprovementToBeGood)
        }
        "requires improvement" | "require improvement" => Some(GradeCode::RequiresImprovement),
        "inadequate" => Some(GradeCode::Inadequate),
        _ => None,
    }
}

/// The grades of the current frameworks, as printed, with their codes.
const GRADES: &[(&str, GradeCode)] = &[
    ("outstanding", GradeCode::Outstanding),
    ("good", GradeCode::Good),
    ("requires improvement to be good", GradeCode::RequiresImprovementToBeGood),
    ("requires improvement", GradeCode::RequiresImprovement),
    ("inadequate", GradeCode::Inadequate),
];

/// Grades of earlier frameworks with no counterpart today ("Adequate" is one letter pair from
/// "inadequate" but meant the opposite): never read as the nearest grade.
const OLD_GRADES: &[&str] = &["adequate", "satisfactory", "notice to improve"];

/// A slip of this many edits per character of the grade is still that grade ("improvment").
const TYPO_PER_CHAR: f64 = 1.0 / 8.0;
/// The nearest grade must be at least this many edits nearer than the next one.
const TYPO_MARGIN: usize = 3;

fn normal(text: &str) -> String {
    let t: String = text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    t.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace()).to_string()
}

/// A grade cell's text that is none of the grades but is printed where one is: a word or a few
/// words, no figures ("Adequate", "Requires improvment"); not a header ("Grade").
pub fn grade_like(text: &str) -> bool {
    let t = normal(text);
    let words = t.split_whitespace().count();
    (1..=6).contains(&words)
        && t.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'' || c == '’')
        && !matches!(
            t.as_str(),
            "grade" | "grades" | "judgement" | "judgements" | "rating" | "n/a" | "not applicable"
        )
}

/// The grade a misprinted grade is nearest to, where that is unambiguous: within a slip of
/// spelling, and clearly nearer than any other grade; never for an earlier framework's grade.
pub fn nearest(text: &str) -> Option<GradeCode> {
    let t = normal(text);
    if OLD_GRADES.contains(&t.as_str()) {
        return None;
    }
    let mut by: Vec<(usize, &str, GradeCode)> = GRADES.iter().map(|(g, c)| (edits(&t, g), *g, *c)).collect();
    by.sort_by_key(|(d, _, _)| *d);
    let (best, grade, code) = *by.first()?;
    let second = by.get(1).map_or(usize::MAX, |b| b.0);
    let allowed = ((grade.chars().count() as f64) * TYPO_PER_CHAR).floor().max(1.0) as usize;
    (best <= allowed && second >= best + TYPO_MARGIN).then_some(code)
}

/// The contract's name of a grade code ("requires_improvement_to_be_good").
pub fn code_name(code: GradeCode) -> &'static str {
    match code {
        GradeCode::Outstanding => "outstanding",
        GradeCode::Good => "good",
        GradeCode::RequiresImprovementToBeGood => "requires_improvement_to_be_good",
        GradeCode::RequiresImprovement => "requires_improvement",
        GradeCode::Inadequate => "inadequate",
    }
}

/// Levenshtein distance over characters.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut row = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let here = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let up = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let left = row.get(j).copied().unwrap_or(0) + 1;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = here.min(up).min(left);
            }
        }
        prev = row;
    }
    prev.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades() {
        assert_eq!(
            grade_code("Requires Improvement to be good"),
            Some(GradeCode::RequiresImprovementToBeGood)
        );
        assert_eq!(
            grade_code("Requires improvement\nto be good"),
            Some(GradeCode::RequiresImprovementToBeGood)
        );
        assert_eq!(grade_code("Requires improvement"), Some(GradeCode::RequiresImprovement));
        assert_eq!(grade_code("Good."), Some(GradeCode::Good));
        assert_eq!(grade_code("Good practice"), None);
    }

    #[test]
    fn nearest_grades_only_where_unambiguous() {
        assert_eq!(nearest("Requires improvment to be good"), Some(GradeCode::RequiresImprovementToBeGood));
        assert_eq!(nearest("Requires improvment"), Some(GradeCode::RequiresImprovement));
        assert_eq!(nearest("Outstandng"), Some(GradeCode::Outstanding));
        // An earlier framework's grade, and words near no grade.
        assert_eq!(nearest("Adequate"), None);
        assert_eq!(nearest("Satisfactory"), None);
        assert_eq!(nearest("Improving"), None);
        assert_eq!(nearest("Goo"), Some(GradeCode::Good));
        assert!(grade_like("Adequate") && !grade_like("Grade") && !grade_like("12%"));
    }
}
