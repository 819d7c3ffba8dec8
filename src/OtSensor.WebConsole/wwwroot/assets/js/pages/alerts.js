import { replace, debounce, params, emptyRow } from '../dom.js';
import { get } from '../api.js';
import { boot, canWrite, showError } from '../shell.js';
import { alertRows } from '../alertview.js';
import { pager } from '../pager.js';

const state = { status: '', engine: '', severity: '', search: '', offset: 0, limit: 25 };
let user;

async function load() {
  const p = new URLSearchParams();
  for (const key of ['status', 'engine', 'severity', 'search']) if (state[key]) p.set(key, state[key]);
  history.replaceState(null, '', p.toString() ? `?${p}` : location.pathname);
  try {
    const page = await get('/api/console/alerts', state);
    const items = page.items || [];
    replace(document.getElementById('alert-rows'), items.length ? items.flatMap((a) => alertRows(a, canWrite(user)))
      : emptyRow(7, page.total === 0 && !state.status && !state.engine && !state.severity && !state.search ? 'No alerts.' : 'No alert matches these filters.'));
    pager(document.getElementById('alert-pager'), page.total, state.offset, state.limit, (offset) => { state.offset = offset; load(); }, 'alerts');
  } catch (e) {
    showError(e);
  }
}

boot().then(async (u) => {
  user = u;
  const p = params();
  for (const [id, key] of [['a-status', 'status'], ['a-engine', 'engine'], ['a-severity', 'severity']]) {
    const select = document.getElementById(id);
    if (p.get(key)) { state[key] = p.get(key); select.value = state[key]; }
    select.addEventListener('change', () => { state[key] = select.value; state.offset = 0; load(); });
  }
  const search = document.getElementById('a-search');
  if (p.get('search')) { state.search = p.get('search'); search.value = state.search; }
  search.addEventListener('input', debounce(() => { state.search = search.value.trim(); state.offset = 0; load(); }, 300));
  document.getElementById('alert-filters').addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('otsensor:alert', debounce(load, 1500));
  await load();
}).catch(() => {});
