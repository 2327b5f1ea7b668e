//! Which files a command was pointed at: files as given, folders searched recursively.

use std::path::{Path, PathBuf};

/// Folders nest at most this deep (a link loop ends here).
const MAX_DEPTH: usize = 32;

/// Every file under `dir` (recursively) that `keep` accepts, sorted.
pub fn files_under(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(dir, keep, &mut out, 0);
    out.sort();
    out
}

/// Files given directly are kept as given; each folder gives its files that `keep` accepts,
/// sorted, in the folder's place.
pub fn expand(paths: &[PathBuf], keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            out.extend(files_under(p, keep));
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// A `*.pdf` file, whatever the case of its extension.
pub fn is_pdf(p: &Path) -> bool {
    p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf"))
}

fn walk(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, keep, out, depth + 1);
        } else if keep(&p) {
            out.push(p);
        }
    }
}
