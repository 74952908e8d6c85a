export { SloEntityContent } from './SloEntityContent';
export { SloStatusItem } from './SloStatusItem';
export { SloStatusView } from './SloStatusView';
export { budgetExplanation, budgetHeadline } from './formatBudget';
