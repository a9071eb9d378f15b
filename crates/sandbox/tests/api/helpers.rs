//! `spawn_app()`: a fresh sandbox per test, with typed helpers and tokens for every role.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use reqwest::{Client, Response, StatusCode};
use sandbox::routes::oauth::s256;
use sandbox::tokens::{Subject, Tenant, TokenKeys};
use sandbox::{AppState, Config, Credentials};
use serde_json::Value;
use tempfile::TempDir;
use tokio::net::TcpListener;
use wire::oauth::TokenResponse;
use wire::{ErrorResponseDto, WorkItem};

/// Who a test acts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// Alison Ferguso, a plain user who owns most seeded work.
    Owner,
    /// Fred Astaire, another plain user.
    Other,
    /// Thomas Edison, ORG_ADMIN.
    Admin,
}

impl Who {
    fn alias(self) -> &'static str {
        match self {
            Who::Owner => "alison.ferguso",
            Who::Other => "Fred.Astaire",
            Who::Admin => "thomas.edison",
        }
    }
}

/// A running sandbox.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub address: String,
    /// HTTP client that does not follow redirects.
    pub client: Client,
    /// The server's state (for minting odd tokens).
    pub state: AppState,
    /// Base URL and demo credentials.
    pub credentials: Credentials,
    /// Keeps the database directory alive.
    _dir: TempDir,
}

/// A sandbox with demo data and test controls.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// A sandbox with demo data, test controls and `extra` command-line arguments.
pub async fn spawn_app_with(extra: &[&str]) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    spawn_app_in(dir, extra).await
}

/// A sandbox whose database is `dir/sandbox.db`, started the way `sandbox::run` starts
/// one (without its stdout lines).
pub async fn spawn_app_in(dir: TempDir, extra: &[&str]) -> TestApp {
    let db = dir.path().join("sandbox.db");
    let mut args = vec![
        "sandbox".to_owned(),
        "--db".into(),
        db.display().to_string(),
        "--seed".into(),
        "demo".into(),
        "--enable-test-controls".into(),
    ];
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    let config = Config::from_args(args).unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let sandbox::Prepared { state, credentials } =
        sandbox::prepare(&listener, config).await.unwrap();
    tokio::spawn(sandbox::serve(
        listener,
        state.clone(),
        std::future::pending(),
    ));
    TestApp {
        address,
        client: Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        state,
        credentials,
        _dir: dir,
    }
}

impl TestApp {
    /// A new sandbox on this one's database, started with `extra` arguments: what a
    /// restart with other flags would find. This one keeps running, idle.
    pub async fn reopen_with(self, extra: &[&str]) -> TestApp {
        spawn_app_in(self._dir, extra).await
    }
}

/// A PKCE code verifier the tests sign in with.
pub const VERIFIER: &str = "a-verifier-that-is-long-enough-to-be-a-real-pkce-code-verifier-123";
/// The redirect URI the tests sign in with.
pub const REDIRECT: &str = "http://localhost:3000/callback";

impl TestApp {
    /// The absolute URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// (client id, client secret, identity id) of `who`.
    pub fn client_of(&self, who: Who) -> (String, String, String) {
        let entry = self
            .credentials
            .identities
            .iter()
            .find(|i| i.alias == who.alias())
            .unwrap();
        (
            entry.client_id.clone(),
            entry.client_secret.clone(),
            entry.id.clone(),
        )
    }

    /// The identity id of `who`.
    pub fn id_of(&self, who: Who) -> String {
        self.client_of(who).2
    }

    /// `POST /oauth/token` with `params` as a urlencoded body.
    pub async fn token_request(&self, params: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url("/oauth/token"))
            .form(params)
            .send()
            .await
            .unwrap()
    }

    /// The client-credentials grant for `who`, answered as it is.
    pub async fn client_credentials(&self, who: Who) -> Response {
        let (id, secret, _) = self.client_of(who);
        self.token_request(&[
            ("grant_type", "client_credentials"),
            ("client_id", &id),
            ("client_secret", &secret),
        ])
        .await
    }

    /// A real access token for `who`, through the client-credentials grant.
    pub async fn token(&self, who: Who) -> String {
        let response = self.client_credentials(who).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json::<TokenResponse>().await.unwrap().access_token
    }

    /// The authorization-code exchange of `code` with `verifier` (redirect [`REDIRECT`]).
    pub async fn exchange(&self, code: &str, verifier: &str) -> Response {
        self.token_request(&[
            ("grant_type", "authorization_code"),
            ("client_id", "my-tasks"),
            ("code", code),
            ("redirect_uri", REDIRECT),
            ("code_verifier", verifier),
        ])
        .await
    }

    /// The refresh-token grant for the browser client.
    pub async fn refresh(&self, refresh_token: &str) -> Response {
        self.token_request(&[
            ("grant_type", "refresh_token"),
            ("client_id", "my-tasks"),
            ("refresh_token", refresh_token),
        ])
        .await
    }

    /// The authorization request's parameters for [`REDIRECT`] and [`VERIFIER`].
    pub fn authorize_params(&self) -> Vec<(&'static str, String)> {
        vec![
            ("response_type", "code".into()),
            ("client_id", "my-tasks".into()),
            ("redirect_uri", REDIRECT.into()),
            ("state", "xyz".into()),
            ("code_challenge", s256(VERIFIER)),
            ("code_challenge_method", "S256".into()),
        ]
    }

    /// [`TestApp::authorize_params`] with `name` set to `value` instead.
    pub fn authorize_params_with(
        &self,
        name: &'static str,
        value: impl Into<String>,
    ) -> Vec<(&'static str, String)> {
        let mut params = self.authorize_params();
        params.retain(|(k, _)| *k != name);
        params.push((name, value.into()));
        params
    }

    /// `GET /oauth/authorize` (the sign-in page) with `params` as the query.
    pub async fn authorize_page(&self, params: &[(&str, String)]) -> Response {
        self.client
            .get(self.url("/oauth/authorize"))
            .query(params)
            .send()
            .await
            .unwrap()
    }

    /// `POST /oauth/authorize` (a sign-in button) with `params` as the form.
    pub async fn authorize_submit(&self, params: &[(&str, String)]) -> Response {
        self.client
            .post(self.url("/oauth/authorize"))
            .form(params)
            .send()
            .await
            .unwrap()
    }

    /// Signs in as `who` through the sign-in form and returns the code from the redirect.
    pub async fn sign_in(&self, who: Who) -> String {
        let mut params = self.authorize_params();
        params.push(("identity_id", self.id_of(who)));
        let redirect = self.authorize_submit(&params).await;
        assert_eq!(redirect.status(), StatusCode::FOUND);
        let location = redirect.headers()["location"].to_str().unwrap();
        assert!(
            location.starts_with(&format!("{REDIRECT}?code=")),
            "{location}"
        );
        assert!(location.ends_with("&state=xyz"), "{location}");
        let code = location.split("code=").nth(1).unwrap().split('&').next();
        code.unwrap().to_owned()
    }

    /// Tokens (with a refresh token) for `who` through the whole PKCE sign-in.
    pub async fn pkce_tokens(&self, who: Who) -> TokenResponse {
        let code = self.sign_in(who).await;
        let response = self.exchange(&code, VERIFIER).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    /// A correctly signed token for the owner that expired a minute ago.
    pub fn expired_token(&self) -> String {
        let now = chrono::Utc::now().timestamp();
        let subject = Subject {
            identity_id: self.id_of(Who::Owner),
            user_name: "alison.ferguso".into(),
            admin: false,
        };
        let mut claims = self.state.tokens().claims(&subject, "test", now - 1000);
        claims.exp = now - 60;
        self.state.tokens().sign(&claims).unwrap()
    }

    /// A token for the admin signed with a key the server does not know.
    pub fn forged_token(&self) -> String {
        let subject = Subject {
            identity_id: self.id_of(Who::Admin),
            user_name: "thomas.edison".into(),
            admin: true,
        };
        let keys = TokenKeys::new(b"not the server's key", 749, Tenant::default());
        let claims = keys.claims(&subject, "test", chrono::Utc::now().timestamp());
        keys.sign(&claims).unwrap()
    }

    /// An unsigned `alg: none` token claiming to be the admin.
    pub fn alg_none_token(&self) -> String {
        let forged = self.forged_token();
        let payload = forged.split('.').nth(1).unwrap();
        let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
        format!("{header}.{payload}.")
    }

    /// `GET path` with a bearer token.
    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.client
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }

    /// `POST path` without a body.
    pub async fn post(&self, path: &str, token: &str) -> Response {
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }

    /// `POST path` with a JSON body.
    pub async fn post_json(&self, path: &str, token: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// `POST /work-items/{id}/forward` with the experimental header.
    pub async fn forward(&self, id: &str, token: &str, body: &Value) -> Response {
        self.client
            .post(self.url(&format!("/v2024/work-items/{id}/forward")))
            .bearer_auth(token)
            .header("X-SailPoint-Experimental", "true")
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// All pending work items of the token's identity.
    pub async fn pending(&self, token: &str) -> Vec<WorkItem> {
        let response = self.get("/v2024/work-items", token).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    /// All completed work items of the token's identity.
    pub async fn completed(&self, token: &str) -> Vec<WorkItem> {
        let response = self.get("/v2024/work-items/completed", token).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    /// One work item.
    pub async fn work_item(&self, id: &str, token: &str) -> WorkItem {
        let response = self.get(&format!("/v2024/work-items/{id}"), token).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    /// The first pending item of the owner that `pick` accepts.
    pub async fn owner_item(&self, pick: impl Fn(&WorkItem) -> bool) -> WorkItem {
        let token = self.token(Who::Owner).await;
        self.pending(&token)
            .await
            .into_iter()
            .find(|i| pick(i))
            .expect("the seed has such an item")
    }

    /// The seed's "Create an Account" item for Fred.Astaire in GitHub.
    pub async fn fred_github_item(&self) -> WorkItem {
        self.owner_item(|i| {
            i.name.as_deref() == Some("Create an Account")
                && i.description.as_deref() == Some("Create account on source 'GitHub'")
        })
        .await
    }

    /// An owner's pending approval item with at least `n` approval items.
    pub async fn approval_item(&self, n: usize) -> WorkItem {
        self.owner_item(|i| i.approval_items().len() >= n).await
    }
}

/// Reads an `ErrorResponseDto` answer, checking its status and trackingId.
pub async fn error_body(response: Response, status: StatusCode) -> ErrorResponseDto {
    assert_eq!(response.status(), status);
    let body: ErrorResponseDto = response.json().await.unwrap();
    let tracking = body.tracking_id.clone().unwrap();
    assert_eq!(tracking.len(), 32);
    assert!(tracking.bytes().all(|b| b.is_ascii_hexdigit()));
    body
}
