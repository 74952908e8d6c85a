// The browser tests. Each is a named async function taking a context
// { page, frontend, entities, token } and throwing on failure.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogApi } from './backendApi.mjs';
import { expectEventually, expectVisible, reEscape } from './expect.mjs';
import { FIRST_LOAD_TIMEOUT, openSignedIn, sidebar } from './session.mjs';
import { userPathTests } from './userPaths.mjs';

export { FIRST_LOAD_TIMEOUT, openSignedIn };

/**
 * The value shown for a labelled field of the tab (a <dt>/<dd> pair of the
 * "Reliability metadata" card), e.g. fieldValue(page, 'RTO').
 */
const fieldValue = (page, label) =>
  page
    .locator('dt')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .first()
    .locator('xpath=following-sibling::dd[1]');

/** Waits until a labelled field reads exactly `value`. */
async function expectField(page, label, value, timeout) {
  await expectEventually(
    page,
    async () =>
      (await fieldValue(page, label).textContent({ timeout: 1000 }))?.trim() ===
      value,
    `the field "${label}" to read "${value}"`,
    timeout,
  );
}

const T = 15000;

/**
 * Waits until the overview shows `locator`: the backend evaluates every
 * entity at startup, so the page is reloaded until it has.
 */
async function untilEvaluated(page, locator, description) {
  await expectEventually(
    page,
    async () => {
      if (await locator.isVisible()) return true;
      await page.waitForTimeout(3000);
      if (await locator.isVisible()) return true;
      await page.reload({ waitUntil: 'domcontentloaded' });
      return false;
    },
    description,
    90000,
  );
}

/** The texts a table cell may show for an entity: its title and its name. */
function namesOf(entity, fallbackName) {
  const names = [fallbackName];
  if (entity?.metadata?.title) names.unshift(entity.metadata.title);
  return names;
}

export const tests = [
  async function reliabilityTabOfAnExemplaryService({ page, frontend }) {
    const url = `${frontend}/catalog/default/component/orders/reliability`;
    await openSignedIn(page, url);
    await expectVisible(
      page,
      page.getByRole('tab', { name: 'Reliability', exact: true }),
      'a tab named "Reliability" on the entity page',
      T,
    );
    await expectField(page, 'Tier', 'tier-0', T);
    const runbook = await expectVisible(
      page,
      page.getByRole('link', { name: 'Runbook', exact: true }),
      'a link named "Runbook"',
      T,
    );
    const href = await runbook.getAttribute('href');
    if (href !== 'https://wiki.example.com/runbooks/orders') {
      throw new Error(
        `expected the "Runbook" link on ${page.url()} to point to https://wiki.example.com/runbooks/orders, but its href is ${JSON.stringify(
          href,
        )}`,
      );
    }
    await expectField(page, 'RTO', '1h', T);
    await expectField(page, 'RPO', '15m', T);
    const path = new URL(page.url()).pathname;
    if (path !== '/catalog/default/component/orders/reliability') {
      throw new Error(
        `expected to stay on /catalog/default/component/orders/reliability, but the URL is ${page.url()}`,
      );
    }
  },

  async function reliabilityTabOfTheInvalidExample({ page, frontend }) {
    const url = `${frontend}/catalog/default/component/legacy-reports/reliability`;
    await openSignedIn(page, url);
    await expectVisible(
      page,
      page.getByText(/Metadata errors/),
      'the text "Metadata errors"',
      T,
    );
    await expectVisible(
      page,
      page.getByText('metadata.annotations.vigil/tier'),
      'text containing "metadata.annotations.vigil/tier"',
      T,
    );
    await expectVisible(
      page,
      page.getByText('expected one of tier-0'),
      'text containing "expected one of tier-0"',
      T,
    );
    await expectVisible(
      page,
      page.getByText(/tier-5/),
      'text containing the bad value "tier-5"',
      T,
    );
  },

  async function reliabilityOverview({ page, frontend, entities }) {
    await openSignedIn(page, `${frontend}/`);
    const item = sidebar(page).getByRole('link', {
      name: 'Reliability',
      exact: true,
    });
    await expectVisible(page, item, 'the sidebar item "Reliability"', T);
    await item.click();
    await expectEventually(
      page,
      () => new URL(page.url()).pathname === '/reliability',
      'the URL path to become /reliability after clicking the sidebar item',
      T,
    );
    await expectVisible(
      page,
      page.getByRole('heading', { name: 'Reliability overview' }),
      'a heading "Reliability overview"',
      T,
    );

    const rowOf = names => {
      const cellText = new RegExp(
        `^\\s*(${names.map(reEscape).join('|')})\\s*$`,
      );
      return page.getByRole('row').filter({ has: page.getByText(cellText) });
    };
    const orders = namesOf(entities['component/default/orders'], 'orders');
    const ordersRow = rowOf(orders);
    await expectVisible(
      page,
      ordersRow,
      `a table row for the orders service (a cell reading ${orders
        .map(n => `"${n}"`)
        .join(' or ')})`,
      T,
    );
    await expectVisible(
      page,
      ordersRow.getByText('tier-0', { exact: true }),
      '"tier-0" in the same row as the orders service',
      T,
    );
    // Backstage scrolls inside its page, not the document, so a full-page
    // screenshot shows only the top of the table: bring the evidence into view.
    await ordersRow.first().scrollIntoViewIfNeeded();
    const legacy = namesOf(
      entities['component/default/legacy-reports'],
      'legacy-reports',
    );
    await expectVisible(
      page,
      rowOf(legacy),
      `a table row for legacy-reports (a cell reading ${legacy
        .map(n => `"${n}"`)
        .join(' or ')})`,
      T,
    );
  },
];

/** A tier-0 service that meets the dev policy, with a given RTO. */
const liveEditEntity = rto => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: e2e-ledger
  title: E2E Ledger
  annotations:
    vigil/tier: tier-0
    vigil/runbook: https://wiki.example.com/runbooks/e2e-ledger
    vigil/dashboard: https://grafana.example.com/d/e2e-ledger
    vigil/rto: ${rto}
    vigil/rpo: 15m
    vigil/dr-strategy: warm-standby
    vigil/dr-tested: ${new Date().toISOString().slice(0, 10)}
    pagerduty.com/service-id: PE2E
spec: { type: service, lifecycle: production, owner: billing-team }
`;

tests.push(
  async function policyFindingsUnderWarn({ page, frontend }) {
    // returns is tier-1: the dev policy warns there (examples/policy-violations.yaml).
    await openSignedIn(
      page,
      `${frontend}/catalog/default/component/returns/reliability`,
    );
    const panel = page.getByRole('alert', { name: 'Policy findings' });
    await expectVisible(page, panel, 'a "Policy findings" panel', T);
    await expectVisible(
      page,
      panel.getByText('metadata.annotations.vigil/rto has "8h"'),
      'the RTO finding naming the field and the value "8h"',
      T,
    );
    await expectVisible(
      page,
      panel.getByText(/Warning: the catalog admits this entity/),
      'the explanation of the warn mode',
      T,
    );
  },

  async function sloEntitiesRelatedToServiceAndOwner({ page, frontend }) {
    await openSignedIn(
      page,
      `${frontend}/catalog/default/component/orders/reliability`,
    );
    const slo = page.getByRole('link', {
      name: /orders-availability|Orders API availability/i,
    });
    await expectVisible(
      page,
      slo.first(),
      'a link to the SLO orders-availability (hasSLO relation) on the Reliability tab',
      T,
    );
    await slo.first().click();
    await expectEventually(
      page,
      () =>
        new URL(page.url()).pathname ===
        '/catalog/default/slo/orders-availability',
      'the SLO entity page to open',
      T,
    );
    // Its owner comes from the SLO's vigil/owner annotation: the SRE group.
    await expectVisible(
      page,
      page.getByRole('link', { name: /^sre$|^SRE$/ }).first(),
      'the owner SRE on the SLO entity page (ownedBy relation)',
      T,
    );
  },

  async function enforcedEditKeepsLastGoodVersion({ page, frontend, token }) {
    const file = fileURLToPath(
      new URL('../results/live-edit.yaml', import.meta.url),
    );
    writeFileSync(file, liveEditEntity('1h'));
    const created = await catalogApi(token, 'POST', '/locations', {
      type: 'file',
      target: file,
    });
    if (created.status !== 201 && created.status !== 409) {
      throw new Error(
        `registering ${file} answered ${created.status}: ${JSON.stringify(
          created.body,
        )}`,
      );
    }
    const byName = '/entities/by-name/component/default/e2e-ledger';
    await expectEventually(
      page,
      async () => (await catalogApi(token, 'GET', byName)).status === 200,
      'the compliant tier-0 service e2e-ledger to be admitted',
      60000,
    );

    // Break the policy (tier-0 allows an RTO of at most 1h) and refresh.
    writeFileSync(file, liveEditEntity('4h'));
    await expectEventually(
      page,
      async () => {
        await catalogApi(token, 'POST', '/refresh', {
          entityRef: 'component:default/e2e-ledger',
        });
        const { body } = await catalogApi(token, 'GET', byName);
        return (body?.status?.items ?? []).length > 0;
      },
      'a processing error on e2e-ledger after the edit',
      60000,
    );
    await openSignedIn(
      page,
      `${frontend}/catalog/default/component/e2e-ledger`,
    );
    await expectVisible(
      page,
      page.getByText(/metadata\.annotations\.vigil\/rto has "4h"/).first(),
      'the processing error naming the RTO field and "4h" on the entity page',
      T,
    );
    // The catalog kept the last good version: the tab still shows 1h.
    await page.getByRole('tab', { name: 'Reliability', exact: true }).click();
    await expectField(page, 'RTO', '1h', T);
  },
);

tests.push(async function errorBudgetsFromDemoTraffic({ page, frontend }) {
  // The dev backend pushes DEMO DATA: inventory's budget is exhausted.
  // Budgets are evaluated on a schedule, so reload until it shows.
  const url = `${frontend}/catalog/default/component/inventory/reliability`;
  await openSignedIn(page, url);
  const gate = page.getByRole('heading', { name: /^Deploy gate: / });
  await expectEventually(
    page,
    async () => {
      // Let the tab load fully before judging, then reload for a newer answer.
      await gate.waitFor({ timeout: 20000 });
      if ((await gate.textContent()) === 'Deploy gate: blocked') return true;
      await page.waitForTimeout(5000);
      await page.reload({ waitUntil: 'domcontentloaded' });
      return false;
    },
    'the deploy gate of inventory to be "blocked" by its exhausted budget',
    150000,
  );
  await expectVisible(
    page,
    page.getByText('exhausted', { exact: true }).first(),
    'the state "exhausted" of inventory-availability',
    T,
  );
  await expectVisible(
    page,
    page.getByText(/bad of [\d,]+ events · SLI/).first(),
    'the inputs behind the budget (bad and total events, SLI)',
    T,
  );
});

/** Parses CSV text (RFC 4180: quoted fields, "" inside quotes, CRLF) into rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let fieldText = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        fieldText += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        fieldText += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(fieldText);
      fieldText = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(fieldText);
      rows.push(row);
      row = [];
      fieldText = '';
    } else {
      fieldText += c;
    }
  }
  if (fieldText !== '' || row.length) {
    row.push(fieldText);
    rows.push(row);
  }
  return rows;
}

/** `/catalog/default/component/orders/reliability` → `component:default/orders` */
function refOfTabLink(href) {
  const m = /\/catalog\/([^/]+)\/([^/]+)\/([^/]+)\/reliability$/.exec(
    new URL(href, 'http://x').pathname,
  );
  return m
    ? `${decodeURIComponent(m[2])}:${decodeURIComponent(
        m[1],
      )}/${decodeURIComponent(m[3])}`.toLowerCase()
    : null;
}

tests.push(
  async function sreLeadFiltersTheOverviewToTier0SortsByGapAndDownloadsACsvWhoseRowsMatchTheTable({
    page,
    frontend,
  }) {
    await openSignedIn(page, `${frontend}/reliability`);
    await expectVisible(
      page,
      page.getByRole('heading', { name: 'Reliability overview' }),
      'a heading "Reliability overview"',
      T,
    );
    const table = page.getByRole('table', { name: 'Entities', exact: true });
    await untilEvaluated(
      page,
      table,
      'the "Entities" table of the overview (entities evaluated by the backend)',
    );

    // Filter to tier-0.
    const tier0 = page
      .getByRole('group', { name: 'Tier', exact: true })
      .getByRole('button', { name: 'tier-0', exact: true });
    await tier0.click();
    await expectEventually(
      page,
      async () => (await tier0.getAttribute('aria-pressed')) === 'true',
      'the "tier-0" filter button to be pressed',
      T,
    );
    await expectEventually(
      page,
      () => new URL(page.url()).searchParams.get('tier') === 'tier-0',
      'tier=tier-0 in the URL after pressing "tier-0"',
      T,
    );

    // Sort by gap: the table starts with the biggest gaps first (the
    // default); the first click turns it round, the second brings it back,
    // now written in the URL.
    const gapHeader = table.getByRole('columnheader', { name: /^Gap/ });
    const gapButton = gapHeader.getByRole('button', { name: 'Gap' });
    for (const direction of ['ascending', 'descending']) {
      await gapButton.click();
      await expectEventually(
        page,
        async () => (await gapHeader.getAttribute('aria-sort')) === direction,
        `the "Gap" column to be sorted ${direction}`,
        T,
      );
    }
    await expectEventually(
      page,
      () => {
        const q = new URL(page.url()).searchParams;
        return q.get('sort') === 'gap' && q.get('order') === 'desc';
      },
      'sort=gap&order=desc in the URL',
      T,
    );
    // Wait until the rows on screen answer that query.
    await expectEventually(
      page,
      async () => {
        const [busy, query] = await Promise.all([
          table.getAttribute('aria-busy'),
          table.getAttribute('data-query'),
        ]);
        const q = new URLSearchParams(query ?? '');
        return (
          busy === 'false' &&
          q.get('tier') === 'tier-0' &&
          q.get('sort') === 'gap' &&
          q.get('order') === 'desc'
        );
      },
      'the table to show the tier-0 rows sorted by gap',
      T,
    );

    // What the table shows.
    const status = await expectVisible(
      page,
      page.getByRole('status').filter({ hasText: /match(es)? the filters/ }),
      'the count of entities matching the filters',
      T,
    );
    const statusText = (await status.textContent()).trim();
    const total = Number(
      /^([\d,]+) entit/.exec(statusText)?.[1]?.replace(/,/g, ''),
    );
    if (!(total > 0)) {
      throw new Error(
        `expected some tier-0 entities, but the page says "${statusText}"`,
      );
    }
    const headers = (await table.locator('thead th').allTextContents()).map(t =>
      t.trim(),
    );
    const col = name => {
      const i = headers.indexOf(name);
      if (i < 0)
        throw new Error(`no "${name}" column in ${JSON.stringify(headers)}`);
      return i;
    };
    const tierCol = col('Tier');
    const gapCol = col('Gap');
    const shown = [];
    for (const row of await table.locator('tbody tr').all()) {
      const cells = (await row.locator('td').allTextContents()).map(t =>
        t.trim(),
      );
      const href = await row.getByRole('link').first().getAttribute('href');
      shown.push({
        ref: refOfTabLink(href),
        tier: cells[tierCol],
        gap: cells[gapCol],
      });
    }
    // 50 rows a page by default: the first page holds min(total, 50) rows.
    if (shown.length !== Math.min(total, 50)) {
      throw new Error(
        `expected ${Math.min(
          total,
          50,
        )} table rows for "${statusText}", found ${shown.length}`,
      );
    }
    const notTier0 = shown.filter(r => r.tier !== 'tier-0');
    if (notTier0.length) {
      throw new Error(
        `expected only tier-0 rows, but ${notTier0
          .map(r => `${r.ref} (${r.tier})`)
          .join(', ')} are shown`,
      );
    }
    const gaps = shown.map(r => (r.gap === '—' ? -1 : Number(r.gap)));
    if (gaps.some((g, i) => i > 0 && g > gaps[i - 1])) {
      throw new Error(
        `expected gaps in descending order, but the table shows ${gaps.join(
          ', ',
        )}`,
      );
    }
    await table.scrollIntoViewIfNeeded();

    // Download the CSV and compare it with the table.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: T }),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    if (download.suggestedFilename() !== 'reliability-overview.csv') {
      throw new Error(
        `expected the download to be named reliability-overview.csv, not ${download.suggestedFilename()}`,
      );
    }
    const csvFile = fileURLToPath(
      new URL('../results/reliability-overview-tier-0.csv', import.meta.url),
    );
    await download.saveAs(csvFile);
    const [header, ...records] = parseCsv(readFileSync(csvFile, 'utf8')).filter(
      r => r.length > 1 || r[0] !== '',
    );
    const at = name => {
      const i = header.indexOf(name);
      if (i < 0)
        throw new Error(`the CSV has no "${name}" column: ${header.join(',')}`);
      return i;
    };
    const csv = records.map(r => ({
      ref: r[at('entityRef')].toLowerCase(),
      tier: r[at('tier')],
      gap: r[at('gapCount')] === '' ? -1 : Number(r[at('gapCount')]),
    }));
    if (csv.length !== total) {
      throw new Error(
        `expected the CSV to have ${total} rows (the page says "${statusText}"), but it has ${csv.length}`,
      );
    }
    const csvNotTier0 = csv.filter(r => r.tier !== 'tier-0');
    if (csvNotTier0.length) {
      throw new Error(
        `expected only tier-0 rows in the CSV, but it has ${csvNotTier0
          .map(r => r.ref)
          .join(', ')}`,
      );
    }
    const mismatch = shown.findIndex(
      (r, i) => r.ref !== csv[i].ref || gaps[i] !== csv[i].gap,
    );
    if (mismatch >= 0) {
      throw new Error(
        `row ${mismatch + 1} differs: the table shows ${
          shown[mismatch].ref
        } (gap ${shown[mismatch].gap}), the CSV has ${csv[mismatch].ref} (gap ${
          csv[mismatch].gap
        }); table: ${shown.map(r => r.ref).join(' ')}; CSV: ${csv
          .map(r => r.ref)
          .join(' ')}`,
      );
    }
  },
);

tests.push(async function sreLeadClosesAndOpensAGroupOfTheOverviewsOwnerTree({
  page,
  frontend,
}) {
  await openSignedIn(page, `${frontend}/reliability`);
  const byOwner = page.getByRole('table', {
    name: 'Reliability by owner',
    exact: true,
  });
  await untilEvaluated(
    page,
    byOwner,
    'the "Reliability by owner" table of the overview',
  );
  await byOwner.scrollIntoViewIfNeeded();
  // The example organisation is small: the whole tree shows, open.
  const toggle = byOwner.getByRole('button', {
    name: /^Sub-groups of Engineering \(\d+\)$/,
  });
  const platform = byOwner.getByRole('button', {
    name: 'Filter by owner Platform',
    exact: true,
  });
  await expectVisible(page, platform, 'the Platform row under Engineering', T);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') {
    throw new Error('expected Engineering to show its sub-groups at first');
  }

  await toggle.click();
  await expectEventually(
    page,
    async () =>
      (await toggle.getAttribute('aria-expanded')) === 'false' &&
      (await platform.count()) === 0,
    'Engineering closed: its sub-group Platform no longer listed',
    T,
  );
  await toggle.click();
  await expectVisible(page, platform, 'the Platform row listed again', T);
});

// A developer fixes a missing runbook; a platform engineer grants an exemption.
tests.push(...userPathTests);

/** "reliabilityTabOfAnExemplaryService" → "reliability tab of an exemplary service" */
export function testName(fn) {
  return fn.name
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .trim();
}

/** File-name slug of a test name. */
export function slug(name) {
  return name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}
