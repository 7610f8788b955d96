import type { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { ANNOTATION_PARSE_ERROR, tolerantYamlParser } from './tolerantYamlParser';

const location = { type: 'file', target: '/repo/catalog-info/registered/team.yaml' };

async function parse(text: string) {
  const results: CatalogProcessorResult[] = [];
  for await (const result of tolerantYamlParser({ data: Buffer.from(text), location })) results.push(result);
  const entities = results.flatMap(r => (r.type === 'entity' ? [r.entity] : []));
  return {
    results,
    valid: entities.filter(e => !e.metadata.annotations?.[ANNOTATION_PARSE_ERROR]).map(e => `${e.kind}:${e.metadata.name}`),
    placeholders: entities.filter(e => e.metadata.annotations?.[ANNOTATION_PARSE_ERROR]),
  };
}

const user = (name: string) => `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: ${name} }\nspec: { memberOf: [] }\n`;

/** A "billion laughs" document: nine levels of nine aliases. */
const aliasBomb = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: bomb',
  '  a: &a [x, x, x, x, x, x, x, x, x]',
  ...'bcdefghi'.split('').map((c, i) => `  ${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
  '',
].join('\n');

describe('tolerantYamlParser', () => {
  it('keeps every valid document and makes one placeholder naming each broken one with its line', async () => {
    const text = [user('ada'), 'kind: [unclosed\n', user('grace'), aliasBomb, '- just\n- a list\n', user('linus')].join('---\n');
    const { valid, placeholders, results } = await parse(text);
    expect(valid).toEqual(['User:ada', 'User:grace', 'User:linus']);
    expect(results.filter(r => r.type === 'error')).toEqual([]);
    expect(placeholders).toHaveLength(1);
    const message = placeholders[0].metadata.annotations![ANNOTATION_PARSE_ERROR];
    // A document's first line: the one after its `---`.
    const lines = text.split('\n');
    const separators = lines.flatMap((l, i) => (l === '---' ? [i + 1] : []));
    const lineOf = (document: number) => separators[document - 2] + 1;
    expect(message).toMatch(/^YAML error at file:\/repo\/catalog-info\/registered\/team\.yaml: 3 documents could not be read and were skipped; the others were read\. /);
    expect(message).toMatch(new RegExp(`document 2 \\(from line ${lineOf(2)}\\): Flow sequence [^;]* \\(line ${lineOf(3) - 1}, column 1\\);`));
    expect(message).toContain(`document 4 (from line ${lineOf(4)}): Excessive alias count indicates a resource exhaustion attack;`);
    expect(message).toContain(`document 5 (from line ${lineOf(5)}): expected an entity (a mapping) at the root, got a list`);
  });

  it('turns a megabyte of broken documents into one placeholder with a bounded message, and stops reading', async () => {
    const text = '---\n[\n'.repeat(1024 * 1024 / 6);
    const { results, placeholders } = await parse(`${user('ada')}${text}`);
    expect(results).toHaveLength(2); // ada and the placeholder
    const message = placeholders[0].metadata.annotations![ANNOTATION_PARSE_ERROR];
    expect(message).toMatch(/: 1000 documents could not be read/);
    expect(message).toMatch(/and 980 more broken documents; reading stopped after 1000 broken documents: the rest of the file was not read$/);
    expect(message.length).toBeLessThan(5000);
  });

  it('names the placeholder after the file, the same on every pass', async () => {
    const first = (await parse('kind: [\n')).placeholders[0].metadata.name;
    const second = (await parse(`${user('ada')}---\nkind: [\n---\nkind: [\n`)).placeholders[0].metadata.name;
    expect(first).toMatch(/^invalid-yaml-[0-9a-f]{12}$/);
    expect(second).toBe(first);
  });
});
