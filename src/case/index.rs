//! [`IdIndex`]: a map from an id to a value that costs no allocation for the few entries a
//! typical case holds, and stays a hash map's constant time for the many a long or hostile
//! history holds.

use std::collections::HashMap;
use std::hash::Hash;

/// Entries kept in a vector before the index moves to a hash map. A scan of this many ids
/// (each compared by pointer first: ids are shared strings) is faster than hashing one.
const SMALL: usize = 12;

/// An id → value map: a vector scanned while small, a hash map once it holds more than
/// [`SMALL`] entries. Lookups are O(1) either way (bounded scan, or hash).
#[derive(Debug, Clone)]
pub(crate) enum IdIndex<K, V> {
    Small(Vec<(K, V)>),
    Large(HashMap<K, V>),
}

impl<K: Eq + Hash + Clone, V> Default for IdIndex<K, V> {
    fn default() -> Self {
        IdIndex::Small(Vec::new())
    }
}

impl<K: Eq + Hash + Clone, V> IdIndex<K, V> {
    pub(crate) fn get(&self, key: &K) -> Option<&V> {
        match self {
            IdIndex::Small(v) => v.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            IdIndex::Large(m) => m.get(key),
        }
    }

    pub(crate) fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        match self {
            IdIndex::Small(v) => v.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            IdIndex::Large(m) => m.get_mut(key),
        }
    }

    /// The key as stored, if present: lets a case share one allocation per id.
    pub(crate) fn key(&self, key: &K) -> Option<&K> {
        match self {
            IdIndex::Small(v) => v.iter().find(|(k, _)| k == key).map(|(k, _)| k),
            IdIndex::Large(m) => m.get_key_value(key).map(|(k, _)| k),
        }
    }

    /// Inserts or replaces; returns the value replaced.
    pub(crate) fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self {
            IdIndex::Small(v) => {
                if let Some(slot) = v.iter_mut().find(|(k, _)| *k == key) {
                    return Some(core::mem::replace(&mut slot.1, value));
                }
                if v.len() < SMALL {
                    v.push((key, value));
                    return None;
                }
                let mut m: HashMap<K, V> = v.drain(..).collect();
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
                let i = v.iter().position(|(k, _)| k == key)?;
                Some(v.swap_remove(i).1)
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
