//! Why a command did not happen, decided from what the client knows — the answer's status,
//! the command, and the work item as last seen — never from the server's wording, which
//! differs between the sandbox and a real tenant. The result travels as a type to the view,
//! which alone chooses the words ([`super::wording`]).

use super::command::{Command, Target};
use crate::api::error::ApiError;

/// The API refused the command because of the state of the work item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Mark Complete while this many approval items waited for a decision: they block it.
    ApprovalsPending(usize),
    /// The work item (or the approval items) were decided or completed meanwhile.
    AlreadyDone,
    /// 403: the work item is not this person's any more (e.g. it was forwarded).
    NotYours,
    /// 404: the work item (or approval item) does not exist any more.
    Gone,
    /// Any other 400, with the server's own explanation when it sent one (shown, not read).
    Invalid(Option<String>),
}

/// What went wrong with a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The API refused it; the app can say why.
    Refused(Refusal),
    /// It failed for another reason (network, 5xx, 429, 401, an unreadable answer).
    Failed(ApiError),
}

impl Problem {
    /// Whether the person can go on from the dialog they are in, with what they entered: a
    /// refused forward (e.g. the item already belongs to that person) is fixed there, and a
    /// failed one (network, server) sent again; rather than the item having changed.
    pub fn fixable_in_dialog(&self, command: &Command) -> bool {
        matches!(command, Command::Forward(_)) && self.keeps_input(command)
    }

    /// Whether what the person entered for `command` (a forward's person and comment, a
    /// form's fields) is to be kept where it was entered: the command was refused for it,
    /// or failed on the way, so the item is as it was and they try again from there.
    pub fn keeps_input(&self, command: &Command) -> bool {
        matches!(command, Command::Forward(_) | Command::Submit(_))
            && matches!(
                self,
                Problem::Refused(Refusal::Invalid(_)) | Problem::Failed(_)
            )
    }
}

/// Classifies the failure of `command` on `target` (the work item as last seen).
///
/// A 400 is read from what could have blocked the command: completing an item whose
/// approval items were still waiting is blocked by them; a decision on an item that was
/// open when last seen means someone decided first; completing an item with nothing in its
/// way means someone completed it first. Forwards and form submissions are refused for
/// what the person entered, so the server's words are shown.
pub fn classify(command: &Command, target: &Target, error: ApiError) -> Problem {
    let refusal = match &error {
        ApiError::Forbidden(_) => Refusal::NotYours,
        ApiError::NotFound(_) => Refusal::Gone,
        ApiError::BadRequest(message) => match command {
            Command::Complete if target.approvals_waiting > 0 => {
                Refusal::ApprovalsPending(target.approvals_waiting)
            }
            Command::Complete if !target.has_form => Refusal::AlreadyDone,
            Command::Decide { .. } | Command::DecideAll(..) => Refusal::AlreadyDone,
            Command::Complete | Command::Forward(_) | Command::Submit(_) => {
                Refusal::Invalid(message.text.clone())
            }
        },
        _ => return Problem::Failed(error),
    };
    Problem::Refused(refusal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ServerMessage;
    use crate::logic::forward::ForwardChoice;
    use crate::logic::messages::Decision;

    fn target(approvals_waiting: usize, has_form: bool) -> Target {
        Target {
            id: "w1".into(),
            name: "Access".into(),
            approvals_waiting,
            waiting_ids: Vec::new(),
            has_form,
        }
    }

    /// A 400 whose text is deliberately unlike the sandbox's, as a real tenant's would be.
    fn bad_request() -> ApiError {
        ApiError::BadRequest(ServerMessage {
            text: Some("Unable to process the request.".into()),
            tracking_id: Some("t-1".into()),
        })
    }

    fn forward() -> Command {
        Command::Forward(ForwardChoice {
            body: wire::WorkItemForward {
                target_owner_id: "id-fred".into(),
                comment: "yours".into(),
                send_notifications: true,
            },
            new_owner: "Fred".into(),
        })
    }

    #[test]
    fn completing_while_approval_items_wait_is_blocked_by_them_whatever_the_server_says() {
        let problem = classify(&Command::Complete, &target(2, false), bad_request());
        assert_eq!(problem, Problem::Refused(Refusal::ApprovalsPending(2)));
        assert!(matches!(
            problem,
            Problem::Refused(Refusal::ApprovalsPending(_))
        ));
    }

    #[test]
    fn completing_an_item_with_nothing_in_its_way_was_refused_because_it_was_done_already() {
        let problem = classify(&Command::Complete, &target(0, false), bad_request());
        assert_eq!(problem, Problem::Refused(Refusal::AlreadyDone));
        assert!(!matches!(
            problem,
            Problem::Refused(Refusal::ApprovalsPending(_))
        ));
    }

    #[test]
    fn a_refused_decision_means_someone_decided_first() {
        let one = Command::Decide {
            approval_id: "a1".into(),
            label: "admins on GitHub".into(),
            decision: Decision::Approve,
        };
        let all = Command::DecideAll(Decision::Reject, 3);
        for command in [one, all] {
            assert_eq!(
                classify(&command, &target(3, false), bad_request()),
                Problem::Refused(Refusal::AlreadyDone)
            );
        }
    }

    #[test]
    fn a_refused_forward_or_form_keeps_the_servers_words_and_a_forward_stays_in_its_dialog() {
        let words = Some("Unable to process the request.".to_owned());
        let problem = classify(&forward(), &target(0, false), bad_request());
        assert_eq!(problem, Problem::Refused(Refusal::Invalid(words.clone())));
        assert!(problem.fixable_in_dialog(&forward()));
        let submit = Command::Submit(wire::AccountSelection::new());
        assert_eq!(
            classify(&submit, &target(0, true), bad_request()),
            Problem::Refused(Refusal::Invalid(words.clone()))
        );
        assert_eq!(
            classify(&Command::Complete, &target(0, true), bad_request()),
            Problem::Refused(Refusal::Invalid(words))
        );
        assert!(!problem.fixable_in_dialog(&Command::Complete));
    }

    #[test]
    fn forbidden_and_not_found_mean_not_yours_and_gone_and_other_failures_are_no_refusal() {
        let forbidden = ApiError::Forbidden(ServerMessage::default());
        let missing = ApiError::NotFound(ServerMessage::default());
        let down = ApiError::Server {
            status: 503,
            message: ServerMessage::default(),
        };
        let command = Command::Complete;
        assert_eq!(
            classify(&command, &target(0, false), forbidden),
            Problem::Refused(Refusal::NotYours)
        );
        assert_eq!(
            classify(&command, &target(0, false), missing),
            Problem::Refused(Refusal::Gone)
        );
        assert_eq!(
            classify(&command, &target(0, false), down.clone()),
            Problem::Failed(down.clone())
        );
        let forward_forbidden = classify(
            &forward(),
            &target(0, false),
            ApiError::Forbidden(ServerMessage::default()),
        );
        assert!(!forward_forbidden.fixable_in_dialog(&forward()));
        // A forward that failed (not refused) is sent again from its dialog.
        let forward_down = classify(&forward(), &target(0, false), down);
        assert!(forward_down.fixable_in_dialog(&forward()));
        assert!(!forward_down.fixable_in_dialog(&Command::Complete));
        // A form that failed keeps its fields; one for an item that went away does not.
        let submit = Command::Submit(wire::AccountSelection::new());
        assert!(forward_down.keeps_input(&submit));
        assert!(!forward_forbidden.keeps_input(&submit));
        assert!(!forward_down.keeps_input(&Command::Complete));
    }
}
