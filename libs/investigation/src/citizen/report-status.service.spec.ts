import { PUBLIC_CASE_EVENT_TYPES } from '@app/cases';
import { publicMessage } from './report-status.service';

describe('publicMessage', () => {
  it('uses a public message staff wrote, else words for the event type', () => {
    expect(publicMessage('case.transitioned', { message: 'Handed to the prosecutor' })).toBe(
      'Handed to the prosecutor',
    );
    expect(publicMessage('case.transitioned', { to: 'investigating', note: 'internal' })).toBe(
      'The case is now under investigation',
    );
    expect(publicMessage('case.claimed', { assigneeId: 'x' })).toBe(
      'An investigator took up your case',
    );
    expect(publicMessage('sla.breached', null)).toBe('sla breached');
  });

  it('has its own words for every public event type', () => {
    for (const type of PUBLIC_CASE_EVENT_TYPES) {
      expect(publicMessage(type, {})).not.toBe(type.replace(/[._]/g, ' '));
    }
  });
});
