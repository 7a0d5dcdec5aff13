// One EventSource per page. 'rows' carries rows with a newer sample, 'events' new transitions, 'tick' each poll.
const handlers = { rows: [], events: [], tick: [] };
let source = null;

export function on(type, handler) { handlers[type].push(handler); }

export function connect(since) {
  if (source) return; // one stream per page, however many parts of it listen
  const indicator = document.getElementById('live');
  source = new EventSource('/api/stream' + (since ? '?since=' + since : ''));
  source.onopen = () => { indicator.textContent = 'live'; indicator.className = 'live on'; };
  source.onerror = () => { indicator.textContent = 'live stream disconnected, retrying...'; indicator.className = 'live off'; };
  for (const type of Object.keys(handlers)) {
    source.addEventListener(type, e => {
      const data = JSON.parse(e.data);
      for (const h of handlers[type]) h(data);
    });
  }
}
