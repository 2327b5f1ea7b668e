//! RAG ratings as printed: a word ("Red", "A", "Amber/Red", "on track") or a fill colour.
//!
//! One classifier for every extractor; each maps [`Rating`] to its record's own vocabulary
//! (a saving's `Rag`, a workstream's `RagStatus`, an action's `ActionStatus`).

/// A RAG rating, worst last but Blue (delivered) apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    Green,
    Amber,
    Red,
    /// Delivered or complete, where a scheme prints a fourth colour.
    Blue,
}

/// The rating a fill colour shows; greys, white and pale tints show none.
///
/// # Example
/// ```
/// use councilpdf::extract::read::rag::{rating_of_colour, Rating};
/// assert_eq!(rating_of_colour([0x92, 0xd0, 0x50]), Some(Rating::Green));
/// assert_eq!(rating_of_colour([0xff, 0xc0, 0x00]), Some(Rating::Amber));
/// assert_eq!(rating_of_colour([0xd9, 0xd9, 0xd9]), None);
/// ```
pub fn rating_of_colour(c: [u8; 3]) -> Option<Rating> {
    let [r, g, b] = c.map(i32::from);
    if g > r + LEAD && g > b + LEAD {
        Some(Rating::Green)
    } else if r > AMBER_RED_MIN
        && AMBER_GREEN.contains(&g)
        && b < AMBER_BLUE_MAX
        && r > g + AMBER_RED_OVER_GREEN
    {
        Some(Rating::Amber)
    } else if r > RED_MIN && g < RED_OTHERS_MAX && b < RED_OTHERS_MAX {
        Some(Rating::Red)
    } else if b > BLUE_MIN && b > r + 2 * LEAD && b > g + AMBER_RED_OVER_GREEN {
        Some(Rating::Blue)
    } else {
        None
    }
}

// Colour cut-offs, channels 0–255. Each was the widest of the extractors' former cut-offs that
// kept every fixture's reading.
/// A channel leads the other two by more than this to name green (or, doubled, blue).
const LEAD: i32 = 30;
/// Amber: strong red, middling green (below: red, above: yellow-green), little blue.
const AMBER_RED_MIN: i32 = 180;
const AMBER_GREEN: std::ops::RangeInclusive<i32> = 100..=220;
const AMBER_BLUE_MAX: i32 = 120;
const AMBER_RED_OVER_GREEN: i32 = 20;
/// Red: red above this, green and blue below the next.
const RED_MIN: i32 = 150;
const RED_OTHERS_MAX: i32 = 110;
/// Blue: at least this much blue.
const BLUE_MIN: i32 = 150;

/// A rating printed as a whole word or phrase: "R", "Red", "on track", "Amber/Red" (the worse
/// of two parts), "Blue" or "Complete" (blue, where no part is red, amber or green). Text that
/// only mentions a colour among other words is none.
pub fn rating_of_word(text: &str) -> Option<Rating> {
    let t = text.to_lowercase();
    let rank = |p: &str| match p {
        "r" | "red" | "off track" | "significant risk" => Some(2),
        "a" | "amber" | "at risk" | "some risk" => Some(1),
        "g" | "green" | "on track" => Some(0),
        _ => None,
    };
    let parts: Vec<String> =
        t.split('/').map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    let blue = |p: &str| matches!(p, "blue" | "complete" | "completed" | "delivered");
    let Some(worst) = parts.iter().filter_map(|p| rank(p)).max() else {
        return parts.iter().any(|p| blue(p)).then_some(Rating::Blue);
    };
    Some(match worst {
        2 => Rating::Red,
        1 => Rating::Amber,
        _ => Rating::Green,
    })
}

/// A rating named by any word of a cell ("Amber – at risk", "G", "Delivered"): red before
/// amber before green before blue.
pub fn rating_in_cell(text: &str) -> Option<Rating> {
    let l = text.to_lowercase();
    let words: Vec<&str> = l.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    let has = |ws: &[&str]| words.iter().any(|w| ws.contains(w));
    if has(&["red", "r"]) {
        Some(Rating::Red)
    } else if has(&["amber", "a", "yellow", "orange"]) {
        Some(Rating::Amber)
    } else if has(&["green", "g"]) {
        Some(Rating::Green)
    } else if has(&["blue", "b", "delivered", "complete", "completed"]) {
        Some(Rating::Blue)
    } else {
        None
    }
}

/// What a status colour shows under contract 1.1's hue rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hue {
    /// The nearest of red, amber, green and blue by hue.
    Rating(Rating),
    /// Grey, black, white or a hue far from all four (purple): no status, warned of.
    Unreadable,
}

/// A status shown only as a colour: the nearest of red/amber/green/blue by hue; a colour with
/// little saturation (grey, white, black) or far from all four hues is [`Hue::Unreadable`].
///
/// # Example
/// ```
/// use councilpdf::extract::read::rag::{rating_of_hue, Hue, Rating};
/// assert_eq!(rating_of_hue([0x00, 0xb0, 0x50]), Hue::Rating(Rating::Green));
/// assert_eq!(rating_of_hue([0xff, 0xc0, 0x00]), Hue::Rating(Rating::Amber));
/// assert_eq!(rating_of_hue([0xa6, 0xa6, 0xa6]), Hue::Unreadable);
/// ```
pub fn rating_of_hue(c: [u8; 3]) -> Hue {
    let [r, g, b] = c.map(|v| f64::from(v) / 255.0);
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let chroma = max - min;
    if chroma < MIN_CHROMA || max < MIN_VALUE {
        return Hue::Unreadable;
    }
    let sector = if max == r {
        ((g - b) / chroma).rem_euclid(6.0)
    } else if max == g {
        (b - r) / chroma + 2.0
    } else {
        (r - g) / chroma + 4.0
    };
    let hue = sector * 60.0;
    let distance = |centre: f64| {
        let d = (hue - centre).abs() % 360.0;
        d.min(360.0 - d)
    };
    HUES.iter()
        .map(|&(centre, rating)| (distance(centre), rating))
        .filter(|(d, _)| *d <= MAX_HUE_DISTANCE)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map_or(Hue::Unreadable, |(_, rating)| Hue::Rating(rating))
}

/// The hue (degrees) of each rating's usual fill: red C00000/FF0000, amber FFC000 (45°), green
/// 00B050/92D050 (~120°), blue 0070C0 (~205°).
const HUES: [(f64, Rating); 4] =
    [(0.0, Rating::Red), (42.0, Rating::Amber), (120.0, Rating::Green), (210.0, Rating::Blue)];
/// Below this chroma (max − min channel, 0–1) a colour is grey.
const MIN_CHROMA: f64 = 0.25;
/// Below this brightness (0–1) a colour is black.
const MIN_VALUE: f64 = 0.2;
/// A hue further than this (degrees) from every rating's is another colour (purple, pink).
const MAX_HUE_DISTANCE: f64 = 50.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_palette_colours() {
        // Excel/Word's standard fills as shaded in trackers and savings plans.
        assert_eq!(rating_of_colour([0x92, 0xd0, 0x50]), Some(Rating::Green));
        assert_eq!(rating_of_colour([0x00, 0xb0, 0x50]), Some(Rating::Green));
        assert_eq!(rating_of_colour([0xff, 0xc0, 0x00]), Some(Rating::Amber));
        assert_eq!(rating_of_colour([0xff, 0x00, 0x00]), Some(Rating::Red));
        assert_eq!(rating_of_colour([0xc0, 0x00, 0x00]), Some(Rating::Red));
        assert_eq!(rating_of_colour([0x00, 0x70, 0xc0]), Some(Rating::Blue));
        assert_eq!(rating_of_colour([0xd9, 0xd9, 0xd9]), None);
        assert_eq!(rating_of_colour([0xff, 0xff, 0xff]), None);
    }

    #[test]
    fn words() {
        assert_eq!(rating_of_word("Amber/Red"), Some(Rating::Red));
        assert_eq!(rating_of_word("On  track"), Some(Rating::Green));
        assert_eq!(rating_of_word("Amber – at risk"), None);
        assert_eq!(rating_of_word("Complete"), Some(Rating::Blue));
        assert_eq!(rating_of_word("Blue"), Some(Rating::Blue));
        assert_eq!(rating_of_word("Green/Complete"), Some(Rating::Green));
        assert_eq!(rating_in_cell("Amber – at risk"), Some(Rating::Amber));
        assert_eq!(rating_in_cell("Delivered"), Some(Rating::Blue));
    }

    #[test]
    fn hues() {
        assert_eq!(rating_of_hue([0xc0, 0x00, 0x00]), Hue::Rating(Rating::Red));
        assert_eq!(rating_of_hue([0x92, 0xd0, 0x50]), Hue::Rating(Rating::Green));
        assert_eq!(rating_of_hue([0x00, 0x70, 0xc0]), Hue::Rating(Rating::Blue));
        assert_eq!(rating_of_hue([0xed, 0x7d, 0x31]), Hue::Rating(Rating::Amber));
        assert_eq!(rating_of_hue([0xd9, 0xd9, 0xd9]), Hue::Unreadable);
        assert_eq!(rating_of_hue([0x70, 0x30, 0xa0]), Hue::Unreadable);
    }
}
