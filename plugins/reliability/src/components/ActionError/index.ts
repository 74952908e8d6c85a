export { ActionError, actionErrorMessage } from './ActionError';
