//! Feature keys: a 64-bit FNV-1a over a template id and its parts, finished
//! with a mixer so the low bits index tables well. Fixed constants keep the
//! keys (and so the model bytes) the same on every run and machine.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// A feature key under construction.
#[derive(Clone, Copy)]
pub(crate) struct Key(u64);

impl Key {
    pub fn new(template: u8) -> Key {
        Key(OFFSET).byte(template)
    }

    pub fn byte(self, b: u8) -> Key {
        Key((self.0 ^ u64::from(b)).wrapping_mul(PRIME))
    }

    pub fn bytes(self, bytes: &[u8]) -> Key {
        // The separator keeps `ab|c` and `a|bc` apart.
        bytes.iter().fold(self, |k, &b| k.byte(b)).byte(0xff)
    }

    pub fn str(self, s: &str) -> Key {
        self.bytes(s.as_bytes())
    }

    pub fn num(self, n: u64) -> Key {
        self.bytes(&n.to_le_bytes())
    }

    /// The final key; never 0, which marks empty table slots.
    pub fn finish(self) -> u64 {
        mix(self.0) | 1
    }
}

/// splitmix64's finaliser.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A hasher for keys that are already mixed: passes them through.
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(PRIME);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// An open-addressing map from feature keys to row indices, built once.
/// Each slot holds its key and row together, so a lookup touches one cache
/// line, not one in a key array and another in a row array.
#[derive(Debug, Clone)]
pub(crate) struct KeyTable {
    slots: Vec<Slot>,
    mask: usize,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    row: u32,
}

impl KeyTable {
    /// Keys in row order: `keys[i]` maps to row `i`.
    pub fn new(keys: &[u64]) -> KeyTable {
        let size = (keys.len() * 2).next_power_of_two().max(16);
        let mut table = KeyTable { slots: vec![Slot::default(); size], mask: size - 1 };
        for (row, &key) in keys.iter().enumerate() {
            let mut i = key as usize & table.mask;
            while table.slots[i].key != 0 {
                i = (i + 1) & table.mask;
            }
            table.slots[i] = Slot { key, row: row as u32 };
        }
        table
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<usize> {
        let mut i = key as usize & self.mask;
        loop {
            let slot = self.slots[i];
            if slot.key == key {
                return Some(slot.row as usize);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_by_part_boundaries_and_table_finds_them() {
        let a = Key::new(1).str("ab").str("c").finish();
        let b = Key::new(1).str("a").str("bc").finish();
        assert_ne!(a, b);
        let table = KeyTable::new(&[a, b]);
        assert_eq!(table.get(a), Some(0));
        assert_eq!(table.get(b), Some(1));
        assert_eq!(table.get(Key::new(2).finish()), None);
    }
}
