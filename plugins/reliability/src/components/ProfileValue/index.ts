export { AbsentValue } from './AbsentValue';
