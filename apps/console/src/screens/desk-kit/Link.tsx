import type { MouseEvent, ReactNode } from 'react';

/** A console link that moves with pushState (no reload), and is a plain link for new tabs. */
export function Link({ to, children }: { to: string; children: ReactNode }) {
  const go = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  };
  return (
    <a href={to} onClick={go}>
      {children}
    </a>
  );
}
