// DOM helpers. Every piece of data reaches the page as a text node or an attribute value set through the DOM API,
// never through innerHTML, so device names, alert messages and capture file names cannot inject markup.

/**
 * Creates an element. attrs: plain attributes, plus `class`, `dataset` (object), `on` (object of event handlers),
 * `text` (text content) and boolean properties (`disabled`, `checked`, `hidden`, `selected`, `value`).
 * Children: nodes, strings (become text nodes), numbers, arrays, null/undefined/false (skipped).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key === 'on') for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
      else if (key === 'text') el.textContent = String(value);
      // Styles go through the CSSOM (allowed by a strict Content-Security-Policy, unlike a style attribute).
      else if (key === 'style') Object.assign(el.style, value);
      else if (key === 'disabled' || key === 'checked' || key === 'hidden' || key === 'selected' || key === 'value'
               || key === 'multiple' || key === 'required') el[key] = value;
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces all children of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);

const numberFormat = new Intl.NumberFormat('en-US');
export function fmtNumber(n) {
  return n === null || n === undefined ? '—' : numberFormat.format(n);
}

export function fmtBytes(n) {
  if (n === null || n === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Epoch milliseconds as "2024-05-01 13:04:05" (UTC, the sensor's clock). */
export function fmtTime(ms) {
  if (ms === null || ms === undefined || ms === 0) return '—';
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toISOString().replace('T', ' ').slice(0, 19);
}

export function debounce(fn, delay) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), delay); };
}

/** A coloured label for a severity, state or status value. */
export function badge(value, kind) {
  const text = value === null || value === undefined || value === '' ? '—' : String(value);
  return h('span', { class: `badge badge-${kind || 'neutral'} badge-v-${text.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` }, text);
}

/** An empty-state row spanning a table. */
export function emptyRow(columns, text) {
  return h('tr', { class: 'empty' }, h('td', { colspan: columns }, text));
}

export function params() {
  return new URLSearchParams(location.search);
}
