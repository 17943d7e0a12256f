//! Normaliser: folds typographic variants to one ASCII form, one code point
//! for one code point, so that code-point offsets in the normalised text are
//! offsets in the original text too.

/// Maps one character to its normal form. Every mapping is a single char,
/// which keeps code-point offsets aligned with the original.
fn normal_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
        // Tabs, CR, NBSP and the Unicode spaces, zero-width marks and BOM.
        '\t'
        | '\r'
        | '\u{00A0}'
        | '\u{2000}'..='\u{200B}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}'
        | '\u{200C}'
        | '\u{200D}'
        | '\u{FEFF}'
        | '\u{000B}'
        | '\u{000C}' => ' ',
        '\u{2028}' | '\u{2029}' | '\u{0085}' => '\n',
        '\u{2026}' => '.',
        _ => c,
    }
}

/// Returns the normalised text; `original.chars().count()` equals the result's.
pub fn normalize(original: &str) -> String {
    original.chars().map(normal_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_spaces_and_hyphens_one_for_one() {
        let original = "Netflix\u{2019}s \u{201C}Sweet Home\u{201D}\u{00A0}Ji\u{2011}hu\r\n\u{FEFF}x";
        let normal = normalize(original);
        assert_eq!(normal, "Netflix's \"Sweet Home\" Ji-hu \n x");
        assert_eq!(normal.chars().count(), original.chars().count());
    }

    #[test]
    fn keeps_dashes_bullets_and_letters() {
        assert_eq!(normalize("a \u{2014} b \u{2022} São"), "a \u{2014} b \u{2022} São");
    }
}
