import { h, replace, fmtNumber, fmtTime, fmtBytes, badge, params, emptyRow } from '../dom.js';
import { get } from '../api.js';
import { boot, canWrite, showError } from '../shell.js';
import { levelName } from '../charts.js';
import { alertRows } from '../alertview.js';

function prop(label, value) {
  return [h('dt', null, label), h('dd', null, value === null || value === undefined || value === '' ? '—' : value)];
}

/** Evidence confidence 0-100 as a labelled meter. */
function confidence(value) {
  if (typeof value !== 'number') return badge(value, 'confidence');
  const level = value >= 80 ? 'high' : value >= 50 ? 'medium' : 'low';
  return h('span', { class: `confidence confidence-${level}`, title: `${value} of 100` },
    h('span', { class: 'bar bar-small', 'aria-hidden': 'true' }, h('span', { style: { width: `${Math.max(0, Math.min(100, value))}%` } })),
    ` ${value} %`);
}

function section(title, testid, ...body) {
  return h('section', { class: 'card', 'aria-label': title, 'data-testid': testid }, h('h2', null, title), body);
}

function peerName(id, names) {
  const name = names.get(id);
  return h('a', { href: `/device.html?id=${encodeURIComponent(id)}` }, name || `Device ${id}`);
}

async function load(user) {
  const id = params().get('id');
  const body = document.getElementById('device-body');
  if (!id) { replace(body, h('p', { class: 'card' }, 'No device selected.')); return; }
  let data;
  try {
    data = await get(`/api/console/devices/${encodeURIComponent(id)}`);
  } catch (e) {
    replace(body, h('div', { class: 'card error-card', role: 'alert' }, e.status === 404 ? 'This device does not exist (any more).' : e.message));
    return;
  }
  const d = data.device;
  const names = new Map();
  try {
    const map = await get('/api/console/map');
    for (const n of map.nodes || []) names.set(n.id, n.name || n.ip);
  } catch { /* names are a nicety */ }

  const title = d.name || (d.ipAddresses || [])[0] || `Device ${d.id}`;
  document.getElementById('device-title').textContent = title;
  document.getElementById('crumb').textContent = title;
  document.title = `${title} · OtSensor`;
  const fw = Array.isArray(d.firmware) ? d.firmware : [];

  replace(body,
    h('div', { class: 'grid grid-2' },
      section('Properties', 'device-properties', h('dl', { class: 'props' },
        prop('Type', d.type), prop('Vendor', d.vendor), prop('Model', d.model), prop('Firmware version', d.firmwareVersion),
        prop('Operating system', d.operatingSystem),
        prop('IP addresses', (d.ipAddresses || []).join(', ')), prop('MAC addresses', (d.macAddresses || []).join(', ')),
        prop('Subnet', d.subnet), prop('Purdue level', levelName(d.purdueLevel)),
        prop('Engineering station', d.engineeringStation ? 'Yes' : 'No'), prop('Scanner', d.scanner ? 'Yes' : 'No'),
        prop('Authorized', d.authorized ? 'Yes' : 'No (new after learning)'),
        prop('Protocols', (d.protocols || []).map((p) => h('span', { class: 'chip' }, p.name))),
        prop('First seen', fmtTime(d.firstSeen)), prop('Last seen', fmtTime(d.lastSeen)),
        prop('Traffic', `${fmtNumber(d.packets)} packets · ${fmtBytes(d.bytes)}`))),
      section('Evidence', 'device-evidence', h('p', { class: 'muted small' }, 'Why the sensor believes each attribute: the observation, where it came from, and how sure it is.'),
        h('table', { class: 'table table-compact' },
          h('thead', null, h('tr', null, ['Attribute', 'Value', 'Source', 'Confidence'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', null, (d.evidence || []).length === 0 ? emptyRow(4, 'No evidence recorded.') : d.evidence.map((e) => h('tr', null,
            h('td', null, e.attribute), h('td', null, e.value, e.detail ? h('div', { class: 'muted small' }, e.detail) : null),
            h('td', null, e.source), h('td', null, confidence(e.confidence)))))))),
    fw.length ? section('Firmware and modules', 'device-firmware', h('table', { class: 'table table-compact' },
      h('thead', null, h('tr', null, ['Address', 'Module', 'Model', 'Serial', 'Firmware', 'Rack / slot'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, fw.map((f) => h('tr', null, h('td', null, f.address), h('td', null, f.moduleAddress), h('td', null, f.model),
        h('td', null, f.serial), h('td', null, f.firmwareVersion), h('td', null, `${f.rack} / ${f.slot}`)))))) : null,
    section('Connections', 'device-connections', h('table', { class: 'table table-compact' },
      h('thead', null, h('tr', null, ['Peer', 'Protocols and commands', 'Ports', 'Discovered', 'Last seen'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, (data.connections || []).length === 0 ? emptyRow(5, 'No connections.') : data.connections.map((c) => {
        const peer = String(c.firstDeviceId) === String(d.id) ? c.secondDeviceId : c.firstDeviceId;
        return h('tr', null, h('td', null, peerName(peer, names)),
          h('td', null, (c.protocols || []).map((p) => h('div', null, h('span', { class: 'chip' }, p.name), h('span', { class: 'muted small' }, ` ${(p.commands || []).join(', ')}`)))),
          h('td', { class: 'mono' }, (c.ports || []).join(', ')), h('td', { class: 'nowrap' }, fmtTime(c.discovered)), h('td', { class: 'nowrap' }, fmtTime(c.lastSeen)));
      })))),
    section('Alerts', 'device-alerts', h('table', { class: 'table alert-table' },
      h('thead', null, h('tr', null, ['Severity', 'Alert and engine', 'Source → destination', 'Count', 'Last seen', 'Status', ''].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, (data.alerts || []).length === 0 ? emptyRow(7, 'No alerts for this device.') : data.alerts.flatMap((a) => alertRows(a, canWrite(user)))))),
    section('Events', 'device-events', (data.events || []).length === 0 ? h('p', { class: 'muted' }, 'No events.')
      : h('ol', { class: 'timeline' }, data.events.map((e) => h('li', { class: `tl-item tl-${String(e.severity || 'info').toLowerCase()}` },
        h('time', { class: 'tl-time' }, fmtTime(e.timestamp)), h('div', { class: 'tl-body' }, h('strong', null, e.title), ' ', badge(e.type, 'neutral'), h('div', null, e.content)))))));
}

boot().then((user) => load(user).catch(showError)).catch(() => {});
