import { errorBudget } from '@data-infra/backstage-plugin-data-infra-common';
import { allowedDowntimeMs } from './sla';

describe('the error budget on a card', () => {
  // The card and /services (common's errorBudget) once read windows
  // differently: a 12h window had a budget on the card and none in the table.
  it.each(['30d', '4w', '1w', '12h', '90m', '0d', '7 d', '30D', ' 30d'])(
    'is the budget /services shows for a %j window',
    window => {
      expect(allowedDowntimeMs(99.9, window)).toBe(
        errorBudget({ availability: 99.9, window })?.allowedDowntimeMs,
      );
    },
  );

  it('has none for a window the DataService schema rejects', () => {
    expect(allowedDowntimeMs(99.9, '12h')).toBeUndefined();
    expect(allowedDowntimeMs(99.9, '30d')).toBe(2_592_000);
  });
});
