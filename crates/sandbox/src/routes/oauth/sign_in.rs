//! `GET /oauth/authorize`: the sandbox's sign-in page, one button per demo identity, in
//! English, German or Arabic as the request's `Accept-Language` prefers ([`words`]), and
//! the answer to a refused request ([`refused`]): a redirect back to a known client, or a
//! page that tells the person what is wrong.
//!
//! Like a real identity provider's, its pages refuse to be framed (`X-Frame-Options: DENY`,
//! `frame-ancestors 'none'`), run no script, and allow their one inline style by hash.

use std::sync::OnceLock;

use axum::extract::{RawQuery, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_LANGUAGE, CONTENT_SECURITY_POLICY, VARY, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

use super::authorize::{check_authorize, origin_of, AuthorizeParams, Refusal};
use super::words::Lang;
use crate::error::ApiError;
use crate::input::{clip, MESSAGE_CHARS};
use crate::state::AppState;
use crate::store::identities::{self, Identity};

/// The page's only style, allowed by its hash in the CSP.
pub const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;\
padding:0 1rem}ul{list-style:none;padding:0}li{margin:.5rem 0}\
button{font:inherit;padding:.5rem 1rem;cursor:pointer}";

/// `'sha256-…'` of [`STYLE`].
pub fn style_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| format!("'sha256-{}'", STANDARD.encode(Sha256::digest(STYLE))))
}

/// The page's CSP: nothing but its own style; forms post to itself and redirect to the
/// (validated) client origin; never framed.
pub fn sign_in_policy(redirect_origin: &str) -> String {
    format!(
        "default-src 'none'; style-src {}; form-action 'self' {redirect_origin}; \
         frame-ancestors 'none'; base-uri 'none'",
        style_hash()
    )
}

/// The policy of the page that tells the person a request was refused: no form at all.
fn refused_policy() -> String {
    format!(
        "default-src 'none'; style-src {}; form-action 'none'; frame-ancestors 'none'; \
         base-uri 'none'",
        style_hash()
    )
}

/// Escapes text for HTML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page's HTML for `params` in `lang`, with one form per person.
pub fn render(params: &AuthorizeParams, people: &[Identity], lang: Lang) -> String {
    let words = lang.words();
    let hidden = |name: &str, value: &str| {
        format!(
            r#"<input type="hidden" name="{name}" value="{}">"#,
            escape_html(value)
        )
    };
    let mut forms = String::new();
    for person in people {
        forms.push_str(&format!(
            "<li><form method=\"post\" action=\"/oauth/authorize\">{}{}{}{}{}{}{}{}<button type=\"submit\">{}</button>{}</form></li>\n",
            // The submission is checked as the request was, and `response_type` is required.
            hidden("response_type", "code"),
            hidden("client_id", &params.client_id),
            // Kept for the refusal pages of the form's answer; a list of a few tags at most.
            hidden("ui_locales", params.ui_locales.as_deref().filter(|l| l.len() <= 256).unwrap_or_default()),
            hidden("redirect_uri", &params.redirect_uri),
            hidden("state", params.state.as_deref().unwrap_or_default()),
            hidden("code_challenge", &params.code_challenge),
            hidden("code_challenge_method", "S256"),
            hidden("identity_id", &person.id),
            // <bdi>: a Latin name keeps its order in Arabic words, and an Arabic one in Latin.
            words
                .sign_in_as
                .replace("{name}", &format!("<bdi>{}</bdi>", escape_html(&person.name))),
            if person.admin {
                format!(" <small>{}</small>", words.admin)
            } else {
                String::new()
            },
        ));
    }
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{STYLE}</style>\
         </head><body><main><h1>{heading}</h1>\
         <p>{lead}</p><ul>\n{forms}</ul></main></body></html>",
        lang = lang.tag(),
        dir = lang.dir(),
        title = words.title,
        heading = words.heading,
        lead = words.lead,
    )
}

/// The page for a request whose client cannot be sent its refusal: what is wrong, in the
/// person's language, with the technical reason (in English, for whoever set the app up).
pub fn render_refused(reason: &str, lang: Lang) -> String {
    let words = lang.words();
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{STYLE}</style>\
         </head><body><main><h1>{heading}</h1>\
         <p>{lead}</p><p><code dir=\"ltr\">{reason}</code></p></main></body></html>",
        lang = lang.tag(),
        dir = lang.dir(),
        title = words.refused_title,
        heading = words.refused_heading,
        lead = words.refused_lead,
        reason = escape_html(reason),
    )
}

/// A page of the sign-in flow with the headers every one of them carries.
fn page(status: StatusCode, html: String, lang: Lang, policy: HeaderValue) -> Response {
    let mut response = (status, Html(html)).into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_LANGUAGE, HeaderValue::from_static(lang.tag()));
    headers.insert(VARY, HeaderValue::from_static("Accept-Language"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(CONTENT_SECURITY_POLICY, policy);
    response
}

/// The answer to a refused authorization request (RFC 6749 §4.1.2.1): a known client
/// is sent back to its `redirect_uri` with the error; otherwise the person gets a page
/// (400) saying what is wrong, and nothing redirects.
pub fn refused(refusal: &Refusal, params: Option<&AuthorizeParams>, lang: Lang) -> Response {
    if let Some(redirect) = params.and_then(|params| refusal.redirect(params)) {
        return redirect;
    }
    let reason = match refusal {
        Refusal::Untrusted(reason) => reason.as_str(),
        Refusal::ToClient { description, .. } => description.as_str(),
    };
    let policy = HeaderValue::from_str(&refused_policy()).expect("the policy is ASCII");
    page(
        StatusCode::BAD_REQUEST,
        render_refused(&clip(reason, MESSAGE_CHARS), lang),
        lang,
        policy,
    )
}

/// `GET /oauth/authorize`: the sign-in page.
pub async fn oauth_authorize_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let lang = Lang::from_headers(&headers);
    let params = match AuthorizeParams::decode(query.unwrap_or_default().as_bytes()) {
        Ok(params) => params,
        Err(refusal) => return Ok(refused(&refusal, None, lang)),
    };
    let lang = Lang::asked(params.ui_locales.as_deref()).unwrap_or(lang);
    if let Err(refusal) = check_authorize(&params, state.base_url()) {
        return Ok(refused(&refusal, Some(&params), lang));
    }
    let people = state.db().read(identities::all).await?;
    let policy = sign_in_policy(origin_of(&params.redirect_uri).unwrap_or_default());
    let policy = HeaderValue::from_str(&policy)
        .map_err(|_| ApiError::oauth_request("redirect_uri is not a valid header value"))?;
    Ok(page(
        StatusCode::OK,
        render(&params, &people, lang),
        lang,
        policy,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<script>"a" & 'b'</script>"#),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn the_policy_allows_exactly_the_pages_style_and_no_framing() {
        let policy = sign_in_policy("http://localhost:3000");
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("form-action 'self' http://localhost:3000"));
        assert!(!policy.contains("unsafe-inline"));
        let expected = format!(
            "'sha256-{}'",
            STANDARD.encode(Sha256::digest(STYLE.as_bytes()))
        );
        assert!(
            policy.contains(&format!("style-src {expected};")),
            "{policy}"
        );
    }
}
