import type { Contact } from '@data-infra/backstage-plugin-data-infra-common';
import { SafeLink } from './SafeLink';
import { useDataInfraTranslation } from '../../hooks';

/** The ways to reach a subteam, each as a link where it safely can be one. */
export function ContactDetails(props: { contact: Contact | undefined }) {
  const { t } = useDataInfraTranslation();
  const contact = props.contact ?? {};
  const entries: Array<{ label: string; value: string; email?: boolean }> = [];
  if (contact.chat) entries.push({ label: t('contactDetails.chat'), value: contact.chat });
  if (contact.tickets) entries.push({ label: t('contactDetails.tickets'), value: contact.tickets });
  if (contact.email) entries.push({ label: t('contactDetails.email'), value: contact.email, email: true });
  if (contact.pager) entries.push({ label: t('contactDetails.page'), value: contact.pager });
  if (entries.length === 0) return <span>{t('contactDetails.none')}</span>;
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
