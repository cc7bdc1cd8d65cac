import { z } from 'zod';

/** The shapes structured steps answer in; a model's answer is checked against these. */
export const outlineSchema = z.object({
  title: z.string().min(1),
  beats: z
    .array(z.object({ title: z.string().min(1), summary: z.string().default('') }))
    .min(1)
    .max(40),
});
export type Outline = z.infer<typeof outlineSchema>;

export const bibleSchema = z
  .array(
    z.object({
      name: z.string().min(1),
      description: z.string().default(''),
      look: z.string().default(''),
      wardrobe: z.string().default(''),
    }),
  )
  .max(60);
export type Bible = z.infer<typeof bibleSchema>;

export interface ProjectMade {
  readonly projectId: string;
  readonly title: string;
}
