// The frame every signed-in page shares: navigation, the top bar (live status, user, sign out), toasts, and the
// live event stream (GET /api/console/live) re-dispatched as DOM events `otsensor:<event>` on window.
import { h, replace, fmtNumber } from './dom.js';
import { api, get, setCsrf, toLogin } from './api.js';

const NAV = [
  { page: 'dashboard', href: '/', label: 'Dashboard', icon: '▦' },
  { page: 'devices', href: '/devices.html', label: 'Device inventory', icon: '≡' },
  { page: 'map', href: '/map.html', label: 'Device map', icon: '◎' },
  { page: 'alerts', href: '/alerts.html', label: 'Alerts', icon: '▲' },
  { page: 'events', href: '/events.html', label: 'Event timeline', icon: '◷' },
  { page: 'captures', href: '/captures.html', label: 'Play PCAP', icon: '▶' },
  { page: 'reports', href: '/reports.html', label: 'Reports', icon: '▤' },
  { page: 'settings', href: '/settings.html', label: 'Settings', icon: '⚙' },
];

export const ROLE_NAMES = { admin: 'Administrator', analyst: 'Security analyst', readonly: 'Read-only' };

/** True when the role may change things (triage, uploads, reports). */
export function canWrite(user) {
  return user.role === 'admin' || user.role === 'analyst';
}

export function isAdmin(user) {
  return user.role === 'admin';
}

/** Signs the page in (GET /api/console/me), draws the frame, starts live updates. Resolves with the user. */
export async function boot() {
  let user;
  try {
    user = await api('GET', '/api/console/me');
  } catch (e) {
    if (e.status !== 401) showFatal(e.message);
    throw e;
  }
  setCsrf(user.csrfToken);
  document.body.dataset.role = user.role;
  drawNav(document.body.dataset.page);
  drawTopbar(user);
  startLive();
  return user;
}

function drawNav(current) {
  const nav = document.getElementById('nav');
  replace(nav,
    h('a', { class: 'brand', href: '/' },
      h('img', { src: '/assets/img/logo.svg', alt: '', width: 28, height: 28 }),
      h('span', null, 'OtSensor')),
    h('ul', { role: 'list' }, NAV.map((item) => h('li', null,
      h('a', {
        href: item.href,
        class: item.page === current ? 'active' : null,
        'aria-current': item.page === current ? 'page' : null,
        'data-testid': `nav-${item.page}`,
      }, h('span', { class: 'nav-icon', 'aria-hidden': 'true' }, item.icon), item.label)))),
    h('div', { class: 'nav-foot' }, 'Passive OT network sensor'));
}

function drawTopbar(user) {
  const bar = document.getElementById('topbar');
  const title = document.querySelector('main h1');
  replace(bar,
    h('div', { class: 'topbar-title' }, title ? title.textContent : ''),
    h('div', { class: 'live', id: 'live-status', 'data-testid': 'live-status', role: 'status', 'aria-live': 'polite' },
      h('span', { class: 'live-dot', 'aria-hidden': 'true' }), h('span', { id: 'live-text' }, 'Connecting…')),
    h('div', { class: 'live-devices', 'data-testid': 'live-device-count', title: 'Devices in the inventory' }),
    h('div', { class: 'user' },
      h('span', { class: 'user-name', 'data-testid': 'user-name' }, user.username),
      h('span', { class: 'user-role' }, ROLE_NAMES[user.role] || user.role)),
    h('button', { class: 'btn btn-ghost', type: 'button', 'data-testid': 'logout', on: { click: logout } }, 'Sign out'));
}

async function logout() {
  try { await api('POST', '/api/console/logout'); } catch { /* signed out anyway */ }
  sessionStorage.removeItem('otsensor-csrf');
  location.assign('/login.html');
}

function setLive(state, text) {
  const el = document.getElementById('live-status');
  if (!el) return;
  el.dataset.state = state;
  document.getElementById('live-text').textContent = text;
}

let source;
function startLive() {
  if (!('EventSource' in window)) return;
  source = new EventSource('/api/console/live');
  source.addEventListener('open', () => setLive('ok', 'Live'));
  source.addEventListener('error', () => {
    setLive('down', 'Reconnecting…');
    // A 401 on the stream closes it for good: check whether the session is gone.
    if (source.readyState === EventSource.CLOSED) {
      get('/api/console/me').catch(() => {});
    }
  });
  for (const name of ['capture', 'devices', 'alert', 'heartbeat']) {
    source.addEventListener(name, (e) => {
      let data = null;
      try { data = JSON.parse(e.data); } catch { /* heartbeat may be empty */ }
      if (name === 'devices' && data) {
        const el = document.querySelector('[data-testid="live-device-count"]');
        if (el) el.textContent = `${fmtNumber(data.total)} devices`;
      }
      if (name === 'capture' && data) setLive('ok', data.state === 'playing' ? `Playing capture · ${fmtNumber(data.packets)} packets` : 'Live');
      if (name === 'alert' && data) queueAlertToast(data);
      window.dispatchEvent(new CustomEvent(`otsensor:${name}`, { detail: data }));
    });
  }
  window.addEventListener('beforeunload', () => source.close());
}

// A capture raises its alerts in bursts: one notice per burst.
let pendingAlerts = [];
let alertTimer;
function queueAlertToast(alert) {
  pendingAlerts.push(alert);
  clearTimeout(alertTimer);
  alertTimer = setTimeout(() => {
    const burst = pendingAlerts;
    pendingAlerts = [];
    const last = burst[burst.length - 1];
    toast(burst.length === 1 ? `New alert: ${last.title}` : `${burst.length} new alerts (latest: ${last.title})`, last.severity);
  }, 800);
}

/** A short notice in the corner (text only). */
export function toast(text, kind) {
  const box = document.getElementById('toasts');
  if (!box) return;
  const item = h('div', { class: `toast toast-${String(kind || 'info').toLowerCase()}` }, text);
  box.appendChild(item);
  setTimeout(() => item.remove(), 5000);
  while (box.children.length > 4) box.firstChild.remove();
}

/** Reports an error of an action to the user. */
export function showError(error) {
  toast(error && error.message ? error.message : String(error), 'error');
}

function showFatal(message) {
  const main = document.getElementById('main');
  if (main) replace(main, h('div', { class: 'card error-card', role: 'alert' }, `The console could not load: ${message}`));
}

export { toLogin };
