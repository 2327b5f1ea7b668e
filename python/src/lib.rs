//! `councilpdf._native`: the library's public entry points, for the Python package.
//!
//! Nothing here reads PDFs or knows a table: conversion is [`councilpdf::convert`] and
//! [`councilpdf::convert_path`], batches are [`councilpdf::batch`]'s worker pool, and frames
//! are [`councilpdf::export::tables`]' flattening, so every field and column the library adds
//! reaches Python unchanged. `councilpdf/__init__.py` checks arguments and documents the API;
//! values cross as JSON text (objects) or plain Python values (table cells).

use std::collections::{BTreeMap, HashSet};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Mutex;
use std::time::Duration;

use councilpdf::batch::{self, Job, JobResult, PoolConfig};
use councilpdf::contract::{Output, Tool};
use councilpdf::export::tables::{self, Cell, Flat, Kind};
use pyo3::exceptions::{PyFileNotFoundError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

/// How long a waiting iterator sleeps before it looks for Ctrl-C again.
const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// The library's version (the crate's, read from Cargo when it was built).
#[pyfunction]
fn version() -> String {
    Tool::this().version
}

/// Converts the file at `path` in this process; `FileNotFoundError` when there is none.
/// Returns the contract object as JSON text.
#[pyfunction]
fn extract_path(py: Python<'_>, path: PathBuf, given: String) -> PyResult<String> {
    if let Err(e) = std::fs::metadata(&path) {
        if e.kind() == std::io::ErrorKind::NotFound {
            return Err(PyFileNotFoundError::new_err((2, "No such file or directory", given)));
        }
    }
    Ok(py.detach(|| checked_text(&councilpdf::convert_path(&path, &given, &Default::default()))))
}

/// Converts bytes in this process, recorded as file `-` (standard input's name in the CLI).
#[pyfunction]
fn extract_bytes(py: Python<'_>, data: &[u8]) -> String {
    py.detach(|| checked_text(&councilpdf::convert("-", data, &Default::default())))
}

fn checked_text(out: &Output) -> String {
    councilpdf::emit::to_checked_json(out).to_string()
}

/// The worker process of `extract_many` (`python -m councilpdf._worker`): the library's own
/// worker loop over this process's standard input and output.
#[pyfunction]
#[pyo3(signature = (max_memory=None))]
fn serve_worker(py: Python<'_>, max_memory: Option<u64>) -> PyResult<()> {
    py.detach(|| batch::serve_worker(max_memory, std::io::stdin().lock(), std::io::stdout().lock()))
        .map_err(|e| PyRuntimeError::new_err(format!("councilpdf worker: {e}")))
}

/// Parses a size such as `1.5G` or `500M` into bytes (the CLI's `--max-memory`).
#[pyfunction]
fn parse_size(text: &str) -> PyResult<u64> {
    batch::parse_size(text).map_err(PyValueError::new_err)
}

/// The PDF files under each path, as the CLI finds them: files as given, folders searched
/// recursively for `*.pdf`, sorted.
#[pyfunction]
fn pdf_paths(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    councilpdf::inputs::expand(&paths, &councilpdf::inputs::is_pdf)
}

/// Results of a batch in input order, as JSON text, while the pool runs on its own thread.
#[pyclass(module = "councilpdf._native")]
struct Batch {
    // A Mutex only to make the class Sync, as pyo3 requires; one thread reads it at a time.
    results: Option<Mutex<Receiver<JobResult>>>,
    pending: BTreeMap<usize, String>,
    next: usize,
    total: usize,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Starts converting `paths` in worker processes (`program args...`), `jobs` at a time (by
/// default as many as the cores this process may use, as the CLI), each file within `timeout`
/// seconds and each worker within `max_memory` bytes.
#[pyfunction]
fn start_batch(
    paths: Vec<PathBuf>,
    program: PathBuf,
    args: Vec<String>,
    jobs: Option<usize>,
    timeout: f64,
    max_memory: u64,
) -> PyResult<Batch> {
    let timeout = Duration::try_from_secs_f64(timeout).map_err(|_| {
        PyValueError::new_err(format!("timeout must be a positive number of seconds, not {timeout}"))
    })?;
    let config = PoolConfig {
        program,
        args: args.into_iter().map(Into::into).collect(),
        jobs: jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1),
        timeout,
        max_memory,
    };
    let total = paths.len();
    // Paths are given directly (folders are expanded by `pdf_paths` first), so each is
    // recorded as written; no earlier run is known here, so none is known to fail.
    let jobs: Vec<Job> = paths
        .into_iter()
        .enumerate()
        .map(|(index, path)| {
            let given = path.to_string_lossy().into_owned();
            Job { index, path, given, known_bad: false }
        })
        .collect();
    let (tx, rx) = mpsc::channel();
    // The pool stops handing out files once nobody listens (the iterator was dropped).
    let thread = std::thread::spawn(move || {
        let never = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        batch::run_until(&config, jobs, &never, |r| match tx.send(r) {
            Ok(()) => ControlFlow::Continue(()),
            Err(_) => ControlFlow::Break(()),
        })
    });
    Ok(Batch {
        results: Some(Mutex::new(rx)),
        pending: BTreeMap::new(),
        next: 0,
        total,
        thread: Some(thread),
    })
}

#[pymethods]
impl Batch {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<String>> {
        loop {
            if self.next >= self.total {
                self.close();
                return Ok(None);
            }
            if let Some(text) = self.pending.remove(&self.next) {
                self.next += 1;
                return Ok(Some(text));
            }
            let Some(results) = &self.results else { return Ok(None) };
            let got = py.detach(|| match results.lock() {
                Ok(rx) => rx.recv_timeout(SIGNAL_POLL),
                Err(_) => Err(RecvTimeoutError::Disconnected),
            });
            match got {
                Ok(r) => {
                    self.pending.insert(r.index, r.value.to_string());
                }
                Err(RecvTimeoutError::Timeout) => py.check_signals()?,
                Err(RecvTimeoutError::Disconnected) => {
                    // The pool ended without this input's result, which only a panic in its
                    // thread could do: say so rather than end the batch short.
                    self.close();
                    return Err(PyRuntimeError::new_err(format!(
                        "the worker pool stopped before input {} of {}",
                        self.next + 1,
                        self.total
                    )));
                }
            }
        }
    }

    /// Stops the batch: files not yet started are dropped, workers exit after their file.
    fn close(&mut self) {
        self.results = None;
        self.pending.clear();
        // Joined only when finished; otherwise the thread ends on its own once its workers do.
        if self.thread.as_ref().is_some_and(|t| t.is_finished()) {
            if let Some(t) = self.thread.take() {
                let _ = t.join();
            }
        }
    }
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Text => "text",
        Kind::Int => "int",
        Kind::Money => "money",
        Kind::Real => "real",
        Kind::Bool => "bool",
        Kind::Date => "date",
    }
}

fn cell<'py>(py: Python<'py>, c: &Cell) -> PyResult<Bound<'py, PyAny>> {
    Ok(match c {
        Cell::Null => py.None().into_bound(py),
        Cell::Text(s) => s.into_pyobject(py)?.into_any(),
        Cell::Int(i) => i.into_pyobject(py)?.into_any(),
        // Exact: the Python side makes a Decimal of the digits.
        Cell::Money(d) => d.normalize().to_string().into_pyobject(py)?.into_any(),
        Cell::Real(f) => f.into_pyobject(py)?.into_any(),
        Cell::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
    })
}

/// Flattens contract objects (JSON texts) into `export`'s tables: a list of
/// `(table, [(column, kind)], [row tuple])`, every table in `export`'s order, each document
/// (sha256) once, as `export` does. `ValueError` names an object that is not the contract's.
#[pyfunction]
fn flatten(py: Python<'_>, objects: Vec<String>) -> PyResult<Bound<'_, PyList>> {
    let mut outputs = Vec::with_capacity(objects.len());
    for (i, text) in objects.iter().enumerate() {
        let out: Output = serde_json::from_str(text).map_err(|e| {
            PyValueError::new_err(format!("result {i} is not a councilpdf contract object: {e}"))
        })?;
        outputs.push(out);
    }
    let mut seen = HashSet::new();
    let flats: Vec<Flat> =
        outputs.iter().filter_map(tables::flatten).filter(|f| seen.insert(f.sha256.clone())).collect();
    let result = PyList::empty(py);
    for (t, def) in tables::TABLES.iter().enumerate() {
        let columns = PyList::empty(py);
        for (name, kind) in def.columns {
            columns.append((*name, kind_name(*kind)))?;
        }
        let rows = PyList::empty(py);
        for flat in &flats {
            for row in flat.rows.get(t).map_or(&[][..], Vec::as_slice) {
                let cells = row.iter().map(|c| cell(py, c)).collect::<PyResult<Vec<_>>>()?;
                rows.append(PyTuple::new(py, cells)?)?;
            }
        }
        result.append((def.name, columns, rows))?;
    }
    Ok(result)
}

/// `councilpdf export`: PDFs, JSON or NDJSON written by `extract`, or folders of either, into
/// CSV files (`format` "csv", `out` a folder) or one SQLite database ("sqlite"). Returns
/// `(documents written, duplicate files skipped)`; inputs that give nothing raise
/// `ValueError` before anything is written.
#[pyfunction]
#[pyo3(signature = (inputs, out, format, excel=false))]
fn export(
    py: Python<'_>,
    inputs: Vec<PathBuf>,
    out: PathBuf,
    format: &str,
    excel: bool,
) -> PyResult<(usize, Vec<String>)> {
    if let Some(missing) = inputs.iter().find(|p| !p.exists()) {
        return Err(PyFileNotFoundError::new_err((2, "No such file or directory", missing.clone())));
    }
    if format != "csv" && format != "sqlite" {
        return Err(PyValueError::new_err(format!("format must be \"csv\" or \"sqlite\", not {format:?}")));
    }
    py.detach(|| {
        let loaded = councilpdf::export::load(&inputs);
        if let Some(first) = loaded.errors.first() {
            return Err(PyValueError::new_err(councilpdf::error_chain(first)));
        }
        let n = loaded.outputs.len();
        if format == "csv" {
            councilpdf::export::csv::write(&out, &loaded.outputs, excel)
                .map_err(|e| PyRuntimeError::new_err(councilpdf::error_chain(&e)))?;
        } else {
            councilpdf::export::sqlite::write(&out, &loaded.outputs)
                .map_err(|e| PyRuntimeError::new_err(councilpdf::error_chain(&e)))?;
        }
        Ok((n, loaded.duplicates))
    })
}

/// The Rust half of the `councilpdf` package; use `councilpdf` itself.
#[pymodule]
#[pyo3(name = "_native")]
fn councilpdf_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // pdf-extract panics on some fonts; each is caught per page and reported as a warning, so
    // the default hook's stderr noise would only mislead (as in the CLI).
    std::panic::set_hook(Box::new(|_| {}));
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(extract_path, m)?)?;
    m.add_function(wrap_pyfunction!(extract_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(serve_worker, m)?)?;
    m.add_function(wrap_pyfunction!(parse_size, m)?)?;
    m.add_function(wrap_pyfunction!(pdf_paths, m)?)?;
    m.add_function(wrap_pyfunction!(start_batch, m)?)?;
    m.add_function(wrap_pyfunction!(flatten, m)?)?;
    m.add_function(wrap_pyfunction!(export, m)?)?;
    m.add_class::<Batch>()?;
    Ok(())
}
