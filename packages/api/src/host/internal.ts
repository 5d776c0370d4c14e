/**
 * What the web needs of the server's own signed requests and cookies: the internal
 * request signature (the worker's revalidation calls, packages/game core/internal-signature)
 * and the OWASP device cookie's key and writer (packages/game accounts/device-cookie).
 */
export {
  DEVICE_COOKIE_MAX_AGE_S,
  INTERNAL_SIGNATURE_HEADER,
  INTERNAL_TIMESTAMP_HEADER,
  deviceCookieKey,
  internalRequestKey,
  verifyInternalRequest,
  writeDeviceCookie,
} from '@necp/game';
