import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { dataInfraTranslationRef } from '../translation';

/*
 * Entity page tabs. Ids are `entity-content:data-infra/<name>`.
 */

/** "Escalation" tab of DataServices and Subteams: the path at any time. */
export const escalationContent = EntityContentBlueprint.make({
  name: 'escalation',
  params: {
    path: 'escalation',
    title: dataInfraTranslationRef('entityContent.escalation'),
    group: 'operation',
    filter: { kind: { $in: ['dataservice', 'subteam'] } },
    loader: () =>
      import('../components/EscalationPathCard').then(m => (
        <m.EscalationPathCard showFindings />
      )),
  },
});

/** "On call" tab of Rotations: who is on call and the next four weeks. */
export const rotationOnCallContent = EntityContentBlueprint.make({
  name: 'on-call',
  params: {
    path: 'on-call',
    title: dataInfraTranslationRef('entityContent.onCall'),
    group: 'operation',
    filter: { kind: 'rotation' },
    loader: () =>
      import('../components/RotationCard').then(m => <m.RotationCard />),
  },
});
