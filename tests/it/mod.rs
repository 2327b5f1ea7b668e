pub mod util;

mod check;
mod export;
mod foundation;
mod savings;
mod schema;
