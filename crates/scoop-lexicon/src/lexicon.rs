//! One lexicon: the parsed entries of a resource file and the one way they match.

use crate::ResourceError;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::collections::HashMap;

/// How the entries of a file match the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchRule {
    /// One word, compared whole against one word of the text: no spaces in
    /// an entry (`stars` matches the word `stars`, not `co-stars`).
    Word,
    /// One or more words, found in running text where it is not preceded or
    /// followed by a letter or digit (`in talks` matches `is in talks with`,
    /// not `within talks`).
    Phrase,
    /// The end of a word (`n't` matches `won't`; `-ro` matches `Gangnam-ro`).
    Suffix,
    /// A regular expression; a file's entries are joined as one alternation
    /// (`(?:a|b)`) that the code places inside its own patterns.
    Regex,
}

impl MatchRule {
    fn parse(name: &str) -> Option<MatchRule> {
        match name {
            "word" => Some(MatchRule::Word),
            "phrase" => Some(MatchRule::Phrase),
            "suffix" => Some(MatchRule::Suffix),
            "regex" => Some(MatchRule::Regex),
            _ => None,
        }
    }
}

/// One entry of a lexicon, with its optional value (`cue => value`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The entry as written (lower case in a case-insensitive file).
    pub text: String,
    /// What follows ` => `, when given.
    pub value: Option<String>,
    /// 1-based line of the file it was read from.
    pub line: usize,
}

/// A resource file's entries and its matching rule. Every method matches by
/// the file's rule; a case-insensitive lexicon folds ASCII case of the text
/// it is given, so byte offsets into that text stay valid.
#[derive(Debug, Clone)]
pub struct Lexicon {
    name: String,
    rule: MatchRule,
    case_sensitive: bool,
    entries: Vec<Entry>,
    index: HashMap<String, usize>,
    automaton: Option<AhoCorasick>,
}

impl Lexicon {
    /// Parses a resource file; `name` is how errors name the file.
    pub fn parse(name: &str, text: &str) -> Result<Lexicon, ResourceError> {
        let error = |line: Option<usize>, message: String| ResourceError { file: name.to_string(), line, message };
        let mut rule = None;
        let mut case_sensitive = false;
        let mut entries: Vec<Entry> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let trimmed = raw.trim();
            if let Some(comment) = trimmed.strip_prefix('#') {
                let Some((key, value)) = comment.split_once(':') else { continue };
                let (key, value) = (key.trim(), value.trim());
                match key {
                    "match" | "case" if !entries.is_empty() => {
                        return Err(error(Some(line), format!("`# {key}:` belongs in the header, before the first entry")));
                    }
                    "match" => {
                        rule = Some(
                            MatchRule::parse(value)
                                .ok_or_else(|| error(Some(line), format!("unknown rule `{value}`: use word, phrase, suffix or regex")))?,
                        );
                    }
                    "case" => {
                        case_sensitive = match value {
                            "sensitive" => true,
                            "insensitive" => false,
                            _ => return Err(error(Some(line), format!("unknown case `{value}`: use sensitive or insensitive"))),
                        }
                    }
                    _ => {}
                }
                continue;
            }
            if trimmed.is_empty() {
                continue;
            }
            let Some(rule) = rule else {
                return Err(error(Some(line), "an entry before the header's `# match:` line".to_string()));
            };
            let (entry, value) = match trimmed.split_once(" => ") {
                Some((entry, value)) => (entry.trim(), Some(value.trim().to_string())),
                None => (trimmed, None),
            };
            if let Some(problem) = unmatchable(entry, rule, case_sensitive) {
                return Err(error(Some(line), format!("`{entry}` cannot match: {problem}")));
            }
            if let Some(&first) = index.get(entry) {
                return Err(error(Some(line), format!("`{entry}` is listed twice (first on line {})", entries[first].line)));
            }
            index.insert(entry.to_string(), entries.len());
            entries.push(Entry { text: entry.to_string(), value, line });
        }
        let rule = rule.ok_or_else(|| error(None, "no `# match:` line in the header (word, phrase, suffix or regex)".to_string()))?;
        if entries.is_empty() {
            return Err(error(None, "no entries".to_string()));
        }
        let automaton = match rule {
            MatchRule::Word | MatchRule::Phrase => Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(!case_sensitive)
                    .match_kind(MatchKind::Standard)
                    .build(entries.iter().map(|e| &e.text))
                    .map_err(|e| error(None, format!("cannot build the matcher: {e}")))?,
            ),
            MatchRule::Suffix | MatchRule::Regex => None,
        };
        Ok(Lexicon { name: name.to_string(), rule, case_sensitive, entries, index, automaton })
    }

    /// How the file names itself in errors.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The file's matching rule.
    pub fn rule(&self) -> MatchRule {
        self.rule
    }

    /// The entries in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Whether `word` is an entry, whole (`word` and `phrase` files).
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// The entry equal to `word`, whole.
    pub fn get(&self, word: &str) -> Option<&Entry> {
        let found = if self.case_sensitive || !word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.index.get(word)
        } else {
            self.index.get(&word.to_ascii_lowercase())
        };
        found.map(|&i| &self.entries[i])
    }

    /// Whether a word ends with an entry (`suffix` files), the entry shorter
    /// than the word.
    pub fn is_suffix_of(&self, word: &str) -> bool {
        self.entries.iter().any(|e| word.len() > e.text.len() && self.ends_with_text(word, &e.text))
    }

    /// Every match in running text, overlapping ones included, sorted:
    /// `(byte offset, length)`, at word boundaries (`word`, `phrase` files).
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize)> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        let bytes = text.as_bytes();
        let mut found: Vec<(usize, usize)> = automaton
            .find_overlapping_iter(text)
            .filter(|m| at_boundaries(bytes, &self.entries[m.pattern().as_usize()].text, m.start(), m.end()))
            .map(|m| (m.start(), m.len()))
            .collect();
        found.sort_unstable();
        found
    }

    /// The first match in running text (see [`Lexicon::find_all`]).
    pub fn find_first(&self, text: &str) -> Option<(usize, usize)> {
        self.find_all(text).into_iter().next()
    }

    /// Whether running text holds an entry (`word`, `phrase`: at word
    /// boundaries; `suffix`: at the end of one of its words).
    pub fn is_in(&self, text: &str) -> bool {
        match self.rule {
            MatchRule::Suffix => words(text).any(|w| self.is_suffix_of(w)),
            _ => self.automaton.as_ref().is_some_and(|a| {
                a.find_overlapping_iter(text)
                    .any(|m| at_boundaries(text.as_bytes(), &self.entries[m.pattern().as_usize()].text, m.start(), m.end()))
            }),
        }
    }

    /// The first entry, in file order, that ends `text` at a word boundary.
    pub fn ending(&self, text: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| self.ends_with_text(text, &e.text) && at_boundaries(text.as_bytes(), &e.text, text.len() - e.text.len(), text.len()))
    }

    /// The first entry, in file order, that begins `text` at a word boundary.
    pub fn beginning(&self, text: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| {
            let n = e.text.len();
            text.len() >= n && text.is_char_boundary(n) && self.same(&text[..n], &e.text) && at_boundaries(text.as_bytes(), &e.text, 0, n)
        })
    }

    /// The entries as one regular-expression alternation, `(?:a|b|c)`:
    /// `regex` entries as written, the others escaped; case-insensitive
    /// files get the `i` flag.
    pub fn pattern(&self) -> String {
        let flag = if self.case_sensitive { "" } else { "i" };
        let alternatives: Vec<String> = self
            .entries
            .iter()
            .map(|e| if self.rule == MatchRule::Regex { format!("(?:{})", e.text) } else { regex::escape(&e.text) })
            .collect();
        format!("(?{flag}:{})", alternatives.join("|"))
    }

    fn same(&self, a: &str, b: &str) -> bool {
        if self.case_sensitive {
            a == b
        } else {
            a.eq_ignore_ascii_case(b)
        }
    }

    fn ends_with_text(&self, text: &str, entry: &str) -> bool {
        text.len() >= entry.len() && text.is_char_boundary(text.len() - entry.len()) && self.same(&text[text.len() - entry.len()..], entry)
    }
}

/// Why an entry could never match under its file's rule, if it could not.
fn unmatchable(entry: &str, rule: MatchRule, case_sensitive: bool) -> Option<String> {
    if !case_sensitive && rule != MatchRule::Regex && entry.chars().any(char::is_uppercase) {
        return Some("upper case in a case-insensitive file (write it in lower case, or declare `# case: sensitive`)".to_string());
    }
    match rule {
        MatchRule::Word | MatchRule::Suffix if entry.contains(char::is_whitespace) => {
            Some("a `word` or `suffix` entry is one word, with no spaces (use a `phrase` file)".to_string())
        }
        MatchRule::Phrase if entry.contains("  ") || entry.contains('\t') => Some("words are separated by single spaces".to_string()),
        MatchRule::Regex => Regex::new(entry).err().map(|e| format!("not a regular expression: {e}")),
        _ => None,
    }
}

/// A match of `entry` may not continue a word: an entry that begins (ends)
/// with a letter or digit may not be preceded (followed) by one. An entry
/// that begins with punctuation (`, who plays`) may follow a word.
fn at_boundaries(bytes: &[u8], entry: &str, start: usize, end: usize) -> bool {
    let word_char = |b: &u8| b.is_ascii_alphanumeric();
    let left_open = !entry.as_bytes().first().is_some_and(word_char) || start == 0 || !word_char(&bytes[start - 1]);
    let right_open = !entry.as_bytes().last().is_some_and(word_char) || end >= bytes.len() || !word_char(&bytes[end]);
    left_open && right_open
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-').filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(text: &str) -> Lexicon {
        Lexicon::parse("test.txt", text).unwrap()
    }

    #[test]
    fn phrases_match_at_word_boundaries_only() {
        let cues = lexicon("# match: phrase\nin talks\nstar\n");
        assert_eq!(cues.find_all("she is in talks to star"), vec![(7, 8), (19, 4)]);
        assert!(cues.find_all("within talks, a starlet").is_empty());
        assert!(cues.is_in("Is In Talks"));
    }

    #[test]
    fn punctuation_at_an_entry_edge_needs_no_boundary() {
        let cues = lexicon("# match: phrase\n, who plays\n");
        assert_eq!(cues.find_all("Kim, who plays Ahn"), vec![(3, 11)]);
        assert!(cues.ending("the actor Kim, who plays").is_some());
    }

    #[test]
    fn words_match_whole_words() {
        let cues = lexicon("# match: word\nstars\n");
        assert!(cues.contains("stars") && cues.contains("Stars"));
        assert!(!cues.contains("co-stars"));
    }

    #[test]
    fn suffixes_match_word_ends() {
        let clitics = lexicon("# match: suffix\nn't\n");
        assert!(clitics.is_suffix_of("won't"));
        assert!(clitics.is_in("it won't air"));
        assert!(!clitics.is_in("not yet"));
    }

    #[test]
    fn ending_and_beginning_respect_boundaries_and_file_order() {
        let crew = lexicon("# match: phrase\nwritten by => writer\nby => other\n");
        assert_eq!(crew.ending("the series, written by").and_then(|e| e.value.as_deref()), Some("writer"));
        assert_eq!(crew.ending("standby"), None);
        assert_eq!(crew.beginning("by the way").map(|e| e.text.as_str()), Some("by"));
        assert_eq!(crew.beginning("bypass"), None);
    }

    #[test]
    fn case_sensitive_files_keep_case() {
        let names = lexicon("# match: word\n# case: sensitive\nNetflix\n");
        assert!(names.contains("Netflix") && !names.contains("netflix"));
    }

    #[test]
    fn regex_entries_form_one_alternation() {
        let months = lexicon("# match: regex\n# case: sensitive\nJan(?:uary)?\nFeb(?:ruary)?\n");
        let re = Regex::new(&format!("^{}$", months.pattern())).unwrap();
        assert!(re.is_match("January") && re.is_match("Feb") && !re.is_match("march"));
        let lower = lexicon("# match: word\nago\n");
        assert!(Regex::new(&lower.pattern()).unwrap().is_match("AGO"));
    }

    fn error(text: &str) -> ResourceError {
        Lexicon::parse("roles/cues.txt", text).unwrap_err()
    }

    #[test]
    fn malformed_files_name_the_line() {
        let e = error("# match: word\nstars\nrole of\n");
        assert_eq!(e.line, Some(3));
        assert!(e.to_string().starts_with("roles/cues.txt:3: `role of` cannot match"), "{e}");
        assert_eq!(error("# match: phrase\nstar\n\nstar\n").to_string(), "roles/cues.txt:4: `star` is listed twice (first on line 2)");
        assert_eq!(error("# match: phrase\nStar\n").line, Some(2));
        assert_eq!(error("star\n").line, Some(1));
        assert!(error("# match: words\n").to_string().contains("unknown rule `words`"));
        assert_eq!(error("# match: regex\n(unclosed\n").line, Some(2));
        assert_eq!(error("# a comment only\n").line, None);
        assert_eq!(error("# match: word\nstar\n# case: sensitive\n").line, Some(3));
    }
}
