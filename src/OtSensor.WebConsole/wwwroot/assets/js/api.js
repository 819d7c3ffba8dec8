// The console's client for the console API (src/OtSensor.Server/README.md). Cookie session; every request other
// than GET/HEAD carries the X-CSRF-Token header; 401 sends the browser to the login page.

let csrfToken = sessionStorage.getItem('otsensor-csrf') || '';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function setCsrf(token) {
  csrfToken = token || '';
  sessionStorage.setItem('otsensor-csrf', csrfToken);
}

export function csrf() {
  return csrfToken;
}

export function toLogin() {
  const next = location.pathname + location.search;
  location.assign(`/login.html${next && next !== '/login.html' ? `?next=${encodeURIComponent(next)}` : ''}`);
}

async function errorOf(response) {
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string') message = body.error;
  } catch { /* not JSON */ }
  return new ApiError(response.status, message);
}

/**
 * Calls the API. body: an object (sent as JSON) or FormData. Returns parsed JSON, or null for 204.
 * options.noRedirect: do not go to the login page on 401 (the login page itself).
 */
export async function api(method, path, body, options = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken;
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 401 && !options.noRedirect) {
    toLogin();
    throw new ApiError(401, 'Signed out');
  }
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

export const get = (path, query) => api('GET', query ? `${path}?${toQuery(query)}` : path);
export const post = (path, body) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

/** Query string from an object, skipping empty values. */
export function toQuery(query) {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    p.set(key, String(value));
  }
  return p.toString();
}

/**
 * Uploads a file with progress (fetch has no upload progress). onProgress(loaded, total).
 * Resolves with the created capture item.
 */
export function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded, e.total); });
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* empty */ }
      if (xhr.status === 401) { toLogin(); reject(new ApiError(401, 'Signed out')); return; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body && body.error ? body.error : `${xhr.status} ${xhr.statusText}`));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'Network error during upload')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
