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

  it('is a background of the label, not a mask', () => {
    const rule = coverageMark('covered', 'red');
    expect(rule.backgroundImage).toBe(markImage('covered', 'red'));
    expect(rule).not.toHaveProperty('maskImage');
  });
});
