export { DrPanel } from './DrPanel';
