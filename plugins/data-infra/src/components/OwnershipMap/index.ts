export { OwnershipMap, OwnershipMapView } from './OwnershipMap';
