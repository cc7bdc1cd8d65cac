import type { AssetHash } from '../../model/ids';
import type { SheetOfCharacter, SheetsResult } from '../../workflows/pipeline/steps/sheets';
import { useAssetUrl } from '../common/useAssetUrl';

interface Props {
  readonly result: SheetsResult;
  /** Draws this character's sheet anew (one paid image call); absent while the run is busy. */
  readonly onRedraw: ((characterId: string) => void) | null;
}

/** The character bible's sheets: what the frames take as each character's reference. */
export function SheetCards({ result, onRedraw }: Props) {
  if (result.sheets.length === 0)
    return <p className="muted">No character appears in the shots, so no sheet is needed.</p>;
  return (
    <div className="idea-sheets">
      {result.note ? <p className="muted">{result.note}</p> : null}
      <ul className="idea-cards">
        {result.sheets.map((sheet) => (
          <SheetCard key={sheet.characterId} sheet={sheet} onRedraw={onRedraw} />
        ))}
      </ul>
    </div>
  );
}

function SheetCard({
  sheet,
  onRedraw,
}: {
  readonly sheet: SheetOfCharacter;
  readonly onRedraw: Props['onRedraw'];
}) {
  const url = useAssetUrl(sheet.hash as AssetHash | null);
  return (
    <li className="idea-card idea-sheet panel">
      <h3>{sheet.name}</h3>
      <figure className="idea-sheet-picture">
        {url ? (
          <img src={url} alt={`Character sheet of ${sheet.name}`} />
        ) : (
          <span className="muted">{sheet.hash ? 'Loading…' : 'No sheet'}</span>
        )}
      </figure>
      {sheet.hash ? (
        <button
          type="button"
          className="button"
          disabled={!onRedraw}
          aria-label={`Redraw the sheet of ${sheet.name}`}
          onClick={() => onRedraw?.(sheet.characterId)}
        >
          Redraw
        </button>
      ) : null}
    </li>
  );
}
