import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** What the proxy does with the next requests. */
export type ProxyMode = 'pass' | 'slow' | 'error500' | 'garbage';

/**
 * A tiny HTTP server on 127.0.0.1 (random port) in front of a real
 * Prometheus: it passes requests through, or answers slower than any
 * sensible timeout, or 500, or garbage — whatever `mode` says.
 */
export async function startFaultyProxy(upstream: string) {
  let mode: ProxyMode = 'pass';
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (mode === 'slow') {
      await new Promise(resolve => setTimeout(resolve, 3000));
    }
    if (mode === 'error500') {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error: storage unavailable');
      return;
    }
    if (mode === 'garbage') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        '{"status":"success","data":{"resultType":"matrix","result":[{"metr',
      );
      return;
    }
    try {
      const answer = await fetch(`${upstream}${req.url}`, {
        method: req.method,
        headers: { 'content-type': String(req.headers['content-type'] ?? '') },
        body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
      });
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'text/plain',
      });
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setMode(next: ProxyMode) {
      mode = next;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
