pub mod util;

mod foundation;
