//! The runtime configuration read from `config.json` beside `index.html`, so one build
//! serves every deployment. Parsing and validation are pure (host-tested); fetching it is
//! [`crate::api::load_config`].

use serde::Deserialize;

use crate::i18n::Lang;
use crate::t;

/// How the app authenticates its API calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthConfig {
    /// OAuth 2.0 authorization code with PKCE (S256), as a public client.
    Pkce {
        /// The sign-in page, absolute or relative to the app's origin.
        authorize_url: String,
        /// The token endpoint, absolute or relative to the app's origin.
        token_url: String,
        /// The public client id.
        client_id: String,
        /// Scopes to ask for, space separated (may be empty).
        scope: String,
    },
    /// A reverse proxy in front of the app adds credentials; the app sends no token.
    Proxy,
}

/// The validated configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppConfig {
    /// Where the API lives, without a trailing slash; empty means the app's own origin.
    pub api_base_url: String,
    /// How to authenticate.
    pub auth: AuthConfig,
    /// Origins of the dashboards allowed to embed the widget: the only ones told its
    /// height. Empty: the widget tells nobody.
    pub embed_host_origins: Vec<String>,
    /// The path of the work-item collection, from `workItemsPath`: `/v2024/work-items`
    /// (the default, `"/v2024"`) or `/work-items/v1` (`"/work-items/v1"`, the per-service
    /// path of SailPoint's current SDKs). Both serve the same 13 operations.
    pub work_items_root: &'static str,
    /// After how many days a pending item counts as overdue (highlighted in Task Manager,
    /// counted by the widget), from `staleAfterDays`; [`DEFAULT_STALE_AFTER_DAYS`] if unset.
    pub stale_after_days: u32,
    /// How often the pending count is polled, in seconds, from `pollSeconds` (default
    /// [`DEFAULT_POLL_SECONDS`]); 0 turns polling off.
    pub poll_seconds: u32,
    /// The language for people whose browser asks for none the app has, from `locale`
    /// (`"en"`, `"de"` or `"ar"`, a region such as `"de-CH"` allowed); English if unset.
    pub default_locale: Option<Lang>,
}

/// How often the pending count is polled when `pollSeconds` is not set.
pub const DEFAULT_POLL_SECONDS: u32 = 60;

/// The longest `pollSeconds`: a day. (The browser's timers hold at most about 24.8 days;
/// a longer interval made the app stop at its first poll.)
pub const MAX_POLL_SECONDS: u32 = 86_400;

/// `staleAfterDays` when `config.json` does not set it.
pub const DEFAULT_STALE_AFTER_DAYS: u32 = 7;

/// The versioned API's prefix, the default of `workItemsPath`.
pub const V2024: &str = "/v2024";
/// The per-service prefix, the other allowed `workItemsPath`.
pub const WORK_ITEMS_V1: &str = "/work-items/v1";

/// Why a configuration could not be used; shown to the person instead of a blank page.
/// The words are chosen in [`std::fmt::Display`], in the language already chosen from the
/// browser (or the person's pick), since the configuration's own `locale` is not known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// `config.json` could not be fetched: the browser's own message, a technical detail.
    Unreachable(String),
    /// The server answered `config.json` with this HTTP status.
    Status(u16),
    /// It is not JSON of the expected shape.
    Malformed {
        /// What kind of mistake the parser found.
        kind: Malformed,
        /// The line it found it on (1-based).
        line: usize,
        /// The parser's own words (English, naming the key), shown as a technical detail.
        detail: String,
    },
    /// It parsed, but a value is unusable.
    Invalid(Problem),
}

/// How `config.json` fails to be JSON of the expected shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Malformed {
    /// Not JSON at all.
    Syntax,
    /// JSON that stops before it is complete (or an empty file).
    Truncated,
    /// JSON with an unknown key or a value of the wrong kind.
    Shape,
}

impl Malformed {
    /// The key of the `config-malformed` message's variant.
    fn as_str(self) -> &'static str {
        match self {
            Malformed::Syntax => "syntax",
            Malformed::Truncated => "truncated",
            Malformed::Shape => "shape",
        }
    }
}

/// A value of `config.json` the app cannot use, with the value as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// `apiBaseUrl` is neither empty nor an `http(s)://` URL.
    ApiBaseUrl(String),
    /// `auth.mode` is neither `pkce` nor `proxy`.
    AuthMode(String),
    /// A setting pkce mode needs (`auth.<name>`) is missing or blank.
    AuthRequired(&'static str),
    /// An `embed.hostOrigins` entry is not a bare origin.
    HostOrigin(String),
    /// `workItemsPath` is neither of the two path families.
    WorkItemsPath(String),
    /// `staleAfterDays` is outside 1–3650.
    StaleAfterDays(u32),
    /// `pollSeconds` is over [`MAX_POLL_SECONDS`].
    PollSeconds(u32),
    /// `locale` names a language the app does not have.
    Locale(String),
}

impl ConfigError {
    /// The technical detail to show beside the message, in the words of the browser or
    /// the JSON parser (not translated: it names keys and positions for whoever deploys).
    pub fn detail(&self) -> Option<&str> {
        match self {
            ConfigError::Unreachable(detail) | ConfigError::Malformed { detail, .. } => {
                Some(detail)
            }
            ConfigError::Status(_) | ConfigError::Invalid(_) => None,
        }
    }
}

impl From<serde_json::Error> for ConfigError {
    fn from(error: serde_json::Error) -> Self {
        use serde_json::error::Category;
        let kind = match error.classify() {
            Category::Eof => Malformed::Truncated,
            Category::Syntax | Category::Io => Malformed::Syntax,
            Category::Data => Malformed::Shape,
        };
        ConfigError::Malformed {
            kind,
            line: error.line(),
            detail: error.to_string(),
        }
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ConfigError::Unreachable(_) => t!("config-unreachable"),
            ConfigError::Status(status) => {
                t!("config-status", status = status.to_string().as_str())
            }
            ConfigError::Malformed { kind, line, .. } => {
                t!("config-malformed", what = kind.as_str(), at = *line)
            }
            ConfigError::Invalid(problem) => problem.to_string(),
        };
        f.write_str(&text)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Problem::ApiBaseUrl(value) => t!("config-api-base-url", detail = value),
            Problem::AuthMode(value) => t!("config-auth-mode", detail = value),
            Problem::AuthRequired(name) => t!("config-auth-required", name = *name),
            Problem::HostOrigin(value) => t!("config-host-origin", detail = value),
            Problem::WorkItemsPath(value) => t!("config-work-items-path", detail = value),
            Problem::StaleAfterDays(days) => {
                t!(
                    "config-stale-after-days",
                    detail = days.to_string().as_str()
                )
            }
            Problem::PollSeconds(seconds) => {
                t!("config-poll-seconds", detail = seconds.to_string().as_str())
            }
            Problem::Locale(value) => t!("config-locale", detail = value),
        };
        f.write_str(&text)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    api_base_url: String,
    auth: RawAuth,
    #[serde(default)]
    work_items_path: Option<String>,
    #[serde(default)]
    embed: RawEmbed,
    #[serde(default)]
    stale_after_days: Option<u32>,
    #[serde(default)]
    poll_seconds: Option<u32>,
    #[serde(default)]
    locale: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawEmbed {
    #[serde(default)]
    host_origins: Vec<String>,
}

/// An origin as the browser writes it, and so as `postMessage` and `ancestorOrigins` compare
/// it: `scheme://host[:port]` in lower case, without a default port or a trailing slash.
/// What a person may write otherwise (`HTTPS://Dash.example:443/`) is brought to that form,
/// since an origin that never compares equal would silently get no height messages.
fn origin(value: &str) -> Result<String, ConfigError> {
    let invalid = || ConfigError::Invalid(Problem::HostOrigin(value.to_owned()));
    let lower = value.trim().trim_end_matches('/').to_ascii_lowercase();
    let (scheme, authority) = lower.split_once("://").ok_or_else(invalid)?;
    let default_port = match scheme {
        "https" => 443,
        "http" => 80,
        _ => return Err(invalid()),
    };
    // Non-ASCII hosts are written by browsers in their punycode form only.
    if !authority.is_ascii() || authority.contains(['/', '?', '#', '*', ' ', '@']) {
        return Err(invalid());
    }
    // An IPv6 address is bracketed, and its colons lie inside the brackets.
    let (host, port) = match authority.strip_prefix('[') {
        Some(rest) => {
            let (address, after) = rest.split_once(']').ok_or_else(invalid)?;
            (format!("[{address}]"), after)
        }
        None => match authority.find(':') {
            Some(at) => (authority[..at].to_owned(), &authority[at..]),
            None => (authority.to_owned(), ""),
        },
    };
    let port = match port {
        "" => None,
        _ => Some(
            port.strip_prefix(':')
                .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|p| p.parse::<u16>().ok())
                .ok_or_else(invalid)?,
        ),
    };
    if host.is_empty() || host == "[]" {
        return Err(invalid());
    }
    Ok(match port {
        Some(port) if port != default_port => format!("{scheme}://{host}:{port}"),
        _ => format!("{scheme}://{host}"),
    })
}

/// Whether `base` (trimmed, without its trailing slash) can be the API's base: empty (the
/// app's own origin), or an `http(s)://` URL with a host.
fn api_base_is_usable(base: &str) -> bool {
    let rest = base
        .strip_prefix("https://")
        .or_else(|| base.strip_prefix("http://"));
    match rest {
        None => base.is_empty(),
        Some(rest) => {
            let host = rest.split('/').next().unwrap_or_default();
            !host.is_empty() && !rest.contains(char::is_whitespace)
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawAuth {
    mode: String,
    #[serde(default)]
    authorize_url: String,
    #[serde(default)]
    token_url: String,
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    scope: String,
}

impl AppConfig {
    /// Parses and validates the text of `config.json`.
    pub fn parse(text: &str) -> Result<AppConfig, ConfigError> {
        let raw: RawConfig = serde_json::from_str(text)?;
        let base = raw.api_base_url.trim().trim_end_matches('/').to_owned();
        if !api_base_is_usable(&base) {
            return Err(ConfigError::Invalid(Problem::ApiBaseUrl(base)));
        }
        let auth = match raw.auth.mode.as_str() {
            "proxy" => AuthConfig::Proxy,
            "pkce" => {
                let required = |name: &'static str, value: &str| {
                    if value.trim().is_empty() {
                        Err(ConfigError::Invalid(Problem::AuthRequired(name)))
                    } else {
                        Ok(value.trim().to_owned())
                    }
                };
                AuthConfig::Pkce {
                    authorize_url: required("authorizeUrl", &raw.auth.authorize_url)?,
                    token_url: required("tokenUrl", &raw.auth.token_url)?,
                    client_id: required("clientId", &raw.auth.client_id)?,
                    scope: raw.auth.scope.trim().to_owned(),
                }
            }
            other => return Err(ConfigError::Invalid(Problem::AuthMode(other.to_owned()))),
        };
        let embed_host_origins = raw
            .embed
            .host_origins
            .iter()
            .map(|o| origin(o))
            .collect::<Result<_, _>>()?;
        let work_items_root = match raw.work_items_path.as_deref().map(str::trim) {
            None | Some(V2024) => "/v2024/work-items",
            Some(WORK_ITEMS_V1) => WORK_ITEMS_V1,
            Some(other) => {
                return Err(ConfigError::Invalid(Problem::WorkItemsPath(
                    other.to_owned(),
                )))
            }
        };
        let stale_after_days = match raw.stale_after_days {
            None => DEFAULT_STALE_AFTER_DAYS,
            Some(days @ 1..=3650) => days,
            Some(other) => return Err(ConfigError::Invalid(Problem::StaleAfterDays(other))),
        };
        let poll_seconds = match raw.poll_seconds {
            None => DEFAULT_POLL_SECONDS,
            Some(seconds @ 0..=MAX_POLL_SECONDS) => seconds,
            Some(other) => return Err(ConfigError::Invalid(Problem::PollSeconds(other))),
        };
        let default_locale = match raw.locale.as_deref() {
            None => None,
            Some(tag) => Some(
                Lang::from_tag(tag)
                    .ok_or_else(|| ConfigError::Invalid(Problem::Locale(tag.to_owned())))?,
            ),
        };
        Ok(AppConfig {
            default_locale,
            stale_after_days,

            api_base_url: base,
            auth,
            embed_host_origins,
            work_items_root,
            poll_seconds,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_config_json_is_valid_pkce_on_the_same_origin() {
        let config = AppConfig::parse(include_str!("../config.json")).unwrap();
        assert_eq!(config.api_base_url, "");
        assert!(
            matches!(config.auth, AuthConfig::Pkce { ref client_id, .. } if client_id == "my-tasks")
        );
    }

    #[test]
    fn proxy_mode_needs_no_sign_in_settings_and_the_base_loses_its_slash() {
        let config = AppConfig::parse(
            r#"{"apiBaseUrl": "https://acme.example/", "auth": {"mode": "proxy"}}"#,
        )
        .unwrap();
        assert_eq!(config.api_base_url, "https://acme.example");
        assert_eq!(config.auth, AuthConfig::Proxy);
    }

    #[test]
    fn embed_host_origins_are_origins_without_a_trailing_slash() {
        let config = AppConfig::parse(
            r#"{"auth": {"mode": "proxy"}, "embed": {"hostOrigins": ["https://dash.example/", "http://127.0.0.1:9000"]}}"#,
        )
        .unwrap();
        assert_eq!(
            config.embed_host_origins,
            ["https://dash.example", "http://127.0.0.1:9000"]
        );
        for bad in [
            "*",
            "https://dash.example/path",
            "dash.example",
            "https://",
            "ftp://dash.example",
            "https://dash.example:",
            "https://dash.example:44x",
            "https://dash.exämple",
            "https://:443",
            "http://::1",
            "https://a:443:443",
            "https://a:99999",
            "http://[::1",
            "http://[::1]x",
        ] {
            let text = format!(
                r#"{{"auth": {{"mode": "proxy"}}, "embed": {{"hostOrigins": ["{bad}"]}}}}"#
            );
            assert!(
                AppConfig::parse(&text)
                    == Err(ConfigError::Invalid(Problem::HostOrigin(bad.into()))),
                "{bad} was accepted"
            );
        }
    }

    #[test]
    fn embed_host_origins_are_written_as_the_browser_writes_an_origin() {
        // `location.ancestorOrigins` and `postMessage` compare the browser's form exactly.
        let config = AppConfig::parse(
            r#"{"auth": {"mode": "proxy"}, "embed": {"hostOrigins": [" HTTPS://Dash.Example:443/ ",
                "http://dash.example:80", "https://dash.example:4443", "http://[::1]:8080", "http://[::1]", "https://dash.example:0443"]}}"#,
        )
        .unwrap();
        assert_eq!(
            config.embed_host_origins,
            [
                "https://dash.example",
                "http://dash.example",
                "https://dash.example:4443",
                "http://[::1]:8080",
                "http://[::1]",
                "https://dash.example"
            ]
        );
    }

    #[test]
    fn api_base_url_needs_a_host_after_its_scheme() {
        let parse = |base: &str| {
            AppConfig::parse(&format!(
                r#"{{"apiBaseUrl": "{base}", "auth": {{"mode": "proxy"}}}}"#
            ))
        };
        for bad in [
            "http://",
            "https:///v2024",
            "https://acme example",
            "acme.example",
        ] {
            assert!(
                matches!(
                    parse(bad),
                    Err(ConfigError::Invalid(Problem::ApiBaseUrl(_)))
                ),
                "{bad} was accepted"
            );
        }
        assert_eq!(
            parse("https://acme.example/").unwrap().api_base_url,
            "https://acme.example"
        );
        assert_eq!(parse("").unwrap().api_base_url, "");
    }

    #[test]
    fn work_items_path_defaults_to_v2024_and_accepts_only_the_two_families() {
        let with = |path: &str| {
            AppConfig::parse(&format!(
                r#"{{"auth": {{"mode": "proxy"}}, "workItemsPath": {path}}}"#
            ))
        };
        let default = AppConfig::parse(r#"{"auth": {"mode": "proxy"}}"#).unwrap();
        assert_eq!(default.work_items_root, "/v2024/work-items");
        assert_eq!(
            with(r#""/work-items/v1""#).unwrap().work_items_root,
            "/work-items/v1"
        );
        assert_eq!(
            with(r#""/v2024""#).unwrap().work_items_root,
            "/v2024/work-items"
        );
        assert!(
            with(r#""/v3""#) == Err(ConfigError::Invalid(Problem::WorkItemsPath("/v3".into())))
        );
    }

    #[test]
    fn poll_seconds_defaults_to_a_minute_zero_turns_it_off_and_a_negative_is_malformed() {
        let with =
            |extra: &str| AppConfig::parse(&format!(r#"{{"auth": {{"mode": "proxy"}}{extra}}}"#));
        assert_eq!(with("").unwrap().poll_seconds, 60);
        assert_eq!(with(r#", "pollSeconds": 0"#).unwrap().poll_seconds, 0);
        assert_eq!(with(r#", "pollSeconds": 5"#).unwrap().poll_seconds, 5);
        assert_eq!(
            with(r#", "pollSeconds": 86400"#).unwrap().poll_seconds,
            86_400
        );
        assert_eq!(
            with(r#", "pollSeconds": 3000000"#).unwrap_err(),
            ConfigError::Invalid(Problem::PollSeconds(3_000_000))
        );
        assert!(matches!(
            with(r#", "pollSeconds": -1"#),
            Err(ConfigError::Malformed {
                kind: Malformed::Shape,
                line: 1,
                ..
            })
        ));
    }

    #[test]
    fn stale_after_days_defaults_to_a_week_and_must_be_a_sensible_number_of_days() {
        let with = |days: &str| {
            AppConfig::parse(&format!(
                r#"{{"auth": {{"mode": "proxy"}}, "staleAfterDays": {days}}}"#
            ))
        };
        let default = AppConfig::parse(r#"{"auth": {"mode": "proxy"}}"#).unwrap();
        assert_eq!(default.stale_after_days, DEFAULT_STALE_AFTER_DAYS);
        assert_eq!(with("30").unwrap().stale_after_days, 30);
        assert_eq!(
            with("0"),
            Err(ConfigError::Invalid(Problem::StaleAfterDays(0)))
        );
        assert!(matches!(with("-1"), Err(ConfigError::Malformed { .. })));
    }

    #[test]
    fn pkce_mode_without_a_client_id_is_invalid() {
        let error = AppConfig::parse(
            r#"{"auth": {"mode": "pkce", "authorizeUrl": "/a", "tokenUrl": "/t"}}"#,
        )
        .unwrap_err();
        assert_eq!(
            error,
            ConfigError::Invalid(Problem::AuthRequired("clientId"))
        );
    }

    #[test]
    fn unknown_modes_keys_and_non_json_are_rejected_with_a_message() {
        assert!(matches!(
            AppConfig::parse(r#"{"auth": {"mode": "magic"}}"#),
            Err(ConfigError::Invalid(Problem::AuthMode(m))) if m == "magic"
        ));
        let unknown_key =
            AppConfig::parse("{\"apiBaseUrl\": \"\",\n \"auth\": {\"mode\": \"proxy\"}, \"x\": 1}")
                .unwrap_err();
        assert!(matches!(
            unknown_key,
            ConfigError::Malformed {
                kind: Malformed::Shape,
                line: 2,
                ..
            }
        ));
        assert!(unknown_key.detail().is_some_and(|d| d.contains("`x`")));
        assert!(matches!(
            AppConfig::parse("<html>"),
            Err(ConfigError::Malformed {
                kind: Malformed::Syntax,
                ..
            })
        ));
        assert!(matches!(
            AppConfig::parse(r#"{"auth": "#),
            Err(ConfigError::Malformed {
                kind: Malformed::Truncated,
                ..
            })
        ));
        assert!(matches!(
            AppConfig::parse(r#"{"apiBaseUrl": "ftp://x", "auth": {"mode": "proxy"}}"#),
            Err(ConfigError::Invalid(_))
        ));
    }

    #[test]
    fn locale_sets_the_default_language_and_refuses_one_the_app_does_not_have() {
        let parse = |locale: &str| {
            AppConfig::parse(&format!(
                r#"{{"auth": {{"mode": "proxy"}}, "locale": "{locale}"}}"#
            ))
        };
        assert_eq!(parse("de-CH").unwrap().default_locale, Some(Lang::De));
        assert_eq!(parse("ar").unwrap().default_locale, Some(Lang::Ar));
        assert_eq!(
            parse("fr"),
            Err(ConfigError::Invalid(Problem::Locale("fr".into())))
        );
        let unset = AppConfig::parse(r#"{"auth": {"mode": "proxy"}}"#).unwrap();
        assert_eq!(unset.default_locale, None);
    }

    /// Every reason, worded in `lang` (installed on this test's thread only).
    fn every_reason_in(lang: Lang) -> Vec<String> {
        let choice = crate::i18n::negotiate(Some(lang.tag()), &[], None);
        crate::i18n::install_for_test(&choice);
        let reasons = [
            ConfigError::Unreachable("Failed to fetch".into()),
            ConfigError::Status(404),
            AppConfig::parse("<html>").unwrap_err(),
            AppConfig::parse(r#"{"auth": "#).unwrap_err(),
            AppConfig::parse(r#"{"auth": {"mode": "proxy"}, "x": 1}"#).unwrap_err(),
            ConfigError::Invalid(Problem::ApiBaseUrl("ftp://x".into())),
            ConfigError::Invalid(Problem::AuthMode("magic".into())),
            ConfigError::Invalid(Problem::AuthRequired("clientId")),
            ConfigError::Invalid(Problem::HostOrigin("*".into())),
            ConfigError::Invalid(Problem::WorkItemsPath("/v3".into())),
            ConfigError::Invalid(Problem::StaleAfterDays(0)),
            ConfigError::Invalid(Problem::PollSeconds(3_000_000)),
            ConfigError::Invalid(Problem::Locale("fr".into())),
        ];
        reasons.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn every_reason_the_app_cannot_start_is_worded_in_the_chosen_language() {
        let english = every_reason_in(Lang::En);
        for lang in [Lang::De, Lang::Ar] {
            let words = every_reason_in(lang);
            for (theirs, ours) in words.iter().zip(&english) {
                assert_ne!(theirs, ours, "left in English in {}", lang.tag());
                assert!(!theirs.starts_with("config-"), "no such message: {theirs}");
            }
        }
        // Each reason has words of its own, and the value as written is quoted in them.
        let mut distinct = english.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), english.len(), "{english:#?}");
        assert!(english[11].contains("fr"), "{}", english[11]);
    }

    #[test]
    fn an_unknown_locale_in_config_json_is_refused_in_the_browsers_language() {
        let error = AppConfig::parse(r#"{"auth": {"mode": "proxy"}, "locale": "fr"}"#).unwrap_err();
        let choice = crate::i18n::negotiate(None, &["de-DE".into()], None);
        crate::i18n::install_for_test(&choice);
        let text = error.to_string();
        assert!(text.contains("„fr“"), "{text}");
        assert!(text.contains("Sprache"), "{text}");
    }
}
