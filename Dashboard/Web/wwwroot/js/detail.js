import { getJson } from './api.js';
import { statusClass, num } from './format.js';
import { chartPage } from './chartpage.js';
import * as state from './state.js';

// Drill-down for a frontend, backend or server: the stored fields by their schema names.
const SPECS = [
  { title: 'Bytes in / out', unit: 'B/s', fields: [['bytes_in_rate', 'in'], ['bytes_out_rate', 'out']] },
  { title: 'Sessions', unit: 'sessions', fields: [['sessions_current', 'current'], ['sessions_limit', 'limit']] },
  { title: 'Session and request rate', unit: '/s', fields: [['session_rate', 'sessions/s'], ['request_rate', 'requests/s']] },
  { title: 'HTTP responses by class', unit: '/s', fields: [['http_1xx_rate', '1xx'], ['http_2xx_rate', '2xx'], ['http_3xx_rate', '3xx'], ['http_4xx_rate', '4xx'], ['http_5xx_rate', '5xx'], ['http_other_rate', 'other']] },
  { title: 'Errors', unit: '/s', fields: [['connection_error_rate', 'connection'], ['response_error_rate', 'response'], ['retry_rate', 'retries'], ['redispatch_rate', 'redispatches'], ['denied_request_rate', 'denied'], ['request_error_rate', 'request']] },
  { title: 'Queue', unit: 'requests / ms', fields: [['queue_current', 'current'], ['queue_time_ms', 'queue time ms']] },
  { title: 'Connect, response and total time', unit: 'ms', fields: [['connect_time_ms', 'connect'], ['response_time_ms', 'response'], ['total_time_ms', 'total']] },
];
const BACKEND_SPECS = [{ title: 'Active and backup servers', unit: 'servers', fields: [['active_servers', 'active'], ['backup_servers', 'backup']] }];

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
  const specs = kind === 'backend' ? [...BACKEND_SPECS, ...SPECS] : SPECS;
  const series = { host, proxy, server: kind === 'server' ? server : undefined };
  await summarize(summary, kind, host, proxy, server);
  await chartPage(main, {
    kind, series, specs,
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
