import { chartPage } from './chartpage.js';
import * as state from './state.js';

// A node: HAProxy's own process numbers (show info) and the machine's load; the charts come from /api/schema.
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
  for (const [kind, title] of [['process', 'HAProxy process'], ['system', 'System']]) {
    const h = document.createElement('h2');
    h.textContent = title;
    const section = document.createElement('section');
    main.append(h, section);
    await chartPage(section, { kind, series: { host }, eventFilter: null, matchRow: r => r.kind === kind && r.host === host });
  }
}
