//! Stable sorting through one shared routine.
//!
//! Every `slice::sort_by` call site with its own element type or comparison carries its own
//! copy of the standard library's sort in the wasm, about 3.5 KB each (they were 6 % of the
//! app's wasm). These functions sort a list of positions with one non-generic routine and
//! then move the elements into place, so the app holds that code once. The search index's
//! hot sorts keep the standard unstable sort, which is faster, on three element types only
//! (`u32`, `u64` and `(Box<str>, u32)`): one copy each.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| compare(&items[a], &items[b]));
    apply_order(items, &mut order);
}

/// Sorts `items` stably by the key `key` gives, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably by their own order, like `slice::sort`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The one instance of the standard sort behind every function here.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`, in place, one cycle of
/// the permutation at a time; `order` is used up (every entry ends as its own position).
fn apply_order<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut hole = start;
        while order[hole] != hole {
            let next = order[hole];
            order[hole] = hole;
            if next == start {
                break;
            }
            items.swap(hole, next);
            hole = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            // Comparing by the first field only: equal keys must keep their order.
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let mut ours = items.clone();
            sort_by_key(&mut ours, |item| item.0);
            prop_assert_eq!(ours, expected);
        }

        #[test]
        fn reversed_comparisons_and_whole_values_agree_too(items in proptest::collection::vec(any::<i32>(), 0..200)) {
            let mut expected = items.clone();
            expected.sort_by(|a, b| b.cmp(a));
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| b.cmp(a));
            prop_assert_eq!(ours, expected);

            let mut expected = items.clone();
            expected.sort();
            let mut ours = items;
            sort(&mut ours);
            prop_assert_eq!(ours, expected);
        }
    }

    #[test]
    fn moves_owned_values_without_losing_any() {
        let mut names: Vec<String> = ["delta", "alfa", "charlie", "bravo", "alfa"].map(String::from).to_vec();
        sort(&mut names);
        assert_eq!(names, ["alfa", "alfa", "bravo", "charlie", "delta"]);
    }
}
