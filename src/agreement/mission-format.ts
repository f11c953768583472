import type { MissionStatus } from './mission.js';

const num = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-US'));

/**
 * The mission's status as lines of text for people.
 *
 * @example formatMissionTable(missionStatus(facts, '2020-12-01'))
 */
export function formatMissionTable(s: MissionStatus): string {
  const t = s.term;
  const c = s.ceilings;
  const lines = [
    `${s.mission.name} — as of ${s.asOf}`,
    '',
    `term            period ${t.period} (${t.state}), ${t.periodStart} → ${t.lastDay} (last day; ${t.daysToTermEnd >= 0 ? `${t.daysToTermEnd} days left` : `ended ${-t.daysToTermEnd} days ago`})`,
    ...(t.renewedBy
      ? [
          `renewed by      ${[t.renewedBy.reference, t.renewedBy.decidedOn].filter(Boolean).join(' of ')}: ${t.renewedBy.summary}`,
        ]
      : []),
    ...(t.renewedUntil ? [`renewed until   ${t.renewedUntil} (decided)`] : []),
    `next notice by  ${t.nextNoticeDate ?? '—'}${t.daysToNextNotice === null ? '' : ` (${t.daysToNextNotice} days)`}${t.renewsAutomatically ? '; renews automatically otherwise' : ''}`,
    `strength        personnel ${num(s.strength.personnel)}/${num(c.personnel)}, armoured ${num(s.strength.armouredVehicles)}/${num(c.armouredVehicles)}, other vehicles ${num(s.strength.otherVehicles)}/${num(c.otherVehicles)} (reported ${s.strength.asOf ?? 'never'})`,
    ...s.ceilingFlags.map(
      (f) => `ABOVE CEILING   ${f.item}: ${f.reported} reported, ceiling ${f.ceiling} (+${f.excess})`,
    ),
    `posts           ${s.posts.open} open, ${s.posts.closed} closed`,
    `units           ${s.units.map((u) => u.name).join('; ') || '—'}`,
  ];
  const d = s.today;
  if (d) {
    lines.push(
      `today           ${d.patrols} patrols; escorted ${num(d.escortVehicles)} vehicles, ${num(d.escortPeople)} people; ${num(d.returned)} returned; ${d.violationsRecorded} violations`,
    );
  }
  const x = s.totals;
  lines.push(
    `to date         ${num(x.returned)} returned; demined ${num(x.deminedHectares)} ha, ${num(x.deminedRoadKm)} km road, ${num(x.deminedBuildings)} buildings, ${num(x.explosiveItems)} items; ${num(x.humanitarianTonnes)} t aid; ${num(x.violationsRecorded)} violations`,
    '',
  );
  return lines.join('\n');
}
