// Endpoints of the test server that fail on purpose, for the error paths of article loading and
// feedback delivery. Every request is logged per `key` so tests can count what really arrived.
//   /fault/status/:code        answers with that status (an HTML error page for 4xx/5xx)
//   /fault/no-cors             answers 201 (a preflight 204) without any CORS header
//   /fault/html                a 200 HTML page (not markdown)
//   /fault/binary              200 application/octet-stream bytes
//   /fault/empty               200 text/markdown with no content
//   /fault/hang                never answers (closed after 60 s)
//   /fault/flaky?key&fail=N&status=500[&retryAfter=S]   fails N times, then 201 JSON
//   /fault/log?key             the bodies received for `key` as JSON
//   /fault/image?key           a 1×1 PNG; /fault/count?key says how many were asked for
const counts = new Map();
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const logs = new Map();

async function readBody(req) {
  let data = '';
  for await (const chunk of req) data += chunk;
  return data;
}

export function faultMiddleware() {
  return async (ctx, next) => {
    const url = new URL(ctx.url, 'http://test');
    if (!url.pathname.startsWith('/fault/')) return next();
    const route = url.pathname.slice('/fault/'.length);
    ctx.set('Cache-Control', 'no-store');
    // A server that works but was not told about the page's origin: no CORS header at all.
    if (route === 'no-cors') {
      ctx.status = ctx.method === 'OPTIONS' ? 204 : 201;
      ctx.body = ctx.method === 'OPTIONS' ? '' : '{}';
      return;
    }
    ctx.set('Access-Control-Allow-Origin', '*');
    const key = url.searchParams.get('key') ?? '';
    if (ctx.method === 'POST') {
      const body = await readBody(ctx.req);
      if (!logs.has(key)) logs.set(key, []);
      logs.get(key).push({ route, body, contentType: ctx.get('content-type'), cookie: ctx.get('cookie') });
    }
    if (route.startsWith('status/')) {
      ctx.status = Number(route.split('/')[1]);
      ctx.type = 'text/html';
      ctx.body = `<!doctype html><html><head><title>Error ${ctx.status}</title></head><body><h1>Error</h1></body></html>`;
    } else if (route === 'html') {
      ctx.type = 'text/html';
      ctx.body = '<!DOCTYPE html><html><head><title>Login</title></head><body><form>Please log in</form></body></html>';
    } else if (route === 'binary') {
      ctx.type = 'application/octet-stream';
      ctx.body = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 37) % 256));
    } else if (route === 'empty') {
      ctx.type = 'text/markdown';
      ctx.body = '';
    } else if (route === 'hang') {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 60000);
        ctx.req.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      ctx.status = 504;
      ctx.body = '';
    } else if (route === 'flaky') {
      const fail = Number(url.searchParams.get('fail') ?? 1);
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      if (n <= fail) {
        ctx.status = Number(url.searchParams.get('status') ?? 500);
        const retryAfter = url.searchParams.get('retryAfter');
        if (retryAfter) ctx.set('Retry-After', retryAfter);
        ctx.body = { error: 'fault' };
      } else {
        ctx.status = 201;
        ctx.body = { ok: true };
      }
    } else if (route === 'image') {
      counts.set(`image:${key}`, (counts.get(`image:${key}`) ?? 0) + 1);
      ctx.type = 'image/png';
      ctx.body = PIXEL;
    } else if (route === 'count') {
      ctx.body = { count: counts.get(`image:${key}`) ?? 0 };
    } else if (route === 'log') {
      ctx.body = logs.get(key) ?? [];
    } else {
      ctx.status = 404;
    }
  };
}
