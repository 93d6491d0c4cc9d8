//! The list's rows, and the sorted lists of article indices behind them,
//! kept in order as articles come and go in work proportional to the
//! change (a binary search each, and one move of the rest), never to the
//! library: a key is answered within a frame at 100,000 articles while the
//! index refreshes.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// Index into `App::articles`.
    Article(usize),
    /// A bookmark (its id) whose article is not in the library: listed, not
    /// openable, so nothing is dropped silently.
    Missing(String),
}

/// The list as shown: articles (indices into `App::articles`, in list
/// order), then bookmarks whose article is missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    pub(crate) articles: Vec<usize>,
    pub(crate) missing: Vec<String>,
}

impl Rows {
    pub fn len(&self) -> usize {
        self.articles.len() + self.missing.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<Row> {
        match self.articles.get(i) {
            Some(&a) => Some(Row::Article(a)),
            None => self
                .missing
                .get(i - self.articles.len())
                .map(|id| Row::Missing(id.clone())),
        }
    }

    /// `n` rows from `from` (what a screen shows).
    pub fn window(&self, from: usize, n: usize) -> Vec<Row> {
        (from..from.saturating_add(n).min(self.len()))
            .filter_map(|i| self.get(i))
            .collect()
    }

    /// Every row (tests, small lists).
    pub fn to_vec(&self) -> Vec<Row> {
        self.window(0, self.len())
    }

    /// The article rows, in list order.
    pub fn articles(&self) -> &[usize] {
        &self.articles
    }
}

/// Rows compare with a plain list of them (tests).
impl PartialEq<Vec<Row>> for Rows {
    fn eq(&self, other: &Vec<Row>) -> bool {
        self.len() == other.len() && self.to_vec() == *other
    }
}

/// Hashing for the index's keys (row ids the index gives out, not text
/// from articles): a multiply, where the default hasher does a dozen
/// rounds; 100,000 of them are taken as the list arrives.
pub type KeyHash = BuildHasherDefault<KeyHasher>;

#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_i64(&mut self, n: i64) {
        self.0 = (n as u64)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(26);
    }
}

/// Puts `batch` (indices, in any order) into `list`, sorted by `cmp`: the
/// batch is sorted once, each of its indices finds its place by binary
/// search, and the list moves once. A batch that comes after the list (the
/// index streams the list in order) is appended: then the result is true.
pub fn insert_sorted(
    list: &mut Vec<usize>,
    mut batch: Vec<usize>,
    cmp: &dyn Fn(usize, usize) -> Ordering,
) -> bool {
    if batch.is_empty() {
        return true;
    }
    if batch
        .windows(2)
        .any(|w| cmp(w[0], w[1]) == Ordering::Greater)
    {
        batch.sort_by(|&a, &b| cmp(a, b));
    }
    if list
        .last()
        .is_none_or(|&l| cmp(l, batch[0]) != Ordering::Greater)
    {
        list.extend_from_slice(&batch);
        return true;
    }
    let places: Vec<usize> = batch
        .iter()
        .map(|&b| list.partition_point(|&x| cmp(x, b) != Ordering::Greater))
        .collect();
    // from the back: each stretch of the old list moves once
    let old = list.len();
    list.resize(old + batch.len(), 0);
    let (mut read, mut write) = (old, old + batch.len());
    for (&b, &at) in batch.iter().zip(&places).rev() {
        let stretch = read - at;
        list.copy_within(at..read, write - stretch);
        write -= stretch;
        read = at;
        write -= 1;
        list[write] = b;
    }
    false
}

/// Where `idx` is in `list` (sorted by `cmp`).
pub fn position(
    list: &[usize],
    idx: usize,
    cmp: &dyn Fn(usize, usize) -> Ordering,
) -> Option<usize> {
    let at = list.partition_point(|&x| cmp(x, idx) == Ordering::Less);
    if list.get(at) == Some(&idx) {
        return Some(at);
    }
    // not where the order says (it cannot be, unless the order changed
    // under the list): look everywhere rather than lose it
    list.iter().position(|&x| x == idx)
}

/// Takes `leaving` out of `list` (sorted by `cmp`): found by binary search,
/// then the list closes up once.
pub fn remove_sorted(
    list: &mut Vec<usize>,
    leaving: &[usize],
    cmp: &dyn Fn(usize, usize) -> Ordering,
) {
    if leaving.is_empty() || list.is_empty() {
        return;
    }
    if leaving.len() > list.len() / 8 {
        // many at once: one pass is cheaper than a search each
        let set: HashSet<usize> = leaving.iter().copied().collect();
        list.retain(|i| !set.contains(i));
        return;
    }
    let mut at: Vec<usize> = leaving
        .iter()
        .filter_map(|&i| position(list, i, cmp))
        .collect();
    if at.is_empty() {
        return;
    }
    at.sort_unstable();
    at.dedup();
    let mut write = at[0];
    for (k, &p) in at.iter().enumerate() {
        let end = at.get(k + 1).copied().unwrap_or(list.len());
        list.copy_within(p + 1..end, write);
        write += end - p - 1;
    }
    list.truncate(write);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn by_value(values: &[u32]) -> impl Fn(usize, usize) -> Ordering + '_ {
        move |a, b| values[a].cmp(&values[b]).then(a.cmp(&b))
    }

    #[test]
    fn appends_a_batch_that_comes_after() {
        let v = [5, 1, 3, 9, 7];
        let cmp = by_value(&v);
        let mut list = vec![1, 2];
        insert_sorted(&mut list, vec![4, 3, 0], &cmp);
        assert_eq!(list, [1, 2, 0, 4, 3]);
    }

    #[test]
    fn removes_and_finds() {
        let v = [5, 1, 3, 9, 7];
        let cmp = by_value(&v);
        let mut list = vec![1, 2, 0, 4, 3];
        assert_eq!(position(&list, 4, &cmp), Some(3));
        remove_sorted(&mut list, &[0, 3], &cmp);
        assert_eq!(list, [1, 2, 4]);
        assert_eq!(position(&list, 0, &cmp), None);
    }

    #[test]
    fn rows_list_articles_then_missing() {
        let rows = Rows {
            articles: vec![3, 1],
            missing: vec!["x".into()],
        };
        assert_eq!(rows.len(), 3);
        assert_eq!(rows.get(2), Some(Row::Missing("x".into())));
        assert_eq!(
            rows.window(1, 5),
            [Row::Article(1), Row::Missing("x".into())]
        );
        assert_eq!(rows.get(3), None);
    }

    proptest! {
        /// Whatever comes and goes, in whatever batches, the list is the
        /// sorted list of what is in it.
        #[test]
        fn stays_sorted(
            values in proptest::collection::vec(0u32..50, 1..200),
            steps in proptest::collection::vec((proptest::collection::vec(any::<prop::sample::Index>(), 0..20), any::<bool>()), 1..20),
        ) {
            let cmp = by_value(&values);
            let mut list: Vec<usize> = Vec::new();
            let mut inside: HashSet<usize> = HashSet::new();
            for (picks, add) in steps {
                let mut chosen: Vec<usize> = picks.iter().map(|p| p.index(values.len())).collect();
                chosen.sort_unstable();
                chosen.dedup();
                if add {
                    chosen.retain(|i| !inside.contains(i));
                    inside.extend(&chosen);
                    insert_sorted(&mut list, chosen, &cmp);
                } else {
                    chosen.retain(|i| inside.contains(i));
                    for i in &chosen {
                        inside.remove(i);
                    }
                    remove_sorted(&mut list, &chosen, &cmp);
                }
                let mut want: Vec<usize> = inside.iter().copied().collect();
                want.sort_by(|&a, &b| cmp(a, b));
                prop_assert_eq!(&list, &want);
            }
        }
    }
}
