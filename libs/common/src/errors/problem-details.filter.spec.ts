import { postgresProblem, ProblemDetailsFilter } from './problem-details.filter';
import { NotFoundProblem } from './domain.exception';

describe('ProblemDetailsFilter', () => {
  const filter = new ProblemDetailsFilter();

  it('maps domain exceptions with their code and keeps standard members over extras', () => {
    const body = filter.toProblem(new NotFoundProblem('Case'));
    expect(body).toMatchObject({
      type: '/problems/not-found',
      status: 404,
      title: 'Case not found',
    });
  });

  it('maps database data errors to 400 and constraint errors to 409', () => {
    expect(postgresProblem({ driverError: { code: '22P02' } })?.status).toBe(400);
    expect(postgresProblem({ code: '23514' })?.status).toBe(409);
    expect(postgresProblem({ code: '40P01' })?.status).toBe(503);
    expect(postgresProblem({ code: '42P01' })).toBeUndefined();
    expect(postgresProblem(new Error('x'))).toBeUndefined();
  });

  it('hides unexpected errors behind an error id', () => {
    const body = filter.toProblem(new Error('secret internals at /app/x.js:1:2'));
    expect(body.status).toBe(500);
    expect(body.errorId).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toContain('secret internals');
  });
});
