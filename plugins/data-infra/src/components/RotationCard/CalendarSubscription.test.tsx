import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockDataInfraApi, platformRotation } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { CalendarSubscription } from './CalendarSubscription';

describe('CalendarSubscription', () => {
  it('fetches nothing until asked, then shows the personal link in webcal: and https: forms, and revokes it', async () => {
    const api = mockDataInfraApi();
    await renderOnEntityPage(<CalendarSubscription rotationRef="rotation:default/data-platform-oncall" />, {
      entity: platformRotation,
      api,
    });
    expect(api.subscribeToCalendar).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Get my calendar link' }));
    expect(api.subscribeToCalendar).toHaveBeenCalledWith('rotation:default/data-platform-oncall');
    expect(await screen.findByRole('link', { name: /^Open in your calendar app/ })).toHaveAttribute(
      'href',
      expect.stringMatching(/^webcal:\/\/backstage\.example\.com\/api\/data-infra\/calendar-feeds\/.+\.ics$/),
    );
    expect((screen.getByRole('textbox', { name: 'Calendar link' }) as HTMLInputElement).value).toMatch(
      /^https:\/\/backstage\.example\.com\/api\/data-infra\/calendar-feeds\/.+\.ics$/,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Revoke calendar link' }));
    expect(api.revokeCalendarSubscription).toHaveBeenCalledWith('rotation:default/data-platform-oncall');
    expect(await screen.findByText(/Your calendar link was revoked/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Calendar link' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Get a new calendar link' })).toBeInTheDocument();
  });

  it('says what went wrong when the backend refuses', async () => {
    const api = mockDataInfraApi({ subscribeToCalendar: jest.fn().mockRejectedValue(new Error('No Rotation rotation:default/gone')) });
    await renderOnEntityPage(<CalendarSubscription rotationRef="rotation:default/gone" />, { api });
    await userEvent.click(screen.getByRole('button', { name: 'Get my calendar link' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('No Rotation rotation:default/gone'));
  });
});
