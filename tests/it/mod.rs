pub mod util;

mod check;
mod export;
mod foundation;
mod ofsted;
mod pack;
mod savings;
mod schema;
mod progress;
mod minutes;
