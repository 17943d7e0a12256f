//! Word clusters induced from unlabeled text: each frequent word gets a bit
//! path in a binary hierarchy (bisecting spherical k-means over PPMI
//! vectors of the words around it, a cheap stand-in for Brown clusters).
//! Path prefixes are features that carry what the tagged words teach to
//! words seen only in raw text.

use crate::gazetteer::token_key;
use crate::hash::KeyMap;
use std::collections::BTreeMap;

/// How the word clusters are learned.
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Deepest split (0 = no clusters, the default: on CoNLL dev they cost
    /// 0.4 F1 with the raw text available here, see docs/ner.md).
    pub count: usize,
    /// Words seen fewer times get no cluster.
    pub min_count: usize,
    /// Context features: the most frequent words at ±1, ±2.
    pub context_words: usize,
    /// Clusters smaller than this are not split.
    pub min_leaf: usize,
}

impl Default for ClusterOptions {
    fn default() -> ClusterOptions {
        ClusterOptions { count: 0, min_count: 3, context_words: 1000, min_leaf: 8 }
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Clusters {
    /// Token key (lowercased word) → bit path: choices from bit 0 up, then a 1.
    pub paths: KeyMap<u64>,
}

impl Clusters {
    pub fn path(&self, token_key: u64) -> Option<u64> {
        self.paths.get(&token_key).copied()
    }

    /// The first `len` choices of a path (the whole path if shorter), sentinel-marked.
    pub fn prefix(path: u64, len: u32) -> u64 {
        let depth = 63 - path.leading_zeros();
        if depth <= len {
            path
        } else {
            (path & ((1u64 << len) - 1)) | (1u64 << len)
        }
    }

    pub fn sorted(&self) -> Vec<(u64, u64)> {
        let mut v: Vec<(u64, u64)> = self.paths.iter().map(|(&k, &p)| (k, p)).collect();
        v.sort_unstable();
        v
    }
}

type Sparse = Vec<(u32, f32)>;

/// Induces clusters from sentences of raw tokens.
pub(crate) fn induce(sentences: &[Vec<&str>], options: &ClusterOptions, report: &mut dyn FnMut(&str)) -> Clusters {
    let lower: Vec<Vec<String>> = sentences.iter().map(|s| s.iter().map(|w| w.to_lowercase()).collect()).collect();
    let mut freq: BTreeMap<&str, usize> = BTreeMap::new();
    for w in lower.iter().flatten() {
        *freq.entry(w.as_str()).or_default() += 1;
    }
    // Most frequent first, ties by spelling: a deterministic vocabulary order.
    let mut by_freq: Vec<(&str, usize)> = freq.iter().map(|(&w, &n)| (w, n)).collect();
    by_freq.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let ids: BTreeMap<&str, usize> = by_freq.iter().enumerate().map(|(i, (w, _))| (*w, i)).collect();
    let words: Vec<&str> = by_freq.iter().take_while(|(_, n)| *n >= options.min_count).map(|(w, _)| *w).collect();
    let vectors = context_vectors(&lower, &ids, words.len(), options.context_words);
    report(&format!("clusters: {} words, {} tokens of raw text", words.len(), freq.values().sum::<usize>()));
    let mut paths = KeyMap::default();
    let mut stack: Vec<(Vec<usize>, u64, u32)> = vec![((0..words.len()).collect(), 1, 0)];
    while let Some((members, path, depth)) = stack.pop() {
        if depth as usize >= options.count || members.len() < 2 * options.min_leaf {
            for &m in &members {
                paths.insert(token_key(words[m]), path);
            }
            continue;
        }
        let (left, right) = bisect(&members, &vectors, options.context_words * 4);
        let base = path & ((1u64 << depth) - 1);
        for (bit, part) in [(0u64, left), (1, right)] {
            if !part.is_empty() {
                stack.push((part, base | (bit << depth) | (1u64 << (depth + 1)), depth + 1));
            }
        }
    }
    Clusters { paths }
}

/// PPMI-weighted, unit-length vectors of the frequent words at ±1 and ±2.
fn context_vectors(lower: &[Vec<String>], ids: &BTreeMap<&str, usize>, n_words: usize, context_words: usize) -> Vec<Sparse> {
    let mut counts: Vec<BTreeMap<u32, f32>> = vec![BTreeMap::new(); n_words];
    let mut feature_totals = vec![0f32; context_words * 4];
    let mut total = 0f32;
    for s in lower {
        let sid: Vec<usize> = s.iter().map(|w| ids.get(w.as_str()).copied().unwrap_or(usize::MAX)).collect();
        for (i, &w) in sid.iter().enumerate() {
            if w >= n_words {
                continue;
            }
            for (slot, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                let c = usize::try_from(i as isize + d).ok().and_then(|j| sid.get(j)).copied();
                if let Some(c) = c.filter(|&c| c < context_words) {
                    let f = (slot * context_words + c) as u32;
                    *counts[w].entry(f).or_default() += 1.0;
                    feature_totals[f as usize] += 1.0;
                    total += 1.0;
                }
            }
        }
    }
    counts
        .into_iter()
        .map(|row| {
            let word_total: f32 = row.values().sum();
            let mut v: Sparse = row
                .into_iter()
                .map(|(f, n)| (f, (n * total / (word_total * feature_totals[f as usize])).ln().max(0.0)))
                .filter(|&(_, x)| x > 0.0)
                .collect();
            let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, x)| *x /= norm);
            }
            v
        })
        .collect()
}

fn dot(v: &Sparse, centroid: &[f32]) -> f32 {
    v.iter().map(|&(f, x)| x * centroid[f as usize]).sum()
}

fn centroid(members: &[usize], vectors: &[Sparse], dims: usize) -> Vec<f32> {
    let mut c = vec![0f32; dims];
    for &m in members {
        for &(f, x) in &vectors[m] {
            c[f as usize] += x;
        }
    }
    let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        c.iter_mut().for_each(|x| *x /= norm);
    }
    c
}

/// Splits a cluster in two: by the sign of the projection on the
/// principal direction (power iteration, deterministic start), then refined
/// by spherical 2-means.
fn bisect(members: &[usize], vectors: &[Sparse], dims: usize) -> (Vec<usize>, Vec<usize>) {
    let mut mean = vec![0f32; dims];
    for &m in members {
        for &(f, x) in &vectors[m] {
            mean[f as usize] += x / members.len() as f32;
        }
    }
    let mut v: Vec<f32> = (0..dims).map(|i| if i % 2 == 0 { 1.0 } else { -1.0 }).collect();
    let mut proj = vec![0f32; members.len()];
    for _ in 0..12 {
        let mean_dot: f32 = mean.iter().zip(&v).map(|(a, b)| a * b).sum();
        for (p, &m) in proj.iter_mut().zip(members) {
            *p = dot(&vectors[m], &v) - mean_dot;
        }
        let total: f32 = proj.iter().sum();
        let mut next: Vec<f32> = mean.iter().map(|&x| -total * x).collect();
        for (&p, &m) in proj.iter().zip(members) {
            for &(f, x) in &vectors[m] {
                next[f as usize] += p * x;
            }
        }
        let norm = next.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm == 0.0 {
            break;
        }
        v = next.into_iter().map(|x| x / norm).collect();
    }
    let mut split: (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for (&p, &m) in proj.iter().zip(members) {
        if p >= 0.0 {
            split.0.push(m)
        } else {
            split.1.push(m)
        }
    }
    for _ in 0..6 {
        if split.0.is_empty() || split.1.is_empty() {
            break;
        }
        let (ca, cb) = (centroid(&split.0, vectors, dims), centroid(&split.1, vectors, dims));
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for &m in members {
            if dot(&vectors[m], &ca) >= dot(&vectors[m], &cb) {
                a.push(m);
            } else {
                b.push(m);
            }
        }
        if (a.as_slice(), b.as_slice()) == (split.0.as_slice(), split.1.as_slice()) {
            break;
        }
        split = (a, b);
    }
    split
}
