# Deutsch: die Texte, die nur die volle App verwendet; der Widget-Build lässt sie weg.

## Der Rahmen der App

skip-to-content = Zum Inhalt springen
nav-main = Hauptmenü
nav-dashboard = Übersicht
nav-task-manager = Aufgabenverwaltung
sign-out = Abmelden
session-ended-title = Ihre Anmeldung ist abgelaufen
session-ended-text = Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren: Diese Seite und Ihre Eingaben bleiben erhalten. Wurde etwas, das Sie gesendet haben, deshalb abgelehnt, senden Sie es nach der Anmeldung erneut.
session-ended-again = Erneut anmelden
session-ended-here = Stattdessen auf dieser Seite anmelden
session-ended-here-note = Die Anmeldung auf dieser Seite verlässt sie: Ihre Eingaben gehen verloren.
language = Sprache
language-wait-for-run = Eine Aktion für mehrere Elemente läuft: Die Sprache lässt sich ändern, sobald sie beendet ist (der Wechsel lädt die Seite neu).
language-reloads = Ein Sprachwechsel lädt die Seite neu: Eine Auswahl oder hier Eingegebenes, das noch nicht gesendet ist, geht verloren.

## Aufgabenverwaltung: Reiter, Suche, Filter, Sortierung und Laden

tab = { $tab ->
    [pending] Ausstehend
   *[completed] Erledigt
}
find-label = { $tab ->
    [pending] Ausstehende Arbeitselemente finden
   *[completed] Erledigte Arbeitselemente finden
}
search = Suchen
find-more = { $count ->
    [0] Filter und Ansichten
   *[other] Filter und Ansichten ({ $count })
}
filter-type = Typ
filter-type-all = Alle Typen
filter-source = Quelle
filter-source-all = Alle Quellen
filter-requester = Antragsteller
filter-requester-all = Alle
filter-age = Alter
filter-age-all = Beliebiges Alter
filter-age-option = { $days ->
    [one] Wartet seit { $days }+ Tag
   *[other] Wartet seit { $days }+ Tagen
}
sort-by = Sortieren nach
sort = { $by ->
    [newest] Neueste zuerst
    [oldest] Älteste zuerst
    [modified] Zuletzt geändert
    [modified-oldest] Am längsten nicht geändert
    [name] Name, A bis Z
    [name-desc] Name, Z bis A
    [type] Typ
   *[source] Quelle
}
progress-loading = { $loaded } von { $total } geladen…
progress-stopped = { $loaded } von { $total } geladen; das Laden wurde abgebrochen.
progress-done = { $count ->
    [one] { $count } Arbeitselement
   *[other] { $count } Arbeitselemente
}
progress-filtered = { $count ->
    [one] { $shown } von { $count } Arbeitselement angezeigt
   *[other] { $shown } von { $count } Arbeitselementen angezeigt
}
work-items = Arbeitselemente
tab-count-failed = { $tab ->
    [pending] Die Anzahl der ausstehenden konnte nicht geladen werden: { $reason }
   *[completed] Die Anzahl der erledigten konnte nicht geladen werden: { $reason }
}
tab-counts-failed = Die Anzahlen konnten nicht geladen werden: { $reason }

## Die Tabelle und die Karten

table-label = { $tab ->
    [pending] Ausstehende Arbeitselemente
   *[completed] Erledigte Arbeitselemente
}
column-type = Typ
column-name = Name
# A soft hyphen (U+00AD) after "Antrag": the header may break there in a narrow table.
column-requester = Antrag­steller
column-identity-account = Identität / Konto
column-source = Quelle
column-completed = Erledigt
column-waiting = Wartezeit
column-actions = Aktionen
column-outcome = Ergebnis
# How the approval items of a completed work item were decided; the parts that are
# not zero are joined as a list ("2 approved, 1 rejected").
tally-approved = { $count } genehmigt
tally-rejected = { $count } abgelehnt
tally-undecided = { $count } offen
waited-under-a-minute = weniger als einer Minute
overdue = überfällig
facet-sources = { $count ->
    [one] Quelle
   *[other] Quellen
}
facet-identities = { $count ->
    [one] Identität
   *[other] Identitäten
}
facet-accounts = { $count ->
    [one] Konto
   *[other] Konten
}
facet-created = Erstellt

## Aktionen und ihre Bestätigungen

mark-complete = Als erledigt markieren
complete-work-item = Arbeitselement erledigen
confirm-complete-named = „{ $name }“ als erledigt markieren? Es wechselt von Ausstehend zu Erledigt.
confirm-complete = Dieses Arbeitselement als erledigt markieren? Es wechselt von Ausstehend zu Erledigt.
go-to-approval-items = Zu den Genehmigungselementen
complete-after-approvals = { $count ->
    [one] Dieses Arbeitselement wird abgeschlossen, indem Sie über sein Genehmigungselement entscheiden.
   *[other] Dieses Arbeitselement wird abgeschlossen, indem Sie über seine { $count } Genehmigungselemente entscheiden.
}
cancel = Abbrechen

## Weiterleiten

forward = Weiterleiten
forward-title = Arbeitselement weiterleiten
forward-to = Weiterleiten an (Pflichtfeld)
forward-comment = Kommentar (Pflichtfeld)
forward-notify = Benachrichtigungen senden
forward-error-target = Wählen Sie aus der Liste, an wen weitergeleitet werden soll.
forward-error-comment = Schreiben Sie einen Kommentar für die neue Person.
forward-error-comment-long = Der Kommentar ist zu lang: { $count } Zeichen; gesendet werden können höchstens { $max }.
people = Personen
people-searching = Suche läuft…
people-none-found = Niemand gefunden.
people-found = { $count ->
    [one] { $count } Person gefunden.
   *[other] { $count } Personen gefunden.
}
people-search-failed = Die Suche ist fehlgeschlagen: { $reason }

## Entscheidungen

decide = { $decision ->
    [approve] Genehmigen
   *[reject] Ablehnen
}
decide-all = { $decision ->
    [approve] Alle genehmigen
   *[reject] Alle ablehnen
}
decide-title = { $decision ->
    [approve] { $count ->
        [one] Element genehmigen
       *[other] Elemente genehmigen
    }
   *[reject] { $count ->
        [one] Element ablehnen
       *[other] Elemente ablehnen
    }
}
confirm-decide-all = { $decision ->
    [approve] { $count ->
        [one] Das einzige ausstehende Genehmigungselement dieses Arbeitselements genehmigen?
       *[other] Alle { $count } ausstehenden Genehmigungselemente dieses Arbeitselements genehmigen?
    }
   *[reject] { $count ->
        [one] Das einzige ausstehende Genehmigungselement dieses Arbeitselements ablehnen?
       *[other] Alle { $count } ausstehenden Genehmigungselemente dieses Arbeitselements ablehnen?
    }
}
confirm-decide-all-named = { $decision ->
    [approve] { $count ->
        [one] Das einzige ausstehende Genehmigungselement von „{ $name }“ genehmigen?
       *[other] Alle { $count } ausstehenden Genehmigungselemente von „{ $name }“ genehmigen?
    }
   *[reject] { $count ->
        [one] Das einzige ausstehende Genehmigungselement von „{ $name }“ ablehnen?
       *[other] Alle { $count } ausstehenden Genehmigungselemente von „{ $name }“ ablehnen?
    }
}
confirm-decide = { $decision ->
    [approve] „{ $label }“ genehmigen? Damit wird 1 Genehmigungselement entschieden.
   *[reject] „{ $label }“ ablehnen? Damit wird 1 Genehmigungselement entschieden.
}
items = { $count ->
    [one] { $count } Element
   *[other] { $count } Elemente
}

## Was nach einer Aktion geschah

failed-with-tracking = { $message } (Tracking-ID { $tracking })
refused-approvals-pending = { $count ->
    [one] Dieses Arbeitselement kann noch nicht erledigt werden: { $count } Element wartet noch auf eine Entscheidung. Genehmigen oder lehnen Sie es zuerst unter Genehmigungselemente ab.
   *[other] Dieses Arbeitselement kann noch nicht erledigt werden: { $count } Elemente warten noch auf eine Entscheidung. Genehmigen oder lehnen Sie sie zuerst unter Genehmigungselemente ab.
}
refused-already-done = { $action ->
    [decide] Über dieses Genehmigungselement wurde bereits entschieden, vielleicht in einem anderen Fenster. Diese Seite zeigt jetzt den aktuellen Stand.
    [decide-all] Über diese Genehmigungselemente wurde bereits entschieden, vielleicht in einem anderen Fenster. Diese Seite zeigt jetzt den aktuellen Stand.
   *[complete] Dieses Arbeitselement wurde bereits erledigt, vielleicht von jemand anderem oder in einem anderen Fenster. Diese Seite zeigt jetzt den aktuellen Stand.
}
refused-not-yours = Dieses Arbeitselement liegt nicht mehr bei Ihnen: Es wurde vielleicht an jemand anderen weitergeleitet. Diese Seite zeigt jetzt den aktuellen Stand.
refused-gone = Dieses Arbeitselement (oder das Element, das Sie bearbeitet haben) existiert nicht mehr. Diese Seite zeigt jetzt, was übrig ist.
refused-invalid = Das hat nicht geklappt: { $reason }
refused-invalid-plain = Das hat nicht geklappt: Die Anfrage wurde abgelehnt.
reason-approvals-pending = { $count ->
    [one] { $count } Element wartet noch auf eine Entscheidung
   *[other] { $count } Elemente warten noch auf eine Entscheidung
}
reason-already-done = { $action ->
    [complete] bereits erledigt, vielleicht von jemand anderem
   *[other] bereits entschieden, vielleicht in einem anderen Fenster
}
reason-not-yours = liegt nicht mehr bei Ihnen; es wurde vielleicht weitergeleitet
reason-gone = es existiert nicht mehr
reason-refused = die Anfrage wurde abgelehnt
refused-because = abgelehnt: { $reason }
done-complete = „{ $name }“ ist erledigt. Sie finden es unter Erledigt.
done-forward = „{ $name }“ wurde an { $owner } weitergeleitet.
decided-otherwise = { $count ->
    [one] { $what } ({ $count } war schon anders entschieden)
   *[other] { $what } ({ $count } waren schon anders entschieden)
}
done-decide = { $decision ->
    [approve] Genehmigt: { $what } in „{ $name }“.
   *[reject] Abgelehnt: { $what } in „{ $name }“.
}
done-decide-finished = { $decision ->
    [approve] Genehmigt: { $what } in „{ $name }“. Alle Elemente sind entschieden; Sie finden es unter Erledigt.
   *[reject] Abgelehnt: { $what } in „{ $name }“. Alle Elemente sind entschieden; Sie finden es unter Erledigt.
}
done-submit = Kontoauswahl für „{ $name }“ gesendet: { $values }.
failed-action = { $action ->
    [forward] „{ $name }“ konnte nicht weitergeleitet werden: { $reason }
    [approve] { $what } in „{ $name }“ konnte nicht genehmigt werden: { $reason }
    [reject] { $what } in „{ $name }“ konnte nicht abgelehnt werden: { $reason }
    [approve-all] Die Elemente von „{ $name }“ konnten nicht genehmigt werden: { $reason }
    [reject-all] Die Elemente von „{ $name }“ konnten nicht abgelehnt werden: { $reason }
    [submit] Die Kontoauswahl für „{ $name }“ konnte nicht gesendet werden: { $reason }
   *[complete] „{ $name }“ konnte nicht als erledigt markiert werden: { $reason }
}

## Viele Arbeitselemente auf einmal

work-items-count = { $count ->
    [one] { $count } Arbeitselement
   *[other] { $count } Arbeitselemente
}
unfit-not-pending = es ist nicht mehr ausstehend
unfit-has-form = es hat ein Kontoauswahl-Formular; senden Sie es auf seiner Seite
unfit-approvals-pending = { $count ->
    [one] { $count } Genehmigungselement wartet noch auf eine Entscheidung
   *[other] { $count } Genehmigungselemente warten noch auf eine Entscheidung
}
unfit-no-approvals = es hat keine Genehmigungselemente, die auf eine Entscheidung warten
unfit-already-theirs = es gehört bereits { $name }
unfit-busy = eine Aktion dazu, von seiner Seite gesendet, ist noch unterwegs
bulk-fits-none = „{ $action }“ passt auf keines dieser Arbeitselemente.
bulk-confirm = { $action ->
    [complete] { $count ->
        [one] { $count } Arbeitselement als erledigt markieren?
       *[other] { $count } Arbeitselemente als erledigt markieren?
    }
    [approve] { $count ->
        [one] Alle ausstehenden Genehmigungselemente von { $count } Arbeitselement genehmigen?
       *[other] Alle ausstehenden Genehmigungselemente von { $count } Arbeitselementen genehmigen?
    }
   *[reject] { $count ->
        [one] Alle ausstehenden Genehmigungselemente von { $count } Arbeitselement ablehnen?
       *[other] Alle ausstehenden Genehmigungselemente von { $count } Arbeitselementen ablehnen?
    }
}
bulk-confirm-one = { $action ->
    [complete] „{ $name }“ als erledigt markieren?
    [approve] Alle ausstehenden Genehmigungselemente von „{ $name }“ genehmigen?
   *[reject] Alle ausstehenden Genehmigungselemente von „{ $name }“ ablehnen?
}
bulk-confirm-forward-one = „{ $name }“ an { $owner } weiterleiten?
bulk-confirm-forward = { $count ->
    [one] { $count } Arbeitselement an { $owner } weiterleiten?
   *[other] { $count } Arbeitselemente an { $owner } weiterleiten?
}
outcome-queued = wartet
outcome-sending = wird gesendet…
outcome-forwarded = an { $owner } weitergeleitet
outcome-done = { $action ->
    [complete] erledigt
    [approve] { $count ->
        [one] { $count } Element genehmigt
       *[other] { $count } Elemente genehmigt
    }
   *[reject] { $count ->
        [one] { $count } Element abgelehnt
       *[other] { $count } Elemente abgelehnt
    }
}
outcome-not-sent = nicht gesendet (abgebrochen)
bulk-running = { $doing ->
    [complete] Wird erledigt… { $answered } von { $total } beantwortet.
    [approve] Wird genehmigt… { $answered } von { $total } beantwortet.
    [reject] Wird abgelehnt… { $answered } von { $total } beantwortet.
    [forward] Wird weitergeleitet… { $answered } von { $total } beantwortet.
   *[cancel] Wird abgebrochen… { $answered } von { $total } beantwortet.
}
bulk-done = { $count } erledigt
bulk-refused = { $count } abgelehnt
bulk-failed = { $count } fehlgeschlagen
bulk-not-sent = { $count } nicht gesendet
bulk-finished = Fertig: { $parts }.
bulk-ended-elsewhere = { $action }, { $items }: { $parts }. Die Ergebnisse stehen in der Aufgabenverwaltung.
bulk-ended-elsewhere-retry = { $action }, { $items }: { $parts }. Öffnen Sie die Aufgabenverwaltung, um die fehlgeschlagenen erneut zu senden.
bulk-label = Ausgewählte Arbeitselemente
bulk-selected = { $count } ausgewählt
bulk-select-all = { $count ->
    [one] Den { $count } Treffer auswählen
   *[other] Alle { $count } Treffer auswählen
}
bulk-clear = Auswahl aufheben
select-item = { $name } auswählen
select-group = Alle Arbeitselemente in { $name } auswählen
shortcuts = Tastenkürzel
key-enter = Eingabetaste
key-escape = Esc
current-row = { $name }, { $at } von { $total }
current-row-selected = { $name }, { $at } von { $total }, ausgewählt
forward-title-many = { $count } Arbeitselemente weiterleiten
bulk-confirm-title = { $action }: bestätigen
bulk-unfit = { $count ->
    [one] { $count } Arbeitselement kommt dafür nicht infrage:
   *[other] { $count } Arbeitselemente kommen dafür nicht infrage:
}
bulk-left-out = Ausgelassene Arbeitselemente
close = Schließen
cancelling = Wird abgebrochen…
bulk-action = Sammelaktion
bulk-results-title = { $action }: Ergebnisse
progress = Fortschritt
results = Ergebnisse
retry-failed = Fehlgeschlagene erneut senden
shortcuts-single-keys = Einzeltasten-Kürzel
shortcuts-single-keys-off = Aus: nur ↓ ↑, Eingabetaste und Esc wirken. Hier lassen sie sich wieder einschalten (die Schaltfläche „Tastenkürzel“ öffnet diese Liste).
shortcut = { $what ->
    [next] Nächstes Arbeitselement
    [previous] Vorheriges Arbeitselement
    [select] Aktuelles Arbeitselement aus- oder abwählen
    [open] Aktuelles Arbeitselement öffnen
    [clear] Auswahl aufheben oder zurückgehen
    [complete] Als erledigt markieren (die Auswahl, sonst das aktuelle Element)
    [approve] Alle genehmigen (die Auswahl, sonst das aktuelle Element)
    [reject] Alle ablehnen (die Auswahl, sonst das aktuelle Element)
    [forward] Weiterleiten (die Auswahl, sonst das aktuelle Element)
    [search] Suchen
   *[help] Diese Tastenkürzel anzeigen
}

## Der Verlauf auf der Detailseite

history = Verlauf
history-omitted = { $count ->
    [one] { $count } frühere Änderung wird nicht angezeigt.
   *[other] { $count } frühere Änderungen werden nicht angezeigt.
}
history-someone = Jemand
history-someone-else = jemand anderen
history-event = { $action ->
    [Completed] { $who } hat es als erledigt markiert
    [Forwarded] { $who } hat es an { $whom } weitergeleitet
    [Approved] { $who } hat ein Element genehmigt
    [Rejected] { $who } hat ein Element abgelehnt
    [ApprovedAll] { $who } hat alle Elemente genehmigt
    [RejectedAll] { $who } hat alle Elemente abgelehnt
    [AccountSelectionSubmitted] { $who } hat das Formular gesendet
   *[changed] { $who } hat es geändert
}
history-other = { $who }: „{ $action }“

## Ansehen als, und neue Arbeit

viewing-as-now = Jetzt werden die Arbeitselemente von { $name } angezeigt.
viewing-own = Jetzt werden Ihre eigenen Arbeitselemente angezeigt.
back-to-my-tasks = Zurück zu meinen Aufgaben
view-as = Ansehen als
find = Finden
matching-identities = Passende Identitäten
view-as-person = Ansehen als { $name }
show = Anzeigen
list-changed = Einige dieser Arbeitselemente wurden anderswo erledigt
new-items = { $count ->
    [one] { $count } neues Arbeitselement
   *[other] { $count } neue Arbeitselemente
}
title-with-count = ({ $count }) Meine Aufgaben
title-page = { $page } · Meine Aufgaben
title-page-with-count = ({ $count }) { $page } · Meine Aufgaben
title-task-manager = { $tab ->
    [pending] Ausstehend · Aufgabenverwaltung
   *[completed] Erledigt · Aufgabenverwaltung
}
dismiss = Schließen

## Anmelden, und Seiten, die es nicht gibt

loading-session = Ihre Sitzung wird geladen…
sign-in-incomplete = Die Anmeldung wurde nicht abgeschlossen.
signed-in-close = Angemeldet. Sie können dieses Fenster schließen.
sign-in-widget-gone = Das Widget, das diese Anmeldung angefordert hat, ist nicht mehr da. Kehren Sie dorthin zurück und melden Sie sich erneut an.
not-found-title = Seite nicht gefunden
not-found-text = Unter dieser Adresse gibt es nichts.
go-to-dashboard = Zur Übersicht
back-to-task-manager = ← Zurück zur Aufgabenverwaltung

## Die Detailseite

loading-work-item = Das Arbeitselement wird geladen…
detail-not-found-before = Es gibt kein Arbeitselement mit der ID
detail-not-found-after = , oder Sie dürfen es nicht sehen.
detail-go-to-pending = Zu Ihren ausstehenden Arbeitselementen
detail-not-yours-title = Nicht Ihr Arbeitselement
detail-not-yours-before = Das Arbeitselement mit der ID
detail-not-yours-after = gehört jetzt jemand anderem: Es wurde vielleicht weitergeleitet.
approval-item = Element
approval-label = { $what } in { $application }
approval-items = Genehmigungselemente ({ $count })
remediation-items = Behebungselemente ({ $count })
form = Formular
form-chosen = Was ausgewählt wurde
errors = Fehler
field-state = Status
field-type = Typ
field-owner = Besitzer
field-requester = Antragsteller
field-created = Erstellt
field-modified = Geändert
field-completed = Erledigt
field-items = Elemente
field-id = ID
field-application = Anwendung
field-account = Konto
field-attribute = Attribut
field-operation = Vorgang
# An operation the API names (an approval item's, a remediation item's); one it does
# not know is shown as the API wrote it.
operation-value = { $op ->
    [add] Hinzufügen
    [remove] Entfernen
    [create] Erstellen
    [delete] Löschen
    [update] Aktualisieren
    [set] Setzen
    [enable] Aktivieren
    [disable] Deaktivieren
    [unlock] Entsperren
   *[other] { $raw }
}
# A tab's count that could not be loaded.
count-unknown = ?
field-value = Wert
field-identity = Identität
item-state = { $state ->
    [Finished] Abgeschlossen
    [Rejected] Abgelehnt
    [Returned] Zurückgegeben
    [Expired] Abgelaufen
    [Pending] Ausstehend
    [Canceled] Storniert
   *[other] { $state }
}
# An approval item's state: the API calls an approved one Finished.
approval-state = { $state ->
    [Finished] Genehmigt
    [Rejected] Abgelehnt
    [Returned] Zurückgegeben
    [Expired] Abgelaufen
    [Pending] Ausstehend
    [Canceled] Storniert
   *[other] { $state }
}

## Aufgabenverwaltung: Zustände der Liste, gespeicherte Ansichten und Export

no-such-tab = Diesen Reiter gibt es nicht.
no-match = Keine Arbeitselemente passen.
clear-filters = Filter zurücksetzen
tab-empty = { $tab ->
    [pending] Keine ausstehenden Arbeitselemente. Nichts wartet auf Sie.
   *[completed] Noch keine erledigten Arbeitselemente.
}
show-more = Mehr anzeigen
description-whole = Ganze Beschreibung anzeigen
description-less = Weniger von der Beschreibung anzeigen
views-name-first = Geben Sie der Ansicht zuerst einen Namen.
views-saved = Ansicht „{ $name }“ gespeichert.
views-replace-ask = Eine Ansicht „{ $name }“ gibt es schon. Speichern Sie erneut, um sie zu ersetzen.
views-replaced = Ansicht „{ $name }“ ersetzt.
views-cannot-save = Dieser Browser erlaubt der App nicht, Ansichten zu speichern.
views-delete = Ansicht löschen
views-delete-title = Gespeicherte Ansicht löschen
views-delete-ask = Die gespeicherte Ansicht „{ $name }“ aus diesem Browser löschen? Die angezeigte Liste bleibt, wie sie ist.
views-deleted = Ansicht „{ $name }“ gelöscht.
download-refused = Der Browser hat den Download verweigert.
views-saved-label = Gespeicherte Ansichten
views-none = Noch keine gespeichert
views-choose = Ansicht wählen
views-name = Name der Ansicht
views-save = Ansicht speichern
export-csv = Als CSV exportieren
export-json = Als JSON exportieren
export-partial = Die Datei enthält nur, was geladen war: { $loaded } von { $total } Arbeitselementen.
export-csv-separator = {";"}
# Die Kopfzeile des CSV-Exports.
export-column-id = ID
export-column-name = Name
export-column-type = Typ
export-column-state = Status
export-column-requester = Antragsteller
export-column-identities = Identitäten
export-column-accounts = Konten
export-column-sources = Quellen
export-column-created = Erstellt
export-column-modified = Geändert
export-column-completed = Erledigt
export-column-description = Beschreibung

## Das Kontoauswahl-Formular

form-needs-attention = { $count ->
    [one] { $count } Feld braucht Ihre Aufmerksamkeit.
   *[other] { $count } Felder brauchen Ihre Aufmerksamkeit.
}
form-for = Für
submit = Senden
submit-confirm-title = Kontoauswahl senden
submit-confirm = Diese Auswahl senden: { $values }? Das lässt sich nicht rückgängig machen.
submit-confirm-empty = Die Kontoauswahl ohne Auswahl senden? Das lässt sich nicht rückgängig machen.
form-unknown-item = Unbekanntes Formularelement
form-unknown-field = { $label } (Typ „{ $kind }“, schreibgeschützt)
choose = Auswählen…
form-check-required = Kreuzen Sie „{ $label }“ an, um fortzufahren.
form-required = „{ $label }“ ist ein Pflichtfeld.
form-choose-listed = Wählen Sie einen der aufgeführten Werte für „{ $label }“.
form-too-long = „{ $label }“ ist zu lang: { $count } Zeichen; gesendet werden können höchstens { $max }.
form-field-required = { $label } (Pflichtfeld)
the-work-item = das Arbeitselement
detail-not-found-title = Arbeitselement nicht gefunden
none = Keine.

## Gruppierung

group-by = Gruppieren nach
group = { $by ->
    [none] Keine Gruppierung
    [type] Typ
    [source] Quelle
    [requester] Antragsteller
   *[age] Alter
}
age-band = { $band ->
    [today] Unter einem Tag
    [week] Unter einer Woche
    [month] Unter einem Monat
    [older] Älter
   *[overdue] Überfällig
}
group-no-type = Ohne Typ
group-no-source = Ohne Quelle
group-no-requester = Ohne Antragsteller
