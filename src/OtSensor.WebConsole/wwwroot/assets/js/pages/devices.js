import { h, replace, fmtNumber, fmtTime, debounce, params, emptyRow } from '../dom.js';
import { get } from '../api.js';
import { boot, showError } from '../shell.js';
import { levelName } from '../charts.js';
import { pager } from '../pager.js';

const COLUMNS = [
  { key: 'name', label: 'Name', sort: 'name' },
  { key: 'ip', label: 'IP address', sort: 'ip' },
  { key: 'mac', label: 'MAC address' },
  { key: 'type', label: 'Type', sort: 'type' },
  { key: 'vendor', label: 'Vendor', sort: 'vendor' },
  { key: 'purdueLevel', label: 'Purdue level', sort: 'purdueLevel' },
  { key: 'protocols', label: 'Protocols' },
  { key: 'lastSeen', label: 'Last seen', sort: 'lastSeen' },
];

const state = { search: '', type: '', purdueLevel: '', protocol: '', sort: 'name', order: 'asc', offset: 0, limit: 25 };

function readUrl() {
  const p = params();
  for (const key of ['search', 'type', 'purdueLevel', 'protocol', 'sort', 'order']) if (p.get(key)) state[key] = p.get(key);
  if (p.get('offset')) state.offset = Math.max(0, Number(p.get('offset')) || 0);
}

function writeUrl() {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (key === 'limit' || value === '' || (key === 'offset' && value === 0) || (key === 'sort' && value === 'name') || (key === 'order' && value === 'asc')) continue;
    p.set(key, String(value));
  }
  history.replaceState(null, '', p.toString() ? `?${p}` : location.pathname);
}

function drawHead() {
  replace(document.getElementById('device-head'), COLUMNS.map((c) => {
    if (!c.sort) return h('th', { scope: 'col' }, c.label);
    const active = state.sort === c.sort;
    const ariaSort = active ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none';
    return h('th', { scope: 'col', 'aria-sort': ariaSort },
      h('button', {
        type: 'button', class: `sort${active ? ' active' : ''}`, 'data-testid': `sort-${c.sort}`,
        on: { click: () => { state.order = active && state.order === 'asc' ? 'desc' : 'asc'; state.sort = c.sort; state.offset = 0; load(); } },
      }, c.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (state.order === 'asc' ? ' ▲' : ' ▼') : ' ↕')));
  }));
}

function first(list) {
  return Array.isArray(list) && list.length > 0 ? list[0] : null;
}

function row(d) {
  const ips = d.ipAddresses || [];
  const protocols = (d.protocols || []).map((p) => p.name);
  return h('tr', { 'data-testid': 'device-row', dataset: { id: d.id } },
    h('td', null, h('a', { href: `/device.html?id=${encodeURIComponent(d.id)}`, 'data-testid': 'device-link' }, d.name || ips[0] || `Device ${d.id}`),
      d.engineeringStation ? h('span', { class: 'tag tag-eng', title: 'Engineering station' }, 'ENG') : null,
      d.authorized === false ? h('span', { class: 'tag tag-new', title: 'Not authorized (new after learning)' }, 'NEW') : null),
    h('td', { class: 'mono' }, ips.join(', ') || '—'),
    h('td', { class: 'mono' }, first(d.macAddresses) || '—'),
    h('td', null, d.type || 'Unknown'),
    h('td', null, d.vendor || '—'),
    h('td', null, levelName(d.purdueLevel)),
    h('td', null, protocols.length ? protocols.map((p) => h('span', { class: 'chip' }, p)) : '—'),
    h('td', { class: 'nowrap' }, fmtTime(d.lastSeen)));
}

async function load() {
  writeUrl();
  drawHead();
  const tbody = document.getElementById('device-rows');
  try {
    const page = await get('/api/console/devices', state);
    const items = page.items || [];
    replace(tbody, items.length ? items.map(row) : emptyRow(COLUMNS.length, page.total === 0 && !state.search && !state.type && !state.purdueLevel && !state.protocol
      ? 'No devices yet: play a capture on the Play PCAP page.' : 'No device matches these filters.'));
    pager(document.getElementById('device-pager'), page.total, state.offset, state.limit, (offset) => { state.offset = offset; load(); }, 'devices');
    document.getElementById('device-count').textContent = `${fmtNumber(page.total)} devices match.`;
  } catch (e) {
    showError(e);
  }
}

async function fillFilters() {
  try {
    const d = await get('/api/console/dashboard');
    const fill = (id, values, label) => {
      const select = document.getElementById(id);
      for (const v of values) select.appendChild(h('option', { value: v, selected: state[select.dataset.key] === String(v) }, label ? label(v) : v));
    };
    document.getElementById('f-type').dataset.key = 'type';
    document.getElementById('f-level').dataset.key = 'purdueLevel';
    document.getElementById('f-protocol').dataset.key = 'protocol';
    fill('f-type', Object.keys(d.devicesByType || {}).sort());
    fill('f-level', Object.keys(d.devicesByPurdueLevel || {}).sort(), levelName);
    fill('f-protocol', (d.protocols || []).map((p) => p.name).sort());
  } catch (e) {
    showError(e);
  }
}

boot().then(async () => {
  readUrl();
  document.getElementById('f-search').value = state.search;
  await fillFilters();
  const search = document.getElementById('f-search');
  search.addEventListener('input', debounce(() => { state.search = search.value.trim(); state.offset = 0; load(); }, 300));
  for (const [id, key] of [['f-type', 'type'], ['f-level', 'purdueLevel'], ['f-protocol', 'protocol']]) {
    document.getElementById(id).addEventListener('change', (e) => { state[key] = e.target.value; state.offset = 0; load(); });
  }
  document.getElementById('device-filters').addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('otsensor:devices', debounce(load, 2000));
  await load();
}).catch(() => {});

