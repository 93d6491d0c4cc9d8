//! Safe writes for the files quoth owns or shares with the user: the config
//! (bookmarks) and the reading state. No terminal code here.
//!
//! Every write goes through [`atomic_write`]: a temporary file in the same
//! directory, fsync, rename over the target, fsync of the directory. A reader
//! therefore sees either the old file or the new one, never half of one.
//! Writers that merge (read, change, write) hold a [`FileLock`] around the
//! whole read-modify-write so two quoth processes never lose each other's
//! changes.

pub mod state;

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a writer waits for another one to finish.
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(5);

/// Environment variable that overrides the data directory (tests use it so
/// they never touch the real home).
pub const DATA_DIR_ENV: &str = "QUOTH_DATA_DIR";

/// The directory for quoth's own data (the reading state): `$QUOTH_DATA_DIR`
/// if set and non-empty, else the platform data dir (`~/.local/share/quoth`
/// on Linux). `None` when no home directory can be found.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "quoth").map(|p| p.data_dir().to_path_buf())
}

/// The file a write to `path` must replace. A symlinked config (dotfile
/// managers do this) is written through, so the link survives.
pub fn write_target(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// Writes `contents` to `path` atomically, keeping the permissions of the
/// file it replaces. Creates the parent directory if needed.
pub fn atomic_write(path: &Path, contents: &[u8]) -> io::Result<()> {
    atomic_write_with(path, contents, &mut |_| Ok(()))
}

/// [`atomic_write`] with a hook called after the temporary file is written
/// and synced, just before the rename. An error from the hook aborts the
/// write: the temporary file is removed and the old file is left as it was.
/// Tests use it to simulate a crash or a full disk at the worst moment.
pub fn atomic_write_with(
    path: &Path,
    contents: &[u8],
    before_rename: &mut dyn FnMut(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let target = write_target(path);
    // A file the user made read-only is not replaced behind their back
    // (a rename would do it: it needs only the folder to be writable).
    if fs::metadata(&target).is_ok_and(|m| m.permissions().readonly()) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only: quoth does not replace it (make it writable to save changes)",
        ));
    }
    let dir = parent_dir(&target);
    fs::create_dir_all(dir)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Hidden, and named after the target, so a leftover is recognisable.
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.as_file_mut().write_all(contents)?;
    if let Ok(meta) = fs::metadata(&target) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    before_rename(tmp.path())?;
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Makes the rename itself durable.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// An exclusive advisory lock guarding read-modify-write cycles on one file.
///
/// The lock is taken on a sibling `<name>.lock` file, not on the file itself,
/// because [`atomic_write`] replaces the file (a new inode) and a lock on the
/// old one would protect nothing. The lock file is left in place: deleting it
/// would race with a process about to lock it. Released on drop.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
}

impl FileLock {
    /// Waits (up to [`LOCK_TIMEOUT`]) until the lock for `path` is ours.
    /// Creates the directory if needed (the first bookmark creates the
    /// config directory). A timeout is an error rather than a frozen reader
    /// when another process hangs while holding the lock.
    pub fn acquire(path: &Path) -> io::Result<FileLock> {
        let target = write_target(path);
        fs::create_dir_all(parent_dir(&target))?;
        let lock = lock_path(&target);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(FileLock { _file: file }),
                Err(TryLockError::WouldBlock) if start.elapsed() < LOCK_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        format!(
                            "{} is held by another process (another quoth?)",
                            lock.display()
                        ),
                    ));
                }
                Err(TryLockError::Error(e)) => return Err(e),
            }
        }
    }
}

/// `dir/name` → `dir/name.lock`.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_rename_leaves_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        fs::write(&path, "old = 1\n").unwrap();
        let err = atomic_write_with(&path, b"new = 2\n", &mut |tmp| {
            assert!(tmp.exists());
            Err(io::Error::other("disk pulled out"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk pulled out");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old = 1\n");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "temporary file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_symlinks() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        fs::write(&real, "a = 1\n").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("config.toml");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        atomic_write(&link, b"a = 2\n").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "a = 2\n");
        let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn lock_is_exclusive_across_handles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.toml");
        let held = FileLock::acquire(&path).unwrap();
        // A second open file description must wait, then give up.
        let lock = lock_path(&path);
        let other = OpenOptions::new().write(true).open(&lock).unwrap();
        assert!(matches!(other.try_lock(), Err(TryLockError::WouldBlock)));
        drop(held);
        assert!(other.try_lock().is_ok());
    }

    #[test]
    fn creates_missing_directory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quoth/config.toml");
        let _lock = FileLock::acquire(&path).unwrap();
        atomic_write(&path, b"x = 1\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "x = 1\n");
        assert!(lock_path(&path).exists());
    }
}
