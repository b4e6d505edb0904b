import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { MaterialFileStore } from './material-files';

/**
 * Materials in a folder: `.data/` under `npm start`, a temporary folder in tests. Keys are made by the service
 * from ids and a cleaned file name; a key that would still leave the folder is refused all the same.
 */
export function createDiskMaterialFiles(folder: string): MaterialFileStore {
  const root = resolve(folder);
  const pathOf = (key: string) => {
    const path = resolve(join(root, key));
    if (!path.startsWith(root + sep)) throw new Error('material key outside the folder');
    return path;
  };
  return {
    async put(key, body) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, body);
    },
    async size(key) {
      try {
        return (await stat(pathOf(key))).size;
      } catch {
        return undefined;
      }
    },
    async open(key) {
      try {
        return { body: new Uint8Array(await readFile(pathOf(key))) };
      } catch {
        return undefined;
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
