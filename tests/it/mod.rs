pub mod util;

mod batch;
mod check;
mod export;
mod foundation;
mod gen_minutes;
mod gen_ofsted;
mod hostile;
mod minutes;
mod ofsted;
mod pack;
mod progress;
mod savings;
mod schema;
