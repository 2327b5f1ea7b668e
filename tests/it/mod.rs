pub mod util;

mod foundation;
mod ofsted;
