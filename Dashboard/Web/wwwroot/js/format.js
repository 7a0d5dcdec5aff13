// Formatting and status classification. Everything here returns text: callers put it in textContent.
export function num(v, digits = 1) {
  if (v === null || v === undefined || Number.isNaN(v)) return '';
  const a = Math.abs(v);
  if (a >= 1e9) return (v / 1e9).toFixed(digits) + 'G';
  if (a >= 1e6) return (v / 1e6).toFixed(digits) + 'M';
  if (a >= 1e4) return (v / 1e3).toFixed(digits) + 'k';
  if (Number.isInteger(v)) return String(v);
  return v.toFixed(a < 10 ? 2 : digits);
}

export function bytes(v) {
  if (v === null || v === undefined) return '';
  const units = ['B/s', 'kB/s', 'MB/s', 'GB/s'];
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return (i === 0 ? Math.round(v) : v.toFixed(1)) + ' ' + units[i];
}

export function age(ms) {
  if (ms < 0) ms = 0;
  const s = Math.round(ms / 1000);
  if (s < 120) return s + ' s';
  if (s < 7200) return Math.round(s / 60) + ' min';
  if (s < 172800) return Math.round(s / 3600) + ' h';
  return Math.round(s / 86400) + ' d';
}

// HAProxy status words by structure: "UP 1/3" is going down, "DOWN 1/2" is coming up, "MAINT (via b/s)" is maintenance.
export function statusClass(status, stale) {
  if (stale) return 'st-stale';
  if (!status) return 'st-none';
  const word = status.split(/[ (]/)[0].toUpperCase();
  const transitional = /\s\d+\/\d+/.test(status);
  if (word === 'UP' || word === 'OPEN') return transitional ? 'st-trans' : 'st-up';
  if (word === 'DOWN') return transitional ? 'st-trans' : 'st-down';
  if (word === 'MAINT') return 'st-maint';
  if (word === 'DRAIN') return 'st-drain';
  if (word === 'NOLB') return 'st-nolb';
  if (word === 'NO') return 'st-none'; // "no check"
  return 'st-trans';
}

export function isProblem(row) {
  if (row.stale) return true;
  const cls = statusClass(row.status, false);
  if (cls !== 'st-up' && cls !== 'st-none') return true;
  if ((row.http5xxRate ?? 0) > 0 || (row.queueCurrent ?? 0) > 0) return true;
  return row.sessionsPct !== null && row.sessionsPct !== undefined && row.sessionsPct >= 90;
}

// Name patterns: * and ? wildcards, case-insensitive, matched anywhere in "host proxy/server".
export function patternTest(pattern) {
  if (!pattern) return () => true;
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const re = new RegExp(escaped, 'i');
  return text => re.test(text);
}
