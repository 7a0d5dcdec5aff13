import { chartPage } from './chartpage.js';
import * as state from './state.js';

// A node: HAProxy's own process numbers (show info) and the machine's load.
const PROCESS = [
  { title: 'Connections', unit: 'connections', fields: [['current_connections', 'current'], ['max_connections', 'limit']] },
  { title: 'Connection and session rate', unit: '/s', fields: [['connection_rate', 'connections/s'], ['session_rate', 'sessions/s']] },
  { title: 'Idle', unit: '%', fields: [['idle_pct', 'idle %']] },
  { title: 'Run queue and tasks', unit: 'tasks', fields: [['run_queue', 'run queue'], ['tasks', 'tasks']] },
];
const SYSTEM = [
  { title: 'Load', unit: '', fields: [['load1', 'load 1'], ['load5', 'load 5'], ['load15', 'load 15']] },
  { title: 'CPU and memory', unit: '%', fields: [['cpu_pct', 'CPU %'], ['mem_used_pct', 'memory used %']] },
];

export async function showNode(main) {
  const host = state.get('host');
  document.getElementById('crumbs').textContent = ` / node ${host ?? '?'}`;
  main.replaceChildren();
  if (!host) {
    const p = document.createElement('p');
    p.className = 'error';
    p.textContent = 'This page needs host in its address.';
    main.append(p);
    return;
  }
  for (const [kind, specs, title] of [['process', PROCESS, 'HAProxy process'], ['system', SYSTEM, 'System']]) {
    const h = document.createElement('h2');
    h.textContent = title;
    const section = document.createElement('section');
    main.append(h, section);
    await chartPage(section, { kind, series: { host }, specs, eventFilter: null, matchRow: r => r.kind === kind && r.host === host });
  }
}
