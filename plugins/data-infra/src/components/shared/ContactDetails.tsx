import { Link } from '@backstage/core-components';
import type { Contact } from '@data-infra/backstage-plugin-data-infra-common';

/** Only http(s) URLs from a catalog-info file become links; anything else is text. */
export function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** The ways to reach a subteam, each as a link where it can be one. */
export function ContactDetails(props: { contact: Contact | undefined }) {
  const contact = props.contact ?? {};
  const entries: Array<{ label: string; value: string; href?: string }> = [];
  if (contact.chat) entries.push({ label: 'Chat', value: contact.chat });
  if (contact.tickets) {
    entries.push({
      label: 'Tickets',
      value: contact.tickets,
      href: isUrl(contact.tickets) ? contact.tickets : undefined,
    });
  }
  if (contact.email) {
    entries.push({
      label: 'Email',
      value: contact.email,
      href: `mailto:${contact.email}`,
    });
  }
  if (contact.pager) {
    entries.push({
      label: 'Page',
      value: contact.pager,
      href: isUrl(contact.pager) ? contact.pager : undefined,
    });
  }
  if (entries.length === 0) return <span>No contact details given.</span>;
  // One way per line; long values (URLs, addresses) wrap inside the card.
  return (
    <>
      {entries.map(entry => (
        <span key={entry.label} style={{ display: 'block', overflowWrap: 'anywhere' }}>
          {entry.label}:{' '}
          {entry.href ? <Link to={entry.href}>{entry.value}</Link> : entry.value}
        </span>
      ))}
    </>
  );
}
