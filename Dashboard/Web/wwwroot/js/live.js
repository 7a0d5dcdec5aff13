// One EventSource per page. 'rows' carries rows with a newer sample, 'events' new transitions, 'tick' each poll.
const handlers = { rows: [], events: [], tick: [] };
let source = null;

// 'rows' names each frontend, backend and server by a number, introduced once in `keys` as [id, kind, host, proxy,
// server] (the whole table on a stream's first message, `keysReset`); its values are arrays in the order of
// `columns`, the number first. Listeners read the identity of a row through identity(id).
const identities = new Map();

export function on(type, handler) { handlers[type].push(handler); }

export function identity(id) { return identities.get(id); }

export function connect(since) {
  if (source) return; // one stream per page, however many parts of it listen
  const indicator = document.getElementById('live');
  source = new EventSource('/api/stream' + (since ? '?since=' + since : ''));
  source.onopen = () => { indicator.textContent = 'live'; indicator.className = 'live on'; };
  source.onerror = () => { indicator.textContent = 'live stream disconnected, retrying...'; indicator.className = 'live off'; };
  for (const type of Object.keys(handlers)) {
    source.addEventListener(type, e => {
      const data = JSON.parse(e.data);
      if (type === 'rows') {
        if (data.keysReset) identities.clear();
        for (const [id, kind, host, proxy, server] of data.keys) identities.set(id, { kind, host, proxy, server });
      }
      for (const h of handlers[type]) h(data);
      if (type === 'rows') for (const id of data.removed) identities.delete(id);
    });
  }
}
