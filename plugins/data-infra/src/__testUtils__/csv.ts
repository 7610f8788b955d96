/** Reads one CSV line back by RFC 4180 (quoted cells, doubled quotes, empty cells kept). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      i += 1;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (line[i] === '"') {
          i += 1;
          break;
        } else {
          cell += line[i];
          i += 1;
        }
      }
    } else {
      const end = line.indexOf(',', i);
      const stop = end === -1 ? line.length : end;
      cell = line.slice(i, stop);
      i = stop;
    }
    cells.push(cell);
    if (line[i] !== ',') return cells;
    i += 1;
  }
}

/** The cell of `line` under the header `name`. */
export function csvColumn(header: string, line: string, name: string): string {
  return csvCells(line)[csvCells(header).indexOf(name)];
}
