import { getJson } from './api.js';
import { num, bytes, statusClass, isProblem, patternTest } from './format.js';
import * as state from './state.js';
import * as live from './live.js';
import { showHosts } from './banner.js';
import { drawSpark } from './sparkline.js';

// The overview: every frontend, backend and server of every node. Only the rows in view exist in the DOM, so
// 10,000 servers scroll and update as smoothly as ten.
const ROW = 26;
const KIND_ORDER = { frontend: 0, backend: 1, server: 2 };
const COLUMNS = [
  ['status', 'Status'], ['name', 'Name'], ['checkStatus', 'Check'], ['host', 'Node'], ['weight', 'Weight'],
  ['sessionsPct', 'Sessions / limit'], ['sessionRate', 'Sess/s'], ['bytesInRate', 'In'], ['bytesOutRate', 'Out'],
  ['http5xxRate', '5xx/s'], ['queueCurrent', 'Queue'], ['responseTimeMs', 'Resp ms'], ['spark', '15 min'],
];

const key = r => [r.kind, r.host, r.proxy ?? '', r.server ?? ''].join('\u001f');
const rows = new Map();
let view = [];
let readAt = 0;
let viewport, spacer, countLabel, pool = [];
let dirty = false;

export async function showOverview(main) {
  main.replaceChildren();
  const toolbar = el('div', 'toolbar');
  const filter = el('input');
  filter.type = 'search';
  filter.placeholder = 'filter: name pattern (* ?)';
  filter.value = state.get('q', '');
  filter.id = 'filter';
  const problemsLabel = el('label');
  const problems = el('input');
  problems.type = 'checkbox';
  problems.id = 'problems';
  problems.checked = state.get('problems') === '1';
  problemsLabel.append(problems, document.createTextNode(' problems only'));
  countLabel = el('span', 'count');
  toolbar.append(filter, problemsLabel, countLabel);
  filter.addEventListener('input', () => { state.set({ q: filter.value }); refilter(); });
  problems.addEventListener('change', () => { state.set({ problems: problems.checked }); refilter(); });

  const grid = el('div', 'grid');
  const head = el('div', 'head');
  for (const [id, label] of COLUMNS) {
    const h = el('span');
    h.textContent = label;
    h.dataset.sort = id;
    if (id !== 'spark') h.addEventListener('click', () => {
      const desc = state.get('sort') === id && state.get('desc') !== '1';
      state.set({ sort: id === 'name' ? null : id, desc });
      markSorted(head);
      refilter();
    });
    head.append(h);
  }
  markSorted(head);
  viewport = el('div', 'viewport');
  viewport.id = 'rows';
  spacer = el('div', 'spacer');
  viewport.append(spacer);
  grid.append(head, viewport);
  main.append(toolbar, grid);
  viewport.addEventListener('scroll', () => render());
  window.addEventListener('resize', () => render());

  let overview;
  try {
    overview = await getJson('/api/overview');
  } catch (e) {
    countLabel.textContent = 'Could not read the overview: ' + e.message;
    countLabel.className = 'error';
    return;
  }
  readAt = overview.readAtUnixMs;
  for (const r of overview.rows) if (KIND_ORDER[r.kind] !== undefined) rows.set(key(r), r);
  showHosts(overview.hosts, readAt);
  refilter();

  // Live rows are applied in place, by number: with 10,000 servers every 2 s, building no objects and no keys
  // is what keeps the browser's CPU low. The filtered, sorted view still holds the same objects, so it is only
  // re-sorted when the order can change.
  const byId = new Map();
  live.on('rows', message => {
    readAt = message.readAtUnixMs || readAt;
    if (message.keysReset) byId.clear();
    let structural = message.removed.length > 0;
    const columns = message.columns;
    const time = columns.indexOf('timeUnixMs');
    for (const values of message.rows) {
      const id = values[0];
      let row = byId.get(id);
      if (row === undefined) {
        const who = live.identity(id);
        if (!who || KIND_ORDER[who.kind] === undefined) continue;
        row = rows.get(key(who));
        if (row === undefined) {
          row = { ...who };
          rows.set(key(who), row);
          structural = true;
        }
        byId.set(id, row);
      }
      if (row.timeUnixMs > values[time]) continue;
      for (let c = 1; c < columns.length; c++) row[columns[c]] = values[c];
    }
    for (const id of message.removed) {
      const who = live.identity(id);
      if (who) rows.delete(key(who));
      byId.delete(id);
    }
    showHosts(message.hosts, readAt);
    const orderFixed = state.get('sort', 'name') === 'name' && state.get('problems') !== '1';
    if (structural || !orderFixed) schedule(); else scheduleRender();
  });
  live.on('tick', message => { readAt = message.readAtUnixMs; showHosts(message.hosts, readAt); });
  live.connect(readAt);
  // Sparklines are per minute: refresh them (with the rest) once a minute.
  setInterval(async () => {
    try {
      const fresh = await getJson('/api/overview');
      for (const r of fresh.rows) {
        const old = rows.get(key(r));
        if (old) { old.spark = r.spark; old.sparkFromUnixMs = r.sparkFromUnixMs; }
      }
      schedule();
    } catch { /* the next minute will do */ }
  }, 60000);
}

function schedule() {
  if (dirty) return;
  dirty = true;
  requestAnimationFrame(() => { dirty = false; refilter(); });
}

let renderPending = false;
function scheduleRender() {
  if (renderPending || dirty) return;
  renderPending = true;
  requestAnimationFrame(() => { renderPending = false; render(); });
}

function markSorted(head) {
  const sort = state.get('sort', 'name');
  for (const h of head.children) {
    h.classList.toggle('sorted', h.dataset.sort === sort);
    h.classList.toggle('desc', h.dataset.sort === sort && state.get('desc') === '1');
  }
}

function nameOf(r) { return r.kind === 'server' ? `${r.proxy}/${r.server}` : r.proxy; }

function refilter() {
  const test = patternTest(state.get('q', ''));
  const problemsOnly = state.get('problems') === '1';
  view = [];
  for (const r of rows.values()) {
    if (!test(`${r.host} ${nameOf(r)}`)) continue;
    if (problemsOnly && !isProblem(r)) continue;
    view.push(r);
  }
  const sort = state.get('sort', 'name');
  const desc = state.get('desc') === '1' ? -1 : 1;
  if (sort === 'name') {
    view.sort((a, b) => desc * (cmp(a.host, b.host) || cmp(a.proxy, b.proxy) || (KIND_ORDER[a.kind] - KIND_ORDER[b.kind]) || cmp(a.server, b.server)));
  } else {
    const value = r => sort === 'status' ? statusClass(r.status, r.stale) : r[sort];
    view.sort((a, b) => desc * (cmpValue(value(a), value(b)) || cmp(nameOf(a), nameOf(b))));
  }
  countLabel.textContent = `${view.length} of ${rows.size} rows`;
  spacer.style.height = view.length * ROW + 'px';
  render();
}

const cmp = (a, b) => (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
function cmpValue(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return a < b ? -1 : 1;
}

function render() {
  if (!viewport) return;
  const first = Math.max(0, Math.floor(viewport.scrollTop / ROW) - 2);
  const count = Math.min(view.length - first, Math.ceil(viewport.clientHeight / ROW) + 5);
  while (pool.length < count) { const r = makeRow(); pool.push(r); spacer.append(r.element); }
  for (let i = 0; i < pool.length; i++) {
    const item = pool[i];
    if (i >= count) {
      // A spare row of the pool: hidden and anonymous, so no selector finds a row that is not shown.
      item.element.classList.add('hidden');
      item.element.removeAttribute('data-name');
      item.key = null;
      continue;
    }
    item.element.classList.remove('hidden');
    fill(item, view[first + i], first + i);
  }
}

function makeRow() {
  const element = el('div', 'row');
  const cells = {};
  for (const [id] of COLUMNS) {
    const cell = el('span');
    if (!['status', 'name', 'checkStatus', 'host', 'spark'].includes(id)) cell.className = 'num';
    cells[id] = cell;
    element.append(cell);
  }
  const badge = el('span', 'badge');
  cells.status.append(badge);
  const link = el('a');
  cells.name.append(link);
  const hostLink = el('a');
  cells.host.append(hostLink);
  const canvas = el('canvas', 'spark');
  canvas.width = 120; canvas.height = 20;
  cells.spark.append(canvas);
  return { element, cells, badge, link, hostLink, canvas, key: null, time: null };
}

function fill(item, r, index) {
  item.element.style.top = index * ROW + 'px';
  const k = key(r);
  if (item.key === k && item.time === r.timeUnixMs && item.stale === r.stale && item.spark === r.spark) return;
  item.key = k; item.time = r.timeUnixMs; item.stale = r.stale; item.spark = r.spark;
  const c = item.cells;
  item.element.className = `row k-${r.kind}` + (r.stale ? ' stale' : '');
  item.element.dataset.name = nameOf(r);
  item.element.dataset.host = r.host;
  const cls = statusClass(r.status, r.stale);
  item.badge.className = 'badge ' + cls;
  item.badge.textContent = r.stale ? 'STALE' : (r.status ?? '-');
  item.badge.title = r.stale ? `last sample: ${r.status ?? ''} (not live)` : '';
  item.link.textContent = nameOf(r);
  item.link.href = state.link('/' + r.kind, { host: r.host, proxy: r.proxy, server: r.server });
  item.hostLink.textContent = r.host;
  item.hostLink.href = state.link('/node', { host: r.host });
  // Stale numbers are never shown as live: the row is greyed and its figures blanked.
  const v = f => r.stale ? '' : f;
  c.checkStatus.textContent = v(r.checkStatus ?? '');
  c.weight.textContent = v(num(r.weight, 0));
  c.sessionsPct.textContent = v(r.sessionsCurrent === null ? '' : `${num(r.sessionsCurrent, 0)}` + (r.sessionsLimit ? ` / ${num(r.sessionsLimit, 0)} (${num(r.sessionsPct ?? 0, 0)}%)` : ''));
  c.sessionRate.textContent = v(num(r.sessionRate));
  c.bytesInRate.textContent = v(bytes(r.bytesInRate));
  c.bytesOutRate.textContent = v(bytes(r.bytesOutRate));
  c.http5xxRate.textContent = v(num(r.http5xxRate));
  c.queueCurrent.textContent = v(num(r.queueCurrent, 0));
  c.responseTimeMs.textContent = v(num(r.responseTimeMs, 0));
  drawSpark(item.canvas, r.stale ? null : r.spark);
}

function el(tag, className) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  return e;
}
