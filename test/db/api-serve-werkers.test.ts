/**
 * `pgb serve --werkers 2`: two server processes (node:cluster) on one port, on PostgreSQL. A
 * session started by one worker is recognised by the other, its CSRF token too, and a sign-out on
 * one worker ends the session for the other (all of it lives in the database). SIGTERM stops
 * both workers and the primary cleanly. Which worker served a request is read from the server's
 * log: each line names its process (pid).
 *
 * On PGlite (one process by nature) the option is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { freshTarget, STORE } from '../support/db.ts';
import { startServe } from '../support/serve.ts';
import { createUser, SESSION_COOKIE } from '../../src/modules/toegang/index.ts';

const PASSWORD = 'werkers-wachtwoord-2026';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request on a connection of its own (no keep-alive), so the primary hands it to the next worker. */
function call(address: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${address}${path}`, { method, agent: false, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let data = '';
      res.on('data', (d: Buffer) => (data += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

if (STORE === 'pglite') {
  test('pgb serve --werkers 2 is refused on PGlite (one process)', { timeout: 60_000 }, async () => {
    const t = await freshTarget();
    try {
      const s = startServe(t.target, ['--werkers', '2']);
      const code = await s.exited;
      const out = s.out() + s.err();
      assert.notEqual(code, 0, out);
      assert.match(out, /alleen op PostgreSQL/);
      assert.doesNotMatch(out, /pgb serve: http/);
    } finally {
      await t.cleanup();
    }
  });
} else {
  test('pgb serve --werkers 2: sessions, CSRF and sign-out work across the workers; SIGTERM stops all (postgres)', { timeout: 180_000 }, async () => {
    const t = await freshTarget();
    const db = await t.open();
    await createUser(db, { gebruikersnaam: 'werkers-backoffice', naam: 'Backoffice Werkers', rol: 'backoffice', wachtwoord: PASSWORD, actor: 'test' });
    await db.close();

    const { child, out, err, exited, address: printed } = startServe(t.target, ['--werkers', '2'], { PGB_LOG_NIVEAU: 'info' });

    /** The pids of the log's "request completed" lines, in order. */
    const served = (): number[] =>
      out().split('\n').flatMap((l) => {
        if (!l.startsWith('{')) return [];
        const x = JSON.parse(l) as { msg?: string; pid?: number };
        return x.msg === 'request completed' && x.pid ? [x.pid] : [];
      });
    /** A request, and the worker that served it (the pid of the log line it added). */
    const callOn = async (address: string, method: string, path: string, headers: Record<string, string> = {}, body?: string) => {
      const before = served().length;
      const a = await call(address, method, path, headers, body);
      for (let i = 0; i < 100 && served().length === before; i++) await new Promise((r) => setTimeout(r, 20));
      const pids = served();
      assert.equal(pids.length, before + 1, 'one log line per request');
      return { ...a, pid: pids[before]! };
    };
    /** Repeats a request (it must not change anything) until a worker other than `not` serves it. */
    const onOtherWorker = async (not: number, address: string, method: string, path: string, headers: Record<string, string>) => {
      for (let i = 0; i < 10; i++) {
        const a = await callOn(address, method, path, headers);
        if (a.pid !== not) return a;
      }
      assert.fail(`ten requests all went to worker ${not}`);
    };

    try {
      const address = await printed(/pgb serve: (http:\/\/127\.0\.0\.1:\d+) op .* met 2 werkers/);
      const listening = new Set(out().split('\n').filter((l) => l.includes('Server listening')).map((l) => (JSON.parse(l) as { pid: number }).pid));
      assert.equal(listening.size, 2, 'two workers listen');
      assert.ok(!listening.has(child.pid!), 'the primary serves nothing itself');

      // sign in on one worker, then sign out (a CSRF-protected write) on the other
      let session: { cookie: string; csrf: string; signedInOn: number } | undefined;
      let signOut: { status: number; pid: number } | undefined;
      for (let i = 0; i < 10 && !signOut; i++) {
        const r = await callOn(address, 'POST', '/api/sessie', {}, JSON.stringify({ gebruikersnaam: 'werkers-backoffice', wachtwoord: PASSWORD }));
        assert.equal(r.status, 200, r.body);
        const token = ([r.headers['set-cookie']].flat().find((c) => c?.startsWith(`${SESSION_COOKIE}=`)) ?? '').split(';')[0]!;
        session = { cookie: token, csrf: (JSON.parse(r.body) as { csrfToken: string }).csrfToken, signedInOn: r.pid };

        // the other worker knows the session
        const me = await onOtherWorker(session.signedInOn, address, 'GET', '/api/sessie', { cookie: session.cookie });
        assert.equal(me.status, 200, me.body);
        assert.equal((JSON.parse(me.body) as { principal: { rol: string } }).principal.rol, 'backoffice');
        // a write without the session's CSRF token is refused, on whichever worker
        const forged = await callOn(address, 'DELETE', '/api/sessie', { cookie: session.cookie });
        assert.equal(forged.status, 403, forged.body);
        // with it, the sign-out works; tried again with a new session when it came to the worker that signed in
        const bye = await callOn(address, 'DELETE', '/api/sessie', { cookie: session.cookie, 'x-csrf-token': session.csrf });
        assert.equal(bye.status, 204, bye.body);
        if (bye.pid !== session.signedInOn) signOut = bye;
      }
      assert.ok(signOut && session, 'a sign-out served by the worker that did not sign in');
      // the session ended on one worker is ended for the other too
      const after = await onOtherWorker(signOut.pid, address, 'GET', '/api/sessie', { cookie: session.cookie });
      assert.equal(after.status, 401, after.body);

      const workers = [...listening];
      child.kill('SIGTERM');
      assert.equal(await exited, 0, `${out()}${err()}`);
      assert.match(out(), /pgb serve: gestopt met luisteren/);
      for (const pid of workers) assert.throws(() => process.kill(pid, 0), 'the worker has stopped');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await t.cleanup();
    }
  });
}
