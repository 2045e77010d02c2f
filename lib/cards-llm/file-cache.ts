// The real CardCache: one JSON file per model answer under a directory (CARDS_LLM_CACHE_DIR, default
// .cache/cards-llm/, git-ignored). Files are written to a temporary name and renamed, so a crash or two syncs at
// once never leave half a file; a damaged file is treated as a miss. Deleting the directory only costs new calls.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { CardCache } from '@/lib/cards/llm';

const entrySchema = z.object({ key: z.string(), content: z.string(), savedAt: z.string() });

function fileName(key: string): string {
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(key) || key.startsWith('.')) throw new Error(`unusable cache key ${JSON.stringify(key)}`);
  return `${key}.json`;
}

export function createFileCardCache(dir: string, now: () => Date = () => new Date()): CardCache {
  return {
    async get(key) {
      let text: string;
      try {
        text = await readFile(path.join(dir, fileName(key)), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return undefined;
      }
      const entry = entrySchema.safeParse(json);
      return entry.success && entry.data.key === key ? entry.data.content : undefined;
    },
    async set(key, content) {
      await mkdir(dir, { recursive: true });
      const target = path.join(dir, fileName(key));
      const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, JSON.stringify({ key, content, savedAt: now().toISOString() }), 'utf8');
      await rename(tmp, target);
    },
  };
}
