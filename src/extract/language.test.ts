import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it('recognises English news prose', () => {
    expect(
      detectLanguage('The ceasefire held overnight, the ministry said in a statement on Monday.').language,
    ).toBe('en');
  });

  it('recognises French, German and Russian', () => {
    expect(
      detectLanguage('Le cessez-le-feu est entré en vigueur mardi dans la région, selon le ministère.')
        .language,
    ).toBe('fr');
    expect(
      detectLanguage('Die Waffenruhe ist in der Nacht in Kraft getreten, teilte das Ministerium mit.')
        .language,
    ).toBe('de');
    expect(
      detectLanguage('Режим прекращения огня вступил в силу во вторник, сообщило министерство.').language,
    ).toBe('ru');
  });

  it('recognises Armenian and Arabic scripts', () => {
    expect(
      detectLanguage('Հրադադարի ռեժիմը խախտվել է գիշերը, հայտնում է պաշտպանության նախարարությունը').language,
    ).toBe('hy');
    expect(detectLanguage('قال المتحدث إن وقف إطلاق النار صامد في المنطقة منذ يوم الثلاثاء').language).toBe(
      'ar',
    );
  });

  it('recognises the scripts of other theatres: Ethiopic, Thai, Sinhala', () => {
    expect(detectLanguage('የተኩስ አቁም ስምምነቱ ትናንት ምሽት ተጥሷል ሲል ሚኒስቴሩ አስታወቀ').language).toBe('am');
    expect(detectLanguage('ข้อตกลงหยุดยิงถูกละเมิดเมื่อคืนนี้ กระทรวงกล่าวในแถลงการณ์').language).toBe('th');
    expect(detectLanguage('සටන් විරාමය ඊයේ රාත්‍රියේ උල්ලංඝනය වූ බව අමාත්‍යාංශය පැවසීය').language).toBe('si');
  });

  it('says undetermined for too little text', () => {
    expect(detectLanguage('12 34 !!').language).toBe('und');
  });
});
