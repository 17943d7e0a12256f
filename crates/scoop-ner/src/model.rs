//! The trained model: two perceptron stages, the gazetteer and the word
//! clusters; tagging, and the compact model file.

use crate::clusters::Clusters;
use crate::codec::{Reader, Writer};
use crate::features::{local_features, DocContext, Resources, SentenceFeatures};
use crate::gazetteer::Gazetteer;
use crate::hash::KeyTable;
use crate::perceptron::{viterbi, Linear, TRANS_ROWS};
use crate::tags::{Tag, NUM_TAGS};
use anyhow::{bail, Context, Result};
use std::path::Path;

const MAGIC: &[u8; 8] = b"SCOOPNER";
const VERSION: u32 = 1;

/// One stage's weights, indexed by feature key.
#[derive(Debug, Clone)]
pub(crate) struct Stage {
    keys: Vec<u64>,
    table: KeyTable,
    rows: Vec<[f32; NUM_TAGS]>,
    trans: Vec<f32>,
}

impl Stage {
    /// `keys[i]` is feature `i` of `linear`; all-zero rows are dropped.
    pub fn new(keys: &[u64], linear: &Linear) -> Stage {
        let mut kept_keys = Vec::new();
        let mut rows = Vec::new();
        for (i, &key) in keys.iter().enumerate() {
            let mut row = [0f32; NUM_TAGS];
            row.copy_from_slice(&linear.weights[i * NUM_TAGS..(i + 1) * NUM_TAGS]);
            if row.iter().any(|&w| w != 0.0) {
                kept_keys.push(key);
                rows.push(row);
            }
        }
        Stage::from_parts(kept_keys, rows, linear.trans.clone())
    }

    fn from_parts(keys: Vec<u64>, rows: Vec<[f32; NUM_TAGS]>, trans: Vec<f32>) -> Stage {
        Stage { table: KeyTable::new(&keys), keys, rows, trans }
    }

    pub fn tag(&self, feats: &SentenceFeatures) -> Vec<Tag> {
        let emit: Vec<[f32; NUM_TAGS]> = (0..feats.len())
            .map(|i| {
                let mut s = [0f32; NUM_TAGS];
                for &key in feats.token(i) {
                    if let Some(r) = self.table.get(key) {
                        for (a, b) in s.iter_mut().zip(&self.rows[r]) {
                            *a += b;
                        }
                    }
                }
                s
            })
            .collect();
        viterbi(&emit, &self.trans)
    }

    /// Weights are stored as i16 steps of one scale per stage, rows sorted by
    /// key, only the non-zero entries of each row (a bit mask says which).
    fn write(&self, w: &mut Writer) {
        let max = self.rows.iter().flatten().chain(&self.trans).fold(0f32, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
        let quantise = |x: f32| (x / scale).round() as i16;
        w.f32(scale);
        for &t in &self.trans {
            w.i16(quantise(t));
        }
        let mut order: Vec<usize> = (0..self.keys.len()).collect();
        order.sort_unstable_by_key(|&i| self.keys[i]);
        let kept: Vec<usize> = order.into_iter().filter(|&i| self.rows[i].iter().any(|&x| quantise(x) != 0)).collect();
        w.u32(kept.len() as u32);
        for i in kept {
            w.u64(self.keys[i]);
            let q: Vec<i16> = self.rows[i].iter().map(|&x| quantise(x)).collect();
            let mask = q.iter().enumerate().fold(0u16, |m, (j, &v)| if v != 0 { m | 1 << j } else { m });
            w.u16(mask);
            for v in q.into_iter().filter(|&v| v != 0) {
                w.i16(v);
            }
        }
    }

    fn read(r: &mut Reader) -> Result<Stage> {
        let scale = r.f32()?;
        let trans = (0..TRANS_ROWS * NUM_TAGS).map(|_| Ok(f32::from(r.i16()?) * scale)).collect::<Result<Vec<_>>>()?;
        let n = r.count(10)?;
        let mut keys = Vec::with_capacity(n);
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            keys.push(r.u64()?);
            let mask = r.u16()?;
            let mut row = [0f32; NUM_TAGS];
            for (j, slot) in row.iter_mut().enumerate() {
                if mask & (1 << j) != 0 {
                    *slot = f32::from(r.i16()?) * scale;
                }
            }
            rows.push(row);
        }
        Ok(Stage::from_parts(keys, rows, trans))
    }
}

/// A trained recogniser. Tagging takes `&self` only, so one model serves
/// many threads.
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) stage1: Stage,
    pub(crate) stage2: Stage,
    pub(crate) gazetteer: Gazetteer,
    pub(crate) clusters: Clusters,
}

impl Model {
    /// Tags a document given as sentences of tokens; one IOB2 tag per token.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        let res = Resources { gazetteer: &self.gazetteer, clusters: &self.clusters };
        let local = local_features(sentences, &res);
        let first: Vec<Vec<Tag>> = local.iter().map(|f| self.stage1.tag(f)).collect();
        let context = DocContext::new(sentences, &first);
        local.iter().zip(&first).enumerate().map(|(s, (f, t))| self.stage2.tag(&context.sentence(s, f, t))).collect()
    }

    /// The model file's bytes: the same model gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.0.extend_from_slice(MAGIC);
        w.u32(VERSION);
        self.stage1.write(&mut w);
        self.stage2.write(&mut w);
        let gaz = self.gazetteer.sorted();
        w.u32(gaz.len() as u32);
        for (k, m) in gaz {
            w.u64(k);
            w.u8(m);
        }
        let clusters = self.clusters.sorted();
        w.u32(clusters.len() as u32);
        for (k, p) in clusters {
            w.u64(k);
            w.u64(p);
        }
        w.0
    }

    /// Reads a model from the bytes of [`Model::to_bytes`]; other bytes are an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
            bail!("not a scoop NER model (bad magic)");
        }
        let mut r = Reader::new(&bytes[MAGIC.len()..]);
        let version = r.u32()?;
        if version != VERSION {
            bail!("model file version {version}, this build reads version {VERSION}");
        }
        let stage1 = Stage::read(&mut r).context("stage 1")?;
        let stage2 = Stage::read(&mut r).context("stage 2")?;
        let mut gazetteer = Gazetteer::default();
        for _ in 0..r.count(9)? {
            let k = r.u64()?;
            gazetteer.entries.insert(k, r.u8()?);
        }
        let mut clusters = Clusters::default();
        for _ in 0..r.count(16)? {
            let k = r.u64()?;
            clusters.paths.insert(k, r.u64()?);
        }
        if !r.finished() {
            bail!("model file has trailing bytes");
        }
        Ok(Model { stage1, stage2, gazetteer, clusters })
    }

    /// Writes the model file.
    pub fn save(&self, path: &Path) -> Result<()> {
        std::fs::write(path, self.to_bytes()).with_context(|| format!("writing {}", path.display()))
    }

    /// Reads a model file, naming it in any error.
    pub fn load(path: &Path) -> Result<Model> {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        Model::from_bytes(&bytes).with_context(|| format!("loading {}", path.display()))
    }
}
