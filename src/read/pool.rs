//! Reading files in supervised worker processes, so that no file can take
//! the batch down whatever the reader libraries do with it. Each reading
//! thread has its own `hyoka read-worker` process ([`crate::read::worker`]),
//! started when first needed, which reads one file at a time under a memory
//! limit; a watchdog gives each file a deadline. A worker that dies or
//! overruns turns that one file into a read failure (F001) and is replaced
//! by a fresh one for the next file.
//!
//! The thread keeps the next request queued in the worker's pipe, so the
//! worker reads file k+1 while the thread checks file k: isolation costs a
//! pipe round trip per file, not a wait (docs/performance.md).

use std::collections::VecDeque;
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, Weak};
use std::time::{Duration, Instant};

use crate::model::finding::Text;
use crate::model::sheet::ReadFailure;
use crate::read::RawFile;
use crate::read::csv::CsvEncoding;
use crate::read::wire::{self, Reply, Request};
use crate::read::worker::Limits;

/// How files are isolated: the program to start as a worker (hyoka's own
/// executable) and the limits per file.
#[derive(Clone, Debug)]
pub struct Isolation {
    pub exe: PathBuf,
    pub limits: Limits,
}

/// Requests a worker holds at once: the file it reads and the next.
const IN_FLIGHT: usize = 2;

/// The workers of one run.
pub struct Pool {
    isolation: Isolation,
    /// Set when a worker could not be started and a file was read in
    /// hyoka's own process instead.
    unisolated: AtomicBool,
}

impl Pool {
    pub fn new(isolation: Isolation) -> Pool {
        Pool {
            isolation,
            unisolated: AtomicBool::new(false),
        }
    }

    /// True when some file had to be read without a worker.
    pub fn fell_back(&self) -> bool {
        self.unisolated.load(Ordering::Relaxed)
    }

    /// Reads every file on `threads` threads, each with its worker, and
    /// hands each file read (its index, the name it is shown by, the result)
    /// to `each` on the thread that read it, in no fixed order.
    pub fn read_all(
        &self,
        files: &[PathBuf],
        encoding: Option<CsvEncoding>,
        threads: usize,
        each: impl Fn(usize, Arc<str>, Result<RawFile, ReadFailure>) + Sync,
    ) {
        let next = AtomicUsize::new(0);
        let watchdog = Watchdog::new(self.isolation.limits.deadline);
        std::thread::scope(|s| {
            let dog = s.spawn(|| watchdog.run());
            let readers: Vec<_> = (0..threads.max(1))
                .map(|_| {
                    s.spawn(|| {
                        let mut reader = Reader {
                            pool: self,
                            watchdog: &watchdog,
                            encoding,
                            worker: None,
                            cannot_start: false,
                            queue: VecDeque::new(),
                        };
                        reader.run(files, &next, &each);
                    })
                })
                .collect();
            // Every reader is joined before the watchdog stops, so the
            // files read after one reader's panic still have their deadline.
            let panics: Vec<_> = readers.into_iter().filter_map(|r| r.join().err()).collect();
            watchdog.stop();
            let _ = dog.join();
            if let Some(panic) = panics.into_iter().next() {
                std::panic::resume_unwind(panic);
            }
        });
    }
}

/// A file sent to the worker and not yet answered.
struct Pending {
    index: usize,
    shown: Arc<str>,
    request: Request,
}

/// One reading thread: its worker and what it has asked of it.
struct Reader<'a> {
    pool: &'a Pool,
    watchdog: &'a Watchdog,
    encoding: Option<CsvEncoding>,
    worker: Option<Worker>,
    cannot_start: bool,
    queue: VecDeque<Pending>,
}

impl Reader<'_> {
    fn run(
        &mut self,
        files: &[PathBuf],
        next: &AtomicUsize,
        each: &(impl Fn(usize, Arc<str>, Result<RawFile, ReadFailure>) + Sync),
    ) {
        loop {
            while self.queue.len() < IN_FLIGHT {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(index) else { break };
                let shown: Arc<str> = path.display().to_string().into();
                match Request::new(path, &shown, self.encoding) {
                    Some(request) => self.ask(Pending {
                        index,
                        shown,
                        request,
                    }),
                    None => each(index, shown.clone(), self.unisolated(path, &shown)),
                }
            }
            let Some(front) = self.queue.pop_front() else {
                if let Some(w) = self.worker.take() {
                    w.finish();
                }
                return;
            };
            let result = self.answer(&front);
            each(front.index, front.shown, result);
        }
    }

    /// Sends a request to the worker, starting one when there is none (the
    /// queue is then empty: [`Reader::replace`] drains it first).
    fn ask(&mut self, p: Pending) {
        if self.worker.is_none() && !self.cannot_start {
            self.worker = Worker::start(&self.pool.isolation, self.watchdog).ok();
            // Once a worker cannot be started, the rest is read here.
            self.cannot_start = self.worker.is_none();
        }
        if let Some(w) = &mut self.worker {
            // A worker that cannot take a request is dead: waiting for the
            // oldest answer finds that out and replaces it.
            w.send(&p.request);
        }
        self.queue.push_back(p);
    }

    /// The worker's reply to the oldest request, within the deadline.
    fn answer(&mut self, p: &Pending) -> Result<RawFile, ReadFailure> {
        let limits = self.pool.isolation.limits;
        let Some(worker) = &mut self.worker else {
            let path = p.request.path().unwrap_or_default();
            return self.unisolated(&path, &p.shown);
        };
        worker.arm(Instant::now() + limits.deadline);
        let reply = wire::receive::<Reply>(&mut worker.replies, limits.memory_bytes);
        worker.disarm();
        let overran = worker.watched.overran.load(Ordering::Relaxed);
        match reply {
            Ok(Some(reply)) => {
                if overran {
                    // Killed just after it replied: the reply stands, the
                    // worker is gone.
                    self.replace();
                }
                reply.into_raw(&p.shown)
            }
            _ => {
                let status = self.replace();
                Err(if overran {
                    overran_failure(limits)
                } else {
                    died(status, limits)
                })
            }
        }
    }

    /// Ends the worker and gives the requests it left to a new one; how the
    /// old one ended.
    fn replace(&mut self) -> Option<ExitStatus> {
        let status = self.worker.take().and_then(Worker::stop);
        let rest: Vec<Pending> = self.queue.drain(..).collect();
        for q in rest {
            self.ask(q);
        }
        status
    }

    /// Reads in this process, when no worker can be had.
    fn unisolated(&self, path: &Path, shown: &Arc<str>) -> Result<RawFile, ReadFailure> {
        self.pool.unisolated.store(true, Ordering::Relaxed);
        crate::read::read_raw(path, shown, self.encoding)
    }
}

/// What the watchdog sees of a worker.
struct Watched {
    child: Mutex<Child>,
    deadline: Mutex<Option<Instant>>,
    overran: AtomicBool,
}

struct Worker {
    watched: Arc<Watched>,
    requests: BufWriter<ChildStdin>,
    replies: ChildStdout,
}

impl Worker {
    fn start(isolation: &Isolation, watchdog: &Watchdog) -> io::Result<Worker> {
        let mut command = Command::new(&isolation.exe);
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            let bytes = isolation.limits.memory_bytes;
            // SAFETY: the hook only calls getrlimit and setrlimit, which are
            // safe between fork and exec.
            unsafe {
                command.pre_exec(move || crate::read::worker::limit_memory(bytes));
            }
        }
        let mut child = command
            .arg("read-worker")
            .arg("--memory-bytes")
            .arg(isolation.limits.memory_bytes.to_string())
            .arg("--deadline-ms")
            .arg(isolation.limits.deadline.as_millis().to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            // A reader's panic message or the allocator's last words are
            // not for the user's terminal: the file's F001 says what happened.
            .stderr(Stdio::null())
            .spawn()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(io::Error::other("no pipes to the worker"));
        };
        let watched = Arc::new(Watched {
            child: Mutex::new(child),
            deadline: Mutex::new(None),
            overran: AtomicBool::new(false),
        });
        watchdog.watch(&watched);
        let mut worker = Worker {
            watched,
            requests: BufWriter::new(stdin),
            // Unbuffered: a reply is read in two calls (its length, its
            // body) straight into its buffer.
            replies: stdout,
        };
        // A worker is started when it says hello, as this build: one that
        // dies at once, or another program at the path, is no worker, and
        // the files are not blamed for it.
        worker.arm(Instant::now() + isolation.limits.deadline);
        let hello = wire::receive::<wire::Hello>(&mut worker.replies, 1 << 10);
        worker.disarm();
        match hello {
            Ok(Some(h)) if h == wire::Hello::this_build() => Ok(worker),
            _ => {
                worker.stop();
                Err(io::Error::other("the worker did not start"))
            }
        }
    }

    /// Sends a request. A worker that cannot take it is dead, which the wait
    /// for its oldest answer finds out; so a failure is not reported here.
    fn send(&mut self, request: &Request) {
        let _ = wire::send(&mut self.requests, request);
    }

    fn arm(&self, at: Instant) {
        if let Ok(mut d) = self.watched.deadline.lock() {
            *d = Some(at);
        }
    }

    fn disarm(&self) {
        if let Ok(mut d) = self.watched.deadline.lock() {
            *d = None;
        }
    }

    /// Lets an idle worker end: closing its stdin ends its loop.
    fn finish(self) {
        drop(self.requests);
        if let Ok(mut child) = self.watched.child.lock() {
            let _ = child.wait();
        }
    }

    /// Ends the worker (it may be dead already) and says how it ended.
    fn stop(self) -> Option<ExitStatus> {
        drop(self.requests);
        let mut child = self.watched.child.lock().ok()?;
        let _ = child.kill();
        child.wait().ok()
    }
}

/// Kills workers whose file has passed its deadline. It looks at a fraction
/// of the deadline's interval (at most a second), so a file is stopped
/// within an eighth of the deadline after it.
struct Watchdog {
    workers: Mutex<Vec<Weak<Watched>>>,
    stopped: Mutex<bool>,
    wake: Condvar,
    every: Duration,
}

impl Watchdog {
    fn new(deadline: Duration) -> Watchdog {
        Watchdog {
            workers: Mutex::new(Vec::new()),
            stopped: Mutex::new(false),
            wake: Condvar::new(),
            every: (deadline / 8).clamp(Duration::from_millis(5), Duration::from_secs(1)),
        }
    }

    fn watch(&self, w: &Arc<Watched>) {
        if let Ok(mut v) = self.workers.lock() {
            v.retain(|w| w.strong_count() > 0);
            v.push(Arc::downgrade(w));
        }
    }

    fn stop(&self) {
        if let Ok(mut s) = self.stopped.lock() {
            *s = true;
        }
        self.wake.notify_all();
    }

    fn run(&self) {
        let Ok(mut stopped) = self.stopped.lock() else {
            return;
        };
        let mut last = Instant::now();
        while !*stopped {
            stopped = match self.wake.wait_timeout(stopped, self.every) {
                Ok((g, _)) => g,
                Err(_) => return,
            };
            let now = Instant::now();
            // A run stopped and resumed (Ctrl-Z, a suspended machine) was
            // not reading: the pause does not count against any file.
            let paused = now.duration_since(last).saturating_sub(self.every);
            last = now;
            let Ok(workers) = self.workers.lock() else {
                return;
            };
            for w in workers.iter().filter_map(Weak::upgrade) {
                // The deadline stays locked until the kill is done, so a
                // worker disarmed for its reply is never killed for it.
                let Ok(mut deadline) = w.deadline.lock() else {
                    continue;
                };
                let Some(d) = deadline.as_mut() else { continue };
                if paused > self.every * 4 {
                    *d += paused;
                }
                if now >= *d {
                    w.overran.store(true, Ordering::Relaxed);
                    if let Ok(mut c) = w.child.lock() {
                        let _ = c.kill();
                    }
                }
            }
        }
    }
}

/// `60`, `0.5`.
fn seconds(limits: Limits) -> String {
    let s = limits.deadline.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0}")
    } else {
        format!("{s}")
    }
}

/// How a worker ended: its exit code or the signal that ended it.
fn ended(status: ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("シグナル {sig}");
        }
    }
    status
        .code()
        .map_or_else(String::new, |c| format!("終了コード {c}"))
}

/// The F001 of a file whose worker died reading it.
fn died(status: Option<ExitStatus>, limits: Limits) -> ReadFailure {
    let how = status
        .map(ended)
        .filter(|s| !s.is_empty())
        .map_or_else(String::new, |s| format!("（{s}）"));
    ReadFailure {
        reason: Text::new(
            format!(
                "読み込み中に処理が異常終了しました{how}。ファイルの内部構造が壊れているか、読み込みに必要なメモリが上限（{} MB）を超えています。Excelで開けるか確認し、保存し直したものを提出してもらってください。",
                limits.memory_bytes / (1024 * 1024)
            ),
            format!(
                "Reading the file stopped abnormally{how}: its structure is broken or reading it needs more than the {} MB limit. Ask for a re-saved copy.",
                limits.memory_bytes / (1024 * 1024)
            ),
        ),
    }
}

/// The F001 of a file that took longer than the deadline.
fn overran_failure(limits: Limits) -> ReadFailure {
    ReadFailure {
        reason: Text::new(
            format!(
                "読み込みが {} 秒を超えても終わらないため中断しました。ファイルの内部構造が壊れているか、評価シートとしては大きすぎます。保存し直したものを提出してもらってください。",
                seconds(limits)
            ),
            format!(
                "Reading the file took longer than {} seconds and was stopped. Ask for a re-saved copy.",
                seconds(limits)
            ),
        ),
    }
}
