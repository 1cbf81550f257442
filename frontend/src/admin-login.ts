// Admin login page (served at /admin/login): a plain form POST; ?error=1 after bad credentials.

import './style.css';
import { byId } from './dom';
import { queryParam } from './items';

const loginError = byId('login-error');
loginError.hidden = queryParam(location.search, 'error') !== '1';
byId<HTMLInputElement>('username').focus();
byId<HTMLFormElement>('login-form').addEventListener('submit', () => {
  byId<HTMLButtonElement>('login').disabled = true;
});
