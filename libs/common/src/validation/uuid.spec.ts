import { isUuid, UUID_PATTERN } from './uuid';
import { toInt } from './query-int';

describe('isUuid', () => {
  it('accepts canonical UUIDs in either case and nothing else', () => {
    expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(isUuid('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe(true);
    for (const bad of [
      '',
      'x',
      '0f8fad5bd9cb469fa16570867728950e',
      ' 0f8fad5b-d9cb-469f-a165-70867728950e',
      null,
      42,
    ]) {
      expect(isUuid(bad)).toBe(false);
    }
  });

  it('composes into larger patterns', () => {
    const assignee = new RegExp(`^(me|${UUID_PATTERN})$`, 'i');
    expect(assignee.test('me')).toBe(true);
    expect(assignee.test('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(assignee.test('mex')).toBe(false);
  });
});

describe('toInt (query strings)', () => {
  it('turns digit strings into numbers and leaves everything else for @IsInt', () => {
    expect(toInt({ value: '25' })).toBe(25);
    for (const value of ['-1', '1.5', '1e3', ' 2', '', '1234567890', 7, null, undefined]) {
      expect(toInt({ value })).toBe(value);
    }
  });
});
