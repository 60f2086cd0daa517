//! One sort routine for the whole crate.
//!
//! Every `sort`/`sort_by_key` on a new element type compiles the standard library's sort
//! afresh (a few KB of WebAssembly each). Here items are ordered through one sort of integer
//! keys, compiled once; only the small reordering step is per item type.

/// A sort key: two integers compared in order, then the item's original position.
type Keyed = (u64, u64, usize);

/// Sort `items` by `key`, ascending and stable (equal keys keep their order), like
/// `slice::sort_by_key` with a `(u64, u64)` key.
pub(crate) fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> (u64, u64)) {
    let mut keyed: Vec<Keyed> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (a, b) = key(item);
            (a, b, i)
        })
        .collect();
    sort_keys(&mut keyed);
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(keyed.iter().filter_map(|&(_, _, i)| slots[i].take()));
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
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |&x| (u64::from(x), 0));
        assert!(empty.is_empty());
    }
}
