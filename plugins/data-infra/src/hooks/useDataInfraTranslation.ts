import { useTranslationRef, type TranslationFunction } from '@backstage/frontend-plugin-api';
import { dataInfraTranslationRef } from '../translation';

/** The translation function, for helpers that a component hands it to. */
export type DataInfraT = TranslationFunction<typeof dataInfraTranslationRef.T>;

/** The plugin's messages, as the app's translations override them. */
export function useDataInfraTranslation(): { t: DataInfraT } {
  return useTranslationRef(dataInfraTranslationRef);
}
