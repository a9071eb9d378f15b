# The words both builds use (the widget and the full app): the widget, signing in,
# times, statuses and errors. Counts choose their plural form by CLDR's rules for the
# language; numbers are written by the browser's Intl.

app-name = My Tasks

## Loading and errors

loading-app = Loading My Tasks…
loading-counts = Loading counts…
loading-overdue = Loading the overdue count…
loading-work-items = Loading work items…
error-title = Something went wrong.
error-session-ended = Your session has ended. Signing you in again…
error-tracking-id = Tracking ID:
retry = Retry
server-busy-waiting = The server is busy. Waiting { $seconds } s before trying again…

## The widget

widget-waiting-longest = Waiting longest
widget-see-all = See all work items
viewing-as = Viewing as
widget-counts-label = Work item counts
widget-open = Open
widget-completed = Completed
widget-total = Total
widget-nothing-waiting = Nothing is waiting for you.
widget-none-overdue = { $days ->
    [one] Nothing has waited over { $days } day.
   *[other] Nothing has waited over { $days } days.
}
widget-overdue = { $days ->
    [one] { $count } overdue (waiting over { $days } day)
   *[other] { $count } overdue (waiting over { $days } days)
}
widget-overdue-more = { $days ->
    [one] { $count }+ overdue (waiting over { $days } day)
   *[other] { $count }+ overdue (waiting over { $days } days)
}

## Starting

cannot-start = My Tasks cannot start
cannot-start-hint = Ask whoever deployed this app to fix its config.json.
config-unreachable = config.json could not be loaded: the server did not answer.
config-status = config.json could not be loaded (HTTP { $status }).
config-malformed = { $what ->
    [syntax] config.json is not valid JSON (see line { $at }).
    [truncated] config.json ends before its JSON is complete (line { $at }).
   *[shape] config.json has an unknown key or a value of the wrong kind on line { $at }.
}
config-api-base-url = apiBaseUrl must be empty (the app's own origin) or an http:// or https:// address such as https://acme.api.identitynow.com, not “{ $detail }”.
config-auth-mode = auth.mode must be “pkce” or “proxy”, not “{ $detail }”.
config-auth-required = auth.{ $name } is required when auth.mode is “pkce”.
config-host-origin = embed.hostOrigins must hold origins such as https://dashboard.example, not “{ $detail }”.
config-work-items-path = workItemsPath must be “/v2024” or “/work-items/v1”, not “{ $detail }”.
config-stale-after-days = staleAfterDays must be a whole number of days from 1 to 3650, not { $detail }.
config-poll-seconds = pollSeconds must be a whole number of seconds from 0 (no polling) to 86400, not { $detail }.
config-locale = locale must name a language the app has: “en”, “de” or “ar” (a region may follow, as in “de-CH”), not “{ $detail }”.

## Signing in

sign-in-title = Sign in to My Tasks
sign-in-lead = See and act on the work items waiting for you in Identity Security Cloud.
sign-in = Sign in
signing-in = Signing in…
sign-in-no-code = The sign-in answer has no code.
sign-in-no-crypto = This browser cannot sign in securely (it has no Web Crypto). Open My Tasks over HTTPS or in a current browser.
sign-in-no-storage = This browser could not keep the sign-in state.
sign-in-popup-blocked = The browser blocked the sign-in window. Allow popups for this page, or open My Tasks in its own tab.
sign-in-popup-closed = The sign-in window was closed before signing in.
sign-in-refused = Sign-in did not complete: { $reason }
sign-in-not-here = This app does not sign in.
sign-in-unreadable = The sign-in window sent an unreadable answer.
sign-in-state-mismatch = The sign-in answer does not match the request (state).
sign-in-not-started = This sign-in was not started here, or was already used.

## Work items

item-no-name = (no name)
work-item-type = { $kind ->
    [Generic] Generic
    [Certification] Certification
    [Remediation] Remediation
    [Delegation] Delegation
    [Approval] Approval
    [ViolationReview] Violation review
    [Form] Form
    [PolicyViolation] Policy violation
    [Challenge] Challenge
    [ImpactAnalysis] Impact analysis
    [Signoff] Signoff
    [Event] Event
    [ManualAction] Manual action
    [Test] Test
   *[other] { $kind }
}

## What the API said

api-network = Could not reach the server. Check the connection and try again.
api-decode = The server sent an answer that could not be read.
api-rate-limited = Too many requests.
api-try-again = { $message } Try again in { $seconds } s.
api-bad-request = The request was refused.
api-unauthorized = Your session has ended.
api-forbidden = You are not allowed to do this.
api-not-found = Not found.
api-server = The server failed (HTTP { $status }).

# Between the items of a list: identities, accounts, sources.
list-separator = {", "}
