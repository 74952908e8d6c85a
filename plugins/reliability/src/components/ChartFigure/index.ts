export { ChartFigure } from './ChartFigure';
export type { ChartTable } from './ChartFigure';
