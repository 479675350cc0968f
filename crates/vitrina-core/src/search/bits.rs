//! Sets of members: fixed-size bitsets (`[u64]`, one bit per member) and a set type that
//! stores small sets as sorted lists instead, never using more memory than a bitset would.

/// How many `u64` words a bitset over `n` members takes.
#[inline(always)]
pub(crate) fn words_for(n: usize) -> usize {
    n.div_ceil(64)
}

/// A bitset with every one of `n` members in it (the bits past `n` stay clear).
pub(crate) fn full(n: usize) -> Vec<u64> {
    let mut bits = vec![u64::MAX; words_for(n)];
    if !n.is_multiple_of(64) {
        if let Some(last) = bits.last_mut() {
            *last = (1u64 << (n % 64)) - 1;
        }
    }
    bits
}

#[inline(always)]
pub(crate) fn set(bits: &mut [u64], member: u32) {
    bits[(member >> 6) as usize] |= 1u64 << (member & 63);
}

#[inline(always)]
pub(crate) fn test(bits: &[u64], member: u32) -> bool {
    bits[(member >> 6) as usize] & (1u64 << (member & 63)) != 0
}

#[inline(always)]
pub(crate) fn count(bits: &[u64]) -> u32 {
    bits.iter().map(|w| w.count_ones()).sum()
}

/// `|a ∩ b|`; `nonzero`, when given, lists the only words of `b` that may be nonzero.
#[inline(always)]
pub(crate) fn and_count(a: &[u64], b: &[u64], nonzero: Option<&[u32]>) -> u32 {
    match nonzero {
        Some(words) => words.iter().map(|&w| (a[w as usize] & b[w as usize]).count_ones()).sum(),
        None => a.iter().zip(b).map(|(a, b)| (a & b).count_ones()).sum(),
    }
}

/// `dst &= src`.
#[inline(always)]
pub(crate) fn and_assign(dst: &mut [u64], src: &[u64]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d &= s;
    }
}

/// `dst |= src`.
#[inline(always)]
pub(crate) fn or_assign(dst: &mut [u64], src: &[u64]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d |= s;
    }
}

/// Calls `f` with every member in the bitset, in increasing order.
#[inline(always)]
pub(crate) fn for_each(bits: &[u64], mut f: impl FnMut(u32)) {
    for (at, &word) in bits.iter().enumerate() {
        let mut word = word;
        while word != 0 {
            let bit = word.trailing_zeros();
            f(((at as u32) << 6) | bit);
            word &= word - 1;
        }
    }
}

/// A set of members: a bitset when large, a sorted list when that is smaller.
#[derive(Clone, Debug)]
pub(crate) enum MemberSet {
    /// One bit per member.
    Dense(Box<[u64]>),
    /// Member indices in increasing order.
    Sparse(Box<[u32]>),
}

impl MemberSet {
    /// The set of `members` (increasing, distinct) out of `n`.
    pub(crate) fn from_sorted(members: &[u32], n: usize) -> MemberSet {
        debug_assert!(members.windows(2).all(|w| w[0] < w[1]));
        // A list costs 4 bytes a member, a bitset n / 8 bytes: the list wins below n / 32.
        if members.len() * 32 < n {
            MemberSet::Sparse(members.into())
        } else {
            let mut bits = vec![0u64; words_for(n)];
            for &m in members {
                set(&mut bits, m);
            }
            MemberSet::Dense(bits.into())
        }
    }

    /// How many members.
    #[cfg(test)]
    pub(crate) fn len(&self) -> u32 {
        match self {
            MemberSet::Dense(bits) => count(bits),
            MemberSet::Sparse(list) => list.len() as u32,
        }
    }

    pub(crate) fn contains(&self, member: u32) -> bool {
        match self {
            MemberSet::Dense(bits) => test(bits, member),
            MemberSet::Sparse(list) => list.binary_search(&member).is_ok(),
        }
    }

    /// `dst |= self`.
    pub(crate) fn or_into(&self, dst: &mut [u64]) {
        match self {
            MemberSet::Dense(bits) => or_assign(dst, bits),
            MemberSet::Sparse(list) => list.iter().for_each(|&m| set(dst, m)),
        }
    }

    /// `dst &= self`.
    pub(crate) fn and_into(&self, dst: &mut [u64]) {
        match self {
            MemberSet::Dense(bits) => and_assign(dst, bits),
            MemberSet::Sparse(list) => {
                let mut kept = vec![0u64; dst.len()];
                for &m in list.iter().filter(|&&m| test(dst, m)) {
                    set(&mut kept, m);
                }
                dst.copy_from_slice(&kept);
            }
        }
    }

    /// `|self ∩ bits|`; `nonzero`, when given, lists the only words of `bits` that may be nonzero.
    pub(crate) fn and_count(&self, bits: &[u64], nonzero: Option<&[u32]>) -> u32 {
        match self {
            MemberSet::Dense(mine) => and_count(mine, bits, nonzero),
            MemberSet::Sparse(list) => list.iter().filter(|&&m| test(bits, m)).count() as u32,
        }
    }

    /// Calls `f` with every member, in increasing order.
    pub(crate) fn for_each(&self, mut f: impl FnMut(u32)) {
        match self {
            MemberSet::Dense(bits) => for_each(bits, f),
            MemberSet::Sparse(list) => list.iter().for_each(|&m| f(m)),
        }
    }

    /// Heap bytes used.
    pub(crate) fn heap_bytes(&self) -> usize {
        match self {
            MemberSet::Dense(bits) => bits.len() * 8,
            MemberSet::Sparse(list) => list.len() * 4,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_sets_leave_the_tail_clear() {
        assert_eq!(count(&full(0)), 0);
        assert_eq!(count(&full(1)), 1);
        assert_eq!(count(&full(64)), 64);
        assert_eq!(count(&full(130)), 130);
    }

    #[test]
    fn sparse_and_dense_sets_agree() {
        let n = 1000;
        let members: Vec<u32> = (0..n as u32).filter(|m| m % 7 == 3).collect();
        let few: Vec<u32> = members.iter().copied().take(5).collect();
        for list in [&members, &few] {
            let set_ = MemberSet::from_sorted(list, n);
            let mut bits = vec![0u64; words_for(n)];
            set_.or_into(&mut bits);
            let mut seen = Vec::new();
            for_each(&bits, |m| seen.push(m));
            assert_eq!(&seen, list);
            assert_eq!(set_.len() as usize, list.len());
            let evens: Vec<u64> = (0..words_for(n)).map(|_| 0x5555_5555_5555_5555).collect();
            let expected = list.iter().filter(|m| *m % 2 == 0).count() as u32;
            assert_eq!(set_.and_count(&evens, None), expected);
            let all_words: Vec<u32> = (0..words_for(n) as u32).collect();
            assert_eq!(set_.and_count(&evens, Some(&all_words)), expected);
            let mut anded = evens.clone();
            set_.and_into(&mut anded);
            assert_eq!(count(&anded), expected);
            assert!(list.iter().all(|&m| set_.contains(m)));
            assert!(!set_.contains(1));
        }
        assert!(matches!(MemberSet::from_sorted(&few, n), MemberSet::Sparse(_)));
        assert!(matches!(MemberSet::from_sorted(&members, n), MemberSet::Dense(_)));
    }
}
