import { h, replace, fmtNumber, fmtBytes, debounce } from '../dom.js';
import { get } from '../api.js';
import { boot, showError } from '../shell.js';
import { drawChart, PALETTE, SEVERITY_COLOURS, levelName } from '../charts.js';

const SEVERITY_ORDER = ['Critical', 'Major', 'Minor', 'Warning'];

function kpi(label, value, testid, href) {
  const body = [h('div', { class: 'kpi-value', 'data-testid': testid }, value), h('div', { class: 'kpi-label' }, label)];
  return href ? h('a', { class: 'kpi', href }, body) : h('div', { class: 'kpi' }, body);
}

function sortedEntries(obj) {
  return Object.entries(obj || {}).sort((a, b) => b[1] - a[1]);
}

async function load() {
  const d = await get('/api/console/dashboard');
  const t = d.totals || {};
  replace(document.getElementById('kpis'),
    kpi('Devices', fmtNumber(t.devices), 'kpi-devices', '/devices.html'),
    kpi('Connections', fmtNumber(t.connections), 'kpi-connections', '/map.html'),
    kpi('Alerts', fmtNumber(t.alerts), 'kpi-alerts', '/alerts.html'),
    kpi('Unhandled alerts', fmtNumber(t.unhandledAlerts), 'kpi-unhandled', '/alerts.html?status=new'),
    kpi('Packets', fmtNumber(t.packets), 'kpi-packets'),
    kpi('Traffic', fmtBytes(t.bytes), 'kpi-bytes'));

  const types = sortedEntries(d.devicesByType);
  drawChart('chart-types', {
    type: 'doughnut',
    data: { labels: types.map((e) => e[0]), datasets: [{ data: types.map((e) => e[1]), backgroundColor: PALETTE }] },
    options: { plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } }, cutout: '55%' },
  }, types.length === 0);

  const levels = Object.entries(d.devicesByPurdueLevel || {}).sort((a, b) => Number(a[0]) - Number(b[0]));
  drawChart('chart-levels', {
    type: 'bar',
    data: { labels: levels.map((e) => levelName(e[0])), datasets: [{ label: 'Devices', data: levels.map((e) => e[1]), backgroundColor: '#0f6cbd' }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  }, levels.length === 0);

  const severities = SEVERITY_ORDER.filter((s) => d.alertsBySeverity && d.alertsBySeverity[s] !== undefined)
    .concat(Object.keys(d.alertsBySeverity || {}).filter((s) => !SEVERITY_ORDER.includes(s)));
  drawChart('chart-severity', {
    type: 'bar',
    data: { labels: severities, datasets: [{ label: 'Alerts', data: severities.map((s) => d.alertsBySeverity[s]), backgroundColor: severities.map((s) => SEVERITY_COLOURS[s] || '#69797e') }] },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  }, severities.length === 0);

  const engines = sortedEntries(d.alertsByEngine);
  drawChart('chart-engine', {
    type: 'doughnut',
    data: { labels: engines.map((e) => e[0]), datasets: [{ data: engines.map((e) => e[1]), backgroundColor: PALETTE.slice(2) }] },
    options: { plugins: { legend: { position: 'bottom' } }, cutout: '55%' },
  }, engines.length === 0);

  const traffic = d.traffic || [];
  // A capture of a minute or two is one or two points: bars read better than a line there.
  const few = traffic.length <= 3;
  drawChart('chart-traffic', {
    type: few ? 'bar' : 'line',
    data: {
      labels: traffic.map((p) => new Date(p.time).toISOString().slice(11, 16)),
      datasets: [{ label: 'Packets', data: traffic.map((p) => p.packets), borderColor: '#0f6cbd', backgroundColor: few ? '#0f6cbd' : 'rgba(15,108,189,.12)', fill: true, tension: 0.25, pointRadius: traffic.length > 60 ? 0 : 2, maxBarThickness: 60 }],
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { title: { display: true, text: 'Capture time (UTC)' } } } },
  }, traffic.length === 0);

  const protocols = (d.protocols || []).slice().sort((a, b) => b.packets - a.packets);
  const totalPackets = protocols.reduce((sum, p) => sum + (p.packets || 0), 0) || 1;
  replace(document.getElementById('protocol-rows'), protocols.length === 0
    ? h('tr', { class: 'empty' }, h('td', { colspan: 5 }, 'No traffic yet: upload and play a capture on the Play PCAP page.'))
    : protocols.map((p) => {
      const share = (100 * (p.packets || 0)) / totalPackets;
      return h('tr', null,
        h('td', null, h('a', { href: `/devices.html?protocol=${encodeURIComponent(p.name)}` }, p.name)),
        h('td', { class: 'num' }, fmtNumber(p.packets)),
        h('td', { class: 'num' }, fmtBytes(p.bytes)),
        h('td', { class: 'num' }, fmtNumber(p.devices)),
        h('td', null, h('div', { class: 'bar', role: 'img', 'aria-label': `${share.toFixed(1)} %` }, h('span', { style: { width: `${share.toFixed(1)}%` } })), h('span', { class: 'muted small' }, ` ${share.toFixed(1)} %`)));
    }));
}

boot().then(() => {
  load().catch(showError);
  const refresh = debounce(() => load().catch(showError), 1500);
  window.addEventListener('otsensor:devices', refresh);
  window.addEventListener('otsensor:alert', refresh);
  window.addEventListener('otsensor:capture', (e) => { if (e.detail && e.detail.state !== 'playing') refresh(); });
}).catch(() => {});
