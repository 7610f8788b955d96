export { MyOnCallPage } from './MyOnCallPage';
export { PersonOnCallCard } from './PersonOnCallCard';
