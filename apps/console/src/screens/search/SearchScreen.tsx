import { useTranslation } from 'react-i18next';
import { IdentifierResults } from './IdentifierResults';
import { SearchForms } from './SearchForms';
import { VictimResults } from './VictimResults';
import { useSearchParams } from 'react-router';
import '../desk-kit/desk.css';

/**
 * Search: a suspect identifier in any format (GET /identifiers: the reports and cases naming
 * it) or a victim by phone or IIN, exact (GET /victims: their reports). The value is in the
 * URL (`?value=`, `?phone=`, `?iin=`) so the case page links here and back works.
 */
export default function SearchScreen() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const value = search.get('value')?.trim() ?? '';
  const phone = search.get('phone')?.trim() ?? '';
  const iin = search.get('iin')?.trim() ?? '';
  return (
    <div className="search">
      <h1>{t('search.title')}</h1>
      <SearchForms
        value={value}
        victim={phone ? { by: 'phone', value: phone } : iin ? { by: 'iin', value: iin } : null}
        onSearch={(key, text) => setSearch(new URLSearchParams({ [key]: text }))}
      />
      {value && <IdentifierResults value={value} />}
      {(phone || iin) && <VictimResults by={phone ? 'phone' : 'iin'} value={phone || iin} />}
    </div>
  );
}
