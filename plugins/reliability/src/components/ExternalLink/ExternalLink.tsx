import { ReactNode } from 'react';
import Link from '@material-ui/core/Link';

/**
 * A link to a page outside Backstage (runbook, dashboard), opened in a new
 * tab. Its accessible name is exactly its text — core-components' Link
 * appends ", Opens in a new window" to the name — and the new-tab hint goes
 * to the accessible description instead (the title attribute).
 */
export function ExternalLink(props: { href: string; children: ReactNode }) {
  return (
    <Link
      href={props.href}
      target="_blank"
      rel="noopener noreferrer"
      title="Opens in a new window"
    >
      {props.children}
    </Link>
  );
}
