import { age } from './format.js';

// The stale banner: a node whose newest sample is older than three Collector intervals is said so, prominently.
export function showHosts(hosts, readAt) {
  const banner = document.getElementById('stale');
  const stale = (hosts || []).filter(h => h.stale);
  if (stale.length === 0) { banner.classList.add('hidden'); banner.textContent = ''; return; }
  banner.textContent = stale.map(h => `Node ${h.host}: no new data for ${age(readAt - h.newestUnixMs)}; its numbers are not live.`).join('  ');
  banner.classList.remove('hidden');
}
