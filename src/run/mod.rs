//! Run mechanics: how a batch is spread over threads and how its memory is
//! handled, kept apart from the domain code. `docs/performance.md` says why
//! each of these exists and what it saves.

pub mod memory;
pub mod progress;

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};

/// Per key, the earliest (file, sheet) position claimed so far, from any
/// thread. The files of a batch are checked in parallel and in no fixed
/// order; this tells a thread whether the sheet in its hands is, so far, the
/// first of its kind in input order.
pub struct Earliest<K> {
    slots: HashMap<K, AtomicU64>,
}

impl<K: Hash + Eq> Earliest<K> {
    pub fn new(keys: impl IntoIterator<Item = K>) -> Earliest<K> {
        Earliest {
            slots: keys
                .into_iter()
                .map(|k| (k, AtomicU64::new(u64::MAX)))
                .collect(),
        }
    }

    /// Claims position (`file`, `sheet`) for `key`: true when it comes before
    /// every position claimed for the key so far. Unknown keys are never
    /// first.
    pub fn claim(&self, key: &K, file: usize, sheet: usize) -> bool {
        // One number ordered as (file, sheet): a sheet index stays below 2^24.
        let pos = ((file as u64) << 24) | sheet as u64;
        self.slots
            .get(key)
            .is_some_and(|slot| slot.fetch_min(pos, Ordering::Relaxed) > pos)
    }
}

/// An id for this run, different for every run on a machine: the time in
/// nanoseconds and the process id, in hexadecimal.
pub fn id() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{nanos:x}-{:x}", std::process::id())
}

/// Leaves a finished run's data to the operating system: the process ends
/// next, and freeing a national run's records one by one takes longer than
/// the exit does.
pub fn leave<T>(run: T) {
    std::mem::forget(run);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_earliest_claim_wins_in_any_order() {
        let e = Earliest::new(["a", "b"]);
        assert!(e.claim(&"a", 3, 0));
        assert!(e.claim(&"a", 1, 5));
        assert!(!e.claim(&"a", 2, 0), "after (1, 5)");
        assert!(e.claim(&"a", 1, 4));
        assert!(!e.claim(&"a", 1, 4), "the same position twice");
        assert!(e.claim(&"b", 9, 9), "keys are separate");
        assert!(!e.claim(&"c", 0, 0), "an unknown key");
    }
}
