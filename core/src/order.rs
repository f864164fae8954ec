//! Ordering by a numeric rank through one shared sort.
//!
//! Every `sort_by` on a new element type instantiates the standard library's sort again, and
//! each instantiation is several kilobytes of WebAssembly the browser downloads. Ranking
//! instead (a `u64` per element, ties kept in their original order) sorts only `(u64, usize)`
//! pairs, whatever is being ordered.

/// The positions of `ranks`, lowest rank first; equal ranks keep their original order.
pub fn ascending(ranks: impl IntoIterator<Item = u64>) -> Vec<usize> {
    let mut keyed: Vec<(u64, usize)> = ranks.into_iter().zip(0..).collect();
    sort_pairs(&mut keyed);
    keyed.into_iter().map(|(_, position)| position).collect()
}

#[inline(never)]
fn sort_pairs(pairs: &mut [(u64, usize)]) {
    // Positions are unique, so an unstable sort of the pairs is a stable sort of the ranks.
    pairs.sort_unstable();
}

/// `items` lowest rank first, ties in their original order.
pub fn by_rank<T>(items: Vec<T>, rank: impl Fn(&T) -> u64) -> Vec<T> {
    let order = ascending(items.iter().map(rank));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|position| slots[position].take())
        .collect()
}

/// A rank that sorts `value` highest first.
pub const fn descending(value: u64) -> u64 {
    u64::MAX - value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_keep_their_order() {
        let words = vec!["pear", "fig", "kiwi", "plum", "yam"];
        let by_length = by_rank(words, |w| w.len() as u64);
        assert_eq!(by_length, ["fig", "yam", "pear", "kiwi", "plum"]);
        let longest_first = by_rank(by_length, |w| descending(w.len() as u64));
        assert_eq!(longest_first, ["pear", "kiwi", "plum", "fig", "yam"]);
    }
}
