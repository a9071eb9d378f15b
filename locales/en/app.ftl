# The words only the full app uses; the widget build leaves them out.

## The app's chrome

skip-to-content = Skip to content
nav-main = Main
nav-dashboard = Dashboard
nav-task-manager = Task Manager
sign-out = Sign out
# When the sign-in ends under a page the person typed in (the page stays).
session-ended-title = Your sign-in has ended
session-ended-text = Your sign-in has ended. Sign in again to go on: this page and what you typed in it stay as they are. If something you sent was refused for this, send it again once you are signed in.
session-ended-again = Sign in again
session-ended-here = Sign in on this page instead
session-ended-here-note = Signing in on this page leaves it: what you typed here is lost.
language = Language
language-wait-for-run = An action on several items is running: the language can be changed once it has ended (changing it reloads the page).
language-reloads = Changing the language reloads the page: a selection, or anything typed here and not yet sent, is lost.

## Task Manager: tabs, search, filters, sort and loading

tab = { $tab ->
    [pending] Pending
   *[completed] Completed
}
find-label = { $tab ->
    [pending] Find pending work items
   *[completed] Find completed work items
}
search = Search
# The button that opens the filters, sort, grouping and saved views on a narrow screen;
# $count is how many of them differ from the default.
find-more = { $count ->
    [0] Filters and views
   *[other] Filters and views ({ $count })
}
filter-type = Type
filter-type-all = All types
filter-source = Source
filter-source-all = All sources
filter-requester = Requester
filter-requester-all = Anyone
filter-age = Age
filter-age-all = Any age
filter-age-option = { $days ->
    [one] Waiting { $days }+ day
   *[other] Waiting { $days }+ days
}
sort-by = Sort by
sort = { $by ->
    [newest] Newest first
    [oldest] Oldest first
    [modified] Recently modified
    [modified-oldest] Least recently modified
    [name] Name, A to Z
    [name-desc] Name, Z to A
    [type] Type
   *[source] Source
}
progress-loading = Loaded { $loaded } of { $total }…
progress-stopped = Loaded { $loaded } of { $total }; loading stopped.
progress-done = { $count ->
    [one] { $count } work item
   *[other] { $count } work items
}
progress-filtered = { $count ->
    [one] Showing { $shown } of { $count } work item
   *[other] Showing { $shown } of { $count } work items
}
work-items = Work items
tab-count-failed = { $tab ->
    [pending] The pending count could not be loaded: { $reason }
   *[completed] The completed count could not be loaded: { $reason }
}
tab-counts-failed = The counts could not be loaded: { $reason }

## The table and the cards

table-label = { $tab ->
    [pending] Pending work items
   *[completed] Completed work items
}
column-type = Type
column-name = Name
column-requester = Requester
column-identity-account = Identity / account
column-source = Source
column-completed = Completed
column-waiting = Waiting
column-actions = Actions
column-outcome = Outcome
# How the approval items of a completed work item were decided; the parts that are
# not zero are joined as a list ("2 approved, 1 rejected").
tally-approved = { $count } approved
tally-rejected = { $count } rejected
tally-undecided = { $count } undecided
waited-under-a-minute = under a minute
overdue = overdue
facet-sources = { $count ->
    [one] Source
   *[other] Sources
}
facet-identities = { $count ->
    [one] Identity
   *[other] Identities
}
facet-accounts = { $count ->
    [one] Account
   *[other] Accounts
}
facet-created = Created

## Actions and their confirmations

mark-complete = Mark Complete
complete-work-item = Complete work item
confirm-complete-named = Mark “{ $name }” complete? It moves from Pending to Completed.
confirm-complete = Mark this work item complete? It moves from Pending to Completed.
go-to-approval-items = Go to the approval items
complete-after-approvals = { $count ->
    [one] This work item is finished by deciding its approval item.
   *[other] This work item is finished by deciding its { $count } approval items.
}
cancel = Cancel

## Forwarding

forward = Forward
forward-title = Forward work item
forward-to = Forward to (required)
forward-comment = Comment (required)
forward-notify = Send notifications
forward-error-target = Choose the person to forward this to from the list.
forward-error-comment = Write a comment for the new owner.
forward-error-comment-long = The comment is too long: { $count } characters, and at most { $max } can be sent.
people = People
people-searching = Searching…
people-none-found = No one found.
people-found = { $count ->
    [one] { $count } person found.
   *[other] { $count } people found.
}
people-search-failed = Search failed: { $reason }

## Decisions

decide = { $decision ->
    [approve] Approve
   *[reject] Reject
}
decide-all = { $decision ->
    [approve] Approve All
   *[reject] Reject All
}
decide-title = { $decision ->
    [approve] { $count ->
        [one] Approve item
       *[other] Approve items
    }
   *[reject] { $count ->
        [one] Reject item
       *[other] Reject items
    }
}
confirm-decide-all = { $decision ->
    [approve] { $count ->
        [one] Approve the { $count } pending approval item of this work item?
       *[other] Approve all { $count } pending approval items of this work item?
    }
   *[reject] { $count ->
        [one] Reject the { $count } pending approval item of this work item?
       *[other] Reject all { $count } pending approval items of this work item?
    }
}
confirm-decide-all-named = { $decision ->
    [approve] { $count ->
        [one] Approve the { $count } pending approval item of “{ $name }”?
       *[other] Approve all { $count } pending approval items of “{ $name }”?
    }
   *[reject] { $count ->
        [one] Reject the { $count } pending approval item of “{ $name }”?
       *[other] Reject all { $count } pending approval items of “{ $name }”?
    }
}
confirm-decide = { $decision ->
    [approve] Approve “{ $label }”? This decides 1 approval item.
   *[reject] Reject “{ $label }”? This decides 1 approval item.
}
items = { $count ->
    [one] { $count } item
   *[other] { $count } items
}

## What happened after an action

failed-with-tracking = { $message } (tracking ID { $tracking })
refused-approvals-pending = { $count ->
    [one] This work item cannot be completed yet: { $count } item still waits for a decision. Approve or reject it under Approval items first.
   *[other] This work item cannot be completed yet: { $count } items still wait for a decision. Approve or reject them under Approval items first.
}
refused-already-done = { $action ->
    [decide] That approval item has already been decided, perhaps in another window. This page now shows how things stand.
    [decide-all] These approval items were already decided, perhaps in another window. This page now shows how things stand.
   *[complete] This work item was already completed, perhaps by someone else or in another window. This page now shows how it stands.
}
refused-not-yours = This work item is no longer yours to act on: it may have been forwarded to someone else. This page now shows how it stands.
refused-gone = This work item (or the item you acted on) no longer exists. This page now shows what is left.
refused-invalid = That did not work: { $reason }
refused-invalid-plain = That did not work: the request was refused.
reason-approvals-pending = { $count ->
    [one] { $count } item still waits for a decision
   *[other] { $count } items still wait for a decision
}
reason-already-done = { $action ->
    [complete] already completed, perhaps by someone else
   *[other] already decided, perhaps in another window
}
reason-not-yours = no longer yours; it may have been forwarded
reason-gone = it no longer exists
reason-refused = the request was refused
refused-because = refused: { $reason }
done-complete = “{ $name }” is complete. You will find it under Completed.
done-forward = “{ $name }” was forwarded to { $owner }.
decided-otherwise = { $count ->
    [one] { $what } ({ $count } had been decided otherwise first)
   *[other] { $what } ({ $count } had been decided otherwise first)
}
done-decide = { $decision ->
    [approve] Approved { $what } in “{ $name }”.
   *[reject] Rejected { $what } in “{ $name }”.
}
done-decide-finished = { $decision ->
    [approve] Approved { $what } in “{ $name }”. Every item is decided, so you will find it under Completed.
   *[reject] Rejected { $what } in “{ $name }”. Every item is decided, so you will find it under Completed.
}
done-submit = Account selection for “{ $name }” submitted: { $values }.
# The toast when an action on a work item did not work; $reason says why.
failed-action = { $action ->
    [forward] Could not forward “{ $name }”: { $reason }
    [approve] Could not approve { $what } in “{ $name }”: { $reason }
    [reject] Could not reject { $what } in “{ $name }”: { $reason }
    [approve-all] Could not approve the items of “{ $name }”: { $reason }
    [reject-all] Could not reject the items of “{ $name }”: { $reason }
    [submit] Could not submit the account selection for “{ $name }”: { $reason }
   *[complete] Could not mark “{ $name }” complete: { $reason }
}

## Acting on many work items at once

work-items-count = { $count ->
    [one] { $count } work item
   *[other] { $count } work items
}
unfit-not-pending = it is not pending any more
unfit-has-form = it has an account-selection form; submit it on its page
unfit-approvals-pending = { $count ->
    [one] { $count } approval item still waits for a decision
   *[other] { $count } approval items still wait for a decision
}
unfit-no-approvals = it has no approval items waiting for a decision
unfit-already-theirs = it already belongs to { $name }
unfit-busy = an action on it, sent from its page, is still on its way
bulk-fits-none = { $action } applies to none of these work items.
bulk-confirm = { $action ->
    [complete] { $count ->
        [one] Mark { $count } work item complete?
       *[other] Mark { $count } work items complete?
    }
    [approve] { $count ->
        [one] Approve every pending approval item of { $count } work item?
       *[other] Approve every pending approval item of { $count } work items?
    }
   *[reject] { $count ->
        [one] Reject every pending approval item of { $count } work item?
       *[other] Reject every pending approval item of { $count } work items?
    }
}
bulk-confirm-one = { $action ->
    [complete] Mark “{ $name }” complete?
    [approve] Approve every pending approval item of “{ $name }”?
   *[reject] Reject every pending approval item of “{ $name }”?
}
bulk-confirm-forward-one = Forward “{ $name }” to { $owner }?
bulk-confirm-forward = { $count ->
    [one] Forward { $count } work item to { $owner }?
   *[other] Forward { $count } work items to { $owner }?
}
outcome-queued = waiting
outcome-sending = sending…
outcome-forwarded = forwarded to { $owner }
outcome-done = { $action ->
    [complete] completed
    [approve] { $count ->
        [one] approved { $count } item
       *[other] approved { $count } items
    }
   *[reject] { $count ->
        [one] rejected { $count } item
       *[other] rejected { $count } items
    }
}
outcome-not-sent = not sent (cancelled)
bulk-running = { $doing ->
    [complete] Completing… { $answered } of { $total } answered.
    [approve] Approving… { $answered } of { $total } answered.
    [reject] Rejecting… { $answered } of { $total } answered.
    [forward] Forwarding… { $answered } of { $total } answered.
   *[cancel] Cancelling… { $answered } of { $total } answered.
}
bulk-done = { $count } done
bulk-refused = { $count } refused
bulk-failed = { $count } failed
bulk-not-sent = { $count } not sent
bulk-finished = Finished: { $parts }.
bulk-ended-elsewhere = { $action }, { $items }: { $parts }. The results are on Task Manager.
bulk-ended-elsewhere-retry = { $action }, { $items }: { $parts }. Open Task Manager to retry the failed ones.
bulk-label = Selected work items
bulk-selected = { $count } selected
bulk-select-all = { $count ->
    [one] Select the { $count } match
   *[other] Select all { $count } matching
}
bulk-clear = Clear selection
select-item = Select { $name }
select-group = Select every work item in { $name }
shortcuts = Keyboard shortcuts
key-enter = Enter
key-escape = Escape
current-row = { $name }, { $at } of { $total }
current-row-selected = { $name }, { $at } of { $total }, selected
forward-title-many = Forward { $count } work items
bulk-confirm-title = { $action }: confirm
bulk-unfit = { $count ->
    [one] { $count } work item cannot take it:
   *[other] { $count } work items cannot take it:
}
bulk-left-out = Work items left out
close = Close
cancelling = Cancelling…
bulk-action = Bulk action
bulk-results-title = { $action }: results
progress = Progress
results = Results
retry-failed = Retry failed
shortcuts-single-keys = Single-key shortcuts
shortcuts-single-keys-off = Off: only ↓ ↑, Enter and Escape work. Turn them on again here (the “Keyboard shortcuts” button opens this list).
shortcut = { $what ->
    [next] Next work item
    [previous] Previous work item
    [select] Select or unselect the current work item
    [open] Open the current work item
    [clear] Clear the selection, or go back
    [complete] Mark Complete (the selection, else the current item)
    [approve] Approve All (the selection, else the current item)
    [reject] Reject All (the selection, else the current item)
    [forward] Forward (the selection, else the current item)
    [search] Search
   *[help] Show these shortcuts
}

## The detail page's history

history = History
history-omitted = { $count ->
    [one] { $count } earlier change is not shown.
   *[other] { $count } earlier changes are not shown.
}
history-someone = Someone
history-someone-else = someone else
history-event = { $action ->
    [Completed] { $who } marked it complete
    [Forwarded] { $who } forwarded it to { $whom }
    [Approved] { $who } approved an item
    [Rejected] { $who } rejected an item
    [ApprovedAll] { $who } approved all items
    [RejectedAll] { $who } rejected all items
    [AccountSelectionSubmitted] { $who } submitted the form
   *[changed] { $who } changed it
}
history-other = { $who } did “{ $action }”

## View as, and fresh work

viewing-as-now = Now viewing the work items of { $name }.
viewing-own = Now viewing your own work items.
back-to-my-tasks = Back to my tasks
view-as = View as
find = Find
matching-identities = Matching identities
view-as-person = View as { $name }
show = Show
list-changed = Some of these work items were dealt with elsewhere
new-items = { $count ->
    [one] { $count } new work item
   *[other] { $count } new work items
}
title-with-count = ({ $count }) My Tasks
# The document's title: a page's own name (an item's, a tab's) before the app's.
title-page = { $page } · My Tasks
title-page-with-count = ({ $count }) { $page } · My Tasks
title-task-manager = { $tab ->
    [pending] Pending · Task Manager
   *[completed] Completed · Task Manager
}
dismiss = Dismiss

## Signing in, and pages that are not there

loading-session = Loading your session…
sign-in-incomplete = Sign-in did not complete.
signed-in-close = Signed in. You can close this window.
sign-in-widget-gone = The widget that asked for this sign-in is gone. Return to it and sign in again.
not-found-title = Page not found
not-found-text = There is nothing at this address.
go-to-dashboard = Go to the dashboard
back-to-task-manager = ← Back to Task Manager

## The detail page

loading-work-item = Loading the work item…
detail-not-found-before = There is no work item with the ID
detail-not-found-after = , or it is not yours to see.
detail-go-to-pending = Go to your pending work items
detail-not-yours-title = Not your work item
detail-not-yours-before = The work item with the ID
detail-not-yours-after = is someone else's now: it may have been forwarded to them.
approval-item = item
approval-label = { $what } on { $application }
approval-items = Approval items ({ $count })
remediation-items = Remediation items ({ $count })
form = Form
form-chosen = What was chosen
errors = Errors
field-state = State
field-type = Type
field-owner = Owner
field-requester = Requester
field-created = Created
field-modified = Modified
field-completed = Completed
field-items = Items
field-id = ID
field-application = Application
field-account = Account
field-attribute = Attribute
field-operation = Operation
# An operation the API names (an approval item's, a remediation item's); one it does
# not know is shown as the API wrote it.
operation-value = { $op ->
    [add] Add
    [remove] Remove
    [create] Create
    [delete] Delete
    [update] Update
    [set] Set
    [enable] Enable
    [disable] Disable
    [unlock] Unlock
   *[other] { $raw }
}
# A tab's count that could not be loaded.
count-unknown = ?
field-value = Value
field-identity = Identity
item-state = { $state ->
    [Finished] Finished
    [Rejected] Rejected
    [Returned] Returned
    [Expired] Expired
    [Pending] Pending
    [Canceled] Canceled
   *[other] { $state }
}
# An approval item's state: the API calls an approved one Finished.
approval-state = { $state ->
    [Finished] Approved
    [Rejected] Rejected
    [Returned] Returned
    [Expired] Expired
    [Pending] Pending
    [Canceled] Canceled
   *[other] { $state }
}

## Task Manager: states of the list, saved views and export

no-such-tab = There is no such tab.
no-match = No work items match.
clear-filters = Clear filters
tab-empty = { $tab ->
    [pending] No pending work items. Nothing is waiting for you.
   *[completed] No completed work items yet.
}
show-more = Show more
description-whole = Show the whole description
description-less = Show less of the description
views-name-first = Give the view a name first.
views-saved = Saved the view “{ $name }”.
views-replace-ask = A view named “{ $name }” exists already. Save again to replace it.
views-replaced = Replaced the view “{ $name }”.
views-cannot-save = This browser does not let the app save views.
views-delete = Delete view
views-delete-title = Delete saved view
views-delete-ask = Delete the saved view “{ $name }” from this browser? The list shown stays as it is.
views-deleted = Deleted the view “{ $name }”.
download-refused = The browser refused the download.
views-saved-label = Saved views
views-none = None saved yet
views-choose = Choose a view
views-name = View name
views-save = Save view
export-csv = Export CSV
export-json = Export JSON
# Said after an export made before the list had loaded in full (or after loading stopped).
export-partial = The file holds only what had loaded: { $loaded } of { $total } work items.
# The CSV export's field separator: the one a spreadsheet in this language splits on when
# the file is opened (one character).
export-csv-separator = {","}
# The CSV export's header row (lower case in English, as before: scripts read it too).
export-column-id = id
export-column-name = name
export-column-type = type
export-column-state = state
export-column-requester = requester
export-column-identities = identities
export-column-accounts = accounts
export-column-sources = sources
export-column-created = created
export-column-modified = modified
export-column-completed = completed
export-column-description = description

## The account-selection form

form-needs-attention = { $count ->
    [one] { $count } field needs your attention.
   *[other] { $count } fields need your attention.
}
form-for = For
submit = Submit
submit-confirm-title = Submit the account selection
submit-confirm = Submit these choices: { $values }? This cannot be undone.
submit-confirm-empty = Submit the account selection with nothing chosen? This cannot be undone.
form-unknown-item = Unrecognised form item
form-unknown-field = { $label } (type “{ $kind }”, read-only)
choose = Choose…
form-check-required = Check “{ $label }” to continue.
form-required = “{ $label }” is required.
form-choose-listed = Choose one of the listed values for “{ $label }”.
form-too-long = “{ $label }” is too long: { $count } characters, and at most { $max } can be sent.
form-field-required = { $label } (required)
the-work-item = the work item
detail-not-found-title = Work item not found
none = None.

## Grouping

group-by = Group by
group = { $by ->
    [none] No grouping
    [type] Type
    [source] Source
    [requester] Requester
   *[age] Age
}
age-band = { $band ->
    [today] Under a day
    [week] Under a week
    [month] Under a month
    [older] Older
   *[overdue] Overdue
}
group-no-type = No type
group-no-source = No source
group-no-requester = No requester
