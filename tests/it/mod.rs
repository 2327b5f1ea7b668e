pub mod util;

mod foundation;
mod minutes;
