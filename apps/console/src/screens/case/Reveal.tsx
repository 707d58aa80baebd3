import { useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useT, type CaseKey } from './case-i18n';

/**
 * A form that opens on demand: the case page has a form per freeze, reimbursement and takedown,
 * and showing them all at once would bury the figures.
 */
export function Reveal({
  label,
  children,
}: {
  label: CaseKey;
  children: (close: () => void) => ReactNode;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <div className="case-reveal">
      <Button aria-expanded={open} onPress={() => setOpen((o) => !o)}>
        {open ? t('case.form.cancel') : t(label)}
      </Button>
      {open && children(() => setOpen(false))}
    </div>
  );
}
