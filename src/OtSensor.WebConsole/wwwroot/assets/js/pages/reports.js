import { h, replace, fmtTime, badge, emptyRow } from '../dom.js';
import { get, post } from '../api.js';
import { boot, canWrite, showError, toast } from '../shell.js';

let poll;

async function load() {
  let items;
  try {
    items = await get('/api/console/reports') || [];
  } catch (e) {
    showError(e);
    return;
  }
  items.sort((a, b) => b.created - a.created);
  replace(document.getElementById('report-rows'), items.length === 0 ? emptyRow(4, 'No reports yet.') : items.map((r) => h('tr', { 'data-testid': 'report-row', dataset: { id: r.id, state: r.state } },
    h('td', null, r.site || '—'),
    h('td', { class: 'nowrap' }, fmtTime(r.created)),
    h('td', { 'data-testid': 'report-state' }, badge(r.state, 'state'), r.state === 'running' || r.state === 'queued' ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null),
    h('td', null, r.state === 'done' ? h('div', { class: 'btn-row' },
      h('a', { class: 'btn btn-small', href: `/api/console/reports/${encodeURIComponent(r.id)}/pdf`, download: '', 'data-testid': 'report-pdf' }, 'PDF'),
      h('a', { class: 'btn btn-small', href: `/api/console/reports/${encodeURIComponent(r.id)}/csv`, download: '', 'data-testid': 'report-csv' }, 'CSV (ZIP)')) : '—'))));
  clearTimeout(poll);
  if (items.some((r) => r.state === 'queued' || r.state === 'running')) poll = setTimeout(load, 1500);
}

boot().then(async (user) => {
  if (!canWrite(user)) document.getElementById('report-form-card').remove();
  else {
    document.getElementById('report-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const site = document.getElementById('report-site').value.trim();
      if (!site) { toast('Enter a site name.', 'error'); return; }
      try {
        await post('/api/console/reports', { site });
        toast(`Generating the report for ${site}`, 'info');
      } catch (err) {
        showError(err);
      }
      await load();
    });
  }
  await load();
}).catch(() => {});
