import { readAcledRow } from '../src/exchange/acled-row.js';
const HEADER = 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp'.split(',');
const rows = Array.from({ length: 2000 }, (_, n) => { const vals = [`BEN${n}`,`${1 + n % 28} January 2022`,'2022','1','Political violence','Battles','Armed clash','Military Forces of Benin (2016-)','NA','State forces',`Armed group ${n % 13}`,'NA','Rebel group','State forces-Rebel group','NA','204','Western Africa','Benin','Alibori',`District ${n % 40}`,'NA',`Village ${n % 500}`,(11 + (n % 1000) / 1000).toFixed(4),(2.5 + (n % 700) / 1000).toFixed(4),'2','Local radio; National daily','Local partner-National',`On ${n} January 2022, soldiers and an armed group clashed near village ${n % 500}; 0 were reported killed.`,'0','NA','1672531200'];
  const cells: Record<string, string> = {}; HEADER.forEach((h, i) => (cells[h] = vals[i]!)); return cells; });
for (let k = 0; k < 5; k++) {
  const c0 = process.cpuUsage();
  for (let j = 0; j < 10; j++) for (const cells of rows) { const r = readAcledRow(cells); if (!r.ok) throw new Error(JSON.stringify(r)); }
  const c = process.cpuUsage(c0); console.log('readAcledRow µs', ((c.user + c.system) / 20000).toFixed(1));
}
