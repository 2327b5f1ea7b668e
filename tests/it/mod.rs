pub mod util;

mod batch;
mod check;
mod export;
mod foundation;
mod gen_minutes;
mod gen_ofsted;
mod gen_pack;
mod gen_savings;
mod hostile;
mod minutes;
mod ofsted;
mod pack;
mod parallel;
mod progress;
mod savings;
mod schema;
