/**
 * The overview table's coverage marks (a ticked circle for a check that
 * passes, a struck circle for one that is missing), drawn as a CSS
 * `::before` of the label. The shape is an SVG background in the theme's
 * colour, not a mask: each of a page's 200 masks is an effect of its own
 * for the browser to paint and composite (the plugin's README has the
 * benchmark's figures). The mark carries no text, so screen readers read
 * only the label and its visually hidden "yes" / "missing".
 */
const SHAPES = {
  covered: (color: string) =>
    `<circle cx='12' cy='12' r='9' fill='none' stroke='${color}' stroke-width='2'/>` +
    `<path d='M7.5 12.5l3 3 6-6.5' fill='none' stroke='${color}' stroke-width='2.2'/>`,
  missing: (color: string) =>
    `<circle cx='12' cy='12' r='9' fill='none' stroke='${color}' stroke-width='2'/>` +
    `<path d='M7.5 12h9' stroke='${color}' stroke-width='2.2'/>`,
};

/** The shape in `color` as a CSS image. */
export function markImage(shape: keyof typeof SHAPES, color: string): string {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'>${SHAPES[
    shape
  ](color)}</svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

/** The `::before` rule that draws the mark in `color`. */
export function coverageMark(shape: keyof typeof SHAPES, color: string) {
  return {
    content: '""',
    display: 'inline-block',
    width: '1em',
    height: '1em',
    marginRight: 2,
    verticalAlign: '-0.15em',
    backgroundImage: markImage(shape, color),
    backgroundSize: '100% 100%',
    backgroundRepeat: 'no-repeat',
  };
}
