import { h, replace, fmtNumber } from './dom.js';

/** Draws "1–25 of 310" with previous/next buttons into el; go(offset) loads another page. */
export function pager(el, total, offset, limit, go, noun) {
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  replace(el,
    h('span', { class: 'pager-text', 'data-testid': 'pager-text' }, `${fmtNumber(from)}–${fmtNumber(to)} of ${fmtNumber(total)} ${noun}`),
    h('div', { class: 'pager-buttons' },
      h('button', { type: 'button', class: 'btn btn-small', disabled: offset <= 0, 'aria-label': 'Previous page', on: { click: () => go(Math.max(0, offset - limit)) } }, '‹ Previous'),
      h('button', { type: 'button', class: 'btn btn-small', disabled: offset + limit >= total, 'aria-label': 'Next page', on: { click: () => go(offset + limit) } }, 'Next ›')));
}
