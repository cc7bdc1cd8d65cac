import { initialsOf, type Participant } from '../../model/participant';
import { readableTextOn } from '../common/readableText';

/** A round badge with the person's initials in their colour. */
export function Avatar({
  person,
  size = 'normal',
  title,
}: {
  person: Pick<Participant, 'name' | 'color'>;
  size?: 'normal' | 'small';
  title?: string;
}) {
  return (
    <span
      className={`avatar${size === 'small' ? ' small' : ''}`}
      style={{ background: person.color, color: readableTextOn(person.color) }}
      title={title ?? person.name}
      aria-hidden="true"
    >
      {initialsOf(person.name)}
    </span>
  );
}
