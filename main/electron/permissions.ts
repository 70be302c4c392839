/**
 * Permissions the renderer may use. Only writing to the clipboard is allowed, so copy buttons
 * work. Camera, microphone, geolocation, page notifications and the rest are denied.
 * Desktop notifications come from the main process, which needs no permission.
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** Checks whether the renderer may use a permission, by its Electron permission name. */
export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}
