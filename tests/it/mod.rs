pub mod util;

mod foundation;
mod schema;
