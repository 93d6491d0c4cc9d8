//! The one way quoth reads files it did not write: a capped read that never
//! blocks on a FIFO or a device, and a folder walk that visits each real
//! file once. The library loader, `quoth analyze`, the config, the reading
//! state, the index and the feed store all read through here.
//!
//! - [`read_capped`]: opens without blocking (a FIFO with no writer would
//!   block `open` for ever), checks what it opened is a regular file (a name
//!   can be replaced by a FIFO between the scan and the read), and reads at
//!   most `limit` bytes, whatever the file claims its size is (`/proc` files
//!   say 0; a file can grow while read).
//! - [`read_capped_from`]: the same cap for a stream (standard input).
//! - [`walk`]: a folder, recursively, in a fixed order. Hidden entries are
//!   skipped; symbolic links are followed, but each real folder is entered
//!   once and each real file listed once, so a link loop ends and a file
//!   linked twice is read once. A folder or entry that cannot be read is a
//!   problem, and the walk goes on with the rest.

use std::collections::HashSet;
use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

/// Opens `path` for reading without blocking, and refuses what is not a
/// regular file (checked on the opened file, so it cannot change between
/// the check and the read). Returns the file and its size.
pub fn open_regular(path: &Path) -> anyhow::Result<(File, u64)> {
    let file = open_nonblocking(path).map_err(explain_open)?;
    let meta = file.metadata().context("cannot read")?;
    if !meta.is_file() {
        bail!("{}", not_a_file(&meta));
    }
    clear_nonblocking(&file);
    Ok((file, meta.len()))
}

/// Reads at most `limit` bytes of the regular file at `path`; a larger one
/// is refused with [`too_large`]. See [`open_regular`].
pub fn read_capped(path: &Path, limit: u64) -> anyhow::Result<Vec<u8>> {
    let (file, len) = open_regular(path)?;
    if len > limit {
        bail!("{}", too_large(len, limit));
    }
    read_capped_into(file, limit, sized_for(len))
}

/// A buffer for a file of `len` bytes (at most a reading limit): that
/// size and one byte more, so that its end is seen without growing the
/// buffer (growing from nothing, a 1 KB article took 7 reads).
fn sized_for(len: u64) -> Vec<u8> {
    Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1))
}

/// [`read_capped`] with `std::io` errors, for callers that tell a missing
/// file from a broken one (the config, the reading state): a missing file
/// keeps its `NotFound`; what is not a regular file or is too large is an
/// `InvalidInput` error saying so.
pub fn read_capped_io(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let file = open_nonblocking(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            not_a_file(&meta),
        ));
    }
    clear_nonblocking(&file);
    if meta.len() > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            too_large(meta.len(), limit),
        ));
    }
    let mut bytes = sized_for(meta.len());
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            too_large_open(limit),
        ));
    }
    Ok(bytes)
}

/// Reads a stream to its end, refusing it (without reading further) once
/// it passes `limit` bytes.
pub fn read_capped_from(reader: impl Read, limit: u64) -> anyhow::Result<Vec<u8>> {
    read_capped_into(reader, limit, Vec::new())
}

/// `read_capped_from`, appending to `bytes`.
fn read_capped_into(reader: impl Read, limit: u64, mut bytes: Vec<u8>) -> anyhow::Result<Vec<u8>> {
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .context("cannot read")?;
    if bytes.len() as u64 > limit {
        bail!("{} (stopped reading there)", too_large_open(limit));
    }
    Ok(bytes)
}

/// The reason given for a file over `limit` bytes.
pub fn too_large(len: u64, limit: u64) -> String {
    format!(
        "file too large: {} (limit {})",
        megabytes(len),
        megabytes(limit)
    )
}

fn too_large_open(limit: u64) -> String {
    format!("too large: more than {}", megabytes(limit))
}

fn megabytes(n: u64) -> String {
    const MB: u64 = 1024 * 1024;
    match n {
        0..1024 => format!("{n} bytes"),
        1024..MB => format!("{:.1} KB", n as f64 / 1024.0),
        _ if n.is_multiple_of(MB) => format!("{} MB", n / MB),
        _ => format!("{:.1} MB", n as f64 / MB as f64),
    }
}

/// What a name that is not a regular file is, for messages.
pub fn not_a_file(meta: &Metadata) -> String {
    let ft = meta.file_type();
    if ft.is_dir() {
        return "is a folder, not a file".into();
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "is a FIFO (named pipe), not a file".into();
        }
        if ft.is_socket() {
            return "is a socket, not a file".into();
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "is a device, not a file".into();
        }
    }
    "is not a regular file".into()
}

/// "No such file or directory (os error 2)" and the like, without the
/// error number, which tells the user nothing.
fn explain_open(e: io::Error) -> anyhow::Error {
    let text = match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => plain_io(&e),
    };
    anyhow::Error::msg(format!("cannot open: {text}"))
}

/// An I/O error's text without its " (os error N)" suffix.
pub fn plain_io(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// Regular files ignore O_NONBLOCK on Linux, but not everywhere: back to
/// ordinary reads once the file is known to be one.
#[cfg(unix)]
fn clear_nonblocking(file: &File) {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor we own, with flags it returned.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags >= 0 {
            libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
        }
    }
}

#[cfg(not(unix))]
fn clear_nonblocking(_file: &File) {}

/// What [`walk`] found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Walked {
    /// Accepted regular files, sorted by path, each real file once.
    pub files: Vec<PathBuf>,
    /// Visible regular files `accept` turned down, sorted.
    pub skipped: Vec<PathBuf>,
    /// Folders or entries that could not be read, or names with an accepted
    /// extension that are not regular files (a FIFO…): path and reason.
    pub problems: Vec<(PathBuf, String)>,
}

/// Identity of a file on disk, to visit it once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct FileId(u64, u64);

#[cfg(unix)]
fn file_id(_path: &Path, meta: &Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some(FileId(meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(path: &Path, _meta: &Metadata) -> Option<FileId> {
    use std::hash::{Hash, Hasher};
    let real = std::fs::canonicalize(path).ok()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    real.hash(&mut h);
    Some(FileId(0, h.finish()))
}

/// Walks `root` (see the module docs). `accept` says which files are
/// wanted (by name: quoth's article extensions, or everything).
pub fn walk(root: &Path, accept: &dyn Fn(&Path) -> bool) -> Walked {
    walk_inner(root, accept, None)
}

/// [`walk`], handing each accepted file to `on_file` as it is found (in
/// the same order, each real file once under the same name), so reading
/// can start before the walk ends: the library index's first build. The
/// file's metadata (links followed) comes with it: the walk has it, and
/// the index's reconcile needs the size and time (one stat per file, not
/// two). The `files` of the result stay empty.
pub fn walk_each(
    root: &Path,
    accept: &dyn Fn(&Path) -> bool,
    on_file: &mut dyn FnMut(PathBuf, &Metadata),
) -> Walked {
    walk_inner(root, accept, Some(on_file))
}

/// What [`walk_each`] hands each file to.
type OnFile<'a> = dyn FnMut(PathBuf, &Metadata) + 'a;

fn walk_inner<'a>(
    root: &Path,
    accept: &'a dyn Fn(&Path) -> bool,
    sink: Option<&'a mut OnFile<'a>>,
) -> Walked {
    let mut w = Walker {
        accept,
        dirs: HashSet::new(),
        found: Vec::new(),
        out: Walked::default(),
        sink,
        streamed: HashSet::new(),
    };
    match std::fs::metadata(root) {
        Ok(meta) => {
            if let Some(id) = file_id(root, &meta) {
                w.dirs.insert(id);
            }
            w.dir(root);
        }
        Err(e) => w.problem(root, format!("cannot read folder: {}", plain_io(&e))),
    }
    // each real file once, under the first of its names
    w.found.sort_by(|a, b| a.0.cmp(&b.0));
    let mut seen = HashSet::new();
    let mut out = w.out;
    out.files = w
        .found
        .into_iter()
        .filter(|(_, id)| id.is_none_or(|id| seen.insert(id)))
        .map(|(p, _)| p)
        .collect();
    out.skipped.sort();
    out.problems.sort();
    out
}

struct Walker<'a> {
    accept: &'a dyn Fn(&Path) -> bool,
    dirs: HashSet<FileId>,
    found: Vec<(PathBuf, Option<FileId>)>,
    out: Walked,
    /// Where files go as they are found (walk_each); names are visited in
    /// sorted order, so the first name of a file is the one `walk` keeps.
    sink: Option<&'a mut OnFile<'a>>,
    streamed: HashSet<FileId>,
}

impl Walker<'_> {
    fn problem(&mut self, path: &Path, reason: String) {
        self.out.problems.push((path.to_path_buf(), reason));
    }

    fn dir(&mut self, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                return self.problem(dir, format!("cannot read folder: {}", plain_io(&e)));
            }
        };
        let mut names = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => names.push(e.file_name()),
                Err(e) => {
                    return self.problem(dir, format!("cannot read folder: {}", plain_io(&e)));
                }
            }
        }
        // a fixed order, so a file reached two ways is always named the same
        names.sort();
        for name in names {
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = dir.join(&name);
            // follows links: a link to a folder or a file counts as one
            let meta = match std::fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    let dangling = e.kind() == io::ErrorKind::NotFound
                        && std::fs::symlink_metadata(&path).is_ok();
                    if dangling {
                        if (self.accept)(&path) {
                            self.problem(&path, "broken symbolic link".into());
                        }
                    } else {
                        self.problem(&path, format!("cannot read: {}", plain_io(&e)));
                    }
                    continue;
                }
            };
            let id = file_id(&path, &meta);
            if meta.is_dir() {
                // a folder seen before (a link loop, two links to one folder)
                if id.is_none_or(|id| self.dirs.insert(id)) {
                    self.dir(&path);
                }
            } else if !(self.accept)(&path) {
                if meta.is_file() {
                    self.out.skipped.push(path);
                }
            } else if meta.is_file() {
                match self.sink.as_mut() {
                    Some(sink) => {
                        if id.is_none_or(|id| self.streamed.insert(id)) {
                            sink(path, &meta);
                        }
                    }
                    None => self.found.push((path, id)),
                }
            } else {
                let why = not_a_file(&meta);
                self.problem(&path, why);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_and_sizes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, b"0123456789").unwrap();
        assert_eq!(read_capped(&p, 10).unwrap().len(), 10);
        let e = read_capped(&p, 9).unwrap_err().to_string();
        assert_eq!(e, "file too large: 10 bytes (limit 9 bytes)");
        let e = read_capped_from(&b"0123456789"[..], 4)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("too large: more than"), "{e}");
        assert_eq!(
            too_large(11 << 20, 10 << 20),
            "file too large: 11 MB (limit 10 MB)"
        );
        let e = format!(
            "{:#}",
            read_capped(&dir.path().join("none"), 9).unwrap_err()
        );
        assert_eq!(e, "cannot open: no such file");
        let e = format!("{:#}", read_capped(dir.path(), 9).unwrap_err());
        assert_eq!(e, "is a folder, not a file");
    }

    #[test]
    fn plain_io_drops_the_number() {
        let e = io::Error::from_raw_os_error(21);
        assert!(!plain_io(&e).contains("os error"), "{}", plain_io(&e));
    }
}
