//! A researcher's own list of names (`scoop extract --lexicon FILE`): the
//! shows, people and companies they study, tagged as given wherever they
//! occur. It has the last word, as spaCy's entity ruler with
//! `overwrite_ents`: a lexicon name replaces every mention the engine and the
//! refinements found overlapping it.
//!
//! One entry a line, tab-separated: the text, its label (PER, ORG, LOC,
//! WORK, MISC), and optionally its other spellings separated by `|`. Blank
//! lines and lines starting with `#` are skipped. Matching is case-sensitive,
//! on whole tokens, after the same normalisation as the text (curly quotes
//! and apostrophes match straight ones); where entries overlap, the longest
//! (then the leftmost) wins.

use crate::document::{Doc, EntityMention, Span};
use aho_corasick::{AhoCorasick, MatchKind};
use scoop_gold::Label;
use std::collections::HashMap;
use std::path::Path;

/// A user lexicon line that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    /// The file, as given.
    pub file: String,
    /// 1-based line number (0 when the file itself cannot be read).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The names of one or more lexicon files, ready to match.
#[derive(Debug, Clone)]
pub struct UserLexicon {
    matcher: AhoCorasick,
    /// The label of each pattern, by pattern index.
    labels: Vec<Label>,
}

impl UserLexicon {
    /// Reads and merges lexicon files; a spelling given twice with two
    /// labels is an error naming both lines.
    pub fn read(paths: &[impl AsRef<Path>]) -> Result<UserLexicon, LexiconError> {
        let mut patterns: Vec<String> = Vec::new();
        let mut labels = Vec::new();
        let mut seen: HashMap<String, (Label, String)> = HashMap::new();
        for path in paths {
            let path = path.as_ref();
            let file = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| LexiconError {
                file: file.clone(),
                line: 0,
                message: format!("cannot read: {e}"),
            })?;
            for (index, line) in text.lines().enumerate() {
                let error = |message: String| LexiconError { file: file.clone(), line: index + 1, message };
                let line = line.trim_end_matches('\r');
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let mut fields = line.split('\t');
                let name = fields.next().unwrap_or_default().trim();
                let label_text =
                    fields.next().map(str::trim).ok_or_else(|| error(format!("`{line}`: expected TEXT<tab>LABEL[<tab>ALIAS|ALIAS…]")))?;
                let label = Label::ALL
                    .into_iter()
                    .find(|l| l.as_str() == label_text)
                    .ok_or_else(|| error(format!("unknown label `{label_text}` (one of PER, ORG, LOC, WORK, MISC)")))?;
                let aliases = fields.next().map_or(Vec::new(), |a| a.split('|').map(str::trim).collect());
                if fields.next().is_some() {
                    return Err(error("more than three tab-separated fields".into()));
                }
                for spelling in std::iter::once(name).chain(aliases) {
                    if spelling.is_empty() {
                        return Err(error("an empty name or alias".into()));
                    }
                    let normalised = crate::normalize::normalize(spelling);
                    let here = format!("{file}:{}", index + 1);
                    match seen.get(&normalised) {
                        Some((earlier, _)) if *earlier == label => continue,
                        Some((earlier, at)) => {
                            return Err(error(format!("`{spelling}` is {label} here and {earlier} at {at}")));
                        }
                        None => {}
                    }
                    seen.insert(normalised.clone(), (label, here));
                    patterns.push(normalised);
                    labels.push(label);
                }
            }
        }
        let matcher = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&patterns).map_err(|e| LexiconError {
            file: "--lexicon".into(),
            line: 0,
            message: e.to_string(),
        })?;
        Ok(UserLexicon { matcher, labels })
    }

    /// `mentions` with every lexicon name of `doc` that starts and ends on
    /// token edges added, and the mentions overlapping them dropped.
    pub fn apply(&self, doc: &Doc, mentions: Vec<EntityMention>) -> Vec<EntityMention> {
        let starts_token = |at: usize| doc.tokens.binary_search_by_key(&at, |t| t.span.start as usize).is_ok();
        let ends_token = |at: usize| doc.tokens.binary_search_by_key(&at, |t| t.span.end as usize).is_ok();
        // Every match on token edges, then the longest of those that overlap
        // (an entry cut out of a longer word must not hide a shorter one).
        let mut candidates: Vec<EntityMention> = self
            .matcher
            .find_overlapping_iter(doc.text.as_str())
            .filter(|m| starts_token(m.start()) && ends_token(m.end()))
            .map(|m| EntityMention { span: Span::new(m.start(), m.end()), label: self.labels[m.pattern().as_usize()] })
            .collect();
        candidates.sort_by_key(|m| (std::cmp::Reverse(m.span.end - m.span.start), m.span.start));
        let mut found: Vec<EntityMention> = Vec::new();
        for candidate in candidates {
            if found.iter().all(|f| f.span.end <= candidate.span.start || candidate.span.end <= f.span.start) {
                found.push(candidate);
            }
        }
        found.sort_by_key(|m| m.span);
        if found.is_empty() {
            return mentions;
        }
        let overlaps_found = |span: Span| {
            let at = found.partition_point(|f| f.span.end <= span.start);
            found.get(at).is_some_and(|f| f.span.start < span.end)
        };
        let mut out: Vec<EntityMention> = mentions.into_iter().filter(|m| !overlaps_found(m.span)).collect();
        out.extend(found);
        out.sort_by_key(|m| m.span);
        out
    }
}
