export interface ShippedPackage {
  readonly name: string;
  readonly version: string;
  /** The package.json licence (an SPDX expression). */
  readonly license: string;
  readonly author: string | null;
  readonly repository: string | null;
  /** Where it is installed. */
  readonly dir: string;
}

/** The notice, relative to the repository root. */
export const NOTICE_FILE: string;
export function shippedPackages(root?: string): ShippedPackage[];
export function renderNotices(packages?: readonly ShippedPackage[]): string;
