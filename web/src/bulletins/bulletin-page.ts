import { ApiError, apiUrl, getJson, getText, messageOf } from '../api-client.js';
import type { PageModule } from '../page.js';
import { navigate } from '../router.js';
import { asOfForm, todayIso } from '../ui/as-of.js';
import { h } from '../ui/dom.js';
import { checkpointView, type ShownCheckpoint } from '../verify/checkpoint-view.js';

/**
 * A day's bulletin, shown as the server's Markdown text (never as HTML), with download links,
 * and the checkpoint it was made at with the witnesses that cosigned it, as known now.
 */
export const bulletinPage: PageModule = {
  title: 'Bulletins',
  async render(main, location) {
    const date = location.query.get('date') || todayIso();
    main.append(
      h('h1', {}, `Bulletin of ${date}`),
      asOfForm(date, (next) => navigate('/bulletins', new URLSearchParams({ date: next }))),
      h(
        'p',
        { class: 'downloads' },
        'Download: ',
        h('a', { href: apiUrl(`/bulletins/${date}`, { format: 'json' }) }, 'JSON'),
        ' · ',
        h('a', { href: apiUrl(`/bulletins/${date}`, { format: 'md' }) }, 'Markdown'),
        ' · ',
        h('a', { href: apiUrl(`/bulletins/${date}`, { format: 'html' }) }, 'HTML'),
      ),
      ...(await bulletinBody(date)),
    );
  },
};

async function bulletinBody(date: string): Promise<HTMLElement[]> {
  try {
    const text = await getText(`/bulletins/${date}`, { format: 'md' });
    const { checkpoint } = await getJson<{ checkpoint: ShownCheckpoint | null }>(`/bulletins/${date}`);
    return [
      checkpointView(checkpoint, 'The checkpoint this bulletin was made at'),
      h('p', { class: 'hint' }, 'To check it yourself, see ', h('a', { href: '#/verify' }, 'Verify'), '.'),
      h('article', { class: 'bulletin' }, h('pre', {}, text)),
    ];
  } catch (error) {
    const message =
      error instanceof ApiError && error.status === 404 ? `No bulletin for ${date}.` : messageOf(error);
    return [h('p', { role: 'status' }, message)];
  }
}
