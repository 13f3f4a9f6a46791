/**
 * A Markdown table with padded columns: readable in a terminal, pastable into the README.
 * Columns whose cells all look numeric are right-aligned.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const numeric = header.map((_, column) =>
    rows.every((row) => /^[\d.,\s%×*~+–-]*(KB|ms|s|µs|ops\/s|x)?\**$/.test(row[column] ?? '')),
  );
  const widths = header.map((title, column) =>
    Math.max(title.length, 3, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return numeric[column] ? cell.padStart(width) : cell.padEnd(width);
      })
      .join(' | ')} |`;
  const rule = `| ${widths
    .map((width, column) => (numeric[column] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width)))
    .join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
