import { isHttpUrl, isoDateMs, isoDayOfMs, isIsoDate } from './textFormats';

/** The reading isHttpUrl must agree with: a URL object and its protocol. */
function referenceIsHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The reading isIsoDate must agree with: a Date and its ISO string. */
function referenceIsIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

const URLS = [
  'https://wiki.example.com/runbooks/orders',
  'http://grafana.example.com/d/orders?from=now-1h#panel',
  'HTTP://EXAMPLE.COM',
  'HtTpS://example.com',
  'https:foo',
  'http:foo',
  'https:/foo',
  'https:///foo',
  'https://',
  'http://',
  'https:',
  'https://?x',
  'https://#x',
  '  https://example.com',
  'https://example.com  ',
  '\thttps://example.com\n',
  '\u0000https://example.com',
  'ht\ttps://example.com',
  'ht\ntps://example.com',
  'https\r://example.com',
  'h ttps://example.com',
  ' h\ttps://example.com',
  '\u00a0https://example.com',
  '\u2028https://example.com',
  'https://exa mple.com',
  'https://exa\tmple.com',
  'https://[::1]/',
  'https://[::1',
  'https://example.com:99999',
  'https://example.com:65535/x',
  'https://user:pw@example.com',
  'https://%zz.com',
  'https://a%20b.com',
  'https://ünicode.example',
  'https://xn--nxasmq6b.com',
  'https:\\\\example.com',
  'http://256.256.256.256',
  'http://1.2.3.4',
  'http://0x7f.1',
  'https://example.com/\u0000',
  'https://exa\u0000mple.com',
  'https//example.com',
  'httpx://example.com',
  'httpss://example.com',
  'ftp://example.com',
  'file:///etc/passwd',
  'mailto:sre@example.com',
  'tel:+15550100',
  'data:text/plain,hi',
  'wiki/orders',
  '/runbooks/orders',
  '//example.com/runbooks',
  'not a url',
  'example.com',
  '',
  ' ',
  '\t',
  ':',
  'http',
  'https',
];

describe('isHttpUrl', () => {
  it.each(URLS.map(url => [JSON.stringify(url), url]))(
    'reads %s as new URL does',
    (_shown, url) => {
      expect(isHttpUrl(url)).toBe(referenceIsHttpUrl(url));
    },
  );

  it('agrees with new URL on hosts near the plain-URL fast path', () => {
    const hosts = ['a', 'a.b1', 'a1.b', '9a.com', 'a.9', '1.2.3.4', 'a.0x1'];
    hosts.push('xn--abc.com', 'xn--nxasmq6b.com', 'a--b.com', 'a-.b', '-a.b');
    hosts.push('a..b', 'a.b.', '.a.b', 'a_b.c', 'a.b:8080', 'a.b:99999');
    for (const host of hosts) {
      for (const path of ['', '/', '/runbooks/s5', '/a/../..', '//c', '/%zz']) {
        const url = `https://${host}${path}`;
        expect([url, isHttpUrl(url)]).toEqual([url, referenceIsHttpUrl(url)]);
      }
    }
  });

  it('accepts http and https URLs, rejects the rest', () => {
    expect(isHttpUrl('https://wiki.example.com/runbooks/orders')).toBe(true);
    expect(isHttpUrl('  HTTP://example.com')).toBe(true);
    expect(isHttpUrl('https:foo')).toBe(true);
    expect(isHttpUrl('https://')).toBe(false);
    expect(isHttpUrl('ftp://example.com')).toBe(false);
    expect(isHttpUrl('wiki/orders')).toBe(false);
  });

  it('keeps agreeing once optimised, Latin-1 letters included', () => {
    const urls = ['https://ünicode.example', 'https://example.com/café'];
    for (let i = 0; i < 20_000; i++) {
      const url = i % 3 === 0 ? urls[i % 2] : `https://example.com/${i}`;
      if (!isHttpUrl(url)) throw new Error(`rejected ${url} (call ${i})`);
    }
    expect(isHttpUrl(urls[0])).toBe(true);
  });

  it('agrees with new URL without URL.canParse too', () => {
    const canParse = URL.canParse;
    jest.isolateModules(() => {
      try {
        (URL as { canParse?: unknown }).canParse = undefined;
        const isolated =
          require('./textFormats') as typeof import('./textFormats');
        for (const url of URLS) {
          expect([url, isolated.isHttpUrl(url)]).toEqual([
            url,
            referenceIsHttpUrl(url),
          ]);
        }
      } finally {
        URL.canParse = canParse;
      }
    });
  });
});

describe('isIsoDate', () => {
  const dates: string[] = [];
  for (const year of ['0000', '0001', '1900', '2000', '2024', '2026', '9999']) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) {
        const mm = String(month).padStart(2, '0');
        const dd = String(day).padStart(2, '0');
        dates.push(`${year}-${mm}-${dd}`);
      }
    }
  }
  dates.push(
    '2026-1-01',
    '2026-01-1',
    '26-01-01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '2026-01-01 ',
    '2026/01/01',
    '２０２６-01-01',
    '',
  );

  it('reads every date as a Date and its ISO string do', () => {
    const disagreements = dates.filter(
      date => isIsoDate(date) !== referenceIsIsoDate(date),
    );
    expect(disagreements).toEqual([]);
  });

  it('knows leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });
});

describe('isoDateMs and isoDayOfMs', () => {
  const DAY_MS = 86_400_000;

  it('parse as Date.parse does, for every kind of text', () => {
    const texts = ['2026-10-01', '0000-01-01', '9999-12-31', '2024-02-29'];
    texts.push('2023-02-29', '2026-13-01', ' 2026-01-01', '+002026-01-01', '');
    for (let year = 1890; year < 2110; year++) {
      for (const day of ['01-01', '02-28', '02-29', '03-01', '12-31']) {
        texts.push(`${year}-${day}`);
      }
    }
    for (const text of texts) {
      expect(isoDateMs(text)).toEqual(Date.parse(`${text}T00:00:00Z`));
    }
  });

  it('format as toISOString does, inside and outside years 0000-9999', () => {
    const reference = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const times = [0, -1, 1, -0.5, 0.5, 253402300800000, -62167219200001];
    for (let day = -3000; day < 80000; day += 7) {
      times.push(day * DAY_MS, day * DAY_MS - 1, day * DAY_MS + 3_600_000);
    }
    for (const ms of times) {
      expect(isoDayOfMs(ms)).toBe(reference(ms));
    }
    expect(() => isoDayOfMs(NaN)).toThrow(RangeError);
  });
});
