import { h } from '../ui/dom.js';

export interface ConfirmOptions {
  readonly title: string;
  readonly body: string;
  readonly confirm: string;
  /** A destructive action: its button is drawn as one. */
  readonly danger?: boolean;
}

let counter = 0;

/**
 * Asks before a destructive action, in a modal dialog that keeps the focus (Escape or Cancel
 * answers no). Resolves true only when the person presses the confirming button.
 *
 * @example if (await confirmAction({ title: 'Reject 12 incidents?', body: '…', confirm: 'Reject', danger: true })) …
 */
export function confirmAction(options: ConfirmOptions): Promise<boolean> {
  counter += 1;
  const id = `confirm-${counter}`;
  const yes = h('button', { type: 'button', class: options.danger ? 'danger' : 'primary' }, options.confirm);
  const no = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const dialog = h(
    'dialog',
    { class: 'confirm', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-body` },
    h('h2', { id: `${id}-title` }, options.title),
    h('p', { id: `${id}-body` }, options.body),
    h('div', { class: 'actions' }, no, yes),
  );
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(dialog);
  return new Promise((resolve) => {
    const finish = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      // The focus goes back where it was, unless the page redrew meanwhile.
      if (opener?.isConnected) opener.focus();
      resolve(answer);
    };
    yes.addEventListener('click', () => finish(true));
    no.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    dialog.showModal();
    no.focus();
  });
}
