import { h, replace, fmtTime, badge } from '../dom.js';
import { get } from '../api.js';
import { boot, showError } from '../shell.js';
import { pager } from '../pager.js';

// Event types of the sensor's timeline (sensor API §9.2) the console offers as filters; others still show.
const TYPES = ['DEVICE_CREATE', 'DEVICE_UPDATE', 'DEVICE_CONNECTION_CREATED', 'ALERT_REPORTED', 'ALERT_UPDATED', 'MUTED_ALERT',
  'PROGRAM_DEVICE', 'PROGRAM_UPLOAD_DEVICE', 'CONFIGURATION_CHANGE', 'CONFIGURATION_READ', 'PLC_START', 'PLC_OPERATING_MODE_CHANGED',
  'FIRMWARE_UPDATE', 'BACK_TO_NORMAL', 'SCAN', 'FILE_TRANSFER', 'REMOTE_ACCESS', 'USER_LOGIN', 'REPORT_CREATED', 'NOTIFICATION'];

const state = { type: '', offset: 0, limit: 50 };

function day(ms) {
  return fmtTime(ms).slice(0, 10);
}

async function load() {
  try {
    const page = await get('/api/console/events', state);
    const items = page.items || [];
    const list = [];
    let lastDay = '';
    for (const e of items) {
      const d = day(e.timestamp);
      if (d !== lastDay) { list.push(h('li', { class: 'tl-day' }, h('h2', null, d))); lastDay = d; }
      list.push(h('li', { class: `tl-item tl-${String(e.severity || 'info').toLowerCase()}`, 'data-testid': 'event-item' },
        h('time', { class: 'tl-time', datetime: new Date(e.timestamp).toISOString() }, fmtTime(e.timestamp).slice(11)),
        h('div', { class: 'tl-body' },
          h('div', { class: 'tl-head' }, h('strong', null, e.title), badge(e.severity, 'severity'), h('span', { class: 'chip' }, e.type), e.owner ? h('span', { class: 'muted small' }, `by ${e.owner}`) : null),
          h('div', { class: 'tl-content' }, e.content))));
    }
    replace(document.getElementById('timeline'), list.length ? list : h('li', { class: 'muted' }, 'No events.'));
    pager(document.getElementById('event-pager'), page.total, state.offset, state.limit, (offset) => { state.offset = offset; load(); }, 'events');
  } catch (e) {
    showError(e);
  }
}

boot().then(async () => {
  const select = document.getElementById('e-type');
  for (const t of TYPES) select.appendChild(h('option', { value: t }, t.replaceAll('_', ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase())));
  select.addEventListener('change', () => { state.type = select.value; state.offset = 0; load(); });
  document.getElementById('event-filters').addEventListener('submit', (e) => e.preventDefault());
  await load();
}).catch(() => {});
