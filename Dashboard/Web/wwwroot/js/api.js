// JSON API client. Errors carry the server's one-sentence message.
export async function getJson(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.error || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

let schemaPromise = null;
// The stored measurements and their fields (/api/schema): charts ask only for fields the measurement has.
export function schema() {
  schemaPromise ??= getJson('/api/schema').then(s => ({ ...s, byKind: new Map(s.measurements.map(m => [m.kind, m])) }));
  return schemaPromise;
}
