// The device map: cytoscape.js (served locally), devices in rows by Purdue level (enterprise on top, process at the
// bottom, as in the Purdue model), and inside each row one box per subnet (compound nodes). Positions are computed
// here (preset layout), so the picture is stable across refreshes and the same capture always draws the same map.
import cytoscape from '/assets/vendor/cytoscape.esm.min.js';
import { h, replace, fmtNumber, fmtBytes, debounce } from '../dom.js';
import { get } from '../api.js';
import { boot, showError } from '../shell.js';
import { levelName } from '../charts.js';

const NODE_W = 130;      // horizontal pitch of devices inside a subnet box
const NODE_H = 72;       // vertical pitch
const GROUP_GAP = 60;    // between subnet boxes of one row
const ROW_GAP = 48;      // between Purdue rows (bands are 38 px taller than their row: 10 px between bands)
const LABEL_W = 170;     // room for the level names at the left of the bands
const MAX_COLS = 6;      // devices per line inside a subnet box

const TYPE_STYLE = {
  PLC: { colour: '#0f6cbd', shape: 'round-rectangle' },
  RTU: { colour: '#0f6cbd', shape: 'round-rectangle' },
  'Industrial Controller': { colour: '#0f6cbd', shape: 'round-rectangle' },
  HMI: { colour: '#13a10e', shape: 'round-rectangle' },
  'Engineering Station': { colour: '#8764b8', shape: 'diamond' },
  'Historian': { colour: '#038387', shape: 'barrel' },
  'Server': { colour: '#038387', shape: 'barrel' },
  'Switch': { colour: '#69797e', shape: 'hexagon' },
  'Router': { colour: '#69797e', shape: 'hexagon' },
  'Workstation': { colour: '#4f6bed', shape: 'ellipse' },
  'Unknown': { colour: '#8a94a3', shape: 'ellipse' },
};

function typeStyle(node) {
  if (node.engineeringStation) return TYPE_STYLE['Engineering Station'];
  return TYPE_STYLE[node.type] || { colour: '#4f6bed', shape: 'ellipse' };
}

/** Level key of a node: its Purdue level, or 'unknown'. */
function levelKey(n) {
  return n.purdueLevel === null || n.purdueLevel === undefined || n.purdueLevel === '' ? 'unknown' : String(n.purdueLevel);
}

/** Builds the cytoscape elements with positions: bands per level, subnet boxes, devices, connections. */
export function buildElements(map) {
  const subnetNames = new Map((map.subnets || []).map((s) => [s.cidr, s.name]));
  const rows = new Map();
  for (const n of map.nodes || []) {
    const level = levelKey(n);
    if (!rows.has(level)) rows.set(level, new Map());
    const groups = rows.get(level);
    const subnet = n.subnet || 'other';
    if (!groups.has(subnet)) groups.set(subnet, []);
    groups.get(subnet).push(n);
  }
  // Highest level on top; devices of unknown level in a last row.
  const levels = [...rows.keys()].sort((a, b) => {
    if (a === 'unknown') return 1;
    if (b === 'unknown') return -1;
    return Number(b) - Number(a);
  });

  const layoutRows = levels.map((level) => {
    const groups = [...rows.get(level).entries()].sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true }));
    let width = 0;
    let height = 0;
    const boxes = groups.map(([subnet, nodes]) => {
      nodes.sort((a, b) => String(a.ip || a.name).localeCompare(String(b.ip || b.name), 'en', { numeric: true }));
      const cols = Math.min(MAX_COLS, Math.max(1, Math.ceil(Math.sqrt(nodes.length * 2))));
      const lines = Math.ceil(nodes.length / cols);
      const box = { subnet, nodes, cols, w: cols * NODE_W, h: lines * NODE_H };
      width += box.w + (width > 0 ? GROUP_GAP : 0);
      height = Math.max(height, box.h);
      return box;
    });
    return { level, boxes, width, height };
  });
  const maxWidth = Math.max(0, ...layoutRows.map((r) => r.width));

  const elements = [];
  let y = 0;
  for (const row of layoutRows) {
    const bandId = `band:${row.level}`;
    const bandWidth = maxWidth + LABEL_W + 60;
    elements.push({
      group: 'nodes', classes: 'band', selectable: false, grabbable: false,
      data: { id: bandId, w: bandWidth, h: row.height + 38 },
      position: { x: (maxWidth - LABEL_W) / 2, y: y + row.height / 2 },
    });
    elements.push({
      group: 'nodes', classes: 'band-label', selectable: false, grabbable: false,
      data: { id: `${bandId}:label`, label: row.level === 'unknown' ? 'Unknown level' : levelName(row.level) },
      position: { x: -LABEL_W - 20, y: y + row.height / 2 },
    });
    let x = (maxWidth - row.width) / 2;
    for (const box of row.boxes) {
      const parentId = `subnet:${row.level}:${box.subnet}`;
      const name = subnetNames.get(box.subnet);
      elements.push({ group: 'nodes', classes: 'subnet', selectable: false, data: { id: parentId, label: name && name !== box.subnet ? `${name} · ${box.subnet}` : box.subnet } });
      box.nodes.forEach((n, i) => {
        const col = i % box.cols;
        const line = Math.floor(i / box.cols);
        const style = typeStyle(n);
        elements.push({
          group: 'nodes', classes: 'device',
          data: {
            id: `d${n.id}`, deviceId: n.id, parent: parentId, label: n.name && n.name !== n.ip ? `${n.name}\n${n.ip || ''}` : (n.ip || n.name || `Device ${n.id}`),
            colour: style.colour, shape: style.shape, type: n.type || 'Unknown', vendor: n.vendor || '', ip: n.ip || '', mac: n.mac || '', name: n.name || '',
            level: levelKey(n), subnet: box.subnet,
          },
          position: { x: x + col * NODE_W + NODE_W / 2, y: y + (row.height - box.h) / 2 + line * NODE_H + NODE_H / 2 },
        });
      });
      x += box.w + GROUP_GAP;
    }
    y += row.height + ROW_GAP;
  }
  const ids = new Set((map.nodes || []).map((n) => `d${n.id}`));
  for (const e of map.edges || []) {
    const source = `d${e.source}`;
    const target = `d${e.target}`;
    if (!ids.has(source) || !ids.has(target)) continue;
    elements.push({
      group: 'edges',
      data: { id: `e${e.id}`, source, target, label: (e.protocols || []).join(', '), packets: e.packets || 0, bytes: e.bytes || 0, width: Math.min(6, 1 + Math.log10(1 + (e.packets || 0))) },
    });
  }
  return elements;
}

const STYLE = [
  { selector: 'node.band', style: {
    shape: 'round-rectangle', width: 'data(w)', height: 'data(h)', 'background-color': '#edf2f8', 'background-opacity': 1,
    'border-width': 0, events: 'no', 'z-compound-depth': 'bottom', 'z-index': 0 } },
  { selector: 'node.band-label', style: {
    width: 1, height: 1, 'background-opacity': 0, 'border-width': 0, label: 'data(label)', 'text-valign': 'center', 'text-halign': 'right',
    color: '#3b4554', 'font-size': 15, 'font-weight': 600, events: 'no', 'z-index': 1 } },
  { selector: 'node.subnet', style: {
    shape: 'round-rectangle', 'background-color': '#ffffff', 'background-opacity': 0.9, 'border-color': '#b8c2d0', 'border-width': 1,
    'border-style': 'dashed', label: 'data(label)', 'text-valign': 'top', 'text-halign': 'center', 'font-size': 12, color: '#3b4554',
    'text-margin-y': -3, padding: 12, events: 'no' } },
  { selector: 'node.device', style: {
    shape: 'data(shape)', width: 32, height: 32, 'background-color': 'data(colour)', 'border-color': '#ffffff', 'border-width': 2,
    label: 'data(label)', 'text-valign': 'bottom', 'text-margin-y': 4, 'font-size': 12, color: '#1b2430', 'text-wrap': 'wrap',
    'text-max-width': 124, 'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': 1 } },
  { selector: 'node.device:selected', style: { 'border-color': '#ffb900', 'border-width': 4 } },
  { selector: 'node.device.match', style: { 'border-color': '#d13438', 'border-width': 4 } },
  { selector: 'edge', style: {
    width: 'data(width)', 'line-color': '#9aa6b6', 'curve-style': 'bezier', opacity: 0.85, 'target-arrow-shape': 'none' } },
  { selector: 'edge.hover, edge:selected', style: { 'line-color': '#0f6cbd', label: 'data(label)', 'font-size': 10, color: '#0f6cbd', 'text-background-color': '#fff', 'text-background-opacity': 1 } },
  { selector: 'node.device.hover', style: { 'border-color': '#0f6cbd', 'border-width': 4 } },
  { selector: '.faded', style: { opacity: 0.25 } },
];

let cy;
let protocol = '';

function drawLegend(map) {
  const types = new Map();
  for (const n of map.nodes || []) {
    const key = n.engineeringStation ? 'Engineering Station' : (n.type || 'Unknown');
    types.set(key, typeStyle(n));
  }
  replace(document.getElementById('map-legend'), h('h2', { class: 'legend-title' }, 'Device types'),
    h('ul', { class: 'legend' }, [...types.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([name, s]) =>
      h('li', null, h('span', { class: `legend-swatch shape-${s.shape}`, style: { backgroundColor: s.colour }, 'aria-hidden': 'true' }), name))));
}

function showDetails(node) {
  const box = document.getElementById('map-details');
  if (!node) { replace(box, h('p', { class: 'muted small' }, 'Point at a device to see it here; click it to open its page.')); return; }
  const d = node.data();
  replace(box,
    h('h2', null, d.name || d.ip),
    h('dl', { class: 'props small' },
      h('dt', null, 'IP'), h('dd', { class: 'mono' }, d.ip || '—'),
      h('dt', null, 'MAC'), h('dd', { class: 'mono' }, d.mac || '—'),
      h('dt', null, 'Type'), h('dd', null, d.type),
      h('dt', null, 'Vendor'), h('dd', null, d.vendor || '—'),
      h('dt', null, 'Level'), h('dd', null, d.level === 'unknown' ? 'Unknown' : levelName(d.level)),
      h('dt', null, 'Subnet'), h('dd', null, d.subnet),
      h('dt', null, 'Connections'), h('dd', null, String(node.connectedEdges().length))),
    h('a', { class: 'btn btn-small btn-primary', href: `/device.html?id=${encodeURIComponent(d.deviceId)}` }, 'Open device'));
}

async function load() {
  let map;
  try {
    map = await get('/api/console/map', protocol ? { protocol } : undefined);
  } catch (e) {
    showError(e);
    return;
  }
  const elements = buildElements(map);
  const container = document.getElementById('cy');
  if (!cy) {
    cy = cytoscape({ container, style: STYLE, elements, layout: { name: 'preset', fit: true, padding: 40 }, minZoom: 0.1, maxZoom: 3, boxSelectionEnabled: false });
    cy.on('tap', 'node.device', (e) => location.assign(`/device.html?id=${encodeURIComponent(e.target.data('deviceId'))}`));
    cy.on('mouseover', 'node.device', (e) => { e.target.addClass('hover'); e.target.connectedEdges().addClass('hover'); showDetails(e.target); container.style.cursor = 'pointer'; });
    cy.on('mouseout', 'node.device', (e) => { e.target.removeClass('hover'); e.target.connectedEdges().removeClass('hover'); container.style.cursor = ''; });
    cy.on('mouseover', 'edge', (e) => e.target.addClass('hover'));
    cy.on('mouseout', 'edge', (e) => e.target.removeClass('hover'));
  } else {
    cy.elements().remove();
    cy.add(elements);
    cy.layout({ name: 'preset', fit: true, padding: 40 }).run();
  }
  // A small plant should not be drawn at giant size.
  if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }
  const devices = (map.nodes || []).length;
  const counter = document.getElementById('map-node-count');
  counter.dataset.nodes = String(cy.nodes('.device').length);
  counter.dataset.loads = String(Number(counter.dataset.loads || 0) + 1);
  counter.dataset.edges = String(cy.edges().length);
  counter.textContent = `${fmtNumber(devices)} devices · ${fmtNumber(cy.edges().length)} connections${protocol ? ` using ${protocol}` : ''}`;
  drawLegend(map);
  showDetails(null);
  replace(document.getElementById('map-list'), (map.nodes || []).length === 0 ? h('li', { class: 'muted' }, 'No devices yet: play a capture on the Play PCAP page.')
    : map.nodes.map((n) => h('li', null, h('a', { href: `/device.html?id=${encodeURIComponent(n.id)}` }, `${n.name || n.ip} (${n.ip || 'no IP'}) · ${n.type || 'Unknown'} · ${levelKey(n) === 'unknown' ? 'unknown level' : levelName(n.purdueLevel)}`))));
  const edgeText = (map.edges || []).reduce((sum, e) => sum + (e.bytes || 0), 0);
  container.setAttribute('aria-label', `Device map: ${devices} devices and ${(map.edges || []).length} connections (${fmtBytes(edgeText)}), in rows by Purdue level, grouped by subnet; the list below has the same devices`);
  if (devices === 0) container.dataset.empty = 'No devices yet'; else delete container.dataset.empty;
}

async function fillProtocols() {
  try {
    const d = await get('/api/console/dashboard');
    const select = document.getElementById('map-protocol');
    for (const p of (d.protocols || []).map((x) => x.name).sort()) select.appendChild(h('option', { value: p }, p));
  } catch (e) {
    showError(e);
  }
}

boot().then(async () => {
  await fillProtocols();
  document.getElementById('map-protocol').addEventListener('change', (e) => { protocol = e.target.value; load(); });
  document.getElementById('map-fit').addEventListener('click', () => cy && cy.fit(cy.nodes('.device'), 40));
  document.getElementById('map-refresh').addEventListener('click', load);
  const search = document.getElementById('map-search');
  search.addEventListener('input', debounce(() => {
    if (!cy) return;
    const q = search.value.trim().toLowerCase();
    cy.nodes('.device').removeClass('match');
    if (!q) return;
    const hits = cy.nodes('.device').filter((n) => n.data('ip').toLowerCase().includes(q) || n.data('name').toLowerCase().includes(q));
    hits.addClass('match');
    if (hits.length) cy.animate({ fit: { eles: hits, padding: 120 }, duration: 300 });
  }, 250));
  window.addEventListener('otsensor:devices', debounce(load, 2500));
  window.addEventListener('otsensor:capture', (e) => { if (e.detail && e.detail.state === 'played') load(); });
  await load();
  // For tests and the curious: the graph instance.
  window.otsensorMap = cy;
}).catch(() => {});
