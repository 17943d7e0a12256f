//! Persons: groups a document's PER mentions into individuals.
//!
//! A mention joins a person when its key (the guide's folding plus Korean
//! romanisation variants) equals one of the person's, or when it is a short
//! form (given name or surname) of exactly one person met so far — of the
//! nearest one before it when several share it. A stage name written next to
//! a real name (`Lomon (Park Solomon)`) and names joined by a slash link.

use crate::document::{Doc, Span};
use crate::records::PersonCluster;
use scoop_gold::{fold_name, Label, PersonKind};

/// Romanised Korean surnames: a name that opens with one is family-name first.
const KOREAN_SURNAMES: &[&str] = &[
    "kim", "lee", "park", "choi", "jung", "jeong", "kang", "cho", "jo", "yoon", "yun", "jang", "lim", "im",
    "han", "oh", "seo", "shin", "kwon", "hwang", "ahn", "song", "jeon", "jun", "hong", "yoo", "yu", "ko",
    "go", "moon", "yang", "son", "bae", "baek", "heo", "nam", "noh", "roh", "ha", "kwak", "sung", "cha",
    "joo", "woo", "min", "ryu", "na", "jin", "byun", "uhm", "gong", "wi", "yeo", "chae", "pyo", "hyun",
    "do", "koo", "goo", "yim", "gu", "ok", "ki", "ryoo", "kyung", "tak", "yeon",
];

pub fn is_korean_surname(word: &str) -> bool {
    KOREAN_SURNAMES.contains(&word.to_lowercase().as_str())
}

/// Romanisation variants of one Korean surname, mapped to one spelling.
const SURNAME_VARIANTS: &[(&str, &str)] = &[
    ("yi", "lee"), ("rhee", "lee"), ("pak", "park"), ("bak", "park"), ("choe", "choi"), ("jeong", "jung"),
    ("chung", "jung"), ("yun", "yoon"), ("im", "lim"), ("yim", "lim"), ("gang", "kang"), ("jo", "cho"),
    ("go", "ko"), ("goo", "koo"), ("gu", "koo"), ("ku", "koo"), ("sin", "shin"), ("yu", "yoo"), ("noh", "roh"),
    ("suh", "seo"), ("jun", "jeon"), ("chun", "jeon"),
];

/// The key two spellings of one name share: the guide's folding, plus the
/// common romanisation variants of Korean names (`Koo Kyo-hwan` =
/// `Goo Kyo-hwan`, `Lee Do-hyeon` = `Lee Do-hyun`).
pub fn name_key(name: &str) -> String {
    let parts: Vec<&str> = name.split_whitespace().collect();
    if parts.len() >= 2 && is_korean_surname(parts[0]) {
        let surname = parts[0].to_lowercase();
        let surname = SURNAME_VARIANTS.iter().find(|(v, _)| *v == surname).map_or(surname.as_str(), |(_, c)| c).to_string();
        return surname + &fold_name(&parts[1..].join(" ")).replace("eo", "u");
    }
    fold_name(name)
}

/// Keys of the shorter forms that may stand for a name: for a Korean name
/// its given name and its surname (`Park Ji-hu` → `Ji-hu`, `Park`); for a
/// Western one its surname and first name (`Pedro Pascal` → `Pascal`, `Pedro`).
pub fn short_forms(name: &str) -> Vec<String> {
    let parts: Vec<&str> = name.split_whitespace().filter(|p| !matches!(*p, "Jr." | "Jr" | "Sr." | "II" | "III")).collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    if is_korean_surname(parts[0]) {
        vec![fold_name(&parts[1..].join(" ")).replace("eo", "u"), fold_name(parts[0])]
    } else {
        vec![fold_name(parts[parts.len() - 1]), fold_name(parts[0])]
    }
}

/// The key a one-word mention is looked up by among short forms.
fn short_key(word: &str) -> String {
    fold_name(word).replace("eo", "u")
}

struct Building {
    forms: Vec<String>,
    folded: Vec<String>,
    short: Vec<String>,
    mentions: Vec<usize>,
}

impl Building {
    fn add_form(&mut self, form: &str) {
        if !self.forms.iter().any(|f| f == form) {
            self.forms.push(form.to_string());
        }
        let folded = name_key(form);
        if !self.folded.contains(&folded) {
            self.short.extend(short_forms(form));
            self.folded.push(folded);
        }
    }
}

/// Clusters the PER mentions of `doc` into persons (the role stage marks
/// more characters).
pub fn group_persons(doc: &Doc) -> Vec<PersonCluster> {
    let per: Vec<usize> = (0..doc.mentions.len()).filter(|&i| doc.mentions[i].label == Label::PER).collect();
    // Longer forms first, so that short forms find their full name.
    let mut order = per.clone();
    order.sort_by_key(|&i| (std::cmp::Reverse(doc.slice(doc.mentions[i].span).split_whitespace().count()), i));
    let mut people: Vec<Building> = Vec::new();
    for &i in &order {
        let text = doc.original_slice(doc.mentions[i].span);
        let key = name_key(text);
        let exact = people.iter().position(|p| p.folded.contains(&key));
        let target = exact.or_else(|| {
            let short = short_key(text);
            let candidates: Vec<usize> = (0..people.len()).filter(|&p| people[p].short.contains(&short)).collect();
            match candidates.as_slice() {
                [only] => Some(*only),
                // Ambiguous short form: the person mentioned last before it.
                [_, _, ..] => nearest_before(doc, &people, &candidates, doc.mentions[i].span),
                [] => None,
            }
        });
        match target {
            Some(p) => {
                people[p].add_form(text);
                people[p].mentions.push(i);
            }
            None => {
                let mut person = Building { forms: Vec::new(), folded: Vec::new(), short: Vec::new(), mentions: vec![i] };
                person.add_form(text);
                people.push(person);
            }
        }
    }
    link_stage_names(doc, &mut people);
    let mut clusters: Vec<PersonCluster> = people.into_iter().filter(|p| !p.mentions.is_empty()).map(finish).collect();
    clusters.sort_by_key(|c| c.mentions[0]);
    clusters
}

fn nearest_before(doc: &Doc, people: &[Building], candidates: &[usize], span: Span) -> Option<usize> {
    candidates
        .iter()
        .filter_map(|&p| people[p].mentions.iter().map(|&m| doc.mentions[m].span.start).filter(|&s| s < span.start).max().map(|s| (s, p)))
        .max()
        .map(|(_, p)| p)
}

/// `Lomon (Park Solomon)` or `Park Solomon (Lomon)`: a one-word name in
/// parentheses next to a full name that contains it is the same person;
/// so are two names joined by a slash.
fn link_stage_names(doc: &Doc, people: &mut [Building]) {
    let person_of = |people: &[Building], m: usize| people.iter().position(|p| p.mentions.contains(&m));
    for m in 0..doc.mentions.len().saturating_sub(1) {
        let (a, b) = (doc.mentions[m], doc.mentions[m + 1]);
        if a.label != Label::PER || b.label != Label::PER {
            continue;
        }
        let between = &doc.text[a.span.end as usize..b.span.start as usize];
        let after = doc.text[b.span.end as usize..].trim_start();
        // `Reed Richards/Mister Fantastic`: two names of one person.
        let slashed = between.trim() == "/";
        let (fa, fb) = (fold_name(doc.slice(a.span)), fold_name(doc.slice(b.span)));
        let stage_and_real = (fa.len() >= 3 && fb.contains(&fa) && fa != fb) || (fb.len() >= 3 && fa.contains(&fb) && fa != fb);
        if !slashed && !(between.trim() == "(" && after.starts_with(')') && stage_and_real) {
            continue;
        }
        if let (Some(pa), Some(pb)) = (person_of(people, m), person_of(people, m + 1)) {
            if pa != pb {
                let moved = std::mem::take(&mut people[pb].mentions);
                let forms = std::mem::take(&mut people[pb].forms);
                for form in &forms {
                    people[pa].add_form(form);
                }
                people[pa].mentions.extend(moved);
                people[pa].mentions.sort_unstable();
            }
        }
    }
}

/// News introduces real people by full name; a person only ever called by
/// a romanised given name (`Nam-ra`, `Gi-hun`) is a character.
fn kind_of(forms: &[String]) -> PersonKind {
    let given_names_only = forms.iter().all(|f| !f.contains(' ') && f.contains('-'));
    if given_names_only {
        PersonKind::Character
    } else {
        PersonKind::Person
    }
}

fn finish(person: Building) -> PersonCluster {
    // Fullest form: the most letters, then hyphenated over spaced
    // (`Park Ji-hu` over `Park Ji Hu`), then first seen.
    let name = person
        .forms
        .iter()
        .enumerate()
        .max_by_key(|(i, f)| (fold_name(f).chars().count(), std::cmp::Reverse(f.split_whitespace().count()), std::cmp::Reverse(*i)))
        .map(|(_, f)| f.clone())
        .unwrap_or_default();
    let aliases = person.forms.iter().filter(|f| **f != name).cloned().collect();
    let mut mentions = person.mentions;
    mentions.sort_unstable();
    PersonCluster { name, aliases, kind: kind_of(&person.forms), mentions }
}
