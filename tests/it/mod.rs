pub mod util;

mod foundation;
mod progress;
