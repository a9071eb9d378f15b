//! The Forward dialog's rules: who and why, checked before anything is sent.

use super::format::display_name;
use crate::t;
use wire::{PublicIdentity, WorkItemForward};

/// A validated forward: the request body and the new owner's name for the confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct ForwardChoice {
    /// The body of the forward request.
    pub body: WorkItemForward,
    /// Who gets the work item, as a person reads it.
    pub new_owner: String,
}

/// Why a forward cannot be sent yet, one message per field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ForwardErrors {
    /// No one (or no one with an id) was chosen.
    pub target: Option<String>,
    /// The comment is empty, or longer than the server takes.
    pub comment: Option<String>,
}

/// Checks the dialog's inputs and builds the forward request from them.
pub fn validate_forward(
    target: Option<&PublicIdentity>,
    comment: &str,
    send_notifications: bool,
) -> Result<ForwardChoice, ForwardErrors> {
    let target_id = target.and_then(|t| t.id.clone());
    let comment = comment.trim();
    let errors = ForwardErrors {
        target: target_id.is_none().then(|| t!("forward-error-target")),
        comment: match comment.chars().count() {
            0 => Some(t!("forward-error-comment")),
            count if count > wire::MAX_COMMENT_CHARS => Some(t!(
                "forward-error-comment-long",
                count = count,
                max = wire::MAX_COMMENT_CHARS
            )),
            _ => None,
        },
    };
    match (target_id, errors == ForwardErrors::default()) {
        (Some(target_owner_id), true) => Ok(ForwardChoice {
            body: WorkItemForward {
                target_owner_id,
                comment: comment.to_owned(),
                send_notifications,
            },
            new_owner: target.map(display_name).unwrap_or_default(),
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fred() -> PublicIdentity {
        PublicIdentity {
            id: Some("id-fred".into()),
            name: Some("Fred Astaire".into()),
            ..PublicIdentity::default()
        }
    }

    #[test]
    fn a_forward_needs_a_person_and_a_comment() {
        let errors = validate_forward(None, "  ", true).unwrap_err();
        assert!(errors.target.is_some());
        assert!(errors.comment.is_some());
    }

    #[test]
    fn a_valid_forward_trims_the_comment_and_names_the_new_owner() {
        let choice = validate_forward(Some(&fred()), " over to you ", false).unwrap();
        assert_eq!(choice.body.target_owner_id, "id-fred");
        assert_eq!(choice.body.comment, "over to you");
        assert!(!choice.body.send_notifications);
        assert_eq!(choice.new_owner, "Fred Astaire");
    }

    #[test]
    fn a_comment_longer_than_the_server_takes_says_how_long_it_is() {
        let longest = "é".repeat(wire::MAX_COMMENT_CHARS);
        assert!(validate_forward(Some(&fred()), &longest, true).is_ok());
        let error = validate_forward(Some(&fred()), &format!("{longest}x"), true)
            .unwrap_err()
            .comment
            .unwrap();
        // The counts as the browser writes them ("2,001" in English), the digits in order.
        let digits: String = error.chars().filter(char::is_ascii_digit).collect();
        assert_eq!(digits, "20012000", "{error}");
    }

    #[test]
    fn a_person_without_an_id_cannot_be_forwarded_to() {
        let nobody = PublicIdentity::default();
        assert!(validate_forward(Some(&nobody), "hi", true)
            .unwrap_err()
            .target
            .is_some());
    }
}
