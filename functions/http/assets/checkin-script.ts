/**
 * The door page's behaviour (GET /checkin/:eventId), served as an external file so the Content-Security-Policy
 * can forbid inline scripts. Plain ES2020 for the browsers of cheap Android phones; no framework.
 *
 * Offline design:
 * - IndexedDB `hadir-checkin-<eventId>`: `roster` (what check-in needs: name, jabatan, cooperative, desa,
 *   masked phone, status, ticket hash, check-in time), `queue` (scans not yet on the server, by clientId), `meta`.
 * - A scan is posted at once when the network is up; when it is down (or the post fails) the ticket is matched
 *   locally by SHA-256 of its code against the roster's `ticketHash`, answered from the roster, and queued with
 *   a clientId and the scan time. The queue syncs through the batch endpoint (idempotent by clientId) whenever
 *   the network returns, and survives closing the tab.
 * - Walk-ins: the roster download also brings the session's invited cooperatives, so a walk-in can be taken with
 *   no network. It is queued like a scan (with `walkIn` set, under a local placeholder id) and posted to the walk-in
 *   endpoint with its clientId when online: the server derives the officer's id from it, so a retry seats nobody
 *   twice.
 * Written as a String.raw template so regular expressions keep their backslashes: no backticks or dollar-brace
 * sequences below.
 */
export const checkinScript = String.raw`(() => {
  'use strict';
  const root = document.querySelector('[data-checkin]');
  if (!root) return;
  const cfg = JSON.parse(root.getAttribute('data-config'));
  const T = cfg.text;
  const api = '/api/events/' + encodeURIComponent(cfg.eventId);
  const $ = (selector) => root.querySelector(selector);
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => (values[key] == null ? '' : String(values[key])));
  const el = (tag, attrs, children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value == null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children || []) if (child != null) node.append(child);
    return node;
  };
  const timeFormat = new Intl.DateTimeFormat(cfg.language === 'en' ? 'en-GB' : 'id-ID', {
    hour: '2-digit', minute: '2-digit', timeZone: cfg.timeZone,
  });
  const clock = (iso) => (iso ? timeFormat.format(new Date(iso)) : '');
  const roleLabel = (role) => cfg.roles[role] || role || '';
  const uuid = () => (crypto.randomUUID ? crypto.randomUUID() : Date.now() + '-' + Math.random().toString(36).slice(2));

  // ---------- IndexedDB ----------
  const dbReady = new Promise((resolve, reject) => {
    const open = indexedDB.open('hadir-checkin-' + cfg.eventId, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('roster', { keyPath: 'participantId' }).createIndex('ticketHash', 'ticketHash');
      db.createObjectStore('queue', { keyPath: 'clientId' });
      db.createObjectStore('meta');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const idb = (stores, mode, work) => dbReady.then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    let result;
    const request = work(tx);
    if (request) request.onsuccess = () => { result = request.result; };
    tx.oncomplete = () => resolve(result);
    tx.onerror = tx.onabort = () => reject(tx.error);
  }));
  const getAll = (store) => idb([store], 'readonly', (tx) => tx.objectStore(store).getAll());
  const putAll = (store, values) => idb([store], 'readwrite', (tx) => { for (const v of values) tx.objectStore(store).put(v); });
  const remove = (store, key) => idb([store], 'readwrite', (tx) => { tx.objectStore(store).delete(key); });
  const getMeta = (key) => idb(['meta'], 'readonly', (tx) => tx.objectStore('meta').get(key));
  const setMeta = (key, value) => idb(['meta'], 'readwrite', (tx) => { tx.objectStore('meta').put(value, key); });

  // ---------- state ----------
  const roster = new Map();
  const byHash = new Map();
  let queue = [];
  let cooperatives = [];
  let netDown = !navigator.onLine;
  let deviceRefused = false;
  let rosterAt = null;
  let attendance = null;
  let last = null;
  const problems = [];
  const localConflicts = [];

  const remember = (entry) => {
    roster.set(entry.participantId, entry);
    if (entry.ticketHash) byHash.set(entry.ticketHash, entry.participantId);
  };

  // ---------- ticket codes ----------
  const ticketCodeFrom = (scanned) => {
    const trimmed = String(scanned || '').trim();
    const match = trimmed.match(/\/t\/([0-9A-Za-z]+)\/?(?:[?#].*)?$/);
    const candidate = (match ? match[1] : trimmed).toUpperCase();
    return /^[0-9A-HJKMNP-TV-Z]{26}$/.test(candidate) ? candidate : null;
  };
  const ticketHash = async (code) => {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code)));
    let binary = '';
    for (const byte of digest) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, 22);
  };

  // ---------- network ----------
  const request = (path, options, timeoutMs) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs || 5000);
    const init = Object.assign({ credentials: 'same-origin', signal: controller.signal }, options || {});
    if (init.body && typeof init.body !== 'string') {
      init.body = JSON.stringify(init.body);
      init.headers = { 'content-type': 'application/json' };
    }
    return fetch(path, init).finally(() => clearTimeout(timer)).then(async (response) => {
      let body = {};
      try { body = await response.json(); } catch (_) { body = {}; }
      if (response.status === 401 || response.status === 403) deviceRefused = true;
      else if (response.ok) deviceRefused = false;
      return { ok: response.ok, status: response.status, body };
    });
  };
  const online = () => navigator.onLine && !netDown;

  // ---------- feedback ----------
  let audio = null;
  const unlockAudio = () => {
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!audio && Context) audio = new Context();
      if (audio && audio.state === 'suspended') audio.resume();
    } catch (_) { audio = null; }
  };
  document.addEventListener('pointerdown', unlockAudio, { once: true });
  document.addEventListener('keydown', unlockAudio, { once: true });
  const signal = (kind) => {
    try {
      if (audio) {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = kind === 'ok' ? 880 : kind === 'warn' ? 520 : 220;
        gain.gain.value = 0.2;
        tone.connect(gain).connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + (kind === 'ok' ? 0.12 : 0.4));
      }
    } catch (_) { /* no sound on this phone */ }
    if (navigator.vibrate) navigator.vibrate(kind === 'ok' ? 80 : [150, 80, 150]);
  };

  const resultBox = $('[data-result]');
  const showResult = (kind, title, lines, undoable) => {
    resultBox.hidden = false;
    resultBox.className = 'result ' + kind;
    resultBox.setAttribute('data-kind', kind);
    const children = [el('h2', { text: title })];
    for (const [index, line] of lines.filter(Boolean).entries()) children.push(el('p', { class: index === 0 ? 'who' : '', text: line }));
    if (undoable) children.push(el('button', { type: 'button', 'data-undo': '', text: T.undo }));
    resultBox.replaceChildren(...children);
    signal(kind);
  };
  const personLines = (person, extra) => {
    const local = roster.get(person.participantId) || {};
    const place = local.villageName ? T.village + ' ' + local.villageName : '';
    return [
      person.name || local.name,
      [roleLabel(person.role || local.role), person.cooperativeName || local.cooperativeName].filter(Boolean).join(' · '),
      place,
      extra,
    ];
  };
  const reason = (code, fallback) => T.reasons[code] || fallback || T.reasons.unknown;

  // ---------- status bar and counters ----------
  const netbar = $('[data-netbar]');
  const renderStatus = () => {
    const n = queue.length;
    netbar.classList.toggle('offline', !online());
    netbar.classList.toggle('error', deviceRefused);
    let text;
    if (deviceRefused) text = T.deviceRefused;
    else if (!online()) text = fill(T.offline, { n });
    else if (n) text = fill(T.syncing, { n });
    else text = fill(T.online, { n: roster.size, time: rosterAt ? clock(rosterAt) : '-' });
    netbar.textContent = text;
    root.setAttribute('data-queue', String(n));
    root.setAttribute('data-online', online() ? 'yes' : 'no');
    renderCounters();
    renderIssues();
  };

  const renderCounters = () => {
    const box = $('[data-counters]');
    if (!attendance) {
      let present = 0;
      let registered = 0;
      for (const entry of roster.values()) {
        if (entry.status !== 'confirmed') continue;
        registered++;
        if (entry.checkedInAt) present++;
      }
      if (!registered) return;
      box.replaceChildren(el('div', { class: 'counts' }, [
        el('div', {}, [el('strong', { text: present + ' / ' + registered }), T.checkedIn + ' / ' + T.registered]),
      ]));
      return;
    }
    const a = attendance;
    const pending = queue.length ? fill(T.pending, { n: queue.length }) : '';
    const rows = a.byDistrict.filter((d) => d.registered || d.checkedIn);
    box.replaceChildren(
      el('div', { class: 'counts' }, [
        el('div', { 'data-count': 'people' }, [el('strong', { text: a.checkedIn + ' / ' + a.registered }), T.checkedIn + ' / ' + T.registered + (pending ? ' ' + pending : '')]),
        el('div', { 'data-count': 'cooperatives' }, [el('strong', { text: a.cooperativesPresent + ' / ' + a.cooperativesRegistered + ' / ' + a.cooperativesInvited }), T.coopsLine]),
      ]),
      rows.length ? el('table', { class: 'districts' }, [
        el('thead', {}, [el('tr', {}, [el('th', { text: T.district }), el('th', { text: T.checkedIn }), el('th', { text: T.coopsShort })])]),
        el('tbody', {}, rows.map((d) => el('tr', {}, [
          el('td', { text: d.districtName }),
          el('td', { class: 'n', text: d.checkedIn + ' / ' + d.registered }),
          el('td', { class: 'n', text: d.cooperativesPresent + ' / ' + d.cooperativesRegistered + ' / ' + d.cooperativesInvited }),
        ]))),
      ]) : null,
      el('p', { class: 'muted small', text: fill(T.updated, { time: clock(a.at) }) }),
    );
  };

  const renderIssues = () => {
    const conflictBox = $('[data-conflicts]');
    const conflicts = (attendance && attendance.conflicts) || [];
    const lines = conflicts.map((c) => {
      const person = roster.get(c.participantId);
      const others = (c.duplicates || []).map((d) => d.station + ' ' + clock(d.scannedAt)).join(', ');
      return fill(T.conflictLine, { name: person ? person.name : c.participantId, station: c.station, time: clock(c.checkedInAt), others });
    });
    for (const c of localConflicts) if (!conflicts.some((s) => s.participantId === c.participantId)) lines.push(c.line);
    conflictBox.hidden = !lines.length;
    conflictBox.replaceChildren(el('h2', { text: T.conflictsTitle }), el('ul', { class: 'issues' }, lines.map((line) => el('li', { text: line }))));
    const problemBox = $('[data-problems]');
    problemBox.hidden = !problems.length;
    problemBox.replaceChildren(el('h2', { text: T.problemsTitle }), el('ul', { class: 'issues' }, problems.map((line) => el('li', { text: line }))));
  };

  // ---------- roster and attendance ----------
  const loadLocal = async () => {
    const [entries, pending, at] = await Promise.all([getAll('roster'), getAll('queue'), getMeta('rosterAt')]);
    for (const entry of entries) remember(entry);
    queue = pending.sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
    rosterAt = at || null;
    attendance = (await getMeta('attendance')) || null;
    cooperatives = (await getMeta('cooperatives')) || [];
  };

  const refreshRoster = async () => {
    const response = await request(api + '/roster', {}, 15000);
    if (!response.ok) return false;
    const pendingIds = new Set(queue.map((q) => q.participantId).filter(Boolean));
    const fresh = response.body.roster.map((entry) => {
      const local = roster.get(entry.participantId);
      if (local && pendingIds.has(entry.participantId) && !entry.checkedInAt) {
        return Object.assign(entry, { checkedInAt: local.checkedInAt, station: local.station, pending: true });
      }
      return entry;
    });
    // Walk-ins still queued are known only here, under their placeholder.
    for (const item of queue) {
      const local = item.walkIn && roster.get(item.participantId);
      if (local) fresh.push(local);
    }
    cooperatives = response.body.cooperatives || [];
    await idb(['roster', 'meta'], 'readwrite', (tx) => {
      const store = tx.objectStore('roster');
      store.clear();
      for (const entry of fresh) store.put(entry);
      tx.objectStore('meta').put(response.body.at, 'rosterAt');
      tx.objectStore('meta').put(cooperatives, 'cooperatives');
    });
    roster.clear();
    byHash.clear();
    for (const entry of fresh) remember(entry);
    rosterAt = response.body.at;
    return true;
  };

  const refreshAttendance = async () => {
    const response = await request(api + '/attendance', {}, 10000);
    if (!response.ok) return;
    attendance = Object.assign(response.body, { at: new Date().toISOString() });
    await setMeta('attendance', attendance);
  };

  // After a check-in, refresh the counters once things calm down: a busy door must not poll per scan.
  let soon;
  const refreshSoon = () => {
    clearTimeout(soon);
    soon = setTimeout(() => refreshAttendance().then(renderStatus, () => {}), 2000);
  };

  // Applies the server's answer about one person to the local roster.
  const applyCheckin = async (checkin, extra) => {
    const local = roster.get(checkin.participantId);
    const entry = Object.assign({}, local || {
      participantId: checkin.participantId,
      name: checkin.name,
      role: checkin.role,
      cooperativeName: checkin.cooperativeName,
      status: 'confirmed',
    }, extra || {}, { checkedInAt: checkin.checkedInAt, station: checkin.station, pending: false });
    remember(entry);
    await putAll('roster', [entry]);
  };

  // ---------- scanning ----------
  const wire = (item) => {
    const body = { clientId: item.clientId, scannedAt: item.scannedAt };
    if (item.ticketCode) {
      body.ticketCode = item.ticketCode;
      // From the roster: the server reads the registration while it looks up the ticket.
      if (item.registrationId) body.registrationId = item.registrationId;
    } else body.participantId = item.participantId;
    return body;
  };

  const answerOnline = async (item) => {
    const response = await request(api + '/checkins', { method: 'POST', body: wire(item) }, 5000);
    // The server is there but failing (e.g. 503 while its database is unreachable): keep working offline.
    if (response.status >= 500) throw new Error('server ' + response.status);
    if (response.ok) {
      const checkin = response.body.checkin;
      await applyCheckin(checkin);
      if (checkin.alreadyCheckedIn) {
        showResult('warn', fill(T.already, { time: clock(checkin.checkedInAt), station: checkin.station }), personLines(checkin), false);
      } else {
        last = { participantId: checkin.participantId, clientId: item.clientId, queued: false };
        showResult('ok', T.present, personLines(checkin), true);
      }
    } else if (deviceRefused) {
      showResult('bad', T.rejected, [T.deviceRefused], false);
    } else {
      const error = response.body.error || {};
      showResult('bad', reason(error.code, error.message), [], false);
    }
    refreshSoon();
  };

  const answerOffline = async (item, local) => {
    if (!local) {
      showResult('bad', reason(item.ticketCode ? 'unknown_offline' : 'ticket_not_found'), [], false);
      return;
    }
    if (local.status === 'cancelled') return showResult('bad', reason('registration_cancelled'), personLines(local), false);
    if (local.status !== 'confirmed') return showResult('bad', reason('not_confirmed'), personLines(local), false);
    if (local.checkedInAt) {
      return showResult('warn', fill(T.already, { time: clock(local.checkedInAt), station: local.station }), personLines(local), false);
    }
    const queued = Object.assign({}, item, { participantId: local.participantId });
    const entry = Object.assign({}, local, { checkedInAt: item.scannedAt, station: cfg.station, pending: true });
    await idb(['roster', 'queue'], 'readwrite', (tx) => {
      tx.objectStore('queue').put(queued);
      tx.objectStore('roster').put(entry);
    });
    queue.push(queued);
    remember(entry);
    last = { participantId: local.participantId, clientId: item.clientId, queued: true };
    showResult('ok', T.present, personLines(local, T.queuedNote), true);
  };

  let busy = Promise.resolve();
  // One scan at a time, in order: a hardware scanner can type faster than the network answers.
  const checkIn = (target, local) => {
    busy = busy.then(async () => {
      const item = Object.assign({ clientId: uuid(), scannedAt: new Date().toISOString() }, target);
      if (online()) {
        try {
          await answerOnline(item);
          return;
        } catch (_) {
          netDown = true; // the post failed or timed out: answer from the device and queue it
        }
      }
      await answerOffline(item, local);
    }).catch((error) => showResult('bad', T.reasons.unknown, [String(error && error.message || error)], false))
      .finally(renderStatus);
    return busy;
  };

  const recent = new Map();
  const scanned = async (raw, source) => {
    const code = ticketCodeFrom(raw);
    if (!code) {
      if (source === 'camera') return;
      showResult('bad', reason('invalid_code'), [String(raw).slice(0, 60)], false);
      return;
    }
    const now = Date.now();
    if (source === 'camera' && recent.has(code) && now - recent.get(code) < 4000) return;
    recent.set(code, now);
    const hash = await ticketHash(code);
    const local = roster.get(byHash.get(hash));
    await checkIn(local && local.registrationId ? { ticketCode: code, registrationId: local.registrationId } : { ticketCode: code }, local);
  };

  const scanForm = $('[data-scan-form]');
  const scanInput = scanForm.querySelector('input');
  scanForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = scanInput.value.trim();
    scanInput.value = '';
    if (!value) return;
    if (!ticketCodeFrom(value) && !/^https?:/i.test(value)) {
      searchInput.value = value;
      runSearch();
      return;
    }
    scanned(value, 'field');
  });

  // ---------- undo ----------
  resultBox.addEventListener('click', async (event) => {
    if (!event.target.closest('[data-undo]') || !last) return;
    const undo = last;
    last = null;
    const entry = roster.get(undo.participantId);
    const reset = async () => {
      if (!entry) return;
      if (isPlaceholder(entry.participantId)) {
        roster.delete(entry.participantId);
        await remove('roster', entry.participantId);
        return;
      }
      const restored = Object.assign({}, entry, { checkedInAt: undefined, station: undefined, pending: false });
      remember(restored);
      await putAll('roster', [restored]);
    };
    if (undo.queued && queue.some((q) => q.clientId === undo.clientId)) {
      queue = queue.filter((q) => q.clientId !== undo.clientId);
      await remove('queue', undo.clientId);
      await reset();
      showResult('warn', T.undone, [entry && entry.name], false);
    } else if (online()) {
      const response = await request(api + '/checkins/' + encodeURIComponent(undo.participantId), { method: 'DELETE' }).catch(() => null);
      if (response && response.ok) {
        await reset();
        showResult('warn', T.undone, [entry && entry.name], false);
        refreshSoon();
      } else {
        last = undo;
        showResult('bad', T.undoFailed, [entry && entry.name], true);
      }
    } else {
      last = undo;
      showResult('bad', T.needOnline, [entry && entry.name], true);
    }
    renderStatus();
  });

  // ---------- sync ----------
  let syncing = false;
  const sync = async () => {
    if (syncing || !queue.length || !navigator.onLine) return;
    syncing = true;
    try {
      await syncWalkIns();
      for (let scans = queue.filter((q) => !q.walkIn); scans.length; scans = queue.filter((q) => !q.walkIn)) {
        const batch = scans.slice(0, 200);
        const response = await request(api + '/checkins/batch', { method: 'POST', body: { checkins: batch.map(wire) } }, 20000);
        if (!response.ok) break;
        netDown = false;
        for (const result of response.body.results) {
          const item = batch.find((q) => q.clientId === result.clientId);
          if (!item) continue;
          const local = roster.get(item.participantId);
          if (result.ok) {
            const checkin = result.checkin;
            await applyCheckin(checkin);
            if (checkin.alreadyCheckedIn && checkin.station !== cfg.station) {
              localConflicts.push({
                participantId: checkin.participantId,
                line: fill(T.conflictLine, { name: checkin.name, station: checkin.station, time: clock(checkin.checkedInAt), others: cfg.station + ' ' + clock(item.scannedAt) }),
              });
            }
          } else {
            problems.push((local ? local.name + ': ' : '') + reason(result.error.code, result.error.message));
            if (local && local.pending) {
              const restored = Object.assign({}, local, { checkedInAt: undefined, station: undefined, pending: false });
              remember(restored);
              await putAll('roster', [restored]);
            }
          }
          await remove('queue', item.clientId);
          queue = queue.filter((q) => q.clientId !== item.clientId);
        }
      }
    } catch (_) {
      netDown = true;
    } finally {
      syncing = false;
    }
    renderStatus();
  };

  // Online again (or a periodic check): send the queue, then refresh what the door sees.
  let lastRoster = 0;
  const tick = async () => {
    if (!navigator.onLine) {
      netDown = true;
      renderStatus();
      return;
    }
    try {
      await refreshAttendance();
      netDown = false;
    } catch (_) {
      netDown = true;
    }
    if (!netDown) {
      await sync();
      if (Date.now() - lastRoster > 60000) {
        lastRoster = Date.now();
        await refreshRoster().catch(() => { lastRoster = 0; });
      }
    }
    renderStatus();
    // Refresh the list (check-ins from other doors), unless a substitute form is open in it.
    if (searchInput.value && !list.querySelector('form')) runSearch();
  };
  window.addEventListener('online', () => { netDown = false; tick(); });
  window.addEventListener('offline', () => { netDown = true; renderStatus(); });
  setInterval(tick, 15000);

  // ---------- search ----------
  const searchInput = $('[data-search]');
  const list = $('[data-people]');
  const norm = (s) => String(s || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const phoneMatches = (masked, query) => {
    let digits = query.replace(/\D/g, '');
    if (digits.length < 3 || !masked) return false;
    if (digits.startsWith('0')) digits = '62' + digits.slice(1);
    const parts = masked.split('*');
    const head = parts[0].replace(/\D/g, '');
    const tail = parts[parts.length - 1].replace(/\D/g, '');
    return head.startsWith(digits) || tail.endsWith(digits) || (digits.startsWith(head) && digits.endsWith(tail));
  };
  const personItem = (entry) => {
    const state = entry.status !== 'confirmed'
      ? T.status[entry.status] || entry.status
      : entry.checkedInAt ? fill(T.presentAt, { time: clock(entry.checkedInAt), station: entry.station || '' }) : '';
    // Someone already in needs neither; a substitute takes the place of an officer who has not come.
    const actions = entry.status === 'confirmed' && !entry.checkedInAt
      ? el('div', { class: 'actions' }, [
        el('button', { type: 'button', 'data-act': 'checkin', 'data-id': entry.participantId, text: T.checkIn }),
        el('button', { type: 'button', class: 'secondary', 'data-act': 'substitute', 'data-id': entry.participantId, text: T.substitute }),
      ])
      : null;
    return el('li', { 'data-person': entry.participantId }, [
      el('div', { class: 'name', text: entry.name }),
      el('div', { class: 'small', text: [roleLabel(entry.role), entry.cooperativeName].filter(Boolean).join(' · ') }),
      el('div', { class: 'small', text: [entry.villageName && T.village + ' ' + entry.villageName, entry.districtName && 'Kec. ' + entry.districtName, entry.phoneMasked].filter(Boolean).join(' · ') }),
      state ? el('div', { class: 'small', 'data-state': '', text: state }) : null,
      actions,
    ]);
  };
  const runSearch = () => {
    const words = norm(searchInput.value).split(/\s+/).filter(Boolean);
    if (!words.length) return list.replaceChildren();
    const query = searchInput.value;
    const found = [];
    for (const entry of roster.values()) {
      const hay = norm([entry.name, entry.cooperativeName, entry.villageName, entry.districtName].join(' '));
      if (words.every((w) => hay.includes(w)) || phoneMatches(entry.phoneMasked, query)) found.push(entry);
      if (found.length >= 25) break;
    }
    list.replaceChildren(...(found.length ? found.map(personItem) : [el('li', { class: 'muted', text: T.noResults })]));
  };
  let searchTimer;
  searchInput.addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(runSearch, 120); });
  $('[data-search-form]').addEventListener('submit', (event) => { event.preventDefault(); runSearch(); });

  list.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-act]');
    if (!button) return;
    const entry = roster.get(button.getAttribute('data-id'));
    if (!entry) return;
    if (button.getAttribute('data-act') === 'checkin') {
      await checkIn({ participantId: entry.participantId }, entry);
      runSearch();
      return;
    }
    // Substitute: a small form under the person, online only (the server issues a new ticket).
    const item = button.closest('li');
    if (item.querySelector('form')) return;
    const roleSelect = el('select', { name: 'role' }, Object.keys(cfg.roles).map((key) => el('option', { value: key, selected: key === entry.role, text: cfg.roles[key] })));
    const form = el('form', { class: 'substitute' }, [
      el('label', { text: fill(T.substituteFor, { name: entry.name }) }),
      el('input', { name: 'name', required: true, minlength: '2', maxlength: '100', 'aria-label': T.substituteName, placeholder: T.substituteName }),
      roleSelect,
      el('div', { class: 'actions' }, [el('button', { type: 'submit', text: T.save })]),
    ]);
    item.append(form);
    form.querySelector('input').focus();
    form.addEventListener('submit', async (submitEvent) => {
      submitEvent.preventDefault();
      if (!online()) return showResult('bad', T.needOnline, [], false);
      const body = { participantId: entry.participantId, name: form.elements.name.value, role: roleSelect.value };
      const response = await request(api + '/substitutes', { method: 'POST', body }).catch(() => null);
      if (!response) return showResult('bad', T.needOnline, [], false);
      if (!response.ok) return showResult('bad', (response.body.error || {}).message || T.reasons.unknown, [], false);
      const checkin = response.body.checkin;
      const replaced = Object.assign({}, entry, { status: 'replaced' });
      roster.delete(entry.participantId);
      await remove('roster', entry.participantId);
      await applyCheckin(checkin, { villageName: entry.villageName, districtName: entry.districtName, cooperativeId: entry.cooperativeId, phoneMasked: undefined, ticketHash: undefined });
      last = { participantId: checkin.participantId, clientId: '', queued: false };
      showResult('ok', T.present, personLines(checkin, fill(T.substituteFor, { name: replaced.name })), true);
      runSearch();
      refreshSoon();
    });
  });

  // ---------- walk-ins ----------
  const walkIn = $('[data-walkin]');
  const coopQuery = walkIn.querySelector('[data-coop-q]');
  const coopList = walkIn.querySelector('[data-coop-list]');
  const walkInMessage = walkIn.querySelector('[data-walkin-msg]');
  const isPlaceholder = (participantId) => String(participantId).startsWith('walk-in:');
  let coopSeq = 0;
  let coopTimer;
  // The invited cooperatives came with the roster; the search API is only for a device that never had one.
  const cachedCooperatives = (q) => {
    const needle = q.trim().toLowerCase();
    return cooperatives
      .filter((c) => !needle || (c.name + ' ' + c.villageName + ' ' + c.districtName).toLowerCase().includes(needle))
      .slice(0, 30);
  };
  const findCooperatives = async () => {
    const mine = ++coopSeq;
    let found;
    if (cooperatives.length) found = cachedCooperatives(coopQuery.value);
    else {
      const params = new URLSearchParams({ q: coopQuery.value, regency: cfg.regencyCode, limit: '30' });
      const response = await request('/api/cooperatives?' + params, {}, 8000).catch(() => null);
      if (mine !== coopSeq) return;
      if (!response || !response.ok) {
        coopList.replaceChildren(el('p', { class: 'muted', text: T.needOnline }));
        return;
      }
      found = response.body.cooperatives || [];
    }
    coopList.replaceChildren(...(found.length ? found.map((c) => el('label', {}, [
      el('input', { type: 'radio', name: 'cooperativeId', value: c.id, required: true, 'data-name': c.name, 'data-village': c.villageName, 'data-district': c.districtName }),
      c.name + ' — Kec. ' + c.districtName,
    ])) : [el('p', { class: 'muted', text: T.noResults })]));
  };
  coopQuery.addEventListener('input', () => { clearTimeout(coopTimer); coopTimer = setTimeout(findCooperatives, 200); });
  coopQuery.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); findCooperatives(); } });

  const resetWalkIn = () => {
    walkIn.reset();
    delete walkIn.dataset.clientId;
    delete walkIn.dataset.at;
    walkInMessage.textContent = '';
    coopList.replaceChildren();
  };
  const walkInFailed = (error) => {
    const fields = (error.issues || []).map((issue) => issue.path.join('.') + ': ' + issue.message).join('; ');
    return (error.message || T.reasons.unknown) + (fields ? ' (' + fields + ')' : '');
  };

  // No network: the walk-in is admitted on this device under a placeholder and queued with its nonce and time.
  const queueWalkIn = async (item) => {
    const placeholder = 'walk-in:' + item.clientId;
    const queued = { clientId: item.clientId, scannedAt: item.scannedAt, participantId: placeholder, walkIn: item.walkIn };
    const entry = Object.assign({ participantId: placeholder, name: item.walkIn.name, role: item.walkIn.role, status: 'confirmed' },
      item.place, { checkedInAt: item.scannedAt, station: cfg.station, pending: true });
    await idb(['roster', 'queue'], 'readwrite', (tx) => {
      tx.objectStore('queue').put(queued);
      tx.objectStore('roster').put(entry);
    });
    queue.push(queued);
    remember(entry);
    last = { participantId: placeholder, clientId: item.clientId, queued: true };
    showResult('ok', T.present, personLines(entry, T.queuedNote), true);
  };

  const postWalkIn = (item, offline) => request(api + '/walk-ins', {
    method: 'POST',
    body: Object.assign({}, item.walkIn, { clientId: item.clientId }, offline ? { scannedAt: item.scannedAt } : {}),
  }, 10000);

  walkIn.addEventListener('submit', (event) => {
    event.preventDefault();
    busy = busy.then(async () => {
      const data = new FormData(walkIn);
      const chosen = walkIn.querySelector('input[name=cooperativeId]:checked');
      // One nonce per walk-in, kept for every retry of this form until it is recorded.
      if (!walkIn.dataset.clientId) {
        walkIn.dataset.clientId = uuid();
        walkIn.dataset.at = new Date().toISOString();
      }
      const item = {
        clientId: walkIn.dataset.clientId,
        scannedAt: walkIn.dataset.at,
        walkIn: {
          cooperativeId: data.get('cooperativeId'),
          name: String(data.get('name') || '').trim(),
          role: data.get('role'),
          phone: data.get('phone') || undefined,
          reason: data.get('reason') || undefined,
        },
        place: chosen ? {
          cooperativeId: chosen.value,
          cooperativeName: chosen.getAttribute('data-name') || '',
          villageName: chosen.getAttribute('data-village') || '',
          districtName: chosen.getAttribute('data-district') || '',
        } : {},
      };
      if (online()) {
        const response = await postWalkIn(item, false).catch(() => null);
        if (response && response.ok) {
          const checkin = response.body.checkin;
          await applyCheckin(checkin, item.place);
          last = { participantId: checkin.participantId, clientId: '', queued: false };
          showResult('ok', T.present, personLines(checkin, T.walkInDone), true);
          resetWalkIn();
          refreshSoon();
          return;
        }
        if (response && response.status < 500) {
          walkInMessage.textContent = deviceRefused ? T.deviceRefused : walkInFailed(response.body.error || {});
          return;
        }
        netDown = true; // no answer, or the server is failing: take it offline
      }
      await queueWalkIn(item);
      resetWalkIn();
    }).catch((error) => showResult('bad', T.reasons.unknown, [String(error && error.message || error)], false))
      .finally(renderStatus);
  });

  // Queued walk-ins go before queued scans, one request each; the server answers a repeat as the first time.
  const syncWalkIns = async () => {
    for (const item of queue.filter((q) => q.walkIn)) {
      const response = await postWalkIn(item, true);
      if (response.status >= 500) throw new Error('server ' + response.status);
      if (deviceRefused) return;
      const placeholder = roster.get(item.participantId);
      roster.delete(item.participantId);
      await remove('roster', item.participantId);
      if (response.ok) {
        const place = placeholder ? { cooperativeId: placeholder.cooperativeId, cooperativeName: placeholder.cooperativeName, villageName: placeholder.villageName, districtName: placeholder.districtName } : {};
        await applyCheckin(response.body.checkin, place);
      } else {
        problems.push(item.walkIn.name + ': ' + walkInFailed(response.body.error || {}));
      }
      await remove('queue', item.clientId);
      queue = queue.filter((q) => q.clientId !== item.clientId);
    }
  };

  // ---------- camera ----------
  const cameraButton = $('[data-camera]');
  const video = $('[data-video]');
  const cameraMessage = $('[data-camera-msg]');
  let stream = null;
  let detect = null;
  const hasBarcodeDetector = async () => {
    if (!('BarcodeDetector' in window)) return false;
    try { return (await window.BarcodeDetector.getSupportedFormats()).includes('qr_code'); } catch (_) { return false; }
  };
  const loadScript = (src) => new Promise((resolve, reject) => {
    if (window.jsQR) return resolve();
    const script = el('script', { src });
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('decoder'));
    document.head.append(script);
  });
  const makeDetector = async () => {
    if (await hasBarcodeDetector()) {
      root.setAttribute('data-decoder', 'barcode-detector');
      const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      return async () => {
        const codes = await detector.detect(video);
        return codes.length ? codes[0].rawValue : null;
      };
    }
    await loadScript(cfg.jsqr);
    root.setAttribute('data-decoder', 'jsqr');
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    return async () => {
      const width = video.videoWidth;
      const height = video.videoHeight;
      if (!width || !height) return null;
      const scale = Math.min(1, 640 / width);
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
      return found ? found.data : null;
    };
  };
  const stopCamera = () => {
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    video.hidden = true;
    video.srcObject = null;
    cameraButton.textContent = T.cameraStart;
  };
  const loop = async () => {
    if (!stream) return;
    try {
      const value = await detect();
      if (value) await scanned(value, 'camera');
    } catch (_) { /* a frame that could not be read */ }
    setTimeout(loop, 200);
  };
  cameraButton.addEventListener('click', async () => {
    unlockAudio();
    if (stream) return stopCamera();
    cameraMessage.textContent = '';
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      detect = detect || await makeDetector();
      cameraButton.textContent = T.cameraStop;
      root.setAttribute('data-camera-on', '');
      loop();
    } catch (error) {
      stopCamera();
      cameraMessage.textContent = fill(T.cameraFailed, { reason: (error && error.name) || String(error) });
    }
  });

  // ---------- start ----------
  const prepareOffline = async () => {
    // Ask the browser not to evict the queue and roster under storage pressure (granted to installed PWAs).
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
    if (!('serviceWorker' in navigator)) return;
    await navigator.serviceWorker.register(cfg.sw, { scope: '/checkin/' });
    await navigator.serviceWorker.ready;
    if (navigator.onLine) {
      const cache = await caches.open('hadir-checkin-pages');
      await cache.add(location.pathname);
      if (!(await hasBarcodeDetector()) && cfg.jsqr) await cache.add(cfg.jsqr);
    }
  };

  (async () => {
    await loadLocal();
    renderStatus();
    if (navigator.onLine) {
      lastRoster = Date.now();
      const ok = await refreshRoster().catch(() => false);
      if (!ok) netDown = !deviceRefused;
      if (ok) await refreshAttendance().catch(() => {});
      await sync();
    }
    renderStatus();
    const offline = prepareOffline().catch(() => {});
    await offline;
    root.setAttribute('data-ready', roster.size ? 'offline' : 'online');
    if (!roster.size) netbar.textContent = deviceRefused ? T.deviceRefused : T.noRoster;
  })();
})();
`;
