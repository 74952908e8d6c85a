/**
 * The overview table's coverage marks (a ticked circle for a check that
 * passes, a struck circle for one that is missing), drawn as a CSS
 * `::before` of the label. The shape is an SVG background in the theme's
 * colour rather than a mask, which is an effect of its own for the
 * browser to paint and composite, 200 times a page (the overview
 * benchmark showed no clear difference; see the README). The mark carries
 * no text, so screen readers read only the label and its visually hidden
 * "yes" / "missing".
 */
const SHAPES = {
  covered: (color: string) =>
    `<circle cx='12' cy='12' r='9' fill='none' stroke='${color}' stroke-width='2'/>` +
    `<path d='M7.5 12.5l3 3 6-6.5' fill='none' stroke='${color}' stroke-width='2.2'/>`,
  missing: (color: string) =>
    `<circle cx='12' cy='12' r='9' fill='none' stroke='${color}' stroke-width='2'/>` +
    `<path d='M7.5 12h9' stroke='${color}' stroke-width='2.2'/>`,
};

/**
 * A colour as an SVG attribute value: the theme's colours (names, hex,
 * rgb(a), hsl(a)) pass; anything that could end the attribute, or that
 * only a page can resolve (`var(…)`, `currentColor` passes but draws
 * black), becomes grey rather than breaking the image.
 */
function svgColor(color: string): string {
  return /^[#\w\s(),.%-]+$/.test(color) && !/var\(/i.test(color)
    ? color
    : 'gray';
}

/** The shape in `color` as a CSS image. */
export function markImage(shape: keyof typeof SHAPES, color: string): string {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'>${SHAPES[
    shape
  ](svgColor(color))}</svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

/**
 * The `::before` rule that draws the mark in `color`. In forced colours
 * (Windows high contrast) the shape becomes a mask over the system's text
 * colour: the theme's colour could vanish on the system's background.
 */
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
    '@media (forced-colors: active)': {
      backgroundImage: 'none',
      backgroundColor: 'CanvasText',
      maskImage: markImage(shape, 'black'),
      maskSize: '100% 100%',
      maskRepeat: 'no-repeat',
    },
  };
}
