import { useEffect, useState } from 'react';
import type { Participant } from '../../model/participant';
import type { CollabSettings, Profile } from '../../store/collabSettings';
import { getDeviceKey, type DeviceKey } from '../../store/deviceKey';
import { showError } from '../app/toastStore';
import { useCollabStores } from './collabServices';

export interface Identity {
  readonly me: Participant | null;
  readonly deviceKey: DeviceKey | null;
  readonly profile: Profile | null;
  readonly settings: CollabSettings | null;
}

/** The local profile, device key and connection settings, kept current from the database. */
export function useIdentity(): Identity {
  const stores = useCollabStores();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [settings, setSettings] = useState<CollabSettings | null>(null);
  const [deviceKey, setDeviceKey] = useState<DeviceKey | null>(null);

  useEffect(() => stores.settings.watchProfile(setProfile), [stores]);
  useEffect(() => stores.settings.watchSettings(setSettings), [stores]);
  useEffect(() => {
    let live = true;
    getDeviceKey(stores.db).then(
      (key) => live && setDeviceKey(key),
      (error: unknown) => showError('This browser could not make its signing key', error),
    );
    return () => {
      live = false;
    };
  }, [stores]);

  const me =
    profile && deviceKey
      ? { name: profile.name, color: profile.color, publicKey: deviceKey.publicKey }
      : null;
  return { me: useStable(me), deviceKey, profile, settings };
}

/** The same object while its fields are equal, so effects keyed on it do not re-run. */
function useStable(me: Participant | null): Participant | null {
  const [kept, setKept] = useState(me);
  const same =
    kept === me ||
    (kept !== null &&
      me !== null &&
      kept.name === me.name &&
      kept.color === me.color &&
      kept.publicKey === me.publicKey);
  if (!same) setKept(me);
  return same ? kept : me;
}
