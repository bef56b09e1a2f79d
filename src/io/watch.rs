//! Watches a file's modification time from a background thread, so the app can offer to
//! reload a design that changed on disk. Our own saves are acknowledged and not reported.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// How often the file is looked at.
const POLL: Duration = Duration::from_millis(700);

/// What the thread and the app share: the modification time last seen or acknowledged,
/// and whether an unacknowledged change was seen.
#[derive(Debug, Default)]
struct Seen {
    mtime: Option<SystemTime>,
    changed: bool,
}

/// A running watch; dropping it stops the thread.
#[derive(Debug)]
pub struct FileWatch {
    path: PathBuf,
    seen: Arc<Mutex<Seen>>,
    stop: Arc<AtomicBool>,
}

impl Drop for FileWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl FileWatch {
    /// Starts watching `path`; `wake` is called (from the thread) when it changes. `None`
    /// when no thread can be started.
    pub fn start(path: &Path, wake: Box<dyn Fn() + Send>) -> Option<Self> {
        let seen = Arc::new(Mutex::new(Seen {
            mtime: mtime(path),
            changed: false,
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let (s, t, p) = (seen.clone(), stop.clone(), path.to_path_buf());
        let spawned = std::thread::Builder::new()
            .name("file-watch".into())
            .spawn(move || {
                while !t.load(Ordering::Relaxed) {
                    std::thread::sleep(POLL);
                    let now = mtime(&p);
                    let Ok(mut seen) = s.lock() else { return };
                    if now != seen.mtime {
                        seen.mtime = now;
                        seen.changed = true;
                        drop(seen);
                        wake();
                    }
                }
            });
        spawned.ok().map(|_| Self {
            path: path.to_path_buf(),
            seen,
            stop,
        })
    }

    /// The watched file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file was just written by us: its new time is known, and a change the thread
    /// may have seen in the meantime is ours.
    pub fn acknowledge(&self) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.mtime = mtime(&self.path);
            seen.changed = false;
        }
    }

    /// True once per change made by someone else since the last call.
    pub fn take_change(&self) -> bool {
        self.seen
            .lock()
            .is_ok_and(|mut s| std::mem::take(&mut s.changed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_own_write_is_not_a_change_but_another_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("d.ron");
        std::fs::write(&path, "a").expect("write");
        let w = FileWatch::start(&path, Box::new(|| {})).expect("thread");
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&path, "bb").expect("write");
        w.acknowledge();
        std::thread::sleep(POLL * 2);
        assert!(!w.take_change(), "our write was reported");
        // Someone else writes, with a time that surely differs.
        let later = SystemTime::now() + Duration::from_secs(5);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(later))
            .expect("set time");
        std::thread::sleep(POLL * 2);
        assert!(w.take_change());
    }
}
