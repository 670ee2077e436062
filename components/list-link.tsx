import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * A link repeated in a list or table. It is not prefetched: the desk's pages are dynamic with no
 * loading state, so a prefetch brings the browser nothing to show, yet every visible link costs
 * the server a request (a claims list sent two dozen on each view). ADR 0017.
 */
export function ListLink(props: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  return <Link {...props} prefetch={false} />;
}
