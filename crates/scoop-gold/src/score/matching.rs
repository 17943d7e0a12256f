//! One-to-one pairing of gold and system records, and name comparison through aliases.

use crate::format::{fold_name, Person};
use std::collections::BTreeSet;

/// Pairs gold items with system items one-to-one: as many pairs as possible
/// and, among the pairings of that size, the one whose pairs agree most.
///
/// `link(g, s)` is `None` when the two cannot pair, else agreement flags in
/// priority order (the first outweighs all later ones together). Solved exactly
/// as a maximum-weight assignment, so the result depends only on the input
/// order, never on hashing. Returns (gold index, system index) pairs sorted by gold index.
pub fn pair_up<const K: usize>(n_gold: usize, n_system: usize, link: impl Fn(usize, usize) -> Option<[bool; K]>) -> Vec<(usize, usize)> {
    if n_gold == 0 || n_system == 0 {
        return Vec::new();
    }
    let weights = tiered_weights(n_gold, n_system, link);
    // The assignment solver wants no more rows than columns.
    let pairs: Vec<(usize, usize)> =
        if n_gold <= n_system { assign(&weights) } else { assign(&transpose(&weights)).into_iter().map(|(s, g)| (g, s)).collect() };
    let mut linked: Vec<(usize, usize)> = pairs.into_iter().filter(|&(g, s)| weights[g][s] > 0).collect();
    linked.sort_unstable();
    linked
}

/// Weights that make the pair count dominate, then each flag dominate the
/// flags after it: with `base` above the largest possible pair count, flag i
/// weighs base^(K-i) and a pair base^(K+1), so no sum of lesser terms over a
/// whole pairing can reach a greater one.
fn tiered_weights<const K: usize>(n_gold: usize, n_system: usize, link: impl Fn(usize, usize) -> Option<[bool; K]>) -> Vec<Vec<i64>> {
    let base = n_gold.min(n_system) as i64 + 1;
    let pair_weight = base.pow(K as u32 + 1);
    (0..n_gold)
        .map(|g| {
            (0..n_system)
                .map(|s| match link(g, s) {
                    None => 0,
                    Some(flags) => {
                        let agreement: i64 = flags.iter().enumerate().filter(|(_, &f)| f).map(|(i, _)| base.pow((K - i) as u32)).sum();
                        pair_weight + agreement
                    }
                })
                .collect()
        })
        .collect()
}

fn transpose(m: &[Vec<i64>]) -> Vec<Vec<i64>> {
    (0..m[0].len()).map(|c| m.iter().map(|row| row[c]).collect()).collect()
}

/// Maximum-weight assignment of every row to a distinct column (rows ≤ columns),
/// by the Hungarian method with potentials, O(rows² · columns).
fn assign(w: &[Vec<i64>]) -> Vec<(usize, usize)> {
    let (n, m) = (w.len(), w[0].len());
    const INF: i64 = i64::MAX / 4;
    // 1-based; column 0 is a sentinel. owner[j] is the row holding column j.
    let mut u = vec![0i64; n + 1];
    let mut v = vec![0i64; m + 1];
    let mut owner = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for row in 1..=n {
        owner[0] = row;
        let mut j0 = 0;
        let mut min_v = vec![INF; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = owner[j0];
            let (mut delta, mut j1) = (INF, 0);
            for j in 1..=m {
                if !used[j] {
                    // Minimising cost = maximising weight.
                    let cur = -w[i0 - 1][j - 1] - u[i0] - v[j];
                    if cur < min_v[j] {
                        min_v[j] = cur;
                        way[j] = j0;
                    }
                    if min_v[j] < delta {
                        delta = min_v[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[owner[j]] += delta;
                    v[j] -= delta;
                } else {
                    min_v[j] -= delta;
                }
            }
            j0 = j1;
            if owner[j0] == 0 {
                break;
            }
        }
        while j0 != 0 {
            let j1 = way[j0];
            owner[j0] = owner[j1];
            j0 = j1;
        }
    }
    (1..=m).filter(|&j| owner[j] != 0).map(|j| (owner[j] - 1, j - 1)).collect()
}

/// Gold and system indices left out of `pairs`: the misses and the false positives.
pub fn unpaired(pairs: &[(usize, usize)], n_gold: usize, n_system: usize) -> (Vec<usize>, Vec<usize>) {
    let mut gold_free = vec![true; n_gold];
    let mut system_free = vec![true; n_system];
    for &(g, s) in pairs {
        gold_free[g] = false;
        system_free[s] = false;
    }
    let free = |flags: Vec<bool>| flags.iter().enumerate().filter(|(_, &f)| f).map(|(i, _)| i).collect();
    (free(gold_free), free(system_free))
}

/// Folded forms a name stands for in one document: the name itself plus every
/// name and alias of each person in that side's `persons` it names (so a role
/// for `Lomon` also answers to `Park Solomon` when the list links them).
pub fn name_forms(name: &str, persons: &[Person]) -> BTreeSet<String> {
    let folded = fold_name(name);
    if folded.is_empty() {
        return BTreeSet::new();
    }
    let mut forms = BTreeSet::from([folded.clone()]);
    for person in persons {
        let person_forms = own_forms(person);
        if person_forms.contains(&folded) {
            forms.extend(person_forms);
        }
    }
    forms
}

/// A person's folded name and aliases (empty folds dropped: they name no one).
pub fn own_forms(person: &Person) -> BTreeSet<String> {
    std::iter::once(&person.name).chain(&person.aliases).map(|n| fold_name(n)).filter(|f| !f.is_empty()).collect()
}

/// Two names are the same when their form sets share a form; two empty names
/// (no forms) are the same too, so an empty character matches only an empty one.
pub fn same_name(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    if a.is_empty() || b.is_empty() {
        a.is_empty() && b.is_empty()
    } else {
        !a.is_disjoint(b)
    }
}

/// An optional free-text value (work, location) folded like a name; empty counts as absent.
pub fn fold_opt(value: Option<&str>) -> Option<String> {
    value.map(fold_name).filter(|f| !f.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairing_maximises_count_before_agreement() {
        // g0 can pair with s0 (agreeing) or s1; g1 only with s0. Greedy on
        // agreement would take g0–s0 and strand g1.
        let links = |g: usize, s: usize| match (g, s) {
            (0, 0) => Some([true]),
            (0, 1) => Some([false]),
            (1, 0) => Some([false]),
            _ => None,
        };
        assert_eq!(pair_up(2, 2, links), vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn pairing_prefers_agreement_among_equal_counts() {
        let links = |g: usize, s: usize| Some([g == s]);
        assert_eq!(pair_up(3, 3, links), vec![(0, 0), (1, 1), (2, 2)]);
        let reversed = |g: usize, s: usize| Some([g + s == 2]);
        assert_eq!(pair_up(3, 3, reversed), vec![(0, 2), (1, 1), (2, 0)]);
    }

    #[test]
    fn first_flag_outweighs_all_later_flags() {
        // Either g0–s0 & g1–s1 (two second-flag agreements) or g0–s1 & g1–s0 (one first-flag agreement).
        let links = |g: usize, s: usize| Some(if g == s { [false, true] } else { [g == 0, false] });
        assert_eq!(pair_up(2, 2, links), vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn pairing_handles_more_gold_than_system() {
        let links = |g: usize, _s: usize| if g == 2 { Some([]) } else { None };
        assert_eq!(pair_up(3, 1, links), vec![(2, 0)]);
        assert!(pair_up(0, 4, |_, _| Some([])).is_empty());
    }

    #[test]
    fn name_forms_follow_the_sides_own_aliases() {
        let persons = vec![Person { name: "Park Solomon".into(), aliases: vec!["Lomon".into()], kind: crate::format::PersonKind::Person }];
        let forms = name_forms("LOMON", &persons);
        assert!(forms.contains("parksolomon"));
        assert!(name_forms("", &persons).is_empty());
        assert!(same_name(&BTreeSet::new(), &BTreeSet::new()));
        assert!(!same_name(&forms, &BTreeSet::new()));
    }
}
