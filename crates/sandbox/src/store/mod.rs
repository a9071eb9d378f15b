//! SQL access, one module per table family. Functions take a connection so callers
//! choose the reader or the writer (and the transaction).

pub mod identities;
pub mod list_cache;
pub mod refresh_tokens;
pub mod work_items;
