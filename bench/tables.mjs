// The two Markdown tables of a benchmark run, for the console (bench/run.mjs) and the README (bench/readme.mjs).

export function rowsTable(rows) {
  const lines = ['| corpus | run | median s | min–max s | peak MB |', '| --- | --- | ---: | ---: | ---: |'];
  for (const row of rows) {
    const s = row.seconds;
    lines.push(`| ${row.corpus} | ${row.label} | ${s.median.toFixed(2)} | ${s.min.toFixed(2)}–${s.max.toFixed(2)} | ${row.peakMb ? Math.round(row.peakMb.median) : '–'} |`);
  }
  return lines.join('\n');
}

export function targetsTable(targets) {
  const lines = ['| target | measured | met |', '| --- | ---: | :---: |'];
  for (const t of targets) {
    const value = t.unit === 'MB' ? `${Math.round(t.value)} MB` : `${t.value.toFixed(3)}×`;
    lines.push(`| ${t.target} | ${value} | ${t.info ? '–' : t.pass === null ? '?' : t.pass ? 'yes' : 'no'} |`);
  }
  return lines.join('\n');
}
