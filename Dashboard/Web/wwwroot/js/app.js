import * as state from './state.js';
import { startHealth } from './health.js';
import { showOverview } from './overview.js';
import { showDetail } from './detail.js';
import { showNode } from './node.js';
import { showEvents } from './events.js';

// The router: the path names the page, the query holds its state. ?tv=1 is the kiosk mode (dark, no controls).
const page = location.pathname.replace(/\/+$/, '') || '/';
if (state.get('tv') === '1') document.body.classList.add('tv');

function rangeButtons() {
  const box = document.getElementById('ranges');
  const current = state.get('from') ? 'custom' : state.get('range', '1h');
  for (const [name] of state.RANGES) {
    const b = document.createElement('button');
    b.textContent = name;
    b.dataset.range = name;
    if (name === current) b.classList.add('on');
    b.addEventListener('click', () => state.set({ range: name, from: null, to: null, at: null }, { reload: true }));
    box.append(b);
  }
  const from = document.createElement('input');
  const to = document.createElement('input');
  from.type = to.type = 'datetime-local';
  from.id = 'custom-from';
  to.id = 'custom-to';
  const w = state.window();
  const local = ms => new Date(ms - new Date(ms).getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  from.value = local(w.from);
  to.value = local(w.to);
  const go = document.createElement('button');
  go.textContent = 'custom';
  if (current === 'custom') go.classList.add('on');
  go.addEventListener('click', () => {
    const f = new Date(from.value).getTime(), t = new Date(to.value).getTime();
    if (f && t && t > f) state.set({ from: f, to: t, at: null }, { reload: true });
  });
  box.append(from, to, go);
}

async function main() {
  const mainEl = document.getElementById('main');
  for (const a of document.querySelectorAll('#nav a')) {
    if ((a.dataset.page === 'overview' && page === '/') || '/' + a.dataset.page === page) a.classList.add('active');
    if (state.get('tv') === '1') a.href += '?tv=1';
  }
  startHealth();
  if (page === '/') { await showOverview(mainEl); document.getElementById('ranges').classList.add('hidden'); }
  else {
    rangeButtons();
    if (page === '/frontend' || page === '/backend' || page === '/server') await showDetail(mainEl, page.slice(1));
    else if (page === '/node') await showNode(mainEl);
    else if (page === '/events') await showEvents(mainEl);
  }
  // Milliseconds from navigation to the first drawn view: what bench/dashboard-web reports as first render.
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = '1';
}

main().catch(e => {
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = 'The page failed: ' + e.message;
  document.getElementById('main').append(p);
  document.body.dataset.ready = '1';
});
