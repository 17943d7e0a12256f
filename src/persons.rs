//! Persons: groups a document's PER mentions into individuals.
//!
//! A mention joins a person when its key (the guide's folding plus Korean
//! romanisation variants) equals one of the person's, or when it is a short
//! form (given name or surname) of exactly one person met so far — of the
//! nearest one before it when several share it. A stage name written next to
//! a real name (`Lomon (Park Solomon)`) and names joined by a slash link.

use crate::document::{Doc, Span};
use crate::names::Names;
use crate::records::PersonCluster;
use scoop_gold::{fold_name, Label, PersonKind};
use scoop_lexicon::{Lexicon, ResourceError, Resources};
use std::sync::LazyLock;

/// The persons stage, built once from its resource files.
#[derive(Debug, Clone)]
pub struct PersonGrouper {
    names: Names,
    /// `variant => spelling` of Korean surnames.
    surname_variants: Lexicon,
    /// `Jr.`, `III`: left out of short forms.
    name_suffixes: Lexicon,
}

/// The stage on the embedded resource files, for the free functions.
static DEFAULT: LazyLock<PersonGrouper> = LazyLock::new(|| crate::resources::on_defaults(PersonGrouper::new));

/// [`PersonGrouper::name_key`] on the embedded resource files (for the person index of `output`).
pub fn name_key(name: &str) -> String {
    DEFAULT.name_key(name)
}

/// [`PersonGrouper::short_forms`] on the embedded resource files (for the person index of `output`).
pub fn short_forms(name: &str) -> Vec<String> {
    DEFAULT.short_forms(name)
}

/// [`PersonGrouper::group`] on the embedded resource files (for the benches).
pub fn group_persons(doc: &Doc) -> Vec<PersonCluster> {
    DEFAULT.group(doc)
}

impl PersonGrouper {
    /// Reads `persons/surname-variants.txt`, `persons/name-suffixes.txt` and the `names/` files.
    pub fn new(resources: &Resources) -> Result<PersonGrouper, ResourceError> {
        let surname_variants = resources.lexicon("persons/surname-variants.txt")?;
        if let Some(entry) = surname_variants.entries().iter().find(|e| e.value.is_none()) {
            return Err(ResourceError {
                file: surname_variants.name().to_string(),
                line: Some(entry.line),
                message: format!("`{}` needs the spelling it stands for (`{} => …`)", entry.text, entry.text),
            });
        }
        Ok(PersonGrouper {
            names: Names::new(resources)?,
            surname_variants,
            name_suffixes: resources.lexicon("persons/name-suffixes.txt")?,
        })
    }

    /// The key two spellings of one name share: the guide's folding, plus the
    /// common romanisation variants of Korean names (`Koo Kyo-hwan` =
    /// `Goo Kyo-hwan`, `Lee Do-hyeon` = `Lee Do-hyun`).
    pub fn name_key(&self, name: &str) -> String {
        let parts: Vec<&str> = name.split_whitespace().collect();
        if parts.len() >= 2 && self.names.is_korean_surname(parts[0]) {
            let surname = parts[0].to_lowercase();
            let surname = self.surname_variants.get(&surname).and_then(|e| e.value.as_deref()).unwrap_or(&surname).to_string();
            return surname + &fold_name(&parts[1..].join(" ")).replace("eo", "u");
        }
        fold_name(name)
    }

    /// Keys of the shorter forms that may stand for a name: for a Korean name
    /// its given name and its surname (`Park Ji-hu` → `Ji-hu`, `Park`); for a
    /// Western one its surname and first name (`Pedro Pascal` → `Pascal`, `Pedro`).
    pub fn short_forms(&self, name: &str) -> Vec<String> {
        let parts: Vec<&str> = name.split_whitespace().filter(|p| !self.name_suffixes.contains(p)).collect();
        if parts.len() < 2 {
            return Vec::new();
        }
        if self.names.is_korean_surname(parts[0]) {
            vec![fold_name(&parts[1..].join(" ")).replace("eo", "u"), fold_name(parts[0])]
        } else {
            vec![fold_name(parts[parts.len() - 1]), fold_name(parts[0])]
        }
    }

    /// Clusters the PER mentions of `doc` into persons (the role stage marks
    /// more characters).
    pub fn group(&self, doc: &Doc) -> Vec<PersonCluster> {
        let per: Vec<usize> = (0..doc.mentions.len()).filter(|&i| doc.mentions[i].label == Label::PER).collect();
        // Longer forms first, so that short forms find their full name.
        let mut order = per.clone();
        order.sort_by_key(|&i| (std::cmp::Reverse(doc.slice(doc.mentions[i].span).split_whitespace().count()), i));
        let mut people: Vec<Building> = Vec::new();
        for &i in &order {
            let text = doc.original_slice(doc.mentions[i].span);
            let key = self.name_key(text);
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
                    people[p].add_form(self, text);
                    people[p].mentions.push(i);
                }
                None => {
                    let mut person = Building { forms: Vec::new(), folded: Vec::new(), short: Vec::new(), mentions: vec![i] };
                    person.add_form(self, text);
                    people.push(person);
                }
            }
        }
        link_stage_names(self, doc, &mut people);
        let mut clusters: Vec<PersonCluster> = people.into_iter().filter(|p| !p.mentions.is_empty()).map(finish).collect();
        clusters.sort_by_key(|c| c.mentions[0]);
        clusters
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

/// `Lee "Bare-su" Su-hyeok` → (`Lee Su-hyeok`, `Bare-su`).
fn split_nickname(form: &str) -> Option<(String, &str)> {
    let open = form.find('"')?;
    let close = open + 1 + form[open + 1..].find('"')?;
    let plain = format!("{} {}", form[..open].trim_end(), form[close + 1..].trim_start());
    Some((plain.trim().to_string(), &form[open + 1..close]))
}

impl Building {
    fn add_form(&mut self, grouper: &PersonGrouper, form: &str) {
        // A quoted nickname inside a name: the plain name is the person's
        // name, the nickname a short form.
        if let Some((plain, nickname)) = split_nickname(form) {
            self.add_form(grouper, &plain);
            self.short.push(short_key(nickname));
        }
        if !self.forms.iter().any(|f| f == form) {
            self.forms.push(form.to_string());
        }
        let folded = grouper.name_key(form);
        if !self.folded.contains(&folded) {
            self.short.extend(grouper.short_forms(form));
            self.folded.push(folded);
        }
    }
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
fn link_stage_names(grouper: &PersonGrouper, doc: &Doc, people: &mut [Building]) {
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
        let parenthesised_stage_name = between.trim() == "(" && after.starts_with(')') && stage_and_real;
        if !(slashed || parenthesised_stage_name) {
            continue;
        }
        if let (Some(pa), Some(pb)) = (person_of(people, m), person_of(people, m + 1)) {
            if pa != pb {
                let moved = std::mem::take(&mut people[pb].mentions);
                let forms = std::mem::take(&mut people[pb].forms);
                for form in &forms {
                    people[pa].add_form(grouper, form);
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
    // Fullest form: no nickname in it, the most letters, then hyphenated
    // over spaced (`Park Ji-hu` over `Park Ji Hu`), then first seen.
    let name = person
        .forms
        .iter()
        .enumerate()
        .max_by_key(|(i, f)| {
            (!f.contains('"'), fold_name(f).chars().count(), std::cmp::Reverse(f.split_whitespace().count()), std::cmp::Reverse(*i))
        })
        .map(|(_, f)| f.clone())
        .unwrap_or_default();
    let aliases = person.forms.iter().filter(|f| **f != name).cloned().collect();
    let mut mentions = person.mentions;
    mentions.sort_unstable();
    PersonCluster { name, aliases, kind: kind_of(&person.forms), mentions }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{CreationTime, EntityMention};

    /// Groups the given PER mentions (every occurrence of each string).
    fn persons(text: &str, names: &[&str]) -> Vec<(String, Vec<String>)> {
        let mut doc = Doc::new("t.txt".into(), text.into(), None::<CreationTime>);
        for name in names {
            for (at, _) in text.match_indices(name) {
                let span = Span::new(at, at + name.len());
                if !doc.mentions.iter().any(|m| m.span.start < span.end && span.start < m.span.end) {
                    doc.mentions.push(EntityMention { span, label: Label::PER });
                }
            }
        }
        doc.mentions.sort_by_key(|m| m.span);
        group_persons(&doc).into_iter().map(|p| (p.name, p.aliases)).collect()
    }

    #[test]
    fn groups_given_names_spelling_variants_and_nicknames() {
        let text = "Park Ji-hu joined the cast. Park Ji Hu said Ji-hu was thrilled. Lee \"Bare-su\" Su-hyeok returns, and Su-hyeok smiles.";
        let found = persons(text, &["Park Ji-hu", "Park Ji Hu", "Ji-hu", "Lee \"Bare-su\" Su-hyeok", "Su-hyeok"]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0], ("Park Ji-hu".to_string(), vec!["Park Ji Hu".to_string(), "Ji-hu".to_string()]));
        assert_eq!(found[1].0, "Lee Su-hyeok");
        assert!(found[1].1.contains(&"Lee \"Bare-su\" Su-hyeok".to_string()), "{found:?}");
    }

    #[test]
    fn links_stage_names_and_keeps_namesakes_apart() {
        let text = "Lomon (Park Solomon) returns. Lee Min-jae and Lee Jae-kyoo met. Lee Jae-kyoo directs.";
        let found = persons(text, &["Lomon", "Park Solomon", "Lee Min-jae", "Lee Jae-kyoo"]);
        let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Park Solomon", "Lee Min-jae", "Lee Jae-kyoo"]);
        assert_eq!(found[0].1, ["Lomon"]);
    }

    #[test]
    fn a_surname_alone_is_the_nearest_person_before_it() {
        let text = "Lee Min-jae met Lee Jae-kyoo. Lee said the shoot went well.";
        let found = persons(text, &["Lee Min-jae", "Lee Jae-kyoo", "Lee"]);
        assert_eq!(found[1], ("Lee Jae-kyoo".to_string(), vec!["Lee".to_string()]));
    }

    #[test]
    fn romanisation_variants_are_one_person() {
        assert_eq!(name_key("Koo Kyo-hwan"), name_key("Goo Kyo Hwan"));
        assert_eq!(name_key("Lee Do-hyeon"), name_key("Lee Do-hyun"));
        assert_ne!(name_key("Lee Min-jae"), name_key("Lee Jae-kyoo"));
    }
}
