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
//! The phrase lists below are the whole grammar: extend them to teach more.

use crate::document::{Doc, EntityMention, Span};
use crate::offsets::slice_within;
use crate::records::{PersonCluster, RoleRecord};
use scoop_gold::{Label, PersonKind, RoleKind};

/// Text between an actor and a character (`Actor … Character`); no other name between.
const ACTOR_THEN_CHARACTER: &[&str] = &[
    " as ",
    " plays ",
    " portrays ",
    " played ",
    " portrayed ",
    " playing ",
    " portraying ",
    " essayed ",
    " essays ",
    "role of ",
    "role as ",
    "character ",
    "reprise",
    " will play ",
    " to play ",
    ", who plays ",
    ", who played ",
    ", who will play ",
    ", who portrays ",
    ", who portrayed ",
];
/// Text between two lists of names that pairs them in order: explicit role
/// phrases only (a bare `as` is too often `as well as`).
const LIST_LINKS: &[&str] = &["roles as", "role as", " play ", " plays ", " portray ", " portrays ", " playing ", " essay "];
/// Text between a character and an actor (`Character, played by Actor`).
const CHARACTER_THEN_ACTOR: &[&str] = &["played by", "portrayed by", "voiced by", "brought to life by"];
/// Words just before a name that introduce a character.
const CHARACTER_CUES_BEFORE: &[&str] =
    &["character", "characters", "villain", "protagonist", "antagonist", "as", "plays", "portrays", "role of"];
/// Ranks and titles that stories put before a character's name (`Private Jo
/// Suk-bong`, `Chairman Park Jung Ja`): evidence of a character, and allowed
/// between the names of a list of characters.
const CHARACTER_TITLES: &[&str] = &[
    "private",
    "corporal",
    "sergeant",
    "lieutenant",
    "captain",
    "major",
    "colonel",
    "general",
    "commander",
    "detective",
    "inspector",
    "officer",
    "agent",
    "chairman",
    "chairwoman",
    "prince",
    "princess",
    "king",
    "queen",
    "crown",
    "emperor",
    "empress",
    "professor",
    "prosecutor",
    "attorney",
    "judge",
    "chief",
    "team leader",
    "president",
];
/// Words just before a name that introduce a real performer.
const ACTOR_CUES_BEFORE: &[&str] = &[
    "actor",
    "actress",
    "actors",
    "star",
    "stars",
    "starring",
    "singer",
    "idol",
    "newcomer",
    "rookie",
    "include",
    "includes",
    "featuring",
];
/// Sentence words that set the convention of its `A (B)` pairs: cast lists
/// write `Actor (Character)`, story summaries `Character (Actor)`.
const CAST_LIST_CUES: &[&str] = &[
    "cast",
    "lineup",
    "line-up",
    "starring",
    "stars",
    "actors",
    "actor",
    "actress",
    "include",
    "includes",
    "including",
    "joined",
    "joining",
];
const STORY_CUES: &[&str] = &[
    "story", "stories", "follow", "follows", "revolves", "centers", "centres", "depicts", "tells", "plot", "synopsis", "survive",
    "survives",
];
/// Cues just before a name that give a crew role.
const CREW_CUES: &[(&str, RoleKind)] = &[
    ("directed by", RoleKind::Director),
    ("director", RoleKind::Director),
    ("helmed by", RoleKind::Director),
    ("pd", RoleKind::Director),
    ("written by", RoleKind::Writer),
    ("screenwriter", RoleKind::Writer),
    ("writer", RoleKind::Writer),
    ("penned by", RoleKind::Writer),
    ("produced by", RoleKind::Producer),
    ("producer", RoleKind::Producer),
    ("created by", RoleKind::Creator),
    ("creator", RoleKind::Creator),
    ("webtoon by", RoleKind::OriginalAuthor),
    ("novel by", RoleKind::OriginalAuthor),
    ("written and illustrated by", RoleKind::OriginalAuthor),
    ("author", RoleKind::OriginalAuthor),
];
/// Cues just after a name that give a crew role (`X returns as director`).
const CREW_CUES_AFTER: &[(&str, RoleKind)] = &[
    ("as director", RoleKind::Director),
    ("as the director", RoleKind::Director),
    ("directed", RoleKind::Director),
    ("directs", RoleKind::Director),
    ("will direct", RoleKind::Director),
    ("is directing", RoleKind::Director),
    ("returns as director", RoleKind::Director),
    ("as writer", RoleKind::Writer),
    ("as the writer", RoleKind::Writer),
    ("wrote the script", RoleKind::Writer),
    ("is writing the script", RoleKind::Writer),
    ("penned the script", RoleKind::Writer),
    ("as producer", RoleKind::Producer),
    ("produced", RoleKind::Producer),
    ("created the", RoleKind::Creator),
];
/// Text just before a name that makes it a character even with no actor
/// named beside it (`the character So Mun`, `her role as Do Ha-na`, `first
/// sergeant Tak In Hwan`); names listed right after it are characters too
/// (`characters Gi-hun and The Front Man`).
const CHARACTER_INTRODUCERS: &[&str] = &[
    "character",
    "characters",
    "character named",
    "role as",
    "role of",
    "roles as",
    "private",
    "corporal",
    "sergeant",
    "lieutenant",
    "detective",
    "first class",
];
/// A sentence naming only characters, after its list of names (`… for Nam
/// On-jo, Choi Nam-ra, and all the rest of our favorite characters`).
const CHARACTERS_AFTER_LIST: &str = "characters";
/// Words that make a sentence about the cast.
const CAST_CUES: &[&str] = &[
    "cast",
    "casting",
    "star",
    "stars",
    "starring",
    "starred",
    "lead",
    "leads",
    "lineup",
    "line-up",
    "join",
    "joins",
    "joined",
    "joining",
    "return",
    "returns",
    "returning",
    "reprise",
    "reprises",
    "reprising",
    "actor",
    "actress",
    "actors",
    "ensemble",
    "alongside",
    "appear",
    "appears",
    "appearing",
];

/// Finds roles and marks the persons that are characters.
pub fn find_roles(doc: &mut Doc) {
    let person_of = mention_persons(doc);
    let main_work = main_work(doc);
    let evidence = Evidence::gather(doc, &person_of);
    let mut pairs: Vec<Pair> = Vec::new();
    let mut roles: Vec<RoleRecord> = Vec::new();
    let mut characters: Vec<usize> = Vec::new();
    let mut credited: Vec<(Span, usize)> = Vec::new();
    let mut introduced: Vec<usize> = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let in_sentence = doc.mentions_within(sentence.span);
        let people: Vec<usize> = in_sentence.iter().copied().filter(|&m| person_of[m].is_some()).collect();
        let work = nearest_work(doc, &in_sentence).or_else(|| main_work.clone());
        let mut assigned: Vec<usize> = Vec::new();
        introduced.extend(introduced_characters(doc, sentence.span, &people).into_iter().filter_map(|m| person_of[m]));
        let respective = respective_pairs(doc, &people);
        for &(a, c) in &respective {
            let (actor, character) = (person_of[a].unwrap_or_default(), person_of[c].unwrap_or_default());
            characters.push(character);
            assigned.extend([actor, character]);
            roles.push(RoleRecord {
                person: actor,
                role: RoleKind::Actor,
                character: Some(character),
                work: work.clone(),
                evidence: sentence.span,
            });
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
                if let Some((actor, character)) = linked_pair(doc, doc.mentions[people[i]], doc.mentions[next], a, b) {
                    characters.push(character);
                    assigned.extend([actor, character]);
                    roles.push(RoleRecord {
                        person: actor,
                        role: RoleKind::Actor,
                        character: Some(character),
                        work: work.clone(),
                        evidence: sentence.span,
                    });
                }
            }
            i += 1;
        }
        for &m in &people {
            let person = person_of[m].unwrap_or_default();
            if let Some(role) = crew_cue(doc, sentence.span, doc.mentions[m].span) {
                assigned.push(person);
                credited.push((sentence.span, person));
                roles.push(RoleRecord { person, role, character: None, work: work.clone(), evidence: sentence.span });
            }
        }
        if has_any_word(doc.slice(sentence.span), CAST_CUES) {
            for &m in &people {
                let person = person_of[m].unwrap_or_default();
                if !assigned.contains(&person) {
                    assigned.push(person);
                    roles.push(RoleRecord { person, role: RoleKind::Actor, character: None, work: work.clone(), evidence: sentence.span });
                }
            }
        }
    }
    let outer_is_actor = orient_pairs(&pairs, &evidence);
    for (pair, outer_acts) in pairs.iter().zip(outer_is_actor) {
        let casting: Vec<(usize, usize)> =
            if outer_acts { vec![(pair.outer, pair.inner[0])] } else { pair.inner.iter().map(|&actor| (actor, pair.outer)).collect() };
        for (actor, character) in casting {
            roles.push(RoleRecord {
                person: actor,
                role: RoleKind::Actor,
                character: Some(character),
                work: pair.work.clone(),
                evidence: pair.evidence,
            });
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
    for &c in &characters {
        doc.persons[c].kind = PersonKind::Character;
    }
    // A role whose person turned out to be a character is no role.
    roles.retain(|r| doc.persons[r.person].kind == PersonKind::Person || r.character.is_some() && !characters.contains(&r.person));
    doc.roles = dedupe(roles, &doc.persons);
}

/// The mentions of `people` (one sentence's person mentions) that the
/// sentence introduces as characters: after a [`CHARACTER_INTRODUCERS`]
/// phrase and the names listed right after it, or every name of a sentence
/// that lists names, ends on `characters` and has no cast cue.
fn introduced_characters(doc: &Doc, sentence: Span, people: &[usize]) -> Vec<usize> {
    let listed = |a: usize, b: usize| is_list_gap(&doc.text[doc.mentions[a].span.end as usize..doc.mentions[b].span.start as usize]);
    let mut found = Vec::new();
    for (i, &m) in people.iter().enumerate() {
        // The introducer is short: read only the end of the text before the
        // name, not the whole sentence again for every name of a long list.
        let start = doc.mentions[m].span.start as usize;
        let window =
            (start.saturating_sub(32).max(sentence.start as usize)..=start).find(|&b| doc.text.is_char_boundary(b)).unwrap_or(start);
        let head = doc.text[window..start].trim_end().to_lowercase();
        let introduced =
            CHARACTER_INTRODUCERS.iter().any(|cue| head.strip_suffix(cue).is_some_and(|rest| rest.is_empty() || rest.ends_with(' ')));
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
    let cast_sentence = || has_any_word(doc.slice(sentence), CAST_CUES) || has_any_word(doc.slice(sentence), ACTOR_CUES_BEFORE);
    if people.len() >= 2 && one_list && tail.contains(CHARACTERS_AFTER_LIST) && !cast_sentence() {
        return people.to_vec();
    }
    found
}

/// `A (B)` or `A (B/C)`: names in parentheses right after a name.
struct Pair {
    outer: usize,
    inner: Vec<usize>,
    work: Option<String>,
    evidence: Span,
    /// +1 in a cast list, -1 in a story summary, 0 when the sentence says neither.
    convention: i32,
}

fn sentence_convention(sentence: &str) -> i32 {
    has_any_word(sentence, CAST_LIST_CUES) as i32 - has_any_word(sentence, STORY_CUES) as i32
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

/// `A and B, who reprise their roles as C and D`: two equally long lists
/// of names around a linking phrase pair up in order. Returns mention
/// indices (actor, character).
fn respective_pairs(doc: &Doc, people: &[usize]) -> Vec<(usize, usize)> {
    let between = |a: usize, b: usize| doc.text[doc.mentions[a].span.end as usize..doc.mentions[b].span.start as usize].to_lowercase();
    // A title before a character's name does not break the list (`Chairman
    // Park Jung Ja, Chairman Kim Jung Chil, and Jin Hee Jung`).
    let listed = |a: usize, b: usize| {
        let gap = between(a, b);
        is_list_gap(CHARACTER_TITLES.iter().find_map(|t| gap.trim_end().strip_suffix(t)).unwrap_or(&gap))
    };
    for pivot in 0..people.len().saturating_sub(1) {
        let gap = format!(" {} ", between(people[pivot], people[pivot + 1]));
        if gap.len() > 60 || !LIST_LINKS.iter().any(|c| gap.contains(c)) {
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
fn linked_pair(doc: &Doc, a: EntityMention, b: EntityMention, pa: usize, pb: usize) -> Option<(usize, usize)> {
    if pa == pb {
        return None;
    }
    let between = doc.text[a.span.end as usize..b.span.start as usize].to_lowercase();
    let between = format!("{between} ");
    if between.len() < 40 && CHARACTER_THEN_ACTOR.iter().any(|c| between.contains(c)) {
        return Some((pb, pa));
    }
    // `Actor, who won an Emmy in 2022, is back as Character`: the aside
    // between commas is not the link.
    let between = match between.strip_prefix(", who").and_then(|aside| aside.split_once(", ")) {
        Some((_, rest)) => format!(" {rest}"),
        None => between,
    };
    let clause = between.split_once(", who").map_or(between.as_str(), |(before, _)| before);
    let crew_between = CREW_CUES_AFTER.iter().any(|(cue, _)| between.contains(cue));
    if between.len() < 60 && !crew_between && ACTOR_THEN_CHARACTER.iter().any(|c| between.contains(c)) && !clause.contains(',') {
        return Some((pa, pb));
    }
    None
}

/// Document-wide signs of who acts and who is a character.
struct Evidence {
    actor: Vec<i32>,
    character: Vec<i32>,
    /// Each sentence's cast-list convention (`sentence_convention`).
    conventions: Vec<i32>,
}

impl Evidence {
    fn gather(doc: &Doc, person_of: &[Option<usize>]) -> Evidence {
        let conventions = doc.sentences.iter().map(|s| sentence_convention(doc.slice(s.span))).collect();
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
            if ACTOR_CUES_BEFORE.contains(&before.as_str()) {
                evidence.actor[p] += 1;
            }
            if CHARACTER_CUES_BEFORE.contains(&before.as_str()) || CHARACTER_TITLES.contains(&before.as_str()) {
                evidence.character[p] += 1;
            }
            if in_plain_name_list(doc, m, person_of, &parens)
                && doc.sentence_index_at(mention.span.start).is_some_and(|s| evidence.conventions[s] > 0)
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
        pairs.iter().map(|p| 3 * p.convention + p.inner.iter().map(|&i| evidence.actor_lean(p.outer, i)).sum::<i32>()).collect();
    let majority: i32 = lean.iter().map(|l| l.signum()).sum();
    lean.iter().map(|&l| if l != 0 { l > 0 } else { majority >= 0 }).collect()
}

/// For each mention, the person it belongs to.
pub fn mention_persons(doc: &Doc) -> Vec<Option<usize>> {
    let mut of = vec![None; doc.mentions.len()];
    for (p, person) in doc.persons.iter().enumerate() {
        for &m in &person.mentions {
            of[m] = Some(p);
        }
    }
    of
}

/// The title mentioned most often (first on ties), as written.
pub fn main_work(doc: &Doc) -> Option<String> {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for (i, m) in doc.mentions.iter().enumerate().filter(|(_, m)| m.label == Label::WORK) {
        let title = doc.original_slice(m.span).to_string();
        match counts.iter_mut().find(|(t, _, _)| *t == title) {
            Some(entry) => entry.1 += 1,
            None => counts.push((title, 1, i)),
        }
    }
    counts.into_iter().max_by_key(|(_, n, first)| (*n, std::cmp::Reverse(*first))).map(|(t, _, _)| t)
}

/// The title named in a sentence, if any (the first one).
pub fn nearest_work(doc: &Doc, in_sentence: &[usize]) -> Option<String> {
    in_sentence.iter().find(|&&m| doc.mentions[m].label == Label::WORK).map(|&m| doc.original_slice(doc.mentions[m].span).to_string())
}

fn crew_cue(doc: &Doc, sentence: Span, name: Span) -> Option<RoleKind> {
    // Cues sit next to the name: only a few dozen bytes on either side are
    // read, so a very long sentence does not cost its length per name.
    const REACH: usize = 96;
    let before = doc.text[sentence.start as usize..name.start as usize].trim_end().trim_end_matches([',', ':']).trim_end();
    let before = slice_within(before, before.len().saturating_sub(REACH), before.len()).to_lowercase();
    let after = doc.text[name.end as usize..sentence.end as usize].trim_start().trim_start_matches(',').trim_start();
    let after = slice_within(after, 0, REACH).to_lowercase();
    // `returns as director`: allow one verb between the name and the cue.
    let after_verb = after.split_once(' ').map_or("", |(_, rest)| rest);
    let found_before = CREW_CUES.iter().find(|(cue, _)| before.ends_with(cue));
    let found_after = CREW_CUES_AFTER.iter().find(|(cue, _)| after.starts_with(cue) || after_verb.starts_with(cue));
    found_before.or(found_after).map(|(_, role)| *role)
}

/// Whether a word of the sentence, lowercased, is one of `cues`.
fn has_any_word(sentence: &str, cues: &[&str]) -> bool {
    sentence.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| cues.contains(&w.to_lowercase().as_str()))
}

/// The text between two names says only that they are listed together.
fn is_list_gap(gap: &str) -> bool {
    matches!(gap.trim(), "," | "and" | ", and" | "&")
}

/// One role per (person, role, character, work); a characterless actor role
/// is dropped when the same person has a character on the same work.
fn dedupe(roles: Vec<RoleRecord>, persons: &[PersonCluster]) -> Vec<RoleRecord> {
    let mut kept: Vec<RoleRecord> = Vec::new();
    for role in roles {
        if role.role == RoleKind::Actor && role.character.is_none() && persons[role.person].kind == PersonKind::Character {
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
