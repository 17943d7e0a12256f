//! The two kinds of figure every scorer reports, each serialised with the counts it came from.
//!
//! [`Prf`] is the one P/R/F1 count of the workspace: the guide's scorer, the
//! TempEval-3 measures (`scoop_timex::timeml`) and conlleval (`scoop_ner::conlleval`)
//! all count into it.

use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::ops::AddAssign;

/// True/false positives and false negatives, with the precision, recall and F1
/// derived from them (0 when undefined).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    /// System items matched to a gold item.
    pub tp: usize,
    /// System items left unmatched.
    pub fp: usize,
    /// Gold items left unmatched.
    pub fn_: usize,
}

impl Prf {
    /// Counts from a matching: `matched` pairs out of `gold` gold and `system` system items.
    pub fn from_matching(matched: usize, gold: usize, system: usize) -> Prf {
        Prf { tp: matched, fp: system - matched, fn_: gold - matched }
    }

    /// How many gold items there were.
    pub fn gold(&self) -> usize {
        self.tp + self.fn_
    }

    /// How many system items there were.
    pub fn system(&self) -> usize {
        self.tp + self.fp
    }

    /// tp / (tp + fp).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.system())
    }

    /// tp / (tp + fn).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold())
    }

    /// 2tp / (2tp + fp + fn), the guide scorer's F1.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// Precision, recall and F1 computed as the reference scripts do
    /// (conlleval.pl, TempEval-3's scorer): P and R as `scale`·tp/n, F1 as
    /// their harmonic mean. The same figures as [`Prf::precision`],
    /// [`Prf::recall`] and [`Prf::f1`] times `scale`, but rounded as those
    /// scripts round, so their printed figures come out digit for digit.
    pub fn harmonic(&self, scale: f64) -> Rates {
        let (precision, recall) = (scaled_ratio(scale, self.tp, self.system()), scaled_ratio(scale, self.tp, self.gold()));
        let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        Rates { precision, recall, f1 }
    }
}

/// Precision, recall and F1 on one scale (fractions, or percentages), from [`Prf::harmonic`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rates {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
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
    /// Pairs that agree.
    pub correct: usize,
    /// Pairs compared.
    pub total: usize,
}

impl Accuracy {
    /// Counts one compared pair.
    pub fn record(&mut self, agrees: bool) {
        self.total += 1;
        self.correct += usize::from(agrees);
    }

    /// correct / total.
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
    scaled_ratio(1.0, num, den)
}

/// `scale`·num/den, multiplied before dividing as conlleval.pl does (with
/// `scale` 1 it is exactly num/den); 0 when `den` is 0.
fn scaled_ratio(scale: f64, num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        scale * num as f64 / den as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn micro_and_harmonic_figures_agree_up_to_rounding() {
        let p = Prf::from_matching(1, 3, 2);
        assert_eq!((p.tp, p.fp, p.fn_, p.gold(), p.system()), (1, 1, 2, 3, 2));
        assert_eq!((p.precision(), p.f1()), (0.5, 0.4));
        let pct = p.harmonic(100.0);
        assert_eq!(pct.precision, 50.0);
        assert_eq!(format!("{:.2} {:.2}", pct.recall, pct.f1), "33.33 40.00");
        let fraction = p.harmonic(1.0);
        assert_eq!((fraction.precision, fraction.recall), (p.precision(), p.recall()));
        assert!((fraction.f1 - p.f1()).abs() < 1e-15);
    }

    #[test]
    fn undefined_figures_are_zero() {
        let none = Prf::default();
        assert_eq!((none.precision(), none.recall(), none.f1()), (0.0, 0.0, 0.0));
        assert_eq!(none.harmonic(100.0), Rates { precision: 0.0, recall: 0.0, f1: 0.0 });
        assert_eq!(Accuracy::default().accuracy(), 0.0);
    }
}
