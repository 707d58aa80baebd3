import { Type } from 'class-transformer';
import { IsString, MinLength, ValidateNested } from 'class-validator';
import { createValidationPipe, RequestValidationException } from './validation.pipe';

class Item {
  @IsString()
  @MinLength(3)
  name!: string;
}

class Body {
  @ValidateNested({ each: true })
  @Type(() => Item)
  items!: Item[];
}

describe('validation pipe', () => {
  it('reports nested array fields by dotted path and rejects unknown fields', async () => {
    const pipe = createValidationPipe();
    const err = await pipe
      .transform(
        { items: [{ name: 'abcd' }, { name: 'x' }], extra: 1 },
        { type: 'body', metatype: Body },
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestValidationException);
    const fields = (err as RequestValidationException).extras.errors as { field: string }[];
    expect(fields.map((f) => f.field).sort()).toEqual(['extra', 'items[1].name']);
  });
});
