//! [`IdIndex`]: a map from an id to a value that costs no allocation for the few entries a
//! typical case holds, and stays a hash map's constant time for the many a long or hostile
//! history holds.

use std::collections::HashMap;
use std::hash::Hash;

/// Entries kept in a vector before the index moves to a hash map. A scan of this many 32-bit
/// tags (a string compared only where a tag agrees) costs less than hashing one id with a keyed
/// hash.
const SMALL: usize = 32;

/// An id → value map: a vector scanned while small, a hash map once it holds more than
/// [`SMALL`] entries. Lookups are O(1) either way (bounded scan, or hash).
///
/// The small form keeps a cheap 32-bit tag of each key and compares strings only where the tags
/// agree. The large form is std's `HashMap`, whose keyed hash keeps a hostile history of
/// colliding ids from turning lookups quadratic.
#[derive(Debug, Clone)]
pub(crate) enum IdIndex<K, V> {
    Small(Vec<(u32, K, V)>),
    Large(HashMap<K, V>),
}

/// A fast, unkeyed hash of a key for the small form's tags (the multiply-rotate of rustc's
/// FxHasher): never used for a map a hostile input could fill.
#[derive(Default)]
struct Tag(u64);

impl Tag {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    #[inline]
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl core::hash::Hasher for Tag {
    /// Eight bytes at a time, the last few bytes gathered one by one: no call to `memcpy` for the
    /// short tail (an id's hash is a handful of words).
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word: [u8; 8] = chunk.try_into().unwrap_or([0; 8]);
            self.mix(u64::from_le_bytes(word));
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            let word = tail
                .iter()
                .rev()
                .fold(0u64, |w, &b| (w << 8) | u64::from(b));
            self.mix(word);
        }
    }

    /// The terminator `str`'s `Hash` writes after the bytes: one word.
    #[inline]
    fn write_u8(&mut self, byte: u8) {
        self.mix(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[inline]
fn tag<K: Hash>(key: &K) -> u32 {
    use core::hash::Hasher as _;
    let mut h = Tag::default();
    key.hash(&mut h);
    (h.finish() >> 32) as u32
}

impl<K: Eq + Hash + Clone, V> Default for IdIndex<K, V> {
    fn default() -> Self {
        IdIndex::Small(Vec::new())
    }
}

impl<K: Eq + Hash + Clone, V> IdIndex<K, V> {
    /// An empty index with room for `n` entries.
    pub(crate) fn with_capacity(n: usize) -> Self {
        if n <= SMALL {
            IdIndex::Small(Vec::with_capacity(n))
        } else {
            IdIndex::Large(HashMap::with_capacity(n))
        }
    }

    /// Room for `n` more entries: an index that will hold more than [`SMALL`] moves to the
    /// hash map now rather than on the insert that overflows the vector.
    pub(crate) fn reserve(&mut self, n: usize) {
        match self {
            IdIndex::Small(v) if v.len() + n <= SMALL => v.reserve_exact(n),
            IdIndex::Small(v) => {
                let mut m: HashMap<K, V> = HashMap::with_capacity(v.len() + n);
                m.extend(v.drain(..).map(|(_, k, v)| (k, v)));
                *self = IdIndex::Large(m);
            }
            IdIndex::Large(m) => m.reserve(n),
        }
    }

    fn position(v: &[(u32, K, V)], key: &K) -> Option<usize> {
        Self::position_tagged(v, key, tag(key))
    }

    #[inline]
    fn position_tagged(v: &[(u32, K, V)], key: &K, t: u32) -> Option<usize> {
        v.iter().position(|(tk, k, _)| *tk == t && k == key)
    }

    pub(crate) fn get(&self, key: &K) -> Option<&V> {
        match self {
            IdIndex::Small(v) => Self::position(v, key).map(|i| &v[i].2),
            IdIndex::Large(m) => m.get(key),
        }
    }

    pub(crate) fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        match self {
            IdIndex::Small(v) => Self::position(v, key).map(|i| &mut v[i].2),
            IdIndex::Large(m) => m.get_mut(key),
        }
    }

    /// Inserts or replaces; returns the value replaced.
    pub(crate) fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self {
            IdIndex::Small(v) => {
                // The key's tag, computed once for the search and the entry.
                let t = tag(&key);
                if let Some(i) = Self::position_tagged(v, &key, t) {
                    return Some(core::mem::replace(&mut v[i].2, value));
                }
                if v.len() < SMALL {
                    if v.capacity() == 0 {
                        v.reserve_exact(2);
                    }
                    v.push((t, key, value));
                    return None;
                }
                let mut m: HashMap<K, V> = HashMap::with_capacity(4 * SMALL);
                m.extend(v.drain(..).map(|(_, k, v)| (k, v)));
                m.insert(key, value);
                *self = IdIndex::Large(m);
                None
            }
            IdIndex::Large(m) => m.insert(key, value),
        }
    }

    pub(crate) fn remove(&mut self, key: &K) -> Option<V> {
        match self {
            IdIndex::Small(v) => {
                let i = Self::position(v, key)?;
                Some(v.swap_remove(i).2)
            }
            IdIndex::Large(m) => m.remove(key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_large_answer_alike() {
        let mut index = IdIndex::default();
        for i in 0..100u32 {
            assert_eq!(index.insert(i.to_string(), i), None);
            assert_eq!(index.insert(i.to_string(), i + 1), Some(i));
            assert_eq!(index.get(&i.to_string()), Some(&(i + 1)));
        }
        assert!(matches!(index, IdIndex::Large(_)));
        assert_eq!(index.remove(&"7".to_owned()), Some(8));
        assert_eq!(index.get(&"7".to_owned()), None);
        *index.get_mut(&"8".to_owned()).unwrap() = 0;
        assert_eq!(index.get(&"8".to_owned()), Some(&0));
    }
}
