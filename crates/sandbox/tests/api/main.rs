//! Integration tests: each test starts the real sandbox on 127.0.0.1:0 with its own
//! database file and talks HTTP to it.

mod auth;
mod bodies;
mod client;
mod collection;
mod concurrency;
mod connections;
mod durability;
mod echo;
mod group_commit;
mod helpers;
mod history;
mod hostile;
mod oauth;
mod paging;
mod prefixes;
mod public_identities;
mod rate_limit;
mod refresh_race;
mod security;
mod static_files;
mod stored_pages;
mod text_bounds;
mod token_limits;
mod work_items;
