//! `hyoka read-worker` (hidden): the process `check` and `consolidate` read
//! each file in (`read::pool`). Not for people: it speaks frames on stdin
//! and stdout (`read::wire`).

use clap::Parser;

#[derive(Parser, Debug)]
pub struct Args {
    /// Memory limit of this process, in bytes.
    #[arg(long)]
    pub memory_bytes: u64,
    /// Deadline per file, in milliseconds (the alarm is set beyond it).
    #[arg(long)]
    pub deadline_ms: u64,
}

pub fn run(args: &Args) -> i32 {
    crate::read::worker::serve(crate::read::worker::Limits {
        memory_bytes: args.memory_bytes,
        deadline: std::time::Duration::from_millis(args.deadline_ms),
    })
}
