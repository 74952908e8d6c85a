import { escapeXml } from './report';

describe('escapeXml', () => {
  it.each([
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d', 'a &amp; b &lt; c &gt; d'],
    ['say "hi" it\'s', "say &quot;hi&quot; it's", 'say "hi" it\'s'],
    ['line\nnext\ttab\r', 'line&#10;next&#9;tab&#13;', 'line\nnext\ttab&#13;'],
    ['bell\u0007nul\u0000', 'bell\uFFFDnul\uFFFD', 'bell\uFFFDnul\uFFFD'],
    ['lone \uD800 surrogate', 'lone \uFFFD surrogate', 'lone \uFFFD surrogate'],
    [
      'pair \uD83D\uDE00 kept',
      'pair \uD83D\uDE00 kept',
      'pair \uD83D\uDE00 kept',
    ],
    ['\uFFFE\uFFFF', '\uFFFD\uFFFD', '\uFFFD\uFFFD'],
    [']]> stays', ']]&gt; stays', ']]&gt; stays'],
  ])('%j → attribute %j, text %j', (input, attribute, text) => {
    expect(escapeXml(input)).toBe(attribute);
    expect(escapeXml(input, false)).toBe(text);
  });
});
