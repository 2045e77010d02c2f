// Who may load a course's media file (CourseMedia: images and sounds its cards show): whoever may see the
// course (published, their own private deck, or one they edit). Over a db client, so tests and routes share it.
import type { Client } from './roles';
import { visibleCourseWhere } from './roles';
import { isRecordId } from '@/lib/validations/id';
import { MEDIA_CONTENT_TYPES } from '@/lib/interop/anki/media';

/** Only the types the importer accepts are ever served. */
const SERVED = new Set<string>(MEDIA_CONTENT_TYPES);

export interface MediaFile {
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
}

export async function visibleMedia(client: Client, userId: string, id: string): Promise<MediaFile | null> {
  if (!isRecordId(id)) return null;
  const row = await client.courseMedia.findFirst({
    where: { id, course: visibleCourseWhere(userId) },
    select: { contentType: true, bytes: true, sha256: true },
  });
  if (!row || !SERVED.has(row.contentType)) return null;
  return { contentType: row.contentType, bytes: row.bytes, sha256: row.sha256 };
}
