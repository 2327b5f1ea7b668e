pub mod util;

mod foundation;
mod batch;
mod hostile;
