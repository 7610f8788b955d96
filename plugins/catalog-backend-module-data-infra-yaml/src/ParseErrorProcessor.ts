import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogProcessor } from '@backstage/plugin-catalog-node';
import { ANNOTATION_PARSE_ERROR } from './tolerantYamlParser';

/**
 * Rejects the placeholder that the tolerant parser emits for a file's broken
 * documents, with the parser's message: the catalog records it as the
 * placeholder's processing error, so the errors are reported with the file
 * and lines, and the file's valid entities are kept. Every other entity is
 * left to its own validators.
 */
export class ParseErrorProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'DataInfraYamlParseErrorProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    const parseError = entity.metadata.annotations?.[ANNOTATION_PARSE_ERROR];
    if (parseError) {
      throw new InputError(parseError);
    }
    return false;
  }
}
