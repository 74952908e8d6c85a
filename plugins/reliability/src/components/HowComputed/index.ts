export { Disclosure, HowComputed } from './HowComputed';
