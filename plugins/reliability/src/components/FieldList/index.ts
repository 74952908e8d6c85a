export { FieldList, NotDeclared } from './FieldList';
export type { Field } from './FieldList';
