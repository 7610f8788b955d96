import { screen, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';

type User = ReturnType<typeof userEvent.setup>;

/** Opens the Domain filter's select (showing "All") and returns its options list. */
export async function openDomainSelect(user: User) {
  await user.click(screen.getByRole('button', { name: /All/ }));
  return within(await screen.findByRole('listbox'));
}

/** The labels the open Domain select offers, in order. */
export function domainOptionLabels(list: Awaited<ReturnType<typeof openDomainSelect>>) {
  return list.getAllByRole('option').map(o => o.textContent);
}
