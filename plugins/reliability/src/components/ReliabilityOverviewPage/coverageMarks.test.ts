import { coverageMark, markImage } from './coverageMarks';

const svgOf = (image: string) =>
  decodeURIComponent(
    image.replace(/^url\("data:image\/svg\+xml,(.*)"\)$/, '$1'),
  );

describe('coverage marks', () => {
  it('draws each shape in the colour given, for any CSS colour', () => {
    const covered = svgOf(markImage('covered', '#1f5493'));
    expect(covered).toMatch(/^<svg xmlns='http:\/\/www.w3.org\/2000\/svg'/);
    expect(covered.match(/stroke='#1f5493'/g)).toHaveLength(2);
    const missing = svgOf(markImage('missing', 'rgba(0, 0, 0, 0.54)'));
    expect(missing.match(/stroke='rgba\(0, 0, 0, 0.54\)'/g)).toHaveLength(2);
    expect(missing).not.toEqual(covered);
  });

  it('encodes the image for a CSS url("…"): no raw quote or hash', () => {
    const image = markImage('covered', '#1f5493');
    const inside = image.slice('url("'.length, -'")'.length);
    expect(inside).not.toMatch(/["#\s]/);
    expect(inside).toContain('%231f5493');
  });

  it('draws grey for a colour that would break the image or that only a page resolves', () => {
    for (const bad of ["red' onload='x", 'var(--mark)', '<b>', 'a&b']) {
      const svg = svgOf(markImage('covered', bad));
      expect(svg.match(/stroke='gray'/g)).toHaveLength(2);
    }
  });

  it('is a background of the label, not a mask', () => {
    const rule = coverageMark('covered', 'red');
    expect(rule.backgroundImage).toBe(markImage('covered', 'red'));
    expect(rule).not.toHaveProperty('maskImage');
    // Except in forced colours, where the system's text colour shows.
    expect(rule['@media (forced-colors: active)']).toMatchObject({
      backgroundImage: 'none',
      backgroundColor: 'CanvasText',
      maskImage: markImage('covered', 'black'),
    });
  });
});
