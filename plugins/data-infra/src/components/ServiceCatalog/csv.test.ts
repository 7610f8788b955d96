import { services } from '../../__testUtils__/fixtures';
import { csvCells as cellsOf } from '../../__testUtils__/csv';
import { csvCell, servicesToCsv } from './csv';

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
    // Numbers we computed (an overspent budget) stay numbers; text never does.
    expect(csvCell(-25.3)).toBe('-25.3');
    expect(csvCell('-25.3')).toBe("'-25.3");
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

  it('applies to the contact, escalation and budget columns too', () => {
    const csv = servicesToCsv([
      {
        ...services[0],
        contact: { chat: '=chat', tickets: '+tickets', pager: '@pager' },
        escalation: { levels: 1, first: { targetTitle: '-lead', afterMs: 0 }, inherited: false, repeat: 0, gaps: '=gap' },
        escalationSummary: '@summary',
        measured: { status: 'exhausted', budgetLeft: -0.253 },
      },
    ]);
    const [header, row] = csv.split('\r\n');
    const cells = cellsOf(row);
    const column = (name: string) => cells[cellsOf(header).indexOf(name)];
    expect(column('Chat')).toBe("'=chat");
    expect(column('Tickets')).toBe("'+tickets");
    expect(column('Pager')).toBe("'@pager");
    expect(column('Escalation: first level')).toMatch(/^'-lead/);
    expect(column('Escalation: reaches nobody')).toBe("'=gap");
    expect(column('Escalation path')).toBe("'@summary");
    expect(column('Budget left %')).toBe('-25.3');
    expect(column('Budget status')).toBe('exhausted');
    // Nothing else starts like a formula; the one number that may is ours.
    const budget = cellsOf(header).indexOf('Budget left %');
    expect(cells.filter((c, k) => k !== budget && /^[=+\-@\t\r\n]/.test(c))).toEqual([]);
  });
});
