// px only: the shadow root does not isolate rem from the console's root font size.
export const subscriptionPageStyles = `
:host { all: initial; display: block; margin: 12px 0 0; }
.gk-box { border: 1px solid #c5cae9; border-radius: 6px; padding: 10px 14px; background: #f5f7ff; color: #1d1d1f; font: 14px/20px Roboto, "Helvetica Neue", Arial, sans-serif; }
.gk-box h3 { margin: 0 0 4px; font-size: 14px; font-weight: 600; color: #1565c0; }
.gk-status { margin: 0 0 8px; }
.gk-controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-start; }
.gk-field { display: flex; flex-direction: column; gap: 4px; flex-basis: 100%; }
.gk-field textarea, .gk-field select, .gk-field input { font: inherit; padding: 6px; border: 1px solid #9e9e9e; border-radius: 4px; }
.gk-warning { flex-basis: 100%; margin: 0; color: #8a4b00; }
.gk-warning:empty { display: none; }
button { font: 500 14px/20px Roboto, Arial, sans-serif; padding: 6px 14px; border-radius: 4px; border: 1px solid #1565c0; background: #fff; color: #1565c0; cursor: pointer; }
button.gk-primary { background: #1565c0; color: #fff; }
button.gk-danger { border-color: #c62828; background: #c62828; color: #fff; }
button:disabled { opacity: 0.5; cursor: default; }
`;
