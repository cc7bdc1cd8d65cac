/** The header's "New project" button (AppHeader), which the shortcut opened in a tab focuses. */
export const NEW_PROJECT_BUTTON_ID = 'new-project-button';
