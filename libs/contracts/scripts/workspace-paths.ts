import { resolve } from 'node:path';

/** Absolute path of the workspace root (this file sits in libs/contracts/scripts). */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');

/** Folder of the `.avsc` files, relative to the workspace root. */
export const SCHEMAS_DIR = 'libs/contracts/schemas';
