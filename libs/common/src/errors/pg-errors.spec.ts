import { isUniqueViolation, PgError, sqlState } from './pg-errors';

describe('pg errors', () => {
  it('reads the SQLSTATE from a TypeORM wrapper or a pg error alike', () => {
    expect(sqlState({ driverError: { code: '23505' } })).toBe(PgError.uniqueViolation);
    expect(sqlState({ code: '40P01' })).toBe(PgError.deadlockDetected);
  });

  it('ignores what is not a SQLSTATE', () => {
    expect(sqlState(new Error('x'))).toBeUndefined();
    expect(sqlState({ code: 'ECONNREFUSED' })).toBeUndefined();
    expect(sqlState(null)).toBeUndefined();
  });

  it('matches a unique violation, and its constraint when named', () => {
    const err = { driverError: { code: '23505', constraint: 'uq_a' } };
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(err, 'uq_a')).toBe(true);
    expect(isUniqueViolation(err, 'uq_b')).toBe(false);
    expect(isUniqueViolation({ code: '23514' })).toBe(false);
  });
});
