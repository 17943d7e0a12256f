//! The averaged structured perceptron (Collins 2002) over first-order tag
//! sequences, with Viterbi decoding restricted to well-formed IOB2.

use crate::tags::{Tag, NUM_TAGS};
use rayon::prelude::*;

/// Transition rows: one per previous tag, plus the sentence start.
pub(crate) const TRANS_ROWS: usize = NUM_TAGS + 1;
const START: usize = NUM_TAGS;

/// One training sentence: feature indices per token, and the gold tags.
pub(crate) struct Instance {
    pub feats: Vec<u32>,
    pub offsets: Vec<u32>,
    pub gold: Vec<Tag>,
}

impl Instance {
    fn token(&self, i: usize) -> &[u32] {
        &self.feats[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// Weights: `weights[f * NUM_TAGS + tag]` and `trans[prev_row * NUM_TAGS + tag]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Linear {
    pub weights: Vec<f32>,
    pub trans: Vec<f32>,
}

/// Whether `tag` may follow transition row `prev` (IOB2: `I-T` continues `T`).
fn allowed(prev: usize, tag: usize) -> bool {
    let prev = (prev != START).then(|| Tag::from_index(prev));
    Tag::from_index(tag).may_follow(prev)
}

/// The best well-formed tag sequence for per-token scores.
pub(crate) fn viterbi(emit: &[[f32; NUM_TAGS]], trans: &[f32]) -> Vec<Tag> {
    let n = emit.len();
    if n == 0 {
        return Vec::new();
    }
    let mut back = vec![[0u8; NUM_TAGS]; n];
    let mut score = [f32::NEG_INFINITY; NUM_TAGS];
    for t in 0..NUM_TAGS {
        if allowed(START, t) {
            score[t] = trans[START * NUM_TAGS + t] + emit[0][t];
        }
    }
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; NUM_TAGS];
        for t in 0..NUM_TAGS {
            let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
            for p in 0..NUM_TAGS {
                if score[p] > f32::NEG_INFINITY && allowed(p, t) {
                    let s = score[p] + trans[p * NUM_TAGS + t];
                    if s > best {
                        best = s;
                        arg = p;
                    }
                }
            }
            next[t] = best + emit[i][t];
            back[i][t] = arg as u8;
        }
        score = next;
    }
    let mut best = 0;
    for t in 1..NUM_TAGS {
        if score[t] > score[best] {
            best = t;
        }
    }
    let mut tags = vec![Tag::O; n];
    for i in (0..n).rev() {
        tags[i] = Tag::from_index(best);
        best = back[i][best] as usize;
    }
    tags
}

fn emissions(inst: &Instance, weights: &[f32]) -> Vec<[f32; NUM_TAGS]> {
    (0..inst.gold.len())
        .map(|i| {
            let mut s = [0f32; NUM_TAGS];
            for &f in inst.token(i) {
                let row = &weights[f as usize * NUM_TAGS..(f as usize + 1) * NUM_TAGS];
                for (a, b) in s.iter_mut().zip(row) {
                    *a += b;
                }
            }
            s
        })
        .collect()
}

/// A fixed-seed xorshift generator: the training order is part of the model.
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Running weights and the sums that give their average (Daumé's trick:
/// average = w − u / c).
struct Trainer {
    w: Linear,
    u_weights: Vec<f64>,
    u_trans: Vec<f64>,
    c: f64,
}

impl Trainer {
    fn update(&mut self, inst: &Instance, guess: &[Tag]) {
        let c = self.c;
        let bump = |w: &mut f32, u: &mut f64, d: f32| {
            *w += d;
            *u += c * f64::from(d);
        };
        for (i, (&g, &p)) in inst.gold.iter().zip(guess).enumerate() {
            if g != p {
                for &f in inst.token(i) {
                    let base = f as usize * NUM_TAGS;
                    bump(&mut self.w.weights[base + g.index()], &mut self.u_weights[base + g.index()], 1.0);
                    bump(&mut self.w.weights[base + p.index()], &mut self.u_weights[base + p.index()], -1.0);
                }
            }
            let row = |tags: &[Tag]| if i == 0 { START } else { tags[i - 1].index() };
            let (gr, pr) = (row(&inst.gold), row(guess));
            if (gr, g) != (pr, p) {
                bump(&mut self.w.trans[gr * NUM_TAGS + g.index()], &mut self.u_trans[gr * NUM_TAGS + g.index()], 1.0);
                bump(&mut self.w.trans[pr * NUM_TAGS + p.index()], &mut self.u_trans[pr * NUM_TAGS + p.index()], -1.0);
            }
        }
    }

    fn average(&self) -> Linear {
        let avg = |w: &[f32], u: &[f64]| w.iter().zip(u).map(|(&w, &u)| (f64::from(w) - u / self.c) as f32).collect();
        Linear { weights: avg(&self.w.weights, &self.u_weights), trans: avg(&self.w.trans, &self.u_trans) }
    }

    fn new(n_features: usize) -> Trainer {
        Trainer {
            w: Linear { weights: vec![0.0; n_features * NUM_TAGS], trans: vec![0.0; TRANS_ROWS * NUM_TAGS] },
            u_weights: vec![0.0; n_features * NUM_TAGS],
            u_trans: vec![0.0; TRANS_ROWS * NUM_TAGS],
            c: 1.0,
        }
    }

    /// One pass over the instances in `order`.
    fn pass(&mut self, instances: &[&Instance], order: &[usize]) {
        for &k in order {
            let inst = &instances[k];
            let guess = viterbi(&emissions(inst, &self.w.weights), &self.w.trans);
            if guess != inst.gold {
                self.update(inst, &guess);
            }
            self.c += 1.0;
        }
    }
}

/// The mean of several models' weights.
fn mean(models: &[Linear]) -> Linear {
    let n = models.len() as f32;
    let mut out = models[0].clone();
    for m in &models[1..] {
        out.weights.iter_mut().zip(&m.weights).for_each(|(a, b)| *a += b);
        out.trans.iter_mut().zip(&m.trans).for_each(|(a, b)| *a += b);
    }
    out.weights.iter_mut().chain(out.trans.iter_mut()).for_each(|a| *a /= n);
    out
}

/// Called after each training pass with the pass number and the mean weights.
pub(crate) type EpochReport<'a> = &'a mut dyn FnMut(usize, &Linear);

/// Trains one averaged perceptron per seed, each for `epochs` passes in its
/// own shuffled order, and returns the mean of their weights: the training
/// order alone moves CoNLL dev F1 by ±0.3, and the mean keeps what the
/// orders agree on. `after_epoch`, if any, sees the mean after each pass;
/// without it the mean is taken once, at the end.
pub(crate) fn train(
    instances: &[&Instance],
    n_features: usize,
    epochs: usize,
    seeds: &[u64],
    mut after_epoch: Option<EpochReport>,
) -> Linear {
    let mut runs: Vec<(Trainer, Rng, Vec<usize>)> =
        seeds.iter().map(|&seed| (Trainer::new(n_features), Rng::new(seed), (0..instances.len()).collect())).collect();
    let mean_of = |runs: &[(Trainer, Rng, Vec<usize>)]| mean(&runs.par_iter().map(|(trainer, _, _)| trainer.average()).collect::<Vec<_>>());
    for epoch in 0..epochs {
        runs.par_iter_mut().for_each(|(trainer, rng, order)| {
            rng.shuffle(order);
            trainer.pass(instances, order);
        });
        if let Some(report) = after_epoch.as_mut() {
            let avg = mean_of(&runs);
            report(epoch + 1, &avg);
            if epoch + 1 == epochs {
                return avg;
            }
        }
    }
    if runs.is_empty() {
        return Trainer::new(n_features).average();
    }
    mean_of(&runs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_toy_problem() {
        // Feature 0 marks a person token, feature 1 any other.
        let t = |s: &str| Tag::parse(s).unwrap();
        let inst = Instance { feats: vec![0, 0, 1], offsets: vec![0, 1, 2, 3], gold: vec![t("B-PER"), t("I-PER"), t("O")] };
        let model = train(&[&inst], 2, 5, &[7, 8], None);
        assert_eq!(viterbi(&emissions(&inst, &model.weights), &model.trans), inst.gold);
    }

    #[test]
    fn viterbi_never_starts_with_inside() {
        let mut emit = [[0f32; NUM_TAGS]; 1];
        emit[0][Tag::parse("I-LOC").unwrap().index()] = 5.0;
        let tags = viterbi(&emit, &[0.0; TRANS_ROWS * NUM_TAGS]);
        assert_ne!(tags[0].as_str(), "I-LOC");
    }
}
