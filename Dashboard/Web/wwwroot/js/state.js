// The page state lives in the URL (range, filters, sort, page), so a link can be shared.
export const params = new URLSearchParams(location.search);

export function get(name, fallback = null) {
  const v = params.get(name);
  return v === null || v === '' ? fallback : v;
}

export function set(changes, { reload = false } = {}) {
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '' || v === false) params.delete(k); else params.set(k, v === true ? '1' : String(v));
  }
  const url = location.pathname + (params.toString() ? '?' + params.toString() : '');
  if (reload) location.assign(url); else history.replaceState(null, '', url);
}

export function link(path, values) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && v !== '') p.set(k, String(v));
  if (params.get('tv')) p.set('tv', '1');
  return path + '?' + p.toString();
}

export const RANGES = [['15m', 15 * 60e3], ['1h', 3600e3], ['6h', 6 * 3600e3], ['24h', 24 * 3600e3], ['7d', 7 * 86400e3], ['30d', 30 * 86400e3]];

// The window to show: from/to in the URL (custom or zoomed), else a range ending now, or centred on `at` (alert links).
export function window() {
  const now = Date.now();
  const from = Number(get('from')), to = Number(get('to'));
  if (from && to && to > from) return { from, to, live: false };
  const length = (RANGES.find(r => r[0] === get('range', '1h')) ?? RANGES[1])[1];
  const at = Number(get('at'));
  if (at) {
    // Centred on the moment, ending no later than now; but never with the moment at the very edge (a log's
    // clock a little ahead of this browser's would put its marker outside the chart).
    const end = Math.max(Math.min(now, at + length / 2), at + length / 10);
    return { from: end - length, to: end, live: false, at };
  }
  return { from: now - length, to: now, live: true };
}
