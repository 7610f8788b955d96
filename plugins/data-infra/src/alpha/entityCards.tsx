import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/*
 * Entity cards of our three kinds. Ids are `entity-card:data-infra/<name>`.
 * Filters match kinds case-insensitively; each card loads its code on demand.
 */

export const dataServiceOwnershipCard = EntityCardBlueprint.make({
  name: 'dataservice-ownership',
  params: {
    type: 'info',
    filter: { kind: 'dataservice' },
    loader: () =>
      import('../components/DataServiceOwnershipCard').then(m => (
        <m.DataServiceOwnershipCard />
      )),
  },
});

export const dataServiceSlaCard = EntityCardBlueprint.make({
  name: 'dataservice-sla',
  params: {
    type: 'content',
    filter: { kind: 'dataservice' },
    loader: () =>
      import('../components/DataServiceSlaCard').then(m => (
        <m.DataServiceSlaCard />
      )),
  },
});

export const escalationPathCard = EntityCardBlueprint.make({
  name: 'escalation-path',
  params: {
    type: 'content',
    filter: { kind: 'dataservice' },
    loader: () =>
      import('../components/EscalationPathCard').then(m => (
        <m.EscalationPathCard />
      )),
  },
});

export const checksCard = EntityCardBlueprint.make({
  name: 'checks',
  params: {
    type: 'content',
    filter: { kind: { $in: ['dataservice', 'subteam', 'rotation'] } },
    loader: () =>
      import('../components/ChecksCard').then(m => <m.ChecksCard />),
  },
});

export const subteamOverviewCard = EntityCardBlueprint.make({
  name: 'subteam-overview',
  params: {
    type: 'content',
    filter: { kind: 'subteam' },
    loader: () =>
      import('../components/SubteamOverviewCard').then(m => (
        <m.SubteamOverviewCard />
      )),
  },
});

export const rotationCard = EntityCardBlueprint.make({
  name: 'rotation',
  params: {
    type: 'content',
    filter: { kind: 'rotation' },
    loader: () =>
      import('../components/RotationCard').then(m => <m.RotationCard />),
  },
});

/** On User pages: that user's on-call (their shifts, escalations, covers). */
export const personOnCallCard = EntityCardBlueprint.make({
  name: 'person-on-call',
  params: {
    type: 'content',
    filter: { kind: 'user' },
    loader: () =>
      import('../components/PersonOnCall').then(m => <m.PersonOnCallCard />),
  },
});
