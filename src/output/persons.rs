//! The corpus-wide person index behind `persons.csv`.
//!
//! Each document's persons are merged into corpus persons when they share a
//! full name (after the guide's name folding), or a one-word name for
//! persons known only by one word (stage names like `Lomon`). A given name
//! alone (`Ji-hu`) never merges documents, so two people who share a
//! surname or given name stay apart. Memory grows with distinct names, not
//! with documents.

use crate::document::Doc;
use crate::persons::{name_key, short_forms};
use scoop_gold::{fold_name, PersonKind};
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Default)]
struct Node {
    /// Every written form and how many mentions used it.
    forms: BTreeMap<String, u64>,
    kind: Option<PersonKind>,
    docs: u64,
    mentions: u64,
    /// Order of first appearance, for deterministic tie-breaks.
    first_seen: u64,
}

/// The corpus-wide person table: documents' persons merged on full-name
/// keys and stage names (never on a given name or surname alone), each with
/// a stable `person_id`.
#[derive(Debug, Default)]
pub struct PersonIndex {
    keys: HashMap<String, usize>,
    parent: Vec<usize>,
    nodes: Vec<Node>,
}

/// One row of `persons.csv`.
#[derive(Debug, serde::Serialize)]
pub struct PersonRow {
    pub person_id: String,
    pub name: String,
    pub kind: &'static str,
    pub aliases: String,
    pub doc_count: u64,
    pub mention_count: u64,
}

impl PersonIndex {
    /// Adds a document's persons; returns each person's key, which
    /// [`PersonIndex::person_id`] turns into its corpus id once all are in.
    pub fn add_doc(&mut self, doc: &Doc) -> Vec<String> {
        let mut local_keys = Vec::with_capacity(doc.persons.len());
        let mut roots_in_doc = Vec::new();
        for (p, person) in doc.persons.iter().enumerate() {
            let kind = doc.person_kind(p);
            let forms: Vec<&str> = std::iter::once(person.name.as_str()).chain(person.aliases.iter().map(String::as_str)).collect();
            let keys = merge_keys(kind, &forms);
            let nodes: Vec<usize> = keys.iter().map(|k| self.node_for(k)).collect();
            let root = nodes.iter().skip(1).fold(nodes[0], |a, &b| self.union(a, b));
            let node = &mut self.nodes[root];
            node.kind = Some(kind);
            node.mentions += person.mentions.len() as u64;
            for &m in &person.mentions {
                *node.forms.entry(doc.original_slice(doc.mentions[m].span).to_string()).or_default() += 1;
            }
            if !roots_in_doc.contains(&root) {
                roots_in_doc.push(root);
            }
            local_keys.push(keys[0].clone());
        }
        // Unions inside this document may have merged roots counted above.
        let mut distinct: Vec<usize> = roots_in_doc.into_iter().map(|r| self.find(r)).collect();
        distinct.sort_unstable();
        distinct.dedup();
        for root in distinct {
            self.nodes[root].docs += 1;
        }
        local_keys
    }

    /// The corpus id of the person a key from [`PersonIndex::add_doc`] names.
    pub fn person_id(&mut self, key: &str) -> String {
        match self.keys.get(key).copied() {
            Some(node) => {
                let root = self.find(node);
                self.id_of(root)
            }
            None => String::new(),
        }
    }

    /// All corpus persons, sorted by kind, then name, then id.
    pub fn rows(&mut self) -> Vec<PersonRow> {
        let roots: Vec<usize> = (0..self.nodes.len()).filter(|&n| self.find(n) == n && !self.nodes[n].forms.is_empty()).collect();
        let mut rows: Vec<PersonRow> = roots
            .into_iter()
            .map(|root| {
                let name = self.display_name(root);
                let node = &self.nodes[root];
                let aliases: Vec<&str> = node.forms.keys().map(String::as_str).filter(|f| *f != name).collect();
                PersonRow {
                    person_id: self.id_of(root),
                    kind: node.kind.unwrap_or(PersonKind::Person).as_str(),
                    aliases: aliases.join("|"),
                    doc_count: node.docs,
                    mention_count: node.mentions,
                    name,
                }
            })
            .collect();
        rows.sort_by(|a, b| (a.kind, &a.name, &a.person_id).cmp(&(b.kind, &b.name, &b.person_id)));
        rows
    }

    fn node_for(&mut self, key: &str) -> usize {
        if let Some(&n) = self.keys.get(key) {
            return self.find(n);
        }
        let n = self.nodes.len();
        self.nodes.push(Node { first_seen: n as u64, ..Node::default() });
        self.parent.push(n);
        self.keys.insert(key.to_string(), n);
        n
    }

    fn find(&mut self, mut n: usize) -> usize {
        while self.parent[n] != n {
            self.parent[n] = self.parent[self.parent[n]];
            n = self.parent[n];
        }
        n
    }

    /// Merges two sets; the one seen first stays the root.
    fn union(&mut self, a: usize, b: usize) -> usize {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return a;
        }
        let (root, child) = if self.nodes[a].first_seen <= self.nodes[b].first_seen { (a, b) } else { (b, a) };
        self.parent[child] = root;
        let moved = std::mem::take(&mut self.nodes[child]);
        let node = &mut self.nodes[root];
        for (form, count) in moved.forms {
            *node.forms.entry(form).or_default() += count;
        }
        node.docs += moved.docs;
        node.mentions += moved.mentions;
        node.kind = node.kind.or(moved.kind);
        root
    }

    /// The fullest form, ranked as a document's person name is (most
    /// letters, then hyphenated over spaced), then most used, then alphabetical.
    fn display_name(&self, root: usize) -> String {
        let rank = |form: &String, count: u64| (fold_name(form).chars().count(), std::cmp::Reverse(form.split_whitespace().count()), count);
        self.nodes[root]
            .forms
            .iter()
            .max_by(|(fa, ca), (fb, cb)| rank(fa, **ca).cmp(&rank(fb, **cb)).then_with(|| fb.cmp(fa)))
            .map(|(f, _)| f.clone())
            .unwrap_or_default()
    }

    /// A stable id: a hash of the kind and the folded fullest name, so the
    /// same corpus gives the same ids on every run and thread count.
    fn id_of(&self, root: usize) -> String {
        let node = &self.nodes[root];
        let kind = node.kind.unwrap_or(PersonKind::Person).as_str();
        let key = format!("{kind}:{}", fold_name(&self.display_name(root)));
        format!("P{:012x}", fnv1a(key.as_bytes()) & 0xffff_ffff_ffff)
    }
}

/// Keys under which a document's person is merged across the corpus.
fn merge_keys(kind: PersonKind, forms: &[&str]) -> Vec<String> {
    let multi: Vec<&str> = forms.iter().copied().filter(|f| f.split_whitespace().count() >= 2).collect();
    // A person known by one word only (a stage name) merges on that word;
    // otherwise one-word forms are given names or surnames and do not merge.
    let strong: Vec<&str> = if multi.is_empty() { forms.to_vec() } else { multi };
    let mut keys: Vec<String> = strong.iter().map(|f| format!("{}:{}", kind.as_str(), name_key(f))).collect();
    if !forms.is_empty() && keys.is_empty() {
        keys.push(format!("{}:{}", kind.as_str(), name_key(forms[0])));
    }
    // A one-word form that is not the given name or surname of a full name
    // here is a stage name (`Lomon` beside `Park Solomon`): it merges too.
    let short: Vec<String> = strong.iter().flat_map(|s| short_forms(s)).collect();
    for single in forms.iter().filter(|f| f.split_whitespace().count() == 1) {
        let folded = fold_name(single);
        if !short.contains(&folded) {
            keys.push(format!("{}:{}", kind.as_str(), folded));
        }
    }
    keys.dedup();
    keys
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RawDoc;
    use crate::ner::RuleRecognizer;
    use crate::pipeline::Pipeline;

    fn index(texts: &[&str]) -> Vec<PersonRow> {
        let pipeline = Pipeline::new(Box::new(RuleRecognizer::new()), None);
        let mut index = PersonIndex::default();
        for (i, text) in texts.iter().enumerate() {
            index.add_doc(&pipeline.analyze(RawDoc { id: format!("{i}.txt"), source: String::new(), text: text.to_string(), date: None }));
        }
        index.rows().into_iter().filter(|r| r.kind == "person").collect()
    }

    #[test]
    fn merges_spelling_variants_and_stage_names_across_documents() {
        let rows = index(&[
            "Park Ji-hu stars in the drama. Ji-hu said she was thrilled.",
            "The cast includes Park Ji Hu and Lomon (Park Solomon).",
            "The series stars Lomon (Lee Su-hyeok).",
        ]);
        let names: Vec<(&str, u64)> = rows.iter().map(|r| (r.name.as_str(), r.doc_count)).collect();
        assert_eq!(names, [("Park Ji-hu", 2), ("Park Solomon", 2)], "{rows:?}");
        assert_eq!(rows[0].aliases, "Ji-hu|Park Ji Hu");
        assert_eq!(rows[1].aliases, "Lomon");
    }

    #[test]
    fn never_merges_different_people_who_share_a_surname_or_given_name() {
        let rows =
            index(&["Lee Min-jae and Lee Jae-kyoo met the cast.", "Kim Ji-won joined. Ji-won smiled.", "Park Ji-won joined the cast."]);
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Kim Ji-won", "Lee Jae-kyoo", "Lee Min-jae", "Park Ji-won"]);
    }
}
