pub mod util;

mod check;
mod export;
mod foundation;
mod gen_savings;
mod minutes;
mod ofsted;
mod pack;
mod progress;
mod savings;
mod schema;
