// The deployment tests' OpenID Connect provider (ManagementOidcIT starts it):
//   node provider.mjs PORT SIGNING_JWK_FILE
// Issuer http://127.0.0.1:PORT. Three confidential clients get RS256 JWT access tokens with the
// client_credentials grant, for the resource urn:harmony:management, carrying a "groups" claim:
//   monitor-client (it-monitoring), operator-client (it-operators), outsider-client (staff).
// Each client's secret is its id followed by "-secret". Prints "ready" once it listens.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const [port, jwkFile] = process.argv.slice(2);
const resource = 'urn:harmony:management';
const groups = {
  'monitor-client': ['it-monitoring'],
  'operator-client': ['it-operators'],
  'outsider-client': ['staff'],
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  jwks: { keys: [JSON.parse(readFileSync(jwkFile, 'utf8'))] },
  clients: Object.keys(groups).map((id) => ({
    client_id: id,
    client_secret: `${id}-secret`,
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
  })),
  features: {
    clientCredentials: { enabled: true },
    devInteractions: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'management',
        audience: resource,
        accessTokenTTL: 300,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  extraTokenClaims: (ctx, token) => ({ groups: groups[token.clientId] ?? [] }),
});

provider.listen(Number(port), '127.0.0.1', () => console.log('ready'));
