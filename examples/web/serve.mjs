// A tiny static server for the demo, on 127.0.0.1 only:
//
//     node examples/web/serve.mjs [--pkg DIR] [--port N]
//
// serves this directory at /, the npm package (default: bindings-wasm, built by
// bindings-wasm/build.sh) at /career-copilot/, and examples/data at /samples/. `.wasm` goes out
// as application/wasm so that browsers compile it while it streams.
import { createServer } from "node:http";
import { createReadStream, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8", ".mjs": "text/javascript; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".wasm": "application/wasm", ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8", ".png": "image/png", ".svg": "image/svg+xml",
};

/** Maps a URL path to a file under one of `mounts` ({ prefix: dir }), never outside it. */
function locate(mounts, pathname) {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!pathname.startsWith(prefix)) continue;
    const rest = normalize(decodeURIComponent(pathname.slice(prefix.length))).replace(/^([/\\])+/, "");
    const file = resolve(dir, rest || "index.html");
    if (file !== resolve(dir) && !file.startsWith(resolve(dir) + sep)) return null;
    return file;
  }
  return null;
}

/** Starts the server; resolves to `{ url, close() }`. Port 0 picks a free one. */
export function serve({ pkg = join(HERE, "../../bindings-wasm"), port = 0 } = {}) {
  const mounts = { "/career-copilot/": pkg, "/samples/": join(HERE, "../data"), "/": HERE };
  const server = createServer((request, response) => {
    let file;
    try {
      file = locate(mounts, new URL(request.url, "http://127.0.0.1").pathname);
      if (file && statSync(file).isDirectory()) file = join(file, "index.html");
      if (!file || !statSync(file).isFile()) throw new Error("not found");
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address();
      resolvePromise({ url: `http://127.0.0.1:${bound}/`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const { url } = await serve({ pkg: option("--pkg") && resolve(option("--pkg")), port: Number(option("--port") ?? 8080) });
  console.log(`Career Copilot demo on ${url} (Ctrl-C to stop)`);
}
