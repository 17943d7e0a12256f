//! Entity-level scoring exactly as `conlleval.pl` counts: chunks start and
//! end by its `startOfChunk`/`endOfChunk` rules, so IOB1 and IOB2 (and a mix)
//! are read alike, and a sentence break closes every chunk.

use scoop_gold::score::{Prf, Rates};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Chunk and token counts, overall and per entity type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Tokens read.
    pub tokens: usize,
    /// Tokens whose guessed tag equals the gold tag, as strings.
    pub correct_tags: usize,
    /// Per type: (correct chunks, gold chunks, guessed chunks).
    pub by_type: BTreeMap<String, (usize, usize, usize)>,
    state: State,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct State {
    in_correct: bool,
    last_gold: (String, String),
    last_guess: (String, String),
}

/// Precision, recall and F1 in percent, computed as conlleval.pl computes them.
pub fn percent(counts: &Prf) -> Rates {
    counts.harmonic(100.0)
}

/// `B-PER` → (`B`, `PER`); `O` → (`O`, ``), as conlleval splits tags.
fn split(tag: &str) -> (String, String) {
    match tag.split_once('-') {
        Some((prefix, ty)) => (prefix.to_string(), ty.to_string()),
        None => (tag.to_string(), String::new()),
    }
}

fn end_of_chunk(prev: &(String, String), cur: &(String, String)) -> bool {
    let (p, pt) = (prev.0.as_str(), prev.1.as_str());
    let (c, ct) = (cur.0.as_str(), cur.1.as_str());
    matches!((p, c), ("B", "B") | ("B", "O") | ("I", "B") | ("I", "O") | ("E", "E") | ("E", "I") | ("E", "O"))
        || (p != "O" && p != "." && pt != ct)
        || matches!(p, "]" | "[")
}

fn start_of_chunk(prev: &(String, String), cur: &(String, String)) -> bool {
    let (p, pt) = (prev.0.as_str(), prev.1.as_str());
    let (c, ct) = (cur.0.as_str(), cur.1.as_str());
    matches!((p, c), ("B", "B") | ("I", "B") | ("O", "B") | ("O", "I") | ("E", "E") | ("E", "I") | ("O", "E"))
        || (c != "O" && c != "." && pt != ct)
        || matches!(c, "]" | "[")
}

impl Counts {
    /// Counts conlleval's own input: lines whose last two columns are the
    /// gold and the guessed tag; a blank line (or `-DOCSTART-`) ends a sentence.
    pub fn from_conlleval_text(text: &str) -> anyhow::Result<Counts> {
        let mut counts = Counts::default();
        let (mut gold, mut guess): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
        for (n, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            match fields.as_slice() {
                [] | ["-DOCSTART-", ..] => {
                    counts.add_sentence(&gold, &guess);
                    gold.clear();
                    guess.clear();
                }
                [.., g, s] if fields.len() >= 3 => {
                    gold.push(g);
                    guess.push(s);
                }
                _ => anyhow::bail!("line {}: expected a token, a gold tag and a guessed tag", n + 1),
            }
        }
        counts.add_sentence(&gold, &guess);
        Ok(counts)
    }

    /// Adds one sentence of gold and guessed tags (IOB1 or IOB2 strings).
    pub fn add_sentence(&mut self, gold: &[&str], guess: &[&str]) {
        for (g, s) in gold.iter().zip(guess) {
            let (g, s) = (split(g), split(s));
            self.tokens += 1;
            self.correct_tags += usize::from(g == s);
            self.step(g, s);
        }
        // conlleval reads the blank line as an `O O` item.
        self.step(split("O"), split("O"));
    }

    fn step(&mut self, gold: (String, String), guess: (String, String)) {
        let st = &mut self.state;
        if st.in_correct {
            let gold_ends = end_of_chunk(&st.last_gold, &gold);
            let guess_ends = end_of_chunk(&st.last_guess, &guess);
            if gold_ends && guess_ends && st.last_guess.1 == st.last_gold.1 {
                st.in_correct = false;
                self.by_type.entry(st.last_gold.1.clone()).or_default().0 += 1;
            } else if gold_ends != guess_ends || guess.1 != gold.1 {
                st.in_correct = false;
            }
        }
        let gold_starts = start_of_chunk(&st.last_gold, &gold);
        let guess_starts = start_of_chunk(&st.last_guess, &guess);
        if gold_starts && guess_starts && guess.1 == gold.1 {
            st.in_correct = true;
        }
        if gold_starts {
            self.by_type.entry(gold.1.clone()).or_default().1 += 1;
        }
        if guess_starts {
            self.by_type.entry(guess.1.clone()).or_default().2 += 1;
        }
        st.last_gold = gold;
        st.last_guess = guess;
    }

    /// Per-type chunk counts, by type name.
    pub fn per_type(&self) -> BTreeMap<&str, Prf> {
        self.by_type.iter().map(|(t, &(c, g, s))| (t.as_str(), Prf::from_matching(c, g, s))).collect()
    }

    /// Chunk counts over every type.
    pub fn overall(&self) -> Prf {
        let (c, g, s) = self.by_type.values().fold((0, 0, 0), |a, &(c, g, s)| (a.0 + c, a.1 + g, a.2 + s));
        Prf::from_matching(c, g, s)
    }

    /// conlleval's text report.
    pub fn to_text(&self) -> String {
        let counts = self.overall();
        let o = percent(&counts);
        let mut out = format!(
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n",
            self.tokens,
            counts.gold(),
            counts.system(),
            counts.tp
        );
        let accuracy = if self.tokens == 0 { 0.0 } else { 100.0 * self.correct_tags as f64 / self.tokens as f64 };
        let _ = writeln!(out, "accuracy: {accuracy:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}", o.precision, o.recall, o.f1);
        for (t, counts) in self.per_type() {
            let p = percent(&counts);
            let _ = writeln!(
                out,
                "{t:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}",
                p.precision,
                p.recall,
                p.f1,
                counts.system()
            );
        }
        out
    }

    /// `{"overall": {...}, "PER": {...}}` with P/R/F1 in percent.
    pub fn to_json(&self) -> String {
        let entry = |counts: Prf| {
            let p = percent(&counts);
            format!(
                "{{\"precision\": {:.2}, \"recall\": {:.2}, \"f1\": {:.2}, \"correct\": {}, \"gold\": {}, \"guessed\": {}}}",
                p.precision,
                p.recall,
                p.f1,
                counts.tp,
                counts.gold(),
                counts.system()
            )
        };
        let mut parts = vec![format!("  \"overall\": {}", entry(self.overall()))];
        parts.extend(self.per_type().into_iter().map(|(t, p)| format!("  \"{t}\": {}", entry(p))));
        format!("{{\n{}\n}}", parts.join(",\n"))
    }
}
