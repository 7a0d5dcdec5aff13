import { getJson, schema } from './api.js';
import { chart } from './charts.js';
import * as state from './state.js';
import * as live from './live.js';

/**
 * A page of charts over one series: `specs` is [{ title, unit, fields: [[field, label], ...] }]. Fields the
 * measurement lacks (a frontend has no queue) are left out; so is a chart left with none. Reads one range for all
 * fields, the state-change events of the series, and redraws when the stream brings a newer sample.
 */
export async function chartPage(main, { kind, series, specs, eventFilter, matchRow }) {
  const s = await schema();
  const measurement = s.byKind.get(kind);
  const has = new Set(measurement.fields.filter(f => f.type !== 'string').map(f => f.name));
  const charts = specs.map(c => ({ ...c, fields: c.fields.filter(([f]) => has.has(f)) })).filter(c => c.fields.length > 0);
  const fields = [...new Set(charts.flatMap(c => c.fields.map(([f]) => f)))];
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
    const marks = events.events.map(e => ({ timeMs: Date.parse(e.time), kind: e.kind, message: e.message }));
    note.className = 'info';
    note.textContent = `${new Date(w.from).toLocaleString()} to ${new Date(w.to).toLocaleString()}, ${range.resolution === 'raw' ? 'raw samples' : '1-minute roll-ups (avg)'}, step ${range.stepMs / 1000} s.`;
    grid.replaceChildren();
    for (const c of charts) {
      chart(grid, c.title, range.times, c.fields.map(([f, label]) => ({ label, values: range.avg[f] ?? [] })), {
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
