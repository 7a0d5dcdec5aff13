import { getJson, schema } from './api.js';
import { chart } from './charts.js';
import * as state from './state.js';
import * as live from './live.js';

/**
 * A page of charts over one series: the measurement's charts from /api/schema ([{ title, unit, fields: [{ name,
 * label }] }], only fields the measurement has), so the page never spells a stored name. Reads one range for all
 * fields, the state-change events of the series, and redraws when the stream brings a newer sample.
 */
export async function chartPage(main, { kind, series, eventFilter, matchRow }) {
  const s = await schema();
  const charts = s.byKind.get(kind).charts;
  const fields = [...new Set(charts.flatMap(c => c.fields.map(f => f.name)))];
  const grid = document.createElement('div');
  grid.className = 'charts';
  grid.id = 'charts';
  const note = document.createElement('p');
  note.className = 'info';
  main.append(note, grid);

  async function load() {
    const w = state.window();
    let range, events = { events: [] };
    try {
      range = await getJson('/api/range', { measurement: kind, ...series, fields: fields.join(','), from: w.from, to: w.to });
    } catch (e) {
      grid.replaceChildren();
      note.textContent = e.status === 404 ? e.message : 'Could not read the range: ' + e.message;
      note.className = 'error';
      return;
    }
    if (eventFilter) {
      try {
        events = await getJson('/api/events', { ...eventFilter, kind: s.stateChanges.join(','), from: w.from, to: w.to, limit: 500 });
      } catch { /* charts without markers are still charts */ }
    }
    const marks = events.events.map(e => ({ timeMs: Date.parse(e.time), marker: s.markers[e.kind], message: e.message }));
    note.className = 'info';
    note.textContent = `${new Date(w.from).toLocaleString()} to ${new Date(w.to).toLocaleString()}, ${range.resolution === 'raw' ? 'raw samples' : '1-minute roll-ups (avg)'}, step ${range.stepMs / 1000} s.`;
    grid.replaceChildren();
    for (const c of charts) {
      chart(grid, c.title, range.times, c.fields.map(f => ({ label: f.label, values: range.avg[f.name] ?? [] })), {
        events: marks, at: w.at, unit: c.unit,
        onZoom: (from, to) => { state.set({ from, to, at: null }); load(); },
      });
    }
  }
  await load();
  let pending = null;
  live.on('rows', message => {
    const mine = message.rows.some(values => matchRow(live.identity(values[0]) ?? {})) || message.nodes.some(matchRow);
    if (!state.window().live || !mine) return;
    pending ??= setTimeout(() => { pending = null; load(); }, 500);
  });
  live.on('events', () => { if (state.window().live) pending ??= setTimeout(() => { pending = null; load(); }, 500); });
  live.connect(Date.now());
}
