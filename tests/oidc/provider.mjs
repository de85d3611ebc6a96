// A real OpenID provider for tsunagu's auth tests: oauth2-mock-server on 127.0.0.1 with a
// random port, RS256 keys, discovery, JWKS, token, authorize (code flow with PKCE) and
// introspection. Prints its issuer URL on the first line of stdout, then serves until stdin
// closes (the test process owning it exits).
//
// Test controls, all on the provider itself:
// - a token request may carry `extra_claims` (a JSON object merged into the token payload,
//   `null` values delete a claim), so each test asks for exactly the token it needs;
// - `POST /test/rotate` adds a new signing key and answers {"kid": ...};
// - `POST /test/login` sets the claims of the next ID token from the code flow;
// - `POST /test/introspect` is an RFC 7662 endpoint: `active: false` for tokens containing
//   "inactive", otherwise `active: true` with the claims given by `POST /test/introspection`.
import { OAuth2Server, Events } from 'oauth2-mock-server';

const server = new OAuth2Server();
await server.issuer.keys.generate('RS256');

let loginClaims = {};
let introspectionClaims = {};

function merge(payload, extra) {
  for (const [key, value] of Object.entries(extra)) {
    if (value === null) delete payload[key];
    else payload[key] = value;
  }
}

server.service.on(Events.BeforeTokenSigning, (token, req) => {
  const body = req.body ?? {};
  if (typeof body.extra_claims === 'string') {
    merge(token.payload, JSON.parse(body.extra_claims));
  } else if (body.grant_type === 'authorization_code' && token.payload.nonce !== undefined) {
    merge(token.payload, loginClaims);
  }
});

// RFC 7662 introspection that looks at the token (the built-in endpoint cannot see the request
// body): inactive for tokens containing "inactive", otherwise active with the claims set by
// `POST /test/introspection`. Callers must authenticate as a client, as RFC 7662 requires.
server.service.addRoute('POST', '/test/introspect', async (req, res) => {
  if (!String(req.headers.authorization ?? '').startsWith('Basic ') && !req.body?.client_id) {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'invalid_client' }));
    return;
  }
  const token = String(req.body?.token ?? '');
  const body = token === '' || token.includes('inactive')
    ? { active: false }
    : { active: true, token_type: 'Bearer', exp: Math.floor(Date.now() / 1000) + 3600, ...introspectionClaims };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
});

server.service.addRoute('POST', '/test/rotate', async (req, res) => {
  const key = await server.issuer.keys.generate('RS256');
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ kid: key.kid }));
});

server.service.addRoute('POST', '/test/login', async (req, res) => {
  loginClaims = req.body ?? {};
  res.writeHead(204);
  res.end();
});

server.service.addRoute('POST', '/test/introspection', async (req, res) => {
  introspectionClaims = req.body ?? {};
  res.writeHead(204);
  res.end();
});

await server.start(0, '127.0.0.1');
console.log(server.issuer.url);
process.stdin.resume();
process.stdin.on('end', async () => {
  await server.stop();
  process.exit(0);
});
