//! The two kinds of figure the report holds, each serialised with the counts it came from.

use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::ops::AddAssign;

/// True/false positives and false negatives, with the precision, recall and F1
/// derived from them (0 when undefined).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    /// Counts from a matching: `matched` pairs out of `gold` gold and `system` system items.
    pub fn from_matching(matched: usize, gold: usize, system: usize) -> Prf {
        Prf { tp: matched, fp: system - matched, fn_: gold - matched }
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

impl AddAssign for Prf {
    fn add_assign(&mut self, other: Prf) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

impl Serialize for Prf {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Prf", 6)?;
        s.serialize_field("tp", &self.tp)?;
        s.serialize_field("fp", &self.fp)?;
        s.serialize_field("fn", &self.fn_)?;
        s.serialize_field("precision", &self.precision())?;
        s.serialize_field("recall", &self.recall())?;
        s.serialize_field("f1", &self.f1())?;
        s.end()
    }
}

/// Agreement over matched pairs: `correct` of `total`, and their ratio (0 when `total` is 0).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
}

impl Accuracy {
    pub fn record(&mut self, agrees: bool) {
        self.total += 1;
        self.correct += usize::from(agrees);
    }

    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.total)
    }
}

impl Serialize for Accuracy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Accuracy", 3)?;
        s.serialize_field("correct", &self.correct)?;
        s.serialize_field("total", &self.total)?;
        s.serialize_field("accuracy", &self.accuracy())?;
        s.end()
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}
