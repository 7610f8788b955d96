export { SubteamOverviewCard } from './SubteamOverviewCard';
