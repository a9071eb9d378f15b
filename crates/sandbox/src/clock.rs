//! The sandbox's clock.

use chrono::{DateTime, SubsecRound, Utc};

/// Now, to the millisecond: ISC writes its times with three decimals
/// (`2017-07-11T18:45:37.098Z`), and some clients (Python 3.10's
/// `datetime.fromisoformat`) refuse more.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
}
