// End-to-end tests of two user paths on the Reliability tab: a developer
// fixes a missing runbook and sees the score rise; a platform engineer
// grants an exemption and sees it counted, with its expiry.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogApi, registerFile } from './backendApi.mjs';
import { expectEventually, expectVisible } from './expect.mjs';
import { openSignedIn } from './session.mjs';

const T = 15000;
const file = fileURLToPath(
  new URL('../results/user-paths.yaml', import.meta.url),
);

/**
 * Two tier-2 services (the dev policy warns on tier-2, so both are
 * admitted): e2e-payments without a runbook, e2e-search without on-call.
 */
const userPathEntities = ({
  paymentsRunbook,
}) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: e2e-payments
  title: E2E Payments
  annotations:
    vigil/tier: tier-2
    pagerduty.com/service-id: PE2EPAY
${
  paymentsRunbook
    ? '    vigil/runbook: https://wiki.example.com/runbooks/e2e-payments\n'
    : ''
}spec: { type: service, lifecycle: production, owner: billing-team }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: e2e-search
  title: E2E Search
  annotations:
    vigil/tier: tier-2
    vigil/runbook: https://wiki.example.com/runbooks/e2e-search
spec: { type: service, lifecycle: production, owner: billing-team }
`;

async function ensureEntities(page, token) {
  try {
    readFileSync(file);
  } catch {
    writeFileSync(file, userPathEntities({ paymentsRunbook: false }));
  }
  await registerFile(token, file, ['e2e-payments', 'e2e-search'], (fn, what) =>
    expectEventually(page, fn, what, 60000),
  );
}

/**
 * Writes e2e-payments with or without its runbook and waits until the
 * catalog has read it (a catalog-info.yaml edit, as a developer makes it).
 */
async function writePayments(page, token, withRunbook) {
  writeFileSync(file, userPathEntities({ paymentsRunbook: withRunbook }));
  await expectEventually(
    page,
    async () => {
      await catalogApi(token, 'POST', '/refresh', {
        entityRef: 'component:default/e2e-payments',
      });
      const { body } = await catalogApi(
        token,
        'GET',
        '/entities/by-name/component/default/e2e-payments',
      );
      return (
        Boolean(body?.metadata?.annotations?.['vigil/runbook']) === withRunbook
      );
    },
    `the catalog to hold e2e-payments ${
      withRunbook ? 'with' : 'without'
    } vigil/runbook`,
    60000,
  );
}

const gapList = page => page.getByRole('list', { name: 'Readiness gap' });
const allChecks = page =>
  page.getByRole('list', { name: 'All readiness checks' });

/** The score the tab shows now ("Score 62.5 · level …"). */
async function shownScore(page) {
  const headline = await expectVisible(
    page,
    page.getByText(/^Score [\d.]+ · level/),
    'the score headline "Score N · level …"',
    T,
  );
  return Number(/^Score ([\d.]+)/.exec(await headline.textContent())[1]);
}

async function reEvaluate(page) {
  await page.getByRole('button', { name: 'Re-evaluate now' }).click();
  await expectVisible(
    page,
    page.getByRole('status').filter({ hasText: /^Re-evaluated: score/ }),
    'the status "Re-evaluated: score …" after Re-evaluate now',
    T,
  );
}

export const userPathTests = [
  async function developerFixesMissingRunbook({
    page,
    frontend,
    token,
    screenshot,
  }) {
    await ensureEntities(page, token);
    await writePayments(page, token, false);
    await openSignedIn(
      page,
      `${frontend}/catalog/default/component/e2e-payments/reliability`,
    );
    await reEvaluate(page);
    await expectVisible(
      page,
      gapList(page).getByText('Runbook', { exact: true }),
      'the missing runbook in the readiness gap of e2e-payments',
      T,
    );
    const before = await shownScore(page);
    await screenshot?.('developer-before-fix');

    // The developer adds the runbook to catalog-info.yaml; the catalog re-reads it.
    await writePayments(page, token, true);

    await reEvaluate(page);
    await expectEventually(
      page,
      async () => (await shownScore(page)) > before,
      `the score to rise above ${before} after the fix`,
      T,
    );
    await expectEventually(
      page,
      async () =>
        (await gapList(page).getByText('Runbook', { exact: true }).count()) ===
        0,
      'the runbook item to be gone from the readiness gap',
      T,
    );
    await screenshot?.('developer-after-fix');
  },

  async function platformEngineerGrantsExemption({
    page,
    frontend,
    token,
    screenshot,
  }) {
    await ensureEntities(page, token);
    await openSignedIn(
      page,
      `${frontend}/catalog/default/component/e2e-search/reliability`,
    );
    await reEvaluate(page);
    const before = await shownScore(page);
    const grant = page.getByRole('button', {
      name: 'Grant exemption from On-call routing',
    });
    await expectVisible(
      page,
      grant,
      'the "Grant exemption" button of the failing on-call check',
      T,
    );
    await grant.click();
    const dialog = page.getByRole('dialog', {
      name: /Grant an exemption from .On-call routing./,
    });
    await expectVisible(page, dialog, 'the grant dialog', T);
    const expires = new Date(Date.now() + 30 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await dialog
      .getByLabel('Reason')
      .fill('Paging moves to the new on-call tool next month');
    await dialog.getByLabel('Expires on').fill(expires);
    await dialog
      .getByRole('button', { name: 'Grant exemption', exact: true })
      .click();

    await expectVisible(
      page,
      allChecks(page).getByText(new RegExp(`Exempt until ${expires}`)),
      `the on-call check shown as "Exempt until ${expires}"`,
      T,
    );
    await expectVisible(
      page,
      page
        .getByRole('list', { name: 'Exemptions in force' })
        .getByText(new RegExp(`expires ${expires}`)),
      `the exemption in force, expiring ${expires}`,
      T,
    );
    // Counted: the exempt check no longer holds the score down.
    await expectEventually(
      page,
      async () => (await shownScore(page)) > before,
      `the score to rise above ${before} with the exemption`,
      T,
    );
    await screenshot?.('platform-engineer-exemption');
  },
];
