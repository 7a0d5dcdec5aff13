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
      if (type === 'rows') data.rows = decodeRows(data);
      for (const h of handlers[type]) h(data);
    });
  }
}

// 'rows' carries proxy rows as arrays in the order of data.columns (a third of the bytes of objects); turn them
// back into the overview's row objects, with the process and system rows after them.
function decodeRows(data) {
  const columns = data.columns;
  const rows = new Array(data.rows.length);
  for (let i = 0; i < data.rows.length; i++) {
    const values = data.rows[i];
    const row = {};
    for (let c = 0; c < columns.length; c++) row[columns[c]] = values[c];
    rows[i] = row;
  }
  return rows.concat(data.nodes || []);
}
