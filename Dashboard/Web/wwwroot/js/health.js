import { getJson } from './api.js';
import { age } from './format.js';

// The health strip: the suite's own numbers (last poll per endpoint and its error, log scans, outbox, delivery errors).
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
  if (s.endpoints.length === 0) item(strip, 'Collector: no poll recorded', true);
  for (const e of s.endpoints) {
    const at = Date.parse(e.time);
    const old = now - at > h.staleAfterMs;
    item(strip, `poll ${e.endpoint}: ${age(now - at)} ago` + (e.ok ? (e.pollDurationMs != null ? `, ${Math.round(e.pollDurationMs)} ms` : '') : `, error: ${e.error ?? 'failed'}`), !e.ok || old);
  }
  for (const sink of s.sinks) {
    if (!sink.ok || sink.error) item(strip, `sink ${sink.sink}: ${sink.error ?? 'failing'}`, true);
  }
  for (const scan of s.logScans) {
    // The problem text is the Alerter's (it names the file, its owner and the user); textContent keeps it text.
    if (scan.problem) item(strip, `log source ${scan.source} unreadable: ${scan.problem}`, true);
    else item(strip, `log scan ${scan.source}: ${scan.lastScan ? age(now - Date.parse(scan.lastScan)) + ' ago' : 'never'}`, !scan.lastScan);
  }
  if (s.outboxDepth !== null) item(strip, `outbox: ${s.outboxDepth}`, s.outboxDepth > 0);
  if (s.lastDeliveryError) item(strip, `last delivery error: ${s.lastDeliveryError}`, true);
}

export function startHealth() {
  refreshHealth();
  setInterval(refreshHealth, 10000);
}
