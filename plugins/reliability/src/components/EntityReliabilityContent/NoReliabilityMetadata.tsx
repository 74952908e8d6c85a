import { CodeSnippet, EmptyState } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { RELIABILITY_ANNOTATIONS } from '@vigil/plugin-reliability-common';

/** A starting point for the author, in the shape the parser accepts. */
export function exampleAnnotationsYaml(entityName: string): string {
  const a = RELIABILITY_ANNOTATIONS;
  return [
    'metadata:',
    '  annotations:',
    `    ${a.tier}: tier-1`,
    `    ${a.runbook}: https://wiki.example.com/runbooks/${entityName}`,
    `    ${a.rto}: 1h`,
    `    ${a.rpo}: 15m`,
    `    ${a.drStrategy}: warm-standby`,
    `    # the date of your last successful disaster-recovery test`,
    `    ${a.drTested}: "2026-01-15"`,
  ].join('\n');
}

/** Shown instead of the metadata when the entity declares none of it. */
export function NoReliabilityMetadata(props: { entityName: string }) {
  return (
    <EmptyState
      missing="field"
      title="No reliability metadata yet"
      description="Add these annotations to the entity's catalog-info.yaml so that Vigil knows how critical it is and how it recovers."
      action={
        <>
          <Typography variant="body1">
            Annotations to add, with example values:
          </Typography>
          <CodeSnippet
            text={exampleAnnotationsYaml(props.entityName)}
            language="yaml"
            showCopyCodeButton
          />
        </>
      }
    />
  );
}
