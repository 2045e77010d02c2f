// Reads a stored media file for the signed-in user (the rule is in lib/courses/media.ts). The id comes from the
// address: checked for shape, then only a file of a course the user may see is returned.
import 'server-only';
import { db } from '@/lib/db';
import { visibleMedia, type MediaFile } from '@/lib/courses/media';

export type { MediaFile };

export async function mediaForUser(userId: string, id: string): Promise<MediaFile | null> {
  return visibleMedia(db, userId, id);
}
