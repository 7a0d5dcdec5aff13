import { getJson } from './api.js';
import { age } from './format.js';
import { showStaleParts } from './banner.js';

// The health strip: the suite's own numbers (last poll per endpoint and its error, log scans, outbox, delivery
// errors). A part with no news for three of its intervals (the server's verdict, /api/health's parts) is red and
// says "stale" with its name, and goes into the banner too.
function item(strip, text, bad) {
  const span = document.createElement('span');
  span.textContent = text;
  if (bad) span.className = 'bad';
  strip.append(span);
}

export async function refreshHealth() {
  const strip = document.getElementById('health');
  let h;
  try {
    h = await getJson('/api/health');
  } catch (e) {
    strip.replaceChildren();
    item(strip, 'health: ' + e.message, true);
    return;
  }
  strip.replaceChildren();
  const now = h.readAtUnixMs;
  const s = h.suite;
  const stale = new Set((h.parts || []).filter(p => p.stale).map(p => p.part));
  const mark = name => stale.has(name) ? 'STALE, ' : '';
  if (s.endpoints.length === 0) item(strip, 'Collector: no poll recorded', true);
  for (const e of s.endpoints) {
    const name = `poll ${e.endpoint}`;
    const at = Date.parse(e.time);
    item(strip, `${name}: ${mark(name)}${age(now - at)} ago` + (e.ok ? (e.pollDurationMs != null ? `, ${Math.round(e.pollDurationMs)} ms` : '') : `, error: ${e.error ?? 'failed'}`), !e.ok || stale.has(name));
  }
  for (const sink of s.sinks) {
    if (!sink.ok || sink.error) item(strip, `sink ${sink.sink}: ${sink.error ?? 'failing'}`, true);
  }
  for (const scan of s.logScans) {
    const name = `log scan ${scan.source}`;
    // The problem text is the Alerter's (it names the file, its owner and the user); textContent keeps it text.
    if (scan.problem) item(strip, `log source ${scan.source} unreadable: ${scan.problem}`, true);
    else item(strip, `${name}: ${mark(name)}${scan.lastScan ? age(now - Date.parse(scan.lastScan)) + ' ago' : 'never'}`, !scan.lastScan || stale.has(name));
  }
  if (s.outboxDepth !== null) item(strip, `outbox: ${s.outboxDepth}` + (stale.has('outbox') ? ', STALE: nothing delivered for 3 intervals' : ''), s.outboxDepth > 0 || stale.has('outbox'));
  if (s.lastDeliveryError) item(strip, `last delivery error: ${s.lastDeliveryError}`, true);
  showStaleParts(h.parts, now);
}

export function startHealth() {
  refreshHealth();
  setInterval(refreshHealth, 10000);
}
