import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the production build (`dist/`, built by `npm test` before this runs) on loopback. */
export default async function setup(project: TestProject) {
  const server: PreviewServer = await preview({
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
  };
}
