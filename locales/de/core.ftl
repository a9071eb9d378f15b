# Deutsch: die Texte beider Builds (Widget und volle App). Zahlen schreibt das Intl des
# Browsers; Mengen wählen ihre Pluralform nach den CLDR-Regeln.

app-name = Meine Aufgaben

## Laden und Fehler

loading-app = Meine Aufgaben wird geladen…
loading-counts = Anzahlen werden geladen…
loading-overdue = Überfällige werden gezählt…
loading-work-items = Arbeitselemente werden geladen…
error-title = Etwas ist schiefgegangen.
error-session-ended = Ihre Sitzung ist abgelaufen. Sie werden neu angemeldet…
error-tracking-id = Tracking-ID:
retry = Erneut versuchen
server-busy-waiting = Der Server ist ausgelastet. Neuer Versuch in { $seconds } s…

## Das Widget

widget-waiting-longest = Warten am längsten
widget-see-all = Alle Arbeitselemente anzeigen
viewing-as = Angesehen als
widget-counts-label = Anzahl der Arbeitselemente
widget-open = Offen
widget-completed = Erledigt
widget-total = Gesamt
widget-nothing-waiting = Nichts wartet auf Sie.
widget-none-overdue = { $days ->
    [one] Nichts wartet länger als { $days } Tag.
   *[other] Nichts wartet länger als { $days } Tage.
}
widget-overdue = { $days ->
    [one] { $count } überfällig (warten länger als { $days } Tag)
   *[other] { $count } überfällig (warten länger als { $days } Tage)
}
widget-overdue-more = { $days ->
    [one] { $count }+ überfällig (warten länger als { $days } Tag)
   *[other] { $count }+ überfällig (warten länger als { $days } Tage)
}

## Start

cannot-start = Meine Aufgaben kann nicht starten
cannot-start-hint = Bitten Sie die Person, die diese App betreibt, ihre config.json zu korrigieren.
config-unreachable = config.json konnte nicht geladen werden: Der Server hat nicht geantwortet.
config-status = config.json konnte nicht geladen werden (HTTP { $status }).
config-malformed = { $what ->
    [syntax] config.json ist kein gültiges JSON (siehe Zeile { $at }).
    [truncated] config.json endet, bevor das JSON vollständig ist (Zeile { $at }).
   *[shape] config.json hat in Zeile { $at } einen unbekannten Schlüssel oder einen Wert der falschen Art.
}
config-api-base-url = apiBaseUrl muss leer sein (der eigene Ursprung der App) oder eine http://- oder https://-Adresse wie https://acme.api.identitynow.com, nicht „{ $detail }“.
config-auth-mode = auth.mode muss „pkce“ oder „proxy“ sein, nicht „{ $detail }“.
config-auth-required = auth.{ $name } ist erforderlich, wenn auth.mode „pkce“ ist.
config-host-origin = embed.hostOrigins muss Ursprünge wie https://dashboard.example enthalten, nicht „{ $detail }“.
config-work-items-path = workItemsPath muss „/v2024“ oder „/work-items/v1“ sein, nicht „{ $detail }“.
config-stale-after-days = staleAfterDays muss eine ganze Zahl von Tagen zwischen 1 und 3650 sein, nicht { $detail }.
config-poll-seconds = pollSeconds muss eine ganze Zahl von Sekunden zwischen 0 (keine Abfrage) und 86400 sein, nicht { $detail }.
config-locale = locale muss eine Sprache der App nennen: „en“, „de“ oder „ar“ (eine Region darf folgen, wie in „de-CH“), nicht „{ $detail }“.

## Anmelden

sign-in-title = Bei Meine Aufgaben anmelden
sign-in-lead = Sehen und bearbeiten Sie die Arbeitselemente, die in Identity Security Cloud auf Sie warten.
sign-in = Anmelden
signing-in = Anmeldung läuft…
sign-in-no-code = Die Antwort der Anmeldung enthält keinen Code.
sign-in-no-crypto = Dieser Browser kann sich nicht sicher anmelden (ihm fehlt Web Crypto). Öffnen Sie Meine Aufgaben über HTTPS oder in einem aktuellen Browser.
sign-in-no-storage = Dieser Browser konnte den Anmeldestatus nicht speichern.
sign-in-popup-blocked = Der Browser hat das Anmeldefenster blockiert. Erlauben Sie Pop-ups für diese Seite oder öffnen Sie Meine Aufgaben in einem eigenen Tab.
sign-in-popup-closed = Das Anmeldefenster wurde vor der Anmeldung geschlossen.
sign-in-refused = Die Anmeldung wurde nicht abgeschlossen: { $reason }
sign-in-not-here = Diese App meldet nicht selbst an.
sign-in-unreadable = Das Anmeldefenster hat eine unlesbare Antwort gesendet.
sign-in-state-mismatch = Die Antwort der Anmeldung passt nicht zur Anfrage (state).
sign-in-not-started = Diese Anmeldung wurde nicht hier begonnen oder wurde bereits verwendet.

## Arbeitselemente

item-no-name = (ohne Namen)
work-item-type = { $kind ->
    [Generic] Allgemein
    [Certification] Zertifizierung
    [Remediation] Behebung
    [Delegation] Delegierung
    [Approval] Genehmigung
    [ViolationReview] Verstoßprüfung
    [Form] Formular
    [PolicyViolation] Richtlinienverstoß
    [Challenge] Einspruch
    [ImpactAnalysis] Auswirkungsanalyse
    [Signoff] Abzeichnung
    [Event] Ereignis
    [ManualAction] Manuelle Aktion
    [Test] Test
   *[other] { $kind }
}

## Was die API gesagt hat

api-network = Der Server war nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.
api-decode = Der Server hat eine Antwort gesendet, die nicht gelesen werden konnte.
api-rate-limited = Zu viele Anfragen.
api-try-again = { $message } Versuchen Sie es in { $seconds } s erneut.
api-bad-request = Die Anfrage wurde abgelehnt.
api-unauthorized = Ihre Sitzung ist abgelaufen.
api-forbidden = Das dürfen Sie nicht.
api-not-found = Nicht gefunden.
api-server = Der Server ist gescheitert (HTTP { $status }).

# Between the items of a list: identities, accounts, sources.
list-separator = {", "}
