//! Roles: who does what on which work, and which persons are characters.
//!
//! Within a sentence, in this order:
//! - linking phrases between two names: `Actor plays/portrays/as Character`,
//!   `Actor, who plays Character`, `Character, played by Actor`, and between
//!   two lists of names, paired in order (`A and B, who play C and D`);
//! - parenthesised pairs `A (B)` or `A (B/C)`: one side is the actor, the other
//!   the character(s). Which is which is decided from the whole document
//!   (see [`Evidence`]): who is introduced as an actor or listed in a cast,
//!   who is only ever called by a given name or introduced as a character;
//!   pairs without evidence follow the document's other pairs;
//! - crew cues before a name (`directed by`, `writer`, `webtoon by` …) or
//!   after it (`returns as director`, `wrote the script` …);
//! - cast cues in the sentence (`cast`, `stars`, `joins`, `returning` …): every
//!   other real person named there is an actor with no character.
//!
//! The work is the title named in the sentence, else the document's main title.
//! The cue lists in `resources/roles/` are the whole grammar: extend them to teach more.

use crate::document::{is_list_gap, Doc, EntityMention, Span};
use crate::offsets::slice_within;
use crate::records::{RoleLayer, RoleRecord};
use scoop_gold::{PersonKind, RoleKind};
use scoop_lexicon::{Lexicon, ResourceError, Resources};

mod learned;
pub use learned::{RoleExamples, RoleModel};

/// The roles stage's cue lists (`resources/roles/`), read once.
pub struct RoleCues {
    actor_then_character: Lexicon,
    list_links: Lexicon,
    character_then_actor: Lexicon,
    character_cues_before: Lexicon,
    character_titles: Lexicon,
    actor_cues_before: Lexicon,
    cast_list_cues: Lexicon,
    story_cues: Lexicon,
    crew_before: Lexicon,
    crew_after: Lexicon,
    character_introducers: Lexicon,
    characters_after_list: Lexicon,
    cast_cues: Lexicon,
}

impl RoleCues {
    /// Reads every `roles/` file; a crew cue's value must be one of the guide's roles.
    pub fn new(resources: &Resources) -> Result<RoleCues, ResourceError> {
        let cues = RoleCues {
            actor_then_character: resources.lexicon("roles/actor-then-character.txt")?,
            list_links: resources.lexicon("roles/list-links.txt")?,
            character_then_actor: resources.lexicon("roles/character-then-actor.txt")?,
            character_cues_before: resources.lexicon("roles/character-cues-before.txt")?,
            character_titles: resources.lexicon("roles/character-titles.txt")?,
            actor_cues_before: resources.lexicon("roles/actor-cues-before.txt")?,
            cast_list_cues: resources.lexicon("roles/cast-list-cues.txt")?,
            story_cues: resources.lexicon("roles/story-cues.txt")?,
            crew_before: resources.lexicon("roles/crew-before.txt")?,
            crew_after: resources.lexicon("roles/crew-after.txt")?,
            character_introducers: resources.lexicon("roles/character-introducers.txt")?,
            characters_after_list: resources.lexicon("roles/characters-after-list.txt")?,
            cast_cues: resources.lexicon("roles/cast-cues.txt")?,
        };
        for crew in [&cues.crew_before, &cues.crew_after] {
            for entry in crew.entries() {
                if entry.value.as_deref().and_then(role_named).is_none() {
                    let roles: Vec<&str> = RoleKind::ALL.iter().map(|r| r.as_str()).collect();
                    return Err(ResourceError {
                        file: crew.name().to_string(),
                        line: Some(entry.line),
                        message: format!("`{}` needs a role after ` => `: one of {}", entry.text, roles.join(", ")),
                    });
                }
            }
        }
        Ok(cues)
    }

    /// Finds a document's roles and the persons they show to be
    /// characters: what the cue lists find, and the roles `model`, when
    /// given, finds that they miss.
    pub fn find_roles_with(&self, doc: &Doc, model: Option<&RoleModel>) -> RoleLayer {
        let mut layer = self.find_roles(doc);
        if let Some(model) = model {
            model.add_roles(doc, &mut layer);
        }
        layer
    }

    /// Finds a document's roles and the persons they show to be characters, by the cue lists alone.
    pub fn find_roles(&self, doc: &Doc) -> RoleLayer {
        let person_of = doc.person_of_mentions();
        let main_work = doc.main_work();
        let evidence = Evidence::gather(self, doc, &person_of);
        let mut pairs: Vec<Pair> = Vec::new();
        let mut roles: Vec<RoleRecord> = Vec::new();
        let mut characters: Vec<usize> = Vec::new();
        let mut introduced: Vec<usize> = Vec::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let in_sentence = doc.mentions_within(sentence.span);
            let people: Vec<usize> = in_sentence.iter().copied().filter(|&m| person_of[m].is_some()).collect();
            let work = doc.sentence_work(&in_sentence).or_else(|| main_work.clone());
            let mut assigned: Vec<usize> = Vec::new();
            introduced.extend(self.introduced_characters(doc, sentence.span, &people).into_iter().filter_map(|m| person_of[m]));
            let respective = self.respective_pairs(doc, &people);
            for &(a, c) in &respective {
                let (actor, character) = (person_of[a].unwrap_or_default(), person_of[c].unwrap_or_default());
                characters.push(character);
                assigned.extend([actor, character]);
                roles.push(acting(actor, character, &work, sentence.span));
            }
            let paired: Vec<usize> = respective.iter().flat_map(|&(a, c)| [a, c]).collect();
            let mut i = 0;
            while i < people.len() {
                if paired.contains(&people[i]) {
                    i += 1;
                    continue;
                }
                if let Some(group) = parenthesised_group(doc, &people[i..], &person_of) {
                    let outer = person_of[people[i]].unwrap_or_default();
                    let inner: Vec<usize> = group.iter().map(|&m| person_of[m].unwrap_or_default()).filter(|&p| p != outer).collect();
                    if !inner.is_empty() {
                        assigned.push(outer);
                        assigned.extend(&inner);
                        pairs.push(Pair { outer, inner, work: work.clone(), evidence: sentence.span, convention: evidence.conventions[s] });
                    }
                    i += 1 + group.len();
                    continue;
                }
                if let Some(&next) = people.get(i + 1) {
                    let (a, b) = (person_of[people[i]].unwrap_or_default(), person_of[next].unwrap_or_default());
                    if let Some((actor, character)) = self.linked_pair(doc, doc.mentions[people[i]], doc.mentions[next], a, b) {
                        characters.push(character);
                        assigned.extend([actor, character]);
                        roles.push(acting(actor, character, &work, sentence.span));
                    }
                }
                i += 1;
            }
            // `directed by A, B and C`: a crew cue before a name holds for
            // the names listed after it.
            let mut credited: Option<(usize, RoleKind)> = None;
            for &m in &people {
                let person = person_of[m].unwrap_or_default();
                let listed_after = |(previous, role): (usize, RoleKind)| {
                    let gap = &doc.text[doc.mentions[previous].span.end as usize..doc.mentions[m].span.start as usize];
                    is_list_gap(gap).then_some(role)
                };
                let role = self.crew_cue(doc, sentence.span, doc.mentions[m].span).or_else(|| credited.and_then(listed_after));
                credited = role.map(|role| (m, role));
                if let Some(role) = role {
                    assigned.push(person);
                    roles.push(RoleRecord { person, role, character: None, work: work.clone(), evidence: sentence.span });
                }
            }
            if has_any_word(doc.slice(sentence.span), &self.cast_cues) {
                for &m in &people {
                    let person = person_of[m].unwrap_or_default();
                    if !assigned.contains(&person) {
                        assigned.push(person);
                        roles.push(RoleRecord {
                            person,
                            role: RoleKind::Actor,
                            character: None,
                            work: work.clone(),
                            evidence: sentence.span,
                        });
                    }
                }
            }
        }
        let outer_is_actor = orient_pairs(&pairs, &evidence);
        for (pair, outer_acts) in pairs.iter().zip(outer_is_actor) {
            let casting: Vec<(usize, usize)> =
                if outer_acts { vec![(pair.outer, pair.inner[0])] } else { pair.inner.iter().map(|&actor| (actor, pair.outer)).collect() };
            for (actor, character) in casting {
                roles.push(acting(actor, character, &pair.work, pair.evidence));
            }
            if outer_acts {
                characters.extend(&pair.inner);
            } else {
                characters.push(pair.outer);
            }
        }
        // A name introduced as a character is one, unless the document shows
        // the person acting.
        let acting: Vec<usize> = roles.iter().filter(|r| r.character.is_some()).map(|r| r.person).collect();
        characters.extend(introduced.into_iter().filter(|p| !acting.contains(p) && evidence.actor[*p] == 0));
        let mut kinds: Vec<PersonKind> = doc.persons.iter().map(|p| p.kind).collect();
        for &c in &characters {
            kinds[c] = PersonKind::Character;
        }
        // A role whose person turned out to be a character is no role.
        roles.retain(|r| kinds[r.person] == PersonKind::Person || r.character.is_some() && !characters.contains(&r.person));
        RoleLayer { roles: dedupe(roles, &kinds), kinds }
    }

    /// The mentions of `people` (one sentence's person mentions) that the
    /// sentence introduces as characters: after a `character-introducers.txt`
    /// phrase and the names listed right after it, or every name of a sentence
    /// that lists names, ends on `characters` and has no cast cue.
    fn introduced_characters(&self, doc: &Doc, sentence: Span, people: &[usize]) -> Vec<usize> {
        let listed = |a: usize, b: usize| is_list_gap(&doc.text[doc.mentions[a].span.end as usize..doc.mentions[b].span.start as usize]);
        let mut found = Vec::new();
        for (i, &m) in people.iter().enumerate() {
            // The introducer is short: read only the end of the text before the
            // name, not the whole sentence again for every name of a long list.
            let start = doc.mentions[m].span.start as usize;
            let window =
                (start.saturating_sub(32).max(sentence.start as usize)..=start).find(|&b| doc.text.is_char_boundary(b)).unwrap_or(start);
            let head = doc.text[window..start].trim_end().to_lowercase();
            let introduced = self.character_introducers.ending(&head).is_some();
            let continues = i > 0 && found.contains(&people[i - 1]) && listed(people[i - 1], m);
            if introduced || continues {
                found.push(m);
            }
        }
        let Some(&last) = people.last() else { return found };
        let tail = &doc.text[doc.mentions[last].span.end as usize..sentence.end as usize].to_lowercase();
        // `Park Seo-joon and Han So-hee's characters` are the actors' characters.
        let possessive = tail.starts_with("'s");
        let one_list = !possessive && people.windows(2).all(|w| listed(w[0], w[1]));
        let cast_sentence =
            || has_any_word(doc.slice(sentence), &self.cast_cues) || has_any_word(doc.slice(sentence), &self.actor_cues_before);
        if people.len() >= 2 && one_list && self.characters_after_list.is_in(tail) && !cast_sentence() {
            return people.to_vec();
        }
        found
    }

    /// How a sentence writes its `A (B)` pairs.
    fn sentence_convention(&self, sentence: &str) -> Convention {
        match (has_any_word(sentence, &self.cast_list_cues), has_any_word(sentence, &self.story_cues)) {
            (true, false) => Convention::CastList,
            (false, true) => Convention::Story,
            _ => Convention::Unsaid,
        }
    }

    /// `A and B, who reprise their roles as C and D`: two equally long lists
    /// of names around a linking phrase pair up in order. Returns mention
    /// indices (actor, character).
    fn respective_pairs(&self, doc: &Doc, people: &[usize]) -> Vec<(usize, usize)> {
        let between = |a: usize, b: usize| doc.text[doc.mentions[a].span.end as usize..doc.mentions[b].span.start as usize].to_lowercase();
        // A title before a character's name does not break the list (`Chairman
        // Park Jung Ja, Chairman Kim Jung Chil, and Jin Hee Jung`).
        let listed = |a: usize, b: usize| {
            let gap = between(a, b);
            let trimmed = gap.trim_end();
            let untitled = self.character_titles.ending(trimmed).map_or(gap.as_str(), |title| &trimmed[..trimmed.len() - title.text.len()]);
            is_list_gap(untitled)
        };
        for pivot in 0..people.len().saturating_sub(1) {
            let gap = between(people[pivot], people[pivot + 1]);
            if gap.len() + 2 > 60 || !self.list_links.is_in(&gap) {
                continue;
            }
            let mut first = pivot;
            while first > 0 && listed(people[first - 1], people[first]) {
                first -= 1;
            }
            let mut last = pivot + 1;
            while last + 1 < people.len() && listed(people[last], people[last + 1]) {
                last += 1;
            }
            let (actors, characters) = (&people[first..=pivot], &people[pivot + 1..=last]);
            if actors.len() >= 2 && actors.len() == characters.len() {
                return actors.iter().copied().zip(characters.iter().copied()).collect();
            }
        }
        Vec::new()
    }

    /// Two consecutive names joined by a linking phrase: (actor, character).
    fn linked_pair(&self, doc: &Doc, a: EntityMention, b: EntityMention, pa: usize, pb: usize) -> Option<(usize, usize)> {
        if pa == pb {
            return None;
        }
        let between = doc.text[a.span.end as usize..b.span.start as usize].to_lowercase();
        let between = format!("{between} ");
        if between.len() < 40 && self.character_then_actor.is_in(&between) {
            return Some((pb, pa));
        }
        // `Actor, who won an Emmy in 2022, is back as Character`: the aside
        // between commas is not the link.
        let between = match between.strip_prefix(", who").and_then(|aside| aside.split_once(", ")) {
            Some((_, rest)) => format!(" {rest}"),
            None => between,
        };
        let clause = between.split_once(", who").map_or(between.as_str(), |(before, _)| before);
        let crew_between = self.crew_after.is_in(&between);
        if between.len() < 60 && !crew_between && self.actor_then_character.is_in(&between) && !clause.contains(',') {
            return Some((pa, pb));
        }
        None
    }

    fn crew_cue(&self, doc: &Doc, sentence: Span, name: Span) -> Option<RoleKind> {
        // Cues sit next to the name: only a few dozen bytes on either side are
        // read, so a very long sentence does not cost its length per name.
        const REACH: usize = 96;
        let before = doc.text[sentence.start as usize..name.start as usize].trim_end().trim_end_matches([',', ':']).trim_end();
        let before = slice_within(before, before.len().saturating_sub(REACH), before.len()).to_lowercase();
        let after = doc.text[name.end as usize..sentence.end as usize].trim_start().trim_start_matches(',').trim_start();
        let after = slice_within(after, 0, REACH).to_lowercase();
        // `returns as director`: allow one verb between the name and the cue.
        let after_verb = after.split_once(' ').map_or("", |(_, rest)| rest);
        let found = self
            .crew_before
            .ending(&before)
            .or_else(|| self.crew_after.beginning(&after))
            .or_else(|| self.crew_after.beginning(after_verb));
        found.and_then(|entry| entry.value.as_deref()).and_then(role_named)
    }
}

/// An actor's role with the character they play.
fn acting(actor: usize, character: usize, work: &Option<String>, evidence: Span) -> RoleRecord {
    RoleRecord { person: actor, role: RoleKind::Actor, character: Some(character), work: work.clone(), evidence }
}

/// The guide's role of that name.
fn role_named(name: &str) -> Option<RoleKind> {
    RoleKind::ALL.into_iter().find(|r| r.as_str() == name)
}

/// `A (B)` or `A (B/C)`: names in parentheses right after a name.
struct Pair {
    outer: usize,
    inner: Vec<usize>,
    work: Option<String>,
    evidence: Span,
    convention: Convention,
}

/// How a sentence writes its `A (B)` pairs: cast lists write `Actor
/// (Character)`, story summaries `Character (Actor)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Convention {
    CastList,
    Story,
    /// Neither, or both.
    Unsaid,
}

impl Convention {
    /// Its pull towards reading the outer name as the actor.
    fn lean(self) -> i32 {
        match self {
            Convention::CastList => 1,
            Convention::Story => -1,
            Convention::Unsaid => 0,
        }
    }
}

/// The mentions inside parentheses right after `people[0]`, when they are
/// all names separated by `/`, `,` or `and` (a stage name beside its real
/// name is the same person and yields nothing).
fn parenthesised_group(doc: &Doc, people: &[usize], person_of: &[Option<usize>]) -> Option<Vec<usize>> {
    let outer = doc.mentions[people[0]];
    let after = &doc.text[outer.span.end as usize..];
    if !after.trim_start().starts_with('(') {
        return None;
    }
    let open = outer.span.end as usize + after.find('(')?;
    let close = open + doc.text[open..].find(')')?;
    let group: Vec<usize> = people[1..].iter().copied().take_while(|&m| (doc.mentions[m].span.end as usize) <= close).collect();
    if group.is_empty() {
        return None;
    }
    // Everything inside the parentheses must be the names and separators.
    let mut rest = doc.text[open + 1..close].to_string();
    for &m in group.iter().rev() {
        let span = doc.mentions[m].span;
        rest.replace_range(span.start as usize - open - 1..span.end as usize - open - 1, "");
    }
    let separators_only = rest.split(['/', ',']).flat_map(|s| s.split(" and ")).all(|s| s.trim().is_empty());
    let same_person = group.iter().all(|&m| person_of[m] == person_of[people[0]]);
    (separators_only && !same_person).then_some(group)
}

/// Document-wide signs of who acts and who is a character.
struct Evidence {
    actor: Vec<i32>,
    character: Vec<i32>,
    /// Each sentence's convention for its `A (B)` pairs.
    conventions: Vec<Convention>,
}

impl Evidence {
    fn gather(cues: &RoleCues, doc: &Doc, person_of: &[Option<usize>]) -> Evidence {
        let conventions = doc.sentences.iter().map(|s| cues.sentence_convention(doc.slice(s.span))).collect();
        let mut evidence = Evidence { actor: vec![0; doc.persons.len()], character: vec![0; doc.persons.len()], conventions };
        for (p, person) in doc.persons.iter().enumerate() {
            if person.kind == PersonKind::Character {
                evidence.character[p] += 2;
            }
        }
        // Found once per document, not per name, as the conventions above.
        let parens: Vec<usize> = doc.text.bytes().enumerate().filter(|&(_, b)| b == b'(' || b == b')').map(|(i, _)| i).collect();
        for (m, mention) in doc.mentions.iter().enumerate() {
            let Some(p) = person_of[m] else { continue };
            let before = word_before(doc, mention.span);
            if cues.actor_cues_before.contains(&before) {
                evidence.actor[p] += 1;
            }
            if cues.character_cues_before.contains(&before) || cues.character_titles.contains(&before) {
                evidence.character[p] += 1;
            }
            if in_plain_name_list(doc, m, person_of, &parens)
                && doc.sentence_index_at(mention.span.start).is_some_and(|s| evidence.conventions[s] == Convention::CastList)
            {
                evidence.actor[p] += 1;
            }
        }
        evidence
    }

    /// Positive when `a` looks more like the actor than `b`.
    fn actor_lean(&self, a: usize, b: usize) -> i32 {
        self.actor[a] - self.actor[b] + self.character[b] - self.character[a]
    }
}

/// A name in a comma list of names outside parentheses (`… include A, B, C`):
/// cast lists name performers.
/// `parens`: the byte offsets of the document's `(` and `)`, in order.
fn in_plain_name_list(doc: &Doc, m: usize, person_of: &[Option<usize>], parens: &[usize]) -> bool {
    let is_listed_neighbour = |other: usize, between: &str| person_of[other].is_some() && matches!(between.trim(), "," | "and" | ", and");
    let span = doc.mentions[m].span;
    let last_paren = parens.partition_point(|&i| i < span.start as usize).checked_sub(1).map(|k| parens[k]);
    let inside_parens = last_paren.is_some_and(|i| doc.text.as_bytes()[i] == b'(');
    if inside_parens || doc.text[span.end as usize..].trim_start().starts_with('(') {
        return false;
    }
    let before =
        m.checked_sub(1).is_some_and(|o| is_listed_neighbour(o, &doc.text[doc.mentions[o].span.end as usize..span.start as usize]));
    let after =
        m + 1 < doc.mentions.len() && is_listed_neighbour(m + 1, &doc.text[span.end as usize..doc.mentions[m + 1].span.start as usize]);
    before || after
}

fn word_before(doc: &Doc, span: Span) -> String {
    let head = doc.text[..span.start as usize].trim_end().trim_end_matches([',', ':']);
    head.rsplit(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("").to_lowercase()
}

/// For each pair, whether its outer name is the actor: by the pair's own
/// evidence, else as the document's decided pairs go, else `Actor (Character)`.
fn orient_pairs(pairs: &[Pair], evidence: &Evidence) -> Vec<bool> {
    // The sentence's convention outweighs what is known of the names.
    let lean: Vec<i32> =
        pairs.iter().map(|p| 3 * p.convention.lean() + p.inner.iter().map(|&i| evidence.actor_lean(p.outer, i)).sum::<i32>()).collect();
    let majority: i32 = lean.iter().map(|l| l.signum()).sum();
    lean.iter().map(|&l| if l != 0 { l > 0 } else { majority >= 0 }).collect()
}

/// Whether a word of the sentence (letters, digits and hyphens) is in `cues`.
fn has_any_word(sentence: &str, cues: &Lexicon) -> bool {
    sentence.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| cues.contains(&w.to_lowercase()))
}

/// One role per (person, role, character, work); a characterless actor role
/// is dropped when the same person has a character on the same work.
fn dedupe(roles: Vec<RoleRecord>, kinds: &[PersonKind]) -> Vec<RoleRecord> {
    let mut kept: Vec<RoleRecord> = Vec::new();
    for role in roles {
        if role.role == RoleKind::Actor && role.character.is_none() && kinds[role.person] == PersonKind::Character {
            continue;
        }
        let same = |r: &RoleRecord| r.person == role.person && r.role == role.role && r.work == role.work;
        if kept.iter().any(|r| same(r) && (r.character == role.character || role.character.is_none())) {
            continue;
        }
        if role.character.is_some() {
            kept.retain(|r| !(same(r) && r.character.is_none()));
        }
        kept.push(role);
    }
    kept
}
