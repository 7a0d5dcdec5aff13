import { getJson, schema } from './api.js';
import * as state from './state.js';
import * as live from './live.js';

// Every transition with time, node, proxy, server, kind, severity and message; each links to the server's page at that moment.
export async function showEvents(main) {
  main.replaceChildren();
  const s = await schema();
  const toolbar = document.createElement('div');
  toolbar.className = 'toolbar';
  const inputs = {};
  for (const name of ['host', 'proxy', 'server']) {
    const input = document.createElement('input');
    input.placeholder = name;
    input.value = state.get(name, '');
    input.id = 'f-' + name;
    inputs[name] = input;
    toolbar.append(input);
  }
  const kind = select('kind', ['', ...s.eventKinds.map(k => k.name)]);
  const severity = select('severity', ['', ...s.severities.map(v => v.name)]);
  const apply = document.createElement('button');
  apply.textContent = 'Apply';
  toolbar.append(kind, severity, apply);
  const table = document.createElement('table');
  table.className = 'events';
  table.id = 'events';
  const head = table.createTHead().insertRow();
  for (const h of ['Time', 'Node', 'Proxy', 'Server', 'Kind', 'Severity', 'Message']) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  const more = document.createElement('button');
  more.textContent = 'Older';
  const note = document.createElement('p');
  note.className = 'info';
  main.append(toolbar, note, table, more);

  const filters = () => ({ host: inputs.host.value, proxy: inputs.proxy.value, server: inputs.server.value, kind: kind.value, severity: severity.value });
  let before = null;
  async function load(append) {
    const w = state.window();
    try {
      const page = await getJson('/api/events', { ...filters(), from: w.from, to: w.to, limit: 200, before: append ? before : null });
      if (!append) body.replaceChildren();
      for (const e of page.events) body.append(row(e));
      before = page.nextBefore;
      more.disabled = before === null;
      note.className = 'info';
      note.textContent = body.rows.length === 0 ? 'No events in this range.' : '';
    } catch (e) {
      note.className = 'error';
      note.textContent = e.message;
    }
  }
  apply.addEventListener('click', () => { state.set(filters()); load(false); });
  more.addEventListener('click', () => load(true));
  await load(false);
  live.on('events', message => {
    if (!state.window().live) return;
    const f = filters();
    for (const e of [...message.events].reverse()) {
      if ((f.host && e.host !== f.host) || (f.proxy && e.proxy !== f.proxy) || (f.server && e.server !== f.server)
        || (f.kind && e.kind !== f.kind) || (f.severity && e.severity !== f.severity)) continue;
      body.prepend(row(e));
    }
  });
  live.connect(Date.now());

  function select(name, values) {
    const sel = document.createElement('select');
    sel.id = 'f-' + name;
    for (const v of values) {
      const o = document.createElement('option');
      o.value = v;
      o.textContent = v || 'any ' + name;
      sel.append(o);
    }
    sel.value = state.get(name, '');
    return sel;
  }
}

function row(e) {
  const tr = document.createElement('tr');
  const cell = text => { const td = tr.insertCell(); td.textContent = text ?? ''; return td; };
  const t = Date.parse(e.time);
  const timeCell = tr.insertCell();
  const a = document.createElement('a');
  a.textContent = new Date(t).toLocaleString(undefined, { hour12: false });
  a.href = e.server
    ? state.link('/server', { host: e.host, proxy: e.proxy, server: e.server, at: t })
    : state.link('/backend', { host: e.host, proxy: e.proxy, at: t });
  timeCell.append(a);
  cell(e.host); cell(e.proxy); cell(e.server); cell(e.kind);
  cell(e.severity).className = 'sev-' + (e.severity ?? 'none');
  cell(e.message);
  return tr;
}
