import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError, ERROR_CODES, InputError, type ErrorCode } from '../kernel/errors.ts';
import { HttpProblem, PROBLEM_CODES, problemFor } from './problem.ts';
import { NotFoundError } from './route.ts';

test('every AppError code maps to a status and a Dutch advice, in one table', () => {
  const expected: Record<ErrorCode, number> = { INVOER_ONGELDIG: 400, NIET_GEVONDEN: 404, CONFLICT: 409, CONFIGURATIE: 500 };
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    const p = problemFor(new AppError(code, 'iets'), '/api/x');
    assert.equal(p.body.status, expected[code], code);
    assert.equal(p.body.code, code);
    assert.ok(p.body.detail.endsWith(PROBLEM_CODES[code].advice));
  }
});

test('input problems, not-found, HTTP refusals and the unexpected', () => {
  const input = problemFor(new InputError([{ file: 'a.csv', line: 2, column: 'bsn', message: 'ongeldig' }]), '/api/x');
  assert.deepEqual(input.body.problems, [{ file: 'a.csv', line: 2, column: 'bsn', message: 'ongeldig' }]);
  assert.equal(problemFor(new NotFoundError('declaratie D-1 niet gevonden'), '/x').body.status, 404);
  const limited = problemFor(new HttpProblem('TE_VEEL_POGINGEN', 'te veel', { headers: { 'retry-after': '60' } }), '/x');
  assert.deepEqual([limited.body.status, limited.headers['retry-after']], [429, '60']);
  const validation = problemFor({ validation: [{ instancePath: '/regels/0/datum', message: 'ongeldige datum', keyword: 'custom', schemaPath: '', params: {} }], validationContext: 'body' }, '/x');
  assert.deepEqual(validation.body.problems, [{ in: 'body', path: 'regels.0.datum', message: 'ongeldige datum' }]);
  const boom = problemFor(new Error('geheim detail'), '/x');
  assert.deepEqual([boom.body.status, boom.body.code, boom.unexpected], [500, 'INTERNE_FOUT', true]);
  assert.ok(!boom.body.detail.includes('geheim'));
});
