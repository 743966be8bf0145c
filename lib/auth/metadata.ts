/**
 * Discovery documents, so an MCP client needs only the endpoint's URL:
 * - RFC 9728 protected resource metadata at
 *   /.well-known/oauth-protected-resource/api/mcp names the MCP endpoint and
 *   its authorization server (the 401's WWW-Authenticate points here);
 * - RFC 8414 authorization server metadata at
 *   /.well-known/oauth-authorization-server lists our endpoints and what
 *   they accept (PKCE S256 only, public clients, metadata-document client ids).
 * The SDK's `oauthMetadataResponse` serves both (CORS, HEAD, 405 included).
 */
import { oauthMetadataResponse, type OAuthMetadata } from '@modelcontextprotocol/server';
import { authUrls } from './context';
import { SCOPES_SUPPORTED } from './scopes';

export function authorizationServerMetadata(publicOrigin: string): OAuthMetadata {
  const urls = authUrls(publicOrigin);
  const metadata = {
    issuer: urls.issuer,
    authorization_endpoint: urls.authorize,
    token_endpoint: urls.token,
    registration_endpoint: urls.register,
    revocation_endpoint: urls.revoke,
    scopes_supported: [...SCOPES_SUPPORTED],
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    revocation_endpoint_auth_methods_supported: ['none'],
    client_id_metadata_document_supported: true,
    authorization_response_iss_parameter_supported: true,
  };
  return metadata as OAuthMetadata;
}

/** The matching document, or `undefined` when the path is no discovery document of ours. */
export function metadataResponse(request: Request, publicOrigin: string): Response | undefined {
  const urls = authUrls(publicOrigin);
  const issuer = new URL(urls.issuer);
  return oauthMetadataResponse(request, {
    oauthMetadata: authorizationServerMetadata(publicOrigin),
    resourceServerUrl: new URL(urls.resource),
    scopesSupported: [...SCOPES_SUPPORTED],
    resourceName: 'MCP Dojo — Todoist tasks',
    // The SDK wants https outside localhost; loopback (e.g. [::1]) is local development too.
    dangerouslyAllowInsecureIssuerUrl: issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname),
  });
}
