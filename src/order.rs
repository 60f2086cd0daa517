//! One sort routine for the whole crate (and the deduplication built on it).
//!
//! Every `sort`/`sort_by_key` on a new element type compiles the standard library's sort
//! afresh (a few KB of WebAssembly each). Here items are ordered through one sort of integer
//! keys, compiled once; only the small reordering step is per item type.

/// A sort key: two integers compared in order, then the item's original position.
type Keyed = (u64, u64, usize);

/// Sort `items` by `key`, ascending and stable (equal keys keep their order), like
/// `slice::sort_by_key` with a `(u64, u64)` key.
pub(crate) fn sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> (u64, u64)) {
    let mut keyed: Vec<Keyed> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (a, b) = key(item);
            (a, b, i)
        })
        .collect();
    sort_keys(&mut keyed);
    // Position `k` takes the item now at `keyed[k].2`. Items are swapped into place along
    // each cycle of that permutation, so no second list of items is ever held.
    let mut placed = vec![false; keyed.len()];
    for start in 0..keyed.len() {
        let mut k = start;
        while !placed[k] {
            placed[k] = true;
            let from = keyed[k].2;
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

/// Keep the first of the items that share a key, like `retain` with a `HashSet` of the keys
/// seen, but through the one sort (of the keys' hashes) instead of a hash table.
pub(crate) fn dedup_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> &str) {
    let mut keyed: Vec<Keyed> = items.iter().enumerate().map(|(i, item)| (fnv1a(key(item)), 0, i)).collect();
    sort_keys(&mut keyed);
    let mut keep = vec![true; items.len()];
    for (n, &(hash, _, j)) in keyed.iter().enumerate() {
        // Equal keys have equal hashes, so the items before `j` with its key are in its run,
        // in their original order; the nearest is checked first.
        let earlier = keyed[..n].iter().rev().take_while(|(h, ..)| *h == hash);
        if earlier.into_iter().any(|&(_, _, i)| key(&items[i]) == key(&items[j])) {
            keep[j] = false;
        }
    }
    let mut keep = keep.into_iter();
    items.retain(|_| keep.next().unwrap_or(true));
}

/// 64-bit FNV-1a.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The one sort. The original position makes every key distinct, so the unstable sort
/// (the smaller routine) gives the stable order.
#[inline(never)]
fn sort_keys(keys: &mut [Keyed]) {
    keys.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_both_keys() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |&(k, _)| (k / 2, k));
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        // Longer cycles, and items already in place.
        let mut v: Vec<u64> = vec![5, 0, 3, 9, 1, 4, 8, 2, 7, 6, 3];
        sort_by_key(&mut v, |&x| (x, 0));
        assert_eq!(v, vec![0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9]);
        let mut v: Vec<u64> = (0..50).map(|i| (i * 37) % 50).collect();
        sort_by_key(&mut v, |&x| (u64::MAX - x, 0));
        assert_eq!(v, (0..50).rev().collect::<Vec<u64>>());
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |&x| (u64::from(x), 0));
        assert!(empty.is_empty());
    }

    #[test]
    fn dedup_keeps_the_first_of_each_key_in_order() {
        let mut v = vec![("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5), ("b", 6), ("", 7), ("", 8)];
        dedup_by_key(&mut v, |&(k, _)| k);
        assert_eq!(v, vec![("b", 1), ("a", 2), ("c", 4), ("", 7)]);
    }
}
