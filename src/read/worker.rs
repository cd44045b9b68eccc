//! The worker side of isolated reading: `hyoka` started by the supervisor
//! ([`crate::read::pool`]) with the hidden command `read-worker`. It reads
//! the files it is sent one at a time through the reader libraries and
//! replies with their grids, under limits its own process carries: a memory
//! limit the kernel enforces (an allocation beyond it fails and the worker
//! dies), and an alarm that ends it should its supervisor be gone.

use std::io::{self, BufReader, BufWriter};
use std::sync::Arc;
use std::time::Duration;

use crate::read::wire::{self, Reply, Request};

/// What one file may cost the worker reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The worker's memory (its data segment: the heap and every private
    /// mapping), in bytes.
    pub memory_bytes: u64,
    /// How long one file may take before the supervisor stops the worker.
    pub deadline: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            memory_bytes: crate::read::limits::WORKER_MEMORY_BYTES,
            deadline: Duration::from_secs(crate::read::limits::FILE_SECONDS),
        }
    }
}

/// Longest request taken (a path and a name).
const MAX_REQUEST_BYTES: u64 = 1 << 20;

/// Serves requests on stdin until it closes; the exit code.
pub fn serve(limits: Limits) -> i32 {
    if let Err(e) = confine(limits) {
        eprintln!("hyoka read-worker: {e}");
        return 2;
    }
    let mut input = BufReader::new(io::stdin().lock());
    // A reply leaves in one write, so the supervisor wakes once for it, not
    // once per 8 KB (docs/performance.md).
    widen_stdout_pipe();
    let mut output = BufWriter::with_capacity(crate::read::wire::PIPE_BYTES, io::stdout().lock());
    if wire::send(&mut output, &wire::Hello::this_build()).is_err() {
        return 2;
    }
    loop {
        let request: Request = match wire::receive(&mut input, MAX_REQUEST_BYTES) {
            Ok(Some(r)) => r,
            Ok(None) => return 0,
            Err(_) => return 2,
        };
        let Some(path) = request.path() else {
            return 2;
        };
        // The supervisor stops a worker at `seconds`; the alarm is for a
        // worker whose supervisor was killed before it could.
        alarm(
            limits
                .deadline
                .as_secs()
                .saturating_mul(2)
                .saturating_add(5),
        );
        let shown: Arc<str> = request.shown.into();
        let reply = Reply::new(crate::read::read_raw(&path, &shown, request.encoding));
        alarm(0);
        if wire::send(&mut output, &reply).is_err() {
            return 2;
        }
    }
}

#[cfg(target_os = "linux")]
fn confine(_: Limits) -> io::Result<()> {
    // SAFETY: prctl with PR_SET_PDEATHSIG takes a signal number only. The
    // worker dies with its supervisor instead of reading on alone.
    unsafe {
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn confine(_: Limits) -> io::Result<()> {
    Ok(())
}

/// Lets the pipe to the supervisor hold a whole reply (Linux pipes hold
/// 64 KB unless asked; a refusal leaves that).
#[cfg(target_os = "linux")]
fn widen_stdout_pipe() {
    // SAFETY: F_SETPIPE_SZ on stdout changes only that pipe's capacity.
    unsafe {
        libc::fcntl(
            1,
            libc::F_SETPIPE_SZ,
            crate::read::wire::PIPE_BYTES as libc::c_int,
        );
    }
}

#[cfg(not(target_os = "linux"))]
fn widen_stdout_pipe() {}

/// Sets the memory limit of the process about to run the worker. It must
/// hold from the start: mimalloc reserves a gigabyte of address space when
/// it starts, and a limit set later leaves all that to be used. Called
/// between fork and exec, so it only makes a system call.
#[cfg(unix)]
pub fn limit_memory(bytes: u64) -> io::Result<()> {
    // RLIMIT_DATA counts what allocators take (brk and private writable
    // mappings) but not the executable and libraries, so the limit is the
    // memory a file makes the readers allocate.
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes the struct it is given and nothing else.
    if unsafe { libc::getrlimit(libc::RLIMIT_DATA, &mut lim) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // Never above a hard limit the user already set (raising it would fail).
    let bytes = (bytes as libc::rlim_t).min(lim.rlim_max);
    lim = libc::rlimit {
        rlim_cur: bytes,
        rlim_max: bytes,
    };
    // SAFETY: setrlimit reads the struct it is given and nothing else.
    if unsafe { libc::setrlimit(libc::RLIMIT_DATA, &lim) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // A worker that dies at the limit leaves no core dump of up to a
    // gigabyte behind (and spends no time writing one).
    let none = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: as above.
    unsafe {
        libc::setrlimit(libc::RLIMIT_CORE, &none);
    }
    Ok(())
}

#[cfg(unix)]
fn alarm(seconds: u64) {
    // SAFETY: alarm only sets the process's timer.
    unsafe {
        libc::alarm(seconds.min(u32::MAX as u64) as u32);
    }
}

#[cfg(not(unix))]
fn alarm(_: u64) {}
