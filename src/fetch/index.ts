/**
 * src/fetch: the only code that touches the network for content. `safeFetch` fetches one page,
 * feed or attachment under the address rules, limits and decoding described in safe-fetch.ts.
 */
export { safeFetch, MAX_REDIRECTS, CONNECT_TIMEOUT_MS, type FetchedDocument } from './safe-fetch';
export { FetchError, type FetchErrorCode } from './errors';
export { fetchableUrl } from './url';
export { isBlockedAddress, blockedAddressReason } from './address';
export { fetchOptionsFromConfig, DEFAULT_USER_AGENT, type SafeFetchOptions, type ResolvedAddress } from './options';
export { ACCEPTED_MEDIA_TYPES, parseContentType, type AcceptKind } from './content-type';
