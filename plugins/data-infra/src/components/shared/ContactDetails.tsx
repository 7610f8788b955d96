import type { Contact } from '@data-infra/backstage-plugin-data-infra-common';
import { SafeLink } from './SafeLink';

/** The ways to reach a subteam, each as a link where it safely can be one. */
export function ContactDetails(props: { contact: Contact | undefined }) {
  const contact = props.contact ?? {};
  const entries: Array<{ label: string; value: string; email?: boolean }> = [];
  if (contact.chat) entries.push({ label: 'Chat', value: contact.chat });
  if (contact.tickets) entries.push({ label: 'Tickets', value: contact.tickets });
  if (contact.email) entries.push({ label: 'Email', value: contact.email, email: true });
  if (contact.pager) entries.push({ label: 'Page', value: contact.pager });
  if (entries.length === 0) return <span>No contact details given.</span>;
  // One way per line; long values (URLs, addresses) wrap inside the card.
  return (
    <>
      {entries.map(entry => (
        <span key={entry.label} style={{ display: 'block', overflowWrap: 'anywhere' }}>
          {entry.label}: <SafeLink href={entry.value} email={entry.email} />
        </span>
      ))}
    </>
  );
}
