import type { PageModule } from '../page.js';
import { navigate } from '../router.js';
import { signIn } from '../session.js';
import { h } from '../ui/dom.js';
import {
  clearErrors,
  field,
  focusFirstError,
  formStatus,
  showFieldError,
  showServerError,
  valueOf,
} from '../ui/forms.js';

/** Sign-in for the center's staff, monitors and liaisons. */
export const loginPage: PageModule = {
  title: 'Sign in',
  async render(main, location) {
    const form = h(
      'form',
      { class: 'login-form', novalidate: true },
      field({ name: 'username', label: 'Username', required: true, attrs: { autocomplete: 'username' } }),
      field({
        name: 'password',
        label: 'Password',
        type: 'password',
        required: true,
        attrs: { autocomplete: 'current-password' },
      }),
      h('button', { type: 'submit' }, 'Sign in'),
      formStatus(),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void submit(form, location.query.get('next'));
    });
    main.append(h('h1', {}, 'Sign in'), form);
  },
};

async function submit(form: HTMLFormElement, next: string | null): Promise<void> {
  clearErrors(form);
  const username = valueOf(form, 'username');
  const password = new FormData(form).get('password');
  if (!username) showFieldError(form, 'username', 'Please enter your username.');
  if (typeof password !== 'string' || !password)
    showFieldError(form, 'password', 'Please enter your password.');
  if (!username || typeof password !== 'string' || !password) {
    focusFirstError(form);
    return;
  }
  try {
    const user = await signIn(username, password);
    navigate(next && next.startsWith('/') ? next : homeOf(user.role));
  } catch (error) {
    showServerError(form, error);
  }
}

function homeOf(role: string): string {
  if (role === 'analyst' || role === 'admin') return '/review';
  if (role === 'monitor') return '/field-report';
  return '/list';
}
