/**
 * react-aria's usePress prepends an inline <style> (touch-action on pressables) to <head> unless
 * an element with this id exists. The console's CSP refuses inline styles (style-src 'self'),
 * so the browser blocks it and reports a violation; the same rule ships in case.css instead and
 * this marker tells react-aria it is there. (Asked of the shell: do it once in main.tsx.)
 */
const MARKER_ID = 'react-aria-pressable-style';

if (typeof document !== 'undefined' && !document.getElementById(MARKER_ID)) {
  const marker = document.createElement('meta');
  marker.id = MARKER_ID;
  document.head.append(marker);
}
