pub mod util;

mod foundation;
mod check;
mod export;
