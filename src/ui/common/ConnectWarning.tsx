import { connectBlockedReason } from '../../pwa/contentSecurityPolicy';

/** Under an address field: says so when the app's security policy would block that address. */
export function ConnectWarning({ urls }: { readonly urls: readonly string[] }) {
  const reason = urls.map(connectBlockedReason).find((text) => text !== null);
  return reason ? (
    <p className="form-warning small" role="note">
      {reason}
    </p>
  ) : null;
}
