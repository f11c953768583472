import { t } from '../i18n/i18n.js';
import { componentPage } from '../page.js';
import { hrefOf } from '../router.js';

/**
 * How anyone checks, in plain words, that a bulletin was not altered: what the audit head and the
 * signed checkpoint on it are, and how the Verify page (the witnesses' check) uses them. Its links
 * keep the language the URL names.
 */
function VerifyBulletin() {
  return (
    <div class="bulletin-verify">
      <h1>{t('bulletinCheck.title')}</h1>
      <p>{t('bulletinCheck.intro')}</p>
      <h2>{t('bulletinCheck.holds')}</h2>
      <ul>
        <li>
          <strong>{t('bulletinCheck.headTerm')}</strong> {t('bulletinCheck.head')}
        </li>
        <li>
          <strong>{t('bulletinCheck.checkpointTerm')}</strong> {t('bulletinCheck.checkpoint')}
        </li>
        <li>
          <strong>{t('bulletinCheck.cosignedTerm')}</strong> {t('bulletinCheck.cosigned')}
        </li>
      </ul>
      <h2>{t('bulletinCheck.steps')}</h2>
      <ol>
        <li>{t('bulletinCheck.step1')}</li>
        <li>{t('bulletinCheck.step2')}</li>
        <li>{t('bulletinCheck.step3')}</li>
        <li>{t('bulletinCheck.step4')}</li>
      </ol>
      <h2>{t('bulletinCheck.proves')}</h2>
      <p>{t('bulletinCheck.provesText')}</p>
      <p>
        <a href={hrefOf('/verify')}>{t('bulletinCheck.goVerify')}</a>
        {' · '}
        <a href={hrefOf('/bulletins')}>{t('bulletinCheck.back')}</a>
      </p>
    </div>
  );
}

export const verifyBulletinPage = componentPage(() => t('bulletinCheck.title'), VerifyBulletin);
