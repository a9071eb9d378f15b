//! Another language's words: the catalogue text `scripts/postbuild.py` writes beside the
//! wasm (`<lang>-<hash>.txt`, cached as immutable), fetched only by the people who speak
//! it. The boot script (`assets/first-reads.js`) names each build's files and has already
//! started the chosen one while the wasm downloaded; it is taken from there when it has.

use gloo_net::http::RequestBuilder;

use super::first_reads;
use crate::i18n::Lang;

/// Why a language's catalogue could not be had. Shown only in the console (the page goes
/// on in English), so in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueError {
    /// The boot script names no file for the language (a page without it).
    NotListed,
    /// The request got no answer.
    Network(String),
    /// An answer other than 200.
    Status(u16),
}

impl std::fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogueError::NotListed => f.write_str("the boot script names no catalogue file"),
            CatalogueError::Network(error) => write!(f, "no answer: {error}"),
            CatalogueError::Status(status) => write!(f, "HTTP {status}"),
        }
    }
}

/// The catalogue text of `lang` for this build.
pub async fn fetch(lang: Lang) -> Result<String, CatalogueError> {
    let url = first_reads::catalogue_url(lang.tag()).ok_or(CatalogueError::NotListed)?;
    let response = match first_reads::take(&url, None).await {
        Some(response) => response,
        None => RequestBuilder::new(&url)
            .send()
            .await
            .map_err(|e| CatalogueError::Network(e.to_string()))?,
    };
    if !response.ok() {
        return Err(CatalogueError::Status(response.status()));
    }
    response
        .text()
        .await
        .map_err(|e| CatalogueError::Network(e.to_string()))
}
