//! Domain refinements over any engine's mentions. A model trained mostly on
//! Reuters cannot learn this domain's writing conventions from a few dozen
//! articles, so they are stated here once:
//!
//! - titles of works: between quotes, before `season N`, after a medium word
//!   (`the movie Veteran 2`, `K-dramas Our Blues, Black Knight and …`), in
//!   parentheses after an actor (`Jo Byeong-gu (Hot Stove League)`), with
//!   their sequel number, and under one label wherever the title recurs;
//! - Korean names written with spaces (`Bae Na Ra`, `Yoo Ah In`) kept whole,
//!   and a nickname inside a name (`Lee "Bare-su" Su-hyeok`) kept in it;
//! - one label per name within a document: a given name after its full
//!   name is a person, and a name the engine labelled several ways takes its
//!   most frequent label.

mod korean;
mod labels;
mod titles;

use super::lexicons::NameLexicons;
use crate::document::{Doc, EntityMention, Span};
use crate::tokenize::TokenKind;
use scoop_gold::Label;
use scoop_lexicon::{ResourceError, Resources};
use titles::TitleCues;

/// The refinements, built once from their resource files and shared by
/// every engine's output.
#[derive(Debug, Clone)]
pub struct Refiner {
    lex: NameLexicons,
    cues: TitleCues,
}

impl Refiner {
    /// The refinements on the embedded resource files.
    pub fn new() -> Refiner {
        crate::resources::on_defaults(Refiner::with_resources)
    }

    /// The refinements on `resources`' `ner/` and `names/` files.
    pub fn with_resources(resources: &Resources) -> Result<Refiner, ResourceError> {
        Ok(Refiner { lex: NameLexicons::new(resources)?, cues: TitleCues::new(resources)? })
    }

    /// Applies every refinement, in order: titles first, so that a title's
    /// words are not taken for names afterwards.
    pub fn refine(&self, doc: &Doc, mentions: Vec<EntityMention>) -> Vec<EntityMention> {
        let mut layer = Layer { doc, mentions, lex: &self.lex, cues: &self.cues };
        layer.mentions.sort_by_key(|m| m.span);
        layer.trim_punctuation();
        let titles: Vec<(usize, usize)> = doc.sentences.iter().flat_map(|s| layer.titles_in(s.tokens.clone())).collect();
        layer.put_all(titles, Label::WORK);
        layer.follow_parenthesis_convention();
        layer.add_sequel_numbers();
        layer.spread_titles();
        layer.merge_nicknames();
        layer.complete_spaced_korean_names();
        layer.unify_labels();
        layer.apply_lexicons();
        // Last: the other steps work on whole tokens, and these names share one.
        layer.split_run_together_names();
        layer.mentions
    }
}

impl Default for Refiner {
    fn default() -> Refiner {
        Refiner::new()
    }
}

/// A document's mentions while the refinements rewrite them, sorted and
/// non-overlapping between steps.
struct Layer<'a> {
    doc: &'a Doc,
    mentions: Vec<EntityMention>,
    lex: &'a NameLexicons,
    cues: &'a TitleCues,
}

impl<'a> Layer<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.doc.slice(self.doc.tokens[i].span)
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
    }

    /// A mention does not begin or end on a dash, bracket, quote or
    /// separator (`Not Me –`, `The Legends <`); `!`, `?`, `*`, `+`, `.` and a
    /// closing parenthesis may end one (`Thunderbolts*`, `Disney+`). A
    /// mention of punctuation alone goes.
    fn trim_punctuation(&mut self) {
        let edge = |i: usize, at_end: bool| {
            self.doc.tokens[i].kind == TokenKind::Punct && !(at_end && matches!(self.word(i), "!" | "?" | "*" | "+" | "." | ")"))
        };
        let mut trimmed = Vec::with_capacity(self.mentions.len());
        for m in &self.mentions {
            let (mut first, mut end) = self.tokens_of(m.span);
            while first < end && edge(first, false) {
                first += 1;
            }
            while end > first && edge(end - 1, true) {
                end -= 1;
            }
            if first < end {
                trimmed.push(EntityMention { span: self.span_of(first, end), label: m.label });
            }
        }
        self.mentions = trimmed;
    }

    /// Names a caption runs together (`Lee Jung-jaeLee Byung-hun`) are one
    /// mention each: after a hyphenated word part, a capital right after a
    /// lower-case letter starts the next name (`McDonald` has no hyphen).
    fn split_run_together_names(&mut self) {
        let mut split = Vec::with_capacity(self.mentions.len());
        for m in &self.mentions {
            let text = self.doc.slice(m.span);
            let mut start = 0;
            let mut hyphenated = false;
            let mut previous = ' ';
            for (at, c) in text.char_indices() {
                if c.is_whitespace() {
                    hyphenated = false;
                } else if c == '-' {
                    hyphenated = true;
                } else if hyphenated && c.is_uppercase() && previous.is_lowercase() {
                    split
                        .push(EntityMention { span: Span::new(m.span.start as usize + start, m.span.start as usize + at), label: m.label });
                    start = at;
                    hyphenated = false;
                }
                previous = c;
            }
            split.push(EntityMention { span: Span::new(m.span.start as usize + start, m.span.end as usize), label: m.label });
        }
        self.mentions = split;
    }

    fn span_of(&self, first: usize, end: usize) -> Span {
        Span { start: self.doc.tokens[first].span.start, end: self.doc.tokens[end - 1].span.end }
    }

    /// The token range a mention covers.
    fn tokens_of(&self, span: Span) -> (usize, usize) {
        let first = self.doc.tokens.partition_point(|t| t.span.end <= span.start);
        let end = self.doc.tokens.partition_point(|t| t.span.start < span.end);
        (first, end.max(first + 1))
    }

    /// The mentions overlapping `span`. Mentions are sorted and never
    /// overlap, so their ends are sorted too and both bounds are binary searches.
    fn overlapping(&self, span: Span) -> &[EntityMention] {
        let from = self.mentions.partition_point(|m| m.span.end <= span.start);
        let to = self.mentions.partition_point(|m| m.span.start < span.end);
        &self.mentions[from..to.max(from)]
    }

    fn mention_at(&self, first: usize, end: usize) -> Option<&EntityMention> {
        let span = self.span_of(first, end);
        self.overlapping(span).iter().find(|m| m.span == span)
    }

    fn is_person_token(&self, i: usize) -> bool {
        self.overlapping(self.doc.tokens[i].span).iter().any(|m| m.label == Label::PER)
    }

    fn is_covered(&self, i: usize) -> bool {
        !self.overlapping(self.doc.tokens[i].span).is_empty()
    }

    /// Adds one mention per token range, each replacing whatever it overlaps;
    /// of two new ranges that overlap, the later one wins.
    fn put_all(&mut self, ranges: Vec<(usize, usize)>, label: Label) {
        let mut ordered: Vec<(Span, usize)> =
            ranges.into_iter().enumerate().map(|(order, (first, end))| (self.span_of(first, end), order)).collect();
        ordered.sort();
        let mut kept_new: Vec<(Span, usize)> = Vec::new();
        for (span, order) in ordered {
            let mut wins = true;
            while let Some(&(last, last_order)) = kept_new.last() {
                if last.end <= span.start {
                    break;
                }
                if last_order > order {
                    wins = false;
                    break;
                }
                kept_new.pop();
            }
            if wins {
                kept_new.push((span, order));
            }
        }
        let added: Vec<EntityMention> = kept_new.into_iter().map(|(span, _)| EntityMention { span, label }).collect();
        let kept = self.mentions.iter().filter(|m| {
            let at = added.partition_point(|a| a.span.end <= m.span.start);
            added.get(at).map_or(true, |a| m.span.end <= a.span.start)
        });
        let mut merged: Vec<EntityMention> = kept.chain(&added).copied().collect();
        merged.sort_by_key(|m| m.span);
        self.mentions = merged;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::test_doc as doc;

    fn refine(doc: &Doc, mentions: Vec<EntityMention>) -> Vec<EntityMention> {
        Refiner::new().refine(doc, mentions)
    }

    fn mention(doc: &Doc, text: &str, label: Label) -> EntityMention {
        let start = doc.text.find(text).unwrap();
        EntityMention { span: Span::new(start, start + text.len()), label }
    }

    fn shown(doc: &Doc, mentions: &[EntityMention]) -> Vec<String> {
        mentions.iter().map(|m| format!("{}/{}", doc.slice(m.span), m.label.as_str())).collect()
    }

    #[test]
    fn quoted_titles_and_sequel_numbers_are_works() {
        let d = doc("Kim Sung-chul joins \u{201C}Alchemy of Souls 2\u{201D} after \u{2018}Kingdom\u{2019}. He said, \u{201C}No\u{201D}.");
        let engine = vec![mention(&d, "Kim Sung-chul", Label::PER), mention(&d, "Alchemy of Souls", Label::ORG)];
        assert_eq!(shown(&d, &refine(&d, engine)), ["Kim Sung-chul/PER", "Alchemy of Souls 2/WORK", "Kingdom/WORK"]);
    }

    #[test]
    fn mentions_do_not_end_on_a_dash_or_bracket() {
        let d = doc("He was in Not Me - and in The Legends <pinyin> and Thunderbolts* on Disney+ this year.");
        let engine = vec![
            mention(&d, "Not Me -", Label::WORK),
            mention(&d, "The Legends <", Label::WORK),
            mention(&d, "Thunderbolts*", Label::WORK),
            mention(&d, "Disney+", Label::ORG),
        ];
        assert_eq!(shown(&d, &refine(&d, engine)), ["Not Me/WORK", "The Legends/WORK", "Thunderbolts*/WORK", "Disney+/ORG"]);
    }

    #[test]
    fn names_run_together_in_a_caption_are_one_mention_each() {
        let d = doc("Lee Jung-jaeLee Byung-hunWi Ha-joon at the premiere.");
        let engine = vec![mention(&d, "Lee Jung-jaeLee Byung-hunWi Ha-joon", Label::PER)];
        assert_eq!(shown(&d, &refine(&d, engine)), ["Lee Jung-jae/PER", "Lee Byung-hun/PER", "Wi Ha-joon/PER"]);
    }

    #[test]
    fn a_work_before_the_person_it_credits() {
        let d = doc("It stars Teen Wolf alum Froy Gutierrez. Veteran actor Kim Ji-won met Netflix star Lee Jung-jae.");
        let engine = vec![
            mention(&d, "Teen Wolf", Label::PER),
            mention(&d, "Froy Gutierrez", Label::PER),
            mention(&d, "Kim Ji-won", Label::PER),
            mention(&d, "Netflix", Label::ORG),
            mention(&d, "Lee Jung-jae", Label::PER),
        ];
        assert_eq!(
            shown(&d, &refine(&d, engine)),
            ["Teen Wolf/WORK", "Froy Gutierrez/PER", "Kim Ji-won/PER", "Netflix/ORG", "Lee Jung-jae/PER"]
        );
    }

    #[test]
    fn list_openers_and_list_items_joined_by_and() {
        let d = doc("He is known for series such as Squid Game and Hellbound, and Your Honor.");
        let engine =
            vec![mention(&d, "Squid Game", Label::PER), mention(&d, "Hellbound", Label::PER), mention(&d, "Your Honor", Label::PER)];
        assert_eq!(shown(&d, &refine(&d, engine)), ["Squid Game/WORK", "Hellbound/WORK", "Your Honor/WORK"]);
    }

    #[test]
    fn titles_before_season_and_after_medium_words() {
        let d =
            doc("Filming for The Last of Us season 2 began. She starred in the K-Dramas Our Blues, Black Knight and 20th Century Girl.");
        let engine = vec![mention(&d, "The Last", Label::LOC), mention(&d, "Us", Label::LOC), mention(&d, "Black Knight", Label::PER)];
        assert_eq!(
            shown(&d, &refine(&d, engine)),
            ["The Last of Us/WORK", "Our Blues/WORK", "Black Knight/WORK", "20th Century Girl/WORK"]
        );
        // After a comma the title must close the appositive.
        let d = doc("He wrote the Korean drama, Brave Hearts, while she shot the film, Netflix said.");
        let engine = vec![mention(&d, "Brave Hearts", Label::PER), mention(&d, "Netflix", Label::ORG)];
        assert_eq!(shown(&d, &refine(&d, engine)), ["Brave Hearts/WORK", "Netflix/ORG"]);
    }

    #[test]
    fn what_is_not_a_title() {
        let d = doc("The Glory To Be Released Earlier Than Planned\n\nThe 'Netflix' drama Sweet Home in December drew Jenna in Wednesday season 2 and Drama Series awards. An empty \"\" quote.");
        let engine = vec![mention(&d, "The Glory", Label::WORK), mention(&d, "Netflix", Label::ORG), mention(&d, "Jenna", Label::PER)];
        assert_eq!(shown(&d, &refine(&d, engine)), ["The Glory/WORK", "Netflix/ORG", "Sweet Home/WORK", "Jenna/PER", "Wednesday/WORK"]);
    }

    #[test]
    fn parentheses_after_an_actor_hold_a_work_or_a_character() {
        let d = doc("Jo Byeong-gu (Hot Stove League) and Jin Sun-kyu (One The Woman) join Ahn Joon-ho (Jung Hae-in).");
        let engine = vec![
            mention(&d, "Jo Byeong-gu", Label::PER),
            mention(&d, "Jin Sun-kyu", Label::PER),
            mention(&d, "One The Woman", Label::PER),
            mention(&d, "Ahn Joon-ho", Label::PER),
            mention(&d, "Jung Hae-in", Label::PER),
        ];
        let refined = shown(&d, &refine(&d, engine));
        assert_eq!(
            refined,
            ["Jo Byeong-gu/PER", "Hot Stove League/WORK", "Jin Sun-kyu/PER", "One The Woman/WORK", "Ahn Joon-ho/PER", "Jung Hae-in/PER"]
        );
    }

    #[test]
    fn spaced_korean_names_and_nicknames_stay_whole() {
        let d = doc("Bae Na Ra met Yoo Ah In and Lee \"Bare-su\" Su-hyeok. Cho Dong In and Kim Ha sing.");
        let engine = vec![
            mention(&d, "Na Ra", Label::PER),
            mention(&d, "Yoo Ah", Label::PER),
            mention(&d, "Su-hyeok", Label::PER),
            mention(&d, "Dong", Label::PER),
            mention(&d, "Ha", Label::PER),
        ];
        let found = ["Bae Na Ra/PER", "Yoo Ah In/PER", "Lee \"Bare-su\" Su-hyeok/PER", "Cho Dong In/PER", "Ha/PER"];
        assert_eq!(shown(&d, &refine(&d, engine)), found);
    }

    #[test]
    fn a_name_keeps_one_label_in_a_document() {
        let d = doc("Bella Ramsey returns. Bella Ramsey said Park Ji-hu met Bella Ramsey. Ji-hu left.");
        let nth = |text: &str, n: usize, label| {
            let start = d.text.match_indices(text).nth(n).unwrap().0;
            EntityMention { span: Span::new(start, start + text.len()), label }
        };
        let engine = vec![
            nth("Bella Ramsey", 0, Label::PER),
            nth("Bella Ramsey", 1, Label::ORG),
            nth("Park Ji-hu", 0, Label::PER),
            nth("Bella Ramsey", 2, Label::PER),
            nth("Ji-hu", 1, Label::LOC),
        ];
        let labels: Vec<Label> = refine(&d, engine).iter().map(|m| m.label).collect();
        assert_eq!(labels, [Label::PER; 5]);
    }

    #[test]
    fn lexicon_names_keep_their_label() {
        let d = doc("Deadline reports that Kim Ji-won of Namoo Actors filmed in Goyang-si and Yongduri Village as Cheong-san in K-pop.");
        let engine = vec![
            mention(&d, "Deadline", Label::PER),
            mention(&d, "Kim Ji-won", Label::PER),
            mention(&d, "Namoo Actors", Label::PER),
            mention(&d, "Goyang-si", Label::PER),
            mention(&d, "Yongduri Village", Label::PER),
            mention(&d, "Cheong-san", Label::MISC),
            mention(&d, "K-pop", Label::MISC),
        ];
        let refined = shown(&d, &refine(&d, engine));
        assert_eq!(
            refined,
            ["Deadline/ORG", "Kim Ji-won/PER", "Namoo Actors/ORG", "Goyang-si/LOC", "Yongduri Village/LOC", "Cheong-san/PER", "K-pop/MISC"]
        );
    }
}
