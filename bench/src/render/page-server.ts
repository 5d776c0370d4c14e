/**
 * A tiny HTTP server on 127.0.0.1 for the bench pages: `/<case>.html` (a full-page
 * canvas) and `/<case>.js` (its bundle). Cross-origin isolated (COOP + COEP), so the
 * page's performance.now() is fine-grained instead of coarsened to 100 µs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const page = (script: string) => `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bench:render</title>
<style>
html, body { margin: 0; height: 100%; overflow: hidden; background: #04050a; }
#game { display: block; width: 100vw; height: 100vh; }
</style>
</head>
<body><canvas id="game"></canvas><script type="module" src="/${script}.js"></script></body>
</html>`;

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export async function startPageServer(scripts: ReadonlyMap<string, string>): Promise<PageServer> {
  const server = http.createServer((req, res) => {
    const m = /^\/([\w-]+)\.(html|js)(\?|$)/.exec(req.url ?? '');
    const script = m ? scripts.get(m[1]!) : undefined;
    if (!m || script === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': m[2] === 'html' ? 'text/html; charset=utf-8' : 'text/javascript',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cache-control': 'no-store',
    });
    res.end(m[2] === 'html' ? page(m[1]!) : script);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
