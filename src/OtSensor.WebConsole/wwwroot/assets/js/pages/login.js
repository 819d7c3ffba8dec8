import { api, setCsrf } from '../api.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');

/** Only same-site paths are followed after sign-in (no open redirect); the dashboard is "/". */
function nextPage() {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login.html') ? next : '/';
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.hidden = true;
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const user = await api('POST', '/api/console/login', {
      username: form.username.value.trim(),
      password: form.password.value,
    }, { noRedirect: true });
    setCsrf(user.csrfToken);
    location.assign(nextPage());
  } catch (err) {
    error.textContent = err.status === 401 ? 'Wrong user name or password.'
      : err.status === 429 ? 'Too many attempts. Wait a minute and try again.' : err.message;
    error.hidden = false;
    form.password.value = '';
    form.password.focus();
  } finally {
    button.disabled = false;
  }
});
form.username.focus();
