/*
 * Writes series in the OpenMetrics text format, the input of
 * `promtool tsdb create-blocks-from openmetrics`. Streamed to a file: a
 * month of one-minute samples of a few dozen series is tens of megabytes.
 */
import fs from 'node:fs';

export type Labels = Record<string, string>;

export interface Series {
  labels: Labels;
  /** [unix seconds, value], increasing in time. */
  samples: Iterable<[number, number]>;
}

export interface MetricFamily {
  name: string;
  help: string;
  series: Series[];
}

const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function labelText(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '' : `{${keys.map(k => `${k}="${escape(labels[k])}"`).join(',')}}`;
}

/** Writes the families to `file` and returns how many samples it wrote. */
export function writeOpenMetrics(file: string, families: MetricFamily[]): number {
  const fd = fs.openSync(file, 'w');
  let count = 0;
  try {
    for (const family of families) {
      // Every family is 'unknown': the TSDB keeps no types, and 'counter'
      // would oblige the OpenMetrics parser to want _total names.
      fs.writeSync(fd, `# HELP ${family.name} ${family.help}\n# TYPE ${family.name} unknown\n`);
      for (const series of family.series) {
        const prefix = `${family.name}${labelText(series.labels)} `;
        let chunk: string[] = [];
        for (const [seconds, value] of series.samples) {
          chunk.push(`${prefix}${value} ${seconds}`);
          count++;
          if (chunk.length >= 10_000) {
            fs.writeSync(fd, `${chunk.join('\n')}\n`);
            chunk = [];
          }
        }
        if (chunk.length) fs.writeSync(fd, `${chunk.join('\n')}\n`);
      }
    }
    fs.writeSync(fd, '# EOF\n');
  } finally {
    fs.closeSync(fd);
  }
  return count;
}
