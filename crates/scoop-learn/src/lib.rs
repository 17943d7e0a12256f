//! scoop's record classifiers: a multiclass averaged perceptron (Collins
//! 2002) over string features.
//!
//! Small on purpose: the record stages have a few thousand training
//! examples, where a linear model over words and cue hits is what the data
//! can support. Training is deterministic — examples are visited in a
//! shuffled order drawn from a fixed seed, and the model is written with
//! its features sorted — so the same data always gives the same bytes.

#![warn(missing_docs)]

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The format tag written into every model file.
const FORMAT: &str = "scoop-learn/1";

/// An error reading or writing a model file, naming the file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The file could not be read or written.
    #[error("{file}: {source}")]
    Io {
        /// The model file.
        file: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is not a model of this format.
    #[error("{file}: not a scoop-learn model: {message}")]
    Format {
        /// The model file.
        file: String,
        /// What is wrong with it.
        message: String,
    },
}

/// The features of one example, hashed: add them by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Features(Vec<u64>);

impl Features {
    /// No features yet.
    pub fn new() -> Features {
        Features(Vec::new())
    }

    /// Adds the feature named `name` (a repeated name counts again).
    pub fn add(&mut self, name: &str) {
        self.0.push(hash(name.as_bytes()));
    }

    /// Adds the feature `prefix=value`, without building the string.
    pub fn add_pair(&mut self, prefix: &str, value: &str) {
        self.0.push(hash_pair(prefix.as_bytes(), value.as_bytes()));
    }

    /// Adds the feature `prefix=first second` (two words joined by a
    /// space), without building the string.
    pub fn add_pair_of_words(&mut self, prefix: &str, first: &str, second: &str) {
        let value = fnv(fnv(fnv(hash_pair(prefix.as_bytes(), first.as_bytes()), b" "), second.as_bytes()), b"");
        self.0.push(value);
    }

    /// How many features were added.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none were added.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// FNV-1a, 64 bits: stable across platforms and releases, unlike `std`'s hasher.
fn hash(bytes: &[u8]) -> u64 {
    fnv(0xcbf2_9ce4_8422_2325, bytes)
}

fn hash_pair(prefix: &[u8], value: &[u8]) -> u64 {
    fnv(fnv(fnv(0xcbf2_9ce4_8422_2325, prefix), b"="), value)
}

fn fnv(mut state: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        state ^= u64::from(b);
        state = state.wrapping_mul(0x0100_0000_01b3);
    }
    state
}

/// One training example: its features and the index of its class.
#[derive(Debug, Clone)]
pub struct Example {
    /// What the classifier sees.
    pub features: Features,
    /// The right answer, an index into the classes.
    pub class: usize,
}

/// A trained linear classifier. Class 0 is the default: an example with no
/// known feature, or a tie, goes to the lowest class index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Classifier {
    classes: Vec<String>,
    /// Feature hashes, sorted, for binary search.
    features: Vec<u64>,
    /// `weights[i * classes.len() + c]`: feature `features[i]`'s weight for class `c`.
    weights: Vec<f32>,
}

impl Classifier {
    /// The class names, in index order.
    pub fn classes(&self) -> &[String] {
        &self.classes
    }

    /// The index of a class by name.
    pub fn class_index(&self, name: &str) -> Option<usize> {
        self.classes.iter().position(|c| c == name)
    }

    /// Each class's score for an example.
    pub fn scores(&self, features: &Features) -> Vec<f32> {
        let n = self.classes.len();
        let mut scores = vec![0.0; n];
        for f in &features.0 {
            if let Ok(i) = self.features.binary_search(f) {
                for (s, w) in scores.iter_mut().zip(&self.weights[i * n..(i + 1) * n]) {
                    *s += w;
                }
            }
        }
        scores
    }

    /// The best-scoring class's index.
    pub fn predict(&self, features: &Features) -> usize {
        argmax(&self.scores(features))
    }

    /// The best-scoring class's name.
    pub fn predict_name(&self, features: &Features) -> &str {
        &self.classes[self.predict(features)]
    }

    /// How many features carry weight.
    pub fn feature_count(&self) -> usize {
        self.features.len()
    }
}

fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// Several yes/no classifiers read together: each feature is looked up once
/// for all of them, and each gives its margin (yes minus no; above zero is
/// yes, as [`Classifier::predict`] decides).
#[derive(Debug, Clone, PartialEq)]
pub struct Margins {
    /// The union of the classifiers' features, sorted.
    features: Vec<u64>,
    /// `rows[i * k + c]`: feature `features[i]`'s margin weight in classifier `c`.
    rows: Vec<f32>,
    k: usize,
}

impl Margins {
    /// The margins of two-class classifiers (class 1 is yes).
    ///
    /// # Panics
    /// If a classifier does not have exactly two classes.
    pub fn new(classifiers: &[&Classifier]) -> Margins {
        assert!(classifiers.iter().all(|c| c.classes.len() == 2), "margins are of yes/no classifiers");
        let mut features: Vec<u64> = classifiers.iter().flat_map(|c| c.features.iter().copied()).collect();
        features.sort_unstable();
        features.dedup();
        let k = classifiers.len();
        let mut rows = vec![0.0; features.len() * k];
        for (c, classifier) in classifiers.iter().enumerate() {
            for (i, f) in classifier.features.iter().enumerate() {
                let at = features.binary_search(f).expect("every feature is in the union");
                rows[at * k + c] = classifier.weights[2 * i + 1] - classifier.weights[2 * i];
            }
        }
        Margins { features, rows, k }
    }

    /// Each classifier's margin for an example, in the order given to [`Margins::new`].
    pub fn margins(&self, features: &Features) -> Vec<f32> {
        let mut margins = vec![0.0; self.k];
        for f in &features.0 {
            if let Ok(i) = self.features.binary_search(f) {
                for (m, w) in margins.iter_mut().zip(&self.rows[i * self.k..(i + 1) * self.k]) {
                    *m += w;
                }
            }
        }
        margins
    }
}

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the examples.
    pub epochs: usize,
    /// Seeds the order examples are visited in.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions { epochs: 10, seed: 0x5c00_9e11 }
    }
}

/// Trains a classifier over `classes` (class 0 the default) on `examples`.
///
/// # Panics
/// If an example's class is not an index into `classes`.
pub fn train(classes: &[&str], examples: &[Example], options: TrainOptions) -> Classifier {
    let n = classes.len();
    assert!(examples.iter().all(|e| e.class < n), "an example's class is out of range");
    // Weights and their running sums for averaging (Daumé's trick: the
    // average is `w - u / c`, with `u` summing each update times its step).
    let mut weights: HashMap<u64, (Vec<f32>, Vec<f32>)> = HashMap::new();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = options.seed | 1;
    let mut step = 1.0f32;
    let mut scores = vec![0.0f32; n];
    for _ in 0..options.epochs {
        shuffle(&mut order, &mut rng);
        for &i in &order {
            let example = &examples[i];
            scores.iter_mut().for_each(|s| *s = 0.0);
            for f in &example.features.0 {
                if let Some((w, _)) = weights.get(f) {
                    scores.iter_mut().zip(w).for_each(|(s, w)| *s += w);
                }
            }
            let guess = argmax(&scores);
            if guess != example.class {
                for f in &example.features.0 {
                    let (w, u) = weights.entry(*f).or_insert_with(|| (vec![0.0; n], vec![0.0; n]));
                    w[example.class] += 1.0;
                    u[example.class] += step;
                    w[guess] -= 1.0;
                    u[guess] -= step;
                }
            }
            step += 1.0;
        }
    }
    let mut rows: Vec<(u64, Vec<f32>)> = weights
        .into_iter()
        .map(|(f, (w, u))| (f, w.iter().zip(&u).map(|(w, u)| w - u / step).collect::<Vec<f32>>()))
        .filter(|(_, w)| w.iter().any(|&x| x != 0.0))
        .collect();
    rows.sort_by_key(|(f, _)| *f);
    Classifier {
        classes: classes.iter().map(|c| c.to_string()).collect(),
        features: rows.iter().map(|(f, _)| *f).collect(),
        weights: rows.into_iter().flat_map(|(_, w)| w).collect(),
    }
}

/// Fisher–Yates with xorshift64: the same seed, the same order, everywhere.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        order.swap(i, (*state % (i as u64 + 1)) as usize);
    }
}

/// Named classifiers saved as one file (`models/records.json`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModelSet {
    format: String,
    models: BTreeMap<String, Classifier>,
}

impl ModelSet {
    /// An empty set.
    pub fn new() -> ModelSet {
        ModelSet { format: FORMAT.to_string(), models: BTreeMap::new() }
    }

    /// Adds or replaces the classifier called `name`.
    pub fn insert(&mut self, name: &str, classifier: Classifier) {
        self.models.insert(name.to_string(), classifier);
    }

    /// The classifier called `name`.
    pub fn get(&self, name: &str) -> Option<&Classifier> {
        self.models.get(name)
    }

    /// The set's names, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.models.keys().map(String::as_str)
    }

    /// Parses a set from its JSON text; `file` names it in errors.
    pub fn from_json(text: &str, file: &str) -> Result<ModelSet, ModelError> {
        let format_error = |message: String| ModelError::Format { file: file.to_string(), message };
        let set: ModelSet = serde_json::from_str(text).map_err(|e| format_error(e.to_string()))?;
        if set.format != FORMAT {
            return Err(format_error(format!("format `{}`, expected `{FORMAT}`", set.format)));
        }
        for (name, c) in &set.models {
            let sorted = c.features.windows(2).all(|w| w[0] < w[1]);
            if c.classes.is_empty() || !sorted || c.weights.len() != c.features.len() * c.classes.len() {
                return Err(format_error(format!("classifier `{name}` is inconsistent")));
            }
        }
        Ok(set)
    }

    /// Reads a set from a file.
    pub fn load(path: &Path) -> Result<ModelSet, ModelError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ModelError::Io { file: file.clone(), source })?;
        ModelSet::from_json(&text, &file)
    }

    /// The set as JSON text, the same bytes for the same set.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a model set always serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(words: &[&str], class: usize) -> Example {
        let mut features = Features::new();
        words.iter().for_each(|w| features.add(w));
        Example { features, class }
    }

    fn toy() -> Vec<Example> {
        vec![
            example(&["bias", "renewed", "season"], 1),
            example(&["bias", "wrapped", "filming"], 2),
            example(&["bias", "season", "premiere"], 0),
            example(&["bias", "renewed", "show"], 1),
            example(&["bias", "filming", "ended"], 2),
            example(&["bias", "cast", "joined"], 0),
        ]
    }

    #[test]
    fn learns_separable_classes() {
        let model = train(&["none", "renewal", "wrap"], &toy(), TrainOptions::default());
        // Ties go to the default class, which so learns no weights of its
        // own (treating ties as mistakes was tried: it cost the rare event
        // types their recall); the other classes must be learned.
        for e in toy().into_iter().filter(|e| e.class != 0) {
            assert_eq!(model.predict(&e.features), e.class, "{e:?}");
        }
        assert_eq!(model.predict_name(&example(&["bias", "renewed"], 0).features), "renewal");
        assert_eq!(model.predict_name(&example(&["bias", "wrapped"], 0).features), "wrap");
    }

    #[test]
    fn unknown_features_give_the_default_class() {
        let model = train(&["none", "renewal", "wrap"], &toy(), TrainOptions::default());
        assert_eq!(model.predict(&example(&["never-seen"], 0).features), 0);
    }

    #[test]
    fn pair_features_equal_their_joined_names() {
        let (mut a, mut b) = (Features::new(), Features::new());
        a.add("w=season");
        b.add_pair("w", "season");
        a.add("ww=second season");
        b.add_pair_of_words("ww", "second", "season");
        assert_eq!(a, b);
    }

    #[test]
    fn training_is_deterministic_and_round_trips() {
        let mut first = ModelSet::new();
        first.insert("toy", train(&["none", "renewal", "wrap"], &toy(), TrainOptions::default()));
        let mut second = ModelSet::new();
        second.insert("toy", train(&["none", "renewal", "wrap"], &toy(), TrainOptions::default()));
        assert_eq!(first.to_json(), second.to_json());
        let back = ModelSet::from_json(&first.to_json(), "toy.json").unwrap();
        assert_eq!(back, first);
    }

    #[test]
    fn rejects_foreign_and_broken_files() {
        let err = ModelSet::from_json("{\"format\":\"other\",\"models\":{}}", "m.json").unwrap_err();
        assert!(err.to_string().contains("m.json") && err.to_string().contains("other"), "{err}");
        let broken = "{\"format\":\"scoop-learn/1\",\"models\":{\"x\":{\"classes\":[\"a\"],\"features\":[2,1],\"weights\":[0.0,0.0]}}}";
        assert!(ModelSet::from_json(broken, "m.json").unwrap_err().to_string().contains("inconsistent"));
    }

    #[test]
    fn margins_agree_with_each_classifier() {
        let toy = toy();
        let yes_no = |class: usize| -> Vec<Example> {
            toy.iter().map(|e| Example { features: e.features.clone(), class: usize::from(e.class == class) }).collect()
        };
        let (renewal, wrap) =
            (train(&["no", "yes"], &yes_no(1), TrainOptions::default()), train(&["no", "yes"], &yes_no(2), TrainOptions::default()));
        let margins = Margins::new(&[&renewal, &wrap]);
        for e in &toy {
            let m = margins.margins(&e.features);
            for (margin, classifier) in m.iter().zip([&renewal, &wrap]) {
                let s = classifier.scores(&e.features);
                assert!((margin - (s[1] - s[0])).abs() < 1e-4, "{margin} vs {s:?}");
                assert_eq!(*margin > 0.0, classifier.predict(&e.features) == 1);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn shuffle_is_a_permutation(n in 0usize..200, seed in 1u64..u64::MAX) {
            let mut order: Vec<usize> = (0..n).collect();
            let mut state = seed;
            shuffle(&mut order, &mut state);
            order.sort_unstable();
            proptest::prop_assert_eq!(order, (0..n).collect::<Vec<_>>());
        }
    }
}
