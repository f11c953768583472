import { describe, expect, it } from 'vitest';
import { isCaption } from './caption.js';

describe('photo captions and credits', () => {
  it.each([
    [
      'a parenthesised agency photo credit',
      'A monitor walks past a burned truck outside Velin on Monday. (Agency Photo/Jane Roe)',
    ],
    ['a bare parenthesised credit', 'Deputies listen to the speaker in the assembly hall. (Agency Photo)'],
    [
      'a "Photo:" credit after the caption',
      'Observers inspect a crater beside the river road, May 3, 2021. Photo: Wire / John Doe.',
    ],
    [
      'a file-photo credit with a mission name',
      'A patrol crosses the bridge at dawn. File photo by John Doe/MISSION',
    ],
    [
      'a capitals caption glued to its credit',
      'FAMILIES WAIT AT THE CROSSING ON 3 MAY 2021.PHOTO: THE DAILY LEDGER',
    ],
    [
      'a run of capitalised names joined by slashes',
      'Archive – Families displaced by the fighting – JOHN DOE / WIRE NEWS / PHOTOBANK',
    ],
    ['a representative-image label', 'Representative image'],
    ['an archive-photo opener', 'Archive photo of a checkpoint on the northern road'],
    ['a courtesy credit', 'Families queue for bread in the old town. Photo courtesy of the city council'],
    ['an image credit', 'The damaged school seen from the road. Image credit: Jane Roe'],
    ['a parenthesised file mark', 'Soldiers load shells into a truck near the front. (File)'],
    ['a person and an agency in capitals', 'A convoy waits at the crossing on Monday. Jane Roe/WIRE'],
    ['a gallery step', 'Image 2 of 7'],
  ])('drops %s', (_phenomenon, unit) => {
    expect(isCaption(unit)).toBe(true);
  });

  it.each([
    'The monitors photographed the crater on Monday and sent the pictures to both sides.',
    'He posted a photo: the roof of his house, torn open by a shell.',
    'The lender approved the loan (a credit line of two million).',
    'Soldiers from the UN / OSCE team were not hurt, the mission said.',
    'A photo by a local reporter showed the damage to the school.',
    'The envoys joined the talks via video link.',
    'Shelling hit Velin and Dorn overnight, said Jane Roe of the mission / WIRE.',
  ])('keeps the sentence %j', (unit) => {
    expect(isCaption(unit)).toBe(false);
  });
});
