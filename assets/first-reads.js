// The first reads of a page, started while the wasm downloads (scripts/postbuild.py puts
// this file at the top of the boot script). On a slow link the wasm takes a second or more
// to arrive; without this, the app's first API calls would only leave after it, a round
// trip later than they could. The app's API client (src/api/first_reads.rs) takes a read
// when it sends the same GET with the same token, once; anything else it fetches itself.
//
// What this must agree with, and where it is defined:
// - the session in sessionStorage `my-tasks.session` (src/api/auth.rs, src/api/session.rs)
//   and "view as" in `my-tasks.view-as` (src/state.rs): only a signed-in person viewing
//   their own work gets first reads;
// - `config.json` (src/config.rs): `apiBaseUrl`, `auth.mode`, `workItemsPath` (the last
//   one read is kept in sessionStorage `my-tasks.first-reads.config`, so a later visit in
//   the tab starts before it arrives);
// - the reads each page sends first (FIRST_READS below). A read the app does not take is
//   a wasted request, which the browser journeys (e2e/first-reads.spec.ts) catch.
//
// A Task Manager tab's first page is also given, as a copy, to the preview
// (assets/preview.js, in the full app's boot script only): `firstPage` below.
//
// The words of a language other than English are a file beside the wasm (CATALOGUES, filled
// in by scripts/postbuild.py with this build's file of each language); the one the person
// will be shown is started here too, and the app (src/api/catalogue.rs) takes it with
// `take` like any other read. The language is chosen as src/i18n/lang.rs chooses it: the
// person's pick in localStorage `my-tasks.language`, then the browser's languages, then
// config.json's `locale` (only then does this wait for config.json), then English.
(() => {
  'use strict';
  // This build's catalogue file of each language but English, by tag.
  const CATALOGUES = __CATALOGUES__;
  const LANGS = ['en', 'de', 'ar'];
  const LANGUAGE_KEY = 'my-tasks.language';
  /** Pages and their first reads: [path under the work-items root, experimental?, the
   * Task Manager tab whose first page this is (for the preview)]. */
  const WIDGET = [
    ['/summary', false],
    ['?limit=5&offset=0&count=false', false],
    ['?limit=250&offset=0&count=true', false],
  ];
  const COUNTS = [['/count', false], ['/completed/count', true]];
  const FIRST_READS = {
    // The dashboard shows the widget; its shell (src/hooks/poll.rs) reads the count.
    '': [...WIDGET, ['/count', false]],
    '/widget': WIDGET, // src/components/widget.rs, no shell
    // src/pages/task_manager.rs (counts), src/hooks/queue.rs (the first page)
    '/tasks/pending': [['?limit=250&offset=0&count=true', false, 'pending'], ...COUNTS],
    '/tasks/completed': [['/completed?limit=250&offset=0&count=true', false, 'completed'], ...COUNTS],
  };
  /** `workItemsPath` (absent means "/v2024") and the work-item root it puts reads under. */
  const WORK_ITEMS_ROOTS = new Map([['/v2024', '/v2024/work-items'], ['/work-items/v1', '/work-items/v1']]);
  /** A read is given out at most this long after it started. */
  const FRESH_MS = 30000;
  /** Refresh margin of the app's client for a session stored without its refresh point. */
  const REFRESH_MARGIN_MS = 60000;

  const started = new Map();
  const key = (url, token) => `${new URL(url, location.href).href} ${token || ''}`;
  /** The tab's first page as last started: { tab, config, copy } (see `firstPage`). */
  let page = null;
  let givePage;
  // The language, as src/i18n/lang.rs negotiates it: the app's language of a tag, or null;
  const fromTag = (tag) => {
    const primary = String(tag).trim().split(/[-_]/)[0].toLowerCase();
    return LANGS.includes(primary) ? primary : null;
  };
  // the person's pick, else the first of the browser's languages the app has, else null;
  const asked = () => {
    let picked = null;
    try {
      picked = localStorage.getItem(LANGUAGE_KEY);
    } catch {
      // storage disabled: the browser's languages decide
    }
    return (picked !== null && fromTag(picked))
      || Array.from(navigator.languages || [], String).map(fromTag).find(Boolean) || null;
  };
  // and that, else config.json's `locale` (`config` is its content, or null), else English.
  const language = (config) => asked()
    || (config && typeof config.locale === 'string' && fromTag(config.locale)) || 'en';

  const askedFor = new Set();
  globalThis.myTasksFirstReads = {
    take(url, token) {
      const k = key(url, token);
      askedFor.add(k);
      const read = started.get(k);
      started.delete(k);
      apiReads.delete(k);
      return read && performance.now() - read.at < FRESH_MS ? read.response : undefined;
    },
    /** Settles once config.json has been checked: null, or the Task Manager tab whose
     * first page the app will take, the config it was read with, and `copy`, a promise of
     * a clone of its answer (null unless 200). The clone is made as soon as the answer is
     * in, before the app can read its body; the app gets the original. */
    firstPage: new Promise((resolve) => { givePage = resolve; }),
    // This build's catalogue files (src/api/catalogue.rs); the language, with config.json's
    // content or null (assets/preview.js); the app's language of a tag, or null.
    catalogues: CATALOGUES,
    language,
    languageOf: fromTag,
  };

  const start = (url, token, headers) => {
    const response = fetch(url, { headers });
    // A failed read is the app's to retry; it must not show as unhandled here.
    response.catch(() => {});
    started.set(key(url, token), { at: performance.now(), response });
    return response;
  };
  const stored = (name) => {
    try {
      return sessionStorage.getItem(name);
    } catch {
      return null; // storage disabled: the app will ask the person to sign in
    }
  };

  // The API reads started here and not yet taken. One the app will not take is cancelled:
  // the API's answers are no-store, so an answer nobody reads is never taken off the
  // connection, which it would hold (six per server) until the page goes.
  const apiReads = new Set();
  const drop = (k) => {
    const read = started.get(k);
    apiReads.delete(k);
    if (!read) return;
    started.delete(k);
    read.response.then((r) => r.body && r.body.cancel()).catch(() => {});
  };
  const dropAll = () => [...apiReads].forEach(drop);
  setTimeout(dropAll, FRESH_MS);

  /** Starts the page's reads as `config` (config.json's content) says. */
  const startReads = (reads, config) => {
    page = null; // reads started from an older config are not the ones the app takes
    dropAll();
    if (!config || !config.auth) return;
    let token = null;
    if (config.auth.mode === 'pkce') {
      const session = JSON.parse(stored('my-tasks.session') || 'null');
      // The app refreshes at `refresh_at_ms` (src/api/session.rs); a session stored
      // without it, a margin before expiry.
      const refreshAt = session && (session.refresh_at_ms > 0
        ? session.refresh_at_ms : session.expires_at_ms - REFRESH_MARGIN_MS);
      const fresh = session && session.access_token && Date.now() < refreshAt;
      if (!fresh) return;
      token = session.access_token;
    } else if (config.auth.mode !== 'proxy') {
      return;
    }
    // Only a config the app accepts (src/config.rs): otherwise its reads would go where
    // the app never asks, with the person's token.
    const base = String(config.apiBaseUrl || '').trim().replace(/\/+$/, '');
    if (base && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(base)) return;
    const root = WORK_ITEMS_ROOTS.get(String(config.workItemsPath ?? '/v2024').trim());
    if (!root) return;
    for (const [rest, experimental, tab] of reads) {
      const headers = { Accept: 'application/json' };
      if (token) headers.Authorization = `Bearer ${token}`;
      if (experimental) headers['X-SailPoint-Experimental'] = 'true';
      const response = start(`${base}${root}${rest}`, token, headers);
      apiReads.add(key(`${base}${root}${rest}`, token));
      if (tab) {
        const copy = response.then((r) => (r.status === 200 ? r.clone() : null), () => null);
        // Settles once the whole answer is in (or failed): the words wait for it.
        const bodyIn = response.then((r) => r.clone().arrayBuffer()).then(() => {}, () => {});
        page = { tab, config, copy, bodyIn };
      }
    }
  };

  // config.json is every page's first read (src/api/mod.rs, load_config). The app is given
  // it only once it has been checked here, so that reads started again from a changed
  // config are in place before the app, configured by it, asks for them; the copy read
  // here leaves the original body to the app.
  const configUrl = '/config.json';
  const fetched = fetch(configUrl);
  const reads = FIRST_READS[location.pathname.replace(/\/+$/, '')];
  const planned = Boolean(reads) && !stored('my-tasks.view-as');
  // A later visit in this tab starts at once with the config the last one read (it is
  // public, and checked below: if it changed, the reads start again from the new one).
  const CONFIG_KEY = 'my-tasks.first-reads.config';
  const remembered = planned ? stored(CONFIG_KEY) : null;
  if (remembered) {
    try {
      startReads(reads, JSON.parse(remembered));
    } catch {
      // not JSON any more: wait for the real one
    }
  }
  // The words: chosen at once when the person's pick or the browser decides, else once
  // config.json says; English needs none. A Task Manager tab's first page is downloaded
  // first (measured: sharing the slow link with it drew the preview up to 50 ms later);
  // the words still arrive long before the wasm. Not sent if the app has asked by then.
  const startCatalogue = (lang) => {
    const url = CATALOGUES[lang];
    if (!url) return;
    globalThis.myTasksFirstReads.firstPage.then((p) => p && p.bodyIn).then(() => {
      if (!askedFor.has(key(url, null))) start(url, null, undefined);
    });
  };
  if (asked()) {
    startCatalogue(language(null));
  } else {
    fetched.then((response) => (response.ok ? response.clone().json() : null))
      .then((config) => startCatalogue(language(config)))
      .catch(() => {}); // not JSON: the app says it cannot start, in English
  }
  const checked = fetched.then(async (response) => {
    if (!planned || !response.ok) {
      page = null;
      return response;
    }
    try {
      const text = await response.clone().text();
      if (text !== remembered) {
        try {
          sessionStorage.setItem(CONFIG_KEY, text);
        } catch {
          // storage full or disabled: the next visit waits for config.json again
        }
        startReads(reads, JSON.parse(text));
      }
    } catch {
      page = null; // unreadable or not JSON: the app reports it
    }
    return response;
  });
  checked.catch(() => {});
  // Whatever config.json gave, the reads in place now are the ones the app will take.
  checked.then(() => givePage(page), () => givePage(null));
  started.set(key(configUrl, null), { at: performance.now(), response: checked });
})();
