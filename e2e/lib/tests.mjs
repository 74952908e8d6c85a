// The browser tests. Each is a named async function taking a context
// { page, frontend, entities, token } and throwing on failure.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectEventually, expectVisible, reEscape } from './expect.mjs';

const BACKEND = 'http://localhost:7007';

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

export const FIRST_LOAD_TIMEOUT = 30000; // the dev server compiles on first request
const T = 15000;

// Backstage's <nav aria-label="sidebar nav"> has an empty box (its drawer is
// position: fixed), so Playwright never calls it visible: wait for its links.
const sidebar = page => page.getByRole('navigation', { name: 'sidebar nav' });
const shell = page => sidebar(page).getByRole('link');

/**
 * Opens url and gets past the sign-in page: it auto-selects the guest
 * provider; on a fresh browser it may show a card with an "Enter" button.
 */
export async function openSignedIn(page, url, timeout = FIRST_LOAD_TIMEOUT) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
  const enter = page.getByRole('button', { name: 'Enter', exact: true });
  await expectVisible(
    page,
    shell(page).or(enter),
    'the app shell (sidebar links) or the guest sign-in "Enter" button',
    timeout,
  );
  if (await enter.isVisible().catch(() => false)) {
    await enter.click();
  }
  await expectVisible(
    page,
    shell(page),
    'the app shell (sidebar links) after guest sign-in',
    timeout,
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

/** Calls the catalog API as the guest. */
async function catalogApi(token, method, path, body) {
  const res = await fetch(`${BACKEND}/api/catalog${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

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
