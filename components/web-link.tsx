import type { AnchorHTMLAttributes } from 'react';
import { isWebUrl } from '@/lib/validation/fields';

/**
 * A link to a stored address (evidence, archive, article source). Forms refuse anything but
 * http(s), but older rows, team imports and direct database writes may hold `javascript:` or
 * `data:` URLs: those are shown as plain text, never as a link.
 */
export function WebLink({ href, children, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  if (!isWebUrl(href)) return <span>{children}</span>;
  return (
    <a href={href} {...props}>
      {children}
    </a>
  );
}

/** The address itself when it is one a reader may follow, for places that are not links (JSON-LD). */
export function webUrlOrNull(value: string | null | undefined): string | null {
  return value && isWebUrl(value) ? value : null;
}
