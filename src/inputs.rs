//! Which files a command was pointed at: files as given, folders searched recursively (each
//! real file once, symlink loops followed once), and what a path is before it is opened: only a
//! regular file is read, so a FIFO or a device named `.pdf` can never block or flood a reader.

use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Folders nest at most this deep (a link loop ends here).
const MAX_DEPTH: usize = 32;

/// Every file under `dir` (recursively) that `keep` accepts, sorted. A folder reached twice
/// (through a symlink to itself or to an ancestor) is walked once, and a file reached through
/// several links is listed once, under the first path sorted.
pub fn files_under(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut seen = Seen::default();
    walk(dir, keep, &mut out, &mut seen, 0);
    out.sort();
    let mut files = HashSet::new();
    out.retain(|p| identity(p).is_none_or(|id| files.insert(id)));
    out
}

/// Folders already walked, by device and inode.
#[derive(Default)]
struct Seen {
    dirs: HashSet<(u64, u64)>,
}

/// A file's device and inode (None where the platform has none or the path cannot be read).
fn identity(p: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(p).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = p;
        None
    }
}

/// Why a path cannot be read as an input, found from its metadata alone (it is never opened).
#[derive(Debug, thiserror::Error)]
pub enum NotReadable {
    /// The path does not exist or its metadata cannot be read.
    #[error("cannot read file: {0}")]
    Missing(#[source] std::io::Error),
    /// A folder, FIFO, device or socket given as a file.
    #[error("not a regular file ({0})")]
    NotRegular(&'static str),
    /// A regular file over the size limit.
    #[error("file of {0} bytes exceeds the limit of {1} bytes")]
    TooLarge(u64, u64),
}

/// The size of `path` when it is a regular file of at most `max_bytes` (symlinks followed: a
/// link to /dev/zero is a device).
///
/// # Errors
/// [`NotReadable`] saying why the file must not be read.
pub fn regular_file(path: &Path, max_bytes: u64) -> Result<u64, NotReadable> {
    let meta = std::fs::metadata(path).map_err(NotReadable::Missing)?;
    let ft = meta.file_type();
    if !ft.is_file() {
        return Err(NotReadable::NotRegular(kind_of(&ft)));
    }
    if meta.len() > max_bytes {
        return Err(NotReadable::TooLarge(meta.len(), max_bytes));
    }
    Ok(meta.len())
}

fn kind_of(ft: &std::fs::FileType) -> &'static str {
    if ft.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO";
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "a device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    "not a file"
}

/// The sha256 and size of a regular file, read in blocks (memory stays small whatever its
/// size); None for anything that is not a regular file, which is never opened.
pub fn sha256_of(path: &Path) -> Option<(String, u64)> {
    regular_file(path, u64::MAX).ok()?;
    let mut f = std::fs::File::open(path).ok()?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = f.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        h.update(buf.get(..n)?);
        total += n as u64;
    }
    Some((format!("{:x}", h.finalize()), total))
}

/// Files given directly are kept as given; each folder gives its files that `keep` accepts,
/// sorted, in the folder's place. A folder whose own name `keep` accepts (`papers.pdf/`) was
/// given as a file and is kept as given, to be reported as not a regular file.
pub fn expand(paths: &[PathBuf], keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    expand_given(paths, keep).into_iter().map(|(p, _)| p).collect()
}

/// As [`expand`], each file with the path to record for it (`source.path`): a file given
/// directly as given, a file found in a folder relative to that folder.
///
/// # Example
/// ```
/// let got = councilpdf::inputs::expand_given(&["no/such.pdf".into()], &councilpdf::inputs::is_pdf);
/// assert_eq!(got, [(std::path::PathBuf::from("no/such.pdf"), "no/such.pdf".to_string())]);
/// ```
pub fn expand_given(paths: &[PathBuf], keep: &dyn Fn(&Path) -> bool) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() && !keep(p) {
            for f in files_under(p, keep) {
                let rel = f.strip_prefix(p).unwrap_or(&f).to_string_lossy().into_owned();
                out.push((f, rel));
            }
        } else {
            out.push((p.clone(), p.to_string_lossy().into_owned()));
        }
    }
    out
}

/// A `*.pdf` file, whatever the case of its extension.
pub fn is_pdf(p: &Path) -> bool {
    p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf"))
}

fn walk(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>, seen: &mut Seen, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    if let Some(id) = identity(dir) {
        if !seen.dirs.insert(id) {
            return;
        }
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    // Sorted, so which of two links to one folder is walked does not depend on the file system.
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, keep, out, seen, depth + 1);
        } else if keep(&p) {
            out.push(p);
        }
    }
}
