//! Concurrent refreshes with one refresh token: reuse revocation must cover the token the
//! winner was given.

use reqwest::StatusCode;
use wire::oauth::{OAuthError, TokenResponse};

use crate::helpers::{spawn_app_with, Who};

/// How many sign-ins the race is run on. Without one transaction for taking the old token
/// and storing the new one, a few rounds were enough for a winner's token to survive.
const ROUNDS: usize = 25;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_refresh_race_revokes_the_winners_new_token_too() {
    let app = spawn_app_with(&["--token-rate-limit-requests", "100000"]).await;
    for round in 0..ROUNDS {
        let refresh = app.pkce_tokens(Who::Owner).await.refresh_token.unwrap();
        let (a, b, c, d) = tokio::join!(
            app.refresh(&refresh),
            app.refresh(&refresh),
            app.refresh(&refresh),
            app.refresh(&refresh),
        );
        let mut winners = Vec::new();
        let mut reused = 0;
        for answer in [a, b, c, d] {
            if answer.status() == StatusCode::OK {
                let token: TokenResponse = answer.json().await.unwrap();
                winners.push(token.refresh_token.unwrap());
            } else {
                assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
                let error: OAuthError = answer.json().await.unwrap();
                assert_eq!(error.error, "invalid_grant");
                reused += 1;
            }
        }
        assert_eq!(winners.len(), 1, "round {round}: exactly one refresh wins");
        assert_eq!(reused, 3, "round {round}");
        let after = app.refresh(&winners[0]).await;
        assert_eq!(
            after.status(),
            StatusCode::BAD_REQUEST,
            "round {round}: the winner's token outlived the revocation of its sign-in"
        );
    }
}
