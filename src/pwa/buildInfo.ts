declare const __FRAMELINE_BUILD_ID__: string | undefined;

/**
 * Which build is running (vite.config.ts defines it; FRAMELINE_BUILD_ID or the commit). Unit
 * tests run without that define, hence the typeof.
 */
export const BUILD_ID: string =
  typeof __FRAMELINE_BUILD_ID__ === 'string' ? __FRAMELINE_BUILD_ID__ : 'dev';
