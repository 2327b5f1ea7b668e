//! Pages are read and laid out in parallel: the output must not depend on the number of
//! threads, byte for byte, on every fixture PDF (the corpus and the synthetic papers).

use std::path::{Path, PathBuf};

fn pdfs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            pdfs(&p, out);
        } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")) {
            out.push(p);
        }
    }
}

/// The JSON of `bytes` converted on a rayon pool of `threads` threads.
fn convert_on(threads: usize, name: &str, bytes: &[u8]) -> String {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a thread pool");
    let out = pool.install(|| councilpdf::convert(name, bytes, &Default::default()));
    serde_json::to_string(&out).expect("serialises")
}

#[test]
fn serial_and_parallel_outputs_are_identical_on_every_fixture() {
    let mut files = Vec::new();
    pdfs(&super::util::fixture(""), &mut files);
    files.sort();
    assert!(files.len() >= 20, "expected the corpus under fixtures/, found {} PDFs", files.len());
    for f in files {
        let bytes = std::fs::read(&f).expect("readable fixture");
        let name = f.to_string_lossy();
        let serial = convert_on(1, &name, &bytes);
        // Four threads split even a 20-page file into chunks on a 1-core machine.
        let parallel = convert_on(4, &name, &bytes);
        assert!(serial == parallel, "{name}: the parallel output differs from the serial one");
    }
}

/// The 44-page draft budget with 3 and 5 threads: its chunk boundaries fall on other pages
/// (mid-table, mid-section) than with 4, and the output stays that of one thread.
#[test]
fn chunk_boundaries_do_not_change_a_long_file() {
    let f = super::util::fixture("real/kcc-draft-revenue-budget-mtfp-2025-28.pdf");
    let bytes = std::fs::read(&f).expect("readable fixture");
    let serial = convert_on(1, "kcc.pdf", &bytes);
    for threads in [3, 5] {
        assert!(serial == convert_on(threads, "kcc.pdf", &bytes), "{threads} threads differ from one");
    }
}
