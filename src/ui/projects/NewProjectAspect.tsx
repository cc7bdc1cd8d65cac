import { useId, useState } from 'react';
import { ASPECT_CHOICES } from '../../model/aspect';
import type { AspectRatio } from '../../model/project';
import { aspectForNewProject, setNewProjectAspect } from './newProjectAspect';

/**
 * "Aspect ratio" for the projects made from this page: New project, an imported or pasted
 * screenplay. A project file keeps its own. Changed later in the project's toolbar.
 */
export function NewProjectAspect() {
  const id = useId();
  const [value, setValue] = useState<AspectRatio>(aspectForNewProject);
  return (
    <span className="new-project-aspect">
      <label htmlFor={id}>Aspect ratio</label>
      <select
        id={id}
        value={value}
        title="The shape of new projects' frames, render and exports"
        onChange={(e) => {
          const next = e.target.value as AspectRatio;
          setNewProjectAspect(next);
          setValue(next);
        }}
      >
        {ASPECT_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </span>
  );
}
