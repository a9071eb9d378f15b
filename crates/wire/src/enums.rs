//! String enums of the spec. Each keeps values a newer server may add in an `Other`
//! variant instead of failing to decode, and writes them back unchanged.

/// Declares a string enum with the spec's exact spellings, an `Other(String)` catch-all,
/// `as_str()`, `Display` and serde impls that go through the string form.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this build does not know (sent by a newer server), kept verbatim.
            Other(String),
        }

        impl $name {
            /// Every value the spec lists, in the spec's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value exactly as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $text, )+
                    $name::Other(other) => other.as_str(),
                }
            }

            /// Parses a wire value; unknown values become `Other`.
            pub fn parse(text: &str) -> Self {
                match text {
                    $( $text => $name::$variant, )+
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::parse(s))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <::std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Ok(Self::parse(&text))
            }
        }
    };
}
pub(crate) use string_enum;

string_enum! {
    /// What a [`crate::WorkItemEvent`] records (a sandbox extension, so these spellings are
    /// the sandbox's own).
    WorkItemAction {
        Completed = "Completed",
        Forwarded = "Forwarded",
        Approved = "Approved",
        Rejected = "Rejected",
        ApprovedAll = "ApprovedAll",
        RejectedAll = "RejectedAll",
        AccountSelectionSubmitted = "AccountSelectionSubmitted",
    }
}

string_enum! {
    /// `WorkItemStateManualWorkItems` and `WorkItemState`: where a work item, or one
    /// approval item of it, stands.
    WorkItemState {
        Finished = "Finished",
        Rejected = "Rejected",
        Returned = "Returned",
        Expired = "Expired",
        Pending = "Pending",
        Canceled = "Canceled",
    }
}

impl WorkItemState {
    /// Whether the item still waits for someone to act on it.
    pub fn is_pending(&self) -> bool {
        matches!(self, WorkItemState::Pending)
    }
}

string_enum! {
    /// `WorkItemTypeManualWorkItems`: what kind of task a work item is.
    WorkItemType {
        Generic = "Generic",
        Certification = "Certification",
        Remediation = "Remediation",
        Delegation = "Delegation",
        Approval = "Approval",
        ViolationReview = "ViolationReview",
        Form = "Form",
        PolicyViolation = "PolicyViolation",
        Challenge = "Challenge",
        ImpactAnalysis = "ImpactAnalysis",
        Signoff = "Signoff",
        Event = "Event",
        ManualAction = "ManualAction",
        Test = "Test",
    }
}

string_enum! {
    /// `DtoType`: the kind of object a reference points at.
    DtoType {
        AccountCorrelationConfig = "ACCOUNT_CORRELATION_CONFIG",
        AccessProfile = "ACCESS_PROFILE",
        AccessRequestApproval = "ACCESS_REQUEST_APPROVAL",
        Account = "ACCOUNT",
        Application = "APPLICATION",
        Campaign = "CAMPAIGN",
        CampaignFilter = "CAMPAIGN_FILTER",
        Certification = "CERTIFICATION",
        Cluster = "CLUSTER",
        ConnectorSchema = "CONNECTOR_SCHEMA",
        Entitlement = "ENTITLEMENT",
        GovernanceGroup = "GOVERNANCE_GROUP",
        Identity = "IDENTITY",
        IdentityProfile = "IDENTITY_PROFILE",
        IdentityRequest = "IDENTITY_REQUEST",
        MachineIdentity = "MACHINE_IDENTITY",
        LifecycleState = "LIFECYCLE_STATE",
        PasswordPolicy = "PASSWORD_POLICY",
        Role = "ROLE",
        Rule = "RULE",
        SodPolicy = "SOD_POLICY",
        Source = "SOURCE",
        Tag = "TAG",
        TagCategory = "TAG_CATEGORY",
        TaskResult = "TASK_RESULT",
        ReportResult = "REPORT_RESULT",
        SodViolation = "SOD_VIOLATION",
        AccountActivity = "ACCOUNT_ACTIVITY",
        Workgroup = "WORKGROUP",
    }
}

string_enum! {
    /// `LocaleOrigin`: how the locale of an error message was chosen.
    LocaleOrigin {
        Default = "DEFAULT",
        Request = "REQUEST",
    }
}

string_enum! {
    /// `PublicIdentity.identityState`: whether ISC treats the identity as active.
    IdentityState {
        Active = "ACTIVE",
        InactiveShortTerm = "INACTIVE_SHORT_TERM",
        InactiveLongTerm = "INACTIVE_LONG_TERM",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_round_trip_with_the_spec_spelling() {
        for state in WorkItemState::ALL {
            let json = serde_json::to_string(state).unwrap();
            assert_eq!(json, format!("\"{}\"", state.as_str()));
            assert_eq!(
                &serde_json::from_str::<WorkItemState>(&json).unwrap(),
                state
            );
        }
        assert_eq!(
            serde_json::to_string(&DtoType::SodPolicy).unwrap(),
            "\"SOD_POLICY\""
        );
    }

    #[test]
    fn an_unknown_value_decodes_to_other_and_is_written_back_unchanged() {
        let state: WorkItemType = serde_json::from_str("\"QuantumReview\"").unwrap();
        assert_eq!(state, WorkItemType::Other("QuantumReview".into()));
        assert_eq!(serde_json::to_string(&state).unwrap(), "\"QuantumReview\"");
    }

    #[test]
    fn values_are_case_sensitive_like_the_spec() {
        assert_eq!(
            WorkItemState::parse("pending"),
            WorkItemState::Other("pending".into())
        );
        assert!(WorkItemState::parse("Pending").is_pending());
    }
}
