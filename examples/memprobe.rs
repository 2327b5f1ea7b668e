//! Converts one file in process with the system allocator, printing the output's length, so
//! heaptrack or valgrind (massif, dhat) can see every allocation (the CLI's mimalloc hides
//! them): `cargo build --release --example memprobe`, then e.g.
//! `RAYON_NUM_THREADS=2 heaptrack target/release/examples/memprobe pack.pdf`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: memprobe FILE.pdf");
        std::process::exit(2);
    };
    let out = councilpdf::convert_file(std::path::Path::new(&path), &Default::default());
    println!("{}", councilpdf::emit::to_checked_json(&out).to_string().len());
}
