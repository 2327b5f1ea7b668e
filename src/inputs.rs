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
        if p.is_dir() {
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
