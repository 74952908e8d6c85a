import { own } from './problems';

describe('own', () => {
  it('reads own values, and treats null (YAML "key:") as absent', () => {
    expect(own({ a: 1, b: null, c: 'x' }, 'a')).toBe(1);
    expect(own({ a: 1, b: null }, 'b')).toBeUndefined();
    expect(own({ a: 1 }, 'missing')).toBeUndefined();
    expect(own({ a: 0, b: false, c: '' }, 'a')).toBe(0);
    expect(own({ a: 0, b: false, c: '' }, 'b')).toBe(false);
    expect(own({ a: 0, b: false, c: '' }, 'c')).toBe('');
  });

  it('never reads a value the document does not hold itself', () => {
    expect(own({}, 'constructor')).toBeUndefined();
    expect(own({}, 'toString')).toBeUndefined();
    expect(own(Object.create({ spec: { x: 1 } }), 'spec')).toBeUndefined();
    const bare = Object.assign(Object.create(null), { kind: 'SLO' });
    expect(own(bare, 'kind')).toBe('SLO');
    expect(own(bare, 'hasOwnProperty')).toBeUndefined();
  });
});
