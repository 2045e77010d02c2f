// Shapes of class forms, shared by forms and actions.
import { z } from 'zod';

export const classNameSchema = z.object({
  name: z.string().trim().min(2, 'Give the class a name of at least 2 characters.').max(80, 'Use at most 80 characters.'),
});

export const joinCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6}$/, 'A join code has 6 letters and digits, like K7Q2XM.'),
});

/** A due date from an <input type="date">, or empty for none. Stored as the end of that day in UTC. */
export const assignmentSchema = z.object({
  classId: z.string().min(1).max(64),
  moduleId: z.string().min(1, 'Choose a module.').max(64),
  dueDate: z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T23:59:59Z`))), 'Use a valid date.')
    .transform((v) => (v === '' ? null : new Date(`${v}T23:59:59Z`))),
});
