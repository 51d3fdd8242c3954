// Exports: the CLI's JSON as it is, and a CSV with one row per mention. Offsets in both are
// Unicode code points, like the command-line tool's.

/** The CSV columns. */
export const CSV_COLUMNS = ['start', 'end', 'label', 'text', 'normalised', 'group', 'canonical', 'value_json'];

/**
 * One CSV field (RFC 4180 quoting). A text field that a spreadsheet would read as a formula
 * (`=`, `+`, `-`, `@`, tab, carriage return first) gets a leading apostrophe.
 */
export function csvField(value, isText) {
  let s = value === undefined || value === null ? '' : String(value);
  if (isText && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A CSV of `analysis` (the CLI's `{entities, groups}`), one row per entity, with a header.
 * `describe(label, value)` gives the readable `normalised` column.
 */
export function toCsv(analysis, describe) {
  const rows = [CSV_COLUMNS.join(',')];
  const groups = analysis.groups || [];
  for (const e of analysis.entities || []) {
    const value = e.value === undefined ? '' : JSON.stringify(e.value);
    const group = e.group === undefined ? undefined : groups[e.group];
    rows.push([
      csvField(e.start), csvField(e.end), csvField(e.label), csvField(e.text, true),
      csvField(e.value === undefined ? '' : describe(e.label, e.value), true),
      csvField(e.group), csvField(group && group.canonical, true), csvField(value),
    ].join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** Offers `data` as a file download named `name`. */
export function download(data, name, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
