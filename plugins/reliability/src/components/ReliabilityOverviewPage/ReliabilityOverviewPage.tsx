import {
  Content,
  ContentHeader,
  Header,
  Page,
  SupportButton,
} from '@backstage/core-components';
import { ReliabilityOverviewTable } from './ReliabilityOverviewTable';

/** The organisation-wide reliability overview. */
export function ReliabilityOverviewPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Reliability overview"
        subtitle="Tier, runbook and metadata health of every service in the catalog"
      />
      <Content>
        <ContentHeader title="Reliability metadata by entity">
          <SupportButton>
            Each row is a catalog entity and the reliability metadata it
            declares. Open a row for its Reliability tab.
          </SupportButton>
        </ContentHeader>
        <ReliabilityOverviewTable />
      </Content>
    </Page>
  );
}
