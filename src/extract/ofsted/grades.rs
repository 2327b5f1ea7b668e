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
}
