import { createHash } from 'node:crypto';
import { stringifyLocationRef } from '@backstage/catalog-model';
import {
  CatalogProcessorParser,
  parseEntityYaml,
  processingResult,
} from '@backstage/plugin-catalog-node';

/** Set on a placeholder that stands for a YAML document that did not parse. */
export const ANNOTATION_PARSE_ERROR = 'data-infra.io/parse-error';

/**
 * Backstage's own YAML parser, except that a broken document no longer sinks
 * its whole file.
 *
 * The stock parser reports a broken document as an error of the *location*,
 * and the catalog then drops every entity the location emitted in that pass:
 * one typo in a catalog-info file keeps all its valid neighbours out of the
 * catalog. Here a broken document becomes a placeholder entity that carries
 * the parse error; our processor rejects that placeholder with the message,
 * so the error is still reported (on the placeholder, with the file and line)
 * and the valid documents beside it are ingested.
 */
export const tolerantYamlParser: CatalogProcessorParser = async function* parse({
  data,
  location,
}) {
  let index = 0;
  for await (const result of parseEntityYaml(data, location)) {
    index += 1;
    if (result.type !== 'error') {
      yield result;
      continue;
    }
    const where = stringifyLocationRef(location);
    const id = createHash('sha256').update(`${where}#${index}`).digest('hex').slice(0, 12);
    yield processingResult.entity(location, {
      // Location is allowed by the catalog's default rules, so the placeholder
      // is never refused before our processor can report the real error.
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: {
        name: `invalid-yaml-${id}`,
        annotations: { [ANNOTATION_PARSE_ERROR]: result.error.message },
      },
      spec: { type: location.type, targets: [] },
    });
  }
};
