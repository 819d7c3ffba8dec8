import { h, replace, fmtTime, emptyRow } from '../dom.js';
import { get, put, post, del } from '../api.js';
import { boot, isAdmin, showError, toast, ROLE_NAMES } from '../shell.js';

let user;

function card(title, testid, ...body) {
  const id = `h-${testid}`;
  return h('section', { class: 'card', 'aria-labelledby': id, 'data-testid': testid }, h('h2', { id }, title), body);
}

function field(label, input, hint) {
  return h('div', { class: 'field' }, h('label', { for: input.id }, label), input, hint ? h('p', { class: 'muted small' }, hint) : null);
}

let uid = 0;
function input(attrs) {
  uid++;
  return h('input', { id: `in-${uid}`, ...attrs });
}

// ---- learning mode -------------------------------------------------------------------------------------------
async function learningCard() {
  const body = h('div');
  const c = card('Learning mode', 'settings-learning', h('p', { class: 'muted small' },
    'While learning, the policy engine records normal traffic as the baseline instead of raising policy alerts.'), body);
  try {
    const s = await get('/api/console/settings/learning');
    const on = input({ type: 'checkbox', checked: !!s.learning, disabled: !isAdmin(user), 'data-testid': 'learning-toggle' });
    const secs = input({ type: 'number', min: 0, step: 60, value: String(s.learningWindowSeconds ?? ''), disabled: !isAdmin(user), 'data-testid': 'learning-window' });
    replace(body, h('form', { class: 'form-inline', on: { submit: async (e) => {
      e.preventDefault();
      try {
        await put('/api/console/settings/learning', { learning: on.checked, learningWindowSeconds: Number(secs.value) || 0 });
        toast('Learning settings saved', 'info');
      } catch (err) { showError(err); }
    } } },
    h('div', { class: 'field check' }, on, h('label', { for: on.id }, 'Learning mode on')),
    field('Learning window (seconds)', secs),
    isAdmin(user) ? h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'learning-save' }, 'Save') : null));
  } catch (e) {
    replace(body, h('p', { class: 'muted' }, e.status === 403 ? 'Only administrators can see and change the learning settings.' : e.message));
  }
  return c;
}

// ---- forwarding ----------------------------------------------------------------------------------------------
function targetRow(t, remove) {
  const kind = h('select', { id: `in-${++uid}`, 'aria-label': 'Kind' }, ['syslog', 'eventhubs'].map((k) => h('option', { value: k, selected: t.kind === k }, k === 'eventhubs' ? 'Event Hubs' : 'Syslog')));
  const name = input({ value: t.name || '', 'aria-label': 'Name', required: true });
  const endpoint = input({ value: t.endpoint || '', 'aria-label': 'Endpoint', placeholder: 'host:port or namespace/hub' });
  const enabled = input({ type: 'checkbox', checked: t.enabled !== false, 'aria-label': 'Enabled' });
  // Secrets are write-only: the field starts empty and only a typed value is sent.
  const secret = input({ type: 'password', autocomplete: 'new-password', 'aria-label': 'Secret', placeholder: t.secretSet ? 'set (type to replace)' : 'not set' });
  const row = h('tr', { 'data-testid': 'forwarding-row' },
    h('td', null, kind), h('td', null, name), h('td', null, endpoint), h('td', null, secret), h('td', { class: 'center' }, enabled),
    h('td', null, h('button', { type: 'button', class: 'btn btn-small btn-danger', on: { click: () => remove(row) } }, 'Remove')));
  row.value = () => {
    const out = { ...t, kind: kind.value, name: name.value.trim(), endpoint: endpoint.value.trim(), enabled: enabled.checked };
    delete out.secretSet;
    delete out.secret;
    if (secret.value) out.secret = secret.value;
    return out;
  };
  return row;
}

// Delivery status of the stored targets (GET /api/console/forwarding), refreshed every few seconds while shown.
let statusTimer = 0;
function forwardingStatus() {
  const tbody = h('tbody', null, emptyRow(9, 'Loading…'));
  const outbox = h('p', { class: 'muted small', 'data-testid': 'forwarding-outbox' });
  const box = h('div', { 'data-testid': 'forwarding-status' }, h('h3', null, 'Delivery'),
    h('table', { class: 'table table-compact' },
      h('thead', null, h('tr', null, ['Name', 'Kind', 'Enabled', 'Pending', 'Sent', 'Retried', 'Failed', 'Last success', 'Last error'].map((x) => h('th', { scope: 'col' }, x)))),
      tbody), outbox);
  const refresh = async () => {
    try {
      const s = await get('/api/console/forwarding');
      const rows = (s.targets || []).map((t) => h('tr', { 'data-testid': 'forwarding-status-row' },
        h('td', null, t.name), h('td', null, t.kind), h('td', null, t.enabled ? 'yes' : 'no'),
        h('td', { class: 'num', 'data-testid': 'forwarding-pending' }, String(t.pending)),
        h('td', { class: 'num', 'data-testid': 'forwarding-sent' }, String(t.sent)),
        h('td', { class: 'num' }, String(t.retried)),
        h('td', { class: 'num', 'data-testid': 'forwarding-failed' }, String(t.failed)),
        h('td', null, t.lastSuccess ? fmtTime(t.lastSuccess) : '–'),
        h('td', { class: 'small', 'data-testid': 'forwarding-error' }, t.lastError || '')));
      replace(tbody, ...(rows.length ? rows : [emptyRow(9, 'No forwarding targets.')]));
      const o = s.outbox || {};
      outbox.textContent = `Outbox: ${o.stored ?? 0} records stored, ${o.overflow ?? 0} dropped or refused on overflow.`;
    } catch (e) {
      replace(tbody, emptyRow(9, e.message));
    }
  };
  clearInterval(statusTimer);
  statusTimer = setInterval(() => { if (box.isConnected) refresh(); }, 3000);
  refresh();
  return box;
}

async function forwardingCard() {
  const body = h('div');
  const c = card('Forwarding targets', 'settings-forwarding', h('p', { class: 'muted small' },
    'Alerts forwarded to a SIEM over syslog or to Azure Event Hubs. Secrets are write-only: the sensor never shows them again.'), body);
  try {
    const s = await get('/api/console/settings/forwarding');
    const tbody = h('tbody');
    const none = emptyRow(6, 'No forwarding targets: alerts stay on the sensor.');
    const remove = (row) => { row.remove(); if (!tbody.querySelector('[data-testid="forwarding-row"]')) tbody.appendChild(none); };
    for (const t of s.targets || []) tbody.appendChild(targetRow(t, remove));
    if ((s.targets || []).length === 0) tbody.appendChild(none);
    replace(body, h('form', { on: { submit: async (e) => {
      e.preventDefault();
      try {
        await put('/api/console/settings/forwarding', { targets: [...tbody.querySelectorAll('[data-testid="forwarding-row"]')].map((r) => r.value()) });
        toast('Forwarding targets saved', 'info');
        replace(c, ...(await forwardingCard()).childNodes);
      } catch (err) { showError(err); }
    } } },
    h('table', { class: 'table table-compact' },
      h('thead', null, h('tr', null, ['Kind', 'Name', 'Endpoint', 'Secret', 'Enabled', ''].map((x) => h('th', { scope: 'col' }, x)))), tbody),
    h('div', { class: 'btn-row' },
      h('button', { type: 'button', class: 'btn', 'data-testid': 'forwarding-add', on: { click: () => { none.remove(); tbody.appendChild(targetRow({ kind: 'syslog', enabled: true }, remove)); } } }, 'Add target'),
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'forwarding-save' }, 'Save'))),
    forwardingStatus());
  } catch (e) {
    replace(body, h('p', { class: 'muted' }, e.status === 403 ? 'Only administrators can see and change forwarding.' : e.message));
  }
  return c;
}

// ---- API tokens ----------------------------------------------------------------------------------------------
async function tokensCard() {
  const body = h('div');
  const c = card('API tokens', 'settings-tokens', h('p', { class: 'muted small' },
    'Integrations call the sensor API with the raw header "Authorization: <token>". A token is shown once, when it is created.'), body);
  const draw = async () => {
    const tokens = await get('/api/console/tokens');
    const desc = input({ placeholder: 'e.g. SIEM integration', required: true, maxlength: 100, 'data-testid': 'token-description' });
    const reveal = h('div', { class: 'token-once', hidden: true, role: 'status', 'data-testid': 'token-created' });
    replace(body,
      h('form', { class: 'form-inline', on: { submit: async (e) => {
        e.preventDefault();
        if (!desc.value.trim()) return;
        try {
          const created = await post('/api/console/tokens', { description: desc.value.trim() });
          await draw();
          const box = body.querySelector('[data-testid="token-created"]');
          box.hidden = false;
          const code = h('code', { class: 'token-value', 'data-testid': 'token-value' }, created.token);
          replace(box, h('strong', null, 'Copy this token now; it will not be shown again.'), h('div', { class: 'token-line' }, code,
            h('button', { type: 'button', class: 'btn btn-small', on: { click: () => navigator.clipboard && navigator.clipboard.writeText(created.token).then(() => toast('Copied', 'info')) } }, 'Copy')));
        } catch (err) { showError(err); }
      } } }, field('Description', desc), h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'token-create' }, 'Create token')),
      reveal,
      h('table', { class: 'table table-compact' },
        h('thead', null, h('tr', null, ['Description', 'Created', 'Last used', ''].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', null, tokens.length === 0 ? emptyRow(4, 'No tokens.') : tokens.map((t) => h('tr', { 'data-testid': 'token-row' },
          h('td', null, t.description), h('td', { class: 'nowrap' }, fmtTime(t.created)), h('td', { class: 'nowrap' }, t.lastUsed ? fmtTime(t.lastUsed) : 'never'),
          h('td', null, h('button', { type: 'button', class: 'btn btn-small btn-danger', 'data-testid': 'token-revoke', on: { click: async () => {
            if (!window.confirm(`Revoke the token "${t.description}"? Integrations using it stop working at once.`)) return;
            try { await del(`/api/console/tokens/${encodeURIComponent(t.id)}`); toast('Token revoked', 'info'); await draw(); } catch (err) { showError(err); }
          } } }, 'Revoke')))))));
  };
  try { await draw(); } catch (e) { replace(body, h('p', { class: 'muted' }, e.status === 403 ? 'Only administrators manage API tokens.' : e.message)); }
  return c;
}

// ---- users ---------------------------------------------------------------------------------------------------
async function usersCard() {
  const body = h('div');
  const c = card('Users', 'settings-users', body);
  const draw = async () => {
    const users = await get('/api/console/users');
    const name = input({ required: true, autocomplete: 'off', 'data-testid': 'user-new-name' });
    const role = h('select', { id: `in-${++uid}`, 'data-testid': 'user-new-role' }, Object.entries(ROLE_NAMES).map(([k, v]) => h('option', { value: k, selected: k === 'analyst' }, v)));
    const pass = input({ type: 'password', required: true, autocomplete: 'new-password', minlength: 12, 'data-testid': 'user-new-password' });
    replace(body,
      h('table', { class: 'table table-compact' },
        h('thead', null, h('tr', null, ['User', 'Role', ''].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', null, users.map((u) => h('tr', { 'data-testid': 'user-row' }, h('td', null, u.username), h('td', null, ROLE_NAMES[u.role] || u.role),
          h('td', null, u.username === user.username ? h('span', { class: 'muted small' }, 'you') : h('button', { type: 'button', class: 'btn btn-small btn-danger', on: { click: async () => {
            if (!window.confirm(`Delete the user ${u.username}?`)) return;
            try { await del(`/api/console/users/${encodeURIComponent(u.username)}`); toast('User deleted', 'info'); await draw(); } catch (err) { showError(err); }
          } } }, 'Delete')))))),
      h('h3', null, 'Add a user'),
      h('form', { class: 'form-inline', on: { submit: async (e) => {
        e.preventDefault();
        try {
          await post('/api/console/users', { username: name.value.trim(), role: role.value, password: pass.value });
          toast(`User ${name.value.trim()} added`, 'info');
          await draw();
        } catch (err) { showError(err); }
      } } }, field('User name', name), field('Role', role), field('Password', pass), h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'user-add' }, 'Add user')));
  };
  try { await draw(); } catch (e) { replace(body, h('p', { class: 'muted' }, e.message)); }
  return c;
}

// ---- password ------------------------------------------------------------------------------------------------
function passwordCard() {
  const current = input({ type: 'password', required: true, autocomplete: 'current-password', 'data-testid': 'password-current' });
  const next = input({ type: 'password', required: true, autocomplete: 'new-password', minlength: 12, 'data-testid': 'password-new' });
  const again = input({ type: 'password', required: true, autocomplete: 'new-password', minlength: 12, 'data-testid': 'password-again' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  return card('Change your password', 'settings-password', h('form', { class: 'form-inline', on: { submit: async (e) => {
    e.preventDefault();
    error.hidden = true;
    if (next.value !== again.value) { error.textContent = 'The new passwords differ.'; error.hidden = false; return; }
    try {
      await post('/api/console/password', { currentPassword: current.value, newPassword: next.value });
      toast('Password changed', 'info');
      current.value = ''; next.value = ''; again.value = '';
    } catch (err) { error.textContent = err.message; error.hidden = false; }
  } } }, field('Current password', current), field('New password', next), field('New password again', again),
  h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'password-save' }, 'Change password')), error);
}

boot().then(async (u) => {
  user = u;
  const root = document.getElementById('settings-body');
  if (isAdmin(user)) {
    replace(root, await learningCard(), await forwardingCard(), await tokensCard(), await usersCard(), passwordCard());
  } else {
    replace(root, await learningCard(), passwordCard(),
      h('p', { class: 'muted' }, 'Forwarding, API tokens and users are managed by administrators.'));
  }
}).catch(() => {});
