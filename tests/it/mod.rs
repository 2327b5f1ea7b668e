pub mod util;

mod check;
mod export;
mod foundation;
mod ofsted;
mod savings;
mod schema;
