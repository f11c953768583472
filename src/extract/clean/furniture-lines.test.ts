import { describe, expect, it } from 'vitest';
import { isPrivacyNotice, isWidgetLine } from './furniture-lines.js';

describe('page-widget lines', () => {
  it.each([
    ['a radio widget', 'Listen Live News'],
    ['a comment loader', 'Loading Disqus Comments ...'],
    ['closed comments', 'Comments are closed on this article.'],
    ['a way back', 'Back to headlines'],
    ['a section label', 'All news'],
    ['a translation notice', 'This post is also available in: Deutsch (German) Français (French)'],
    ['a reading time', '4 Min Read'],
    ['a labelled reading time', 'Reading time: 3 min'],
    ['font-size controls', '-A +A'],
    ['font-size controls with three steps', 'A- A A+'],
    [
      'an invitation to follow the outlet',
      'For breaking news, follow us on Telegram @example_news. We are also on YouTube.',
    ],
    ["a pointer to the outlet's accounts", 'You can also find The Daily Ledger on Facebook and Instagram'],
    ['a contact line with an e-mail', 'For corrections to this story please contact: desk@example.org'],
    ['a contact line with a hidden e-mail', 'To report an error, write to [email protected]'],
    ['a layout note', 'Story continues below advertisement'],
    ['a photo-library pointer', 'For more photos of the handover, visit the mission photo library.'],
    [
      'a syndication disclaimer',
      '(This story has not been edited by our desk and is auto-generated from a syndicated feed.)',
    ],
    [
      'a media-bank link',
      'High-resolution photos of the visit are in the mission media bank: https://example.org/media',
    ],
  ])('drops %s', (_phenomenon, line) => {
    expect(isWidgetLine(line)).toBe(true);
  });

  it.each([
    'The armed group said on Telegram that two of its fighters had been killed.',
    'All news outlets in the region were shut for three days, the union said.',
    'Comments by the envoy angered both delegations.',
    'A video shared on Facebook and Instagram showed smoke over the depot.',
    'Listening posts along the line recorded 40 explosions.',
  ])('keeps the sentence %j', (line) => {
    expect(isWidgetLine(line)).toBe(false);
  });
});

describe('privacy and data-protection notices', () => {
  it.each([
    [
      'German',
      'Wir verwenden Cookies und verarbeiten personenbezogene Daten gemäß unserer Datenschutzerklärung.',
    ],
    ['French', 'En poursuivant votre navigation, vous acceptez le traitement de vos données personnelles.'],
    ['Spanish', 'Utilizamos sus datos personales conforme a nuestra política de privacidad.'],
    ['Italian', 'Proseguendo accetti il trattamento dei dati personali secondo la nostra informativa.'],
    ['Portuguese', 'Ao continuar, você aceita o uso dos seus dados pessoais conforme a LGPD.'],
    ['Russian', 'Продолжая использовать сайт, вы даёте согласие на обработку персональных данных.'],
    ['Ukrainian', 'Ви надаєте згоду на обробку персональних даних відповідно до політики конфіденційності.'],
    ['Turkish', 'Kişisel verileriniz KVKK kapsamında işlenir; devam ederek onay vermiş olursunuz.'],
    ['Polish', 'Używamy plików cookie i przetwarzamy dane osobowe zgodnie z polityką prywatności.'],
    ['Armenian', 'Այս կայքը օգտագործում է cookie ֆայլեր։'],
    ['Georgian', 'ეს საიტი იყენებს cookie-ფაილებს.'],
  ])('drops a %s notice', (_language, notice) => {
    expect(isPrivacyNotice(notice)).toBe(true);
  });

  it('keeps an English sentence about cookies', () => {
    expect(
      isPrivacyNotice('Soldiers at the checkpoint handed cookies to children waiting for the buses.'),
    ).toBe(false);
  });

  it('keeps a sentence that names privacy without asking for consent', () => {
    expect(isPrivacyNotice('Relatives asked for privacy as the bodies were returned across the line.')).toBe(
      false,
    );
  });
});
