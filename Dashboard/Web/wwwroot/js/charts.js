import uPlot from '/lib/uPlot.esm.js';

const COLORS = ['#2563eb', '#16a34a', '#dc2626', '#a21caf', '#ea580c', '#0891b2', '#ca8a04', '#6b7280'];

// Vertical markers for UP/DOWN/MAINT events (and the alert's moment, `at`), each titled with its message.
function markersPlugin(events, at) {
  return {
    hooks: {
      draw: u => {
        for (const old of u.over.querySelectorAll('.marker')) old.remove();
        const place = (ms, cls, title) => {
          const x = u.valToPos(ms / 1000, 'x');
          if (!(x >= 0 && x <= u.over.clientWidth)) return;
          const m = document.createElement('div');
          m.className = 'marker ' + cls;
          m.style.left = Math.round(x) + 'px';
          m.title = title;
          u.over.append(m);
        };
        for (const e of events) place(e.timeMs, e.marker ?? 'down', `${new Date(e.timeMs).toLocaleString()} ${e.message}`);
        if (at) place(at, 'at', 'the alert\'s moment');
      },
    },
  };
}

/**
 * One chart: `series` is [{ label, values }] aligned with `timesMs`. Dragging across it calls onZoom(fromMs, toMs).
 * Returns the uPlot instance (tests read its data through the DOM: data-points on the container).
 */
export function chart(container, title, timesMs, series, { events = [], at = null, onZoom = null, unit = '' } = {}) {
  const box = document.createElement('div');
  box.className = 'chart';
  const h = document.createElement('h3');
  h.textContent = title + (unit ? ` (${unit})` : '');
  box.append(h);
  container.append(box);
  const points = series.reduce((n, s) => n + s.values.filter(v => v !== null).length, 0);
  box.dataset.points = String(points);
  box.dataset.title = title;
  if (points === 0) {
    const empty = document.createElement('div');
    empty.className = 'empty';
    empty.textContent = 'No samples in this range.';
    box.append(empty);
  }
  const width = Math.max(300, box.clientWidth - 12);
  const options = {
    width, height: 190,
    cursor: { drag: { x: true, y: false, setScale: false } },
    scales: { x: { time: true } },
    series: [{}, ...series.map((s, i) => ({ label: s.label, stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: false }))],
    axes: [{}, { size: 60 }],
    plugins: [markersPlugin(events, at)],
    hooks: {
      setSelect: [u => {
        if (u.select.width > 5 && onZoom) {
          const from = u.posToVal(u.select.left, 'x') * 1000;
          const to = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
          onZoom(Math.round(from), Math.round(to));
        }
      }],
    },
  };
  const data = [timesMs.map(t => t / 1000), ...series.map(s => s.values)];
  const plot = new uPlot(options, data, box);
  box.dataset.markers = String(events.length);
  if (events.length > 0) {
    const list = document.createElement('ul');
    list.className = 'marker-list';
    for (const e of events.slice(0, 20)) {
      const li = document.createElement('li');
      li.textContent = `${new Date(e.timeMs).toLocaleTimeString(undefined, { hour12: false })} ${e.message}`;
      list.append(li);
    }
    box.append(list);
  }
  return plot;
}
