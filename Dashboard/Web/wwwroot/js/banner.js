import { age } from './format.js';

// The stale banner, said prominently: a node whose newest sample is older than three Collector intervals (from the
// overview and its stream), and a part of the suite with no news for three of its intervals (from the health strip),
// such as a dead Alerter's log scans. The two sources update at their own pace; the banner shows both.
let nodeLines = [];
let partLines = [];

function render() {
  const banner = document.getElementById('stale');
  const lines = nodeLines.concat(partLines);
  if (lines.length === 0) { banner.classList.add('hidden'); banner.textContent = ''; return; }
  banner.textContent = lines.join('  ');
  banner.classList.remove('hidden');
}

export function showHosts(hosts, readAt) {
  nodeLines = (hosts || []).filter(h => h.stale)
    .map(h => `Node ${h.host}: no new data for ${age(readAt - h.newestUnixMs)}; its numbers are not live.`);
  render();
}

// parts: /api/health's parts, readAt its readAtUnixMs.
export function showStaleParts(parts, readAt) {
  partLines = (parts || []).filter(p => p.stale)
    .map(p => `${p.part}: ${p.lastNewsUnixMs == null ? 'no news ever' : 'no news for ' + age(readAt - p.lastNewsUnixMs)}; it may have stopped.`);
  render();
}
