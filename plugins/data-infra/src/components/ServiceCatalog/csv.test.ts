import { services } from '../../__testUtils__/fixtures';
import { csvCell, servicesToCsv } from './csv';

/** Reads one CSV line back by RFC 4180 (quoted cells, doubled quotes). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (let m = re.exec(line); m && m.index < line.length; m = re.exec(line)) {
    cells.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
    if (m[2] === '') break;
  }
  return cells;
}

describe('CSV cells from hostile catalog text', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","x")'],
    ['+1+cmd|" /C calc"!A0'],
    ['-2+3'],
    ['@SUM(A1:A9)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['\n=1+1'],
  ])('neutralises a cell starting like a formula: %j', text => {
    const cell = csvCell(text);
    const [read] = cellsOf(cell);
    expect(read).toBe(`'${text}`);
  });

  it('leaves ordinary text and numbers alone, quoting only where RFC 4180 needs it', () => {
    expect(csvCell('Apache Kafka')).toBe('Apache Kafka');
    expect(csvCell(99.95)).toBe('99.95');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('1-2')).toBe('1-2');
  });

  it('applies to every column of the export, e.g. a title and a technology', () => {
    const csv = servicesToCsv([{ ...services[0], title: '@evil', technology: '=1+1', owner: { ref: 'subteam:default/x', title: '+owner' } }]);
    const [header, row] = csv.split('\r\n');
    const cells = cellsOf(row);
    const column = (name: string) => cells[cellsOf(header).indexOf(name)];
    expect(column('Service')).toBe("'@evil");
    expect(column('Owner')).toBe("'+owner");
    expect(cells.every(c => !/^[=+\-@\t\r\n]/.test(c))).toBe(true);
  });
});
