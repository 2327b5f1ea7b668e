pub mod util;

mod foundation;
mod savings;
