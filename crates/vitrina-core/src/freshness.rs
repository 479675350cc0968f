//! Telling two copies of the directory file apart, so a newer one can be offered
//! rather than swapped in silently.

/// A 64-bit FNV-1a hash of a file's bytes: equal files always agree, and an edited
/// file differs with overwhelming likelihood. Not for security: it only spares the
/// visitor a notice when the file did not change.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    crate::hash::fnv1a_64(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn matches_the_published_fnv_1a_vectors() {
        assert_eq!(fingerprint(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fingerprint(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fingerprint(b"foobar"), 0x8594_4171_f739_67e8);
    }

    proptest! {
        #[test]
        // Always true of FNV-1a: each step is a bijection of the running hash for a given byte.
        fn a_changed_byte_changes_the_fingerprint(bytes in proptest::collection::vec(any::<u8>(), 1..2000), at in any::<prop::sample::Index>(), delta in 1u8..=255) {
            let mut edited = bytes.clone();
            let i = at.index(edited.len());
            edited[i] = edited[i].wrapping_add(delta);
            prop_assert_ne!(fingerprint(&bytes), fingerprint(&edited));
        }

    }
}
