import { h, replace, fmtNumber, fmtBytes, fmtTime, badge, emptyRow } from '../dom.js';
import { get, post, del, upload } from '../api.js';
import { boot, canWrite, showError, toast } from '../shell.js';

let user;
let items = [];
let poll;
const live = new Map(); // capture id -> packets from the live stream

function drawRows() {
  const tbody = document.getElementById('capture-rows');
  replace(tbody, items.length === 0 ? emptyRow(6, 'No captures uploaded.') : items.map((c) => {
    const packets = c.state === 'playing' && live.has(c.id) ? live.get(c.id) : c.packets;
    return h('tr', { 'data-testid': 'capture-row', dataset: { id: c.id, state: c.state } },
      h('td', null, h('span', { class: 'file-name' }, c.name), c.error ? h('div', { class: 'form-error small' }, c.error) : null),
      h('td', { class: 'num' }, fmtBytes(c.size)),
      h('td', { class: 'nowrap' }, fmtTime(c.uploaded)),
      h('td', { 'data-testid': 'capture-state' }, badge(c.state, 'state'), c.state === 'playing' ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null),
      h('td', { class: 'num' }, fmtNumber(packets)),
      h('td', { class: 'actions' }, canWrite(user) && c.state !== 'queued' && c.state !== 'playing'
        ? h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'capture-play', 'aria-label': `Play ${c.name}`, on: { click: () => play(c) } }, c.state === 'played' ? 'Play again' : 'Play')
        : null));
  }));
  const busy = items.some((c) => c.state === 'queued' || c.state === 'playing');
  clearTimeout(poll);
  if (busy) poll = setTimeout(load, 2000);
}

async function load() {
  try {
    items = await get('/api/console/captures') || [];
    drawRows();
  } catch (e) {
    showError(e);
  }
}

async function play(c) {
  try {
    await post(`/api/console/captures/${encodeURIComponent(c.id)}/play`);
    toast(`Queued ${c.name}`, 'info');
  } catch (e) {
    showError(e);
  }
  await load();
}

async function onUpload(e) {
  e.preventDefault();
  const input = document.getElementById('capture-file');
  const files = [...input.files];
  if (files.length === 0) { toast('Choose a capture file first.', 'error'); return; }
  const wrap = document.getElementById('upload-progress');
  const bar = document.getElementById('upload-bar');
  const label = document.getElementById('upload-label');
  const button = e.submitter || document.querySelector('[data-testid="capture-upload"]');
  button.disabled = true;
  wrap.hidden = false;
  try {
    for (const file of files) {
      bar.value = 0;
      label.textContent = `Uploading ${file.name} (${fmtBytes(file.size)})…`;
      const created = await upload('/api/console/captures', file, (loaded, total) => {
        bar.value = Math.round((100 * loaded) / total);
        label.textContent = `Uploading ${file.name}: ${fmtBytes(loaded)} of ${fmtBytes(total)}`;
      });
      bar.value = 100;
      toast(`Uploaded ${created && created.name ? created.name : file.name}`, 'info');
      await load();
    }
    label.textContent = 'Upload complete.';
    input.value = '';
  } catch (err) {
    label.textContent = `Upload failed: ${err.message}`;
    showError(err);
  } finally {
    button.disabled = false;
  }
}

boot().then(async (u) => {
  user = u;
  if (!canWrite(user)) {
    document.getElementById('upload-card').remove();
    document.getElementById('capture-buttons').remove();
  } else {
    document.getElementById('upload-form').addEventListener('submit', onUpload);
    document.getElementById('play-all').addEventListener('click', async () => {
      try { await post('/api/console/captures/play-all'); toast('All captures queued', 'info'); } catch (e) { showError(e); }
      await load();
    });
    document.getElementById('clear-all').addEventListener('click', async () => {
      if (!window.confirm('Delete every uploaded capture from the sensor? Devices and alerts already found stay.')) return;
      try { await del('/api/console/captures'); toast('Captures deleted', 'info'); } catch (e) { showError(e); }
      await load();
    });
  }
  window.addEventListener('otsensor:capture', (e) => {
    const c = e.detail;
    if (!c) return;
    live.set(c.id, c.packets);
    const item = items.find((x) => x.id === c.id);
    if (item && item.state !== c.state) { load(); return; }
    drawRows();
  });
  await load();
}).catch(() => {});
