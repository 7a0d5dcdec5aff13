import { getJson } from './api.js';
import { statusClass, num } from './format.js';
import { chartPage } from './chartpage.js';
import * as state from './state.js';

// Drill-down for a frontend, backend or server: its charts and their fields come from /api/schema.
export async function showDetail(main, kind) {
  const host = state.get('host'), proxy = state.get('proxy'), server = state.get('server');
  const crumbs = document.getElementById('crumbs');
  crumbs.textContent = ` / ${host ?? '?'} / ${kind} ${proxy ?? '?'}${server ? '/' + server : ''}`;
  main.replaceChildren();
  if (!host || !proxy || (kind === 'server' && !server)) {
    const p = document.createElement('p');
    p.className = 'error';
    p.textContent = `This page needs host and proxy${kind === 'server' ? ' and server' : ''} in its address.`;
    main.append(p);
    return;
  }
  const summary = document.createElement('div');
  summary.className = 'kv';
  summary.id = 'summary';
  main.append(summary);
  const series = { host, proxy, server: kind === 'server' ? server : undefined };
  await summarize(summary, kind, host, proxy, server);
  await chartPage(main, {
    kind, series,
    eventFilter: { host, proxy, server: kind === 'server' ? server : undefined },
    matchRow: r => r.kind === kind && r.host === host && r.proxy === proxy && (kind !== 'server' || r.server === server),
  });
}

async function summarize(summary, kind, host, proxy, server) {
  let overview;
  try { overview = await getJson('/api/overview', { host }); } catch { return; }
  const row = overview.rows.find(r => r.kind === kind && r.proxy === proxy && (kind !== 'server' || r.server === server));
  const add = (label, value, cls) => {
    const span = document.createElement('span');
    const b = document.createElement('b');
    b.textContent = label + ': ';
    const v = document.createElement('span');
    v.textContent = value;
    if (cls) v.className = cls;
    span.append(b, v);
    summary.append(span);
  };
  if (row) {
    add('status', row.stale ? 'STALE' : (row.status ?? '-'), 'badge ' + statusClass(row.status, row.stale));
    if (row.checkStatus) add('check', row.checkStatus);
    if (row.weight !== null) add('weight', num(row.weight, 0));
    add('node', host);
  }
  if (kind === 'backend') {
    const servers = overview.rows.filter(r => r.kind === 'server' && r.proxy === proxy);
    const span = document.createElement('span');
    span.id = 'servers';
    const b = document.createElement('b');
    b.textContent = `servers (${servers.length}): `;
    span.append(b);
    for (const s of servers) {
      const a = document.createElement('a');
      a.href = state.link('/server', { host, proxy, server: s.server, range: state.get('range') });
      a.textContent = s.server;
      a.className = 'badge ' + statusClass(s.status, s.stale);
      span.append(a, document.createTextNode(' '));
    }
    summary.append(span);
  }
}
