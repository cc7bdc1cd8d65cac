import { useServices } from '../app/servicesContext';
import { CollabSettingsStore } from '../../store/collabSettings';
import type { FramelineDb } from '../../store';
import { ReadMarkerStore } from '../../store/readMarkers';
import { RoomStore } from '../../store/rooms';
import { VariantStore } from '../../store/variants';

/** The collaboration stores over the app's one database, made once per database. */
export interface CollabStores {
  readonly db: FramelineDb;
  readonly settings: CollabSettingsStore;
  readonly rooms: RoomStore;
  readonly readMarkers: ReadMarkerStore;
  readonly variants: VariantStore;
}

const made = new WeakMap<FramelineDb, CollabStores>();

export function collabStoresFor(db: FramelineDb): CollabStores {
  let stores = made.get(db);
  if (!stores) {
    stores = {
      db,
      settings: new CollabSettingsStore(db),
      rooms: new RoomStore(db),
      readMarkers: new ReadMarkerStore(db),
      variants: new VariantStore(db),
    };
    made.set(db, stores);
  }
  return stores;
}

export function useCollabStores(): CollabStores {
  return collabStoresFor(useServices().repo.db);
}
