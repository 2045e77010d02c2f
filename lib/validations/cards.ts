// Shapes of card edits and flags, shared by forms and actions.
import { z } from 'zod';
import { plainText } from './text';
import { recordId } from '@/lib/validations/id';

export const cardId = recordId;

export const cardEditSchema = z.object({
  cardId,
  front: z.string().trim().min(3, 'The question needs at least 3 characters.').max(500, 'Keep the question under 500 characters.'),
  back: z.string().trim().min(1, 'The answer cannot be empty.').max(1000, 'Keep the answer under 1000 characters.'),
});

export const cardFlagSchema = z.object({
  cardId,
  reason: z.enum(['wrong', 'unclear', 'trivial', 'duplicate', 'other'], { error: 'Choose a reason.' }),
  note: plainText({ label: 'the note', max: 500, maxMessage: 'Keep the note under 500 characters.', multiline: true }).optional(),
});

export const FLAG_REASONS: Record<z.infer<typeof cardFlagSchema>['reason'], string> = {
  wrong: 'The answer is wrong',
  unclear: 'The question is unclear',
  trivial: 'Too easy or pointless',
  duplicate: 'Duplicate of another card',
  other: 'Something else',
};
