import { z } from 'zod';

type WithoutDefault<Field> = Field extends z.ZodDefault<infer Inner> ? Inner : Field;

/**
 * The schema of a patch to a record: the named fields of its schema, each optional and without
 * its default. zod fills in a field's default even when the field is optional, so
 * `schema.pick(…).partial()` would read `{ look: 'x' }` as `{ look: 'x', description: '',
 * wardrobe: '' }`, and a patch would reset every field it does not name.
 */
export function patchSchema<
  Shape extends z.ZodRawShape,
  const Keys extends readonly (keyof Shape & string)[],
>(schema: z.ZodObject<Shape>, keys: Keys) {
  const shape: Record<string, z.core.$ZodType> = {};
  for (const key of keys) {
    const field = schema.shape[key];
    if (!field) throw new Error(`patchSchema: the record has no field ${key}`);
    shape[key] = z.optional(field instanceof z.ZodDefault ? field.unwrap() : field);
  }
  return z.strictObject(
    shape as { [Key in Keys[number]]: z.ZodOptional<WithoutDefault<Shape[Key]>> },
  );
}
