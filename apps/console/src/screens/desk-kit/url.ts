import { useCallback, useEffect, useState } from 'react';

/**
 * The page's query string as state: read on every history change, written with pushState (so
 * back goes to the previous filters). A popstate is dispatched after the push so the shell's
 * router, which listens to it, sees the same URL.
 */
export function useUrlSearch(): [URLSearchParams, (next: URLSearchParams) => void] {
  const [search, setState] = useState(() => new URLSearchParams(window.location.search));
  useEffect(() => {
    const sync = () => setState(new URLSearchParams(window.location.search));
    window.addEventListener('popstate', sync);
    return () => window.removeEventListener('popstate', sync);
  }, []);
  const set = useCallback((next: URLSearchParams) => {
    const query = next.toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      window.history.pushState(null, '', url);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }
  }, []);
  return [search, set];
}
