pub mod util;

mod foundation;
mod pack;
