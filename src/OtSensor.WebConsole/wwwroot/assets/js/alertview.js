// Alert rows and triage actions, shared by the alerts page and the device page.
import { h, replace, badge, fmtTime, fmtNumber } from './dom.js';
import { post } from './api.js';
import { showError, toast } from './shell.js';

export const ACTIONS = [
  { action: 'acknowledge', label: 'Acknowledge', done: 'acknowledged', hide: ['acknowledged', 'closed'] },
  { action: 'close', label: 'Close', done: 'closed', hide: ['closed'] },
  { action: 'mute', label: 'Mute', done: 'muted', hide: ['muted'] },
  { action: 'learn', label: 'Learn', done: 'learned', hide: ['closed'] },
];

/** MITRE techniques as "T0814 Denial of Service, ..." (objects {id, name} or plain strings). */
function mitreText(mitre) {
  if (!Array.isArray(mitre) || mitre.length === 0) return '';
  return mitre.map((m) => (m && typeof m === 'object' ? [m.id, m.name].filter(Boolean).join(' ') : String(m))).join(', ');
}

function endpoint(name, address, id) {
  if (!name && !address) return '—';
  const text = address || name;
  return id !== null && id !== undefined ? h('a', { href: `/device.html?id=${encodeURIComponent(id)}` }, text) : text;
}

/**
 * The table row of an alert (and its hidden detail row). canTriage: draw the triage buttons. onChange(item): called
 * with the updated alert after an action.
 */
export function alertRows(a, canTriage, onChange) {
  const detailId = `alert-detail-${a.id}`;
  const actions = h('td', { class: 'actions' });
  const row = h('tr', { 'data-testid': 'alert-row', dataset: { id: a.id, status: a.status || '' } },
    h('td', null, badge(a.severity, 'severity')),
    h('td', { class: 'alert-cell' },
      h('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false', 'aria-controls': detailId, 'data-testid': 'alert-title',
        on: { click: (e) => { const open = detail.hidden; detail.hidden = !open; e.currentTarget.setAttribute('aria-expanded', String(open)); } } }, a.title),
      h('span', { class: 'alert-sub muted small' }, a.engine, a.protocol ? [' · ', h('span', { class: 'chip' }, a.protocol)] : null)),
    h('td', { class: 'mono small' }, endpoint(null, a.sourceDeviceAddress, a.sourceDevice), ' → ', endpoint(null, a.destinationDeviceAddress, a.destinationDevice)),
    h('td', { class: 'num' }, fmtNumber(a.count ?? 1)),
    h('td', { class: 'alert-time' }, fmtTime(a.lastSeen || a.time)),
    h('td', { 'data-testid': 'alert-status' }, badge(a.status || 'new', 'status')),
    actions);

  const info = a.additionalInformation;
  const remediation = Array.isArray(a.remediationSteps) ? a.remediationSteps : (a.remediationSteps ? [a.remediationSteps] : []);
  const detail = h('tr', { class: 'detail-row', id: detailId, hidden: true },
    h('td', { colspan: 7 },
      h('div', { class: 'detail-grid' },
        h('div', null,
          h('h3', null, 'Message'), h('p', { class: 'pre' }, a.message || '—'),
          info && info.description ? [h('h3', null, info.description), h('ul', null, (info.information || []).map((i) => h('li', null, i)))] : null),
        h('div', null,
          h('h3', null, 'Remediation'), remediation.length ? h('ol', null, remediation.map((s) => h('li', null, s))) : h('p', null, '—'),
          h('dl', { class: 'props small' },
            h('dt', null, 'First seen'), h('dd', null, fmtTime(a.firstSeen || a.time)),
            h('dt', null, 'Alert id'), h('dd', { class: 'mono' }, a.uuid || String(a.id)),
            mitreText(a.mitre) ? [h('dt', null, 'MITRE ATT&CK for ICS'), h('dd', null, mitreText(a.mitre))] : null,
            a.learned ? [h('dt', null, 'Learned'), h('dd', null, 'Yes: added to the baseline')] : null)))));

  const draw = (item) => {
    row.dataset.status = item.status || '';
    replace(row.querySelector('[data-testid="alert-status"]'), badge(item.status || 'new', 'status'));
    const buttons = [];
    if (canTriage) {
      for (const act of ACTIONS) {
        if (act.hide.includes(item.status) || (act.action === 'learn' && item.learned)) continue;
        buttons.push(h('button', {
          type: 'button', class: 'btn btn-small', 'data-testid': `alert-${act.action}`, 'aria-label': `${act.label}: ${item.title}`,
          on: { click: async (e) => {
            e.currentTarget.disabled = true;
            try {
              const updated = await post(`/api/console/alerts/${encodeURIComponent(item.id)}/${act.action}`);
              toast(`Alert ${act.done}: ${item.title}`, 'info');
              const next = updated && updated.id !== undefined ? updated
                : { ...item, status: act.action === 'learn' ? item.status : act.done, learned: item.learned || act.action === 'learn' };
              draw(next);
              if (onChange) onChange(next);
            } catch (err) {
              showError(err);
              e.currentTarget.disabled = false;
            }
          } },
        }, act.label));
      }
    }
    if (item.hasPcap) {
      buttons.push(h('a', { class: 'btn btn-small', href: `/api/v2/alerts/pcap/${encodeURIComponent(item.id)}`, download: `alert-${item.id}.pcap`, 'data-testid': 'alert-pcap', 'aria-label': `Download the PCAP of ${item.title}` }, 'PCAP'));
    }
    replace(actions, buttons.length ? h('div', { class: 'btn-row' }, buttons) : null);
  };
  draw(a);
  return [row, detail];
}
