import { useCollab } from './CollabContext';
import { useSyncProblems } from './useRoomStatus';

/** What the sync layer refused from whom (hostile or broken updates), newest first. */
export function SyncProblems() {
  const collab = useCollab();
  const problems = useSyncProblems(collab?.room ?? null);
  if (problems.length === 0) return null;
  return (
    <details className="sync-problems">
      <summary>
        {problems.length} message{problems.length === 1 ? '' : 's'} from peers refused
      </summary>
      <ul>
        {[...problems].reverse().map((problem) => (
          <li key={`${problem.at}-${problem.message}`}>
            <time>{new Date(problem.at).toLocaleTimeString()}</time> {problem.from}:{' '}
            {problem.message}
          </li>
        ))}
      </ul>
      <p className="muted">
        Your project was not changed by any of these. If something looks wrong, restore a version
        from History.
      </p>
    </details>
  );
}
