/**
 * CSS for RequestPanel. The content script injects it into a shadow root, so the selectors are
 * plain classes and sizes are in px: `rem` would follow the console page's root font size.
 * The colours follow Material's light theme (dark text on white, one accent), not Gravitee's tokens.
 */
export const panelStyles = `
.gk-panel {
  box-sizing: border-box;
  width: 100%;
  padding: 12px;
  color: #1f2129;
  background: #ffffff;
  font: 400 13px/18px Roboto, "Helvetica Neue", Arial, sans-serif;
  text-align: left;
}
.gk-panel *, .gk-panel *::before, .gk-panel *::after { box-sizing: inherit; }
.gk-panel p, .gk-panel h2, .gk-panel h3, .gk-panel dl, .gk-panel dd, .gk-panel ul, .gk-panel figure, .gk-panel blockquote { margin: 0; }

.gk-header { display: flex; align-items: center; gap: 8px; margin-bottom: 8px; }
.gk-title { font-size: 16px; line-height: 24px; font-weight: 500; }
.gk-count {
  padding: 0 8px;
  border-radius: 10px;
  background: #e8eaf6;
  color: #283593;
  font-weight: 500;
  line-height: 20px;
}
.gk-refresh { margin-left: auto; }

.gk-links { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; margin: 0 0 8px; }
.gk-links .gk-status { flex-basis: 100%; margin: 0; }
.gk-link-button {
  padding: 0;
  border: 0;
  background: none;
  color: #283593;
  font: inherit;
  font-weight: 500;
  text-decoration: underline;
  cursor: pointer;
}

.gk-status { margin: 0 0 6px; padding: 6px 8px; border-radius: 4px; border-left: 4px solid; }
.gk-status-info { border-color: #5c6bc0; background: #f3f4fb; }
.gk-status-warning { border-color: #f57f17; background: #fff8e1; }
.gk-status-error { border-color: #c62828; background: #ffebee; color: #7f1010; }

.gk-notices:empty { display: none; }
.gk-notice { margin: 0 0 6px; padding: 6px 8px; border-radius: 4px; background: #e8f5e9; color: #1b5e20; }

.gk-empty { padding: 12px 0; color: #5f6368; }

.gk-list { list-style: none; padding: 0; }
.gk-row { padding: 10px 0; border-top: 1px solid #e0e0e0; }
.gk-row:first-child { border-top: 0; }
.gk-row-head { display: flex; align-items: baseline; gap: 8px; }
.gk-row-title { flex: 1; font-size: 14px; line-height: 20px; font-weight: 500; overflow-wrap: anywhere; }
.gk-wait { white-space: nowrap; color: #5f6368; font-size: 12px; }
.gk-tag {
  padding: 0 6px;
  border-radius: 4px;
  background: #fff8e1;
  color: #8a4b00;
  font-size: 12px;
  line-height: 18px;
  white-space: nowrap;
}
.gk-busy { margin-top: 4px; color: #5f6368; font-style: italic; }

.gk-facts { display: flex; flex-wrap: wrap; gap: 2px 16px; margin: 4px 0; }
.gk-facts div { display: flex; gap: 4px; }
.gk-facts dt { color: #5f6368; }
.gk-facts dt::after { content: ":"; }
.gk-facts dd { overflow-wrap: anywhere; }

.gk-message { margin: 4px 0; }
.gk-message figcaption { color: #5f6368; font-size: 12px; }
.gk-quote { padding: 4px 8px; border-left: 3px solid #c5cae9; background: #fafafa; white-space: pre-wrap; overflow-wrap: anywhere; }
.gk-muted { color: #5f6368; font-style: italic; }
.gk-validity { margin: 4px 0; color: #3c4043; font-size: 12px; }

.gk-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-top: 6px; }
.gk-button {
  min-height: 32px;
  padding: 0 12px;
  border: 1px solid #9e9e9e;
  border-radius: 4px;
  background: #ffffff;
  color: #1f2129;
  font-family: inherit;
  font-size: 13px;
  font-weight: 500;
  line-height: 18px;
  cursor: pointer;
}
.gk-button:hover:not(:disabled) { background: #f5f5f5; }
.gk-button:focus-visible, .gk-link:focus-visible, .gk-link-button:focus-visible, .gk-textarea:focus-visible, .gk-confirm:focus-visible {
  outline: 2px solid #3949ab;
  outline-offset: 2px;
}
.gk-button:disabled { opacity: 0.55; cursor: default; }
.gk-primary { border-color: #283593; background: #283593; color: #ffffff; }
.gk-primary:hover:not(:disabled) { background: #1a237e; }
.gk-danger { border-color: #b71c1c; background: #b71c1c; color: #ffffff; }
.gk-danger:hover:not(:disabled) { background: #8e1313; }
.gk-danger-outline { border-color: #b71c1c; color: #b71c1c; }
.gk-text { border-color: transparent; }
.gk-link { color: #283593; font-weight: 500; }

.gk-reject { margin-top: 8px; padding: 8px; border: 1px solid #e0e0e0; border-radius: 4px; background: #fafafa; }
.gk-label { display: block; margin-bottom: 4px; font-weight: 500; }
.gk-textarea {
  display: block;
  width: 100%;
  min-height: 60px;
  padding: 6px 8px;
  border: 1px solid #9e9e9e;
  border-radius: 4px;
  color: #1f2129;
  background: #ffffff;
  font: inherit;
  resize: vertical;
}
.gk-textarea[aria-invalid="true"] { border-color: #c62828; }
.gk-hint { margin-top: 4px; color: #5f6368; font-size: 12px; }
.gk-field-error { margin-top: 4px; color: #c62828; font-weight: 500; }
.gk-confirm { margin-bottom: 6px; font-weight: 500; }

.gk-error { margin-top: 8px; padding: 6px 8px; border-radius: 4px; background: #ffebee; color: #7f1010; }
.gk-error .gk-button { margin-top: 6px; }
.gk-warning { margin: 4px 0; padding: 6px 8px; border-radius: 4px; background: #fff8e1; color: #5d3b00; }

.gk-validity-preset { font-weight: 500; }
.gk-split { display: inline-flex; }
.gk-split .gk-button:first-child { border-top-right-radius: 0; border-bottom-right-radius: 0; }
.gk-split-toggle { min-width: 28px; padding: 0 8px; border-left: 1px solid #c5cae9; border-top-left-radius: 0; border-bottom-left-radius: 0; }
.gk-picker { margin: 8px 0 0; padding: 8px; border: 1px solid #e0e0e0; border-radius: 4px; background: #fafafa; }
.gk-picker legend { padding: 0 4px; }
.gk-choice { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.gk-custom { margin: 6px 0 0 22px; }
.gk-field { margin: 6px 0; }
.gk-input {
  min-height: 30px;
  padding: 4px 6px;
  border: 1px solid #9e9e9e;
  border-radius: 4px;
  color: #1f2129;
  background: #ffffff;
  font: inherit;
}
.gk-input[aria-invalid="true"] { border-color: #c62828; }
.gk-input:focus-visible, .gk-choice input:focus-visible { outline: 2px solid #3949ab; outline-offset: 2px; }
.gk-problems { margin: 4px 0 0; padding: 0; list-style: none; }

.gk-recent { margin-top: 12px; padding-top: 8px; border-top: 1px solid #e0e0e0; }
.gk-recent-title { margin: 0 0 4px; font-size: 14px; line-height: 20px; }
.gk-end-date { margin-top: 4px; }
.gk-end-date .gk-notice { margin-top: 6px; }
`;
