/**
 * The overview table's coverage marks (a ticked circle for a check that
 * passes, a struck circle for one that is missing), drawn as a CSS
 * `::before` of the label. The shape is an SVG mask, so the mark takes the
 * theme's colour; it carries no text, so screen readers read only the
 * label and its visually hidden "yes" / "missing".
 */
const SHAPES = {
  covered:
    "<circle cx='12' cy='12' r='9' fill='none' stroke='black' stroke-width='2'/>" +
    "<path d='M7.5 12.5l3 3 6-6.5' fill='none' stroke='black' stroke-width='2.2'/>",
  missing:
    "<circle cx='12' cy='12' r='9' fill='none' stroke='black' stroke-width='2'/>" +
    "<path d='M7.5 12h9' stroke='black' stroke-width='2.2'/>",
};

function maskOf(shape: keyof typeof SHAPES) {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'>${SHAPES[shape]}</svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

const MASKS = { covered: maskOf('covered'), missing: maskOf('missing') };

/** The `::before` rule that draws the mark in `color`. */
export function coverageMark(shape: keyof typeof SHAPES, color: string) {
  return {
    content: '""',
    display: 'inline-block',
    width: '1em',
    height: '1em',
    marginRight: 2,
    verticalAlign: '-0.15em',
    backgroundColor: color,
    maskImage: MASKS[shape],
    maskSize: '100% 100%',
    maskRepeat: 'no-repeat',
  };
}
