export { ExemptionsCard } from './ExemptionsCard';
export { GrantExemptionButton } from './GrantExemptionButton';
