//! The allocator's settings (mimalloc; `docs/performance.md`, "Memory").

/// mimalloc's `mi_option_purge_delay` in its v3 numbering (`mimalloc.h`;
/// libmimalloc-sys names only the v2 options).
#[cfg(feature = "mimalloc")]
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Returns freed pages to the operating system after 1 ms instead of a
/// second, which keeps a national run's resident memory lower at no
/// measured cost. Call before any thread is started.
pub fn return_freed_memory_soon() {
    #[cfg(feature = "mimalloc")]
    // SAFETY: sets an option value; called before any thread is started.
    unsafe {
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 1)
    }
}

#[cfg(all(test, feature = "mimalloc"))]
mod tests {
    use super::*;

    #[test]
    fn the_option_set_is_the_purge_delay() {
        // Its default (1000 ms in options.c) tells it from its neighbours
        // (1 and 0), should the numbering change.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, 1000);
        return_freed_memory_soon();
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, 1);
    }
}
