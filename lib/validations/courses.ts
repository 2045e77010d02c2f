// Shapes of the authoring forms and outline edits, shared by the forms and the actions.
import { z } from 'zod';
import { plainText } from './text';
import { recordId } from '@/lib/validations/id';

export const courseIdSchema = recordId;

export const courseDetailsSchema = z.object({
  title: plainText({ label: 'the title', min: 3, max: 120, minMessage: 'Give the course a title of at least 3 characters.', maxMessage: 'Keep the title under 120 characters.' }),
  description: plainText({ label: 'the description', max: 1000, maxMessage: 'Keep the description under 1,000 characters.', multiline: true }).default(''),
});

const key = z.string().min(1).max(200);
const title = z.string().max(200);

/** One outline edit, as sent by the outline editor. */
export const outlineOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('renameModule'), module: key, title }),
  z.object({ op: z.literal('renameLesson'), lesson: key, title }),
  z.object({ op: z.literal('moveModule'), module: key, delta: z.union([z.literal(-1), z.literal(1)]) }),
  z.object({ op: z.literal('moveLesson'), lesson: key, delta: z.union([z.literal(-1), z.literal(1)]) }),
  z.object({ op: z.literal('moveLessonToModule'), lesson: key, module: key }),
  z.object({ op: z.literal('mergeModules'), keep: key, other: key }),
  z.object({ op: z.literal('splitModule'), module: key, lesson: key }),
  z.object({ op: z.literal('setPrerequisites'), module: key, prerequisites: z.array(key).max(50) }),
  z.object({ op: z.literal('removeCard'), card: key }),
]);
export type OutlineOp = z.infer<typeof outlineOpSchema>;

const side = (what: string, max: number) =>
  z.string().trim().min(1, `The ${what} cannot be empty.`).max(max, `Keep the ${what} under ${max} characters.`);

/** A card written by hand: basic (question + answer) or cloze (a sentence with {{hidden words}}). */
export const manualCardInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('basic'), front: side('question', 500), back: side('answer', 1000) }),
  z.object({ type: z.literal('cloze'), text: side('sentence', 1000) }),
]);

export const approvalSchema = z.enum(['approved', 'rejected', 'pending']);
