// A read-only preview of a Task Manager tab's first rows, drawn while the wasm downloads
// (scripts/postbuild.py puts this file after first-reads.js in the full app's boot script,
// and fills in WORDS). On a slow link the full app's wasm takes about two seconds to
// arrive; the tab's first page is in long before, read by the boot script
// (assets/first-reads.js, `firstPage`). From a copy of that answer this draws the rows
// that fill the view, with the app's classes and words: the table from 900 px, the cards
// below. It is not the app: nothing in it can be done but following a link, which loads
// that page.
//
// What this must agree with, and where it is defined:
// - the app removes the element `#mt-preview` as it starts (src/main.rs,
//   platform::remove_preview), and nothing is drawn once it is gone: never two lists;
// - the language, chosen as src/i18n/lang.rs chooses it (`language` in first-reads.js),
//   and the locale Intl writes in: the browser's own tag for that language, else the tag;
// - the words: WORDS holds the catalogue messages (locales/*/*.ftl) named in
//   scripts/postbuild.py, as { id: text } or { id: { default, variants } } for a select;
// - what a row shows, and in which order: src/components/task_table.rs, task_row.rs and
//   work_item_row.rs, src/components/time.rs, src/logic/involved.rs and format.rs, newest
//   first as src/logic/list.rs sorts (by when completed, else created; ties in the
//   server's order); ages and times are written by Intl as src/i18n/intl.rs writes them;
// - the width the table starts at: WIDE in src/pages/task_manager.rs;
// - the handover: the app marks the holder `data-app` as it starts (src/main.rs,
//   platform::start_under_preview) and draws its page beneath it; Task Manager removes
//   the holder once its rows are drawn (src/pages/task_manager.rs, TabQueue);
// - the room the app's page takes above the rows (ROOM below): its header and the parts
//   between the tabs and the rows, which the preview leaves out but keeps room for.
// Text from the API is only ever set as text (textContent, attributes), never parsed.
(() => {
  'use strict';
  const WORDS = __PREVIEW_WORDS__;
  const TABS = { '/tasks/pending': 'pending', '/tasks/completed': 'completed' };
  // As the app's WIDE (src/pages/task_manager.rs): 900 px at the usual text size.
  const WIDE = '(min-width: 56.25em)';
  const DEFAULT_STALE_AFTER_DAYS = 7;
  const DAY_MS = 86400000;
  /** How long the preview may stay over the app once the app has started: it goes as soon
   * as the tab's rows are drawn, a key is pressed or focus moves, or this has passed. */
  const HANDOVER_MS = 1500;
  /** localStorage: the room the app's page took above its rows, as last measured in this
   * browser when a preview handed over: [{ tab, lang, width, header, room }], newest first. */
  const ROOM_KEY = 'my-tasks.preview-room';
  const ROOMS_KEPT = 8;
  /** Until measured in this browser, the room the app's page takes above the rows: the
   * header's height and, between the tabs and the rows, the selection bar, the toolbar,
   * the views bar and the progress line, by the width from which they hold, as the app
   * draws them in English (measured 2026-12-04 on the demo data; the journeys in
   * e2e/preview.spec.ts fail when they drift). */
  const ROOM = [
    [1200, { header: 57, pending: 261, completed: 195 }],
    [900, { header: 57, pending: 379, completed: 265 }],
    [768, { header: 57, pending: 288, completed: 126 }],
    [600, { header: 93, pending: 288, completed: 126 }],
    [414, { header: 125, pending: 260, completed: 150 }],
    [0, { header: 157, pending: 284, completed: 174 }],
  ];
  /** Units of ages and relative times, largest first, in seconds (src/i18n/intl.rs). */
  const UNITS = [['year', 365 * 86400], ['month', 30 * 86400], ['week', 7 * 86400],
    ['day', 86400], ['hour', 3600], ['minute', 60]];
  const reads = globalThis.myTasksFirstReads;
  const tab = TABS[location.pathname.replace(/\/+$/, '')];
  // Only a tab's own view: a search, filter, sort or grouping in the URL shows other rows.
  if (!reads || !reads.firstPage || !tab || location.search) return;

  // In place at once (empty and hidden) so that the app, which removes it as it starts,
  // can never be followed by a preview drawn late.
  const holder = document.createElement('div');
  holder.id = 'mt-preview';
  holder.className = 'mt-preview';
  holder.hidden = true;
  holder.setAttribute('aria-busy', 'true');
  document.body.append(holder);

  /** The words of the language chosen, once drawn. */
  let words = null;
  /** The language drawn in, once drawn. */
  let drawnIn = null;
  let failed = false;

  const el = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const word = (id, key) => {
    const message = words[id];
    if (typeof message === 'string') return message;
    return message.variants[key] ?? message.variants[message.default];
  };
  /** A select's variant for `key`, or `key` itself where the variant is the variable
   * (`*[other] { $state }`). */
  const wordOrSelf = (id, key) => {
    const { variants, default: other } = words[id];
    const known = Object.hasOwn(variants, key) ? variants[key] : variants[other];
    return typeof known === 'string' ? known : key;
  };
  /** A text's `{$name}` variables filled in from `values`. */
  const fill = (text, values) => text.replace(/\{\$([a-z][a-z0-9_-]*)\}/g, (_, name) => values[name]);

  /** Parts as one list, as src/logic/format.rs `list` writes it: each part isolated in its
   * own direction, between the language's separators. */
  const list = (parts) => parts.map((part) => `\u2068${part}\u2069`).join(word('list-separator'));

  /** Whether `tag` can be given to Intl (src/i18n/lang.rs, is_plain_tag). */
  const isPlainTag = (tag) => tag.length > 0 && tag.length <= 35 && /^[A-Za-z0-9-]+$/.test(tag)
    && !tag.startsWith('-') && !tag.endsWith('-') && !tag.includes('--');
  /** Milliseconds since the epoch of a wire timestamp, or null. */
  const ms = (text) => {
    const t = typeof text === 'string' ? Date.parse(text) : NaN;
    return Number.isNaN(t) ? null : t;
  };
  /** `seconds` in its largest whole unit, as [value, unit]; null under a minute. */
  const largestUnit = (seconds) => {
    const size = Math.abs(seconds);
    const found = UNITS.find(([, s]) => size >= s);
    if (!found) return null;
    const whole = Math.floor(size / found[1]);
    return [seconds < 0 ? -whole : whole, found[0]];
  };

  /** The names of the sources, identities and accounts an item involves (src/logic/involved.rs). */
  const involved = (item) => {
    const found = { sources: [], identities: [], accounts: [] };
    const push = (list, value) => {
      const v = typeof value === 'string' ? value.trim() : '';
      if (v && !list.includes(v)) list.push(v);
    };
    for (const a of item.approvalItems || []) {
      push(found.sources, a.application);
      push(found.accounts, a.account);
    }
    for (const r of item.remediationItems || []) {
      push(found.sources, r.applicationName);
      push(found.identities, r.targetDisplayName ?? r.targetName);
      push(found.accounts, r.nativeIdentity);
    }
    if (item.form) push(found.identities, item.form.targetUser);
    return found;
  };
  /** The type as the app names it (src/logic/format.rs): a type the catalogue names has
   * its words, another is split from camel case ("newThing" is "new thing"). */
  const typeLabel = (kind) => {
    const { variants, default: other } = words['work-item-type'];
    if (kind !== other && typeof variants[kind] === 'string' && Object.hasOwn(variants, kind)) {
      return variants[kind];
    }
    return kind.replace(/(?!^)\p{Lu}/gu, (c) => ` ${c.toLowerCase()}`);
  };
  /** How an item ended (src/logic/outcome.rs): its state, and for several approval items
   * how many were approved, rejected and neither. */
  const outcomeOf = (item) => {
    const approvals = Array.isArray(item.approvalItems) ? item.approvalItems : [];
    let tally = null;
    if (approvals.length > 1) {
      tally = { approved: 0, rejected: 0, undecided: 0 };
      for (const a of approvals) {
        const state = a ? a.state : null;
        if (state === 'Finished') tally.approved += 1;
        else if (state === 'Rejected') tally.rejected += 1;
        else tally.undecided += 1;
      }
    }
    return { state: typeof item.state === 'string' ? item.state : null, tally };
  };
  /** An item's page, as src/routes.rs writes it (form-urlencoded, a space as %20). */
  const itemHref = (id) => `/items/${encodeURIComponent(id)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

  /** A row's texts, as src/components/task_row.rs and work_item_row.rs take them from
   * the item's wire fields (camelCase, crates/wire). */
  const textsOf = (item) => {
    const found = involved(item);
    const id = typeof item.id === 'string' && item.id ? item.id : null;
    return {
      href: id && itemHref(id),
      name: typeof item.name === 'string' ? item.name : word('item-no-name'),
      kind: typeof item.type === 'string' ? typeLabel(item.type) : null,
      description: typeof item.description === 'string' ? item.description : '',
      requester: typeof item.requesterDisplayName === 'string' ? item.requesterDisplayName : '',
      found,
      created: ms(item.created),
      completed: ms(item.completed),
      outcome: outcomeOf(item),
    };
  };

  /** The rooms measured before, or none. */
  const measuredRooms = () => {
    try {
      const rooms = JSON.parse(localStorage.getItem(ROOM_KEY));
      return Array.isArray(rooms) ? rooms : [];
    } catch {
      return []; // storage disabled, or not JSON: estimated
    }
  };
  const isSize = (n) => Number.isFinite(n) && n >= 0 && n < 5000;
  /** The room the app's page will take above the rows: as measured before at this width,
   * in this tab and language, else estimated. */
  const roomFor = (lang) => {
    const width = innerWidth;
    const seen = measuredRooms().find((r) => r && r.tab === tab && r.lang === lang
      && r.width === width && isSize(r.header) && isSize(r.room));
    if (seen) return seen;
    const [, estimate] = ROOM.find(([from]) => width >= from);
    return { header: estimate.header, room: estimate[tab] };
  };
  /** Measures the room the app's page took above its rows, once they are drawn, for the
   * next preview at this width, in this tab and language. */
  const measureRoom = (lang) => {
    const header = document.querySelector('.mt-header');
    const tabs = document.querySelector('.mt-tabs');
    const rows = document.querySelector('.mt-tabpanel .mt-table__scroll, .mt-tabpanel .mt-list');
    if (!header || !tabs || !rows || !rows.querySelector('.mt-table__row, .mt-row')) return;
    const measured = {
      tab, lang, width: innerWidth, header: header.getBoundingClientRect().height,
      room: rows.getBoundingClientRect().top - tabs.getBoundingClientRect().bottom,
    };
    if (!isSize(measured.header) || !isSize(measured.room)) return;
    const others = measuredRooms().filter((r) => !(r && r.tab === tab && r.lang === lang && r.width === measured.width));
    try {
      localStorage.setItem(ROOM_KEY, JSON.stringify([measured, ...others].slice(0, ROOMS_KEPT)));
    } catch {
      // storage disabled or full: the next preview estimates
    }
  };

  const draw = (config, items) => {
    const lang = reads.language(config);
    const intl = Array.from(navigator.languages || [], String)
      .find((t) => reads.languageOf(t) === lang && isPlainTag(t)) || lang;
    words = WORDS[lang];
    const dir = lang === 'ar' ? 'rtl' : 'ltr';
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
    const now = Date.now();
    const days = config.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;
    const completed = tab === 'completed';
    const formats = new Map();
    const unitFormat = (unit) => {
      if (!formats.has(unit)) {
        formats.set(unit, new Intl.NumberFormat(intl, { style: 'unit', unit, unitDisplay: 'long' }));
      }
      return formats.get(unit);
    };
    const relative = new Intl.RelativeTimeFormat(intl, { numeric: 'auto' });
    const number = new Intl.NumberFormat(intl);
    const plural = new Intl.PluralRules(lang);
    /** A count's word: its plural form, as src/i18n/mod.rs chooses it. */
    const counted = (id, n) => word(id, plural.select(n));
    /** The badge's class of a state (src/logic/outcome.rs, state_class). */
    const stateClass = (state) => ({ Pending: 'mt-state mt-state--pending', Finished: 'mt-state mt-state--finished',
      Rejected: 'mt-state mt-state--rejected' })[state] ?? 'mt-state';
    /** What the Completed tab says of how an item ended: its state, and the tally's parts
     * that are not zero, as a list (src/logic/outcome.rs, outcome). */
    const outcome = ({ state, tally }) => {
      const parts = tally ? [['tally-approved', tally.approved], ['tally-rejected', tally.rejected],
        ['tally-undecided', tally.undecided]].filter(([, n]) => n > 0)
        .map(([id, n]) => fill(word(id), { count: number.format(n) })) : [];
      const badge = el('span', stateClass(state), state === null ? '—' : wordOrSelf('item-state', state));
      return { badge, tally: list(parts) };
    };
    const exact = new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short' });

    /** How long an item has waited (Waited::show in task_row.rs). */
    const waited = (created) => {
      if (created === null) return '—';
      const span = largestUnit(Math.trunc((now - created) / 1000));
      return span && span[0] > 0 ? unitFormat(span[1]).format(span[0]) : word('waited-under-a-minute');
    };
    /** A time as MaybeTime in time.rs shows it, without the focus stop. */
    const time = (at) => {
      if (at === null) return el('span', 'mt-muted', '—');
      const span = largestUnit(Math.trunc((at - now) / 1000));
      const text = exact.format(new Date(at));
      const wrap = el('span', 'mt-time');
      const rel = el('time', 'mt-time__relative', span ? relative.format(span[0], span[1]) : relative.format(0, 'second'));
      rel.dateTime = new Date(at).toISOString();
      rel.title = text;
      rel.append(el('span', 'mt-visually-hidden', ` (${text})`));
      const shown = el('span', 'mt-time__exact', text);
      shown.setAttribute('aria-hidden', 'true');
      wrap.append(rel, shown);
      return wrap;
    };
    const link = (href, className, text) => {
      const a = el('a', className, text);
      a.href = href;
      return a;
    };

    /** A line of the table (task_row.rs), without the selection box and the actions. */
    const tableRow = (t, at) => {
      const tr = el('tr', 'mt-table__row');
      tr.setAttribute('aria-rowindex', String(at + 2));
      const kind = el('span', 'mt-tag', t.kind ?? '');
      kind.title = t.kind ?? '';
      kind.hidden = t.kind === null;
      const first = el('td');
      first.append(kind);
      const nameCell = el('td', 'mt-table__name');
      nameCell.dir = 'auto';
      nameCell.title = `${t.name}\n${t.description}`;
      const a = el('a');
      if (t.href) a.href = t.href;
      a.append(el('span', '', t.name));
      nameCell.append(a, ' ', el('bdi', 'mt-table__desc', t.description));
      const textCell = (value) => {
        const td = el('td');
        td.dir = 'auto';
        td.title = value;
        td.append(el('span', '', value));
        return td;
      };
      tr.append(first, nameCell, textCell(t.requester),
        textCell(list([...t.found.identities, ...t.found.accounts])),
        textCell(list(t.found.sources)));
      if (completed) {
        const td = el('td');
        td.append(time(t.completed));
        const { badge, tally } = outcome(t.outcome);
        const ended = el('td', 'mt-table__outcome');
        ended.title = tally ? `${badge.textContent} · ${tally}` : badge.textContent;
        const clamp = el('div', 'mt-table__clamp');
        clamp.append(badge, ' ', el('span', 'mt-table__tally', tally));
        ended.append(clamp);
        tr.append(td, ended);
      } else {
        const overdue = t.created !== null && now - t.created > days * DAY_MS;
        const age = el('td', 'mt-table__age');
        const badge = el('span', 'mt-overdue', word('overdue'));
        badge.hidden = !overdue;
        age.append(el('span', '', waited(t.created)), ' ', badge);
        tr.classList.toggle('mt-table__row--overdue', overdue);
        tr.append(age, el('td', 'mt-table__actions'));
      }
      return tr;
    };

    /** A card (work_item_row.rs), without the selection box and the actions. */
    const card = (t) => {
      const li = el('li', 'mt-row');
      const head = el('div', 'mt-row__head');
      const name = el('bdi', t.href ? '' : 'mt-row__name', t.name);
      if (t.href) {
        const a = link(t.href, 'mt-row__name');
        a.append(name);
        head.append(a);
      } else {
        head.append(name);
      }
      if (t.kind !== null) head.append(el('span', 'mt-tag', t.kind));
      li.append(head);
      if (t.description) {
        const p = el('p', 'mt-row__description', t.description);
        p.dir = 'auto';
        li.append(p);
      }
      const facets = el('dl', 'mt-row__facets');
      const facet = (label, value, className = '') => {
        const div = el('div', `mt-row__facet${className}`);
        const dd = el('dd');
        dd.append(...[value].flat());
        div.append(el('dt', '', label), dd);
        facets.append(div);
      };
      for (const [id, values] of [['facet-sources', t.found.sources],
        ['facet-identities', t.found.identities], ['facet-accounts', t.found.accounts]]) {
        if (values.length) facet(counted(id, values.length), el('bdi', '', list(values)));
      }
      if (t.requester) facet(word('column-requester'), el('bdi', '', t.requester));
      facet(word('facet-created'), time(t.created));
      if (completed) {
        facet(word('column-completed'), time(t.completed));
        const { badge, tally } = outcome(t.outcome);
        facet(word('column-outcome'), tally ? [badge, ' ', el('span', 'mt-table__tally', tally)] : badge,
          ' mt-row__outcome');
      }
      li.append(facets);
      return li;
    };

    // The shell and the page around the rows, as far as they need no more than the first
    // read: brand, navigation, the page's title and the tabs (shell.rs, task_manager.rs).
    const header = el('div', 'mt-header');
    const nav = el('div', 'mt-header__nav');
    const manager = link('/tasks/pending', '', word('nav-task-manager'));
    if (!completed) manager.setAttribute('aria-current', 'page');
    nav.append(link('/', '', word('nav-dashboard')), manager);
    header.append(link('/', 'mt-header__brand', word('app-name')), nav);
    const main = el('div', 'mt-main');
    const tabs = el('div', 'mt-tabs');
    for (const t of ['pending', 'completed']) {
      const selected = t === tab ? ' mt-tabs__tab--selected' : '';
      tabs.append(link(`/tasks/${t}`, `mt-tabs__tab${selected}`, word('tab', t)));
    }
    // Not `mt-tabpanel`, the app's panel: what waits for that waits for the app.
    const panel = el('div', 'mt-preview__panel');
    // Room for what the app draws between the tabs and the rows, so that the rows stay
    // where they are when the app takes over.
    const room = el('div', 'mt-preview__room');
    room.setAttribute('aria-hidden', 'true');
    main.append(el('h1', 'mt-page-title', word('nav-task-manager')), tabs, room, panel);
    holder.replaceChildren(header, main);
    const space = roomFor(lang);
    header.style.minHeight = `${space.header}px`;
    holder.hidden = false;
    const between = panel.getBoundingClientRect().top - tabs.getBoundingClientRect().bottom;
    room.style.height = `${Math.max(0, space.room - between)}px`;
    drawnIn = lang;

    const rows = items.map((item, seq) => ({ item, seq, recent: ms(item.completed) ?? ms(item.created) ?? -Infinity }))
      .sort((a, b) => b.recent - a.recent || a.seq - b.seq)
      .map(({ item }) => item);
    let add;
    let full;
    if (matchMedia(WIDE).matches) {
      const scroller = el('div', 'mt-table__scroll');
      const table = el('table', 'mt-table');
      table.setAttribute('aria-label', word('table-label', tab));
      table.setAttribute('aria-rowcount', String(rows.length + 1));
      const head = el('tr');
      head.setAttribute('aria-rowindex', '1');
      const th = (id, className) => {
        const cell = el('th', className, word(id));
        cell.scope = 'col';
        head.append(cell);
      };
      th('column-type', 'mt-table__type');
      th('column-name', 'mt-table__name');
      th('column-requester');
      th('column-identity-account');
      th('column-source');
      if (completed) {
        th('column-completed', 'mt-table__done');
        th('column-outcome', 'mt-table__outcome');
      } else {
        th('column-waiting', 'mt-table__age');
        th('column-actions', 'mt-table__actions');
      }
      const thead = el('thead');
      thead.append(head);
      const body = el('tbody');
      table.append(thead, body);
      scroller.append(table);
      panel.append(scroller);
      add = (t, at) => body.appendChild(tableRow(t, at));
      // Full once a row reaches the bottom of the view, or of the scroller, which then scrolls.
      full = (row) => {
        const bottom = row.getBoundingClientRect().bottom;
        return bottom >= innerHeight || bottom > scroller.getBoundingClientRect().bottom;
      };
    } else {
      const list = el('ul', 'mt-list');
      list.setAttribute('aria-label', word('table-label', tab));
      panel.append(list);
      add = (t) => list.appendChild(card(t));
      full = (row) => row.getBoundingClientRect().bottom >= innerHeight;
    }
    for (let at = 0; at < rows.length; at++) {
      if (full(add(textsOf(rows[at]), at))) break;
    }
    if (failed) showFailure();
  };

  /** The app did not start: the rows stay, but say so, with a way to try again. */
  const showFailure = () => {
    const main = holder.querySelector('.mt-main');
    if (!main || holder.querySelector('.mt-error')) return;
    holder.setAttribute('aria-busy', 'false');
    const alert = el('div', 'mt-error');
    alert.setAttribute('role', 'alert');
    const retry = el('button', 'mt-button', word('retry'));
    retry.type = 'button';
    retry.addEventListener('click', () => location.reload());
    alert.append(el('p', 'mt-error__title', word('error-title')), retry);
    main.insertBefore(alert, main.querySelector('.mt-preview__panel'));
  };
  // Until the app starts (and removes the holder), the only script on the page is this boot
  // script: an error now is the app's module or wasm failing to load or to start.
  const fail = () => {
    if (!holder.isConnected) return;
    failed = true;
    if (words) showFailure();
  };
  addEventListener('error', fail);
  addEventListener('unhandledrejection', fail);

  const quiet = () => {
    removeEventListener('error', fail);
    removeEventListener('unhandledrejection', fail);
  };
  const drop = () => {
    holder.remove();
    quiet();
  };

  // The app has started (src/main.rs marks the holder). Not drawn yet, the preview never
  // will be. Drawn, it stays over the app's page, which is drawn beneath it, hidden from
  // assistive technology (which reads the app's page), until Task Manager removes it with
  // its rows drawn, a key is pressed or focus moves (either acts on the app, so the person
  // must see it), or HANDOVER_MS has passed. It is not made inert: a click on it then
  // would go through to the app's page beneath, where the row under the pointer may be
  // another one; its links still open what they show.
  const handOver = () => {
    quiet();
    if (!words) return drop();
    holder.setAttribute('aria-hidden', 'true');
    holder.classList.add('mt-preview--over');
    const timer = setTimeout(() => holder.remove(), HANDOVER_MS);
    // Not for what happens in the preview itself: a click focuses the link it opens.
    const goAway = (event) => {
      if (!holder.contains(event.target)) holder.remove();
    };
    addEventListener('focusin', goAway, true);
    addEventListener('keydown', goAway, true);
    new MutationObserver((changes, observer) => {
      if (holder.isConnected) return;
      observer.disconnect();
      clearTimeout(timer);
      removeEventListener('focusin', goAway, true);
      removeEventListener('keydown', goAway, true);
      measureRoom(drawnIn);
    }).observe(document.body, { childList: true });
  };
  new MutationObserver((changes, observer) => {
    if (!holder.hasAttribute('data-app')) return;
    observer.disconnect();
    handOver();
  }).observe(holder, { attributes: true, attributeFilter: ['data-app'] });
  /** Whether the app accepts the values the preview reads (src/config.rs): otherwise it
   * says it cannot start, and a preview would be a list it never shows. */
  const accepted = (config) => (config.locale == null || Boolean(reads.languageOf(config.locale)))
    && (config.staleAfterDays == null || (Number.isInteger(config.staleAfterDays)
      && config.staleAfterDays >= 1 && config.staleAfterDays <= 3650))
    && (config.pollSeconds == null || (Number.isInteger(config.pollSeconds)
      && config.pollSeconds >= 0 && config.pollSeconds <= 86400));

  reads.firstPage.then(async (page) => {
    if (!page || page.tab !== tab || !accepted(page.config)) return drop();
    const response = await page.copy;
    if (!response) return drop(); // not a 200: the app says why
    const started = () => !holder.isConnected || holder.hasAttribute('data-app');
    if (started()) return response.body?.cancel();
    const items = await response.json();
    // Not a list of work items: the app will say it could not read the answer.
    const list = Array.isArray(items) && items.every((item) => item && typeof item === 'object');
    if (started() || !list) return undefined;
    return draw(page.config, items);
  }).catch(() => {
    // Not drawn (an answer that is not JSON, say): the app shows the rows, or says why not.
  });
})();
